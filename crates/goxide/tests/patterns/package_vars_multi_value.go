// Package variables are initialized before main, in dependency order, even when nothing
// reads them: each initializer that calls a function runs exactly once.
package main

import "fmt"

var calls []string

func pair(name string) (int, string) {
	calls = append(calls, name)
	return len(calls), name
}

var n, label = pair("first") // read below
var unused, _ = pair("second")
var _, _ = pair("third")

// A comma-ok form whose parts are converted to the variables' interface type.
var value, ok any = any(n).(int)

func main() {
	fmt.Println(n, label)
	fmt.Println(calls)
	fmt.Println(value, ok)
}
