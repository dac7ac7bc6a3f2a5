package main

import "runtime"

func main() {
	n := runtime.NumCgoCall()
	println(n)
	var g Getter[int]
	println(g.Get())
}

type Getter[T any] interface{ Get() T }
