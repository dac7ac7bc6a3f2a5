package main

import "fmt"

func safeDiv(a, b int) (q int, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
			q = -1
		}
	}()
	q = a / b
	return q, nil
}

func main() {
	defer fmt.Println("deferred 1")
	for i := 0; i < 3; i++ {
		defer fmt.Println("loop", i)
	}
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	var x interface{} = 42
	if n, ok := x.(int); ok {
		fmt.Println("int", n)
	}
	fmt.Println(x, x.(int)+1)
}
