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

func main() {
	run(pr{"> "}, func(x int) { fmt.Println("f", x) })
}
