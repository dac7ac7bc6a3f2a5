package main

import "fmt"

type Point struct{ X, Y int }

func (p Point) Sum() int { return p.X + p.Y }

type P = Point
type Pair = struct{ A, B string }

func main() {
	p := P{1, 2}
	var q Pair = Pair{"a", "b"}
	fmt.Println(p, p.Sum(), q)
	fmt.Printf("%+v %T %T\n", p, p, q)
	{
		type L = struct{ N int }
		fmt.Println(L{3})
	}
}
