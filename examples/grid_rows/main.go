// A small spreadsheet: a grid of cells updated row by row through loop variables, rows that
// carry their cells in a slice field, and a map of columns. In Go a loop variable or a value
// receiver copies only the slice header, so writes to its elements reach the grid.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Row struct {
	Label string
	Cells []int
}

// Scale writes through a value receiver into the row's cells: the caller's cells change.
func (r Row) Scale(k int) {
	for i := range r.Cells {
		r.Cells[i] *= k
	}
}

func (r Row) Sum() int {
	s := 0
	for _, c := range r.Cells {
		s += c
	}
	return s
}

func render(grid [][]int) string {
	var b strings.Builder
	for _, row := range grid {
		for j, c := range row {
			if j > 0 {
				b.WriteString(" ")
			}
			fmt.Fprintf(&b, "%3d", c)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func main() {
	grid := [][]int{{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}
	// Double every cell: each `row` shares its elements with the grid.
	for _, row := range grid {
		for j := range row {
			row[j] *= 2
		}
	}
	// Zero the diagonal.
	for i, row := range grid {
		row[i] = 0
	}
	fmt.Print(render(grid))

	rows := []Row{{"a", []int{1, 2}}, {"b", []int{3, 4}}}
	for _, r := range rows {
		r.Cells[0] += 100
	}
	rows[1].Scale(10)
	for _, r := range rows {
		fmt.Println(r.Label, r.Cells, r.Sum())
	}

	columns := map[string][]int{"x": {1, 1}, "y": {2, 2}}
	for _, col := range columns {
		col[1] = -1
	}
	names := make([]string, 0, len(columns))
	for name := range columns {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Println(name, columns[name])
	}
}
