package main

import "fmt"

type Point struct{ X, Y int }

type Reader interface{ Read() int }
type File struct{ n int }

func (f *File) Read() int { return f.n }

func open() (*File, bool) { return &File{3}, true }

// The first result is converted to an interface type on return.
func reader() (Reader, bool) {
	return open()
}

func pair() (int, string) { return 1, "one" }

func main() {
	defer func() {
		if p, ok := recover().(Point); ok {
			fmt.Println("recovered", p.X, p.Y)
		}
	}()
	r, _ := reader()
	println(pair())
	fmt.Println(r.Read())
	panic(Point{1, 2})
}

// A value Go prints as its type and address.
func fail(ps []*Point) {
	if len(ps) == 0 {
		panic(ps)
	}
}
