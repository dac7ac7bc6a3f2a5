// Command methods_receivers shows methods with value receivers and pointer receivers,
// methods on non-struct named types, and a String method used by fmt.
package main

import "fmt"

type Rect struct {
	W, H float64
}

func (r Rect) Area() float64 { return r.W * r.H }

func (r Rect) Perimeter() float64 { return 2 * (r.W + r.H) }

func (r *Rect) Scale(f float64) {
	r.W *= f
	r.H *= f
}

func (r Rect) Resized(w float64) Rect {
	r.W = w
	return r
}

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

type Version struct {
	Major, Minor, Patch int
}

func (v Version) String() string {
	return fmt.Sprintf("v%d.%d.%d", v.Major, v.Minor, v.Patch)
}

func (v *Version) BumpMinor() {
	v.Minor++
	v.Patch = 0
}

func (v Version) Less(o Version) bool {
	if v.Major != o.Major {
		return v.Major < o.Major
	}
	if v.Minor != o.Minor {
		return v.Minor < o.Minor
	}
	return v.Patch < o.Patch
}

func main() {
	r := Rect{3, 4}
	fmt.Println(r.Area(), r.Perimeter())
	r.Scale(2)
	fmt.Println(r, r.Area())
	wide := r.Resized(20)
	fmt.Println(r.W, wide.W)
	p := &r
	p.Scale(0.5)
	fmt.Println(p.Area(), r)

	temps := []Celsius{-40, 0, 37, 100}
	for _, t := range temps {
		fmt.Printf("%.1f°C = %.1f°F\n", float64(t), t.Fahrenheit())
	}

	v := Version{1, 4, 2}
	fmt.Println(v)
	v.BumpMinor()
	fmt.Println(v.String())
	fmt.Printf("%v %s\n", v, v)
	fmt.Println(v.Less(Version{1, 5, 1}), v.Less(Version{1, 4, 9}))
}
