// Command package_vars_init shows package-level variables, initialized in dependency
// order (not source order), and init functions.
package main

import "fmt"

var (
	total      = base * multiplier
	base       = computeBase()
	multiplier = 3
	names      = []string{"alpha", "beta", "gamma"}
	lookup     = buildLookup(names)
	counter    int
	greeting   string
)

var defaultPort = 8000 + offset

const offset = 80

func computeBase() int {
	fmt.Println("computing base")
	return 14
}

func buildLookup(xs []string) map[string]int {
	m := make(map[string]int, len(xs))
	for i, x := range xs {
		m[x] = i
	}
	return m
}

func init() {
	counter = 10
	greeting = "hello from init"
	fmt.Println("init 1: counter =", counter)
}

func init() {
	counter++
	fmt.Println("init 2: counter =", counter)
}

func next() int {
	counter++
	return counter
}

func main() {
	fmt.Println(greeting)
	fmt.Println(base, multiplier, total)
	fmt.Println(lookup, defaultPort)
	fmt.Println(next(), next(), counter)
	names[0] = "ALPHA"
	fmt.Println(names, lookup["alpha"])
}
