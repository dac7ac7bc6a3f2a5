// Command slices_maps_packages keeps a small inventory with the generic slices and maps
// packages: sorting (by value and with comparison functions), searching, inserting and
// deleting, comparing and cloning, and the Go 1.23 iterator idioms over map keys and values.
package main

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

type Item struct {
	Name  string
	Price int
	Qty   int
}

type Shelf struct {
	Label string
	Codes []int
}

// Package-level slice, sorted and reversed in place.
var codes = []int{42, 7, 19, 3}

// byLen orders words by length.
func byLen(a, b string) int {
	return len(a) - len(b)
}

func isOdd(n int) bool {
	return n%2 == 1
}

// normalize sorts a borrowed slice and reports where 10 is.
func normalize(xs []int) int {
	slices.Sort(xs)
	i, _ := slices.BinarySearch(xs, 10)
	return i
}

func tryMax(xs []int) (m int, err string) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Sprint(r)
		}
	}()
	return slices.Max(xs), ""
}

func tryDelete(xs []int, i, j int) (err string) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Sprint(r)
		}
	}()
	xs = slices.Delete(xs, i, j)
	return fmt.Sprint(xs)
}

func tryInsert(xs []int, i int) (err string) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Sprint(r)
		}
	}()
	xs = slices.Insert(xs, i, 99)
	return fmt.Sprint(xs)
}

