// Command package_defaults keeps its default settings behind package-level pointers that
// nothing changes: the translation holds each pointee as an immutable static.
package main

import (
	"fmt"
	"strings"
)

type Settings struct {
	Host     string
	Port     int
	Retries  int
	Backoffs [3]int
}

func (s *Settings) Addr() string {
	return fmt.Sprintf("%s:%d", s.Host, s.Port)
}

func (s Settings) TotalBackoff() int {
	total := 0
	for _, b := range s.Backoffs {
		total += b
	}
	return total
}

// DefaultSettings is what a service starts from; callers copy it before changing anything.
var DefaultSettings = &Settings{Host: "localhost", Port: 8080, Retries: 3, Backoffs: [3]int{10, 20, 40}}

// statusText maps a few codes to their text, through a pointer to a fixed table.
var statusText = &[4]string{"ok", "moved", "client error", "server error"}

// override is never set in this program: every lookup falls back to the defaults.
var override *Settings

func effective() Settings {
	if override != nil {
		return *override
	}
	return *DefaultSettings
}

func describe(s *Settings) string {
	return strings.Join([]string{s.Addr(), fmt.Sprint(s.Retries, " retries")}, ", ")
}

func status(code int) string {
	i := code/100 - 2
	if i < 0 || i >= len(statusText) {
		return "unknown"
	}
	return statusText[i]
}

func main() {
	fmt.Println("default:", describe(DefaultSettings))
	custom := effective()
	custom.Port = 9090
	custom.Backoffs[0] = 5
	fmt.Println("custom:", describe(&custom), custom.TotalBackoff())
	fmt.Println("default still:", DefaultSettings.Addr(), DefaultSettings.TotalBackoff())
	for _, code := range []int{200, 301, 404, 503, 99} {
		fmt.Printf("%d %s\n", code, status(code))
	}
	fmt.Println("override set:", override != nil)
}
