// Ticket board: small enums (Status, Priority, Points, all ints) share a Badge interface,
// tickets print through interface values, and a type switch tells the enums apart.
package main

import (
	"fmt"
	"sort"
	"strings"
)

// Badge is anything shown as a tag on a ticket.
type Badge interface {
	Label() string
	Weight() int
}

type Status int

const (
	Open Status = iota
	InProgress
	Done
)

func (s Status) Label() string  { return [...]string{"open", "in-progress", "done"}[s] }
func (s Status) Weight() int    { return 10 * int(s) }
func (s Status) String() string { return strings.ToUpper(s.Label()) }

type Priority int

const (
	Low Priority = iota + 1
	High
	Urgent
)

func (p Priority) Label() string { return fmt.Sprintf("P%d", 4-int(p)) }
func (p Priority) Weight() int   { return 100 * int(p) }

// Points are story points.
type Points int

func (p Points) Label() string { return fmt.Sprintf("%dpt", int(p)) }
func (p Points) Weight() int   { return int(p) }

// Owner is a badge too, of a struct type.
type Owner struct{ Name string }

func (o Owner) Label() string { return "@" + o.Name }
func (o Owner) Weight() int   { return len(o.Name) }

type Ticket struct {
	Title  string
	Badges []Badge
}

func (t Ticket) Score() int {
	total := 0
	for _, b := range t.Badges {
		total += b.Weight()
	}
	return total
}

func describe(b Badge) string {
	switch v := b.(type) {
	case Status:
		return "status " + v.String()
	case Priority:
		if v == Urgent {
			return "priority URGENT"
		}
		return "priority " + v.Label()
	case Points:
		return fmt.Sprintf("estimate %d", int(v))
	case Owner:
		return "owner " + v.Name
	}
	return "unknown"
}

func main() {
	tickets := []Ticket{
		{"fix login", []Badge{InProgress, Urgent, Points(3), Owner{"ann"}}},
		{"write docs", []Badge{Open, Low, Points(5)}},
		{"ship v2", []Badge{Done, High, Points(8), Owner{"bob"}}},
	}
	sort.Slice(tickets, func(i, j int) bool { return tickets[i].Score() > tickets[j].Score() })
	for _, t := range tickets {
		labels := make([]string, 0, len(t.Badges))
		for _, b := range t.Badges {
			labels = append(labels, b.Label())
		}
		fmt.Printf("%-10s score=%3d [%s]\n", t.Title, t.Score(), strings.Join(labels, " "))
	}
	first := tickets[0].Badges
	fmt.Println(first)
	for _, b := range first {
		fmt.Printf("%-8v %-14T %s\n", b, b, describe(b))
	}
	// Interface values compare by dynamic type and value: Status(2) is not Priority(2).
	var a, b Badge = Done, Status(2)
	var c Badge = High
	fmt.Println(a == b, a == c, c == Badge(High))
	counts := map[string]int{}
	for _, t := range tickets {
		for _, b := range t.Badges {
			if _, ok := b.(Points); ok {
				counts["points"]++
			} else if s, ok := b.(Status); ok && s != Done {
				counts["active"]++
			}
		}
	}
	fmt.Println(counts)
}
