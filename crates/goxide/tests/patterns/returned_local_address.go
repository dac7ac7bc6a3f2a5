package main

import "fmt"

type Point struct{ X, Y int }

// The local dies at the return: its address is a fresh pointer, so this is a constructor
// returning the value, and `p` needs no cell.
func newPoint(x int) *Point {
	p := Point{X: x}
	p.Y = x * 2
	return &p
}

func main() {
	a := newPoint(3)
	a.X++
	fmt.Println(a.X, a.Y)
	// Reached through at once: the field of the returned value.
	fmt.Println(newPoint(5).Y)
}
