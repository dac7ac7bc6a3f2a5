// Command labelled_seating assigns cinema seats with labelled break and continue across
// nested loops, including a break out of a loop from inside a switch.
package main

import "fmt"

const rows, cols = 4, 6

// findBlock returns the first row and column with n free adjacent seats.
func findBlock(hall [rows][cols]bool, n int) (int, int, bool) {
	for r := 0; r < rows; r++ {
	seat:
		for c := 0; c+n <= cols; c++ {
			for k := 0; k < n; k++ {
				if hall[r][c+k] {
					continue seat
				}
			}
			return r, c, true
		}
	}
	return -1, -1, false
}

func show(hall [rows][cols]bool) {
	for _, row := range hall {
		line := ""
		for _, taken := range row {
			if taken {
				line += "X"
			} else {
				line += "."
			}
		}
		fmt.Println(line)
	}
}

func main() {
	var hall [rows][cols]bool
	hall[0][2], hall[1][0], hall[1][5], hall[2][3] = true, true, true, true

	requests := []int{3, 2, 5, 4, 0, 6, 1}
	sold := 0
process:
	for i, n := range requests {
		switch {
		case n == 0:
			fmt.Println("request", i, "is empty, stopping sales")
			break process
		case n > cols:
			fmt.Println("request", i, "too large:", n)
			continue process
		}
		r, c, ok := findBlock(hall, n)
		if !ok {
			fmt.Println("request", i, "no block of", n)
			continue
		}
		for k := 0; k < n; k++ {
			hall[r][c+k] = true
		}
		sold += n
		fmt.Printf("request %d: %d seats at row %d, seat %d\n", i, n, r, c)
	}
	show(hall)

	free := 0
rowLoop:
	for r := rows - 1; r >= 0; r-- {
		for c := 0; c < cols; c++ {
			if !hall[r][c] {
				free++
				if free == 3 {
					fmt.Println("third free seat from the back:", r, c)
					break rowLoop
				}
			}
		}
	}
	fmt.Println("sold", sold, "free counted", free)
}
