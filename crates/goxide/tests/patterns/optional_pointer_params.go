package main

import "fmt"

type Node struct {
	name  string
	count int
}

// parent may be nil: an optional borrow, Option<&Node>.
func describe(n *Node, parent *Node) string {
	if parent == nil {
		return n.name
	}
	return parent.name + "/" + n.name
}

// by may be nil, and is written through: Option<&mut i64>.
func touch(n *Node, by *int) {
	n.count++
	if by != nil {
		*by += 1
		n.count += *by
	}
}

// Passed on, it stays optional.
func touchTwice(n *Node, by *int) {
	touch(n, by)
	touch(n, by)
}

// The elements' addresses are lent to touch, which writes through them: the slice is a
// mutable borrow of the caller's (&mut [Node]).
func touchAll(ns []Node, by *int) {
	for i := range ns {
		touch(&ns[i], by)
	}
}

func deref(p *int32) int32 {
	return *p
}

func main() {
	a := Node{name: "a"}
	b := Node{name: "b"}
	fmt.Println(describe(&a, nil), describe(&b, &a))
	steps := 0
	touch(&a, nil)
	touchTwice(&a, &steps)
	touchTwice(&b, nil)
	nodes := []Node{{name: "x"}, {name: "y"}}
	touchAll(nodes, &steps)
	touchAll(nodes, nil)
	fmt.Println(a.count, b.count, steps, nodes)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println(deref(nil))
}
