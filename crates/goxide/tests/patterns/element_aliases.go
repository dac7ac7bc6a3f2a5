package main

import "fmt"

type S struct{ X, Y int }

func f(s S) S {
	p := &s
	p.X = 10
	s.Y = 20
	p.Y++
	return s
}

func g(xs []S) {
	for _, v := range xs {
		q := &v
		q.X += 1
		v.Y += 2
		fmt.Println(v, *q)
	}
	for i := range xs {
		r := &xs[i]
		r.X = 5
		fmt.Println(xs[i], r.X)
	}
}

func main() {
	fmt.Println(f(S{1, 2}))
	g([]S{{1, 1}, {2, 2}})
	arr := [3]int{1, 2, 3}
	pa := &arr
	arr[0] = 9
	pa[1] = 8
	fmt.Println(arr, *pa, len(pa))
	h()
}

func h() {
	xs := []S{{1, 1}, {2, 2}, {3, 3}}
	i := 0
	r := &xs[i]
	i = 2
	r.X = 100
	xs[i].Y = 7
	r.Y++
	fmt.Println(xs, *r)
	grid := [2][2]int{}
	c := &grid[1][0]
	*c = 4
	grid[0][1] = 3
	*c += 1
	fmt.Println(grid, *c)
	k := 1
	e := &xs[k]
	e.X = -1
	fmt.Println(xs)
}
