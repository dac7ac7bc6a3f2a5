package main

import "fmt"

type Box[T any] struct {
	v T
	n int
}

func (b *Box[T]) Set(v T) {
	b.v = v
	b.n++
}

func (b *Box[T]) Get() T { return b.v }

// swap and fill only reach through their pointers: borrows, in every instantiation.
func swap[T any](a, b *Box[T]) { a.v, b.v = b.v, a.v }

func fill[T any](b *Box[T], v T) { b.Set(v) }

// NewBox always returns a fresh box: a constructor, generic or not.
func NewBox[T any](v T) *Box[T] { return &Box[T]{v: v} }

func main() {
	x := Box[int]{}
	fill(&x, 3)
	y := &Box[int]{v: 4}
	swap(&x, y)
	s := &Box[string]{}
	fill[string](s, "hi")
	z := NewBox(2.5)
	z.Set(1.5)
	fmt.Println(x.Get(), y.Get(), s.Get(), x.n, z.Get())
}
