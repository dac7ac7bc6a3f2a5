// Command map_basics shows maps: insertion, comma-ok lookup, delete, len, printing with
// fmt (which sorts keys) and iterating in sorted key order with a hand-written sort.
package main

import "fmt"

func sortStrings(xs []string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func main() {
	stock := map[string]int{
		"apple":  5,
		"banana": 0,
		"cherry": 12,
	}
	stock["date"] = 7
	stock["apple"] += 3
	fmt.Println(stock)
	fmt.Println(len(stock))

	if n, ok := stock["banana"]; ok {
		fmt.Println("banana known, count", n)
	}
	if _, ok := stock["kiwi"]; !ok {
		fmt.Println("kiwi unknown, zero value:", stock["kiwi"])
	}
	delete(stock, "banana")
	delete(stock, "not-there")
	fmt.Println(stock, len(stock))

	keys := make([]string, 0, len(stock))
	for k := range stock {
		keys = append(keys, k)
	}
	sortStrings(keys)
	for _, k := range keys {
		fmt.Printf("%-8s %3d\n", k, stock[k])
	}

	byLen := make(map[int][]string)
	for _, w := range []string{"go", "rust", "c", "zig", "java", "ml"} {
		byLen[len(w)] = append(byLen[len(w)], w)
	}
	fmt.Println(byLen)

	var empty map[string]bool
	fmt.Println(empty == nil, len(empty), empty["x"])
	seen := map[rune]bool{}
	for _, r := range "mississippi" {
		seen[r] = true
	}
	fmt.Println(seen, len(seen))
	total := 0
	for _, v := range stock {
		total += v
	}
	fmt.Println("total:", total)
}
