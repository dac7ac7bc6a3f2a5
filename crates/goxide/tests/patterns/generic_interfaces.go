// Generic interface types: one Rust trait per instantiation (`Getter[int]` is
// `trait GetterI64`), implemented by every type whose methods match.
package main

import "fmt"

type Getter[T any] interface {
	Get() T
}

type Box[T any] struct{ v T }

func (b *Box[T]) Get() T { return b.v }

type Name string

func (n Name) Get() string { return string(n) }

type Celsius struct{ deg int }

func (c Celsius) Get() int { return c.deg }

// A generic function type with a method: its instantiations implement the trait too.
type GetFunc[T any] func() T

func (f GetFunc[T]) Get() T { return f() }

func Read[T any](g Getter[T]) T {
	return g.Get()
}

func FromAny[T any](x interface{}) T {
	return x.(Getter[T]).Get()
}

// `g.(any)`: the dynamic value as an `interface{}`.
func IsSet[T any](g Getter[T]) bool {
	_, ok := g.(any)
	return ok
}

func main() {
	var g Getter[int] = &Box[int]{v: 3}
	fmt.Println(Read(g), IsSet(g))
	fmt.Println(Read[int](Celsius{deg: 21}))
	fmt.Println(Read[string](Name("gopher")))
	fmt.Println(Read[int](GetFunc[int](func() int { return 7 })))
	fmt.Println(FromAny[int](&Box[int]{v: 8}), FromAny[int](Celsius{deg: 5}))
}
