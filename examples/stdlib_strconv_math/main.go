// Command stdlib_strconv_math shows strconv conversions with their errors, and the math and
// math/bits functions.
package main

import (
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
)

func parseAll(inputs []string) int {
	total := 0
	for _, in := range inputs {
		n, err := strconv.Atoi(in)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		total += n
	}
	return total
}

func main() {
	fmt.Println(parseAll([]string{"12", "-7", "x1", "", "30", "99999999999999999999"}))
	fmt.Println(strconv.Itoa(-45) + "!")

	v, err := strconv.ParseInt("ff", 16, 64)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("0x_1F", 0, 64)
	fmt.Println(v, err)
	v, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(v, err)
	f, err := strconv.ParseFloat("3.25", 64)
	fmt.Println(f, err)
	f, err = strconv.ParseFloat("1e400", 64)
	fmt.Println(f, err)
	_, err = strconv.ParseFloat("abc", 64)
	fmt.Println(err)
	b, err := strconv.ParseBool("true")
	fmt.Println(b, err)
	_, err = strconv.ParseBool("yes")
	fmt.Println(err)

	fmt.Println(strconv.FormatInt(255, 2), strconv.FormatInt(-255, 16), strconv.FormatInt(1234, 10))
	fmt.Println(strconv.FormatFloat(3.14159, 'f', 2, 64), strconv.FormatFloat(1e21, 'g', -1, 64), strconv.FormatFloat(0.5, 'e', 3, 64))
	fmt.Println(strconv.Quote("tab\there \"quoted\""), strconv.QuoteRune('☺'))
	buf := []byte("n=")
	buf = strconv.AppendInt(buf, -42, 10)
	buf = append(buf, ' ')
	buf = strconv.AppendBool(buf, true)
	buf = append(buf, ' ')
	buf = strconv.AppendQuote(buf, "hi")
	fmt.Println(string(buf))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == 'a' {
			return 'A'
		}
		if r == '-' {
			return -1
		}
		return r
	}, "banana-split"))

	fmt.Println(math.Sqrt(2), math.Pow(2, 10), math.Abs(-3.5))
	fmt.Println(math.Floor(-2.5), math.Ceil(-2.5), math.Trunc(-2.5), math.Round(-2.5), math.Round(2.5))
	fmt.Println(math.Mod(7, 3), math.Mod(-7, 3), math.Max(3, 7), math.Min(3, 7))
	fmt.Println(math.Max(1, math.NaN()), math.Inf(1), math.Inf(-1), math.IsInf(math.Inf(-1), 0), math.IsNaN(math.NaN()))
	fmt.Println(math.Log(math.E), math.Log2(8), math.Log10(1000), math.Exp(0))
	fmt.Println(math.Hypot(3, 4), math.Cbrt(27), math.Signbit(-0.0), math.Signbit(math.Copysign(0, -1)))
	fmt.Printf("%.4f %.4f %.4f\n", math.Sin(math.Pi/2), math.Cos(0), math.Tan(math.Pi/4))
	fmt.Println(math.Float64bits(1.0), math.Float64frombits(0x4000000000000000))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32)

	var x uint = 0b1011_0000
	fmt.Println(bits.OnesCount(x), bits.LeadingZeros(x), bits.TrailingZeros(x), bits.Len(x))
	fmt.Println(bits.OnesCount8(255), bits.LeadingZeros32(1), bits.Len64(0), bits.TrailingZeros16(0))
	fmt.Println(bits.RotateLeft8(0b1000_0001, 1), bits.RotateLeft32(1, -1), bits.Reverse8(1), bits.ReverseBytes16(0x1234))
}
