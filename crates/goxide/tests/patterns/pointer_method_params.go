package main

import "fmt"

type Vec struct{ X, Y int }

type Body struct {
	pos, vel Vec
	name     string
}

func (b *Body) Step(dt int, out *Vec) {
	b.pos.X += b.vel.X * dt
	b.pos.Y += b.vel.Y * dt
	out.X = b.pos.X
	out.Y = b.pos.Y
}

func (b *Body) Dist(o *Body) int {
	dx, dy := b.pos.X-o.pos.X, b.pos.Y-o.pos.Y
	return dx*dx + dy*dy
}

func main() {
	a := &Body{vel: Vec{1, 2}, name: "a"}
	b := &Body{pos: Vec{5, 5}, name: "b"}
	var v Vec
	for i := 0; i < 3; i++ {
		a.Step(2, &v)
	}
	fmt.Println(v, a.Dist(b), b.Dist(a))
}
