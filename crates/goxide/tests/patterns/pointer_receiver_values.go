package main

import "fmt"

type Node struct {
	val  int
	next *Node
}

// Push returns the new head; its receiver becomes the next node.
func (n *Node) Push(v int) *Node {
	return &Node{val: v, next: n}
}

func (n *Node) Sum() int {
	s := 0
	for p := n; p != nil; p = p.next {
		s += p.val
	}
	return s
}

func (n *Node) Twice() int {
	return n.Sum() * 2
}

type Shape interface{ Self() Shape }

type Box struct{ w int }

func (b *Box) Self() Shape { return b }

func main() {
	var head Node
	head.val = 1
	h := head.Push(2).Push(3)
	fmt.Println(h.Sum(), h.Twice(), head.Sum())
	var s Shape = &Box{w: 4}
	fmt.Println(s.Self().(*Box).w)
	defer fmt.Println("deferred", h.Sum())
	b := &Box{w: 5}
	x := b.Self()
	fmt.Println(x.(*Box) == b)
}
