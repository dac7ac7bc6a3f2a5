// An LRU cache on container/list, a history of edits kept as a list, and a round-robin
// scheduler on container/ring.
package main

import (
	"container/list"
	"container/ring"
	"fmt"
	"strings"
)

type entry struct {
	key   string
	value int
}

// LRU keeps the most recently used entries, evicting the least recently used one.
type LRU struct {
	capacity int
	order    *list.List
	items    map[string]*list.Element
}

func NewLRU(capacity int) *LRU {
	return &LRU{capacity: capacity, order: list.New(), items: make(map[string]*list.Element)}
}

func (c *LRU) Get(key string) (int, bool) {
	e, ok := c.items[key]
	if !ok {
		return 0, false
	}
	c.order.MoveToFront(e)
	return e.Value.(entry).value, true
}

func (c *LRU) Put(key string, value int) {
	if e, ok := c.items[key]; ok {
		e.Value = entry{key, value}
		c.order.MoveToFront(e)
		return
	}
	c.items[key] = c.order.PushFront(entry{key, value})
	if c.order.Len() > c.capacity {
		oldest := c.order.Back()
		removed := c.order.Remove(oldest).(entry)
		delete(c.items, removed.key)
		fmt.Println("evicted", removed.key)
	}
}

func (c *LRU) Keys() string {
	var keys []string
	for e := c.order.Front(); e != nil; e = e.Next() {
		keys = append(keys, e.Value.(entry).key)
	}
	return strings.Join(keys, ",")
}

func show(label string, l *list.List) {
	fmt.Printf("%-8s len=%d [", label, l.Len())
	for e := l.Front(); e != nil; e = e.Next() {
		if e != l.Front() {
			fmt.Print(" ")
		}
		fmt.Print(e.Value)
	}
	fmt.Print("] backwards [")
	for e := l.Back(); e != nil; e = e.Prev() {
		fmt.Print(e.Value)
		if e.Prev() != nil {
			fmt.Print(" ")
		}
	}
	fmt.Println("]")
}

func main() {
	c := NewLRU(3)
	c.Put("a", 1)
	c.Put("b", 2)
	c.Put("c", 3)
	if v, ok := c.Get("a"); ok {
		fmt.Println("a =", v)
	}
	c.Put("d", 4)
	c.Put("b", 20)
	c.Put("e", 5)
	_, ok := c.Get("c")
	fmt.Println("c cached:", ok, "order:", c.Keys())

	l := list.New()
	mid := l.PushBack("mid")
	first := l.PushFront("first")
	l.InsertAfter("after-mid", mid)
	before := l.InsertBefore("before-mid", mid)
	show("built", l)
	l.MoveToBack(first)
	l.MoveToFront(mid)
	show("moved", l)
	l.MoveBefore(first, before)
	l.MoveAfter(mid, first)
	show("shuffled", l)
	fmt.Println("removed:", l.Remove(before), "again:", l.Remove(before))
	other := list.New()
	other.PushBack(1)
	other.PushBack(2)
	l.PushBackList(other)
	l.PushFrontList(other)
	show("joined", l)
	fmt.Println("foreign insert is nil:", l.InsertAfter("x", other.Front()) == nil)
	for e := l.Front(); e != nil; e = e.Next() {
		if n, ok := e.Value.(int); ok {
			e.Value = n * 100
		}
	}
	show("scaled", l)
	l.Init()
	show("cleared", l)
	fmt.Println(l.Front() == nil, l.Back() == nil)

	// Round-robin over workers.
	workers := ring.New(4)
	for i := 0; i < workers.Len(); i++ {
		workers.Value = fmt.Sprintf("w%d", i)
		workers = workers.Next()
	}
	for job := 1; job <= 6; job++ {
		fmt.Printf("job %d -> %v\n", job, workers.Value)
		workers = workers.Next()
	}
	fmt.Println("prev:", workers.Prev().Value, "move -3:", workers.Move(-3).Value)
	var names []string
	workers.Do(func(v any) {
		names = append(names, v.(string))
	})
	fmt.Println("ring:", names, workers.Len())
	gone := workers.Unlink(2)
	fmt.Println("unlinked", gone.Len(), "left", workers.Len())
	extra := ring.New(2)
	extra.Value = "x0"
	extra.Next().Value = "x1"
	workers.Link(extra)
	total := 0
	workers.Do(func(v any) {
		total++
		fmt.Print(v, " ")
	})
	fmt.Println(total)
	var empty *ring.Ring
	fmt.Println(empty.Len(), ring.New(0) == nil)
}
