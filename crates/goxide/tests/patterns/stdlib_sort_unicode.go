package main

import (
	"fmt"
	"sort"
	"unicode"
	"unicode/utf8"
)

func main() {
	a := []int{3, 1, 2}
	a = append(a, 0)
	sort.Ints(a)
	s := []string{"b", "a"}
	s = append(s, "c")
	sort.Strings(s)
	f := []float64{2, 1}
	f = append(f, 0.5)
	sort.Float64s(f)
	fmt.Println(a, s, f, sort.IntsAreSorted(a), sort.SearchInts(a, 2), sort.SearchStrings(s, "b"))
	r := 'é'
	fmt.Println(unicode.IsUpper(r), unicode.IsLower(r), unicode.IsDigit(r), unicode.IsLetter(r), unicode.IsSpace(r), unicode.IsPunct(r))
	fmt.Println(unicode.ToUpper(r), unicode.ToLower('A'), unicode.IsNumber('5'))
	fmt.Println(utf8.RuneLen(r), utf8.RuneCountInString("héllo"), utf8.ValidString("x"), utf8.ValidRune(r))
	first, size := utf8.DecodeRuneInString("héllo")
	fmt.Println(first, size)
	last, size := utf8.DecodeLastRuneInString("héllo")
	fmt.Println(last, size)
}
