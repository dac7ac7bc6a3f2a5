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

// Stored: stays `String`, moved into the struct.
func order(item string) Order { return Order{Item: item} }

func main() {
	name := "tea"
	fmt.Println(describe(name), describe("coffee"), describe(name+"s"))
	fmt.Println(order(name).Item)
}
