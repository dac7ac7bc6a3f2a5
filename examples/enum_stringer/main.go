// Command enum_stringer tracks orders through enum-style states: iota constants of a named
// type, a String method that fmt uses, bit-flag constants, and switching on the enum.
package main

import "fmt"

type State int

const (
	Pending State = iota
	Paid
	Shipped
	Delivered
	Cancelled
)

var stateNames = [...]string{"pending", "paid", "shipped", "delivered", "cancelled"}

func (s State) String() string {
	if s < 0 || int(s) >= len(stateNames) {
		return fmt.Sprintf("State(%d)", int(s))
	}
	return stateNames[s]
}

func (s State) Next() State {
	switch s {
	case Pending:
		return Paid
	case Paid:
		return Shipped
	case Shipped:
		return Delivered
	}
	return s
}

func (s State) Final() bool { return s == Delivered || s == Cancelled }

type Flag uint8

const (
	Gift Flag = 1 << iota
	Express
	Fragile
)

func (f Flag) String() string {
	out := ""
	for i, name := range []string{"gift", "express", "fragile"} {
		if f&(1<<i) != 0 {
			if out != "" {
				out += "|"
			}
			out += name
		}
	}
	if out == "" {
		return "none"
	}
	return out
}

type Order struct {
	ID    int
	State State
	Flags Flag
}

func main() {
	o := Order{ID: 7, Flags: Gift | Fragile}
	for !o.State.Final() {
		fmt.Printf("order %d is %v\n", o.ID, o.State)
		o.State = o.State.Next()
	}
	fmt.Println("final:", o.State, int(o.State))
	fmt.Printf("%v %+v %d %s\n", o.Flags, o, Express, Express|Gift)
	fmt.Println(Cancelled, State(9), Flag(0), Cancelled.Final())
	fmt.Println([]State{Paid, Shipped}, Pending < Delivered)
}
