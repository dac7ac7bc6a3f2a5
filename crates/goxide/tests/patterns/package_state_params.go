package main

import "fmt"

// seen lists the words in first-seen order; main and the helpers it calls use it.
var seen []string

var counts = map[string]int{}

// hits is also used by a function value: it stays a package variable.
var hits int

func note(w string) {
	if counts[w] == 0 {
		seen = append(seen, w)
	}
	counts[w]++
}

func noteAll(ws []string) {
	for _, w := range ws {
		note(w)
	}
}

func summary() string {
	return fmt.Sprint(len(seen), " words, first ", seen[0])
}

func hit() { hits++ }

func main() {
	noteAll([]string{"go", "rust", "go"})
	note("zig")
	fmt.Println(seen, counts["go"], summary())
	f := hit
	f()
	fmt.Println(hits)
}
