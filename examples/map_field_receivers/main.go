// Value receivers whose struct holds a map: the receiver is a copy, but the copy names the
// same map, so writes through the map field are seen by the caller.
package main

import "fmt"

// Set is a set of ints backed by a map.
type Set struct{ m map[int]bool }

func (s Set) Add(v int)    { s.m[v] = true }
func (s Set) Remove(v int) { delete(s.m, v) }
func (s Set) Len() int     { return len(s.m) }

// Counter counts words; its name is a plain value field.
type Counter struct {
	name   string
	counts map[string]int
}

func (c Counter) Inc(k string) { c.counts[k]++ }

// Rename writes to the copy's own field: the caller's name does not change.
func (c Counter) Rename(n string) Counter {
	c.name = n
	return c
}

type Registry struct {
	sets struct{ byName map[string]int }
}

func (r Registry) Register(name string, n int) { r.sets.byName[name] += n }

func main() {
	s := Set{m: map[int]bool{}}
	s.Add(1)
	s.Add(2)
	s.Add(3)
	s.Remove(1)
	fmt.Println(s.Len(), s.m)

	c := Counter{name: "words", counts: map[string]int{}}
	for _, w := range []string{"a", "b", "a"} {
		c.Inc(w)
	}
	r := c.Rename("renamed")
	fmt.Println(c.name, r.name, c.counts)

	p := &Set{m: map[int]bool{}}
	p.Add(7)
	fmt.Println(len(p.m))

	reg := Registry{}
	reg.sets.byName = map[string]int{}
	reg.Register("x", 2)
	reg.Register("x", 3)
	fmt.Println(reg.sets.byName)
}
