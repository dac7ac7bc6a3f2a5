// Command arrays_value_semantics shows that Go arrays are values: assignment and passing
// to functions copy them, and arrays compare with ==.
package main

import "fmt"

type RGB [3]uint8

func brighten(c RGB) RGB {
	for i := range c {
		if c[i] > 205 {
			c[i] = 255
		} else {
			c[i] += 50
		}
	}
	return c
}

func zeroFirst(a *[4]int) {
	a[0] = 0
}

func main() {
	a := [4]int{10, 20, 30, 40}
	b := a
	b[0] = 99
	fmt.Println(a, b)
	zeroFirst(&b)
	fmt.Println(a, b, len(a))

	orange := RGB{255, 165, 0}
	light := brighten(orange)
	fmt.Println(orange, light)
	fmt.Println(orange == RGB{255, 165, 0}, orange == light)

	var counts [5]int
	for _, v := range []int{1, 3, 3, 4, 1, 1} {
		counts[v]++
	}
	fmt.Println(counts)

	matrix := [2][3]int{{1, 2, 3}, {4, 5, 6}}
	copyOf := matrix
	copyOf[1][2] = 60
	fmt.Println(matrix, copyOf)

	days := [...]string{"mon", "tue", "wed"}
	fmt.Println(len(days), days)
	s := days[:]
	s[0] = "MON"
	fmt.Println(days[0])

	type Point struct{ X, Y int }
	pts := [2]Point{{1, 2}, {3, 4}}
	moved := pts
	moved[0].X = 100
	fmt.Println(pts, moved)
}
