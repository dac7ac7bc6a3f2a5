package main

import (
	"container/list"
	"container/ring"
	"fmt"
)

type cache struct {
	order *list.List
	items map[string]*list.Element
}

func main() {
	c := cache{order: list.New(), items: map[string]*list.Element{}}
	c.items["a"] = c.order.PushBack(1)
	c.items["b"] = c.order.PushFront(2)
	c.order.MoveToBack(c.items["b"])
	for e := c.order.Front(); e != nil; e = e.Next() {
		e.Value = e.Value.(int) * 10
		fmt.Println(e.Value, e == c.items["a"])
	}
	fmt.Println(c.order.Remove(c.items["a"]), c.order.Len())

	r := ring.New(3)
	for i := 0; i < 3; i++ {
		r.Value = i
		r = r.Next()
	}
	sum := 0
	r.Move(-1).Do(func(v any) { sum += v.(int) })
	fmt.Println(sum, r.Unlink(1).Len(), r.Len())
}
