package main

import "runtime"

func main() {
	n := runtime.NumCgoCall()
	println(n)
	b := Box[int]{v: 20}
	println(b.Get())
}

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }
