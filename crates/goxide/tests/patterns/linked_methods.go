package main

import "fmt"

type item struct {
	name string
	next *item
}

// Len walks from its receiver: the walker is a view of `self`.
func (it *item) Len() int {
	n := 0
	for p := it; p != nil; p = p.next {
		n++
	}
	return n
}

// A stack whose methods own the items they link.
type Stack struct {
	top  *item
	size int
}

func (s *Stack) Push(name string) {
	it := &item{name: name}
	it.next = s.top
	s.top = it
	s.size++
}

func (s *Stack) Peek() string {
	if s.top == nil {
		return ""
	}
	return s.top.name
}

func (s *Stack) Names() []string {
	var out []string
	for it := s.top; it != nil; it = it.next {
		out = append(out, it.name)
	}
	return out
}

func (s *Stack) Count(name string) int {
	return count(s.top, name)
}

func count(it *item, name string) int {
	n := 0
	for ; it != nil; it = it.next {
		if it.name == name {
			n++
		}
	}
	return n
}

func main() {
	s := &Stack{}
	for _, n := range []string{"a", "b", "c", "b"} {
		s.Push(n)
	}
	fmt.Println(s.Peek(), s.size, s.Names(), s.Count("b"), s.top.Len())
	var empty Stack
	fmt.Println(empty.Peek() == "", len(empty.Names()))
}
