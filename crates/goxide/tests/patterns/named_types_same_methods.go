package main

type Celsius float64
type Fahrenheit float64

func (c Celsius) Warm() bool    { return c >= 20 }
func (f Fahrenheit) Warm() bool { return f >= 68 }

func main() {
	c, f := Celsius(25), Fahrenheit(50)
	println(c.Warm(), f.Warm())
	warm := f.Warm
	println(warm())
}
