// Command generic_slices deduplicates and groups a playlist with generic slice helpers:
// comparable and any constraints, an inline union constraint, explicit and inferred type
// arguments, and one helper instantiated with several types.
package main

import "fmt"

func Contains[T comparable](xs []T, x T) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func Unique[T comparable](xs []T) []T {
	var out []T
	for _, x := range xs {
		if !Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

func Reverse[T any](xs []T) []T {
	out := make([]T, len(xs))
	for i, x := range xs {
		out[len(xs)-1-i] = x
	}
	return out
}

func GroupBy[T any, K comparable](xs []T, key func(T) K) ([]K, map[K][]T) {
	var order []K
	groups := make(map[K][]T)
	for _, x := range xs {
		k := key(x)
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], x)
	}
	return order, groups
}

func Largest[T int | float64 | string](xs []T) T {
	best := xs[0]
	for _, x := range xs[1:] {
		if x > best {
			best = x
		}
	}
	return best
}

type Song struct {
	Title  string
	Artist string
	Secs   int
}

func main() {
	plays := []string{"intro", "blue", "intro", "gold", "blue", "outro"}
	fmt.Println(Unique(plays), Contains(plays, "gold"), Contains[string](plays, "red"))
	fmt.Println(Reverse(Unique(plays)), Reverse([]int{1, 2, 3}))

	songs := []Song{
		{"blue", "ana", 185}, {"gold", "ben", 240}, {"intro", "ana", 61}, {"outro", "cy", 95},
	}
	artists, byArtist := GroupBy(songs, func(s Song) string { return s.Artist })
	for _, a := range artists {
		total := 0
		for _, s := range byArtist[a] {
			total += s.Secs
		}
		fmt.Printf("%-4s %d songs, %d:%02d\n", a, len(byArtist[a]), total/60, total%60)
	}
	lengths, byLen := GroupBy(songs, func(s Song) bool { return s.Secs >= 120 })
	fmt.Println(lengths, len(byLen[true]), len(byLen[false]))

	fmt.Println(Largest([]int{3, 9, 4}), Largest([]float64{2.5, -1}), Largest(plays))
	fmt.Println(Unique([]int{3, 3, 1, 3, 2, 1}))
}
