package main

import "fmt"

func ready() bool { return true }

func main() {
	// Function values and channels boxed in `interface{}` keep their Rust type, so
	// assertions and type switches find them.
	var v interface{} = ready
	f := v.(func() bool)
	c := make(chan int, 1)
	var w interface{} = c
	switch x := w.(type) {
	case chan int:
		x <- 7
	}
	fmt.Println(f(), <-c)
}
