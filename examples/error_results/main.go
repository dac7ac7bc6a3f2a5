// Functions returning (T, error) or error, and the checks of their errors: a service's
// loading, validating and saving steps.
package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

var ErrEmpty = errors.New("empty input")

type Item struct {
	Name  string
	Price int
}

type ValidationError struct {
	Field string
}

func (e *ValidationError) Error() string { return "invalid " + e.Field }

// parseItem returns the item, or the zero Item beside an error.
func parseItem(line string) (Item, error) {
	if line == "" {
		return Item{}, ErrEmpty
	}
	name, price, ok := strings.Cut(line, "=")
	if !ok {
		return Item{}, fmt.Errorf("parse %s: missing '='", line)
	}
	p, err := strconv.Atoi(price)
	if err != nil {
		return Item{}, fmt.Errorf("parse %s: %w", line, err)
	}
	return Item{Name: name, Price: p}, nil
}

// validate returns only an error.
func validate(it Item) error {
	if it.Price < 0 {
		return &ValidationError{Field: "price"}
	}
	if it.Name == "" {
		return &ValidationError{Field: "name"}
	}
	return nil
}

// load hands errors on unchanged: each check is `?`.
func load(line string) (Item, error) {
	it, err := parseItem(line)
	if err != nil {
		return Item{}, err
	}
	if err := validate(it); err != nil {
		return Item{}, err
	}
	return it, nil
}

// total wraps what it hands on, and its last step hands on another function's result.
func total(lines []string) (int, error) {
	sum := 0
	for i, l := range lines {
		it, err := load(l)
		if err != nil {
			return 0, fmt.Errorf("line %d: %w", i+1, err)
		}
		sum += it.Price
	}
	return checkTotal(sum)
}

func checkTotal(sum int) (int, error) {
	if sum > 1000 {
		return 0, errors.New("total over budget")
	}
	return sum, nil
}

type Store struct {
	items []Item
	saved int
}

// Save is a method returning only an error.
func (s *Store) Save(it Item) error {
	if err := validate(it); err != nil {
		return fmt.Errorf("save: %w", err)
	}
	s.items = append(s.items, it)
	s.saved++
	return nil
}

// lookup returns a partly filled value beside its error: Go's pair stays.
func lookup(s *Store, name string) (Item, error) {
	for _, it := range s.items {
		if it.Name == name {
			return it, nil
		}
	}
	return Item{Name: name}, errors.New("not found")
}

func main() {
	for _, l := range []string{"tea=3", "", "cake", "jam=x", "=4", "soup=-1"} {
		it, err := load(l)
		if err != nil {
			var ve *ValidationError
			fmt.Println("error:", err, errors.Is(err, ErrEmpty))
			if errors.As(err, &ve) {
				fmt.Println("  field:", ve.Field)
			}
			continue
		}
		fmt.Println("item:", it.Name, it.Price)
	}

	n, err := total([]string{"a=1", "b=2", "c=3"})
	fmt.Println(n, err)
	n, err = total([]string{"a=1", "b=x"})
	fmt.Println(n, err)
	if _, err := total([]string{"a=999", "b=2"}); err != nil {
		fmt.Println("budget:", err)
	}

	s := &Store{}
	for _, it := range []Item{{"tea", 3}, {"", 1}, {"jam", 5}} {
		if err := s.Save(it); err != nil {
			fmt.Println(err)
		}
	}
	s.Save(Item{"bad", -1}) // the error is dropped
	fmt.Println("saved", s.saved, len(s.items))

	it, err := lookup(s, "jam")
	fmt.Println(it, err)
	it, err = lookup(s, "milk")
	fmt.Println(it, err)

	// An error kept past its check: Go's pair.
	it2, err2 := parseItem("pie=7")
	defer fmt.Println("deferred:", it2.Name, err2)
	fmt.Println(validate(Item{"x", -5}) != nil)
}
