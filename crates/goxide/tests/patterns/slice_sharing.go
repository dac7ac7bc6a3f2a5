// Re-slices share their base's elements; a map field that nothing sets is nil.
package main

import "fmt"

type Registry struct {
	handlers map[string]int
}

func (r *Registry) Register(name string, id int) {
	r.handlers[name] = id
}

func total(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func main() {
	nums := []int{1, 2, 3, 4, 5}
	window := nums[1:4]
	window[0] = 20
	fmt.Println(window, len(window), cap(window))
	fmt.Println(nums)

	head := nums[:2]
	fmt.Println(total(head))

	days := [3]string{"mon", "tue", "wed"}
	all := days[:]
	all[2] = "WED"
	fmt.Println(days)

	tail := nums[3:]
	nums[4] = 50
	tail[0] = 40
	fmt.Println(nums, tail)

	var r Registry
	r.Register("index", 1)
}
