package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	s, sep, n := "a,b,c", ",", 2
	fmt.Println(strings.Contains(s, sep), strings.ContainsRune(s, 'b'), strings.ContainsAny(s, "xy"))
	fmt.Println(strings.Index(s, sep), strings.LastIndex(s, "b"), strings.IndexByte(s, 'c'), strings.IndexRune(s, 'c'))
	fmt.Println(strings.Split(s, ","), strings.Split(s, sep), strings.SplitN(s, ",", 2), strings.SplitN(s, sep, n))
	fmt.Println(strings.Fields(" x  y "), strings.Join([]string{"x", "y"}, sep))
	fmt.Println(strings.Repeat(s, 2), strings.Repeat(s, n))
	fmt.Println(strings.Replace(s, ",", ";", -1), strings.Replace(s, ",", ";", 1), strings.Replace(s, sep, ";", n), strings.ReplaceAll(s, sep, ""))
	fmt.Println(strings.ToUpper(s), strings.ToLower(s), strings.Title(s))
	fmt.Println(strings.TrimSpace(s), strings.Trim(s, "a"), strings.TrimLeft(s, "a,"), strings.TrimRight(s, sep))
	fmt.Println(strings.TrimPrefix(s, "a"), strings.TrimSuffix(s+"!", "!"))
	fmt.Println(strings.TrimFunc("123abc456", unicode.IsDigit), strings.TrimFunc("  x  ", func(r rune) bool { return r == ' ' }))
	fmt.Println(strings.IndexFunc(s, func(r rune) bool { return r == 'b' }))
	fmt.Println(strings.Map(func(r rune) rune {
		if r == ',' {
			return -1
		}
		return r + 1
	}, s))
	fmt.Println(strings.Count(s, sep), strings.EqualFold(s, "A,B,C"), strings.Compare(s, sep))
	before, after, found := strings.Cut(s, sep)
	fmt.Println(before, after, found)
}
