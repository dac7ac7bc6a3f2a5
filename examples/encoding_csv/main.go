// Reading and writing CSV with encoding/csv: records one at a time and all at once, a
// different separator, comments, quoted fields over several lines, Go's parse errors, and
// a writer that quotes what needs quoting.
package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

const inventory = `name,qty,note
apple,3,"red, crisp"
"pear",5,"says ""hi"""

# not a comment by default
fig,12,"two
lines"
`

func main() {
	r := csv.NewReader(strings.NewReader(inventory))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		line, col := r.FieldPos(len(rec) - 1)
		fmt.Printf("%d fields %q (last at %d:%d)\n", len(rec), rec, line, col)
	}
	fmt.Println("offset", r.InputOffset())

	r = csv.NewReader(strings.NewReader("# header comment\na;b;c\n  d; e;f\r\n\n"))
	r.Comma = ';'
	r.Comment = '#'
	r.TrimLeadingSpace = true
	all, err := r.ReadAll()
	fmt.Println(len(all), all, err, string(r.Comma), r.FieldsPerRecord)

	bad := []string{
		"a,b\nc\n",
		"x,y\"z\n",
		"\"open\n",
		"\"ab\"c,d\n",
		"ok,1\n\"multi\nline\"x\n",
	}
	for _, in := range bad {
		r := csv.NewReader(strings.NewReader(in))
		recs, err := r.ReadAll()
		fmt.Printf("%q -> %d records, error: %v\n", in, len(recs), err)
		fmt.Println("  field count?", errors.Is(err, csv.ErrFieldCount), "quote?", errors.Is(err, csv.ErrQuote), "bare?", errors.Is(err, csv.ErrBareQuote))
	}

	lazy := csv.NewReader(strings.NewReader("a \"quoted\" word,\"x\"y\"\n"))
	lazy.LazyQuotes = true
	lazy.FieldsPerRecord = -1
	rec, err := lazy.Read()
	fmt.Printf("lazy: %q %v %v\n", rec, err, lazy.LazyQuotes)

	fixed := csv.NewReader(strings.NewReader("1,2\n3,4,5\n"))
	fixed.FieldsPerRecord = 2
	for {
		rec, err := fixed.Read()
		if err == io.EOF {
			break
		}
		fmt.Println(rec, err)
	}

	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"name", "comment"})
	w.Write([]string{"plain", "has,comma"})
	w.Write([]string{" leading space", "say \"hi\""})
	w.Write([]string{"", "multi\nline"})
	fmt.Println("(nothing written yet)")
	w.Flush()
	fmt.Println("error:", w.Error())
	w.Comma = '\t'
	w.UseCRLF = true
	err = w.WriteAll([][]string{{"a b", "c\td"}, {"e", "f\ng"}})
	fmt.Println("write all:", err, w.Comma == '\t', w.UseCRLF)
}
