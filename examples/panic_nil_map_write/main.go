// Command panic_nil_map_write reads from a nil map (allowed) and then writes to it, which
// panics.
package main

import "fmt"

type Registry struct {
	handlers map[string]int
}

func (r *Registry) Lookup(name string) (int, bool) {
	v, ok := r.handlers[name]
	return v, ok
}

func (r *Registry) Register(name string, id int) {
	r.handlers[name] = id
}

func main() {
	var r Registry
	v, ok := r.Lookup("index")
	fmt.Println("lookup:", v, ok, len(r.handlers))
	fmt.Println("registering")
	r.Register("index", 1)
	fmt.Println("unreachable")
}
