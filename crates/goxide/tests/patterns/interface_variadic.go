package main

import "fmt"

// A variadic interface method is a trait method taking the rest as a Vec.
type Sink interface {
	Put(tag string, vals ...int) int
}

type Counter struct{ n int }

func (c *Counter) Put(tag string, vals ...int) int {
	c.n += len(vals)
	return c.n
}

// A value receiver of a Copy struct passed on by value is *self.
type Point struct{ X, Y int }

func (p Point) Moved() Point { return shift(p, 1) }

func shift(p Point, d int) Point { return Point{p.X + d, p.Y + d} }

func main() {
	var s Sink = &Counter{}
	s.Put("a", 1, 2)
	xs := []int{3, 4, 5}
	fmt.Println(s.Put("b", xs...), s.Put("c"))
	fmt.Println(Point{1, 2}.Moved())
	var a, b any = s, s
	fmt.Println(a == b)
}
