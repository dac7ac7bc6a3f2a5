package main

import (
	"fmt"
	"strings"
)

// Only reads its parameter: a `&str`.
func shout(s string) string {
	return strings.ToUpper(s) + "!"
}

func main() {
	line := "key=value"
	i := strings.IndexByte(line, '=')
	// Substrings passed where a `&str` will do are borrowed, not copied.
	fmt.Println(shout(line[:i]), strings.ToUpper(line[i+1:]), strings.HasPrefix(line[i+1:], "val"))
	rest := line[i+1:]
	fmt.Println(len(rest), rest)
}
