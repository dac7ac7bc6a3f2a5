package main

import "fmt"

type Node struct {
	Val         int
	Left, Right *Node
}

// `visit` is only called and passed on: a borrow of the caller's closure.
func walk(n *Node, visit func(int)) {
	if n == nil {
		return
	}
	walk(n.Left, visit)
	visit(n.Val)
	walk(n.Right, visit)
}

func count(xs []string, keep func(string) bool) int {
	n := 0
	for _, x := range xs {
		if keep(x) {
			n++
		}
	}
	return n
}

func long(s string) bool { return len(s) > 2 }

type Tally struct{ counts map[string]int }

// A method's callback parameter borrows too.
func (t *Tally) Each(f func(string, int)) {
	for k, n := range t.counts {
		f(k, n)
	}
}

func main() {
	root := &Node{Val: 2, Left: &Node{Val: 1}, Right: &Node{Val: 3}}
	sum := 0
	var vals []int
	walk(root, func(v int) {
		sum += v
		vals = append(vals, v)
	})
	fmt.Println(sum, vals)
	fmt.Println(count([]string{"go", "rust", "zig"}, long))
	t := &Tally{counts: map[string]int{"a": 2, "b": 3}}
	most := 0
	t.Each(func(_ string, n int) {
		if n > most {
			most = n
		}
	})
	fmt.Println(most)
}
