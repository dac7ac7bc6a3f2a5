// Command panic_explicit validates configuration and calls panic with a message when it
// meets an impossible value.
package main

import "fmt"

type Mode int

const (
	ModeFast Mode = iota
	ModeSafe
)

func describe(m Mode) string {
	switch m {
	case ModeFast:
		return "fast"
	case ModeSafe:
		return "safe"
	}
	panic(fmt.Sprintf("invalid mode %d", int(m)))
}

func main() {
	for _, m := range []Mode{ModeFast, ModeSafe, Mode(7)} {
		fmt.Println("mode:", describe(m))
	}
	fmt.Println("unreachable")
}
