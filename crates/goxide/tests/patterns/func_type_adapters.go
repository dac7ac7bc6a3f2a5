package main

import (
	"fmt"
	"strings"
)

type Handler interface {
	Serve(req string) string
}

// HandlerFunc adapts a function to a Handler (Go's http.HandlerFunc idiom).
type HandlerFunc func(req string) string

func (f HandlerFunc) Serve(req string) string { return f(req) }

func hello(req string) string { return "hello " + req }

func logged(next Handler) Handler {
	return HandlerFunc(func(req string) string {
		return "[" + next.Serve(req) + "]"
	})
}

func main() {
	var h Handler = HandlerFunc(hello)
	fmt.Println(logged(h).Serve("ann"))
	// Standard-library functions as values.
	steps := []func(string) string{strings.TrimSpace, strings.ToUpper}
	s := "  go  "
	for _, f := range steps {
		s = f(s)
	}
	fmt.Println(s, logged(HandlerFunc(strings.ToLower)).Serve("BOB"))
}
