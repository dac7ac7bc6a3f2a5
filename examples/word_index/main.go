// Command word_index builds a word index of a text: tokens by rune with byte offsets,
// positions per word in a map of slices, words ranked by frequency with sort.SliceStable over a
// field, and a report written through bytes.Buffer; plus rune reversal and counting.
package main

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
)

type Token struct {
	Text string
	Pos  int
}

func tokenize(s string) []Token {
	var toks []Token
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			toks = append(toks, Token{strings.ToLower(s[start:i]), start})
			start = -1
		}
	}
	if start >= 0 {
		toks = append(toks, Token{strings.ToLower(s[start:]), start})
	}
	return toks
}

func reverse(s string) string {
	rs := []rune(s)
	for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
		rs[i], rs[j] = rs[j], rs[i]
	}
	return string(rs)
}

func capitalize(w string) string {
	if w == "" {
		return w
	}
	rs := []rune(w)
	rs[0] = unicode.ToUpper(rs[0])
	return string(rs)
}

type Index struct {
	positions map[string][]int
	words     []string
}

func Build(text string) *Index {
	idx := &Index{positions: make(map[string][]int)}
	for _, t := range tokenize(text) {
		if _, ok := idx.positions[t.Text]; !ok {
			idx.words = append(idx.words, t.Text)
		}
		idx.positions[t.Text] = append(idx.positions[t.Text], t.Pos)
	}
	sort.SliceStable(idx.words, func(i, j int) bool {
		a, b := idx.words[i], idx.words[j]
		if len(idx.positions[a]) != len(idx.positions[b]) {
			return len(idx.positions[a]) > len(idx.positions[b])
		}
		return a < b
	})
	return idx
}

func (idx *Index) Report(n int) string {
	var buf bytes.Buffer
	for i, w := range idx.words {
		if i == n {
			break
		}
		fmt.Fprintf(&buf, "%-8s %d %v\n", capitalize(w), len(idx.positions[w]), idx.positions[w])
	}
	return buf.String()
}

func main() {
	text := "Go is expressive, concise, clean, and efficient. Go compiles quickly; go is fun! Ünïcode wörks, ünïcode."
	idx := Build(text)
	fmt.Print(idx.Report(4))
	var sb strings.Builder
	for _, w := range strings.Fields("hello wörld") {
		sb.WriteString(reverse(w))
		sb.WriteByte(' ')
	}
	fmt.Printf("%q\n", strings.TrimSpace(sb.String()))
	counts := map[rune]int{}
	for _, r := range "mississippi" {
		counts[r]++
	}
	keys := make([]rune, 0, len(counts))
	for r := range counts {
		keys = append(keys, r)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, r := range keys {
		fmt.Printf("%c=%d ", r, counts[r])
	}
	fmt.Println(len("wörld"), len([]rune("wörld")), strings.Count("cheese", "e"), strings.Repeat("ab", 3))
	b := []byte("abc")
	b = append(b, "def"...)
	fmt.Println(string(b), b[1], bytes.HasPrefix(b, []byte("ab")), bytes.Equal(b, []byte("abcdef")))
}
