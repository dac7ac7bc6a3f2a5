package main

type Inner struct{ n int }

func (in *Inner) Bump() int { in.n++; return in.n }

type Outer struct {
	in Inner
	k  int
}

func (o *Outer) Get() int { return o.k }

func main() {
	// Ranging over a pointer to an array: with no value variable the pointer is not read.
	var nilArr *[4]int
	s := 0
	for i := range nilArr {
		s += i
	}
	arr := &[3]int{10, 20, 30}
	for i, v := range arr {
		s += i * v
	}
	println(s)
	// A pointer to an array made here (or by a function literal called at once) owns it:
	// indexed, measured and ranged over in place.
	grid := func() *[3]int { return new([3]int) }()
	grid[1] = 7
	_ = grid
	println(len(grid), grid[1], sumArr(grid))
	// `(&v).M()` is `v.M()`; `&*p` is `p` after a nil check.
	o := &Outer{k: 5}
	println((&o.in).Bump(), (&o.in).Bump())
	q := &*o
	// A method borrowing `o` compared with a field of `o`: the borrow ends first.
	println(q.Get() == o.k)
	// `_ = &xs[i]` checks the index.
	xs := []int{1, 2}
	_ = &xs[1]
	defer func() { println(recover() != nil) }()
	_ = &xs[2]
}

// sumArr only reads through its pointer: it borrows the array.
func sumArr(a *[3]int) int {
	t := 0
	for _, v := range a {
		t += v
	}
	return t
}
