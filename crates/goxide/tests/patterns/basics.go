package main

import "fmt"

// Scale multiplies by the factor.
const Factor = 3

// Big does not fit any Rust integer type.
const Big = 1 << 100

func scale(x int) int {
	return x * Factor
}

func divmod(a, b int) (q, r int) {
	q = a / b
	r = a % b
	return
}

func main() {
	x := 7
	var y int8 = 127
	y++ // wraps to -128
	q, r := divmod(17, 5)
	fmt.Println(scale(x), y, q, r, Big>>98)
}
