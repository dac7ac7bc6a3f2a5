// A task scheduler on container/heap: a min-heap of ints and a priority queue of tasks whose
// priorities change (heap.Fix) and which leave early (heap.Remove).
package main

import (
	"container/heap"
	"fmt"
)

// IntHeap is a min-heap of ints.
type IntHeap []int

func (h IntHeap) Len() int           { return len(h) }
func (h IntHeap) Less(i, j int) bool { return h[i] < h[j] }
func (h IntHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }

func (h *IntHeap) Push(x any) {
	*h = append(*h, x.(int))
}

func (h *IntHeap) Pop() any {
	old := *h
	n := len(old)
	x := old[n-1]
	*h = old[0 : n-1]
	return x
}

// Task is a unit of work with a priority (lower runs first).
type Task struct {
	name     string
	priority int
}

// Queue orders tasks by priority, then by name.
type Queue []Task

func (q *Queue) Len() int { return len(*q) }
func (q *Queue) Less(i, j int) bool {
	a, b := (*q)[i], (*q)[j]
	if a.priority != b.priority {
		return a.priority < b.priority
	}
	return a.name < b.name
}
func (q *Queue) Swap(i, j int) { (*q)[i], (*q)[j] = (*q)[j], (*q)[i] }
func (q *Queue) Push(x any)   { *q = append(*q, x.(Task)) }
func (q *Queue) Pop() any {
	n := len(*q)
	t := (*q)[n-1]
	*q = (*q)[:n-1]
	return t
}

func main() {
	h := &IntHeap{5, 2, 8, 1, 9, 3}
	heap.Init(h)
	heap.Push(h, 4)
	heap.Push(h, 0)
	fmt.Println("heap order:", *h)
	for h.Len() > 0 {
		fmt.Print(heap.Pop(h), " ")
	}
	fmt.Println()

	q := &Queue{}
	for i, name := range []string{"build", "test", "lint", "deploy", "docs", "bench"} {
		heap.Push(q, Task{name, (i * 7) % 4})
	}
	fmt.Println("queued:", q.Len(), (*q)[0].name)
	(*q)[2].priority = -1
	heap.Fix(q, 2)
	fmt.Println("after fix, first:", (*q)[0].name)
	removed := heap.Remove(q, 1).(Task)
	fmt.Println("removed:", removed.name, removed.priority)
	for q.Len() > 0 {
		t := heap.Pop(q).(Task)
		fmt.Printf("run %s (priority %d)\n", t.name, t.priority)
	}
}
