// Package tables: package-level slices, maps and arrays that nothing changes after their
// initializer drive the program (a tiny unit-conversion and grading report). goxide emits
// them as immutable statics; the one variable that is written, only by main and a helper it
// calls, becomes a local of main lent to that helper.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type unit struct {
	name   string
	symbol string
	factor float64
}

type gradeBand struct {
	min   int
	grade string
}

var units = []unit{
	{"millimetre", "mm", 0.001},
	{"centimetre", "cm", 0.01},
	{"metre", "m", 1},
	{"kilometre", "km", 1000},
}

var bands = [...]gradeBand{{90, "A"}, {80, "B"}, {70, "C"}, {60, "D"}, {0, "F"}}

var scores = map[string]int{
	"ada":    93,
	"brian":  78,
	"claude": 85,
	"dennis": 61,
	"edsger": 42,
}

var separator = strings.Repeat("-", 24)

var width = 10
var columns = width + 6

var primes = []int{2, 3, 5, 7, 11, 13}

// Written by record, which only main calls: a local of main, lent to record.
var log []string

// Filled in place by scale, which borrows it: the writes land in the package variable.
var weights = []int{1, 2, 3, 4}
var tally = map[string]int{}

func scale(xs []int, by int) {
	for i := range xs {
		xs[i] *= by
	}
}

func count(m map[string]int, key string) { m[key]++ }

func record(s string) {
	log = append(log, s)
}

func grade(score int) string {
	for _, b := range bands {
		if score >= b.min {
			return b.grade
		}
	}
	return "?"
}

func convert(value float64, from, to string) (float64, bool) {
	var f, t float64
	for _, u := range units {
		if u.symbol == from {
			f = u.factor
		}
		if u.symbol == to {
			t = u.factor
		}
	}
	if f == 0 || t == 0 {
		return 0, false
	}
	return value * f / t, true
}

func sumOf(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}

func main() {
	fmt.Println(separator)
	for i, u := range units {
		fmt.Printf("%d %-*s %s\n", i, width, u.name, u.symbol)
	}
	fmt.Println(separator)
	for _, c := range []struct {
		v        float64
		from, to string
	}{{1500, "m", "km"}, {3, "km", "cm"}, {12, "mm", "m"}, {1, "ft", "m"}} {
		if r, ok := convert(c.v, c.from, c.to); ok {
			fmt.Printf("%g %s = %g %s\n", c.v, c.from, r, c.to)
		} else {
			fmt.Printf("%g %s: unknown unit\n", c.v, c.from)
			record("unknown " + c.from)
		}
	}
	fmt.Println(separator)
	names := make([]string, 0, len(scores))
	for n := range scores {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		g := grade(scores[n])
		fmt.Printf("%-*s %3d %s\n", width, n, scores[n], g)
		if g == "F" {
			record("failed " + n)
		}
	}
	if s, ok := scores["ada"]; ok {
		fmt.Println("top:", s, "of", len(scores))
	}
	fmt.Println(separator)
	fmt.Println("primes", primes[len(primes)-1], sumOf(primes), len(bands), columns)
	fmt.Println(strings.Join(log, "; "))
	scale(weights, 10)
	scale(weights[2:], -1)
	count(tally, "scaled")
	count(tally, "scaled")
	fmt.Println(weights, tally)
}
