// Channel edge cases with Go's exact behaviour: receiving from a closed channel, len and cap of
// a buffered channel, a nil channel that is never ready in a select, and the panics of sending
// on or closing a closed channel (recovered here).
package main

import "fmt"

func try(name string, f func()) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Printf("%s: panic: %v\n", name, r)
		}
	}()
	f()
	fmt.Printf("%s: ok\n", name)
}

func main() {
	buf := make(chan string, 3)
	buf <- "a"
	buf <- "b"
	fmt.Println("len", len(buf), "cap", cap(buf))
	close(buf)
	for i := 0; i < 4; i++ {
		v, ok := <-buf
		fmt.Printf("receive %d: %q %v\n", i, v, ok)
	}

	var never chan int // nil: never ready
	ready := make(chan int, 1)
	ready <- 7
	for i := 0; i < 2; i++ {
		select {
		case v := <-never:
			fmt.Println("impossible", v)
		case v := <-ready:
			fmt.Println("ready gave", v)
		default:
			fmt.Println("nothing ready")
		}
	}

	closed := make(chan int)
	close(closed)
	try("send on closed", func() { closed <- 1 })
	try("close closed", func() { close(closed) })
	try("receive closed", func() { fmt.Println("got", <-closed) })
	var nilch chan int
	try("close nil", func() { close(nilch) })
}
