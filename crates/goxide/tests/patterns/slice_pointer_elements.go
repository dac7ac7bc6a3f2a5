package main

import "fmt"

type Item struct {
	Name  string
	Count int
}

func (it *Item) Add(n int) { it.Count += n }

// A constructor: it returns the value.
func NewItem(name string) *Item {
	return &Item{Name: name, Count: 1}
}

type Node struct {
	Val      int
	Children []*Node
	seen     int
}

// Walks the children while changing another field of the receiver: two Rust borrows of
// different fields.
func (n *Node) Count() int {
	for _, c := range n.Children {
		n.seen += c.Val
	}
	return n.seen
}

// Only reads through each child: `iter()`, and `&self`.
func (n *Node) Sum() int {
	s := n.Val
	for _, c := range n.Children {
		s += c.Sum()
	}
	return s
}

func main() {
	// Every `*Item` of a `[]*Item` is made fresh for it and only reached through: the slice
	// holds the values.
	var items []*Item
	for i := 0; i < 3; i++ {
		items = append(items, &Item{Name: fmt.Sprint("item", i)})
	}
	// A local that owns its value moves into the slice at its last use; a constructor's
	// result goes in as it is.
	last := &Item{Name: "last"}
	last.Count = 7
	items = append(items, last, NewItem("made"))
	for _, it := range items {
		it.Add(2)
	}
	items[1].Count *= 10
	// (An index that reads the slice is evaluated before the element is borrowed to change.)
	items[len(items)-1].Count--
	// A local naming one element while the slice rests borrows it.
	second := items[1]
	second.Name += "!"
	for i, it := range items {
		fmt.Println(i, it.Name, it.Count)
	}

	root := &Node{Val: 1, Children: []*Node{{Val: 2}, {Val: 3}}}
	root.Children[0].Children = append(root.Children[0].Children, &Node{Val: 4})
	fmt.Println(root.Sum(), root.Count())
}
