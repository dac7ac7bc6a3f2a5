// Immutable records passed around by pointer: a currency rate table whose entries nothing
// changes after they are made. goxide holds each `*Rate` as an `Option<Rate>` value (copies
// are indistinguishable from sharing when nothing writes through any pointer), with no cell.
package main

import "fmt"

type Rate struct {
	From, To string
	Num, Den int64
}

func newRate(from, to string, num, den int64) *Rate {
	return &Rate{From: from, To: to, Num: num, Den: den}
}

func convert(r *Rate, amount int64) int64 {
	return amount * r.Num / r.Den
}

func find(rates []*Rate, from, to string) *Rate {
	for _, r := range rates {
		if r.From == from && r.To == to {
			return r
		}
	}
	return nil
}

func describe(r *Rate) string {
	if r == nil {
		return "no rate"
	}
	return fmt.Sprintf("1 %s = %d/%d %s", r.From, r.Num, r.Den, r.To)
}

func main() {
	rates := []*Rate{
		newRate("EUR", "USD", 108, 100),
		newRate("USD", "JPY", 15000, 100),
		newRate("GBP", "EUR", 117, 100),
	}
	best := rates[0]
	for _, r := range rates[1:] {
		if r.Num*best.Den > best.Num*r.Den {
			best = r
		}
	}
	fmt.Println("largest:", describe(best))
	for _, q := range [][2]string{{"EUR", "USD"}, {"GBP", "EUR"}, {"JPY", "USD"}} {
		r := find(rates, q[0], q[1])
		if r == nil {
			fmt.Println(q[0], "->", q[1], ":", describe(r))
			continue
		}
		fmt.Println(q[0], "->", q[1], ":", convert(r, 250), "for 250;", describe(r))
	}
	byFrom := map[string]*Rate{}
	for _, r := range rates {
		byFrom[r.From] = r
	}
	fmt.Println(len(byFrom), describe(byFrom["USD"]), describe(byFrom["CHF"]))
}
