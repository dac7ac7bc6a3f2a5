package main

import "fmt"

func pair() (int, string) { return 7, "seven" }

func gen() (int, bool) { return 3, true }

type node struct{ val int }

var order []string

func at(p *node, name string) *node { order = append(order, name); return p }

// The left side's pointers are evaluated before anything is assigned.
func tuples() {
	x := &node{}
	p := x
	p, p.val = &node{}, 4
	fmt.Println(x.val, p.val)
	m := map[int]int{1: 10, 0: 5}
	var ok bool
	at(x, "target").val, ok = m[len(order)]
	fmt.Println(x.val, ok, order)
}

func main() {
	// fmt.Println's results used: bytes written and a nil error
	n, err := fmt.Println("hello")
	fmt.Println(n, err)
	// values converted to the declared interface type
	var a, b interface{} = pair()
	fmt.Println(a, b)
	// receive into interface variables
	c := make(chan int, 1)
	c <- 4
	var v, ok interface{}
	v, ok = <-c
	fmt.Println(v, ok)
	// a Go variable named like goxide's temporaries
	t1, t0 := gen()
	t3, t2 := pair()
	fmt.Println(t0, t1, t2, t3)
	d := make(chan int)
	fmt.Println(c != d, c == c)
	tuples()
}
