// Command errors_wrapping loads user records through a chain of (T, error) functions,
// wrapping errors with %w, matching sentinels with errors.Is and reporting a custom error type.
package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

var ErrNotFound = errors.New("not found")

// ParseError reports a malformed field in a record.
type ParseError struct {
	Line  int
	Field string
}

func (e ParseError) Error() string {
	return fmt.Sprintf("line %d: bad %s", e.Line, e.Field)
}

type User struct {
	Name string
	Age  int
}

var db = map[string]string{
	"ada":   "Ada Lovelace,36",
	"alan":  "Alan Turing,forty-one",
	"grace": "Grace Hopper",
}

func fetch(id string) (string, error) {
	rec, ok := db[id]
	if !ok {
		return "", ErrNotFound
	}
	return rec, nil
}

func parse(rec string) (User, error) {
	parts := strings.Split(rec, ",")
	if len(parts) != 2 {
		return User{}, ParseError{Line: 1, Field: "record"}
	}
	age, err := strconv.Atoi(parts[1])
	if err != nil {
		return User{}, ParseError{Line: 1, Field: "age"}
	}
	return User{Name: parts[0], Age: age}, nil
}

func load(id string) (User, error) {
	rec, err := fetch(id)
	if err != nil {
		return User{}, fmt.Errorf("load %q: %w", id, err)
	}
	u, err := parse(rec)
	if err != nil {
		return User{}, fmt.Errorf("load %q: %w", id, err)
	}
	return u, nil
}

func main() {
	for _, id := range []string{"ada", "bob", "alan", "grace"} {
		u, err := load(id)
		switch {
		case err == nil:
			fmt.Printf("ok: %s is %d\n", u.Name, u.Age)
		case errors.Is(err, ErrNotFound):
			fmt.Println("missing:", err)
		default:
			fmt.Println("invalid:", err)
		}
	}
	for _, rec := range []string{"Linus,54", "Ken", "Rob,x"} {
		if _, err := parse(rec); err != nil {
			fmt.Printf("%q: %s\n", rec, err.Error())
		} else {
			fmt.Printf("%q: fine\n", rec)
		}
	}
	_, err := load("bob")
	inner := errors.Unwrap(err)
	fmt.Println(inner == ErrNotFound, errors.Unwrap(inner) == nil)
	wrapped := fmt.Errorf("request failed: %w", err)
	fmt.Println(wrapped)
	fmt.Println(errors.Is(wrapped, ErrNotFound), errors.Is(wrapped, errors.New("not found")))
}
