package main

import "fmt"

type Item struct {
	Name  string
	Count int
}

func (it *Item) Add(n int) { it.Count += n }

type Node struct {
	Val      int
	Children []*Node
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
	for _, it := range items {
		it.Add(2)
	}
	items[1].Count *= 10
	for i, it := range items {
		fmt.Println(i, it.Name, it.Count)
	}

	root := &Node{Val: 1, Children: []*Node{{Val: 2}, {Val: 3}}}
	root.Children[0].Children = append(root.Children[0].Children, &Node{Val: 4})
	fmt.Println(root.Sum())
}
