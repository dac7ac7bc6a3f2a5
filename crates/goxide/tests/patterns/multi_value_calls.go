package main

import "fmt"

func parts() (float64, float64) { return 3, 4 }

func more() ([]string, string, string) { return []string{"a"}, "b", "c" }

func pair() (int, bool) { return 4, true }

// A deferred call changes a named result after `return f()` set it.
func bumped() (n int, ok bool) {
	defer func() { n++ }()
	return pair()
}

func logger(tag string) func() {
	return func() { fmt.Println("done", tag) }
}

func main() {
	// `defer f(x)()`: `f(x)` runs now, its result when main returns.
	defer logger("main")()
	c := complex(parts())
	s := append(more())
	n, ok := bumped()
	fmt.Println(real(c), imag(c), s, n, ok)
}
