package main

import "fmt"

type Node struct {
	Name  string
	Count int
}

func (n *Node) Bump() { n.Count++ }

func NewNode(name string) *Node { return &Node{Name: name} }

func show(n *Node) { fmt.Println(n.Name, n.Count) }

func grow(n *Node) { n.Count += 10 }

func main() {
	// Declared nil, made lazily, lent to borrowed parameters.
	var n *Node
	for i := 0; i < 3; i++ {
		if n == nil {
			n = NewNode("lazy")
		}
		n.Bump()
	}
	show(n)
	grow(n)
	fmt.Println(*n, n != nil)

	// Given fresh values and nil again.
	p := &Node{Name: "first"}
	p = nil
	fmt.Println(p == nil)
	p = new(Node)
	p.Name = "second"
	fmt.Println(p.Name)

	// Kept shared: copied into another variable.
	var q *Node
	q = &Node{Name: "shared"}
	r := q
	r.Count = 5
	fmt.Println(q.Count)

	// A nil dereference panics as in Go.
	defer func() { fmt.Println("recovered:", recover()) }()
	var z *Node
	fmt.Println(z.Name)
}
