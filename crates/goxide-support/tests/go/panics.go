package main

import (
	"errors"
	"fmt"
	"os"
)

type T int
type S string
type F float64

func main() {
	var which = os.Args[1]
	switch which {
	case "str":
		panic("x")
	case "int":
		panic(5)
	case "float":
		panic(1.5)
	case "bool":
		panic(true)
	case "err":
		panic(errors.New("e"))
	case "sprintf":
		panic(fmt.Sprintf("v=%d", 3))
	case "named":
		panic(T(5))
	case "nameds":
		panic(S("hi"))
	case "namedf":
		panic(F(2.5))
	case "repanic":
		defer func() {
			r := recover()
			panic(r)
		}()
		a := []int{1, 2, 3}
		i := 5
		_ = a[i]
	case "repanicstr":
		defer func() {
			r := recover()
			panic(r)
		}()
		panic("boom")
	case "nested":
		defer func() {
			panic("second")
		}()
		panic("first")
	case "nil":
		var p *struct{ X int }
		fmt.Println(p.X)
	case "div":
		a, b := 1, 0
		fmt.Println(a / b)
	case "idx":
		a := []int{1, 2, 3}
		i := -1
		_ = a[i]
	case "slice":
		a := []int{1, 2, 3}
		i := 5
		_ = a[:i]
	case "slice2":
		a := []int{1, 2, 3}
		i, j := 2, 1
		_ = a[i:j]
	case "strslice":
		a := "abc"
		i := 5
		_ = a[:i]
	case "nilmap":
		var m map[string]int
		m["a"] = 1
	case "print":
		println(1.5, -0.0, 1e100, 123456789.0, 0.1, 1.0/3.0)
		var z float64
		println(-z, 1/z, -1/z, z/z)
		println(complex(1, 2))
		var p *int
		println(p)
		println(float32(1.1))
	}
}
