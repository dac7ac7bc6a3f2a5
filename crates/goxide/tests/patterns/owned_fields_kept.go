// Pointer fields that stay shared: the pointer copied out, the holder copied, a local still
// used after it is stored, a closure reaching through the field, a value receiver, a struct
// written alike (here unnamed) that is copied.
package main

import "fmt"

type Counter struct{ n int }

func NewCounter() *Counter  { return &Counter{} }
func (c *Counter) Inc()     { c.n++ }
func (c *Counter) Get() int { return c.n }

type CopiedOut struct {
	c *Counter
	a int
}

type Copied struct {
	c *Counter
	b int
}

type Stored struct {
	c *Counter
	d int
}

type Captured struct {
	c *Counter
	e int
}

type ByValue struct {
	c *Counter
	f int
}

func (v ByValue) Show() int { v.c.Inc(); return v.c.Get() }

type Alike struct {
	c *Counter
	g int
}

func main() {
	a := CopiedOut{c: NewCounter()}
	x := a.c
	x.Inc()
	fmt.Println(a.c.Get(), x.Get())

	b := Copied{c: NewCounter()}
	b2 := b
	b2.c.Inc()
	fmt.Println(b.c.Get(), b2.c.Get())

	k := NewCounter()
	s := Stored{c: k}
	k.Inc()
	fmt.Println(s.c.Get(), k.Get())

	e := Captured{c: NewCounter()}
	f := func() { e.c.Inc() }
	f()
	fmt.Println(e.c.Get())

	v := ByValue{c: NewCounter()}
	fmt.Println(v.Show(), v.c.Get())

	w := Alike{c: NewCounter()}
	w.c.Inc()
	u := struct {
		c *Counter
		g int
	}{c: NewCounter()}
	u2 := u
	u2.c.Inc()
	fmt.Println(w.c.Get(), u.c.Get(), u2.c.Get())
}
