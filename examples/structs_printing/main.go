// Command structs_printing shows struct types, nested structs, zero values, struct
// comparison, and printing structs with %v, %+v and Println.
package main

import "fmt"

type Address struct {
	Street string
	City   string
	Zip    string
}

type Employee struct {
	Name    string
	Age     int
	Salary  float64
	Active  bool
	Home    Address
	Skills  []string
	Manager *Employee
}

func main() {
	boss := Employee{Name: "Ada", Age: 45, Salary: 185000.5, Active: true}
	e := Employee{
		Name:   "Linus",
		Age:    31,
		Salary: 98000,
		Home:   Address{"1 Main St", "Springfield", "12345"},
		Skills: []string{"go", "sql"},
	}
	fmt.Println(e.Name, e.Home.City, len(e.Skills))
	fmt.Printf("%v\n", e.Home)
	fmt.Printf("%+v\n", e.Home)
	fmt.Println(boss.Home, boss.Skills == nil, boss.Manager == nil)
	e.Manager = &boss
	fmt.Println(e.Manager.Name)

	var zero Address
	fmt.Printf("%+v|%v|\n", zero, zero)
	fmt.Println(zero == Address{}, e.Home == Address{"1 Main St", "Springfield", "12345"})

	type pair struct {
		key   string
		value int
	}
	pairs := []pair{{"a", 1}, {"b", 2}}
	fmt.Println(pairs)
	fmt.Printf("%+v\n", pairs)

	point := struct {
		X, Y int
	}{3, 4}
	fmt.Println(point, point.X*point.X+point.Y*point.Y)
	copyHome := e.Home
	copyHome.City = "Shelbyville"
	fmt.Println(e.Home.City, copyHome.City)
	fmt.Printf("%v %+v\n", Address{City: "Oslo"}, struct{ A, B bool }{true, false})
}
