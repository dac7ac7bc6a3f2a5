package main

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

type Item struct {
	Name  string
	Price int
}

var ids = []int{3, 1, 2}

func largest(xs []int) int {
	slices.Sort(xs)
	return slices.Max(xs)
}

func main() {
	s := []int{3, 1, 2}
	slices.Sort(s)
	i, found := slices.BinarySearch(s, 2)
	l := largest(s)
	fmt.Println(s, i, found, slices.Contains(s, 2), slices.Index(s, 3), l)
	fs := []float64{1.5, -2}
	slices.Sort(fs)
	fmt.Println(fs, slices.Min(fs))
	items := []Item{{"b", 2}, {"a", 1}}
	slices.SortFunc(items, func(a, b Item) int { return cmp.Compare(a.Price, b.Price) })
	fmt.Println(items)
	s = slices.Insert(s, 1, 10)
	s = slices.Delete(s, 0, 1)
	s = slices.DeleteFunc(s, func(n int) bool { return n > 5 })
	t := slices.Compact(s)
	fmt.Println(s, t, slices.Equal(s, t), slices.Concat(s, t))
	slices.Sort(ids)
	slices.Reverse(ids[1:])
	m := map[string]int{"b": 2, "a": 1}
	c := maps.Clone(m)
	maps.Copy(c, map[string]int{"c": 3})
	maps.DeleteFunc(c, func(k string, v int) bool { return v == 1 })
	fmt.Println(maps.Equal(m, c), ids)
	for _, k := range slices.Sorted(maps.Keys(c)) {
		fmt.Println(k, c[k])
	}
	vals := slices.Collect(maps.Values(m))
	slices.Sort(vals)
	fmt.Println(vals, slices.Repeat(s, 2))
}
