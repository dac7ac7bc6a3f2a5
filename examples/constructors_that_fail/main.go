// Constructors in the usual Go shapes: `NewT(…) (*T, error)` that may fail, lookups that
// return a fresh value or nil, and a recursive builder.
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Config struct {
	Name    string
	Workers int
	Tags    []string
}

var ErrEmpty = errors.New("empty config")

// ParseConfig parses "name:workers:tag,tag".
func ParseConfig(s string) (*Config, error) {
	if s == "" {
		return nil, ErrEmpty
	}
	parts := strings.Split(s, ":")
	if len(parts) != 3 {
		return nil, fmt.Errorf("parse %q: want 3 fields, got %d", s, len(parts))
	}
	c := &Config{Name: parts[0]}
	for _, ch := range parts[1] {
		if ch < '0' || ch > '9' {
			return nil, fmt.Errorf("parse %q: bad worker count", s)
		}
		c.Workers = c.Workers*10 + int(ch-'0')
	}
	c.Tags = strings.Split(parts[2], ",")
	return c, nil
}

// Scale doubles the workers of a config it borrows.
func Scale(c *Config) { c.Workers *= 2 }

func describe(c *Config) string {
	return fmt.Sprintf("%s x%d %v", c.Name, c.Workers, c.Tags)
}

// find returns a fresh default config for a known name, or nil.
func find(name string) *Config {
	switch name {
	case "web":
		return &Config{Name: "web", Workers: 4}
	case "batch":
		return &Config{Name: "batch", Workers: 1}
	}
	return nil
}

type Chain struct {
	Step int
	Next *Chain
}

// chain builds n linked steps; an empty chain is nil.
func chain(n int) *Chain {
	if n == 0 {
		return nil
	}
	return &Chain{Step: n, Next: chain(n - 1)}
}

func main() {
	for _, in := range []string{"api:3:http,grpc", "", "db:x:sql", "cache:2"} {
		c, err := ParseConfig(in)
		if err != nil {
			fmt.Println("error:", err, errors.Is(err, ErrEmpty))
			continue
		}
		Scale(c)
		fmt.Println(describe(c))
	}

	// Kept configs: the pointer is made where it is kept.
	var kept []*Config
	for _, in := range []string{"a:1:x", "b:2:y"} {
		c, err := ParseConfig(in)
		if err == nil {
			kept = append(kept, c)
		}
	}
	kept[0].Workers += 10
	fmt.Println(len(kept), kept[0].Workers, kept[1].Name)

	if w := find("web"); w != nil {
		Scale(w)
		fmt.Println(describe(w))
	}
	fmt.Println(find("nope") == nil, find("batch") != nil)
	fmt.Println(describe(find("batch")))

	total := 0
	for c := chain(4); c != nil; c = c.Next {
		total += c.Step
	}
	fmt.Println("chain total:", total)

	defer func() {
		fmt.Println("recovered:", recover())
	}()
	fmt.Println(describe(find("missing")))
}
