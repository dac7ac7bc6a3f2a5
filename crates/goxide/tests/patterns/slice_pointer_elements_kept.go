package main

import "fmt"

// Each type below keeps its `[]*T` as shared pointers (see `slice_pointer_elements` for the
// `Vec<T>` form): something would stop a `Vec<T>` from sharing the values as Go's pointers do.

// A getter hands out the slice: the caller's copy of the pointers shares the jobs.
type Job struct{ Tries int }

type Queue struct{ jobs []*Job }

func (q *Queue) Jobs() []*Job { return q.jobs }

// A deferred call holds an element past its statement.
type Conn struct {
	ID     int
	closed bool
}

func (c *Conn) Close() {
	c.closed = true
	fmt.Println("closed", c.ID)
}

// A pointer copied out of the slice is used while the slice is too.
type Acc struct{ N int }

// A constructor that may return nil (with its error): an element could be nil.
type Cfg struct{ Name string }

func parse(s string) (*Cfg, error) {
	if s == "" {
		return nil, fmt.Errorf("empty")
	}
	return &Cfg{Name: s}, nil
}

// A method called on one element with an argument that reads the slice: Rust would borrow the
// slice twice, once to change.
type Meter struct {
	Total int
}

func (m *Meter) Add(n int) { m.Total += n }

func main() {
	q := &Queue{jobs: []*Job{{}}}
	q.Jobs()[0].Tries++
	fmt.Println(q.jobs[0].Tries)

	conns := []*Conn{{ID: 1}}
	defer conns[0].Close()

	accs := []*Acc{{N: 1}}
	first := accs[0]
	accs = append(accs, &Acc{N: 2})
	first.N = 10
	fmt.Println(accs[0].N, len(accs))

	var cfgs []*Cfg
	for _, s := range []string{"a", ""} {
		c, err := parse(s)
		if err == nil {
			cfgs = append(cfgs, c)
		}
	}
	cfgs[0].Name += "!"
	fmt.Println(len(cfgs), cfgs[0].Name)

	meters := []*Meter{{Total: 1}, {Total: 2}}
	meters[0].Add(meters[1].Total)
	fmt.Println(meters[0].Total)
}
