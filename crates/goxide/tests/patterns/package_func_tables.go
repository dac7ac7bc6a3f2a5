package main

import "fmt"

// Op combines two numbers.
type Op func(a, b int) int

type Case struct {
	name string
	op   Op
	want interface{}
}

// Tables of functions and test cases that nothing changes: thread-local values, no cell.
var ops = map[string]Op{
	"add": func(a, b int) int { return a + b },
	"mul": func(a, b int) int { return a * b },
}

var cases = []Case{
	{"add", ops["add"], 5},
	{"mul", ops["mul"], 7},
}

// Changed by main: it keeps its cell.
var log []string

func run(name string) int { return ops[name](4, 5) }

func main() {
	for _, c := range cases {
		got := c.op(2, 3)
		log = append(log, c.name)
		fmt.Println(c.name, got, got == c.want)
	}
	fmt.Println(len(ops), cases[1].name, run("mul"), log)
	var lo, hi *int
	_, _ = lo, hi
	fmt.Println(lo == nil)
}
