package main

import "fmt"

type Scaler struct{ factor int }

// A method whose signature nothing else fixes (no interface has a method of its name) borrows
// the elements it writes too.
func (s Scaler) scale(xs []int) {
	for i := range xs {
		xs[i] *= s.factor
	}
}

// A package function that writes elements borrows them: `&mut [i64]`.
func zero(xs []int) {
	xs[0] = 0
}

func main() {
	scores := []int{3, 1, 2}
	// Another header for the same elements, not used while `view` is: a borrow.
	view := scores
	view[0] = 30
	fmt.Println(view, len(view))
	fmt.Println(scores)

	// Used side by side with its source: a copy, with a marker.
	backup := scores
	backup[1] = 10
	fmt.Println(scores[1], backup[1])

	Scaler{factor: 2}.scale(scores)
	zero(scores)
	fmt.Println(scores)

	// A function literal gets its slice by value: Go's writes the caller's elements, this one a
	// copy (a semantics marker says so).
	negate := func(xs []int) {
		for i := range xs {
			xs[i] = -xs[i]
		}
	}
	negate(scores)
	fmt.Println(scores)
}
