package main

import "fmt"

type S struct{ v int }

func (s S) a() int { return s.v }
func (s S) b() int { return s.v * 2 }

func main() {
	var i interface {
		a() int
		b() int
	} = S{3}
	var x interface{} = 5
	var y interface{} = "s"
	fmt.Println(i.a(), i.b(), x == 5, y == "s", x == y, x != 6)
}
