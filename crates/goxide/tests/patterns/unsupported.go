package main

import "runtime"

func main() {
	n := runtime.NumCgoCall()
	println(n)
	xs := []int{1, 2, 3}
	p := &xs[1]
	*p = 20
	println(xs[1])
}
