// A task board keeps its tasks as a slice of pointers that only it holds: tasks are added
// fresh, changed in place by index and by method, walked, sorted and rendered.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Task struct {
	Name     string
	Priority int
	Done     bool
	Tags     []string
}

func (t *Task) Complete() { t.Done = true }

func (t *Task) Label() string {
	mark := " "
	if t.Done {
		mark = "x"
	}
	return fmt.Sprintf("[%s] %s (%d)", mark, t.Name, t.Priority)
}

type Board struct {
	title string
	tasks []*Task
	seq   int
}

func NewBoard(title string) *Board {
	return &Board{title: title}
}

func NewTask(name string, prio int) *Task {
	return &Task{Name: name, Priority: prio}
}

func (b *Board) Add(name string, prio int) {
	t := NewTask(name, prio)
	if prio > 2 {
		t.Tags = append(t.Tags, "urgent")
	}
	b.tasks = append(b.tasks, t)
}

func (b *Board) Tag(i int, tag string) {
	b.tasks[i].Tags = append(b.tasks[i].Tags, tag)
}

func (b *Board) Pending() int {
	n := 0
	for _, t := range b.tasks {
		if !t.Done {
			n++
		}
	}
	return n
}

// Renumber gives the tasks consecutive priorities from the board's counter.
func (b *Board) Renumber() {
	for _, t := range b.tasks {
		b.seq++
		t.Priority = b.seq * 100
	}
}

func bump(tasks []*Task, by int) {
	for _, t := range tasks {
		t.Priority += by
	}
}

func render(tasks []*Task) string {
	var sb strings.Builder
	for i, t := range tasks {
		fmt.Fprintf(&sb, "%d %s\n", i, t.Label())
	}
	return sb.String()
}

func main() {
	b := NewBoard("week")
	b.Add("write", 2)
	b.Add("review", 1)
	b.Add("ship", 3)
	b.Tag(0, "docs")
	b.tasks[1].Complete()
	bump(b.tasks, 10)
	sort.Slice(b.tasks, func(i, j int) bool { return b.tasks[i].Priority < b.tasks[j].Priority })
	top := b.tasks[0]
	top.Tags = append(top.Tags, "next")
	fmt.Println("top:", top.Label(), top.Tags)
	fmt.Print(render(b.tasks))
	fmt.Println("pending", b.Pending(), len(b.tasks), b.tasks[0].Tags, b.tasks[1].Tags)

	extra := []*Task{{Name: "a"}, &Task{Name: "b", Priority: 5}, new(Task)}
	extra[2].Name = "c"
	for i := range extra {
		extra[i].Priority *= 2
	}
	fmt.Print(render(extra))
	b.Renumber()
	fmt.Print(render(b.tasks))
	var none []*Task
	fmt.Println(none == nil, len(none))
}
