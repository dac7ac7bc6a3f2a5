// A job runner with optional hooks: function-typed fields left nil when the caller does not
// care, tested with `!= nil` before each call, a lookup table of handlers whose missing
// entries are nil, and a nil function called by mistake (recovered).
package main

import (
	"errors"
	"fmt"
	"strings"
)

type Hooks struct {
	BeforeEach func(name string)
	OnError    func(name string, err error) (retry bool)
	AfterAll   func(done, failed int)
}

type Job struct {
	Name string
	Run  func(attempt int) error
}

func runAll(jobs []Job, h Hooks) {
	done, failed := 0, 0
	for _, j := range jobs {
		if h.BeforeEach != nil {
			h.BeforeEach(j.Name)
		}
		for attempt := 1; ; attempt++ {
			err := j.Run(attempt)
			if err == nil {
				done++
				break
			}
			if h.OnError == nil || !h.OnError(j.Name, err) {
				failed++
				break
			}
		}
	}
	if h.AfterAll != nil {
		h.AfterAll(done, failed)
	}
}

type handler func(args []string) string

var handlers = map[string]handler{
	"upper": func(args []string) string { return strings.ToUpper(strings.Join(args, " ")) },
	"count": func(args []string) string { return fmt.Sprint(len(args)) },
}

func dispatch(cmd string, args ...string) string {
	h := handlers[cmd]
	if h == nil {
		return "unknown command " + cmd
	}
	return h(args)
}

func main() {
	flaky := 0
	jobs := []Job{
		{"build", func(int) error { return nil }},
		{"test", func(attempt int) error {
			flaky++
			if attempt < 3 {
				return fmt.Errorf("attempt %d: flaky", attempt)
			}
			return nil
		}},
		{"deploy", func(int) error { return errors.New("no credentials") }},
	}

	fmt.Println("-- no hooks")
	runAll(jobs, Hooks{})

	fmt.Println("-- all hooks")
	runAll(jobs, Hooks{
		BeforeEach: func(name string) { fmt.Println("start", name) },
		OnError: func(name string, err error) bool {
			fmt.Println("  ", name, "failed:", err)
			return strings.Contains(err.Error(), "flaky")
		},
		AfterAll: func(done, failed int) { fmt.Printf("done %d, failed %d\n", done, failed) },
	})
	fmt.Println("test ran", flaky, "times")

	fmt.Println(dispatch("upper", "hello", "hooks"))
	fmt.Println(dispatch("count", "a", "b", "c"))
	fmt.Println(dispatch("delete", "x"))

	var cleanup func()
	fmt.Println("cleanup set:", cleanup != nil)
	defer func() {
		fmt.Println("recovered:", recover())
	}()
	cleanup()
}
