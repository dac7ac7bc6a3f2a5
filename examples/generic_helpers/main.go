// Command generic_helpers shows generic helper functions over slices and maps that stay
// generic in Rust (fn filter<T: Clone>(…)), with bounds from what each body does: == needs
// PartialEq, a map key Eq + Hash, a zero value Default, printing fmt::Format.
package main

import (
	"fmt"
	"sort"
	"strings"
)

func Filter[T any](xs []T, keep func(T) bool) []T {
	var out []T
	for _, x := range xs {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Contains[T comparable](xs []T, v T) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}

func Count[K comparable](xs []K) map[K]int {
	m := make(map[K]int)
	for _, x := range xs {
		m[x]++
	}
	return m
}

func LastOr[T any](xs []T, fallback T) T {
	if len(xs) == 0 {
		return fallback
	}
	return xs[len(xs)-1]
}

func FirstNonZero[T comparable](xs []T) T {
	var zero T
	for _, x := range xs {
		if x != zero {
			return x
		}
	}
	return zero
}

func Show[T any](label string, xs []T) {
	fmt.Print(label, ":")
	for _, x := range xs {
		fmt.Print(" ", x)
	}
	fmt.Println()
}

func main() {
	words := strings.Fields("the cat and the dog and the bird")
	long := Filter(words, func(w string) bool { return len(w) > 3 })
	Show("long", long)
	lens := Map(words, func(w string) int { return len(w) })
	Show("lens", lens)
	Show("halves", Map(lens, func(n int) float64 { return float64(n) / 2 }))
	fmt.Println(Contains(words, "dog"), Contains(lens, 7), Contains([]bool{false}, true))
	counts := Count(words)
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s=%d ", k, counts[k])
	}
	fmt.Println(len(Count(lens)))
	fmt.Println(LastOr(words, "none"), LastOr([]int{}, -1), LastOr(lens, 0))
	fmt.Printf("%q %d\n", FirstNonZero([]string{"", "", "x"}), FirstNonZero([]int{0, 0}))
}
