// Command recursion_fib_gcd shows recursive functions: Fibonacci, GCD, factorial,
// power and a recursive binary search.
package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func gcd(a, b int) int {
	if b == 0 {
		return a
	}
	return gcd(b, a%b)
}

func factorial(n uint64) uint64 {
	if n <= 1 {
		return 1
	}
	return n * factorial(n-1)
}

func power(base, exp int) int {
	if exp == 0 {
		return 1
	}
	half := power(base, exp/2)
	if exp%2 == 0 {
		return half * half
	}
	return half * half * base
}

func search(xs []int, target, lo, hi int) int {
	if lo > hi {
		return -1
	}
	mid := (lo + hi) / 2
	switch {
	case xs[mid] == target:
		return mid
	case xs[mid] < target:
		return search(xs, target, mid+1, hi)
	default:
		return search(xs, target, lo, mid-1)
	}
}

func main() {
	for i := 0; i <= 20; i += 5 {
		fmt.Printf("fib(%d) = %d\n", i, fib(i))
	}
	fmt.Println(gcd(1071, 462), gcd(17, 5), gcd(0, 9))
	fmt.Println(factorial(10), factorial(20), factorial(25))
	fmt.Println(power(2, 10), power(3, 13))
	sorted := []int{1, 3, 5, 8, 13, 21, 34, 55}
	fmt.Println(search(sorted, 21, 0, len(sorted)-1), search(sorted, 4, 0, len(sorted)-1))
}
