// Command map_word_count counts word frequencies in a fixed text and prints the most
// frequent words, breaking ties alphabetically.
package main

import (
	"fmt"
	"strings"
)

const text = `The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox runs. A quick fox is a happy fox, and a lazy dog is a sleepy dog!`

type wordCount struct {
	word  string
	count int
}

func tokenize(s string) []string {
	var words []string
	var cur []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c >= 'a' && c <= 'z' {
			cur = append(cur, c)
		} else if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	if len(cur) > 0 {
		words = append(words, string(cur))
	}
	return words
}

func main() {
	words := tokenize(text)
	fmt.Println("words:", len(words))
	counts := map[string]int{}
	for _, w := range words {
		counts[w]++
	}
	fmt.Println("distinct:", len(counts))

	list := make([]wordCount, 0, len(counts))
	for w, c := range counts {
		list = append(list, wordCount{w, c})
	}
	for i := 1; i < len(list); i++ {
		for j := i; j > 0; j-- {
			a, b := list[j-1], list[j]
			if a.count > b.count || (a.count == b.count && a.word < b.word) {
				break
			}
			list[j-1], list[j] = b, a
		}
	}
	for i, wc := range list {
		if i == 5 {
			break
		}
		fmt.Printf("%-6s %d %s\n", wc.word, wc.count, strings.Repeat("*", wc.count))
	}
	fmt.Println(counts)
	fmt.Println(strings.ToUpper(list[0].word), strings.Join(tokenize("Hello, World"), "+"))
}
