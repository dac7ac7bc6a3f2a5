// Function parameters that are only called (callbacks, visitors, predicates) borrow the
// caller's closure for the call: `&mut dyn FnMut(…)`. The literals passed to them borrow what
// they capture, so the variables they change need no shared cell.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Tree struct {
	Key         string
	Count       int
	Left, Right *Tree
}

func insert(t *Tree, key string) *Tree {
	if t == nil {
		return &Tree{Key: key, Count: 1}
	}
	switch {
	case key < t.Key:
		t.Left = insert(t.Left, key)
	case key > t.Key:
		t.Right = insert(t.Right, key)
	default:
		t.Count++
	}
	return t
}

// inOrder calls visit for every node, smallest key first, and passes visit on.
func inOrder(t *Tree, visit func(key string, count int)) {
	if t == nil {
		return
	}
	inOrder(t.Left, visit)
	visit(t.Key, t.Count)
	inOrder(t.Right, visit)
}

func filter(words []string, keep func(string) bool) []string {
	var out []string
	for _, w := range words {
		if keep(w) {
			out = append(out, w)
		}
	}
	return out
}

func retry(attempts int, op func(try int) error) error {
	var err error
	for i := 1; i <= attempts; i++ {
		if err = op(i); err == nil {
			return nil
		}
	}
	return fmt.Errorf("after %d attempts: %w", attempts, err)
}

var errBusy = errors.New("busy")

func isShort(w string) bool { return len(w) <= 3 }

func main() {
	text := "the quick brown fox jumps over the lazy dog the end"
	var root *Tree
	for _, w := range strings.Fields(text) {
		root = insert(root, w)
	}

	// The visitor changes three locals: each is a plain variable the closure borrows.
	distinct, total := 0, 0
	var repeated []string
	inOrder(root, func(key string, count int) {
		distinct++
		total += count
		if count > 1 {
			repeated = append(repeated, key)
		}
	})
	fmt.Println(distinct, "distinct of", total, "repeated:", repeated)

	// A predicate reading a variable nothing changes, and a named function.
	minLen := 4
	long := filter(strings.Fields(text), func(w string) bool { return len(w) >= minLen })
	fmt.Println(long, filter(strings.Fields(text), isShort))

	// An operation retried until it succeeds, counting its calls.
	calls := 0
	err := retry(3, func(try int) error {
		calls++
		if try < 2 {
			return errBusy
		}
		return nil
	})
	fmt.Println("calls:", calls, "err:", err)
	err = retry(2, func(int) error { calls++; return errBusy })
	fmt.Println("calls:", calls, "err:", err, errors.Is(err, errBusy))

	// A standard-library callback (sort.Slice) next to the package's own.
	sort.Slice(repeated, func(i, j int) bool { return repeated[i] > repeated[j] })
	fmt.Println(repeated)
}
