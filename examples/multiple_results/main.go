// Command multiple_results shows functions returning several values, named results and
// bare returns, and ignoring results with the blank identifier.
package main

import (
	"errors"
	"fmt"
)

func divmod(a, b int) (int, int) {
	return a / b, a % b
}

func minMax(xs []int) (min, max int) {
	if len(xs) == 0 {
		return
	}
	min, max = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < min {
			min = x
		}
		if x > max {
			max = x
		}
	}
	return
}

func parsePort(s string) (port int, err error) {
	if s == "" {
		err = errors.New("empty port")
		return
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, fmt.Errorf("invalid character %q in port %q", c, s)
		}
		port = port*10 + int(c-'0')
	}
	if port > 65535 {
		return 0, errors.New("port out of range")
	}
	return port, nil
}

func main() {
	q, r := divmod(47, 6)
	fmt.Println(q, r)
	_, rem := divmod(100, 7)
	fmt.Println("remainder only:", rem)
	lo, hi := minMax([]int{4, -2, 19, 7, 0})
	fmt.Println(lo, hi)
	fmt.Println(minMax(nil))
	for _, s := range []string{"8080", "", "80a", "70000", "443"} {
		p, err := parsePort(s)
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Println("port", p)
	}
}
