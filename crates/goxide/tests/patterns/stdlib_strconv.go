package main

import (
	"fmt"
	"strconv"
)

func parse(s string) (int, error) {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, err
	}
	return n * 2, nil
}

func main() {
	fmt.Println(parse("21"))
	fmt.Println(strconv.Itoa(7), strconv.FormatInt(-255, 16), strconv.FormatInt(9, 10), strconv.FormatBool(true))
	v, err := strconv.ParseInt("-0x1f", 0, 64)
	fmt.Println(v, err)
	u, err := strconv.ParseUint("255", 10, 8)
	fmt.Println(u, err)
	f, err := strconv.ParseFloat("2.5e3", 64)
	fmt.Println(f, err)
	b, err := strconv.ParseBool("F")
	fmt.Println(b, err)
	fmt.Println(strconv.FormatFloat(f, 'g', -1, 64), strconv.Quote("a\"b"), strconv.QuoteRune('x'))
	buf := []byte("n=")
	buf = strconv.AppendInt(buf, 42, 10)
	fmt.Println(string(buf))
}
