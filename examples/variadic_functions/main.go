// Command variadic_functions formats a small log and computes statistics with variadic
// functions: calling with separate arguments, with none, and spreading a slice with xs...
package main

import (
	"fmt"
	"strings"
)

func sum(nums ...int) int {
	total := 0
	for _, n := range nums {
		total += n
	}
	return total
}

func average(first float64, rest ...float64) float64 {
	total := first
	for _, r := range rest {
		total += r
	}
	return total / float64(1+len(rest))
}

func joinPath(parts ...string) string {
	if len(parts) == 0 {
		return "/"
	}
	return "/" + strings.Join(parts, "/")
}

func logf(level string, format string, args ...interface{}) {
	msg := fmt.Sprintf(format, args...)
	fmt.Printf("[%-5s] %s\n", level, msg)
}

// appendUnique appends the values not already present.
func appendUnique(dst []string, values ...string) []string {
	for _, v := range values {
		found := false
		for _, d := range dst {
			if d == v {
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, v)
		}
	}
	return dst
}

func main() {
	fmt.Println(sum(), sum(4), sum(1, 2, 3))
	scores := []int{90, 85, 77}
	fmt.Println(sum(scores...), sum(scores[1:]...))

	fmt.Println(average(3), average(1, 2), average(2, []float64{4, 6, 8}...))

	fmt.Println(joinPath(), joinPath("usr"), joinPath("usr", "local", "bin"))
	dirs := []string{"var", "log"}
	fmt.Println(joinPath(dirs...))

	logf("info", "started %d workers", 4)
	logf("warn", "disk %s at %d%%", "sda", 91)
	logf("debug", "no arguments")

	tags := appendUnique(nil, "go", "rust")
	tags = appendUnique(tags, "go", "c", "rust", "zig")
	more := []string{"c", "java"}
	tags = appendUnique(tags, more...)
	fmt.Println(tags, len(tags))

	nums := []int{1, 2}
	nums = append(nums, scores...)
	fmt.Println(nums, sum(nums...))
}
