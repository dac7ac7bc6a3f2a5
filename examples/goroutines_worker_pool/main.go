// Command goroutines_worker_pool fans work out to a pool of goroutines over a
// buffered channel and collects the results, waiting with a sync.WaitGroup.
package main

import (
	"fmt"
	"sort"
	"sync"
)

type result struct {
	job    int
	square int
	worker int
}

// worker squares every job it receives until the jobs channel is closed.
func worker(id int, jobs <-chan int, results chan<- result, wg *sync.WaitGroup) {
	defer wg.Done()
	for j := range jobs {
		results <- result{job: j, square: j * j, worker: id}
	}
}

func main() {
	const numJobs = 9
	jobs := make(chan int, numJobs)
	results := make(chan result, numJobs)

	var wg sync.WaitGroup
	for w := 1; w <= 3; w++ {
		wg.Add(1)
		go worker(w, jobs, results, &wg)
	}
	for j := 1; j <= numJobs; j++ {
		jobs <- j
	}
	close(jobs)
	fmt.Println("queued:", len(jobs) <= numJobs, "capacity:", cap(jobs))

	wg.Wait()
	close(results)

	var squares []int
	workers := map[int]bool{}
	for r := range results {
		squares = append(squares, r.square)
		workers[r.worker] = true
	}
	sort.Ints(squares)
	fmt.Println("squares:", squares)
	fmt.Println("results:", len(squares), "workers seen <= 3:", len(workers) <= 3)

	// A generator: a goroutine that owns its channel and closes it when done.
	total := 0
	for v := range count(5) {
		total += v
	}
	fmt.Println("sum of 0..4:", total)
}

func count(n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 0; i < n; i++ {
			out <- i
		}
	}()
	return out
}
