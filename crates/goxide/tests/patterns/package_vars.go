package main

import "fmt"

var counter int
var name = "x"

func bump(p *int) { *p += 2 }

func main() {
	bump(&counter)
	counter++
	p := &counter
	*p += 10
	name += "y"
	fmt.Println(counter, *p, name)
}
