package main

import "fmt"

// Counter counts things.
type Counter struct {
	Name  string
	count int
}

// Inc adds one.
func (c *Counter) Inc() {
	c.count++
}

// Count reports the count.
func (c Counter) Count() int {
	return c.count
}

type Point struct{ X, Y int }

func main() {
	c := Counter{Name: "clicks"}
	c.Inc()
	c.Inc()
	p := Point{1, 2}
	q := p
	q.X = 10
	pp := &Point{3, 4}
	pp.Y = 7
	fmt.Println(c.Count(), p, q, pp.Y)
	fmt.Printf("%v %+v\n", p, q)
}
