// Command multiple_assignment_swap shows tuple assignment: swaps, rotations, evaluation
// order of the right-hand side, and assigning from multi-valued calls.
package main

import "fmt"

func split(sum int) (int, int) {
	return sum * 4 / 9, sum - sum*4/9
}

func main() {
	a, b := 1, 2
	a, b = b, a
	fmt.Println(a, b)

	x, y, z := "x", "y", "z"
	x, y, z = y, z, x
	fmt.Println(x, y, z)

	xs := []int{10, 20, 30, 40}
	xs[0], xs[3] = xs[3], xs[0]
	fmt.Println(xs)

	i := 0
	i, xs[i] = 2, 99
	fmt.Println(i, xs)

	p, q := split(17)
	fmt.Println(p, q)
	p, q = q, p+q
	fmt.Println(p, q)

	prev, cur := 0, 1
	for n := 0; n < 10; n++ {
		prev, cur = cur, prev+cur
	}
	fmt.Println(prev, cur)

	type pt struct{ X, Y int }
	pts := []pt{{1, 2}, {3, 4}}
	pts[0], pts[1] = pts[1], pts[0]
	pts[0].X, pts[0].Y = pts[0].Y, pts[0].X
	fmt.Println(pts)

	m := map[string]int{"a": 1, "b": 2}
	m["a"], m["b"] = m["b"], m["a"]
	fmt.Println(m)
	var v1, v2 int
	v1, v2 = v2+1, v1+2
	fmt.Println(v1, v2)
	_, last := split(100)
	fmt.Println(last)
}
