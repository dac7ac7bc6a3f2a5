package main

import (
	"fmt"
	"strings"
)

// Rune literals used as bytes are Rust byte literals.
func classify(s string) (open, close, other int) {
	pairs := map[byte]byte{')': '(', ']': '['}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '(', '[':
			open++
		case ')', ']':
			if pairs[c] != 0 {
				close++
			}
		default:
			if c != ' ' && c != '\n' {
				other++
			}
		}
	}
	return
}

func main() {
	fmt.Println(classify("(a [b])\n"))
	var b strings.Builder
	b.WriteByte('=')
	b.WriteString("x")
	raw := []byte{'g', 'o', 0xff}
	raw[0] = byte('G')
	fmt.Println(b.String(), len(raw), raw[0] == 'G')
}
