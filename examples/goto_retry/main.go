// Command goto_retry uses goto the way low-level Go code does: a retry label for a flaky
// operation, a shared cleanup label at the end of a function, and a backward jump that
// scans tokens.
package main

import "fmt"

var attempts = map[string]int{"db": 3, "cache": 1, "queue": 9}

// connect fails until the service has been tried attempts[name] times.
func connect(name string, try int) bool { return try >= attempts[name] }

func dial(name string, maxTries int) (int, bool) {
	try := 0
retry:
	try++
	if !connect(name, try) {
		if try < maxTries {
			fmt.Printf("  %s: attempt %d failed, retrying\n", name, try)
			goto retry
		}
		return try, false
	}
	return try, true
}

func process(input []int) (out []int, status string) {
	if len(input) == 0 {
		status = "empty"
		goto done
	}
	for _, v := range input {
		if v < 0 {
			status = fmt.Sprintf("negative value %d", v)
			goto done
		}
		out = append(out, v*v)
	}
	status = "ok"
done:
	fmt.Println("  cleanup after", len(out), "values")
	return out, status
}

func countWords(s string) int {
	i, words := 0, 0
next:
	for i < len(s) && s[i] == ' ' {
		i++
	}
	if i == len(s) {
		return words
	}
	words++
	for i < len(s) && s[i] != ' ' {
		i++
	}
	goto next
}

func main() {
	for _, svc := range []string{"cache", "db", "queue"} {
		tries, ok := dial(svc, 4)
		fmt.Println(svc, "connected:", ok, "after", tries)
	}
	for _, in := range [][]int{{1, 2, 3}, nil, {4, -5, 6}} {
		out, status := process(in)
		fmt.Println(out, status)
	}
	fmt.Println(countWords("  go  to   considered harmful "), countWords(""), countWords("x"))
}
