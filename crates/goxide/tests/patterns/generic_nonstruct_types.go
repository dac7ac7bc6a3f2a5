// Generic non-struct types (one Rust alias per instantiation, methods in an extension
// trait), generic interfaces used as constraints, and instantiations that share a Rust form.
package main

import (
	"fmt"
	"strconv"
	"strings"
)

type Stringer interface{ String() string }

// List is a generic slice type with a method.
type List[T Stringer] []T

func (l List[T]) String() string {
	var parts []string
	for _, v := range l {
		parts = append(parts, v.String())
	}
	return strings.Join(parts, ", ")
}

type Celsius int

func (c Celsius) String() string { return strconv.Itoa(int(c)) + "C" }

// Setter constrains a pointer type argument to have a Set method.
type Setter[B any] interface {
	Set(string)
	*B
}

type Count int

func (p *Count) Set(s string) { *p = Count(len(s)) }

func FromStrings[T any, PT Setter[T]](s []string) []T {
	out := make([]T, len(s))
	for i, v := range s {
		p := PT(new(T))
		p.Set(v)
		out[i] = *p
	}
	return out
}

type SliceOf[E any] interface{ ~[]E }

func Double[S SliceOf[E], E int | float64](s S) S {
	r := make(S, len(s))
	for i, v := range s {
		r[i] = v + v
	}
	return r
}

func Fact[T int | int64](n T) T {
	if n <= 1 {
		return 1
	}
	return n * Fact(n-1)
}

func main() {
	l := List[Celsius]{20, 25}
	fmt.Println(l.String())
	fmt.Println(FromStrings[Count]([]string{"a", "bcd"}))
	fmt.Println(Double([]int{1, 2}), Double([]float64{1.5}))
	fmt.Println(Fact(5), Fact[int64](6))
}
