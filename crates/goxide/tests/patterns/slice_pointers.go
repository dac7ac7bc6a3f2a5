// Command slice_pointers grows, trims and sorts slices through pointers: helpers that take
// *[]T, a stack type with pointer-receiver methods, and a slice made by new([]T).
package main

import "fmt"

type Stack []int

func (s *Stack) Push(v int) { *s = append(*s, v) }
func (s *Stack) Pop() int {
	old := *s
	v := old[len(old)-1]
	*s = old[:len(old)-1]
	return v
}

func add(xs *[]int, v int) {
	*xs = append(*xs, v)
}

func double(xs *[]int) {
	for i := range *xs {
		(*xs)[i] *= 2
	}
}

func sum(xs *[]int) int {
	t := 0
	for _, x := range *xs {
		t += x
	}
	return t
}

// A read-only pointer to a slice is `&[T]`: its copy is `to_vec()`, a map's `clone()`.
func report(xs *[]int, m *map[string]int) string {
	c := *xs
	seen := *m
	return fmt.Sprint(*xs, c, total(*xs), len(*m), seen["a"])
}

func total(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func fill(xs *[]string, n int) {
	for i := 0; i < n; i++ {
		*xs = append(*xs, fmt.Sprint("w", i))
	}
	add2(xs)
}

func add2(xs *[]string) {
	*xs = append(*xs, "end")
	(*xs)[0] = "start"
}

func trim(xs *[]int) {
	*xs = (*xs)[1:]
}

// Dup appends the stack to itself; AddLen appends its length.
func (s *Stack) Dup()    { *s = append(*s, (*s)...) }
func (s *Stack) AddLen() { *s = append(*s, len(*s)) }

func main() {
	var xs []int
	add(&xs, 1)
	add(&xs, 2)
	add(&xs, 3)
	double(&xs)
	fmt.Println(xs, sum(&xs), len(xs))
	counts := map[string]int{"a": 1}
	fmt.Println(report(&xs, &counts))
	trim(&xs)
	fmt.Println(xs, cap(xs) >= 2)
	p := &xs
	add(p, 9)
	fmt.Println(*p, len(*p))
	ws := []string{}
	fill(&ws, 3)
	fmt.Println(ws)
	s := &Stack{}
	s.Push(1)
	s.Push(2)
	fmt.Println(s.Pop(), *s)
	q := new([]int)
	*q = append(*q, 4)
	add(q, 5)
	fmt.Println(*q)
	var st Stack
	st.Push(3)
	fmt.Println(st, len(st))
	st.Dup()
	st.AddLen()
	fmt.Println(st)
	// Two pointers to one slice: a shared cell.
	other := []int{4, 6}
	r := &other
	alias := r
	*r = append(*r, len(*alias))
	fmt.Println(*alias)
	seen := []int{1, 2}
	record := func() { seen = append(seen, 0) }
	seen = append(seen, len(seen))
	record()
	fmt.Println(seen)
	// A copy of part of another slice, grown through a pointer: Go's append writes into
	// the shared array; goxide's copy does not, and says so.
	ys := []int{1, 2, 3, 4}
	zs := ys[:2]
	add(&zs, 100)
	fmt.Println(ys, zs)
	grid := [][]int{{3, 1}, {2}}
	for i := range grid {
		add(&grid[i], 10*i)
	}
	fmt.Println(grid, sum(&grid[0]))
}
