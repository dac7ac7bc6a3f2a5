package main

import "fmt"

// A singly linked list built by prepending.
type Node struct {
	Value int
	Next  *Node
}

func push(head *Node, v int) *Node {
	return &Node{Value: v, Next: head}
}

func sum(head *Node) int {
	total := 0
	for n := head; n != nil; n = n.Next {
		total += n.Value
	}
	return total
}

// bump changes the nodes it reaches without keeping them: a `&mut Node` lent by the caller.
func bump(n *Node, by int) {
	n.Value += by
	if n.Next != nil {
		bump(n.Next, by)
	}
}

// A binary search tree: insert moves each subtree out and back in.
type Tree struct {
	Key         string
	Count       int
	Left, Right *Tree
}

func insert(t *Tree, key string) *Tree {
	if t == nil {
		return &Tree{Key: key, Count: 1}
	}
	switch {
	case key < t.Key:
		t.Left = insert(t.Left, key)
	case key > t.Key:
		t.Right = insert(t.Right, key)
	default:
		t.Count++
	}
	return t
}

func height(t *Tree) int {
	if t == nil {
		return 0
	}
	return 1 + max(height(t.Left), height(t.Right))
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}

func main() {
	var head *Node
	for i := 1; i <= 4; i++ {
		head = push(head, i*i)
	}
	fmt.Println(sum(head), head.Value, head.Next.Value)
	bump(head, 100)
	fmt.Println(sum(head))

	var root *Tree
	for _, w := range []string{"m", "c", "x", "a", "c", "m", "e"} {
		root = insert(root, w)
	}
	fmt.Println(height(root), root.Key, root.Left.Count)
	smallest := root
	for smallest.Left != nil {
		smallest = smallest.Left
	}
	fmt.Println(smallest.Key)
}
