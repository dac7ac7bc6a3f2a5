// A forgotten close: the consumer ranges over a channel that is never closed, and main waits
// for it. Every goroutine is then blocked, which Go detects and reports as a fatal error
// (exit status 2); the translation detects it the same way.
package main

import "fmt"

func main() {
	jobs := make(chan int)
	done := make(chan bool)
	go func() {
		for j := range jobs {
			fmt.Println("processed job", j)
		}
		done <- true
	}()
	for j := 1; j <= 3; j++ {
		jobs <- j
	}
	// close(jobs) is missing: the consumer never finishes.
	<-done
	fmt.Println("unreachable")
}
