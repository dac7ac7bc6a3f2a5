// Command interfaces_shapes computes areas through a Shape interface and inspects the
// dynamic types with type switches and comma-ok type assertions.
package main

import (
	"fmt"
	"math"
)

type Shape interface {
	Area() float64
	Perimeter() float64
}

type Scaler interface {
	Scale(f float64)
}

type Rect struct{ W, H float64 }

type Circle struct{ R float64 }

type Square struct{ Side float64 }

func (r Rect) Area() float64      { return r.W * r.H }
func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

func (c *Circle) Area() float64      { return math.Pi * c.R * c.R }
func (c *Circle) Perimeter() float64 { return 2 * math.Pi * c.R }
func (c *Circle) Scale(f float64)    { c.R *= f }

func (s Square) Area() float64      { return s.Side * s.Side }
func (s Square) Perimeter() float64 { return 4 * s.Side }

func describe(s Shape) string {
	switch v := s.(type) {
	case nil:
		return "no shape"
	case Rect:
		return fmt.Sprintf("rect %gx%g", v.W, v.H)
	case *Circle:
		return fmt.Sprintf("circle r=%g", v.R)
	default:
		return fmt.Sprintf("other shape with area %.1f", v.Area())
	}
}

func totalArea(shapes []Shape) float64 {
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
	}
	return total
}

func main() {
	c := &Circle{R: 1}
	shapes := []Shape{Rect{W: 3, H: 4}, c, Square{Side: 2}}
	for _, s := range shapes {
		fmt.Printf("%-22s area=%6.2f perimeter=%6.2f\n", describe(s), s.Area(), s.Perimeter())
	}
	var none Shape
	fmt.Println(describe(none), none == nil)
	fmt.Printf("total %.3f\n", totalArea(shapes))

	for i, s := range shapes {
		if sc, ok := s.(Scaler); ok {
			sc.Scale(2)
			fmt.Println(i, "scaled")
		} else {
			fmt.Println(i, "not scalable")
		}
	}
	fmt.Printf("circle now r=%g, total %.3f\n", c.R, totalArea(shapes))

	if r, ok := shapes[0].(Rect); ok {
		fmt.Println("first is a rect of width", r.W)
	}
	_, isSquare := shapes[1].(Square)
	fmt.Println("second is a square:", isSquare)
}
