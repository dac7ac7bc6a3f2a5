package main

import "fmt"

type Wave struct {
	Name string
	Amp  complex128
	Low  complex64
}

func main() {
	w := Wave{"a", complex(1, 2), complex(0.5, -1)}
	v := w
	v.Amp *= 2
	fmt.Println(w, v, w == v, w.Amp+v.Amp)
	fmt.Printf("%v %+v\n", w, v)
	ws := []Wave{w, v}
	fmt.Println(len(ws), real(ws[1].Amp), imag(ws[1].Low))
	p := &Wave{Amp: 3i}
	p.Amp += 1
	fmt.Println(*p)
}
