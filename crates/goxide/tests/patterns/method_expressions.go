package main

import "fmt"

// Methods of named non-struct types live in an extension trait; a method expression on such a
// type names the trait.
type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

type List []int

func (l List) Len() int { return len(l) }

func (l *List) Push(x int) { *l = append(*l, x) }

type P struct{ x int }

func (p P) X() int { return p.x }

func main() {
	f := Celsius.Fahrenheit
	fmt.Println(f(100))
	l := List{1, 2}
	push := (*List).Push
	push(&l, 3)
	fmt.Println(List.Len(l), (*List).Len(&l))
	fmt.Println(P.X(P{7}))
}
