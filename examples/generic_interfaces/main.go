// Generic interfaces: a generic container type and plain types satisfy instantiations of
// generic interfaces, whose values are passed to generic functions, stored and asserted.
package main

import "fmt"

// Source yields values of type T until it is exhausted.
type Source[T any] interface {
	Next() (T, bool)
}

// Sink accepts values of type T.
type Sink[T any] interface {
	Put(v T)
	Count() int
}

// SliceSource yields the elements of a slice in order.
type SliceSource[T any] struct {
	items []T
	pos   int
}

func (s *SliceSource[T]) Next() (T, bool) {
	var zero T
	if s.pos >= len(s.items) {
		return zero, false
	}
	v := s.items[s.pos]
	s.pos++
	return v, true
}

// Counter yields 1, 2, ... up to its limit.
type Counter struct {
	cur, limit int
}

func (c *Counter) Next() (int, bool) {
	if c.cur >= c.limit {
		return 0, false
	}
	c.cur++
	return c.cur, true
}

// Collector keeps every value put into it.
type Collector[T any] struct {
	got []T
}

func (c *Collector[T]) Put(v T) { c.got = append(c.got, v) }

func (c *Collector[T]) Count() int { return len(c.got) }

// Summer adds up the integers put into it.
type Summer struct {
	total, n int
}

func (s *Summer) Put(v int) {
	s.total += v
	s.n++
}

func (s *Summer) Count() int { return s.n }

// Pump moves every value of src into dst and reports how many moved.
func Pump[T any](src Source[T], dst Sink[T]) int {
	moved := 0
	for {
		v, ok := src.Next()
		if !ok {
			return moved
		}
		dst.Put(v)
		moved++
	}
}

// Describe asserts an arbitrary value back to a Sink of the requested element type.
func Describe[T any](x interface{}) string {
	if s, ok := x.(Sink[T]); ok {
		return fmt.Sprintf("a sink holding %d values", s.Count())
	}
	return "not a sink"
}

func main() {
	words := &Collector[string]{}
	n := Pump[string](&SliceSource[string]{items: []string{"go", "to", "rust"}}, words)
	fmt.Println("moved", n, "words:", words.got)

	sum := &Summer{}
	n = Pump[int](&Counter{limit: 4}, sum)
	fmt.Println("moved", n, "numbers, total", sum.total)

	var sinks []Sink[int]
	sinks = append(sinks, sum, &Collector[int]{})
	for i, s := range sinks {
		Pump[int](&SliceSource[int]{items: []int{10, 20}}, s)
		fmt.Println("sink", i, "count", s.Count())
	}

	fmt.Println(Describe[int](sum))
	fmt.Println(Describe[string](words))
	fmt.Println(Describe[string](sum))
}
