// Command bank_account models an account as a small state machine: open, frozen and
// closed states, with deposits, withdrawals and errors for invalid transitions.
package main

import (
	"errors"
	"fmt"
)

type State int

const (
	Open State = iota
	Frozen
	Closed
)

func (s State) String() string {
	switch s {
	case Open:
		return "open"
	case Frozen:
		return "frozen"
	case Closed:
		return "closed"
	}
	return "unknown"
}

var ErrInsufficient = errors.New("insufficient funds")

type Account struct {
	Owner   string
	balance int64 // cents
	state   State
	history []string
}

func (a *Account) Deposit(cents int64) error {
	if a.state != Open {
		return fmt.Errorf("deposit: account is %v", a.state)
	}
	if cents <= 0 {
		return errors.New("deposit: amount must be positive")
	}
	a.balance += cents
	a.history = append(a.history, fmt.Sprintf("+%d", cents))
	return nil
}

func (a *Account) Withdraw(cents int64) error {
	if a.state != Open {
		return fmt.Errorf("withdraw: account is %v", a.state)
	}
	if cents > a.balance {
		return ErrInsufficient
	}
	a.balance -= cents
	a.history = append(a.history, fmt.Sprintf("-%d", cents))
	return nil
}

func (a *Account) Transition(to State) error {
	if a.state == Closed {
		return errors.New("closed accounts cannot change state")
	}
	if to == Closed && a.balance != 0 {
		return fmt.Errorf("cannot close with balance %d.%02d", a.balance/100, a.balance%100)
	}
	a.state = to
	return nil
}

func report(step string, err error) {
	if err != nil {
		fmt.Printf("%-10s FAIL %v\n", step, err)
	} else {
		fmt.Printf("%-10s ok\n", step)
	}
}

func main() {
	acct := &Account{Owner: "grace"}
	report("deposit", acct.Deposit(10050))
	report("withdraw", acct.Withdraw(2025))
	report("withdraw", acct.Withdraw(999999))
	report("freeze", acct.Transition(Frozen))
	report("deposit", acct.Deposit(100))
	report("unfreeze", acct.Transition(Open))
	report("close", acct.Transition(Closed))
	report("withdraw", acct.Withdraw(acct.balance))
	report("close", acct.Transition(Closed))
	report("reopen", acct.Transition(Open))
	fmt.Println(acct.Owner, acct.state, acct.balance, acct.history)
	fmt.Println(acct.Withdraw(1) == ErrInsufficient, errors.Is(ErrInsufficient, ErrInsufficient))
}
