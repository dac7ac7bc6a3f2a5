package main

import "fmt"

var counter int
var name = "x"

var table = map[string]int{"a": 1}
var hit, found = table["a"]

var _ = announce("ready")

func announce(s string) int {
	println(s)
	return 0
}

func bump(p *int) { *p += 2 }

func main() {
	bump(&counter)
	counter++
	p := &counter
	*p += 10
	name += "y"
	fmt.Println(counter, *p, name, hit, found)
	report()
}

func report() { fmt.Println(counter, name, table) }
