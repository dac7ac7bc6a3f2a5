package main

import "fmt"

type Node struct {
	Name  string
	Count int
}

func (n *Node) Bump() { n.Count++ }

func NewNode(name string) *Node { return &Node{Name: name} }

type Tally struct {
	Last  string
	Total int
	Seen  []string
	Count map[string]int
}

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

	// Written from its own fields: the value is read before the write borrows the pointer.
	var t *Tally
	t = &Tally{Count: map[string]int{}}
	for _, w := range []string{"a", "b", "a"} {
		t.Last = w
		t.Total = t.Total + len(t.Last)
		t.Seen = append(t.Seen, t.Last)
		t.Count[t.Last] = t.Count[t.Last] + 1
	}
	fmt.Println(t.Total, t.Seen, t.Count)

	// Kept shared: copied into another variable.
	var q *Node
	q = &Node{Name: "shared"}
	r := q
	r.Count = 5
	fmt.Println(q.Count)
	u := &Tally{Last: "k", Total: 7, Count: map[string]int{}}
	v := u
	v.Count[u.Last] = u.Total
	fmt.Println(u.Count)

	// A nil dereference panics as in Go.
	defer func() { fmt.Println("recovered:", recover()) }()
	var z *Node
	fmt.Println(z.Name)
}
