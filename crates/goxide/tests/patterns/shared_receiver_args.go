package main

import "fmt"

type Stack struct{ items []int }

func (s *Stack) Pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func (s *Stack) Len() int { return len(s.items) }

func add(a, b int) int { return a*10 + b }

func main() {
	s := &Stack{items: []int{1, 2, 3, 4, 5}}
	t := s
	fmt.Println(s.Pop(), t.Pop(), s.Len())
	fmt.Println(add(s.Pop(), t.Pop()), s.items)
}
