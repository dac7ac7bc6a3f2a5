package main

import "math"

func main() {
	for _, x := range []float64{1.5, 0, 1e100, 123456789.0, 0.1, 1.0 / 3.0, 1e-300, 123.456, 0.5, 9.9999999, 9.99999999, 1e21, 5e-324, math.MaxFloat64, -2.5, 100, 99999995, 0.00001234} {
		println(x)
	}
	println(complex(1.5, -2))
	var x int64 = -8
	println(x>>1, x>>70, uint8(200)>>9)
}
