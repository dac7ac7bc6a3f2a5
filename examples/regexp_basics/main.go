// Command regexp_basics extracts and rewrites text with the regexp package: compiled
// patterns (MustCompile, Compile and its error), matching, finding with and without
// submatches, replacing with Go's $-templates, splitting, and pattern introspection.
package main

import (
	"fmt"
	"regexp"
	"strings"
)

var datePattern = regexp.MustCompile(`(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})`)

type logLine struct {
	level string
	text  string
}

func parseLines(lines []string) []logLine {
	re := regexp.MustCompile(`^\[(\w+)\]\s+(.*)$`)
	var out []logLine
	for _, l := range lines {
		m := re.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		out = append(out, logLine{level: m[1], text: m[2]})
	}
	return out
}

func main() {
	// Matching.
	word := regexp.MustCompile(`\b\w+\b`)
	fmt.Println(word.MatchString("hello"), word.MatchString("!!!"))
	ok, err := regexp.MatchString(`^[a-z]+\d*$`, "abc123")
	fmt.Println(ok, err)
	fmt.Println(word.Match([]byte("bytes too")))

	// Go's \d and \w are ASCII only.
	digits := regexp.MustCompile(`\d+`)
	fmt.Println(digits.MatchString("٣٤٥"), digits.FindString("abc 42 def 7"))

	// Finding.
	text := "Meet on 2023-01-15, again 2024-12-31 or never."
	fmt.Println(datePattern.FindString(text))
	fmt.Println(datePattern.FindStringIndex(text))
	fmt.Println(datePattern.FindAllString(text, -1))
	fmt.Println(datePattern.FindAllString(text, 1))
	fmt.Println(len(datePattern.FindAllString("none here", -1)))
	fmt.Println(datePattern.FindStringSubmatch(text))
	fmt.Println(datePattern.FindStringSubmatchIndex(text))
	for _, m := range datePattern.FindAllStringSubmatch(text, -1) {
		fmt.Printf("year=%s month=%s day=%s\n", m[1], m[2], m[3])
	}
	fmt.Printf("%q\n", string(digits.Find([]byte("room 101"))))

	// Empty matches follow Go's rules.
	as := regexp.MustCompile(`a*`)
	fmt.Printf("%q\n", as.FindAllString("baaac", -1))
	fmt.Println(as.ReplaceAllString("baaac", "<$0>"))

	// Replacing.
	fmt.Println(datePattern.ReplaceAllString(text, "${day}/${month}/${year}"))
	fmt.Println(datePattern.ReplaceAllString(text, "$1x"))
	fmt.Println(datePattern.ReplaceAllString(text, "${1}x"))
	fmt.Println(datePattern.ReplaceAllString(text, "$$1"))
	fmt.Println(datePattern.ReplaceAllLiteralString(text, "${day}"))
	upper := digits.ReplaceAllStringFunc("a1 b22 c333", func(s string) string {
		return strings.Repeat("#", len(s))
	})
	fmt.Println(upper)

	// Splitting.
	sep := regexp.MustCompile(`\s*[,;]\s*`)
	fmt.Printf("%q\n", sep.Split("a , b;c ,d", -1))
	fmt.Printf("%q\n", sep.Split("a , b;c ,d", 2))
	fmt.Printf("%q\n", as.Split("abaabaccadaaae", 5))

	// Introspection.
	fmt.Println(datePattern.NumSubexp())
	fmt.Printf("%q\n", datePattern.SubexpNames())
	fmt.Println(datePattern.String())
	fmt.Println(datePattern)

	// Quoting.
	price := regexp.QuoteMeta("$1.50 (approx.)")
	fmt.Println(price)
	fmt.Println(regexp.MustCompile(price).MatchString("costs $1.50 (approx.) now"))

	// Compile errors.
	for _, p := range []string{`a(b`, `a)b`, `[z-a]`, `x**`, `*x`, `a\8`, `(?x)a`, `[a-`, `ok+`} {
		re, err := regexp.Compile(p)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("compiled:", re)
	}

	for _, l := range parseLines([]string{"[INFO]  started", "garbage", "[WARN] disk 91%"}) {
		fmt.Printf("%s: %s\n", l.level, l.text)
	}
}
