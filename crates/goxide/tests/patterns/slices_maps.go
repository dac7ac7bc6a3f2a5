package main

import "fmt"

func tally(m map[string]int, k string) { m[k]++ }

func size(m map[string]int) int { return len(m) }

func main() {
	s := []int{1, 2, 3}
	s = append(s, 4, 5)
	t := make([]int, 2, 10)
	copy(t, s)
	arr := [3]int{1, 2}
	m := map[string]int{"a": 1}
	m["b"] = 2
	m["a"] += 10
	v, ok := m["c"]
	delete(m, "b")
	for i, x := range s {
		s[i] = x * 2
	}
	tally(m, "z")
	fmt.Println(s, t, arr, len(m), v, ok, s[1:3], size(m))
	// Deleting from a map no variable holds only evaluates it.
	delete(make(map[string]int), "gone")
}

// A capacity below the length panics at run time, as in Go.
func buffer(n, c int) []byte {
	return make([]byte, n, c)
}
