package main

import "fmt"

// Maps of pointers that must stay shared: each keeps `map[K]*T` as
// `HashMap<K, Option<Rc<RefCell<T>>>>`, so that a change accepting one of them shows here.

type Account struct {
	ID      string
	Balance int
}

type Bank struct {
	accounts map[string]*Account
}

// Get-or-create: the local is given another value, and the map and the caller both keep
// the new pointer.
func (b *Bank) Open(id string) *Account {
	a, ok := b.accounts[id]
	if !ok {
		a = &Account{ID: id}
		b.accounts[id] = a
	}
	return a
}

type Session struct {
	User string
}

// One pointer stored under two keys: the two entries alias.
func aliases() {
	s := &Session{User: "ada"}
	byToken := map[string]*Session{}
	byToken["t1"] = s
	byToken["t2"] = s
	byToken["t1"].User = "bob"
	fmt.Println(byToken["t2"].User)
}

type Flag struct {
	On bool
}

func (f *Flag) Toggle() { f.On = !f.On }

// A value compared with nil outside a lookup's test: Go's nil stays observable.
func count(flags map[string]*Flag, names []string) int {
	n := 0
	for _, name := range names {
		f := flags[name]
		if f != nil && f.On {
			n++
		}
	}
	return n
}

func main() {
	b := &Bank{accounts: map[string]*Account{}}
	b.Open("x").Balance += 5
	b.Open("x").Balance += 7
	fmt.Println(b.accounts["x"].Balance, len(b.accounts))
	aliases()
	flags := map[string]*Flag{"a": {On: true}, "b": {}}
	flags["b"].Toggle()
	fmt.Println(count(flags, []string{"a", "b", "c"}))
}
