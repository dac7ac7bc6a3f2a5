package main

import "fmt"

func bump(p *int) { *p += 1 }

func peek(p *int) int { return *p }

func twice(x int, y int) int {
	bump(&x)
	bump(&x)
	return x + peek(&y)
}

func fib(n int, acc, out *int) {
	if n < 2 {
		*out += n + *acc
		return
	}
	n--
	fib(n-1, acc, out)
	fib(n, &n, out)
}

func main() {
	fmt.Println(twice(1, 5))
	r := 0
	a := 0
	fib(10, &a, &r)
	fmt.Println(r)
}
