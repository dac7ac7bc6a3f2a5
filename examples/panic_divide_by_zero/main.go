// Command panic_divide_by_zero computes averages and panics with an integer division by
// zero when a bucket is empty.
package main

import "fmt"

func average(values []int) int {
	total := 0
	for _, v := range values {
		total += v
	}
	return total / len(values)
}

func main() {
	buckets := [][]int{{4, 8, 15}, {16, 23, 42}, {}}
	for i, b := range buckets {
		fmt.Println("bucket", i, "average", average(b))
	}
	fmt.Println("unreachable")
}
