package main

import "fmt"

type Shape interface {
	Area() int
}

type Square struct{ side int }

func (s Square) Area() int { return s.side * s.side }

func run(work func(int), n int, done chan bool) {
	work(n)
	done <- true
}

func Split(n int) int { return n / 2 }

func split(n int) int { return n % 2 }

func main() {
	done := make(chan bool)
	results := make(chan int, 1)
	scale := 10
	work := func(n int) { results <- n * scale }
	go run(work, 4, done)
	<-done
	fmt.Println(<-results)

	shapes := make(chan Shape, 1)
	go func(s Shape) { shapes <- s }(Square{3})
	fmt.Println((<-shapes).Area())

	count := 0
	inc := func() { count++ }
	f := inc
	go func() {
		f()
		done <- true
	}()
	<-done
	fmt.Println(count)

	N := 7
	n := Split(N) + split(N)
	fmt.Println(N, n)
}
