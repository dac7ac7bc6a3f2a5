// Finalizers: runtime.SetFinalizer registers a function that runs once an object is
// unreachable, after a collection. An object reachable from another finalized object waits
// for the next collection; SetFinalizer(p, nil) cancels a finalizer.
package main

import (
	"fmt"
	"runtime"
	"sort"
)

type Resource struct {
	id   int
	name string
}

type Holder struct {
	label string
	res   *Resource
}

var finalized = make(chan string, 16)

func open(id int, name string) *Resource {
	r := &Resource{id: id, name: name}
	runtime.SetFinalizer(r, func(r *Resource) {
		finalized <- fmt.Sprintf("resource %d (%s)", r.id, r.name)
	})
	return r
}

func work() *Resource {
	total := 0
	for i := 1; i <= 3; i++ {
		r := open(i, fmt.Sprint("temp", i))
		total += len(r.name)
	}
	fmt.Println("opened 3 temporaries, name bytes:", total)

	h := &Holder{label: "holder", res: open(4, "held")}
	runtime.SetFinalizer(h, func(h *Holder) {
		finalized <- "holder of " + h.res.name
	})

	cancelled := open(5, "cancelled")
	runtime.SetFinalizer(cancelled, nil)

	return open(6, "kept")
}

// collect waits for n finalizers and prints them sorted (finalizers run in no fixed order).
func collect(phase string, n int) {
	var got []string
	for i := 0; i < n; i++ {
		got = append(got, <-finalized)
	}
	sort.Strings(got)
	fmt.Println(phase+":", got)
}

func main() {
	kept := work()

	runtime.GC()
	collect("first collection", 4)

	runtime.GC()
	collect("second collection", 1)

	runtime.GC()
	select {
	case s := <-finalized:
		fmt.Println("unexpected:", s)
	default:
		fmt.Println("nothing else finalized; still using", kept.name)
	}
}
