// Command shared_receiver_args calls methods that change a shared value several times in one
// argument list: each call's borrow of the shared value ends before the next argument is
// evaluated, as Go evaluates calls left to right.
package main

import "fmt"

type Stack struct{ items []int }

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func (s *Stack) Pop() int {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}

func (s *Stack) Len() int { return len(s.items) }

func pair(a, b int) string { return fmt.Sprintf("(%d, %d)", a, b) }

func main() {
	s := &Stack{}
	alias := s
	for i := 1; i <= 6; i++ {
		s.Push(i * i)
	}
	fmt.Println(s.Pop(), alias.Pop(), s.Len())
	fmt.Println(pair(s.Pop(), alias.Pop()), s.items)
	fmt.Printf("%d then %d, %d left\n", alias.Pop(), s.Pop(), alias.Len())
}
