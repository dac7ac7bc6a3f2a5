package main

import (
	"fmt"
	"reflect"
)

func add(a, b int) int { return a + b }

func pair(s string) (int, error) { return len(s), nil }

func main() {
	var x interface{} = add
	fmt.Printf("%T\n", x)
	f := x.(func(int, int) int)
	fmt.Println(f(2, 3))
	var y interface{} = pair
	fmt.Println(reflect.TypeOf(y).String(), reflect.TypeOf(y).Kind())
	g := func() {}
	fmt.Println(reflect.TypeOf(g).String())
	if h, ok := y.(func(string) (int, error)); ok {
		n, _ := h("abc")
		fmt.Println(n)
	}
}
