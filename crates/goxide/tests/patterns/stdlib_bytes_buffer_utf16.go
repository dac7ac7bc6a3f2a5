package main

import (
	"bytes"
	"fmt"
	"unicode/utf16"
)

func main() {
	var buf bytes.Buffer
	name := "Zoë"
	buf.WriteString("hi ")
	buf.WriteString(name)
	buf.WriteByte('!')
	buf.WriteRune('€')
	fmt.Println(buf.String(), buf.Len(), len(buf.Bytes()))
	buf.Reset()
	units := utf16.Encode([]rune(name))
	fmt.Println(units, string(utf16.Decode(units)), utf16.IsSurrogate(0xD800))
}
