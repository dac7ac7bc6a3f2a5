// fmt arguments: Go evaluates the calls among them before it reads the plain variables among
// them, so a call that changes an argument read before it shows in the output.
package main

import "fmt"

type C struct {
	n    int
	name string
}

func (c *C) Inc() int { c.n++; return c.n }

func main() {
	c := C{name: "c"}
	fmt.Println(c.n, c.Inc(), c.name, c.Inc())
	fmt.Printf("%d %d %s\n", c.n, c.Inc(), c.name)
	s := fmt.Sprint(c.n, c.Inc())
	fmt.Println(s)
}
