package main

import "fmt"

type Node struct {
	Val  int
	Next *Node
}

type Stack struct{ top *Node }

func (s *Stack) Push(n *Node) {
	n.Next = s.top
	s.top = n
}

// orNew returns the top node, or a new one: it is no constructor, so its fresh local is moved
// into the pointer it returns.
func orNew(s *Stack, v int) *Node {
	if s.top != nil {
		return s.top
	}
	n := &Node{Val: v}
	n.Val *= 2
	return n
}

func main() {
	s := &Stack{}
	fmt.Println(orNew(s, 21).Val)
	for i := 1; i <= 3; i++ {
		n := new(Node)
		n.Val = i * i
		s.Push(n) // the last use of n: moved into the pointer the stack keeps
	}
	var kept []*Node
	extra := &Node{Val: 100}
	extra.Val++
	kept = append(kept, extra)

	// Kept shared: used again after the hand-over.
	again := &Node{Val: 7}
	kept = append(kept, again)
	again.Val = 8

	for n := s.top; n != nil; n = n.Next {
		fmt.Println(n.Val)
	}
	fmt.Println(kept[0].Val, kept[1].Val, orNew(s, 0).Val)
}
