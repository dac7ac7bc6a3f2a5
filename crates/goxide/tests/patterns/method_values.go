package main

import "fmt"

type C struct{ n int }

func (c *C) Add(k int) int { c.n += k; return c.n }
func (c C) Get() int       { return c.n }
func (c *C) Peek() int     { return c.n }

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

func main() {
	c := &C{}
	add := c.Add
	add(2)
	add(3)
	get := c.Get
	fmt.Println(c.n, get())

	// A pointer method's value on an addressable variable holds its address.
	var v C
	inc := v.Add
	inc(4)
	peek := v.Peek
	fmt.Println(v.n, peek(), v.Peek())

	// A generic type's method value has the type arguments' types.
	get2 := Box[string]{v: "boxed"}.Get
	fmt.Println(get2())
}
