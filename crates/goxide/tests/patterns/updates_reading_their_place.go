package main

import "fmt"

// Updates whose operand reads the place being updated: the operand is computed first where
// the place borrows its map or string for writing.
func main() {
	notes := map[string]string{"a": "x"}
	notes["a"] += notes["a"] + "y"
	s := "ab"
	s += s
	z := map[int]complex128{1: 2 + 1i}
	z[1] *= complex(real(z[1])*2, 0)
	n := map[string]int{"a": 8}
	n["b"] += n["a"] / 2
	fmt.Println(notes, s, z, n)
}
