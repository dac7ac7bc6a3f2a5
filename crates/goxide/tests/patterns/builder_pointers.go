// Helpers that write into a `strings.Builder` or `bytes.Buffer` through a pointer borrow it
// (`&mut String`, `&mut Vec<u8>`); `fmt.Fprintf` to such a pointer appends to it.
package main

import (
	"bytes"
	"fmt"
	"strings"
)

type Item struct {
	Name string
	Qty  int
}

func writeItem(sb *strings.Builder, it Item) {
	sb.WriteString(it.Name)
	sb.WriteByte('=')
	fmt.Fprintf(sb, "%d", it.Qty)
	sb.WriteString(";")
}

func render(items []Item) string {
	var sb strings.Builder
	for _, it := range items {
		writeItem(&sb, it)
	}
	return sb.String()
}

func header(buf *bytes.Buffer, title string) {
	buf.WriteString("# ")
	buf.WriteString(title)
	buf.WriteByte('\n')
	fmt.Fprintf(buf, "(%d chars)\n", len(title))
}

func main() {
	fmt.Println(render([]Item{{"a", 1}, {"b", 2}}))
	var buf bytes.Buffer
	header(&buf, "Report")
	fmt.Print(buf.String())
	b := new(strings.Builder)
	writeItem(b, Item{"c", 3})
	fmt.Println(b.String(), b.Len())
}
