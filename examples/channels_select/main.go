// Command channels_select shows channel operations: buffered and unbuffered
// channels, receiving with ok, closing, nil channels, and select with and
// without a default case.
package main

import "fmt"

func merge(a, b <-chan int) []int {
	var got []int
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil // a nil channel is never ready: stop selecting it
				continue
			}
			got = append(got, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			got = append(got, v*10)
		}
	}
	return got
}

func send(vals []int) <-chan int {
	c := make(chan int)
	go func() {
		for _, v := range vals {
			c <- v
		}
		close(c)
	}()
	return c
}

func main() {
	buf := make(chan string, 2)
	buf <- "first"
	buf <- "second"
	fmt.Println(len(buf), cap(buf))
	select {
	case buf <- "third":
		fmt.Println("sent third")
	default:
		fmt.Println("buffer full")
	}
	fmt.Println(<-buf, <-buf)
	close(buf)
	v, ok := <-buf
	fmt.Printf("%q %v\n", v, ok)

	var never chan int
	select {
	case x := <-never:
		fmt.Println("impossible", x)
	default:
		fmt.Println("nil channel is never ready")
	}

	got := merge(send([]int{1, 2, 3}), send([]int{4, 5}))
	sum := 0
	for _, g := range got {
		sum += g
	}
	fmt.Println(len(got), sum)

	// Ping-pong over unbuffered channels.
	ping, pong := make(chan int), make(chan int)
	go func() {
		for n := range ping {
			pong <- n + 1
		}
		close(pong)
	}()
	n := 0
	for i := 0; i < 3; i++ {
		ping <- n
		n = <-pong
	}
	close(ping)
	_, open := <-pong
	fmt.Println("n =", n, "pong open:", open)

	quit := make(chan bool)
	ticks := make(chan int)
	go func() {
		for i := 1; i <= 3; i++ {
			ticks <- i
		}
		quit <- true
	}()
loop:
	for {
		select {
		case t := <-ticks:
			fmt.Println("tick", t)
		case <-quit:
			break loop
		}
	}
	fmt.Println("done")
}
