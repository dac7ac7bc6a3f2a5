// Command enum_stringer tracks orders through enum-style states: iota constants of a named
// type, a String method that fmt uses, bit-flag constants, and switching on the enum; in
// interface{} values (a logging helper's ...interface{}, a type switch, %T, comparisons) the
// enums keep their type and their String method, and a map keyed by them prints their names.
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

	// Through interface{} values the enums keep their type and their String method.
	logf("moved %v with %v", Shipped, Gift|Express)
	for _, v := range []interface{}{Paid, Fragile, 3, "x"} {
		fmt.Println(describe(v))
	}
	var last interface{} = o.State
	fmt.Printf("%T %v %d\n", last, last, last)
	if s, ok := last.(State); ok && last == interface{}(Delivered) {
		fmt.Println("delivered:", s.Final(), last == Delivered)
	}
	fmt.Println(map[State]int{Paid: 2, Pending: 1})
}

func logf(format string, args ...interface{}) {
	fmt.Printf("log: "+format+"\n", args...)
}

func describe(v interface{}) string {
	switch x := v.(type) {
	case State:
		return fmt.Sprintf("state %v (final %t)", x, x.Final())
	case Flag:
		return "flags " + x.String()
	case int:
		return fmt.Sprint("int ", x)
	}
	return fmt.Sprintf("%T", v)
}
