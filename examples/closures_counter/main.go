// Command closures_counter shows closures: generators with private state, closures that
// capture and mutate outer variables, and functions as values.
package main

import "fmt"

func counter() func() int {
	count := 0
	return func() int {
		count++
		return count
	}
}

func multiplier(factor int) func(int) int {
	return func(x int) int { return x * factor }
}

func apply(xs []int, f func(int) int) []int {
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func fibGen() func() int {
	a, b := 0, 1
	return func() int {
		r := a
		a, b = b, a+b
		return r
	}
}

func main() {
	next := counter()
	other := counter()
	fmt.Println(next(), next(), next(), other())

	double := multiplier(2)
	triple := multiplier(3)
	fmt.Println(apply([]int{1, 2, 3}, double), apply([]int{1, 2, 3}, triple))

	total := 0
	calls := 0
	add := func(n int) {
		total += n
		calls++
	}
	for i := 1; i <= 5; i++ {
		add(i * i)
	}
	fmt.Println("total:", total, "calls:", calls)

	f := fibGen()
	for i := 0; i < 10; i++ {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	var ops []func() int
	for i := 0; i < 3; i++ {
		j := i
		ops = append(ops, func() int { return j * 10 })
	}
	for _, op := range ops {
		fmt.Println(op())
	}
	square := func(x int) int { return x * x }
	fmt.Println(func(a, b int) int { return a + b }(square(3), square(4)))
}
