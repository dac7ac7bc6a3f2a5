// Renders a small invoice into a bytes.Buffer (WriteString, WriteByte, WriteRune, Len, String,
// Bytes, Reset) and converts names to UTF-16 code units and back with unicode/utf16.
package main

import (
	"bytes"
	"fmt"
	"unicode/utf16"
)

type Invoice struct {
	Lines []string
	Out   bytes.Buffer
}

func (inv *Invoice) Render() {
	for i, l := range inv.Lines {
		inv.Out.WriteString(fmt.Sprintf("%d. ", i+1))
		inv.Out.WriteString(l)
		inv.Out.WriteByte('\n')
	}
}

func main() {
	var buf bytes.Buffer
	buf.WriteString("total")
	buf.WriteByte(':')
	buf.WriteByte(' ')
	buf.WriteRune('€')
	buf.WriteString("12")
	fmt.Println(buf.String(), buf.Len())
	b := buf.Bytes()
	fmt.Println(len(b), b[0], b[len(b)-1])
	buf.Reset()
	fmt.Printf("%q %d\n", buf.String(), buf.Len())
	for _, w := range []string{"tea", "café", "crème"} {
		if buf.Len() > 0 {
			buf.WriteString(", ")
		}
		buf.WriteString(w)
	}
	fmt.Println(buf.String())

	inv := Invoice{Lines: []string{"coffee 3.50", "bagel 2.25"}}
	inv.Render()
	fmt.Print(inv.Out.String())

	for _, name := range []string{"Zoë", "日本", "😀 ok"} {
		units := utf16.Encode([]rune(name))
		back := string(utf16.Decode(units))
		fmt.Println(name, len([]rune(name)), len(units), units, back == name)
	}
	fmt.Println(utf16.IsSurrogate(0xD83D), utf16.IsSurrogate('a'))
	fmt.Println(string(utf16.Decode([]uint16{0x48, 0xD800, 0x69})))
	fmt.Println(utf16.Encode([]rune{0x41, 0x110000, -1}))
}
