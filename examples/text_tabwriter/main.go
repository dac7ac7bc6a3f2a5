// Tables with text/tabwriter: left- and right-aligned columns, Debug bars, tab padding,
// minimum widths, empty columns and multi-byte text.
package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

type item struct {
	name  string
	qty   int
	price float64
}

func main() {
	items := []item{{"apple", 3, 0.5}, {"watermelon", 1, 3.25}, {"fig", 12, 0.2}, {"crème brûlée", 2, 4}}

	w := tabwriter.NewWriter(os.Stdout, 0, 8, 2, ' ', 0)
	fmt.Fprintln(w, "NAME\tQTY\tPRICE\t")
	for _, it := range items {
		fmt.Fprintf(w, "%s\t%d\t%.2f\t\n", it.name, it.qty, it.price)
	}
	w.Flush()

	fmt.Println("-- right aligned, debug")
	w = tabwriter.NewWriter(os.Stdout, 5, 0, 1, '.', tabwriter.AlignRight|tabwriter.Debug)
	fmt.Fprintln(w, "a\tbbb\tc\t")
	fmt.Fprintln(w, "aaaa\tbb\tccccc\t")
	fmt.Fprint(w, "x\ty\n")
	w.Flush()

	fmt.Println("-- tabs as padding")
	w = tabwriter.NewWriter(os.Stdout, 0, 8, 1, '\t', tabwriter.AlignRight)
	fmt.Fprintln(w, "key\tvalue")
	fmt.Fprintln(w, "a-much-longer-key\tv")
	fmt.Fprintln(w, "k\tanother value")
	w.Flush()

	fmt.Println("-- blocks end at a line without tabs")
	w = tabwriter.NewWriter(os.Stdout, 0, 4, 1, '-', tabwriter.Debug)
	fmt.Fprintf(w, "one\ttwo\tthree\n")
	fmt.Fprintf(w, "1\t2\t3\n")
	fmt.Fprintf(w, "a break\n")
	fmt.Fprintf(w, "longer one\tx\n")
	fmt.Fprintf(w, "\tindented\n")
	n, err := w.Write([]byte("last\tline"))
	fmt.Println()
	fmt.Println("wrote", n, err)
	w.Flush()
	fmt.Println()

	fmt.Println("-- empty columns discarded")
	w = tabwriter.NewWriter(os.Stdout, 2, 8, 1, '*', tabwriter.DiscardEmptyColumns|tabwriter.Debug)
	fmt.Fprintln(w, "a\t\tb\tc")
	fmt.Fprintln(w, "aa\t\tbb\tcc")
	fmt.Fprintln(w, "\f")
	fmt.Fprintln(w, "x\ty")
	w.Flush()

	fmt.Println("-- tab indent")
	w = tabwriter.NewWriter(os.Stdout, 0, 4, 1, ' ', tabwriter.TabIndent)
	fmt.Fprintln(w, "\t\tdeep\tx")
	fmt.Fprintln(w, "\tshallow\ty")
	fmt.Fprintln(w, "top\tz")
	if err := w.Flush(); err != nil {
		fmt.Println("flush failed:", err)
	}
}
