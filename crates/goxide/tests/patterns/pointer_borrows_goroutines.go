package main

import (
	"fmt"
	"sync"
)

type Acc struct{ total int }

func add(a *Acc, v int) { a.total += v }

func NewAcc() *Acc { return &Acc{} }

func main() {
	acc := NewAcc()
	for i := 0; i < 4; i++ {
		add(acc, i)
	}
	var wg sync.WaitGroup
	results := make(chan int, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			local := &Acc{}
			add(local, n*10)
			results <- local.total
		}(i)
	}
	wg.Wait()
	close(results)
	sum := 0
	for r := range results {
		sum += r
	}
	fmt.Println(acc.total, sum)
}
