package main

import "fmt"

type Shape interface{ Area() int }

type Sq struct{ n int }

func (s Sq) Area() int { return s.n * s.n }

type Node struct{ next *Node }

func (n *Node) Area() int { return 0 }

// Structs and arrays holding pointers or interfaces compare field by field.
type Pair struct {
	p *int
	v interface{}
}

func main() {
	var a, b Shape = Sq{2}, Sq{2}
	n := &Node{}
	var c, d Shape = n, n
	fmt.Println(a == b, c == d, a == c, a != Shape(Sq{3}))
	x := 1
	p, q := Pair{&x, "s"}, Pair{&x, "s"}
	fmt.Println(p == q, p == Pair{})
	var arr1, arr2 [2]interface{}
	arr1[0] = 5
	fmt.Println(arr1 == arr2, [2]*int{&x} == [2]*int{&x})
	var e interface{} = p
	fmt.Println(e == p, e == q)
}
