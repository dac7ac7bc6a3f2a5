package main

import "runtime"

func main() {
	n := runtime.NumCgoCall()
	println(n)
	i := 0
loop:
	if i < 3 {
		i++
		goto loop
	}
	println(i)
}
