// Package state: a small inventory whose stock levels and event log live at package level and
// are changed by helpers that main calls. goxide makes both locals of main and lends them to
// the helpers (`stock: &mut HashMap<String, i64>`; `report`, which only reads, gets
// `&HashMap`) instead of keeping them in thread-local cells. The variadic `logf` takes the log
// before its variadic arguments: `fn logf(format: String, events: &mut Vec<String>, args: …)`.
package main

import (
	"fmt"
	"sort"
	"strings"
)

// stock maps an item to the units on hand.
var stock = map[string]int{}

// events records every change, oldest first.
var events []string

func logf(format string, args ...interface{}) {
	events = append(events, fmt.Sprintf(format, args...))
}

func receive(item string, n int) {
	stock[item] += n
	logf("received %d %s", n, item)
}

func ship(item string, n int) bool {
	if stock[item] < n {
		logf("short: %s (%d < %d)", item, stock[item], n)
		return false
	}
	stock[item] -= n
	if stock[item] == 0 {
		delete(stock, item)
	}
	logf("shipped %d %s", n, item)
	return true
}

func restock(items []string, n int) {
	for _, it := range items {
		if stock[it] < n {
			receive(it, n-stock[it])
		}
	}
}

func report() string {
	names := make([]string, 0, len(stock))
	for k := range stock {
		names = append(names, k)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, k := range names {
		fmt.Fprintf(&b, "%s=%d ", k, stock[k])
	}
	return strings.TrimSpace(b.String())
}

func main() {
	receive("bolts", 40)
	receive("nuts", 25)
	ship("bolts", 15)
	ship("nuts", 30)
	ship("nuts", 25)
	restock([]string{"bolts", "nuts", "washers"}, 30)
	fmt.Println(report())
	fmt.Println(len(events), "events")
	for i, e := range events {
		fmt.Printf("%2d %s\n", i+1, e)
	}
}
