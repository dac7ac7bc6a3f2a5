// Command matrix_multiply multiplies matrices stored as slices of slices and raises a
// matrix to a power to compute Fibonacci numbers.
package main

import "fmt"

type Matrix [][]int64

func newMatrix(rows, cols int) Matrix {
	m := make(Matrix, rows)
	for i := range m {
		m[i] = make([]int64, cols)
	}
	return m
}

func identity(n int) Matrix {
	m := newMatrix(n, n)
	for i := 0; i < n; i++ {
		m[i][i] = 1
	}
	return m
}

func (a Matrix) Mul(b Matrix) Matrix {
	rows, inner, cols := len(a), len(b), len(b[0])
	out := newMatrix(rows, cols)
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			var sum int64
			for k := 0; k < inner; k++ {
				sum += a[i][k] * b[k][j]
			}
			out[i][j] = sum
		}
	}
	return out
}

func (a Matrix) Pow(n int) Matrix {
	result := identity(len(a))
	base := a
	for n > 0 {
		if n&1 == 1 {
			result = result.Mul(base)
		}
		base = base.Mul(base)
		n >>= 1
	}
	return result
}

func (a Matrix) Print() {
	for _, row := range a {
		for j, v := range row {
			if j > 0 {
				fmt.Print(" ")
			}
			fmt.Printf("%4d", v)
		}
		fmt.Println()
	}
}

func main() {
	a := Matrix{{1, 2, 3}, {4, 5, 6}}
	b := Matrix{{7, 8}, {9, 10}, {11, 12}}
	a.Mul(b).Print()
	b.Mul(a).Print()
	fib := Matrix{{1, 1}, {1, 0}}
	fmt.Println(fib.Pow(10)[0][1], fib.Pow(50)[0][1], fib.Pow(90)[0][1])
	fmt.Println(identity(3))
}
