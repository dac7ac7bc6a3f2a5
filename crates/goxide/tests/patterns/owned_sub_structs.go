package main

import "fmt"

// Address links to nothing; Person's pointers to it are its only holders.
type Address struct {
	Street string
	City   string
}

type Person struct {
	Name string
	Home *Address
	Work *Address
}

func newPerson(name, city string) *Person {
	p := &Person{Name: name}
	p.Home = &Address{Street: "Main", City: city}
	return p
}

// describe only reads: a view of the box, `Option<&Address>`.
func describe(a *Address) string {
	if a == nil {
		return "nowhere"
	}
	return a.Street + ", " + a.City
}

func main() {
	p := newPerson("Ann", "Oslo")
	fmt.Println(p.Name, describe(p.Home), describe(p.Work))
	p.Home.City = "Bergen"
	fmt.Println(describe(p.Home))
	p.Work = &Address{City: "Trondheim"}
	fmt.Println(describe(p.Work))
	p.Work = nil
	fmt.Println(describe(p.Work))
}
