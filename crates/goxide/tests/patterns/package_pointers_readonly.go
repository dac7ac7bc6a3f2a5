package main

import "fmt"

type Limits struct {
	MaxConns int
	Name     string
}

func (l *Limits) Describe() string {
	return fmt.Sprintf("%s: %d", l.Name, l.MaxConns)
}

// Made fresh and only read through: an immutable static of the value.
var defaults = &Limits{MaxConns: 8, Name: "default"}

// A pointer to an array, only indexed.
var primes = &[4]int{2, 3, 5, 7}

// Never given a value: always nil.
var missing *Limits

// Written through: keeps its shared pointer.
var counter = &Limits{Name: "counter"}

func bump() {
	counter.MaxConns++
}

func label(l *Limits) string {
	return "[" + l.Name + "]"
}

func main() {
	bump()
	fmt.Println(defaults.Describe(), label(defaults), primes[2], len(primes))
	fmt.Println(missing == nil, counter.MaxConns)
	c := *defaults
	c.MaxConns = 1
	fmt.Println(c.MaxConns, defaults.MaxConns)
}

func init() {
	fmt.Println(defaults.Name, primes[0], missing == nil)
}
