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

type Buffer struct{ data []int }

// Keeps its parameter in a field: a caller that goes on using its slice shares it in Go.
func (b *Buffer) Reset(d []int) { b.data = d }

type Index struct{ names []string }

type Row struct {
	Name  string
	Cells []int
}

// A value receiver that writes only elements of its slice field: the caller's elements in Go,
// so the method takes `&mut self`.
func (r Row) Clear() {
	for i := range r.Cells {
		r.Cells[i] = 0
	}
}

// A struct parameter by value whose slice field's elements the function writes: Go's copy
// shares them with the caller's (a semantics marker).
func double(r Row) {
	r.Cells[0] *= 2
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

	// A slice given to a field while the caller keeps using it, with a write to the field's
	// elements: Go shares the elements, goxide copies them (a semantics marker).
	var buf Buffer
	buf.Reset(scores)
	buf.data[0] = 99
	fmt.Println(scores[0], buf.data[0])
	// A field whose elements nothing writes: the copy reads the same in both.
	names := []string{"a", "b"}
	ix := Index{names: names}
	fmt.Println(len(ix.names), names[0])
	// The slice's last use: it moves into the field.
	own := []int{1}
	last := Buffer{data: own}
	last.data[0] = 5
	fmt.Println(last.data)

	// A struct copied while its source stays, whose slice field's elements are written: Go's
	// copy shares them (a semantics marker).
	rows := []Row{{Name: "r", Cells: []int{1, 2}}}
	r := rows[0]
	r.Cells[1] = 7
	fmt.Println(rows[0].Cells[1])
	double(rows[0])
	// A loop variable written only into its element's slice field: the loop borrows each
	// element (`iter_mut()`), whose elements Go's copy shares.
	for _, row := range rows {
		row.Cells[1]++
	}
	fmt.Println(rows[0].Cells)
	rows[0].Clear()
	fmt.Println(rows[0].Cells)
	// Loop variables over slices of slices and maps of slices, written through by index:
	// each borrows its element (`iter_mut()`, `values_mut()`).
	grid := [][]int{{1, 2}, {3, 4}}
	for i, row := range grid {
		row[i] = 0
	}
	cols := map[string][]int{"x": {5}}
	for _, col := range cols {
		col[0]++
	}
	fmt.Println(grid, cols)
	// One that also prints its variable iterates over copies: a semantics marker.
	for _, row := range grid {
		row[1]++
		fmt.Println(row)
	}
	// A slice read out of a map and written: Go's copy shares the map value's elements.
	byName := map[string][]int{"a": {1, 2}}
	got := byName["a"]
	got[0] = 10
	fmt.Println(byName["a"])
}
