// A build graph walked with sets and caches keyed by pointer: a depth-first topological
// order with visiting/done sets (map[*Target]bool) that reports a cycle, the depth of each
// target memoised in a map[*Target]int, and the reverse edges of the graph as a
// map[*Target][]*Target. Go compares pointer keys by identity: two targets with the same
// name are two keys.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type Target struct {
	Name string
	Deps []*Target
}

type Graph struct {
	targets []*Target
	byName  map[string]*Target
}

func NewGraph() *Graph {
	return &Graph{byName: map[string]*Target{}}
}

func (g *Graph) Add(name string, deps ...string) *Target {
	t := g.get(name)
	for _, d := range deps {
		t.Deps = append(t.Deps, g.get(d))
	}
	return t
}

func (g *Graph) get(name string) *Target {
	if t, ok := g.byName[name]; ok {
		return t
	}
	t := &Target{Name: name}
	g.byName[name] = t
	g.targets = append(g.targets, t)
	return t
}

var ErrCycle = errors.New("dependency cycle")

// Order lists the targets so that each comes after its dependencies.
func (g *Graph) Order() ([]string, error) {
	done := map[*Target]bool{}
	visiting := make(map[*Target]bool)
	var order []string
	var visit func(t *Target, path []string) error
	visit = func(t *Target, path []string) error {
		if done[t] {
			return nil
		}
		if visiting[t] {
			return fmt.Errorf("%w: %s", ErrCycle, strings.Join(append(path, t.Name), " -> "))
		}
		visiting[t] = true
		for _, d := range t.Deps {
			if err := visit(d, append(path, t.Name)); err != nil {
				return err
			}
		}
		delete(visiting, t)
		done[t] = true
		order = append(order, t.Name)
		return nil
	}
	for _, t := range g.targets {
		if err := visit(t, nil); err != nil {
			return nil, err
		}
	}
	return order, nil
}

func depth(t *Target, memo map[*Target]int) int {
	if d, ok := memo[t]; ok {
		return d
	}
	d := 0
	for _, dep := range t.Deps {
		if x := depth(dep, memo) + 1; x > d {
			d = x
		}
	}
	memo[t] = d
	return d
}

func main() {
	g := NewGraph()
	g.Add("app", "lib", "log")
	g.Add("lib", "util", "log")
	g.Add("log", "util")
	g.Add("test", "app")

	order, err := g.Order()
	fmt.Println(order, err)

	memo := make(map[*Target]int)
	for _, name := range []string{"test", "app", "util"} {
		fmt.Printf("depth(%s) = %d\n", name, depth(g.byName[name], memo))
	}
	fmt.Println("memoised:", len(memo))

	users := map[*Target][]*Target{}
	for _, t := range g.targets {
		for _, d := range t.Deps {
			users[d] = append(users[d], t)
		}
	}
	for _, t := range g.targets {
		var names []string
		for _, u := range users[t] {
			names = append(names, u.Name)
		}
		sort.Strings(names)
		fmt.Printf("%-4s used by %v\n", t.Name, names)
	}

	// Same name, another target: a different key.
	twin := &Target{Name: "util"}
	_, found := memo[twin]
	fmt.Println("twin found:", found, "original found:", memo[g.byName["util"]] == 0)

	g.Add("util", "test")
	_, err = g.Order()
	fmt.Println(err, errors.Is(err, ErrCycle))
}
