// Command struct_value_semantics shows that Go structs (and arrays inside them) are values:
// assignment, passing to a function, ranging and storing in a slice all copy, while
// pointers share.
package main

import "fmt"

type Point struct{ X, Y int }

type Polygon struct {
	Name    string
	Corners [4]Point
	Tags    [2]string
}

func moveValue(p Point) Point {
	p.X += 10
	return p
}

func movePointer(p *Point) { p.Y += 10 }

func rename(poly Polygon, name string) { poly.Name = name }

func main() {
	a := Point{1, 2}
	b := a // copy
	b.X = 99
	fmt.Println(a, b, a == b)

	c := moveValue(a)
	fmt.Println(a, c)
	movePointer(&a)
	fmt.Println(a)

	sq := Polygon{Name: "square", Corners: [4]Point{{0, 0}, {1, 0}, {1, 1}, {0, 1}}}
	sq.Tags[0] = "unit"
	cp := sq
	cp.Corners[2].X = 5
	cp.Tags[1] = "copy"
	rename(cp, "renamed")
	fmt.Println(sq.Name, sq.Corners[2], sq.Tags)
	fmt.Println(cp.Name, cp.Corners[2], cp.Tags)
	fmt.Println(sq == cp, sq.Corners == cp.Corners)

	points := []Point{{1, 1}, {2, 2}}
	for _, p := range points {
		p.X = 0 // modifies the loop copy only
	}
	fmt.Println(points)
	for i := range points {
		points[i].X = 0
	}
	fmt.Println(points)

	first := points[0]
	points[0].Y = 42
	fmt.Println(first, points[0])

	alias := &sq
	alias.Name = "shared"
	fmt.Println(sq.Name, alias.Name, cp.Name)

	grid := [2][2]int{{1, 2}, {3, 4}}
	g2 := grid
	g2[0][0] = 100
	fmt.Println(grid, g2)
}
