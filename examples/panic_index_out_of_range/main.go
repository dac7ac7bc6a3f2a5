// Command panic_index_out_of_range reads past the end of a slice, which panics at run
// time with an index-out-of-range error.
package main

import "fmt"

func nthField(fields []string, n int) string {
	return fields[n]
}

func main() {
	fields := []string{"id", "name", "email"}
	for i := 0; i < 3; i++ {
		fmt.Println(i, nthField(fields, i))
	}
	fmt.Println("reading field 5")
	fmt.Println(nthField(fields, 5))
	fmt.Println("unreachable")
}
