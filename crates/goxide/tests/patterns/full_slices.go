package main

import "fmt"

var made int

func grid() *[4]int {
	made++
	return &[4]int{1, 2, 3, 4}
}

func main() {
	a := []int{1, 2, 3, 4, 5}
	b := a[1:3:4]
	b = append(b, 9)
	var arr [6]int
	c := arr[:2:3]
	fmt.Println(len(b), cap(b), len(c), cap(c))
	n := len(grid()) + cap(grid())
	for i := range grid() {
		n += i
	}
	x := []int{10, 20}
	i := 1
	for i, x[i] = range []int{99} {
	}
	fmt.Println(n, made, i, x)
}
