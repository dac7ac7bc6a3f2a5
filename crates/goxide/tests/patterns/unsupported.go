package main

import "runtime"

func main() {
	n := runtime.NumCgoCall()
	println(n)
	// A generic struct whose fields have no Rust form for these type arguments
	// (float map keys) has no Rust form either.
	var fs FloatSet[float64]
	println(fs.m == nil)
}

type FloatSet[T comparable] struct{ m map[T]bool }

