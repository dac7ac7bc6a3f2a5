// Loop variables under Go 1.22 rules (this module's go.mod says go 1.22): every iteration of
// a loop has its own copy of the loop variables, so closures made in different iterations see
// different values. Before Go 1.22 they would all see the last value.
package main

import (
	"fmt"
	"strings"
)

type task struct {
	name string
	run  func() string
}

func main() {
	// A three-clause loop: the closure captures this iteration's `i`.
	var squares []func() int
	for i := 0; i < 4; i++ {
		squares = append(squares, func() int { return i * i })
	}
	for _, f := range squares {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// Two variables, both advanced by the post statement.
	var pairs []func() string
	for lo, hi := 0, 5; lo < hi; lo, hi = lo+1, hi-1 {
		pairs = append(pairs, func() string { return fmt.Sprintf("[%d,%d]", lo, hi) })
	}
	for _, p := range pairs {
		fmt.Print(p())
	}
	fmt.Println()

	// A range loop: each task remembers its own word and index.
	var tasks []task
	for i, w := range strings.Fields("alpha beta gamma") {
		tasks = append(tasks, task{name: w, run: func() string {
			return fmt.Sprintf("%d:%s", i, strings.ToUpper(w))
		}})
	}
	for _, t := range tasks {
		fmt.Println(t.name, "->", t.run())
	}

	// Deferred closures in a loop run last-first, each with its own value.
	func() {
		for i := 1; i <= 3; i++ {
			defer func() { fmt.Println("deferred", i) }()
		}
	}()
}
