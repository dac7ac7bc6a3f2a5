package main

import (
	"fmt"
	"math"
	"math/bits"
	"os"
	"time"
)

func main() {
	x, y := 2.0, -3.5
	fmt.Println(math.Sqrt(x), math.Pow(x, 10), math.Abs(y), math.Floor(y), math.Ceil(y), math.Trunc(y), math.Round(y))
	fmt.Println(math.Mod(7, x), math.Max(x, y), math.Min(x, y), math.Hypot(3, 4), math.Cbrt(x), math.Log(x), math.Exp(x))
	fmt.Println(math.Inf(1), math.IsInf(x, 0), math.IsInf(x, -1), math.IsNaN(math.NaN()), math.Signbit(y))
	fmt.Println(math.Float64bits(x), math.Float64frombits(1), math.Float32bits(1.5))
	var w uint = 12
	var k int = -1
	fmt.Println(bits.OnesCount(w), bits.LeadingZeros64(uint64(w)), bits.TrailingZeros8(8), bits.Len32(5), bits.RotateLeft(w, k), bits.Reverse16(1))
	time.Sleep(10 * time.Millisecond)
	time.Sleep(time.Duration(k))
	if os.Getenv("GOXIDE_NEVER_SET") != "" {
		os.Exit(3)
	}
}
