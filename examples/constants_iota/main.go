// Command constants_iota shows untyped constants, typed constants and iota enumerations.
package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
	Wednesday
	Thursday
	Friday
	Saturday
)

type ByteSize uint64

const (
	_           = iota
	KB ByteSize = 1 << (10 * iota)
	MB
	GB
	TB
)

type Permission uint8

const (
	Read Permission = 1 << iota
	Write
	Execute
)

const (
	Big       = 1 << 62
	Huge      = Big * Big // untyped: exceeds int64 but fine as a constant
	Back      = Huge >> 64
	Pi        = 3.14159265358979
	TwoPi     = 2 * Pi
	Greeting  = "hi"
	MaxUint16 = 1<<16 - 1
)

const timeoutSeconds int64 = 30

func main() {
	fmt.Println(Sunday, Wednesday, Saturday)
	fmt.Println("weekend?", isWeekend(Saturday), isWeekend(Tuesday))
	fmt.Println(KB, MB, GB, TB)
	fmt.Println(Read, Write, Execute, Read|Execute)
	perms := Read | Write
	fmt.Println("can write:", perms&Write != 0, "can exec:", perms&Execute != 0)
	fmt.Println(Big, Back)
	fmt.Println(TwoPi, Greeting, MaxUint16)
	var ms int64 = timeoutSeconds * 1000
	fmt.Println("timeout ms:", ms)
	const ratio = 7 / 2
	const fratio = 7 / 2.0
	fmt.Println(ratio, fratio)
	var f float32 = Pi
	fmt.Println(f)
}

func isWeekend(d Weekday) bool {
	return d == Saturday || d == Sunday
}
