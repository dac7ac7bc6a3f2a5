// Command slices_append shows slices: append and growth, len and cap, copy, re-slicing,
// 2D slices and slices of structs.
package main

import "fmt"

type Task struct {
	ID       int
	Title    string
	Done     bool
	Priority int
}

func pending(tasks []Task) []Task {
	var out []Task
	for _, t := range tasks {
		if !t.Done {
			out = append(out, t)
		}
	}
	return out
}

func main() {
	var nums []int
	fmt.Println(nums == nil, len(nums), cap(nums))
	for i := 0; i < 5; i++ {
		nums = append(nums, i*i)
	}
	fmt.Println(nums, len(nums))
	nums = append(nums, 100, 200)
	nums = append(nums, []int{7, 8}...)
	fmt.Println(nums)

	buf := make([]int, 3, 10)
	fmt.Println(buf, len(buf), cap(buf))
	window := nums[2:5]
	fmt.Println(window, len(window), cap(window))
	window[0] = -1
	fmt.Println(nums[2], nums[:3], nums[7:])

	dst := make([]int, 4)
	n := copy(dst, nums)
	fmt.Println(n, dst)
	n = copy(dst[1:], []int{9, 9})
	fmt.Println(n, dst)

	grid := make([][]string, 3)
	for r := range grid {
		grid[r] = make([]string, 4)
		for c := range grid[r] {
			if (r+c)%2 == 0 {
				grid[r][c] = "#"
			} else {
				grid[r][c] = "."
			}
		}
	}
	for _, row := range grid {
		fmt.Println(row)
	}

	tasks := []Task{
		{1, "write docs", false, 2},
		{2, "fix bug", true, 1},
		{3, "review", false, 3},
	}
	tasks[0].Done = true
	tasks = append(tasks, Task{ID: 4, Title: "deploy"})
	for _, t := range pending(tasks) {
		fmt.Printf("%d %s p%d\n", t.ID, t.Title, t.Priority)
	}
	fmt.Println(len(tasks), tasks[len(tasks)-1])
	stack := []int{1, 2, 3}
	stack = stack[:len(stack)-1]
	fmt.Println(stack, []string{}, len([]string{}))
}
