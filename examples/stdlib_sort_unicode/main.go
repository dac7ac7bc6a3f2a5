// Command stdlib_sort_unicode shows sorting slices in place with the sort package, binary
// search, and classifying runes with unicode and unicode/utf8.
package main

import (
	"fmt"
	"sort"
	"unicode"
	"unicode/utf8"
)

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
	case unicode.IsPunct(r):
		return "punct"
	}
	return "other"
}

func main() {
	var nums []int
	for _, n := range []int{42, 7, -3, 19, 7, 0} {
		nums = append(nums, n)
	}
	fmt.Println(sort.IntsAreSorted(nums))
	sort.Ints(nums)
	fmt.Println(nums, sort.IntsAreSorted(nums))
	fmt.Println(sort.SearchInts(nums, 19), sort.SearchInts(nums, 8), sort.SearchInts(nums, 100))

	names := []string{"mallory", "alice"}
	names = append(names, "Bob", "carol")
	sort.Strings(names)
	fmt.Println(names, sort.SearchStrings(names, "carol"))

	temps := []float64{21.5, -4}
	temps = append(temps, 13.25, 0)
	sort.Float64s(temps)
	fmt.Println(temps)

	text := "Go 1.19, é!+"
	for _, r := range text {
		fmt.Printf("%q:%s ", r, classify(r))
	}
	fmt.Println()
	fmt.Println(unicode.IsLetter('é'), unicode.IsLetter('1'), unicode.IsPunct('+'), unicode.IsPunct('!'))
	fmt.Println(string(unicode.ToUpper('é')), string(unicode.ToLower('Q')), unicode.ToUpper('ß') == 'ß')

	fmt.Println(len(text), utf8.RuneCountInString(text), utf8.ValidString(text))
	fmt.Println(utf8.RuneLen('a'), utf8.RuneLen('é'), utf8.RuneLen('☺'), utf8.RuneLen(-1))
	r, size := utf8.DecodeRuneInString("éa")
	fmt.Println(string(r), size)
	r, size = utf8.DecodeRuneInString("")
	fmt.Println(r, size)
}
