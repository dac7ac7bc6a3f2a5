package main

import "fmt"

type Tree[K interface{ ~int | ~string }, V any] struct {
	key         K
	val         V
	left, right *Tree[K, V]
}

func Insert[K interface{ ~int | ~string }, V any](t *Tree[K, V], k K, v V) *Tree[K, V] {
	if t == nil {
		return &Tree[K, V]{key: k, val: v}
	}
	if k < t.key {
		t.left = Insert(t.left, k, v)
	} else if k > t.key {
		t.right = Insert(t.right, k, v)
	} else {
		t.val = v
	}
	return t
}

func (t *Tree[K, V]) Walk(visit func(K, V)) {
	if t.left != nil {
		t.left.Walk(visit)
	}
	visit(t.key, t.val)
	if t.right != nil {
		t.right.Walk(visit)
	}
}

type List[T any] struct {
	head *node[T]
	n    int
}

type node[T any] struct {
	v    T
	next *node[T]
}

func (l *List[T]) Push(v T) {
	l.head = &node[T]{v, l.head}
	l.n++
}

func (l *List[T]) Each(f func(T)) {
	for p := l.head; p != nil; p = p.next {
		f(p.v)
	}
}

func main() {
	var root *Tree[string, int]
	for i, w := range []string{"m", "c", "x", "a", "m"} {
		root = Insert(root, w, i)
	}
	root.Walk(func(k string, v int) { fmt.Print(k, "=", v, " ") })
	fmt.Println()
	var l List[float64]
	l.Push(1.5)
	l.Push(2.5)
	l.Each(func(x float64) { fmt.Print(x, " ") })
	fmt.Println(l.n)
}
