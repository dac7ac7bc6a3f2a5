// Generic struct types: one Rust struct per instantiation, with its methods.
package main

import "fmt"

type Box[T any] struct{ v T }

func (b Box[T]) Get() T { return b.v }

func (b *Box[T]) Set(v T) { b.v = v }

type Pair[K comparable, V any] struct {
	Key K
	Val V
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() (T, bool) {
	var zero T
	if len(s.items) == 0 {
		return zero, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack[T]) Len() int { return len(s.items) }

// A pointer method that deletes from its receiver's map takes `&mut self`.
type Set[T comparable] struct{ m map[T]bool }

func (s *Set[T]) Add(v T) { s.m[v] = true }

func (s *Set[T]) Delete(v T) { delete(s.m, v) }

func (s *Set[T]) Len() int { return len(s.m) }

func MakePair[K comparable, V any](k K, v V) Pair[K, V] {
	return Pair[K, V]{Key: k, Val: v}
}

func main() {
	b := Box[int]{v: 20}
	b.Set(21)
	fmt.Println(b.Get(), b)
	s := Box[string]{"hi"}
	fmt.Println(s.Get())
	var st Stack[string]
	st.Push("a")
	st.Push("b")
	v, ok := st.Pop()
	fmt.Println(v, ok, st.Len())
	p := MakePair("x", 3)
	fmt.Println(p.Key, p.Val, p)
	fmt.Printf("%v %+v\n", p, b)
	set := &Set[string]{m: map[string]bool{}}
	set.Add("a")
	set.Add("b")
	set.Delete("a")
	fmt.Println(set.Len())
}
