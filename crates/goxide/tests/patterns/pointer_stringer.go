// fmt calls a pointer-receiver `String` (or `Error`) method on a pointer to the value, for
// generic struct types too; `x++` on a complex number adds `1+0i`.
package main

import "fmt"

type Temp struct{ deg int }

func (t *Temp) String() string { return fmt.Sprintf("%d°", t.deg) }

type Pair[A, B any] struct {
	a A
	b B
}

func (p *Pair[_, _]) String() string { return fmt.Sprintf("%v and %v", p.a, p.b) }

func inc[T int | complex128](x T) T {
	x++
	return x
}

func main() {
	fmt.Println(&Temp{deg: 21}, Temp{deg: 22})
	fmt.Println(&Pair[string, int]{a: "one", b: 1})
	fmt.Println(inc(complex(1, 2)), inc(4))
}
