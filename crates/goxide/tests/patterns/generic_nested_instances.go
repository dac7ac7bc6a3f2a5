// An instantiation whose type arguments mention the caller's type parameters
// (`Wrap[Box[T]]` inside `Twice[int]`) is the instantiation for the caller's type arguments.
package main

import "fmt"

type Box[T any] struct{ v T }

func Wrap[T any](v T) []T { return []T{v, v} }

func Twice[T any](v T) int {
	return len(Wrap[Box[T]](Box[T]{v: v}))
}

func Pair[A, B any](a A, b B) string { return fmt.Sprint(a, b) }

func Apply[A, B any](a A, b B, f func(A, B) string) string { return f(a, b) }

func Join[A, B any](a A, b B) string { return Apply(a, b, Pair[A, B]) }

func main() {
	fmt.Println(Twice(3), Twice("x"))
	fmt.Println(Join(1, "one"))
}
