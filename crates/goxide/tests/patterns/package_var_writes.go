package main

import "fmt"

type Buf []byte

type Node struct {
	vals []int
}

var out = make([]byte, 6)
var counts = map[string]int{"a": 1, "b": 2}
var node = &Node{make([]int, 3)}

func main() {
	// copy into a package variable, through a conversion and a re-slice
	n := copy(Buf(out[2:]), "hello")
	fmt.Println(n, string(out[2:]))
	// delete from a package map
	delete(counts, "a")
	fmt.Println(len(counts))
	// write through a package pointer
	node.vals[1] = 7
	show()
}

// Used from two functions: `out` and `counts` become locals of main lent to `show`; the
// pointer `node` stays a package variable.
func show() { fmt.Println(string(out), len(counts), node.vals) }
