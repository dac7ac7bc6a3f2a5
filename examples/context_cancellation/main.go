package main

// Stops workers with context: a pipeline stage that selects on ctx.Done(), cancellation
// through WithCancel and its propagation to derived contexts, WithTimeout and WithDeadline
// deadlines, request-scoped values with WithValue, and ctx.Err() compared with
// context.Canceled and context.DeadlineExceeded.

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

type ctxKey string

func produce(ctx context.Context, out chan<- int) {
	defer close(out)
	for i := 1; ; i++ {
		select {
		case <-ctx.Done():
			return
		case out <- i:
		}
	}
}

func slowOperation(ctx context.Context, d time.Duration) error {
	select {
	case <-time.After(d):
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func describe(err error) string {
	switch {
	case err == nil:
		return "finished"
	case errors.Is(err, context.Canceled):
		return "canceled: " + err.Error()
	case err == context.DeadlineExceeded:
		return "timed out: " + err.Error()
	}
	return "other"
}

func main() {
	bg := context.Background()
	fmt.Println(bg.Err(), context.TODO().Err())

	ctx, cancel := context.WithCancel(bg)
	nums := make(chan int)
	go produce(ctx, nums)
	sum := 0
	for n := range nums {
		sum += n
		if n == 10 {
			cancel()
			break
		}
	}
	for range nums {
	}
	fmt.Println("sum:", sum, "err:", ctx.Err())
	cancel()
	fmt.Println("after second cancel:", ctx.Err() == context.Canceled)

	parent, stop := context.WithCancel(context.Background())
	child, childCancel := context.WithCancel(parent)
	defer childCancel()
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			<-child.Done()
			results[id] = fmt.Sprintf("worker %d stopped: %v", id, child.Err())
		}(i)
	}
	stop()
	wg.Wait()
	for _, r := range results {
		fmt.Println(r)
	}

	tctx, tcancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer tcancel()
	fmt.Println(describe(slowOperation(tctx, 2*time.Second)))
	fmt.Println(errors.Is(tctx.Err(), context.DeadlineExceeded), tctx.Err())

	quick, qcancel := context.WithTimeout(context.Background(), time.Second)
	fmt.Println(describe(slowOperation(quick, time.Millisecond)))
	qcancel()
	fmt.Println(describe(quick.Err()))

	past, pcancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer pcancel()
	select {
	case <-past.Done():
		fmt.Println("deadline already passed:", past.Err())
	default:
		fmt.Println("not done")
	}

	reqCtx := context.WithValue(context.Background(), ctxKey("user"), "gopher")
	reqCtx = context.WithValue(reqCtx, ctxKey("attempt"), 3)
	inner, innerCancel := context.WithCancel(reqCtx)
	defer innerCancel()
	user, ok := inner.Value(ctxKey("user")).(string)
	fmt.Println(user, ok, inner.Value(ctxKey("attempt")), inner.Value(ctxKey("missing")))
}
