// A heap kept in a struct, made by `&PQ{…}` and only lent to `container/heap` and to a
// function: an owned value, lent as `&mut pq`.
package main

import (
	"container/heap"
	"fmt"
)

type PQ struct {
	items []int
}

func (p *PQ) Len() int           { return len(p.items) }
func (p *PQ) Less(i, j int) bool { return p.items[i] < p.items[j] }
func (p *PQ) Swap(i, j int)      { p.items[i], p.items[j] = p.items[j], p.items[i] }
func (p *PQ) Push(x any)         { p.items = append(p.items, x.(int)) }
func (p *PQ) Pop() any {
	n := len(p.items)
	v := p.items[n-1]
	p.items = p.items[:n-1]
	return v
}

func drain(p *PQ) {
	for p.Len() > 0 {
		fmt.Print(heap.Pop(p), " ")
	}
	fmt.Println()
}

func main() {
	pq := &PQ{items: []int{5, 3, 8}}
	heap.Init(pq)
	heap.Push(pq, 1)
	fmt.Println(pq.items[0], pq.Len())
	drain(pq)
}
