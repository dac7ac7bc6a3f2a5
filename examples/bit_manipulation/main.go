// Command bit_manipulation shows bitwise operators: shifts, and, or, xor, and-not,
// population count, and packing flags into an integer.
package main

import "fmt"

func popcount(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func isPowerOfTwo(x uint) bool {
	return x != 0 && x&(x-1) == 0
}

func reverseBits8(b uint8) uint8 {
	var r uint8
	for i := 0; i < 8; i++ {
		r = r<<1 | b&1
		b >>= 1
	}
	return r
}

const (
	FlagDebug uint32 = 1 << iota
	FlagVerbose
	FlagDryRun
	FlagForce
)

func main() {
	var x uint8 = 0b1011_0110
	fmt.Println(x, x<<1, x>>2, ^x, x&0x0F, x|0x01, x^0xFF)
	fmt.Printf("%08b %08b %08b\n", x, x&^0b0000_0110, reverseBits8(x))

	flags := FlagDebug | FlagDryRun
	fmt.Println(flags, flags&FlagDryRun != 0, flags&FlagForce != 0)
	flags |= FlagForce
	flags &^= FlagDebug
	fmt.Printf("%04b\n", flags)

	for _, v := range []uint64{0, 1, 255, 1 << 63, 0xFFFFFFFFFFFFFFFF, 12345} {
		fmt.Print(popcount(v), " ")
	}
	fmt.Println()
	fmt.Println(isPowerOfTwo(64), isPowerOfTwo(96), isPowerOfTwo(0))

	n := -16
	fmt.Println(n>>2, n<<3, -1>>10, ^n, n&^3)
	var shift uint = 40
	fmt.Println(1<<shift, int32(1)<<shift, uint8(1)<<7)
	var big uint64 = 1 << 63
	fmt.Println(big, big>>63, big<<1)
	var s int64 = -9
	fmt.Println(s>>1, s/2, uint64(s)>>60)
	packed := uint32(200)<<24 | uint32(10)<<16 | uint32(0)<<8 | uint32(1)
	fmt.Println(packed, packed>>24, packed>>16&0xFF, packed&0xFF)
}
