package main

import (
	"fmt"
	"sort"
)

type Stock struct {
	items map[string]int
}

// Names only reads the map: it iterates in place.
func (s *Stock) Names() []string {
	names := make([]string, 0, len(s.items))
	for name := range s.items {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

func main() {
	s := &Stock{items: map[string]int{"a": 1, "b": 2, "c": 3}}
	total := 0
	for _, n := range s.items {
		total += n
	}
	pairs := 0
	for k, v := range s.items {
		if len(k) == 1 && v > 0 {
			pairs++
		}
	}
	// The body deletes from the map: the loop runs over a copy.
	for k, v := range s.items {
		if v > 1 {
			delete(s.items, k)
		}
	}
	fmt.Println(s.Names(), total, pairs, len(s.items))
}
