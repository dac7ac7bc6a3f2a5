// Function literals named by a local and only called there: closures that borrow what they
// capture, with no shared cell, when nothing else uses those variables meanwhile; a variable
// used between the calls is a parameter of the closure, lent by each call.
package main

import (
	"fmt"
	"sort"
	"strings"
)

type Histogram struct {
	buckets []int
	total   int
}

func (h *Histogram) Observe(v int) {
	i := v / 10
	for len(h.buckets) <= i {
		h.buckets = append(h.buckets, 0)
	}
	h.buckets[i]++
	h.total++
}

func wordStats(text string) {
	freq := map[string]int{}
	longest := ""
	note := func(w string) {
		w = strings.ToLower(strings.Trim(w, ".,!"))
		freq[w]++
		if len(w) > len(longest) {
			longest = w
		}
	}
	for _, w := range strings.Fields(text) {
		note(w)
	}
	keys := make([]string, 0, len(freq))
	for k := range freq {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s=%d ", k, freq[k])
	}
	fmt.Println()
	fmt.Println("longest:", longest)
}

func main() {
	wordStats("The cat saw the other cat. The end!")

	var h Histogram
	observe := func(vs ...int) {
		for _, v := range vs {
			h.Observe(v)
		}
	}
	observe(3, 14, 15)
	observe(27)
	fmt.Println(h.buckets, h.total)

	var sb strings.Builder
	line := func(format string, args ...any) {
		sb.WriteString(fmt.Sprintf(format, args...))
		sb.WriteByte('\n')
	}
	line("%d items", 3)
	line("total %.2f", 9.5)
	fmt.Print(sb.String())

	// Read-only captures: `threshold` and `scores` never change, so the loop may read them too.
	threshold := 50
	scores := []int{70, 40, 90, 55}
	passed := func(i int) bool { return scores[i] >= threshold }
	n := 0
	for i := range scores {
		if passed(i) {
			n++
		}
	}
	fmt.Println(n, "of", len(scores), "passed")

	// `seen` is read between two calls: the closure takes it as a parameter instead of
	// capturing it (`|s: String, seen: &mut Vec<String>|`), and each call lends it.
	var seen []string
	visit := func(s string) { seen = append(seen, s) }
	visit("a")
	fmt.Println(len(seen))
	visit("b")
	fmt.Println(seen)

	// Calls in a loop, with a counter the closure returns.
	next := 0
	id := func() int { next++; return next }
	for i := 0; i < 3; i++ {
		fmt.Print(id(), " ")
	}
	fmt.Println("next:", next)
}
