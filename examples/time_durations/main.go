// Command time_durations shows the time package as a small job runner uses
// it: duration constants, arithmetic and printing, measuring elapsed time,
// a select that gives up after a timeout, timers that are stopped and reset,
// and a ticker that drives a few polling rounds.
package main

import (
	"fmt"
	"time"
)

const pollInterval = 5 * time.Millisecond

type step struct {
	name     string
	estimate time.Duration
}

// budget sums the estimates and pads the total by a percentage, rounded to
// whole milliseconds.
func budget(steps []step, paddingPercent int) time.Duration {
	var total time.Duration
	for _, s := range steps {
		total += s.estimate
	}
	padded := total + total*time.Duration(paddingPercent)/100
	return padded.Round(time.Millisecond)
}

// retryDelay doubles the delay for each attempt, up to a limit.
func retryDelay(attempt int, limit time.Duration) time.Duration {
	d := 100 * time.Millisecond
	for i := 0; i < attempt; i++ {
		d *= 2
		if d > limit {
			return limit
		}
	}
	return d
}

// work sends its result after a short pause.
func work(n int, results chan<- int) {
	time.Sleep(time.Duration(n) * time.Millisecond)
	results <- n * n
}

func main() {
	steps := []step{
		{"fetch", 1500 * time.Millisecond},
		{"build", 2*time.Minute + 30*time.Second},
		{"test", 45 * time.Second},
		{"deploy", 90 * time.Second},
	}
	for _, s := range steps {
		fmt.Printf("%-7s %v\n", s.name, s.estimate)
	}
	total := budget(steps, 10)
	fmt.Println("budget with 10% padding:", total)
	fmt.Printf("in seconds: %.1f, in minutes: %.3f\n", total.Seconds(), total.Minutes())
	fmt.Println("as milliseconds:", total.Milliseconds(), "truncated to minutes:", total.Truncate(time.Minute))
	fmt.Println("per step:", total/time.Duration(len(steps)))
	fmt.Println("units:", time.Nanosecond, time.Microsecond, time.Millisecond, time.Second, time.Minute, time.Hour)
	fmt.Println("zero and negative:", time.Duration(0), -90*time.Second, 2*time.Hour, 1500*time.Microsecond)
	delays := []time.Duration{}
	for attempt := 0; attempt < 6; attempt++ {
		delays = append(delays, retryDelay(attempt, 2*time.Second))
	}
	fmt.Println("retry delays:", delays)
	fmt.Println("poll interval:", pollInterval, "=", int64(pollInterval), "ns")
	fmt.Println("10 polls take", 10*pollInterval, "which is", (10 * pollInterval).String())

	// A select that gives up: nothing ever sends on never.
	never := make(chan int)
	start := time.Now()
	select {
	case v := <-never:
		fmt.Println("unexpected value", v)
	case <-time.After(20 * time.Millisecond):
		fmt.Println("timed out waiting; waited at least 20ms:", time.Since(start) >= 20*time.Millisecond)
	}

	// A result that arrives before the deadline.
	results := make(chan int, 1)
	go work(3, results)
	select {
	case r := <-results:
		fmt.Println("result before the deadline:", r)
	case <-time.After(2 * time.Second):
		fmt.Println("deadline passed")
	}

	// Timers: one fires, one is stopped before it fires and then reset.
	timer := time.NewTimer(10 * time.Millisecond)
	fired := <-timer.C
	fmt.Println("timer fired after its delay:", fired.Sub(start) >= 30*time.Millisecond)
	fmt.Println("stopping a fired timer:", timer.Stop())
	slow := time.NewTimer(time.Hour)
	fmt.Println("stopping a pending timer:", slow.Stop())
	slow.Reset(15 * time.Millisecond)
	before := time.Now()
	<-slow.C
	waited := time.Since(before)
	fmt.Println("reset timer fired:", waited >= 15*time.Millisecond && waited < time.Hour)

	// A ticker drives three polling rounds, then stops.
	ticker := time.NewTicker(pollInterval)
	var last time.Time
	for round := 1; round <= 3; round++ {
		t := <-ticker.C
		fmt.Println("poll round", round, "later than the previous one:", t.After(last))
		last = t
	}
	ticker.Stop()
	fmt.Println("all done; total elapsed at least 60ms:", time.Since(start) > 60*time.Millisecond)
}
