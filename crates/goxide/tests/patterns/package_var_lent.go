package main

import "fmt"

var nums = []int{1, 2, 3}
var counts = map[string]int{}

func fill(xs []int) {
	for i := range xs {
		xs[i] *= 10
	}
}

func bump(m map[string]int) { m["a"]++ }

func main() {
	fill(nums)
	bump(counts)
	nums = append(nums, 4)
	fill(nums[1:])
	show()
}

func show() { fmt.Println(nums, counts) }
