package main

import "fmt"

type Point struct{ X, Y int }

func (p *Point) Move(dx, dy int) { p.X += dx; p.Y += dy }
func (p Point) String() string  { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }

type Grid struct {
	cells [3][3]int
	name  string
}

func fill(g *Grid, v int) {
	for i := range g.cells {
		for j := range g.cells[i] {
			g.cells[i][j] = v + i*3 + j
		}
	}
}

func sum(g *Grid) int {
	t := 0
	for _, row := range g.cells {
		for _, c := range row {
			t += c
		}
	}
	return t
}

func scale(p *Point, k int) {
	p.X *= k
	p.Y *= k
	shift(p)
}

func shift(p *Point) { p.Move(1, 1) }

// Norm only reads its receiver (`&self`): calling it does not make `p` a `&mut`.
func (p *Point) Norm() int { return p.X*p.X + p.Y*p.Y }

func bigger(p, q *Point) bool { return p.Norm() > q.Norm() }

func dist2(a, b *Point) int {
	dx, dy := a.X-b.X, a.Y-b.Y
	return dx*dx + dy*dy
}

func main() {
	p := &Point{1, 2}
	p.Move(2, 3)
	scale(p, 2)
	fmt.Println(p.X, p.Y, p.String(), bigger(p, &Point{1, 1}))
	q := new(Point)
	q.X = 5
	fmt.Println(dist2(p, q))
	g := &Grid{name: "g"}
	fill(g, 1)
	fmt.Println(sum(g), g.name)
	n := new(int)
	*n = 41
	*n++
	fmt.Println(*n)
	var pts [2]Point
	scale(&pts[0], 3)
	v := Point{7, 8}
	scale(&v, 2)
	fmt.Println(v, pts)
	c := *p
	c.X = 100
	fmt.Println(c.X, p.X)
}
