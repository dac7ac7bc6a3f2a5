package main

import (
	"errors"
	"fmt"
	"strconv"
)

var ErrEmpty = errors.New("empty")

type Item struct {
	Name  string
	Price int
}

// A (T, error) function: Ok beside a nil error, the zero value beside an error.
func parse(name, price string) (Item, error) {
	if name == "" {
		return Item{}, ErrEmpty
	}
	p, err := strconv.Atoi(price)
	if err != nil {
		return Item{}, fmt.Errorf("parse %s: %w", name, err)
	}
	return Item{Name: name, Price: p}, nil
}

// An error-only function.
func check(it Item) error {
	if it.Price < 0 {
		return errors.New("negative price")
	}
	return nil
}

// Checks that only hand the error on are `?`.
func load(name, price string) (Item, error) {
	it, err := parse(name, price)
	if err != nil {
		return Item{}, err
	}
	if err := check(it); err != nil {
		return Item{}, err
	}
	return it, nil
}

// Another function's result handed on.
func loadTea() (Item, error) {
	return load("tea", "3")
}

// Named results, without a bare return.
func divide(a, b int) (q int, err error) {
	if b == 0 {
		return 0, errors.New("division by zero")
	}
	q = a / b
	return q, nil
}

// A partly filled value beside the error: Go's pair stays.
func find(name string) (Item, error) {
	return Item{Name: name}, errors.New("not found")
}

func main() {
	it, err := load("jam", "x")
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(it.Name)
	if _, err := loadTea(); err != nil {
		fmt.Println(err)
	}
	check(it)
	n, err2 := parse("pie", "7")
	fmt.Println(n.Price, err2 == nil)
	if q, err := divide(7, 0); err != nil {
		fmt.Println(q, err)
	}
	f, err3 := find("milk")
	fmt.Println(f.Name, err3)
}
