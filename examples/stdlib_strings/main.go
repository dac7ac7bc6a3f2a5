// Command stdlib_strings shows the strings package: searching, splitting, joining, trimming,
// replacing and case mapping.
package main

import (
	"fmt"
	"strings"
)

func describe(line string) {
	key, value, found := strings.Cut(line, "=")
	if !found {
		fmt.Printf("%q: no '='\n", line)
		return
	}
	fmt.Printf("%q -> key=%q value=%q\n", line, strings.TrimSpace(key), strings.TrimSpace(value))
}

func main() {
	s := "Hello, Gophers! Hello, world!"
	fmt.Println(strings.Contains(s, "Gophers"), strings.Contains(s, "rust"))
	fmt.Println(strings.ContainsRune(s, '!'), strings.ContainsAny(s, "xyz"), strings.ContainsAny(s, "wq"))
	fmt.Println(strings.HasPrefix(s, "Hello"), strings.HasSuffix(s, "world"))
	fmt.Println(strings.Index(s, "Hello"), strings.LastIndex(s, "Hello"), strings.Index(s, "nope"))
	fmt.Println(strings.IndexByte(s, ','), strings.IndexRune(s, 'G'), strings.Count(s, "l"), strings.Count("five", ""))

	csv := "apple,banana,,cherry"
	parts := strings.Split(csv, ",")
	fmt.Println(len(parts), parts)
	fmt.Println(strings.SplitN(csv, ",", 2))
	fmt.Println(strings.Split("héllo", ""))
	fmt.Println(strings.Fields("  the quick\tbrown\n fox  "))
	fmt.Println(strings.Join(parts, " | "))

	fmt.Println(strings.Repeat("ab", 3) + strings.Repeat("-", 4))
	fmt.Println(strings.Replace("oink oink oink", "k", "ky", 2))
	fmt.Println(strings.Replace("oink oink oink", "oink", "moo", -1))
	fmt.Println(strings.ReplaceAll("a-b-c", "-", ""))

	fmt.Println(strings.ToUpper("straße café"), strings.ToLower("ÀÉÎ HELLO"))
	fmt.Println(strings.Title("hello wide-world of go_lang"))
	fmt.Printf("[%s]\n", strings.TrimSpace("  \t padded \n "))
	fmt.Println(strings.Trim("!!hi!!", "!"), strings.TrimLeft("xxyhixy", "xy"), strings.TrimRight("hi...", "."))
	fmt.Println(strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("file.go", ".go"), strings.TrimPrefix("body", "x"))
	fmt.Println(strings.EqualFold("Go", "GO"), strings.EqualFold("Go", "Goo"))
	fmt.Println(strings.Compare("a", "b"), strings.Compare("b", "a"), strings.Compare("x", "x"))

	for _, line := range []string{"name = goxide", "version=1.19", "broken"} {
		describe(line)
	}

	words := strings.Fields("one two three two one two")
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	fmt.Println(counts)
}
