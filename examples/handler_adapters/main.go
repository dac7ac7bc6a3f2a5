// Handler adapters: a function type with a method satisfies an interface (Go's
// http.HandlerFunc idiom), middleware wraps handlers, and standard-library functions
// are stored as values in a table of text transforms.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Request is what a handler receives.
type Request struct {
	Path string
	Body string
	User string
}

// Handler serves one request.
type Handler interface {
	Serve(r Request) (string, error)
}

// HandlerFunc adapts an ordinary function to a Handler.
type HandlerFunc func(r Request) (string, error)

// Serve calls f.
func (f HandlerFunc) Serve(r Request) (string, error) { return f(r) }

// Middleware wraps a handler.
type Middleware func(Handler) Handler

var errUnauthorized = errors.New("unauthorized")

// requireUser rejects anonymous requests.
func requireUser(next Handler) Handler {
	return HandlerFunc(func(r Request) (string, error) {
		if r.User == "" {
			return "", errUnauthorized
		}
		return next.Serve(r)
	})
}

// logged records each call in log.
func logged(log *[]string) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(r Request) (string, error) {
			out, err := next.Serve(r)
			*log = append(*log, fmt.Sprintf("%s -> %q, %v", r.Path, out, err))
			return out, err
		})
	}
}

// chain applies middleware so that the first one listed runs first.
func chain(h Handler, ms ...Middleware) Handler {
	for i := len(ms) - 1; i >= 0; i-- {
		h = ms[i](h)
	}
	return h
}

// Router dispatches by path.
type Router struct {
	routes map[string]Handler
}

func (rt *Router) Handle(path string, h Handler) { rt.routes[path] = h }

func (rt *Router) HandleFunc(path string, f func(Request) (string, error)) {
	rt.Handle(path, HandlerFunc(f))
}

func (rt *Router) Serve(r Request) (string, error) {
	h, ok := rt.routes[r.Path]
	if !ok {
		return "", fmt.Errorf("no route for %s", r.Path)
	}
	return h.Serve(r)
}

var transforms = map[string]func(string) string{
	"upper": strings.ToUpper,
	"lower": strings.ToLower,
	"trim":  strings.TrimSpace,
	"title": func(s string) string {
		if s == "" {
			return s
		}
		return strings.ToUpper(s[:1]) + s[1:]
	},
}

func transform(r Request) (string, error) {
	name := strings.TrimPrefix(r.Path, "/text/")
	f, ok := transforms[name]
	if !ok {
		return "", fmt.Errorf("unknown transform %q", name)
	}
	return f(r.Body), nil
}

func echo(r Request) (string, error) { return r.Body, nil }

func main() {
	var log []string
	rt := &Router{routes: map[string]Handler{}}
	rt.HandleFunc("/echo", echo)
	for name := range transforms {
		rt.Handle("/text/"+name, chain(HandlerFunc(transform), logged(&log)))
	}
	rt.Handle("/admin", chain(HandlerFunc(echo), logged(&log), requireUser))

	reqs := []Request{
		{Path: "/echo", Body: "hi"},
		{Path: "/text/upper", Body: "shout"},
		{Path: "/text/trim", Body: "  padded  "},
		{Path: "/text/title", Body: "go"},
		{Path: "/admin", Body: "secret"},
		{Path: "/admin", Body: "secret", User: "ann"},
		{Path: "/missing"},
	}
	for _, r := range reqs {
		out, err := rt.Serve(r)
		switch {
		case errors.Is(err, errUnauthorized):
			fmt.Printf("%-12s denied\n", r.Path)
		case err != nil:
			fmt.Printf("%-12s error: %v\n", r.Path, err)
		default:
			fmt.Printf("%-12s %q\n", r.Path, out)
		}
	}
	sort.Strings(log)
	fmt.Println(strings.Join(log, "\n"))
	names := make([]string, 0, len(transforms))
	for n := range transforms {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Printf("%s(%q) = %q\n", n, " a B ", transforms[n](" a B "))
	}
}
