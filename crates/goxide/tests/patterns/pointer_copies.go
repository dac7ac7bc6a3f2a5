package main

import "fmt"

type Config struct {
	Host    string
	Port    int
	Retries int
}

func defaults(c *Config) {
	if c.Port == 0 {
		c.Port = 8080
	}
}

func tune(c *Config, n int) {
	alias := c
	alias.Retries = n
	fmt.Println(c.Retries)
}

func peek(c *Config) int {
	view := c
	return view.Port + 1
}

func peek2(c *Config) int {
	return c.Port + 1
}

func main() {
	p := new(Config)
	p.Port = 9090
	defaults(p)
	alias := p
	alias.Retries = 5
	fmt.Println(p.Retries, (*p).Retries)
	tune(p, 7)
	fmt.Println(peek(p), peek2(p), *p)
	q := &Config{Host: "h"}
	r := q
	fmt.Println(r.Host)
	q.Host = "changed"
	fmt.Println(q.Host)
	// still shared: both used while the other is
	s := &Config{}
	t := s
	t.Port = 1
	s.Port++
	t.Port++
	fmt.Println(*s, *t)
}
