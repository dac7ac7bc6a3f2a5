package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	// `{1, 2}` in a `[]*Point` literal is `&Point{1, 2}`.
	ps := []*Point{{1, 2}, {X: 3}}
	m := map[string]*Point{"o": {}}
	ps[0].X = 10
	fmt.Println(ps[0].X, ps[1].X, m["o"].Y)
}
