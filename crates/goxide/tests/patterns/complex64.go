package main

import "fmt"

func main() {
	var a complex64 = 10 + 6i
	var b complex64 = 5 + 12i
	q := a / b
	fmt.Println(q == (10+6i)/(5+12i))
	q *= b
	fmt.Println(real(q), imag(q))
	var w complex128 = complex128(a) / complex128(b)
	fmt.Println(complex64(w) == q/b)
}
