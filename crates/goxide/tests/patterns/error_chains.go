package main

import (
	"errors"
	"fmt"
	"strings"
)

var ErrUnexpected = errors.New("unexpected character")

// LexError wraps a sentinel: errors.Is and errors.As follow its Unwrap.
type LexError struct {
	Pos int
	Err error
}

func (e *LexError) Error() string { return fmt.Sprintf("at %d: %v", e.Pos, e.Err) }
func (e *LexError) Unwrap() error { return e.Err }

func lex(src string) error {
	if i := strings.IndexAny(src, "$#"); i >= 0 {
		return fmt.Errorf("lex %q: %w", src, &LexError{Pos: i, Err: ErrUnexpected})
	}
	return nil
}

func main() {
	err := lex("2 $ 3")
	var le *LexError
	fmt.Println(err, errors.Is(err, ErrUnexpected), errors.As(err, &le) && le.Pos == 2)
}

// OpError is an error by value; its Unwrap returns a field, the error's source.
type OpError struct {
	Op  string
	Err error
}

func (e OpError) Error() string { return e.Op + ": " + e.Err.Error() }
func (e OpError) Unwrap() error { return e.Err }

func init() {
	err := fmt.Errorf("load: %w", OpError{Op: "open", Err: ErrUnexpected})
	var oe OpError
	fmt.Println(err, errors.Is(err, ErrUnexpected), errors.As(err, &oe), oe.Op)
}
