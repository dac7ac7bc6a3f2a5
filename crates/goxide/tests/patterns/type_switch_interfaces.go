package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }
type Namer interface{ Name() string }
type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }
func (q Sq) Name() string  { return "sq" }

type Dot struct{}

func (Dot) Area() float64 { return 0 }

func main() {
	shapes := []Shape{Sq{2}, Dot{}}
	for _, s := range shapes {
		switch v := s.(type) {
		case Namer:
			fmt.Println("namer", v.Name())
		default:
			fmt.Println("plain", s.Area())
		}
	}
	var x interface{} = errors.New("boom")
	switch e := x.(type) {
	case error:
		fmt.Println("error:", e.Error())
	}
}
