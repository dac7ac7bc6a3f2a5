// Command sprintf_building builds strings with fmt.Sprintf, fmt.Sprint and fmt.Sprintln,
// as a service might when formatting log lines and reports.
package main

import (
	"fmt"
	"strings"
)

type LogEntry struct {
	Level   string
	Code    int
	Message string
	Elapsed float64
}

func (e LogEntry) Format() string {
	return fmt.Sprintf("[%-5s] %03d %s (%.1fms)", e.Level, e.Code, e.Message, e.Elapsed)
}

func table(headers []string, rows [][]string) string {
	var b strings.Builder
	b.WriteString(strings.Join(headers, " | "))
	b.WriteString("\n")
	for _, row := range rows {
		b.WriteString(fmt.Sprintf("%s\n", strings.Join(row, " | ")))
	}
	return b.String()
}

func main() {
	entries := []LogEntry{
		{"INFO", 200, "request served", 12.345},
		{"WARN", 429, "rate limited", 0.5},
		{"ERROR", 5, "upstream timeout", 3000},
	}
	var lines []string
	for _, e := range entries {
		lines = append(lines, e.Format())
	}
	fmt.Println(strings.Join(lines, "\n"))

	s := fmt.Sprint("a", 1, 2, "b", "c", 3.5, true)
	fmt.Println(s, len(s))
	ln := fmt.Sprintln("x", 1, 2)
	fmt.Printf("%q\n", ln)
	id := fmt.Sprintf("%s-%04d", "ORD", 17)
	fmt.Println(id)
	fmt.Print(table([]string{"name", "qty"}, [][]string{{"apple", "3"}, {"pear", "10"}}))
	msg := fmt.Sprintf("%d items at %v each = %.2f", 3, 1.25, 3*1.25)
	fmt.Println(msg)
	fmt.Println(fmt.Sprintf("%v|%v|%v", []string{"x"}, map[string]int{"b": 2, "a": 1}, struct{}{}))
	err := fmt.Errorf("lookup %q: %w", "key", fmt.Errorf("not found"))
	fmt.Println(err)
}
