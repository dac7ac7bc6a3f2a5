// Command method_values wires a thermostat's methods into a tiny command table using method
// values (bound to a receiver) and method expressions (receiver as the first argument).
package main

import "fmt"

type Thermostat struct {
	Name   string
	Target int
}

func (t *Thermostat) Raise(by int) { t.Target += by }
func (t *Thermostat) Lower(by int) { t.Target -= by }

func (t Thermostat) Report() string {
	return fmt.Sprintf("%s set to %d", t.Name, t.Target)
}

func (t Thermostat) Diff(other Thermostat) int { return t.Target - other.Target }

type Command struct {
	Name string
	Run  func(int)
}

func main() {
	living := &Thermostat{Name: "living", Target: 20}
	bedroom := &Thermostat{Name: "bedroom", Target: 17}

	// Method values: the receiver is bound when the value is created.
	commands := []Command{
		{"warm living", living.Raise},
		{"cool living", living.Lower},
		{"warm bedroom", bedroom.Raise},
	}
	for i, c := range commands {
		c.Run(i + 1)
		fmt.Println(c.Name, "->", living.Report(), "/", bedroom.Report())
	}

	// A value-receiver method value copies the receiver at evaluation time.
	report := living.Report
	living.Raise(5)
	fmt.Println("stale:", report())
	fmt.Println("fresh:", living.Report())

	// Method expressions take the receiver as an ordinary first argument.
	reportOf := Thermostat.Report
	raise := (*Thermostat).Raise
	raise(bedroom, 10)
	fmt.Println(reportOf(*bedroom))
	diff := Thermostat.Diff
	fmt.Println("difference:", diff(*living, *bedroom))

	var reporters []func() string
	for _, t := range []*Thermostat{living, bedroom} {
		reporters = append(reporters, t.Report)
	}
	living.Lower(100)
	for _, r := range reporters {
		fmt.Println(r())
	}
}
