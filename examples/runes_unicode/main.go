// Command runes_unicode shows runes, []rune conversions and simple Unicode text handling.
package main

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

func reverseRunes(s string) string {
	r := []rune(s)
	for i, j := 0, len(r)-1; i < j; i, j = i+1, j-1 {
		r[i], r[j] = r[j], r[i]
	}
	return string(r)
}

func classify(r rune) string {
	switch {
	case unicode.IsUpper(r):
		return "upper"
	case unicode.IsLower(r):
		return "lower"
	case unicode.IsDigit(r):
		return "digit"
	case unicode.IsSpace(r):
		return "space"
	}
	return "other"
}

func main() {
	text := "Grüße 42 ☃!"
	fmt.Println(len(text), utf8.RuneCountInString(text))
	fmt.Println(reverseRunes(text))
	for _, r := range text {
		fmt.Printf("%c %d %s\n", r, utf8.RuneLen(r), classify(r))
	}
	var r rune = 'é'
	fmt.Println(r, string(r), 'a'+1, string('a'+1))
	runes := []rune("añb")
	fmt.Println(len(runes), runes)
	upper := make([]rune, 0, len(runes))
	for _, c := range runes {
		upper = append(upper, unicode.ToUpper(c))
	}
	fmt.Println(string(upper))
	bad := string([]byte{0xff, 'x'})
	for i, c := range bad {
		fmt.Println(i, c, c == utf8.RuneError)
	}
}
