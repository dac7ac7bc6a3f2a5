// Command pointers_built_then_kept builds values through fresh pointers and then hands each
// pointer over to where it is kept: a linked queue, a slice, a map, a struct field, an interface
// value and a function's result. Until the hand-over, each pointer is the only one to its value.
package main

import "fmt"

type Task struct {
	ID   int
	Name string
	Tags []string
	next *Task
}

type Queue struct {
	head, tail *Task
	size       int
}

func (q *Queue) Push(t *Task) {
	if q.tail == nil {
		q.head = t
	} else {
		q.tail.next = t
	}
	q.tail = t
	q.size++
}

type Labeler interface{ Label() string }

func (t *Task) Label() string { return fmt.Sprintf("#%d %s", t.ID, t.Name) }

type Board struct {
	pinned *Task
	byName map[string]*Task
}

// find returns the queued task with that name, or a new placeholder.
func find(q *Queue, name string) *Task {
	for t := q.head; t != nil; t = t.next {
		if t.Name == name {
			return t
		}
	}
	p := &Task{ID: -1, Name: name}
	p.Tags = append(p.Tags, "missing")
	return p
}

func main() {
	q := &Queue{}
	for i, name := range []string{"build", "test", "ship"} {
		t := new(Task)
		t.ID = i + 1
		t.Name = name
		t.Tags = append(t.Tags, "stage")
		q.Push(t)
	}

	var urgent []*Task
	hot := &Task{ID: 10, Name: "hotfix"}
	hot.Tags = append(hot.Tags, "urgent", "prod")
	urgent = append(urgent, hot)

	b := Board{byName: map[string]*Task{}}
	pin := &Task{ID: 20, Name: "review"}
	pin.ID++
	b.pinned = pin

	note := &Task{ID: 30, Name: "notes"}
	b.byName[note.Name] = note

	var l Labeler
	lab := &Task{ID: 40, Name: "label"}
	lab.Name += "led"
	l = lab

	// Shared after the hand-over: a change through one pointer shows through the others.
	urgent[0].Name = "hotfix-2"
	b.pinned.Tags = append(b.pinned.Tags, "pinned")
	find(q, "test").Tags = append(find(q, "test").Tags, "found")
	for t := q.head; t != nil; t = t.next {
		fmt.Println(t.Label(), t.Tags)
	}
	fmt.Println(urgent[0].Label(), urgent[0].Tags, len(urgent))
	fmt.Println(b.pinned.Label(), b.pinned.Tags)
	fmt.Println(b.byName["notes"].Label())
	fmt.Println(l.Label())
	missing := find(q, "deploy")
	fmt.Println(missing.Label(), missing.Tags, q.size)
}
