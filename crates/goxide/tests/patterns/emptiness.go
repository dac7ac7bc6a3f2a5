package main

import "fmt"

func main() {
	xs := []int{1, 2, 3}
	if len(xs) > 0 && 0 != len(xs) && !(len(xs) == 0) && 0 < len(xs) {
		fmt.Println("non-empty", len(xs) >= 0)
	}
	xs = xs[:0]
	fmt.Println(len(xs) == 0, xs, cap(xs) >= 0)
	m := map[string]int{}
	s := ""
	fmt.Println(len(m) == 0, len(s) != 0, len("abc") == 0)
	xs = append(xs, 5)
	ys := xs[0:0]
	fmt.Println(ys, len(ys) == 0)
}
