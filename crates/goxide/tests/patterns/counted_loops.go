package main

import (
	"fmt"
	"math"
)

type grid struct{ w, h int }

func main() {
	xs := []int{3, 1, 2}
	sum := 0
	// Counting loops: ranges.
	for i := 0; i < len(xs); i++ {
		sum += xs[i]
	}
	g := grid{2, 3}
	for y := 0; y < g.h; y++ {
		for x := 1; x <= 2; x++ {
			sum += x * y
		}
	}
	for k := 0; k < 3; k++ {
		sum++
	}
	// The body appends to the slice: Go reads len(xs) each time, so it stays a while loop.
	for i := 0; i < len(xs); i++ {
		if len(xs) < 5 {
			xs = append(xs, i)
		}
	}
	// The body changes the variable.
	for i := 0; i < 10; i++ {
		i += 2
		sum += i
	}
	// i <= MaxInt8 never ends for an int8 in Go (it wraps): not a range.
	n := 0
	for i := int8(120); i <= math.MaxInt8; i++ {
		n++
		if n > 20 {
			break
		}
	}
	fmt.Println(sum, xs, n)
}
