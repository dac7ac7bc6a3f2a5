package main

import "fmt"

func total(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}

func one() int { return 1 }

func main() {
	// a function borrowing its slice parameter, used as a value
	f := total
	fmt.Println(f([]int{1, 2, 3}))
	// functions as elements of a map literal
	m := map[string]func() int{"one": one}
	fmt.Println(m["one"]())
	// an array of function values starts with nil functions
	var fs [2]func() int
	fs[1] = one
	fmt.Println(fs[1]())
}
