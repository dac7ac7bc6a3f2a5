package main

import (
	"fmt"
	"sort"
)

type Person struct {
	Name string
	Age  int
}

type ByAge []Person

func (a ByAge) Len() int           { return len(a) }
func (a ByAge) Less(i, j int) bool { return a[i].Age < a[j].Age }
func (a ByAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }

// byLen swaps a counter too: sort.Sort of it stays unsupported.
type byLen []string

func (s byLen) Len() int           { return len(s) }
func (s byLen) Less(i, j int) bool { return len(s[i]) < len(s[j]) }
func (s byLen) Swap(i, j int) {
	swaps++
	s[i], s[j] = s[j], s[i]
}

var swaps int

func main() {
	people := []Person{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}, {"Dan", 25}}
	sort.Sort(ByAge(people))
	sort.Stable(sort.Reverse(ByAge(people)))
	fmt.Println(people, sort.IsSorted(ByAge(people)))
	sort.Slice(people, func(i, j int) bool { return people[i].Name > people[j].Name })
	sort.SliceStable(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	nums := []int{1, 3, 5, 8}
	sort.Sort(sort.Reverse(sort.IntSlice(nums)))
	sort.Ints(nums)
	limit := 4
	i := sort.Search(len(nums), func(i int) bool { return nums[i] >= limit })
	fmt.Println(nums, i)
	words := []string{"ccc", "a", "bb"}
	sort.Sort(byLen(words))
	fmt.Println(words, swaps)
}
