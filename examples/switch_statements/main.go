// Command switch_statements shows tag switches, tagless switches, switches with an init
// statement, several values per case, default placement and fallthrough.
package main

import "fmt"

func httpStatusText(code int) string {
	switch code {
	case 200:
		return "OK"
	case 301, 302, 307:
		return "Redirect"
	case 404:
		return "Not Found"
	default:
		return "Unknown"
	case 500, 502, 503:
		return "Server Error"
	}
}

func sizeClass(n int) string {
	switch {
	case n < 10:
		return "small"
	case n < 100:
		return "medium"
	default:
		return "large"
	}
}

func privileges(level int) []string {
	var out []string
	switch level {
	case 3:
		out = append(out, "admin")
		fallthrough
	case 2:
		out = append(out, "write")
		fallthrough
	case 1:
		out = append(out, "read")
	case 0:
		out = append(out, "none")
	}
	return out
}

func main() {
	for _, c := range []int{200, 302, 404, 418, 503} {
		fmt.Println(c, httpStatusText(c))
	}
	fmt.Println(sizeClass(3), sizeClass(42), sizeClass(1000))
	for l := 0; l <= 4; l++ {
		fmt.Println(l, privileges(l), len(privileges(l)))
	}
	switch day := 6; day {
	case 0, 6:
		fmt.Println("weekend")
	default:
		fmt.Println("weekday")
	}
	switch x := 5; {
	case x > 3:
		fmt.Println("x > 3")
		if x == 5 {
			break
		}
		fmt.Println("not printed")
	case x > 1:
		fmt.Println("x > 1")
	}
	cmd := "stop"
	switch cmd {
	case "start":
		fmt.Println("starting")
	case "stop":
	}
	fmt.Println("done")
}
