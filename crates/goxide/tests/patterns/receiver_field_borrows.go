package main

import "fmt"

type Job struct {
	ID    int
	State string
	Tries int
}

type Queue struct {
	limit int
	jobs  []Job
	log   []string
}

func attempt(j *Job) {
	j.Tries++
}

// Borrowed from self while other fields are used.
func (q *Queue) Start(i int) {
	j := &q.jobs[i]
	j.State = "running"
	attempt(j)
	q.log = append(q.log, fmt.Sprint("start ", j.ID))
}

// The same field is read meanwhile: the place itself.
func (q *Queue) Fail(i int) {
	j := &q.jobs[i]
	j.Tries++
	if q.jobs[i].Tries > q.limit {
		j.State = "failed"
	}
}

// Only read: a shared borrow.
func (q *Queue) Describe(i int) string {
	j := &q.jobs[i]
	return fmt.Sprintf("%d: %s (%d/%d)", j.ID, j.State, j.Tries, q.limit)
}

type Item struct{ N int }

type Batch struct{ items []Item }

// An append to the field while the pointer lives may leave it on the old array: no borrow.
func (b *Batch) Grow(i int) {
	it := &b.items[i]
	b.items = append(b.items, Item{})
	it.N = 1
}

func main() {
	q := &Queue{limit: 1, jobs: []Job{{ID: 1}, {ID: 2}}}
	q.Start(0)
	q.Fail(1)
	q.Fail(1)
	fmt.Println(q.Describe(0), q.Describe(1), q.log)
	b := &Batch{items: []Item{{}}}
	b.Grow(0)
	fmt.Println(b.items)
}
