package main

import (
	"fmt"
	"sort"
)

type Board struct {
	names  []string
	scores map[string]int
}

// The receiver's field, ordered by another field.
func (b *Board) Rank() {
	sort.SliceStable(b.names, func(i, j int) bool {
		return b.scores[b.names[i]] > b.scores[b.names[j]]
	})
}

type Pair struct {
	Key string
	N   int
}

type Counts struct {
	pairs []Pair
	asc   bool
}

func main() {
	b := &Board{names: []string{"ann", "bob", "cy"}, scores: map[string]int{"ann": 2, "bob": 5, "cy": 2}}
	b.Rank()
	fmt.Println(b.names)
	// A local struct's field.
	c := Counts{pairs: []Pair{{"x", 3}, {"y", 1}, {"z", 2}}, asc: true}
	sort.Slice(c.pairs, func(i, j int) bool {
		if c.asc {
			return c.pairs[i].N < c.pairs[j].N
		}
		return c.pairs[i].N > c.pairs[j].N
	})
	fmt.Println(c.pairs, sort.SliceIsSorted(c.pairs, func(i, j int) bool { return c.pairs[i].N < c.pairs[j].N }))
}
