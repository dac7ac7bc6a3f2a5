// A conversion between struct types with the same fields copies them field by field.
package main

import "fmt"

type Point struct {
	X, Y int
}

type Pair[A, B any] struct {
	X A
	Y B
}

func main() {
	type local struct {
		X, Y int
	}
	p := Point{X: 1, Y: 2}
	l := local(p)
	q := Point(Pair[int, int]{X: 3, Y: 4})
	fmt.Println(l.X+l.Y, q)
}
