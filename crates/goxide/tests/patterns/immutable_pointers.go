package main

import "fmt"

type Rate struct {
	From, To string
	Num, Den int64
}

func newRate(from, to string, num, den int64) *Rate {
	return &Rate{From: from, To: to, Num: num, Den: den}
}

func describe(r *Rate) string {
	if r == nil {
		return "no rate"
	}
	return fmt.Sprintf("1 %s = %d/%d %s", r.From, r.Num, r.Den, r.To)
}

func main() {
	rates := []*Rate{newRate("EUR", "USD", 108, 100), newRate("USD", "JPY", 15000, 100)}
	best := rates[0]
	for _, r := range rates[1:] {
		if r.Num*best.Den > best.Num*r.Den {
			best = r
		}
	}
	fmt.Println(describe(best), describe(nil))
}
