package main

import (
	"fmt"
	"runtime"
	"testing"
)

var sink []int

type conn struct{ id int }

func closeConn(c *conn) { fmt.Println("closed", c.id) }

func dial() {
	c := &conn{1}
	runtime.SetFinalizer(c, closeConn)
	d := &conn{2}
	runtime.SetFinalizer(d, func(c *conn) { fmt.Println("dropped", c.id) })
	runtime.SetFinalizer(d, nil)
}

func grow() {
	sink = make([]int, 8)
}

func inuse() uint64 {
	runtime.GC()
	var st runtime.MemStats
	runtime.ReadMemStats(&st)
	return st.Alloc
}

func main() {
	runtime.MemProfileRate = 0
	before := inuse()
	m := new(runtime.MemStats)
	runtime.ReadMemStats(m)
	fmt.Println(m.NumGC >= 1, m.HeapAlloc == m.Alloc, before >= 0)
	n := testing.AllocsPerRun(10, grow)
	fmt.Println(n <= 1, len(sink))
	dial()
	runtime.GC()
}
