package main

import (
	"fmt"
	"log"
	"math/rand"
	"reflect"
	"runtime"
	"runtime/debug"
	"strconv"
	"unicode/utf8"
)

type point struct{ x, y int }

func apply(xs []int, f func(int) string) []string {
	var out []string
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func trace() int {
	var pcs [16]uintptr
	runtime.Callers(1, pcs[:])
	p := &point{3, 4}
	runtime.SetFinalizer(p, func(*point) { panic("freed too early") })
	return p.x
}

func main() {
	a := [3]float64{1, 2, 3}
	b := [3]float64{1, 2, 3}
	fmt.Println(reflect.DeepEqual(a, b))
	p, q := &point{1, 2}, &point{1, 2}
	fmt.Println(reflect.DeepEqual(p, q), reflect.DeepEqual(*p, point{2, 1}))
	got := apply([]int{1, 2}, strconv.Itoa)
	fmt.Println(reflect.DeepEqual(got, []string{"1", "2"}))
	var x interface{} = 1
	fmt.Println(reflect.DeepEqual(x, 1))

	rand.Seed(7)
	n := rand.Intn(10) + int(rand.Int31n(3)) + int(rand.Uint32()%2)
	fmt.Println(n >= 0, rand.Float64() < 1)

	old := debug.SetGCPercent(50)
	fmt.Println(old, debug.SetMaxStack(1<<20))
	runtime.GC()
	fmt.Println(trace())

	r, size := utf8.DecodeRune([]byte("héllo")[1:])
	fmt.Println(r, size, utf8.Valid([]byte{0xff}))

	if n < 0 {
		runtime.Breakpoint()
		log.Fatalf("negative: %d", n)
	}
	log.Println("done", n)
}
