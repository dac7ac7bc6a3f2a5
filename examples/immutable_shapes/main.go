// Immutable values held in interfaces: shapes made once and never changed, passed around as
// pointers behind an interface. goxide holds each `*Circle` / `*Rect` as an `Option<T>` value
// (copies are indistinguishable from sharing when nothing writes through any pointer), with no
// cell, and implements the interface's trait for that `Option<T>`.
package main

import (
	"fmt"
	"sort"
)

type Shape interface {
	Area() float64
	Name() string
}

type Circle struct {
	R float64
}

func (c *Circle) Area() float64 { return 3.14159 * c.R * c.R }
func (c *Circle) Name() string  { return fmt.Sprintf("circle(r=%g)", c.R) }

type Rect struct {
	W, H float64
}

func (r *Rect) Area() float64 { return r.W * r.H }
func (r *Rect) Name() string  { return fmt.Sprintf("rect(%gx%g)", r.W, r.H) }

func largest(shapes []Shape) Shape {
	var best Shape
	for _, s := range shapes {
		if best == nil || s.Area() > best.Area() {
			best = s
		}
	}
	return best
}

func main() {
	unit := &Circle{R: 1}
	shapes := []Shape{unit, &Rect{W: 2, H: 3}, &Circle{R: 2}, &Rect{W: 1, H: 1}}
	sort.Slice(shapes, func(i, j int) bool { return shapes[i].Area() < shapes[j].Area() })
	for _, s := range shapes {
		fmt.Printf("%-14s %6.2f\n", s.Name(), s.Area())
	}
	big := largest(shapes)
	fmt.Println("largest:", big.Name())
	if c, ok := big.(*Circle); ok {
		fmt.Println("radius:", c.R)
	}
	if _, ok := big.(*Rect); !ok {
		fmt.Println("not a rect")
	}
	// Printed through an interface, a pointer to a struct shows as &{…}.
	var any interface{} = unit
	fmt.Println(any, unit.R)
	fmt.Printf("%v %+v\n", &Rect{W: 4, H: 5}, &Circle{R: 3})
}
