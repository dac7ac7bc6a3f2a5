// Command numeric_conversions shows conversions between numeric types: int to float,
// float to int truncation, narrowing integer conversions and signed/unsigned changes.
package main

import "fmt"

func percent(part, whole int) float64 {
	return float64(part) / float64(whole) * 100
}

func main() {
	fmt.Printf("%.2f\n", percent(1, 3))
	fmt.Println(percent(7, 8))

	f := 3.99
	fmt.Println(int(f), int(-f), int64(2.5e9), uint8(f))
	price := 19.999
	cents := int(price * 100)
	fmt.Println(cents)

	var i64 int64 = 300
	fmt.Println(int8(i64), uint8(i64), int16(i64))
	i64 = -1
	fmt.Println(uint8(i64), uint16(i64), uint32(i64), uint64(i64))
	var big int64 = 1<<40 + 5
	fmt.Println(int32(big), int8(big), uint32(big))

	var u uint32 = 4000000000
	fmt.Println(int32(u), int64(u), float64(u))
	var b byte = 'A'
	fmt.Println(b, rune(b), string(rune(b+2)), int(b)-'0')

	n := 7
	avg := float32(n) / 2
	fmt.Println(avg, n/2, float64(n/2))
	var f32 float32 = 16777217
	fmt.Println(f32, int(f32), float32(0.1)+float32(0.2))
	x := 1e15 + 0.3
	fmt.Println(int64(x), float32(x))
	var r rune = 'ß'
	fmt.Println(r, byte(r), uint16(r), string(r))
	total := 0
	for _, v := range []float64{1.9, 2.9, -0.9} {
		total += int(v)
	}
	fmt.Println(total)
}
