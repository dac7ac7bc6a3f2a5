// A small logging layer: an interface with variadic methods, implemented by a value type and a
// pointer type, values passed on from value receivers, and comparisons between interface values.
package main

import (
	"errors"
	"fmt"
	"strings"
)

// Logger records formatted lines and metric samples.
type Logger interface {
	Logf(format string, args ...any)
	Observe(name string, samples ...float64) float64
}

// Level is a small value type: methods with value receivers pass it on by value.
type Level struct {
	Rank int
	Tag  byte
}

func (l Level) Above(other Level) bool { return compare(l, other) > 0 }

func (l Level) Next() Level { return bump(l) }

func compare(a, b Level) int { return a.Rank - b.Rank }

func bump(l Level) Level { return Level{Rank: l.Rank + 1, Tag: l.Tag + 1} }

// Console writes lines with a prefix.
type Console struct {
	prefix string
	level  Level
}

func (c Console) Logf(format string, args ...any) {
	fmt.Printf(c.prefix+format+"\n", args...)
}

func (c Console) Observe(name string, samples ...float64) float64 {
	total := 0.0
	for _, s := range samples {
		total += s
	}
	fmt.Printf("%s%s: %d samples, total %.1f\n", c.prefix, name, len(samples), total)
	return total
}

// Memory keeps what it is given.
type Memory struct {
	lines []string
	sums  map[string]float64
}

func (m *Memory) Logf(format string, args ...any) {
	m.lines = append(m.lines, fmt.Sprintf(format, args...))
}

func (m *Memory) Observe(name string, samples ...float64) float64 {
	if m.sums == nil {
		m.sums = map[string]float64{}
	}
	for _, s := range samples {
		m.sums[name] += s
	}
	return m.sums[name]
}

var ErrClosed = errors.New("logger closed")

func emit(loggers []Logger, format string, args ...any) {
	for _, l := range loggers {
		l.Logf(format, args...)
	}
}

func main() {
	mem := &Memory{}
	loggers := []Logger{Console{prefix: "> "}, mem}

	emit(loggers, "starting %d workers", 3)
	emit(loggers, "no arguments")
	for _, l := range loggers {
		l.Observe("latency", 1.5, 2.5, 4)
		l.Observe("empty")
	}
	xs := []float64{10, 20}
	fmt.Println("memory latency:", mem.Observe("latency", xs...))
	fmt.Println("memory lines:", strings.Join(mem.lines, " | "))

	info := Level{Rank: 1, Tag: 'i'}
	warn := info.Next()
	fmt.Println(warn.Above(info), info.Above(warn), string(warn.Tag))

	// Interface values compare by dynamic type and value; errors and pointers by identity.
	var last any = ErrClosed
	err := error(ErrClosed)
	fmt.Println(last == err, last == any(errors.New("logger closed")))
	var a, b any = mem, mem
	var c any = &Memory{}
	fmt.Println(a == b, a == c)
	var l1, l2 Logger = mem, mem
	fmt.Println(l1 == l2)
}
