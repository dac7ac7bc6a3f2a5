// Slices are headers: copying one names the same elements. A copy that is not used side by
// side with its source shares the elements with it, as do re-slices and the slices a function
// gets and writes.
package main

import (
	"fmt"
	"strings"
)

// normalize scales the readings in place so that the largest is 100.
func normalize(readings []int) {
	max := 0
	for _, r := range readings {
		if r > max {
			max = r
		}
	}
	if max == 0 {
		return
	}
	for i := range readings {
		readings[i] = readings[i] * 100 / max
	}
}

// clampNegative replaces negative readings by zero and counts them.
func clampNegative(readings []int) int {
	n := 0
	for i, r := range readings {
		if r < 0 {
			readings[i] = 0
			n++
		}
	}
	return n
}

// A Calibrator shifts readings by a fixed offset.
type Calibrator struct{ offset int }

func (c Calibrator) apply(readings []int) {
	for i := range readings {
		readings[i] += c.offset
	}
}

func upper(words []string) {
	for i, w := range words {
		words[i] = strings.ToUpper(w)
	}
}

func main() {
	readings := []int{12, -3, 48, 24, -1, 36}

	// A copy of the header, used while the original rests: the same elements.
	current := readings
	fixed := clampNegative(current)
	fmt.Println("clamped", fixed, "->", current)
	fmt.Println("original sees it:", readings)

	// The second half, normalized through a re-slice.
	second := readings[3:]
	normalize(second)
	fmt.Println("second half:", second)
	fmt.Println("all:", readings, len(readings))

	// A method writes the elements of the slice it gets.
	cal := Calibrator{offset: 5}
	cal.apply(readings[:3])
	fmt.Println("calibrated:", readings)

	words := []string{"alpha", "beta", "gamma"}
	alias := words
	alias[0] = "ALPHA"
	upper(alias[1:])
	fmt.Println(strings.Join(words, " "))
}
