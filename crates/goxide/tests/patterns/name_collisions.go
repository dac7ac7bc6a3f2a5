package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

type celsius struct{ v int }

func (celsius) _() {}
func (celsius) _() {}

func d(x int) int { return x * 2 }

func run() (r int) {
	defer func() { r = d(r) }()
	return 21
}

func main() {
	fmt.Println(Celsius(1.5), celsius{3}.v, run())
}
