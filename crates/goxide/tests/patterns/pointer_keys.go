package main

import "fmt"

type Node struct {
	name  string
	edges []*Node
}

func visit(n *Node, seen map[*Node]bool, out *[]string) {
	if seen[n] {
		return
	}
	seen[n] = true
	*out = append(*out, n.name)
	for _, e := range n.edges {
		visit(e, seen, out)
	}
}

func main() {
	a := &Node{name: "a"}
	b := &Node{name: "b"}
	c := &Node{name: "c"}
	a.edges = []*Node{b, c}
	b.edges = []*Node{c, a}
	c.edges = []*Node{a}
	seen := map[*Node]bool{}
	var out []string
	visit(a, seen, &out)
	fmt.Println(out, len(seen))
	depth := make(map[*Node]int)
	depth[a] = 0
	depth[b] = 1
	fmt.Println(depth[a], depth[b], depth[c])
	delete(depth, a)
	_, ok := depth[a]
	fmt.Println(ok, len(depth))
}
