// Command print_stderr shows the builtin print and println functions, which write to
// standard error, alongside normal output on standard output.
package main

import "fmt"

func main() {
	fmt.Println("starting job")
	println("debug: job started")
	count := 3
	println("debug: count =", count, "ok =", true)
	print("no newline ", 42, "\n")
	var ratio float64 = 2.5
	println("ratio:", ratio)
	println(-7, int8(-1), uint8(200), "end")
	fmt.Println("job finished, processed", count, "items")
	println()
}
