package main

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"unsafe"
)

type I interface{ M() int }
type T struct{ n int }

func (t *T) M() int { return t.n }

var _ I = (*T)(nil)

type Embeds struct {
	I
	*strings.Builder
}

const (
	a = iota
	b
	_
	d
)

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

func SortedKeys[K interface{ ~int | ~string }, V any](m map[K]V) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	return keys
}

func Sum[T ~int | ~float64](xs ...T) (s T) {
	for _, x := range xs {
		s += x
	}
	return
}

var ErrX = errors.New("x")

func div(x, y int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	q = x / y
	return
}

func main() {
	t := &T{n: 1}
	f := t.M
	var i I = t
	if v, ok := i.(*T); ok {
		_ = v
	} else if w := 2; w > 1 {
		_ = w
	}
	switch x := i.(type) {
	case *T:
		fmt.Println(x.n)
	default:
	}
	var fib func(int) int
	fib = func(n int) int {
		if n < 2 {
			return n
		}
		return fib(n-1) + fib(n-2)
	}
	ch := make(chan int, 1)
	ch <- 1
	select {
	case v, ok := <-ch:
		_, _ = v, ok
	default:
	}
	close(ch)
	for range ch {
	}
	ps := []struct{ a int }{{1}, {2}}
	m := map[string][]int{}
	m["a"] = append(m["a"], 1)
	x, y := 1, 2
	x, y = y, x
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
		}
	}
	buf := make([]byte, 3)
	n := copy(buf, "str")
	bs := append([]byte("a"), "b"...)
	c := 1 + 2i
	var arr [5]int
	var arr2 [len(arr)]int
	const sz = unsafe.Sizeof(arr)
	var e Embeds
	_ = e.I
	fmt.Println(f(), fib(10), ps, m, x, y, n, bs, real(c), imag(c), arr2, sz, a, b, d)
	fmt.Println(SortedKeys(map[string]int{"b": 1, "a": 2}), Sum(1, 2, 3), Sum(1.5, 2.5), Pair[string, int]{"a", 1})
	q, err := div(1, 0)
	if errors.Is(err, ErrX) {
		os.Exit(1)
	}
	goto end
end:
	fmt.Println(q, err)
	var u8 uint8 = 255
	u8++
	var s []int
	s = s[:0:0]
	_ = s
	type local struct{ v int }
	l := local{v: 1}
	_ = l.v
	p := &l
	p.v += 2
	var iface interface{} = 1
	switch iface {
	case 1, "a":
	}
	fmt.Printf("%T %v\n", iface, 1<<3)
	var mm map[Pair[string, int]]bool
	_ = mm[Pair[string, int]{}]
	func() {}()
}
