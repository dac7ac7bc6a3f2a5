package main

import "fmt"

type Store struct {
	items map[string]int
}

// Every call fills a field: the store is owned by the field that keeps it.
func newStore() *Store {
	return &Store{items: map[string]int{}}
}

func (s *Store) Put(k string, v int) { s.items[k] = v }

type Counter struct {
	n int
}

// Called into a local too: its callers get the value.
func newCounter() *Counter {
	return &Counter{}
}

func (c *Counter) Inc() { c.n++ }

type Server struct {
	store *Store
	hits  *Counter
}

func newServer() *Server {
	return &Server{store: newStore(), hits: newCounter()}
}

func main() {
	s := newServer()
	s.store.Put("a", 1)
	s.hits.Inc()
	c := newCounter()
	c.Inc()
	c.Inc()
	fmt.Println(len(s.store.items), s.hits.n, c.n)
}
