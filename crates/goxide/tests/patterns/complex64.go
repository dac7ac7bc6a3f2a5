package main

import "fmt"

func main() {
	var a complex64 = 10 + 6i
	var b complex64 = 5 + 12i
	q := a / b
	fmt.Println(q == (10+6i)/(5+12i))
	q *= b
	fmt.Println(real(q), imag(q))
	// Printed with float32 precision, as Go prints a complex64.
	fmt.Printf("%v %T\n", b*1.01, b)
	var w complex128 = complex128(a) / complex128(b)
	fmt.Println(complex64(w) == q/b)
	// An element updated from its own value: the operand is computed before the place.
	zs := []complex128{1 + 2i, 3 - 1i}
	for j := range zs {
		zs[j] *= complex(real(zs[j]), 0)
	}
	fmt.Println(zs)
}
