package main

import (
	"fmt"
	"math/big"
)

type Pair struct{ L, R string }

func fib(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

func main() {
	x, y := 1, 2
	x, y = y, x
	s, t := "left", "right"
	s, t = t, s
	xs, ys := []int{1}, []int{2, 3}
	xs, ys = ys, xs
	p, q := Pair{"a", "b"}, Pair{"c", "d"}
	p, q = q, p
	fmt.Println(x, y, s, t, xs, ys, p, q)
	// Elements of one slice swap in place; steps that read no earlier target run in turn.
	xs[0], xs[1] = xs[1], xs[0]
	for i, j := 0, len(xs)-1; i < j; i, j = i+1, j-1 {
		xs[i], xs[j] = xs[j], xs[i]
	}
	fmt.Println(xs)
	// A step reading another target: one destructuring assignment.
	a, b := 0, 1
	a, b = b, a+b
	fmt.Println(a, b)
	// A captured variable lives in a cell (the closure runs when main returns): temporaries
	// too.
	u, v := 5, 6
	show := func() { fmt.Println(u, v) }
	defer show()
	u, v = v, u
	f := fib(90)
	fmt.Println(f, new(big.Int).Add(f, f))
}
