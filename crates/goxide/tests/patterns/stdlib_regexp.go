package main

import (
	"fmt"
	"regexp"
	"strings"
)

var ident = regexp.MustCompile(`^[A-Za-z_]\w*$`)

func main() {
	re := regexp.MustCompile(`(?P<key>\w+)=(\d+)`)
	s := "a=1, bb=22, ccc=x"
	fmt.Println(re.MatchString(s), re.FindString(s), re.FindStringIndex(s))
	fmt.Println(re.FindAllString(s, -1), re.FindAllString(s, 1))
	fmt.Println(re.FindStringSubmatch(s), re.FindStringSubmatchIndex(s))
	for _, m := range re.FindAllStringSubmatch(s, -1) {
		fmt.Println(m[1], m[2])
	}
	fmt.Println(re.ReplaceAllString(s, "$2=${key}"), re.ReplaceAllLiteralString(s, "$1"))
	fmt.Println(re.ReplaceAllStringFunc(s, func(m string) string { return strings.ToUpper(m) }))
	fmt.Println(regexp.MustCompile(`\s*,\s*`).Split(s, -1))
	fmt.Println(re.NumSubexp(), re.SubexpNames(), re.String(), re)
	fmt.Println(ident.MatchString("x1"), regexp.QuoteMeta("a.b"))
	ok, err := regexp.MatchString(`\p{Greek}`, "λ")
	fmt.Println(ok, err)
	bad, err := regexp.Compile(`a(`)
	fmt.Println(bad == nil, err)
	fmt.Println(re.Match([]byte("k=1")), string(re.Find([]byte("k=1"))))
	fmt.Println(re.LiteralPrefix())
	posix := regexp.MustCompilePOSIX(`a+`)
	fmt.Println(posix.String())
}
