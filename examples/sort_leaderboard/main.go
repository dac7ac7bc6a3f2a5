// Ranks players on a leaderboard with the sort package: sort.Sort and sort.Stable with
// sort.Interface implementations, sort.Reverse, sort.Slice and sort.SliceStable with less
// callbacks (ties land where Go puts them), and binary searches with sort.Search.
package main

import (
	"fmt"
	"sort"
)

type Player struct {
	Name  string
	Team  string
	Score int
}

// ByScore orders players by score, lowest first.
type ByScore []Player

func (s ByScore) Len() int           { return len(s) }
func (s ByScore) Less(i, j int) bool { return s[i].Score < s[j].Score }
func (s ByScore) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

// ByName orders players by name.
type ByName []Player

func (s ByName) Len() int           { return len(s) }
func (s ByName) Less(i, j int) bool { return s[i].Name < s[j].Name }
func (s ByName) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func roster() []Player {
	return []Player{
		{"ana", "red", 30}, {"bo", "blue", 25}, {"cy", "red", 30}, {"di", "green", 12},
		{"ed", "blue", 30}, {"fay", "green", 25}, {"gus", "red", 7}, {"hal", "blue", 12},
		{"ivy", "green", 30}, {"jo", "red", 25}, {"kai", "blue", 19}, {"lu", "green", 7},
		{"max", "red", 19}, {"ned", "blue", 30}, {"ola", "green", 25},
	}
}

func show(label string, ps []Player) {
	fmt.Printf("%-14s", label)
	for _, p := range ps {
		fmt.Printf(" %s:%d", p.Name, p.Score)
	}
	fmt.Println()
}

func main() {
	players := roster()
	sort.Sort(ByScore(players))
	show("by score", players)
	fmt.Println("sorted by score:", sort.IsSorted(ByScore(players)))

	players = roster()
	sort.Stable(ByScore(players))
	show("stable", players)

	players = roster()
	sort.Sort(sort.Reverse(ByScore(players)))
	show("reversed", players)

	byName := ByName(roster())
	sort.Sort(sort.Reverse(byName))
	show("names desc", byName)
	sort.Sort(byName)
	show("names", byName)

	players = roster()
	sort.Slice(players, func(i, j int) bool {
		if players[i].Team != players[j].Team {
			return players[i].Team < players[j].Team
		}
		return players[i].Score > players[j].Score
	})
	show("team, score", players)

	players = roster()
	sort.SliceStable(players, func(i, j int) bool { return players[i].Team < players[j].Team })
	show("team (stable)", players)
	fmt.Println("by team:", sort.SliceIsSorted(players, func(i, j int) bool { return players[i].Team < players[j].Team }))

	scores := []int{}
	for _, p := range roster() {
		scores = append(scores, p.Score)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(scores)))
	fmt.Println("scores desc:", scores)
	sort.Ints(scores)
	fmt.Println("scores:", scores)
	for _, want := range []int{19, 20, 31} {
		i := sort.SearchInts(scores, want)
		j := sort.Search(len(scores), func(k int) bool { return scores[k] > want })
		fmt.Printf("%d: first at %d, %d at or below\n", want, i, j)
	}

	teams := []string{"red", "blue", "green", "blue"}
	sort.Sort(sort.StringSlice(teams))
	fmt.Println(teams, sort.StringsAreSorted(teams))

	ratios := []float64{2.5, -1, 0.25, 10}
	sort.Sort(sort.Reverse(sort.Float64Slice(ratios)))
	fmt.Println(ratios)
}
