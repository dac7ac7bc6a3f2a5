package main

import "fmt"

type Stack struct {
	items []int
	name  string
}

func NewStack(name string) *Stack {
	return &Stack{name: name}
}

func newNamed(n string) *Stack {
	s := NewStack(n)
	s.name += "!"
	return s
}

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func (s *Stack) Pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func (s *Stack) Len() int { return len(s.items) }

type Holder struct {
	st *Stack
}

func fill(s *Stack, n int) {
	for i := 0; i < n; i++ {
		s.Push(i * i)
	}
}

func main() {
	s := NewStack("a")
	fill(s, 4)
	fmt.Println(s.Len(), s.Pop(), s.name)
	t := newNamed("b")
	t.Push(7)
	fmt.Println(t.Len(), t.name)
	h := Holder{st: NewStack("kept")}
	h.st.Push(1)
	fmt.Println(h.st.Len(), h.st.name)
}
