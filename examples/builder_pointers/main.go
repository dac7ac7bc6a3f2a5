// Builders and buffers reached through pointers: helpers that write into a *strings.Builder or
// *bytes.Buffer borrow it (&mut String, &mut Vec<u8>); a pointer kept in a struct field is a
// shared cell; fmt.Fprintf to such a pointer appends to what it points to.
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

// Printer keeps its builder: the pointer is shared.
type Printer struct {
	out    *strings.Builder
	indent int
}

func (p *Printer) Line(s string) {
	p.out.WriteString(strings.Repeat("  ", p.indent))
	p.out.WriteString(s)
	p.out.WriteByte('\n')
}

func main() {
	fmt.Println(render([]Item{{"apples", 3}, {"pears", 2}}))

	var buf bytes.Buffer
	header(&buf, "Report")
	buf.WriteString("body\n")
	fmt.Print(buf.String())

	b := new(strings.Builder)
	writeItem(b, Item{"plums", 7})
	fmt.Println(b.String(), b.Len())

	var doc strings.Builder
	p := &Printer{out: &doc}
	p.Line("root")
	p.indent++
	p.Line("child")
	fmt.Fprintf(p.out, "%d lines\n", 2)
	fmt.Print(doc.String())

	var lazy *strings.Builder
	if lazy == nil {
		lazy = &strings.Builder{}
	}
	lazy.WriteString("made on demand")
	fmt.Println(lazy.String())
}
