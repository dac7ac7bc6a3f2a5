// Reference for tests/rt.rs defer/recover cases (Go 1.19).
package main

import (
	"errors"
	"fmt"
)

func order() (log []int) {
	defer func() { log = append(log, 1) }()
	defer func() { log = append(log, 2) }()
	for i := 3; i < 5; i++ {
		defer func(i int) { log = append(log, i) }(i)
	}
	return nil
}

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

func index(xs []int, i int) (v int) {
	defer func() {
		r := recover()
		fmt.Println("index recovered:", r)
	}()
	return xs[i]
}

func replaced() (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	defer func() { panic("second") }()
	panic("first")
}

func noPanic() (r interface{}) {
	defer func() { r = recover() }()
	return 7
}

func errValue() (msg string) {
	defer func() { msg = recover().(error).Error() }()
	panic(errors.New("custom"))
}

func doubled() (n int) {
	defer func() { n *= 2 }()
	return 21
}

func main() {
	fmt.Println(order())
	fmt.Println(safeDiv(7, 2))
	fmt.Println(safeDiv(7, 0))
	fmt.Println(index([]int{1, 2, 3}, 5))
	fmt.Println(replaced())
	fmt.Println(noPanic())
	fmt.Println(errValue())
	fmt.Println(doubled())
}
