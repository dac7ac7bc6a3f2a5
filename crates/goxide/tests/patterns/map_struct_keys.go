package main

import "fmt"

type Cell struct {
	Row, Col int
}

type Span struct {
	From, To Cell
	Label    string
}

func main() {
	seen := map[Cell]int{{2, 1}: 3, {1, 9}: 1, {1, 2}: 2}
	fmt.Println(seen)
	spans := map[Span]bool{{Cell{0, 1}, Cell{0, 2}, "b"}: true, {Cell{0, 1}, Cell{0, 2}, "a"}: false}
	fmt.Println(spans)
	var box interface{} = seen
	fmt.Printf("%v\n", box)
}
