package main

import (
	"fmt"
	"strings"
)

func main() {
	// Only called, and nothing else uses `count` meanwhile: a closure borrowing it.
	count := map[string]int{}
	add := func(w string) { count[w]++ }
	for _, w := range strings.Fields("a b a c a") {
		add(w)
	}
	fmt.Println(count["a"], len(count))

	// Reads a variable nothing changes, which the loop reads too.
	limit := 2
	names := []string{"x", "y", "z"}
	small := func(i int) bool { return i < limit && names[i] != "y" }
	for i := range names {
		fmt.Println(names[i], small(i))
	}

	// `out` is read between two calls: the closure takes it as a parameter, which each call
	// lends.
	var out []string
	emit := func(s string) { out = append(out, s) }
	emit("a")
	fmt.Println(len(out))
	emit("b")
	fmt.Println(out)

	// A call in a statement that names `n` too: the closure and `n` stay shared.
	n := 0
	next := func() int { n++; return n }
	fmt.Println(next(), n)
}
