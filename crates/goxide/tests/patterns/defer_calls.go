package main

import "fmt"

type Logger interface{ Log(string) }
type pr struct{ prefix string }

func (p pr) Log(s string) { fmt.Println(p.prefix + s) }

type counter struct{ n int }

func (c *counter) bump() { c.n++; fmt.Println("bump", c.n) }

func run(l Logger, f func(int)) {
	defer l.Log("done")
	defer f(7)
	c := &counter{}
	defer c.bump()
	c.n = 10
	p := pr{"a:"}
	defer p.Log("value receiver")
	p.prefix = "b:"
	fmt.Println("body")
}

// A deferred call of a function value that a call returns: the value is made now.
func tracer(name string) func() {
	fmt.Println("enter", name)
	return func() { fmt.Println("leave", name) }
}

func traced() {
	defer tracer("traced")()
	fmt.Println("inside")
}

func main() {
	run(pr{"> "}, func(x int) { fmt.Println("f", x) })
	traced()
}
