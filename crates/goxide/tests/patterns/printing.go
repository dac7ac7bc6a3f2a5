package main

import (
	"fmt"
	"unsafe"
)

func main() {
	x, name := 42, "go"
	fmt.Printf("%5d|%-5s|%05d|%x|%t\n", x, name, x, uint(255), true)
	fmt.Printf("%.2f %v %T\n", 3.14159, 2.5, x)
	s := fmt.Sprintf("%s=%d", name, x)
	fmt.Println(s, 1.5, []int{1, 2})
	fmt.Print("a", "b", 1, 2, "\n")
	println("to stderr", x, 1.5)
	var p unsafe.Pointer
	println(p) // an address: 0x0
}
