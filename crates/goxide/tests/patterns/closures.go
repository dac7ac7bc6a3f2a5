package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func apply(f func(int) int, x int) int {
	return f(x)
}

func main() {
	next := counter()
	next()
	fmt.Println(next())
	k := 3
	fmt.Println(apply(func(x int) int { return x * k }, 5))
}
