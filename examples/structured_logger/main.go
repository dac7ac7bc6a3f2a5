// A structured logger with pluggable sinks: a Level enum with a String method, events with
// tags, a sink behind an interface that keeps its events under a mutex, a custom error type
// found with errors.As, a sentinel wrapped with %w, counts per level printed as a map keyed by
// the enum, and a helper whose type switch takes fmt.Stringer values apart from errors.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

type Level int

const (
	Debug Level = iota
	Info
	Warn
)

func (l Level) String() string {
	switch l {
	case Debug:
		return "DEBUG"
	case Info:
		return "INFO"
	}
	return fmt.Sprintf("Level(%d)", int(l))
}

type Event struct {
	At    time.Duration
	Level Level
	Msg   string
	Tags  map[string]string
}

type Sink interface {
	Write(e Event) error
}

type MemSink struct {
	mu     sync.Mutex
	events []Event
}

func (m *MemSink) Write(e Event) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e.Msg == "" {
		return ErrEmpty
	}
	m.events = append(m.events, e)
	return nil
}

var ErrEmpty = errors.New("empty message")

type ValidationError struct {
	Field string
}

func (v *ValidationError) Error() string { return "invalid " + v.Field }

type Logger struct {
	sinks []Sink
	min   Level
	count map[Level]int
}

func NewLogger(min Level, sinks ...Sink) *Logger {
	return &Logger{sinks: sinks, min: min, count: map[Level]int{}}
}

func (l *Logger) Log(lv Level, msg string, kv ...string) error {
	if lv < l.min {
		return nil
	}
	if len(kv)%2 != 0 {
		return &ValidationError{Field: "kv"}
	}
	tags := map[string]string{}
	for i := 0; i < len(kv); i += 2 {
		tags[kv[i]] = kv[i+1]
	}
	l.count[lv]++
	var errs []string
	for _, s := range l.sinks {
		if err := s.Write(Event{At: time.Duration(l.count[lv]) * time.Millisecond, Level: lv, Msg: msg, Tags: tags}); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("log %q: %w", msg, ErrEmpty)
	}
	return nil
}

func summarize(v interface{}) string {
	switch x := v.(type) {
	case fmt.Stringer:
		return "S:" + x.String()
	case error:
		return "E:" + x.Error()
	case []string:
		return strings.Join(x, ",")
	}
	return fmt.Sprint(v)
}

func main() {
	mem := &MemSink{}
	log := NewLogger(Info, mem)
	fmt.Println(log.Log(Debug, "hidden"))
	fmt.Println(log.Log(Info, "started", "port", "8080"))
	fmt.Println(log.Log(Warn, "odd", "k"))
	err := log.Log(Warn, "")
	fmt.Println(err, errors.Is(err, ErrEmpty))
	var ve *ValidationError
	if errors.As(log.Log(Info, "x", "a"), &ve) {
		fmt.Println("field", ve.Field)
	}
	keys := make([]string, 0)
	for k := range mem.events[0].Tags {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Println(keys, len(mem.events), mem.events[0].Level, mem.events[0].At)
	levels := []Level{Warn, Debug, Info}
	sort.Slice(levels, func(i, j int) bool { return levels[i] < levels[j] })
	fmt.Println(levels, log.count)
	fmt.Println(summarize(Info), summarize(ErrEmpty), summarize([]string{"a", "b"}), summarize(3))
}
