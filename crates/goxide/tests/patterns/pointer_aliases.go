package main

import "fmt"

type Square struct {
	Name string
	Side int
}

func (s *Square) Grow(n int) { s.Side += n }

func bump(p *int) { *p++ }

type Box struct{ Min, Max Square }

func main() {
	sq := Square{"sq", 2}
	alias := &sq
	alias.Name = "shared"
	fmt.Println(sq.Name, alias.Name)
	alias.Grow(3)
	sq.Side++
	fmt.Println(sq, *alias, alias.Side)
	x, y := 1, 2
	px := &x
	py := &y
	*px, *py = y, x
	fmt.Println(x, y, *px, *py)
	n := 10
	pn := &n
	bump(pn)
	n++
	bump(pn)
	fmt.Println(n, *pn)
	var b Box
	m := &b.Max
	m.Side = 4
	b.Min.Side = 1
	m.Grow(1)
	fmt.Println(b, *m)
	for i := 0; i < 2; i++ {
		v := i * 10
		pv := &v
		v++
		*pv += 100
		fmt.Println(v, *pv)
	}
	// A copy of such a pointer, used around a direct use: one shared pointer.
	other := Square{"o", 1}
	r := &other
	copied := r
	copied.Side = 7
	other.Name = "other"
	copied.Side++
	fmt.Println(other, *r)
}
