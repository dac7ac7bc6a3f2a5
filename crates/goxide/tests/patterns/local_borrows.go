package main

import "fmt"

type Point struct{ X, Y int }

func (p *Point) Move(dx, dy int) { p.X += dx; p.Y += dy }

type Box struct {
	Min, Max Point
}

func grow(p *Point, k int) { p.X *= k; p.Y *= k }

func main() {
	// Borrowed mutably: the variable is not used while the pointer is.
	pt := Point{1, 2}
	p := &pt
	p.Move(1, 1)
	grow(p, 2)
	p.X++
	fmt.Println(pt)

	// A field, through a loop.
	var b Box
	q := &b.Max
	for i := 0; i < 3; i++ {
		q.Move(i, i)
	}
	fmt.Println(b)

	// Only read through: a shared borrow.
	n := 41
	r := &n
	fmt.Println(*r + 1)

	// The variable is used while the pointer still is: the pointer is another name for it.
	c := Point{}
	s := &c
	c.X = 5
	s.Y = 6
	fmt.Println(c)
}
