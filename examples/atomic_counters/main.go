// Command atomic_counters counts requests handled by many goroutines with sync/atomic
// functions on package-level counters: AddInt64, LoadInt64, a CompareAndSwap loop that
// records a maximum, and StoreInt32 for a flag.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var (
	requests int64
	bytes    int64
	maxSize  int64
	failures int32
	ready    int32
)

func record(size int64, failed bool) {
	atomic.AddInt64(&requests, 1)
	atomic.AddInt64(&bytes, size)
	if failed {
		atomic.AddInt32(&failures, 1)
	}
	for {
		cur := atomic.LoadInt64(&maxSize)
		if size <= cur || atomic.CompareAndSwapInt64(&maxSize, cur, size) {
			return
		}
	}
}

func main() {
	var wg sync.WaitGroup
	for w := 1; w <= 8; w++ {
		wg.Add(1)
		go func(worker int) {
			defer wg.Done()
			for i := 0; i < 250; i++ {
				size := int64(worker*100 + i%10)
				record(size, i%50 == 0)
			}
			if worker == 8 {
				atomic.StoreInt32(&ready, 1)
			}
		}(w)
	}
	wg.Wait()
	fmt.Println("requests:", atomic.LoadInt64(&requests))
	fmt.Println("bytes:", atomic.LoadInt64(&bytes))
	fmt.Println("largest:", atomic.LoadInt64(&maxSize))
	fmt.Println("failures:", atomic.LoadInt32(&failures))
	fmt.Println("ready:", atomic.LoadInt32(&ready) == 1)
	old := atomic.SwapInt64(&bytes, 0)
	fmt.Println("reset bytes from", old, "to", atomic.LoadInt64(&bytes))
	fmt.Println("swapped:", atomic.CompareAndSwapInt32(&ready, 0, 1), atomic.CompareAndSwapInt32(&ready, 1, 0))
}
