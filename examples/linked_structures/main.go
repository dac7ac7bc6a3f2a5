// Command linked_structures builds and walks linked lists and trees: links that own what they
// point to, walkers that only read, helpers that change nodes in place, and a stack whose
// methods move items in and out.
package main

import (
	"fmt"
	"strings"
)

// Item is one entry of a singly linked list.
type Item struct {
	Name string
	Next *Item
}

// prepend returns a new head: the old list moves into it.
func prepend(head *Item, name string) *Item {
	return &Item{Name: name, Next: head}
}

// names walks the list without changing it.
func names(head *Item) string {
	var parts []string
	for it := head; it != nil; it = it.Next {
		parts = append(parts, it.Name)
	}
	return strings.Join(parts, " -> ")
}

// shout changes every item in place.
func shout(it *Item) {
	it.Name = strings.ToUpper(it.Name)
	if it.Next != nil {
		shout(it.Next)
	}
}

// detach cuts the list after its first item and returns the rest.
func detach(head *Item) *Item {
	rest := head.Next
	head.Next = nil
	return rest
}

// Stack keeps its items linked from the top.
type Stack struct {
	top  *Item
	size int
}

func (s *Stack) Push(name string) {
	it := &Item{Name: name}
	it.Next = s.top
	s.top = it
	s.size++
}

func (s *Stack) Peek() string {
	if s.top == nil {
		return "(empty)"
	}
	return s.top.Name
}

func (s *Stack) String() string {
	return fmt.Sprintf("%d: %s", s.size, names(s.top))
}

// Node is a binary search tree counting words.
type Node struct {
	Word        string
	Count       int
	Left, Right *Node
}

func insert(n *Node, w string) *Node {
	if n == nil {
		return &Node{Word: w, Count: 1}
	}
	switch {
	case w < n.Word:
		n.Left = insert(n.Left, w)
	case w > n.Word:
		n.Right = insert(n.Right, w)
	default:
		n.Count++
	}
	return n
}

func inOrder(n *Node, visit func(string, int)) {
	if n == nil {
		return
	}
	inOrder(n.Left, visit)
	visit(n.Word, n.Count)
	inOrder(n.Right, visit)
}

func height(n *Node) int {
	if n == nil {
		return 0
	}
	l, r := height(n.Left), height(n.Right)
	if l > r {
		return l + 1
	}
	return r + 1
}

func main() {
	var head *Item
	for _, n := range []string{"c", "b", "a"} {
		head = prepend(head, n)
	}
	fmt.Println(names(head))
	shout(head)
	fmt.Println(names(head))
	rest := detach(head)
	fmt.Println(names(head), "|", names(rest))

	var s Stack
	fmt.Println(s.Peek())
	for _, n := range []string{"x", "y", "z"} {
		s.Push(n)
	}
	fmt.Println(s.Peek(), s.String())

	var root *Node
	for _, w := range strings.Fields("the quick fox and the lazy dog and the cat") {
		root = insert(root, w)
	}
	inOrder(root, func(w string, c int) {
		if c > 1 {
			fmt.Print(w, "x", c, " ")
		}
	})
	fmt.Println()
	fmt.Println("height", height(root), "root", root.Word)

	var empty *Node
	fmt.Println(height(empty))
	fmt.Println(empty.Word)
}