func main() {
	// Sort, IsSorted, Reverse, BinarySearch.
	nums := []int{5, 2, 8, 2, 9, 1}
	fmt.Println("sorted before:", slices.IsSorted(nums))
	slices.Sort(nums)
	fmt.Println("sorted:", nums, slices.IsSorted(nums))
	for _, target := range []int{2, 6, 9, 10} {
		i, found := slices.BinarySearch(nums, target)
		fmt.Println("search", target, "->", i, found)
	}
	slices.Reverse(nums)
	fmt.Println("reversed:", nums)

	words := []string{"pear", "fig", "banana", "kiwi", "apple"}
	slices.Sort(words)
	fmt.Println("words:", words)
	i, found := slices.BinarySearch(words, "kiwi")
	fmt.Println("kiwi at", i, found)

	// Floats: NaNs sort first; Max and Min propagate them.
	fs := []float64{2.5, math.NaN(), -1, 0}
	slices.Sort(fs)
	fmt.Println("floats:", fs, slices.IsSorted(fs))
	fmt.Println("float max/min:", slices.Max(fs), slices.Min(fs))
	clean := []float64{2.5, -1, 0.25}
	fmt.Println("clean max/min:", slices.Max(clean), slices.Min(clean))

	// Contains, Index, ContainsFunc, IndexFunc, Max, Min.
	fmt.Println("contains 8:", slices.Contains(nums, 8), "contains 4:", slices.Contains(nums, 4))
	fmt.Println("index of 8:", slices.Index(nums, 8), "index of 4:", slices.Index(nums, 4))
	fmt.Println("has fig:", slices.Contains(words, "fig"), "index of pear:", slices.Index(words, "pear"))
	limit := 6
	fmt.Println("any above limit:", slices.ContainsFunc(nums, func(n int) bool { return n > limit }))
	fmt.Println("first odd at:", slices.IndexFunc(nums, isOdd))
	fmt.Println("first long word at:", slices.IndexFunc(words, func(w string) bool { return len(w) > 5 }))
	fmt.Println("max/min:", slices.Max(nums), slices.Min(nums), slices.Max(words), slices.Min(words))

	// SortFunc and SortStableFunc with comparison functions.
	items := []Item{
		{"lamp", 30, 2},
		{"desk", 120, 1},
		{"chair", 45, 4},
		{"pen", 2, 50},
		{"mug", 8, 4},
	}
	calls := 0
	slices.SortFunc(items, func(a, b Item) int {
		calls++
		return cmp.Compare(a.Price, b.Price)
	})
	fmt.Println("by price:", items, calls > 0)
	slices.SortStableFunc(items, func(a, b Item) int { return b.Qty - a.Qty })
	fmt.Println("by qty (stable):", items)
	slices.SortFunc(words, byLen)
	fmt.Println("by length:", words)
	slices.SortFunc(words, func(a, b string) int { return strings.Compare(b, a) })
	fmt.Println("descending:", words)

	// Insert, Delete, DeleteFunc, Compact, Clone, Equal, Concat.
	list := []int{1, 2, 3}
	list = slices.Insert(list, 1, 10, 11)
	fmt.Println("insert:", list)
	list = slices.Insert(list, len(list), 12)
	fmt.Println("insert at end:", list)
	list = slices.Delete(list, 0, 2)
	fmt.Println("delete:", list)
	list = slices.DeleteFunc(list, isOdd)
	fmt.Println("delete odd:", list)
	dups := []string{"a", "a", "b", "b", "b", "a", "c", "c"}
	dups = slices.Compact(dups)
	fmt.Println("compact:", dups, len(dups))
	copyOf := slices.Clone(list)
	copyOf[0] = 100
	fmt.Println("clone:", list, copyOf, slices.Equal(list, copyOf))
	fmt.Println("equal:", slices.Equal(list, []int{2, 12}), slices.Equal(words, slices.Clone(words)))
	both := slices.Concat(list, copyOf, []int{7})
	fmt.Println("concat:", both, len(both))
	fresh := slices.Insert(slices.Clone(both), 0, -1)
	fmt.Println("fresh insert:", fresh, "original:", both)
	evens := slices.DeleteFunc(slices.Clone(both), func(n int) bool { return n%2 != 0 })
	fmt.Println("evens:", evens)

	// Bounds: Max of an empty slice, a bad Delete range and a bad Insert index panic.
	_, err := tryMax(nil)
	fmt.Println("max of empty:", err)
	fmt.Println("delete 1..5:", tryDelete([]int{1, 2, 3}, 1, 5))
	fmt.Println("delete 2..1:", tryDelete([]int{1, 2, 3}, 2, 1))
	fmt.Println("delete 1..2:", tryDelete([]int{1, 2, 3}, 1, 2))
	fmt.Println("insert at 4:", tryInsert([]int{1, 2, 3}, 4))
	fmt.Println("insert at 3:", tryInsert([]int{1, 2, 3}, 3))

	// Fields, package variables and borrowed parameters.
	shelf := Shelf{Label: "A", Codes: []int{9, 4, 6, 4}}
	slices.Sort(shelf.Codes)
	shelf.Codes = slices.Compact(shelf.Codes)
	fmt.Println("shelf:", shelf.Label, shelf.Codes)
	slices.Sort(codes)
	slices.Reverse(codes)
	fmt.Println("codes:", codes, slices.Index(codes, 7))
	param := []int{30, 10, 20}
	fmt.Println("normalize:", normalize(param), param)
	part := []int{9, 8, 7, 6, 5}
	slices.Sort(part[1:4])
	fmt.Println("sorted middle:", part)

	// maps: Clone, Copy, Equal, DeleteFunc; keys and values through iterators.
	stock := map[string]int{"lamp": 2, "desk": 1, "chair": 4, "pen": 50}
	backup := maps.Clone(stock)
	fmt.Println("clone equal:", maps.Equal(stock, backup))
	maps.Copy(stock, map[string]int{"mug": 4, "pen": 45})
	fmt.Println("after copy equal:", maps.Equal(stock, backup), len(stock))
	maps.DeleteFunc(stock, func(name string, qty int) bool { return qty < 3 })
	for _, name := range slices.Sorted(maps.Keys(stock)) {
		fmt.Println(" ", name, stock[name])
	}
	names := slices.Collect(maps.Keys(backup))
	slices.Sort(names)
	fmt.Println("backup names:", names)
	qtys := slices.Collect(maps.Values(backup))
	slices.Sort(qtys)
	fmt.Println("backup quantities:", qtys)
	fmt.Println("sorted values:", slices.Sorted(maps.Values(stock)))
	prices := map[string]float64{"b": 2.5, "a": 0.5, "c": 10, "d": 0.25}
	fmt.Println("sorted prices:", slices.Sorted(maps.Values(prices)))
	fmt.Println("sorted copy:", slices.Sorted(slices.Values(part)), part)
}
