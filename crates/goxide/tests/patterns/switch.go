package main

import "fmt"

func classify(n int) string {
	switch n {
	case 0:
		return "zero"
	case 1, 2, 3:
		return "small"
	default:
		return "large"
	}
}

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	}
	return "F"
}

func main() {
	for i := 0; i < 3; i++ {
		switch i {
		case 0:
			fmt.Println("zero falls")
			fallthrough
		case 1:
			fmt.Println("one")
		case 2:
			break
		}
	}
	fmt.Println(classify(2), grade(85))
}
