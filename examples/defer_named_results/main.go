// Command defer_named_results runs a small transaction log: deferred calls run in LIFO
// order, their arguments are evaluated at the defer statement, and they can change named
// results after a bare return.
package main

import (
	"errors"
	"fmt"
)

type Tx struct {
	log []string
}

func (t *Tx) step(msg string) { t.log = append(t.log, msg) }

// apply returns a bare return; the deferred closure rewrites both named results.
func apply(t *Tx, amount int) (balance int, err error) {
	balance = 100
	defer func() {
		if err != nil {
			t.step("rollback")
			balance = -1
			return
		}
		t.step("commit")
	}()
	if amount > balance {
		err = errors.New("insufficient funds")
		return
	}
	balance -= amount
	return
}

// countdown shows LIFO order and argument evaluation at defer time.
func countdown() {
	for i := 1; i <= 3; i++ {
		defer fmt.Println("deferred", i)
	}
	fmt.Println("loop done")
}

// double doubles its result after the return statement has set it.
func double(x int) (result int) {
	defer func() { result *= 2 }()
	return x + 1
}

func parsePair(s string) (a, b string, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '=' {
			a, b, ok = s[:i], s[i+1:], true
			return
		}
	}
	return
}

func main() {
	t := &Tx{}
	bal, err := apply(t, 30)
	fmt.Println(bal, err)
	bal, err = apply(t, 300)
	fmt.Println(bal, err)
	for i, entry := range t.log {
		fmt.Println(i, entry)
	}
	countdown()
	fmt.Println(double(4), double(-1))
	k, v, ok := parsePair("mode=fast")
	fmt.Printf("%q %q %v\n", k, v, ok)
	k, v, ok = parsePair("broken")
	fmt.Printf("%q %q %v\n", k, v, ok)
}
