package main

import (
	"bytes"
	"fmt"
)

type Counts map[string]int

func describe(x interface{}) string {
	return fmt.Sprint(x)
}

func results() (n int, d string) {
	defer func() { d += "!" }()
	n, d = 1, "done"
	return
}

func main() {
	var p *int
	fmt.Println(p == (*int)(nil))
	fmt.Println(describe(make(Counts)), describe(Counts(nil)))
	_ = make(map[byte]byte)
	fmt.Println(bytes.Equal(nil, []byte{}), bytes.Compare(nil, nil))
	fmt.Println(results())
}
