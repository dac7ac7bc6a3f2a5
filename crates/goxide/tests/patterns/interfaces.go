package main

import (
	"errors"
	"fmt"
)

type Shape interface {
	Area() float64
	Name() string
}

type Rect struct{ W, H float64 }
type Circle struct{ R float64 }
type Counter struct{ n int }

func (r Rect) Area() float64    { return r.W * r.H }
func (r Rect) Name() string     { return "rect" }
func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) Name() string  { return "circle" }

type Incer interface{ Inc() int }

func (c *Counter) Inc() int { c.n++; return c.n }

type NotFound struct{ Key string }

func (e NotFound) Error() string { return "not found: " + e.Key }

func find(k string) error {
	if k == "x" {
		return NotFound{k}
	}
	if k == "y" {
		return errors.New("plain")
	}
	return nil
}

func total(shapes []Shape) float64 {
	t := 0.0
	for _, s := range shapes {
		t += s.Area()
	}
	return t
}

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	for _, s := range shapes {
		fmt.Println(s.Name(), s.Area())
	}
	fmt.Println(total(shapes))
	var s Shape = Rect{1, 1}
	if r, ok := s.(Rect); ok {
		fmt.Println("rect", r.W)
	}
	switch v := s.(type) {
	case *Circle:
		fmt.Println("circle", v.R)
	case Rect:
		fmt.Println("rect again", v.H)
	}
	c := &Counter{}
	var i Incer = c
	i.Inc()
	i.Inc()
	fmt.Println(c.n, s != nil)
	fmt.Println(find("x"), find("y"), find("z"))
}
