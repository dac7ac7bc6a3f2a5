package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

func count(sc *bufio.Scanner) int {
	n := 0
	for sc.Scan() {
		n++
	}
	return n
}

func main() {
	sc := bufio.NewScanner(strings.NewReader("one two\nthree\n"))
	sc.Split(bufio.ScanWords)
	for sc.Scan() {
		fmt.Fprintln(os.Stdout, sc.Text())
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(os.Stderr, "error: %v\n", err)
	}
	in := bufio.NewScanner(os.Stdin)
	fmt.Fprintln(os.Stderr, "lines:", count(in))
	var sb strings.Builder
	fmt.Fprintf(&sb, "%d-%s", 3, "x")
	fmt.Fprint(os.Stdout, sb.String(), "\n")
}
