// Command service_components builds a server from components its constructor makes: each
// component pointer is owned by the server's field (Option<Box<T>>), since every constructor
// call fills a field.
package main

import (
	"fmt"
	"strings"
)

type Store struct {
	items map[string]int
	hits  int
}

func NewStore() *Store {
	return &Store{items: map[string]int{}}
}

func (s *Store) Put(k string, v int) { s.items[k] = v }

func (s *Store) Get(k string) (int, bool) {
	s.hits++
	v, ok := s.items[k]
	return v, ok
}

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(msg string) {
	l.lines = append(l.lines, l.prefix+msg)
}

type Server struct {
	name  string
	store *Store
	log   *Logger
}

func NewServer(name string) *Server {
	return &Server{name: name, store: NewStore(), log: &Logger{prefix: name + ": "}}
}

func (s *Server) Handle(req string) string {
	parts := strings.SplitN(req, "=", 2)
	if len(parts) == 2 {
		var n int
		fmt.Sscan(parts[1], &n)
		s.store.Put(parts[0], n)
		s.log.Log("put " + parts[0])
		return "ok"
	}
	v, ok := s.store.Get(req)
	if !ok {
		s.log.Log("miss " + req)
		return "missing"
	}
	s.log.Log("hit " + req)
	return fmt.Sprint(v)
}

func main() {
	srv := NewServer("api")
	for _, r := range []string{"a=1", "b=2", "a", "c", "b"} {
		fmt.Println(r, "->", srv.Handle(r))
	}
	fmt.Println(srv.store.hits, len(srv.log.lines))
	for _, l := range srv.log.lines {
		fmt.Println(l)
	}
}
