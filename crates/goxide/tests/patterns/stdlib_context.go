package main

import (
	"context"
	"fmt"
	"time"
)

type key int

func wait(ctx context.Context, ticks <-chan int) int {
	n := 0
	for {
		select {
		case <-ctx.Done():
			return n
		case <-ticks:
			n++
		}
	}
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	ticks := make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			ticks <- i
		}
		cancel()
	}()
	fmt.Println(wait(ctx, ticks), ctx.Err() == context.Canceled)

	tctx, stop := context.WithTimeout(context.TODO(), 10*time.Millisecond)
	defer stop()
	<-tctx.Done()
	fmt.Println(tctx.Err())

	vctx := context.WithValue(ctx, key(1), "one")
	fmt.Println(vctx.Value(key(1)), vctx.Value(key(2)))
}
