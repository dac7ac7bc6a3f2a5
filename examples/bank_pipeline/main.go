// Command bank_pipeline processes bank transactions in a goroutine pipeline: a generator,
// a validation stage and a ledger in main, connected by channels; every stage selects on a
// done channel so that main can stop the pipeline early.
package main

import (
	"fmt"
	"sync"
)

type Tx struct {
	ID     int
	Amount int
}

type Result struct {
	Tx  Tx
	Err string
}

func generate(done <-chan struct{}, wg *sync.WaitGroup, amounts ...int) <-chan Tx {
	out := make(chan Tx)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for i, a := range amounts {
			select {
			case out <- Tx{ID: i + 1, Amount: a}:
			case <-done:
				return
			}
		}
	}()
	return out
}

func validate(done <-chan struct{}, wg *sync.WaitGroup, in <-chan Tx) <-chan Result {
	out := make(chan Result)
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(out)
		for tx := range in {
			r := Result{Tx: tx}
			if tx.Amount == 0 {
				r.Err = "zero amount"
			} else if tx.Amount > 1000 || tx.Amount < -1000 {
				r.Err = "over limit"
			}
			select {
			case out <- r:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	var wg sync.WaitGroup
	txs := generate(done, &wg, 500, -200, 0, 2500, -250, -100, -900, 300, 40)
	results := validate(done, &wg, txs)

	balance, applied := 0, 0
	for r := range results {
		if r.Err != "" {
			fmt.Printf("tx %d rejected: %s\n", r.Tx.ID, r.Err)
			continue
		}
		if balance+r.Tx.Amount < 0 {
			fmt.Printf("tx %d would overdraw (balance %d), stopping\n", r.Tx.ID, balance)
			break
		}
		balance += r.Tx.Amount
		applied++
		fmt.Printf("tx %d applied: %+d -> %d\n", r.Tx.ID, r.Tx.Amount, balance)
	}
	close(done)
	wg.Wait()
	fmt.Println("pipeline stopped; applied", applied, "final balance", balance)
}
