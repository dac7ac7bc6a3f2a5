// Parses whitespace-separated records and formatted lines with fmt.Sscan, Sscanln and Sscanf,
// reporting Go's errors for input that does not fit.
package main

import (
	"errors"
	"fmt"
	"io"
)

type reading struct {
	sensor string
	value  float64
	ok     bool
}

func parseReading(line string) (reading, error) {
	var r reading
	n, err := fmt.Sscan(line, &r.sensor, &r.value, &r.ok)
	if err != nil {
		return r, fmt.Errorf("read %d of 3 fields: %w", n, err)
	}
	return r, nil
}

func main() {
	for _, line := range []string{"temp 21.5 true", "humidity 40 false", "wind", "rain x true"} {
		r, err := parseReading(line)
		if err != nil {
			fmt.Println("error:", err, "| EOF:", errors.Is(err, io.EOF))
			continue
		}
		fmt.Printf("%s=%.1f ok=%v\n", r.sensor, r.value, r.ok)
	}

	var name string
	var age int
	n, err := fmt.Sscanf("name=ada age=36", "name=%s age=%d", &name, &age)
	fmt.Println(n, err, name, age)
	var h, m, s int
	n, err = fmt.Sscanf("12:34:56", "%d:%d:%d", &h, &m, &s)
	fmt.Println(n, err, h*3600+m*60+s)
	n, err = fmt.Sscanf("12-34", "%d:%d", &h, &m)
	fmt.Println(n, err)

	var x, y int
	n, err = fmt.Sscanln("3 4", &x, &y)
	fmt.Println(n, err, x+y)
	var small uint8
	n, err = fmt.Sscan("300", &small)
	fmt.Println(n, err)
	var count int
	n, err = fmt.Sscan("  42  ", &count)
	fmt.Println(n, err, count)
}
