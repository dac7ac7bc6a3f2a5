// Command integer_wraparound shows Go's integer arithmetic, including two's-complement
// wraparound when fixed-size integers overflow.
package main

import "fmt"

func checksum8(data []byte) uint8 {
	var sum uint8
	for _, b := range data {
		sum += b
	}
	return sum
}

func hash32(s string) int32 {
	var h int32 = 7
	for i := 0; i < len(s); i++ {
		h = h*31 + int32(s[i])
	}
	return h
}

func main() {
	a, b := 17, 5
	fmt.Println(a+b, a-b, a*b, a/b, a%b)
	fmt.Println(-a/b, -a%b, a/-b, a%-b)

	var i8 int8 = 127
	i8++
	fmt.Println("int8 127+1 =", i8)
	i8 = -128
	i8--
	fmt.Println("int8 -128-1 =", i8)

	var u8 uint8 = 250
	u8 += 10
	fmt.Println("uint8 250+10 =", u8)
	var zero uint8
	zero--
	fmt.Println("uint8 0-1 =", zero)

	var i32 int32 = 2147483647
	i32 += 1
	fmt.Println("int32 max+1 =", i32)

	var i64 int64 = 9223372036854775807
	i64++
	fmt.Println("int64 max+1 =", i64)

	var big int64 = 3037000500
	fmt.Println("int64 square overflow =", big*big)

	fmt.Println("checksum8 =", checksum8([]byte("the quick brown fox jumps over the lazy dog")))
	fmt.Println("hash32 =", hash32("a reasonably long string to overflow the hash"))

	var u32 uint32 = 1
	u32 <<= 31
	u32 *= 2
	fmt.Println("uint32 1<<32 =", u32)

	x := -7
	fmt.Println("negation:", -x, "abs:", abs(x))
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
