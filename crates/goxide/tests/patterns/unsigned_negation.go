package main

import "fmt"

func negate(x uint16, y uint64) (uint16, uint64) {
	return -x, -y
}

func main() {
	a, b := negate(1, 2)
	var s string
	p := &s
	*p = "go"
	fmt.Println(a, b, s == "go")
}
