// Command sync_mutex_once protects shared package state with sync.Mutex and
// sync.RWMutex, and runs one-time setup with sync.Once.
package main

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	counter int
	hits    = map[string]int{}

	rw     sync.RWMutex
	config = map[string]string{}

	once  sync.Once
	setup int
)

func initialize() {
	setup++
	rw.Lock()
	config["mode"] = "fast"
	rw.Unlock()
}

func record(page string) {
	once.Do(initialize)
	mu.Lock()
	defer mu.Unlock()
	counter++
	hits[page]++
}

func mode() string {
	rw.RLock()
	defer rw.RUnlock()
	return config["mode"]
}

func main() {
	var wg sync.WaitGroup
	pages := []string{"home", "about", "home", "blog", "home", "about"}
	for i := 0; i < 10; i++ {
		for _, p := range pages {
			wg.Add(1)
			go func(p string) {
				defer wg.Done()
				record(p)
			}(p)
		}
	}
	wg.Wait()
	fmt.Println("requests:", counter)
	fmt.Println("hits:", hits)
	fmt.Println("setup ran", setup, "time(s); mode:", mode())
	if mu.TryLock() {
		fmt.Println("lock is free")
		mu.Unlock()
	}
}
