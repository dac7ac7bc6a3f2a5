package main

import "fmt"

type Tree struct {
	Key         int
	Left, Right *Tree
}

func insert(t *Tree, k int) *Tree {
	if t == nil {
		return &Tree{Key: k}
	}
	if k < t.Key {
		t.Left = insert(t.Left, k)
	} else {
		t.Right = insert(t.Right, k)
	}
	return t
}

// A guard first: after it, t is a plain reference (`let Some(t) = t else …`).
func sum(t *Tree) int {
	if t == nil {
		return 0
	}
	return t.Key + sum(t.Left) + sum(t.Right)
}

func contains(t *Tree, k int) bool {
	if t == nil {
		return false
	}
	if t.Key == k {
		return true
	}
	if k < t.Key {
		return contains(t.Left, k)
	}
	return contains(t.Right, k)
}

type Limits struct{ Max int }

// An optional borrow with a guard.
func clamp(v int, l *Limits) int {
	if l == nil {
		return v
	}
	if v > l.Max {
		return l.Max
	}
	return v
}

// `if l != nil`: `if let Some(l) = l` (`l.as_deref_mut()` when it is written through).
func raise(l *Limits, by int) string {
	if l != nil {
		l.Max += by
	}
	if l != nil {
		return fmt.Sprint("max ", l.Max)
	} else {
		return "no limits"
	}
}

// Given another value: no guard, the parameter stays an Option.
func pick(l *Limits, fallback *Limits) int {
	if l == nil {
		l = fallback
	}
	return l.Max
}

func main() {
	var root *Tree
	for _, k := range []int{5, 3, 8, 1, 4, 9} {
		root = insert(root, k)
	}
	fmt.Println(sum(root), contains(root, 4), contains(root, 7))
	lim := &Limits{Max: 10}
	fmt.Println(clamp(42, lim), clamp(42, nil), clamp(7, lim))
	fmt.Println(pick(nil, lim), pick(&Limits{Max: 3}, lim))
	fmt.Println(raise(lim, 5), raise(nil, 5), lim.Max)
}
