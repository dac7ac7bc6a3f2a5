// Command closures_loop_capture shows that closures capture variables, not values: two
// closures sharing one counter, and Go 1.19's per-loop (not per-iteration) loop variables.
package main

import "fmt"

// newTally returns two closures over the same count variable.
func newTally() (func(int), func() int) {
	count := 0
	inc := func(n int) { count += n }
	get := func() int { return count }
	return inc, get
}

func main() {
	inc, get := newTally()
	inc(3)
	inc(4)
	fmt.Println("tally:", get())
	inc2, get2 := newTally()
	inc2(10)
	fmt.Println("independent tallies:", get(), get2())

	// Every closure sees the single loop variable i, which ends at 3.
	var printers []func()
	for i := 0; i < 3; i++ {
		printers = append(printers, func() { fmt.Print(i, " ") })
	}
	for _, p := range printers {
		p()
	}
	fmt.Println()

	// The usual fix: a fresh variable per iteration.
	var fixed []func() int
	for i := 0; i < 3; i++ {
		i := i
		fixed = append(fixed, func() int { return i * i })
	}
	for _, f := range fixed {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	// Range loops reuse their variables too.
	names := []string{"ann", "bob", "cid"}
	var greeters []func() string
	for _, n := range names {
		greeters = append(greeters, func() string { return "hi " + n })
	}
	for _, g := range greeters {
		fmt.Println(g())
	}

	// A closure can change a variable after the fact.
	x := 1
	double := func() { x *= 2 }
	double()
	double()
	fmt.Println("x =", x)
}
