// Command struct_embedding models staff records with embedded structs: promoted fields and
// methods, shadowing a promoted method, and an embedded type satisfying an interface.
package main

import "fmt"

type Address struct {
	City    string
	Country string
}

func (a Address) Label() string { return a.City + ", " + a.Country }

type Person struct {
	Name string
	Age  int
	Address
}

func (p Person) Greeting() string { return "Hi, I'm " + p.Name }

func (p *Person) Birthday() { p.Age++ }

type Employee struct {
	Person
	Title  string
	Salary int
}

// Greeting shadows the promoted Person.Greeting.
func (e Employee) Greeting() string {
	return e.Person.Greeting() + ", " + e.Title
}

type Greeter interface{ Greeting() string }

func introduce(gs []Greeter) {
	for _, g := range gs {
		fmt.Println(g.Greeting())
	}
}

func main() {
	e := Employee{
		Person: Person{Name: "Ada", Age: 36, Address: Address{City: "London", Country: "UK"}},
		Title:  "engineer",
		Salary: 5200,
	}
	fmt.Println(e.Name, e.Age, e.City) // promoted through two levels
	fmt.Println(e.Label())             // promoted method of Address
	fmt.Println(e.Greeting())          // Employee's own method
	fmt.Println(e.Person.Greeting())   // the shadowed one
	e.Birthday()                       // pointer method promoted from Person
	e.City = "Cambridge"               // write through a promoted field
	fmt.Println(e.Age, e.Address.City, e.Person.Address.Label())
	fmt.Printf("%+v\n", e)

	p := Person{Name: "Grace", Age: 45}
	p.Country = "US"
	introduce([]Greeter{p, e})
	fmt.Printf("%v|%q\n", p.Address, p.Label())
}
