package main

type Counter struct{ n int }

func (c *Counter) Add(k int, done chan bool) {
	c.n += k
	done <- true
}

type Adder interface{ Add(k int, done chan bool) }

func maker() func(int, chan int) {
	return func(x int, c chan int) { c <- x * 2 }
}

func main() {
	done := make(chan bool)
	c := &Counter{}
	// The receiver and the arguments are evaluated before the goroutine starts.
	go c.Add(2, done)
	<-done
	var a Adder = c
	go a.Add(3, done)
	<-done
	println(c.n)
	r := make(chan int)
	go maker()(21, r)
	println(<-r)
	// `nil` conversions print as Go prints them, also in a `go` or `defer` call.
	defer println([]int(nil), (map[string]int)(nil), (func())(nil), (interface{ M() })(nil))
}
