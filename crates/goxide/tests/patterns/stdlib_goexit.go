package main

import (
	"fmt"
	"runtime"
)

func worker(done chan bool) {
	defer func() { done <- recover() == nil }()
	runtime.Goexit()
	fmt.Println("not reached")
}

func main() {
	done := make(chan bool)
	go worker(done)
	fmt.Println(<-done)
}
