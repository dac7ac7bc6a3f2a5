package main

import "fmt"

type Entry struct {
	Key  string
	Tags []string
}

func main() {
	var out []string
	name := "gopher"
	out = append(out, name) // last use of name: moved

	greeting := "hi"
	out = append(out, greeting) // used again below: cloned
	fmt.Println(greeting)

	base := "x"
	for i := 0; i < 2; i++ {
		out = append(out, base) // in a loop base is declared outside of: cloned
		item := fmt.Sprint(i)
		out = append(out, item) // declared in the loop: moved
	}

	tags := []string{"a", "b"}
	e := Entry{Key: name2(), Tags: tags} // last use of tags: moved
	entries := map[string]Entry{}
	entries[e.Key] = e // e named twice in the statement: cloned
	fmt.Println(out, entries)
}

func name2() string { return "k" }
