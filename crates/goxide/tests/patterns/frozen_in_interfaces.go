package main

import "fmt"

// Shape values are pointers to structs nothing changes: held as Option<T> behind the trait.
type Shape interface{ Area() float64 }

type Circle struct{ R float64 }

func (c *Circle) Area() float64 { return 3 * c.R * c.R }

type Square struct{ S float64 }

func (s *Square) Area() float64 { return s.S * s.S }

func main() {
	shapes := []Shape{&Circle{R: 1}, &Square{S: 2}}
	total := 0.0
	for _, s := range shapes {
		total += s.Area()
	}
	if c, ok := shapes[0].(*Circle); ok {
		fmt.Println(c.R, total)
	}
	fmt.Println(shapes[1])
}
