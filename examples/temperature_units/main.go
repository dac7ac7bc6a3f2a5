// Two temperature units over one float type, each with the same method names: a Rust alias
// per unit, whose methods (in one extension trait per unit) are called by their trait's name,
// method values included.
package main

import "fmt"

type Celsius float64
type Fahrenheit float64

func (c Celsius) String() string    { return fmt.Sprintf("%.1f°C", float64(c)) }
func (f Fahrenheit) String() string { return fmt.Sprintf("%.1f°F", float64(f)) }

func (c Celsius) ToF() Fahrenheit { return Fahrenheit(c*9/5 + 32) }
func (f Fahrenheit) ToC() Celsius { return Celsius((f - 32) * 5 / 9) }

// Warm says whether a temperature is pleasant outdoors, in each unit's own terms.
func (c Celsius) Warm() bool    { return c >= 20 }
func (f Fahrenheit) Warm() bool { return f >= 68 }

func report(label string, warm func() bool) {
	if warm() {
		fmt.Println(label, "is warm")
	} else {
		fmt.Println(label, "is cold")
	}
}

func main() {
	readings := []Celsius{-4, 12.5, 21, 30}
	for _, c := range readings {
		f := c.ToF()
		fmt.Println(c, "=", f, "| warm:", c.Warm(), f.Warm())
	}
	boil := Fahrenheit(212)
	fmt.Println(boil, "=", boil.ToC())
	report(Celsius(25).String(), Celsius(25).Warm)
	report(boil.String(), boil.Warm)
	chilly := Fahrenheit(50)
	check := chilly.Warm
	chilly = 80
	fmt.Println("method value keeps its copy:", check(), chilly.Warm())
}
