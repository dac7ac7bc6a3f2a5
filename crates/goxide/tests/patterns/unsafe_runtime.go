package main

import (
	"fmt"
	"runtime"
	"unsafe"
)

type pair struct {
	a int8
	b int64
	c string
}

type box[T any] struct {
	v T
	n int32
}

func sizeOf[T any](x T) uintptr {
	return unsafe.Sizeof(x)
}

func (b *box[T]) offset() uintptr {
	return unsafe.Offsetof(b.n)
}

func main() {
	var p pair
	fmt.Println(unsafe.Sizeof(p), unsafe.Alignof(p), unsafe.Offsetof(p.c))
	fmt.Println(sizeOf(int16(1)), sizeOf("s"))
	var b box[[3]int64]
	fmt.Println(b.offset())

	s := make([]int, 3)
	a0 := uintptr(unsafe.Pointer(&s[0]))
	a1 := uintptr(unsafe.Pointer(&s[1]))
	fmt.Println(a1-a0, s[0])
	q := new(pair)
	fmt.Println(uintptr(unsafe.Pointer(q)) != 0)

	_, file, line, ok := runtime.Caller(0)
	fmt.Println(file != "", line, ok)
	buf := make([]byte, 512)
	n := runtime.Stack(buf, false)
	fmt.Println(n > 0)
}
