package main

import "fmt"

type List struct{ items []int }

func (l *List) remove(i int) int {
	v := l.items[i]
	l.items = append(l.items[:i], l.items[i+1:]...)
	return v
}

// Remove removes the first item equal to v.
func (l *List) Remove(v int) bool {
	for i, x := range l.items {
		if x == v {
			l.remove(i)
			return true
		}
	}
	return false
}

func (l List) Len() int { return len(l.items) }
func (l List) len() int  { return -1 }

func main() {
	l := &List{items: []int{1, 2, 3, 4}}
	a := l.Remove(3)
	b := l.Remove(9)
	fmt.Println(a, b, l.items, l.Len(), l.len())
	f := l.remove
	fmt.Println(f(0), l.items)
	g := (*List).Remove
	fmt.Println(g(l, 4), l.items)
}
