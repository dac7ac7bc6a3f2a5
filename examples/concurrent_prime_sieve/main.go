// Command concurrent_prime_sieve is the classic concurrent prime sieve: a
// chain of goroutines, each filtering out the multiples of one prime.
package main

import "fmt"

// generate sends 2, 3, 4, ... to ch.
func generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

// filter copies values from in to out, dropping multiples of prime.
func filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	ch := make(chan int)
	go generate(ch)
	var primes []int
	for i := 0; i < 25; i++ {
		prime := <-ch
		primes = append(primes, prime)
		next := make(chan int)
		go filter(ch, next, prime)
		ch = next
	}
	fmt.Println(primes)
}
