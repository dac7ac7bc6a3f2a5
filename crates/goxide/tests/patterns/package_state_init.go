package main

import "fmt"

var table []int
var names = map[int]string{}

func fill(n int) {
	for i := 0; i < n; i++ {
		table = append(table, i*i)
		names[i] = fmt.Sprint("n", i)
	}
}

// init uses the state too: it becomes an ordinary function main calls first.
func init() {
	fill(3)
	table[0] = 100
}

func main() {
	fill(2)
	fmt.Println(table, len(names), names[2])
}
