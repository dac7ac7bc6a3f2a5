package main

import "fmt"

// log collects formatted lines; the variadic helpers that append to it get it as a parameter
// before their variadic one.
var log []string

func logf(format string, args ...interface{}) {
	log = append(log, fmt.Sprintf(format, args...))
}

func tagged(tag string, words ...string) {
	for _, w := range words {
		logf("%s: %s", tag, w)
	}
}

func main() {
	logf("start")
	logf("%d + %d", 1, 2)
	tagged("fruit", "apple", "pear")
	more := []string{"kiwi"}
	tagged("more", more...)
	for _, l := range log {
		fmt.Println(l)
	}
}
