// Command recover_to_error runs a batch of calculator jobs; a deferred recover turns each
// job's panic (explicit or a runtime error) into an ordinary error so the batch continues.
package main

import (
	"fmt"
	"strings"
)

type Job struct {
	Name string
	Args []int
}

func compute(j Job) int {
	switch j.Name {
	case "sum":
		total := 0
		for _, a := range j.Args {
			total += a
		}
		return total
	case "ratio":
		return j.Args[0] / j.Args[1]
	case "third":
		return j.Args[2]
	}
	panic("unknown job " + j.Name)
}

// safeCompute converts a panic inside compute into an error result.
func safeCompute(j Job) (result int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("job %s failed: %v", j.Name, r)
		}
	}()
	result = compute(j)
	return result, nil
}

func mustPositive(n int) int {
	if n <= 0 {
		panic(fmt.Sprintf("expected a positive number, got %d", n))
	}
	return n
}

func main() {
	jobs := []Job{
		{"sum", []int{1, 2, 3}},
		{"ratio", []int{10, 4}},
		{"ratio", []int{1, 0}},
		{"third", []int{7, 8}},
		{"median", nil},
		{"third", []int{7, 8, 9}},
	}
	failed := 0
	for _, j := range jobs {
		res, err := safeCompute(j)
		if err != nil {
			failed++
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s%v = %d\n", j.Name, j.Args, res)
	}
	fmt.Println(strings.Repeat("-", 20))
	fmt.Printf("%d of %d jobs failed\n", failed, len(jobs))

	func() {
		defer func() {
			r := recover()
			fmt.Println("recovered:", r)
		}()
		fmt.Println(mustPositive(5))
		fmt.Println(mustPositive(-2))
		fmt.Println("not reached")
	}()
	fmt.Println("recover outside a panic:", recover())
}
