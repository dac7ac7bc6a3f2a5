// Command receiver_field_borrows shows pointers into a part of a method's receiver:
// `j := &q.jobs[i]` and `c := &q.cfg` borrow from `self` (`let j = &mut self.jobs[i]`) while
// the method goes on using the receiver's other fields, and stand for the place itself
// (`self.jobs[i].state`) where the same field is read meanwhile.
package main

import (
	"fmt"
	"strings"
)

type Config struct {
	Name       string
	MaxRetries int
}

type Job struct {
	ID    int
	State string
	Tries int
}

type Queue struct {
	cfg  Config
	jobs []Job
	log  []string
}

func attempt(j *Job) {
	j.Tries++
}

func (q *Queue) Configure(name string, retries int) {
	c := &q.cfg
	c.Name = name
	c.MaxRetries = retries
}

func (q *Queue) Add(id int) {
	q.jobs = append(q.jobs, Job{ID: id, State: "queued"})
}

func (q *Queue) Start(i int) {
	j := &q.jobs[i]
	j.State = "running"
	attempt(j)
	q.log = append(q.log, fmt.Sprintf("start %d", j.ID))
}

func (q *Queue) Fail(i int) {
	j := &q.jobs[i]
	attempt(j)
	if q.jobs[i].Tries > q.cfg.MaxRetries {
		j.State = "failed"
	} else {
		j.State = "queued"
	}
}

func (q *Queue) FinishRunning() int {
	done := 0
	for i := range q.jobs {
		j := &q.jobs[i]
		if j.State != "running" {
			continue
		}
		j.State = "done"
		done++
		q.log = append(q.log, fmt.Sprintf("done %d after %d tries", j.ID, j.Tries))
	}
	return done
}

func (q *Queue) Describe(i int) string {
	j := &q.jobs[i]
	return fmt.Sprintf("%s/%d: %s (%d tries)", q.cfg.Name, j.ID, j.State, j.Tries)
}

func main() {
	q := &Queue{}
	q.Configure("mail", 1)
	for id := 1; id <= 3; id++ {
		q.Add(id * 10)
	}
	q.Start(0)
	q.Fail(1)
	q.Fail(1)
	q.Start(2)
	fmt.Println("finished:", q.FinishRunning())
	for i := range q.jobs {
		fmt.Println(q.Describe(i))
	}
	fmt.Println(strings.Join(q.log, "; "))
	fmt.Printf("%+v\n", q.cfg)
}
