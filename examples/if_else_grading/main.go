// Command if_else_grading shows if/else chains and if statements with an init clause.
package main

import "fmt"

func grade(score int) string {
	if score >= 90 {
		return "A"
	} else if score >= 80 {
		return "B"
	} else if score >= 70 {
		return "C"
	} else if score >= 60 {
		return "D"
	}
	return "F"
}

func lookupDiscount(code string) (int, bool) {
	if code == "SAVE10" {
		return 10, true
	} else if code == "HALF" {
		return 50, true
	}
	return 0, false
}

func main() {
	for _, s := range []int{95, 85, 72, 64, 30, 100, 0} {
		fmt.Println(s, grade(s))
	}
	codes := []string{"SAVE10", "BOGUS", "HALF"}
	for _, c := range codes {
		if pct, ok := lookupDiscount(c); ok {
			fmt.Printf("%s: %d%% off\n", c, pct)
		} else if c == "" {
			fmt.Println("empty code")
		} else {
			fmt.Printf("%s: invalid (pct=%d)\n", c, pct)
		}
	}
	temp := 23
	if temp < 0 {
		fmt.Println("freezing")
	} else {
		if temp > 20 && temp < 30 {
			fmt.Println("pleasant")
		}
	}
	if n := len(codes); n > 2 {
		fmt.Println("many codes:", n)
	}
}
