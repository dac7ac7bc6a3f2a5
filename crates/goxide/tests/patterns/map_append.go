package main

import "fmt"

type G struct{ by map[string][]int }

// Grouping by key: `m[k] = append(m[k], v)` pushes to the entry in place.
func main() {
	m := map[string][]int{}
	for i, w := range []string{"a", "b", "a"} {
		m[w] = append(m[w], i)
	}
	m["z"] = append(m["z"], 9, 10)
	g := &G{by: map[string][]int{}}
	k := "q"
	g.by[k] = append(g.by[k], 1)
	fmt.Println(m, g.by)
}
