// Command pointers_structs shows pointers to structs: field access through a pointer,
// dereferencing, new(T), pointer aliasing, and a linked list.
package main

import "fmt"

type Node struct {
	Value int
	Next  *Node
}

type Config struct {
	Host    string
	Port    int
	Retries int
}

func defaults(c *Config) {
	if c.Host == "" {
		c.Host = "localhost"
	}
	if c.Port == 0 {
		c.Port = 8080
	}
}

func push(head *Node, v int) *Node {
	return &Node{Value: v, Next: head}
}

func sum(head *Node) int {
	total := 0
	for n := head; n != nil; n = n.Next {
		total += n.Value
	}
	return total
}

func main() {
	c := Config{Retries: 3}
	defaults(&c)
	fmt.Println(c.Host, c.Port, c.Retries)

	p := new(Config)
	p.Port = 9090
	defaults(p)
	fmt.Println(*p)
	fmt.Printf("%+v\n", *p)

	alias := p
	alias.Retries = 5
	fmt.Println(p.Retries, (*p).Retries)

	snapshot := *p
	snapshot.Host = "example.com"
	fmt.Println(p.Host, snapshot.Host)

	n := new(int)
	*n = 41
	*n++
	fmt.Println(*n)
	x := 10
	px := &x
	*px += 5
	fmt.Println(x, px == &x)

	var head *Node
	for i := 1; i <= 5; i++ {
		head = push(head, i)
	}
	fmt.Println(sum(head))
	for n := head; n != nil; n = n.Next {
		fmt.Print(n.Value, " ")
	}
	fmt.Println()
	var nilNode *Node
	fmt.Println(nilNode == nil, sum(nilNode))
}
