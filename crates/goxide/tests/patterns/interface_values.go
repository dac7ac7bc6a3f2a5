package main

import "fmt"

type Shape interface{ Area() float64 }

type Named interface {
	Area() float64
	Name() string
}

// A named non-struct type with methods is an interface value too.
type Meters float64

func (m Meters) Area() float64 { return float64(m * m) }
func (m Meters) Name() string  { return "meters" }

type Counter int

func (c *Counter) Area() float64 { *c++; return float64(*c) }

type Rect struct{ W, H float64 }

func (r Rect) Area() float64 { return r.W * r.H }

// Methods promoted through an embedded pointer and an embedded interface.
type Framed struct{ *Rect }
type Wrapped struct{ Shape }

func main() {
	var s Shape = Meters(3)
	fmt.Println(s.Area())
	c := Counter(1)
	s = &c
	fmt.Println(s.Area(), c)
	r := Rect{2, 3}
	s = &r // *Rect has Rect's methods
	fmt.Println(s.Area())
	s = Framed{&r}
	fmt.Println(s.Area())
	s = Wrapped{Meters(2)}
	fmt.Println(s.Area())
	var n Named = Meters(4)
	s = n // from one trait to another
	var e interface{} = n
	if m, ok := e.(Meters); ok {
		fmt.Println(m.Name(), s.Area())
	}
}
