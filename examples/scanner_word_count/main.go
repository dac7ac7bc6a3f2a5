package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strings"
)

const poem = `The quick brown fox
jumps over  the lazy dog.
	The dog sleeps;
the fox runs away.
`

// countLines reads every line the scanner yields.
func countLines(sc *bufio.Scanner) (int, int) {
	lines, chars := 0, 0
	for sc.Scan() {
		lines++
		chars += len(sc.Text())
	}
	return lines, chars
}

func main() {
	sc := bufio.NewScanner(strings.NewReader(poem))
	n := 0
	for sc.Scan() {
		n++
		fmt.Fprintf(os.Stdout, "%2d| %s\n", n, sc.Text())
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintln(os.Stderr, "read error:", err)
	}

	words := bufio.NewScanner(strings.NewReader(poem))
	words.Split(bufio.ScanWords)
	counts := map[string]int{}
	total := 0
	for words.Scan() {
		w := strings.ToLower(strings.Trim(words.Text(), ".;"))
		counts[w]++
		total++
	}
	fmt.Fprintln(os.Stdout, "words:", total, "distinct:", len(counts))
	fmt.Fprint(os.Stdout, "the=", counts["the"], " fox=", counts["fox"], "\n")

	lines, chars := countLines(bufio.NewScanner(strings.NewReader("a\r\nbb\n\nccc")))
	fmt.Println("lines:", lines, "chars:", chars)

	var report strings.Builder
	fmt.Fprintf(&report, "%d lines, %d words", n, total)
	var log bytes.Buffer
	fmt.Fprintln(&log, "done:", report.String())
	fmt.Print(log.String())
	fmt.Fprintf(os.Stderr, "warning: %s\n", "this goes to stderr")

	// Standard input is empty when the example runs.
	in := bufio.NewScanner(os.Stdin)
	read := 0
	for in.Scan() {
		read++
	}
	fmt.Println("stdin lines:", read)
}
