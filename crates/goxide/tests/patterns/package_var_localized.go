package main

import (
	"fmt"
	"strings"
)

// tally counts words; only main uses it.
var tally = map[string]int{}

var order []string // words in first-seen order

// A table only init uses.
var defaults = []string{"a", "b"}

var loaded []string

// Its initializer calls a function: it runs at package initialization, so it stays.
var banner = strings.Repeat("=", 3)

func init() {
	for _, d := range defaults {
		loaded = append(loaded, d)
	}
}

func main() {
	for _, w := range strings.Fields("the cat saw the dog") {
		if tally[w] == 0 {
			order = append(order, w)
		}
		tally[w]++
	}
	fmt.Println(banner, order, tally["the"], loaded)
}
