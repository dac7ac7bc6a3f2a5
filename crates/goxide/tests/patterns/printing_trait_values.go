package main

import "fmt"

type Shape interface{ Area() float64 }
type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return 3 * c.R * c.R }
func (c *Circle) String() string { return fmt.Sprintf("circle(%g)", c.R) }

func main() {
	shapes := []Shape{Rect{2, 3}, &Circle{1}}
	for _, s := range shapes {
		fmt.Println(s, s.Area())
		fmt.Printf("%v %T %+v\n", s, s, s)
	}
	var none Shape
	fmt.Println(none)
	msg := fmt.Sprint(shapes[0])
	fmt.Println(msg, shapes)
}
