// Access-log statistics: lines parsed with a regexp, timestamps with time.Parse(RFC3339),
// latencies per path in a map of pointers, a report built in a strings.Builder, and the
// time span formatted with Go layouts.
package main

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

type Entry struct {
	At      time.Time
	Level   string
	Latency time.Duration
	Path    string
	Status  int
}

var lineRE = regexp.MustCompile(`^(\S+) (\w+) (\S+) (\d{3}) (\d+)ms$`)

func parse(line string) (Entry, error) {
	m := lineRE.FindStringSubmatch(line)
	if m == nil {
		return Entry{}, fmt.Errorf("no match: %q", line)
	}
	at, err := time.Parse(time.RFC3339, m[1])
	if err != nil {
		return Entry{}, err
	}
	status, _ := strconv.Atoi(m[4])
	ms, _ := strconv.Atoi(m[5])
	return Entry{At: at, Level: m[2], Path: m[3], Status: status, Latency: time.Duration(ms) * time.Millisecond}, nil
}

type stats struct {
	count int
	total time.Duration
	max   time.Duration
}

func main() {
	input := `2024-03-01T10:00:00Z INFO /api/users 200 12ms
2024-03-01T10:00:01Z WARN /api/users 429 3ms
garbage line
2024-03-01T10:00:05Z INFO /api/orders 200 40ms
2024-03-01T10:01:00Z ERROR /api/orders 500 250ms
2024-03-01T10:02:30Z INFO /api/users 200 8ms`
	sc := bufio.NewScanner(strings.NewReader(input))
	byPath := map[string]*stats{}
	var first, last time.Time
	bad := 0
	for sc.Scan() {
		e, err := parse(sc.Text())
		if err != nil {
			fmt.Fprintln(os.Stderr, "skip:", err)
			bad++
			continue
		}
		if first.IsZero() || e.At.Before(first) {
			first = e.At
		}
		if e.At.After(last) {
			last = e.At
		}
		s, ok := byPath[e.Path]
		if !ok {
			s = &stats{}
			byPath[e.Path] = s
		}
		s.count++
		s.total += e.Latency
		if e.Latency > s.max {
			s.max = e.Latency
		}
	}
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	for _, p := range paths {
		s := byPath[p]
		fmt.Fprintf(&b, "%-12s n=%d avg=%v max=%v\n", p, s.count, s.total/time.Duration(s.count), s.max)
	}
	fmt.Print(b.String())
	fmt.Println("span", last.Sub(first), "bad", bad, first.Format("15:04:05"), last.Format(time.Kitchen))
}
