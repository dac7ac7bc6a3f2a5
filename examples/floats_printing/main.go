// Command floats_printing shows float64 arithmetic and how fmt prints floats.
package main

import (
	"fmt"
	"math"
)

func mean(xs []float64) float64 {
	total := 0.0
	for _, x := range xs {
		total += x
	}
	return total / float64(len(xs))
}

func stddev(xs []float64) float64 {
	m := mean(xs)
	sum := 0.0
	for _, x := range xs {
		d := x - m
		sum += d * d
	}
	return math.Sqrt(sum / float64(len(xs)))
}

func main() {
	latencies := []float64{12.5, 7.25, 30.0, 15.125, 9.5}
	fmt.Println("mean:", mean(latencies))
	fmt.Printf("stddev: %.2f\n", stddev(latencies))
	fmt.Println(0.1+0.2, 1.0, 2.5e10, 1e21, 1e-7, 100.0/3.0)
	fmt.Printf("%v %v %v\n", 3.0, 1e6, 123456789.0)
	fmt.Printf("%.2f %.0f %.3f\n", math.Pi, 2.5, 1.0/3)
	fmt.Printf("%g %g %g\n", 0.000012, 1e100, 42.0)
	fmt.Printf("%e %E\n", 123456.789, 0.00042)
	fmt.Printf("%8.3f|%-8.2f|\n", math.E, -1.5)
	var f32 float32 = 0.1
	fmt.Println(f32, float64(f32))
	zero := 0.0
	posInf := 1 / zero
	negInf := -1 / zero
	nan := zero / zero
	fmt.Println(posInf, negInf, nan)
	fmt.Println(math.Inf(1), math.NaN() == math.NaN(), math.IsNaN(nan))
	fmt.Printf("%v %.2f %f\n", posInf, negInf, nan)
	fmt.Println(math.Floor(-2.5), math.Ceil(2.1), math.Abs(-3.75), math.Max(3, 7))
	fmt.Println(-0.0, 1/negInf)
}
