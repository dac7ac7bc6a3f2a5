// Declarations of package cmp (Go 1.21 API, plus Or of Go 1.22), for type checking without a
// GOROOT.

package cmp

type Ordered interface {
	~int | ~int8 | ~int16 | ~int32 | ~int64 |
		~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr |
		~float32 | ~float64 |
		~string
}

func Less[T Ordered](x, y T) bool

func Compare[T Ordered](x, y T) int

func Or[T comparable](vals ...T) T
