package main

import "fmt"

type Set struct{ m map[int]bool }

func (s Set) Add(v int)    { s.m[v] = true }
func (s Set) Remove(v int) { delete(s.m, v) }
func (s Set) Len() int     { return len(s.m) }

type Counter struct {
	name   string
	counts map[string]int
}

func (c Counter) Inc(k string) { c.counts[k]++ }

// A lookup by a string field borrows it: `c.counts.get(&c.name)`.
func (c Counter) Own() (int, bool) {
	n, ok := c.counts[c.name]
	return n + c.counts[c.name], ok
}

func main() {
	s := Set{m: map[int]bool{}}
	s.Add(1)
	s.Add(2)
	s.Remove(1)
	fmt.Println(s.Len(), s.m)
	c := Counter{name: "c", counts: map[string]int{}}
	c.Inc("a")
	c.Inc("a")
	fmt.Println(c.name, c.counts)
	d := c
	d.Inc("b")
	fmt.Println(c.counts, d.counts)
	d.Inc("c")
	fmt.Println(d.Own())
}
