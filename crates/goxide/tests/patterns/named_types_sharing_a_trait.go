package main

import "fmt"

type Temp interface {
	Kelvin() float64
	String() string
}

type Celsius float64
type Fahrenheit float64

func (c Celsius) Kelvin() float64    { return float64(c) + 273.15 }
func (c Celsius) String() string     { return fmt.Sprintf("%.1f°C", float64(c)) }
func (f Fahrenheit) Kelvin() float64 { return (float64(f)-32)*5/9 + 273.15 }
func (f Fahrenheit) String() string  { return fmt.Sprintf("%.1f°F", float64(f)) }

type Status int

const (
	Active Status = iota
	Disabled
)

type Priority int

func (s Status) Label() string   { return [...]string{"active", "disabled"}[s] }
func (p Priority) Label() string { return fmt.Sprintf("P%d", int(p)) }

type Labeler interface{ Label() string }

func main() {
	temps := []Temp{Celsius(20), Fahrenheit(68)}
	for _, t := range temps {
		fmt.Printf("%v = %.2fK\n", t, t.Kelvin())
		if c, ok := t.(Celsius); ok {
			fmt.Println("celsius", float64(c))
		}
	}
	ls := []Labeler{Active, Disabled, Priority(2)}
	for _, l := range ls {
		fmt.Println(l.Label())
	}
}

func describe(l Labeler) string {
	switch v := l.(type) {
	case Status:
		return "status " + v.Label()
	case Priority:
		return fmt.Sprint("priority ", int(v))
	}
	return "?"
}

func init() {
	var a, b Labeler = Active, Status(0)
	var c Labeler = Priority(0)
	fmt.Println(a == b, a == c, describe(a), describe(c), a == Labeler(Active))
	var any interface{} = Disabled
	if l, ok := any.(Labeler); ok {
		fmt.Println("any as labeler", l.Label())
	}
	var t Temp = Celsius(5)
	fmt.Println(t, t.(Celsius)+1)
	back := interface{}(t)
	fmt.Printf("%v %T\n", back, back)
}
