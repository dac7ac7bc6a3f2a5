// Command func_callbacks builds a text-processing pipeline from function values: a named
// function type, functions stored in variables and slices, callbacks, and functions that
// return functions.
package main

import (
	"fmt"
	"strings"
)

type Transform func(string) string

func chain(steps ...Transform) Transform {
	return func(s string) string {
		for _, step := range steps {
			s = step(s)
		}
		return s
	}
}

func surround(left, right string) Transform {
	return func(s string) string { return left + s + right }
}

func shout(s string) string { return strings.ToUpper(s) + "!" }

// eachWord calls visit for every word with its index; visit returns false to stop.
func eachWord(text string, visit func(i int, w string) bool) int {
	n := 0
	for i, w := range strings.Fields(text) {
		n++
		if !visit(i, w) {
			break
		}
	}
	return n
}

func apply(xs []int, ops ...func(int) int) []int {
	out := make([]int, len(xs))
	for i, x := range xs {
		for _, op := range ops {
			x = op(x)
		}
		out[i] = x
	}
	return out
}

func main() {
	trim := func(s string) string { return strings.TrimSpace(s) }
	upper := func(s string) string { return strings.ToUpper(s) }
	steps := []Transform{trim, shout}
	steps = append(steps, surround("\"", "\""))
	pipeline := chain(steps...)
	fmt.Println(pipeline("  hello gophers  "), len(steps))
	fmt.Println(chain(upper, surround("[", "]"))("ok"))

	longest := ""
	visited := eachWord("the quick brown fox jumps", func(i int, w string) bool {
		if len(w) > len(longest) {
			longest = w
		}
		return i < 2
	})
	fmt.Println("visited", visited, "longest so far:", longest)

	double := func(x int) int { return x * 2 }
	inc := func(x int) int { return x + 1 }
	fmt.Println(apply([]int{1, 2, 3}, double, inc), apply([]int{1, 2, 3}, inc, double))
	fmt.Println(apply([]int{5}, inc, inc, inc))

	var t Transform = shout
	t = chain(t, t)
	fmt.Printf("%s\n", t("go"))
}
