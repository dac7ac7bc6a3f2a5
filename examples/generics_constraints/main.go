// Command generics_constraints summarizes sales figures with generic helpers: Map, Filter
// and Reduce over slices, and Sum and Max constrained by a Number type set.
package main

import "fmt"

type Number interface {
	~int | ~int64 | ~float64
}

type Cents int64

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Reduce[T, A any](xs []T, init A, f func(A, T) A) A {
	acc := init
	for _, x := range xs {
		acc = f(acc, x)
	}
	return acc
}

func Sum[N Number](xs []N) N {
	var total N
	for _, x := range xs {
		total += x
	}
	return total
}

func Max[N Number](first N, rest ...N) N {
	m := first
	for _, x := range rest {
		if x > m {
			m = x
		}
	}
	return m
}

type Sale struct {
	Item  string
	Qty   int
	Price Cents
}

func main() {
	sales := []Sale{
		{"pen", 10, 150}, {"book", 2, 1299}, {"lamp", 1, 3450}, {"mug", 4, 799},
	}
	totals := Map(sales, func(s Sale) Cents { return Cents(s.Qty) * s.Price })
	fmt.Println("line totals:", totals)
	fmt.Println("revenue:", Sum(totals), "best line:", Max(totals[0], totals[1:]...))

	big := Filter(sales, func(s Sale) bool { return s.Qty >= 4 })
	names := Map(big, func(s Sale) string { return s.Item })
	fmt.Println("bulk items:", names, len(names))

	label := Reduce(sales, "", func(acc string, s Sale) string {
		if acc != "" {
			acc += "+"
		}
		return acc + s.Item
	})
	fmt.Println(label)

	qtys := Map(sales, func(s Sale) int { return s.Qty })
	fmt.Println("units:", Sum(qtys), "max qty:", Max(qtys[0], qtys[1:]...), Max(7, 3, 9, 2))
	ratios := []float64{0.5, 1.25, 0.75}
	fmt.Println(Sum(ratios), Max(0.1, ratios...))
	fmt.Println(Filter([]int{1, 2, 3, 4, 5, 6}, func(n int) bool { return n%2 == 0 }))
}
