package main

// Computes with arbitrary-precision integers from math/big: factorials and Fibonacci numbers
// beyond 64 bits, Go's Euclidean Div/Mod next to truncated Quo/Rem, modular exponentiation,
// parsing with SetString in several bases, comparisons, and printing *big.Int with fmt.

import (
	"fmt"
	"math/big"
)

func factorial(n int64) *big.Int {
	result := big.NewInt(1)
	for i := int64(2); i <= n; i++ {
		result.Mul(result, big.NewInt(i))
	}
	return result
}

func fibonacci(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

func main() {
	f30 := factorial(30)
	fmt.Println("30! =", f30)
	fmt.Println("fib(100) =", fibonacci(100).String())
	fmt.Printf("%d has %d bits, sign %d\n", f30, f30.BitLen(), f30.Sign())

	x, y := big.NewInt(-7), big.NewInt(2)
	q, r := new(big.Int), new(big.Int)
	fmt.Println("Div/Mod:", q.Div(x, y), r.Mod(x, y))
	fmt.Println("Quo/Rem:", q.Quo(x, y), r.Rem(x, y))
	fmt.Println("Sub:", new(big.Int).Sub(y, x), "Neg:", new(big.Int).Neg(x), "Abs:", new(big.Int).Abs(x))

	two := big.NewInt(2)
	fmt.Println("2^100 =", new(big.Int).Exp(two, big.NewInt(100), nil))
	fmt.Println("3^200 mod 1000007 =", new(big.Int).Exp(big.NewInt(3), big.NewInt(200), big.NewInt(1000007)))

	n, ok := new(big.Int).SetString("123456789012345678901234567890", 10)
	fmt.Println(n, ok)
	h, ok := new(big.Int).SetString("ff_ff", 0)
	fmt.Println(h, ok)
	b, ok := new(big.Int).SetString("-101", 2)
	fmt.Println(b, ok)
	_, ok = new(big.Int).SetString("12x", 10)
	fmt.Println(ok)

	fmt.Println(n.Cmp(f30), f30.Cmp(n), n.Cmp(n), big.NewInt(0).Sign())
	sum := new(big.Int).Add(n, f30)
	fmt.Printf("sum=%v hex=%x padded=[%40d]\n", sum, big.NewInt(255), big.NewInt(42))
	fmt.Println(big.NewInt(1<<62).Int64(), sum.IsInt64(), big.NewInt(12345).Text(16))
	c := new(big.Int).Set(sum)
	c.SetInt64(99)
	fmt.Println(c, sum.Cmp(c) > 0)
}
