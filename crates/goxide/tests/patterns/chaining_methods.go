package main

import (
	"fmt"
	"strings"
)

type Query struct {
	table string
	conds []string
	limit int
}

func From(t string) *Query { return &Query{table: t} }

// Where and Limit return their receiver so that calls chain.
func (q *Query) Where(c string) *Query {
	q.conds = append(q.conds, c)
	return q
}

func (q *Query) Limit(n int) *Query {
	q.limit = n
	return q
}

// Active chains on its own receiver.
func (q *Query) Active() *Query {
	return q.Where("active")
}

func (q *Query) String() string {
	s := "SELECT * FROM " + q.table
	if len(q.conds) > 0 {
		s += " WHERE " + strings.Join(q.conds, " AND ")
	}
	if q.limit > 0 {
		s += fmt.Sprintf(" LIMIT %d", q.limit)
	}
	return s
}

// Mark's result is kept in a variable: it stays a pointer value.
type Counter struct{ n int }

func (c *Counter) Mark() *Counter {
	c.n++
	return c
}

func main() {
	q := From("users").Where("age > 18").Active().Limit(10)
	fmt.Println(q.String())
	var r Query
	r.table = "t"
	r.Where("x = 1").Limit(1)
	fmt.Println(r.String(), r.Where("y = 2").String())

	c := &Counter{}
	marks := []*Counter{c.Mark(), c.Mark()}
	fmt.Println(c.n, len(marks))
}
