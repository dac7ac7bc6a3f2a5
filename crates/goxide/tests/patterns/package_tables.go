package main

import "fmt"

type testCase struct {
	in   string
	want int
}

// A read-only table: only ranged over and indexed.
var tests = []testCase{{"a", 1}, {"bb", 2}, {"ccc", 3}}

// A read-only map: only looked up.
var scores = map[string]int{"alice": 90, "bob": 72}

// Read-only scalars, one computed from another.
var limit = 2
var twice = limit * 2

// Written by `note`, which only main calls: a local of main, lent to `note`.
var seen []string

func note(s string) {
	seen = append(seen, s)
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

var weights = []int{3, 4, 5}

func main() {
	for _, tc := range tests {
		if len(tc.in) == tc.want {
			note(tc.in)
		}
	}
	fmt.Println(tests[1].in, len(tests), scores["alice"], twice)
	if s, ok := scores["bob"]; ok && s > limit {
		fmt.Println("bob", s)
	}
	fmt.Println(sum(weights), seen)
	check()
}

// Used from two functions: they stay package variables.
func check() { fmt.Println(len(tests), scores["bob"], sum(weights)) }
