// Command for_loops shows every form of the for statement: three-clause, while-style,
// infinite with break, continue, and labelled break and continue.
package main

import "fmt"

func main() {
	sum := 0
	for i := 1; i <= 10; i++ {
		sum += i
	}
	fmt.Println("sum 1..10 =", sum)

	n := 27
	steps := 0
	for n != 1 {
		if n%2 == 0 {
			n /= 2
		} else {
			n = 3*n + 1
		}
		steps++
	}
	fmt.Println("collatz steps for 27:", steps)

	attempts := 0
	for {
		attempts++
		if attempts*attempts > 50 {
			break
		}
	}
	fmt.Println("attempts:", attempts)

	for i := 0; i < 10; i++ {
		if i%3 != 0 {
			continue
		}
		fmt.Print(i, " ")
	}
	fmt.Println()

	grid := [][]int{{1, 2, 3}, {4, -1, 6}, {7, 8, 9}}
	found := false
search:
	for r, row := range grid {
		for c, v := range row {
			if v < 0 {
				fmt.Println("negative at", r, c)
				found = true
				break search
			}
		}
	}
	fmt.Println("found:", found)

outer:
	for i := 2; i < 30; i++ {
		for j := 2; j*j <= i; j++ {
			if i%j == 0 {
				continue outer
			}
		}
		fmt.Print(i, " ")
	}
	fmt.Println()

	for i, j := 0, 10; i < j; i, j = i+2, j-2 {
		fmt.Println(i, j)
	}
	var k int
	for k = 0; k < 3; k++ {
	}
	fmt.Println("k after loop:", k)
}
