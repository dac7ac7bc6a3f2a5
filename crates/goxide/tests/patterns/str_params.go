package main

import (
	"fmt"
	"strings"
)

var stock = map[string]int{"tea": 3}

// Only read: `&str`, called with a literal or a borrow.
func available(item string) bool {
	if item == "" || strings.HasPrefix(item, "_") {
		return false
	}
	switch item {
	case "water":
		return true
	}
	return stock[item] > 0
}

// Passed on to another `&str` parameter.
func describe(item string) string {
	return fmt.Sprintf("%s: %v (%d letters)", item, available(item), len(item))
}

type Order struct{ Item string }

// A method's parameter too, when no interface has the method's name.
func (o *Order) Holds(item string) bool { return o.Item == item }

// A key deleted from a map is looked up: `&str`.
func forget(seen map[string]bool, item string) { delete(seen, item) }

// Stored: stays `String`, moved into the struct.
func order(item string) Order { return Order{Item: item} }

func main() {
	name := "tea"
	fmt.Println(describe(name), describe("coffee"), describe(name+"s"))
	o := order(name)
	fmt.Println(o.Item, o.Holds("tea"), o.Holds(name+"s"))
	seen := map[string]bool{name: true}
	forget(seen, name)
	fmt.Println(len(seen))
}
