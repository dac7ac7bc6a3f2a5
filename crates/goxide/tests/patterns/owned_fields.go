// Pointer fields that own what they point to: fresh values stored, only reached through,
// the holder never copied. Constructor and setter parameters that only fill such a field take
// the caller's box.
package main

import "fmt"

type Store struct {
	items map[string]int
}

func NewStore() *Store { return &Store{items: map[string]int{}} }

func (s *Store) Put(k string, v int) { s.items[k] = v }

type Logger struct {
	prefix string
	lines  []string
}

func (l *Logger) Log(msg string) { l.lines = append(l.lines, l.prefix+msg) }

func count(s *Store) int { return len(s.items) }

func reset(s *Store) { s.items = map[string]int{} }

type Service struct {
	store *Store
	log   *Logger
	calls int
}

func NewService(store *Store, log *Logger) *Service {
	return &Service{store: store, log: log}
}

func (s *Service) Put(k string, v int) {
	s.calls++
	s.store.Put(k, v)
	s.log.Log("put " + k)
}

func (s *Service) Size() int { return count(s.store) }

// UseLogger replaces the logger (a default one for nil).
func (s *Service) UseLogger(l *Logger) {
	if l == nil {
		l = &Logger{prefix: "default: "}
	}
	s.log = l
}

type Cache struct {
	backing *Store
	hits    int
}

func newCache(backing *Store) *Cache {
	if backing == nil {
		panic("no backing store")
	}
	return &Cache{backing: backing}
}

func main() {
	store := NewStore()
	store.Put("seed", 0)
	svc := NewService(store, &Logger{prefix: "svc: "})
	svc.Put("a", 1)
	fmt.Println(svc.Size(), svc.calls, svc.log.lines)
	svc.UseLogger(nil)
	svc.Put("b", 2)
	fmt.Println(svc.Size(), svc.log.lines)

	var c Cache
	if c.backing == nil {
		c.backing = NewStore()
	}
	c.backing.Put("x", 9)
	c.hits++
	fmt.Println(count(c.backing), c.hits)
	reset(c.backing)
	c.backing = nil
	fmt.Println(c.backing == nil)

	c2 := newCache(NewStore())
	c2.backing.Put("y", 2)
	fmt.Println(count(c2.backing))
}
