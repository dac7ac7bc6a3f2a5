package main

import (
	"fmt"
	"time"
)

// Go's time layouts, in UTC.
func main() {
	t, err := time.Parse("2006-01-02 15:04", "2024-03-01 09:30")
	if err != nil {
		panic(err)
	}
	fmt.Println(t.Format(time.RFC3339), t.Format(time.Kitchen), t.Year(), t.Hour())
	later := t.Add(90 * time.Minute)
	fmt.Println(later.Format("Mon Jan _2 15:04:05.000 2006"), later.Sub(t))
	_, err = time.Parse(time.RFC3339, "yesterday")
	fmt.Println(err)
}

// Calendar values: time.Date, Month and Weekday print their names.
func init() {
	t := time.Date(2024, time.March, 1, 9, 30, 0, 0, time.UTC)
	y, m, d := t.AddDate(0, 1, 30).Date()
	fmt.Println(t.Month(), t.Weekday(), y, m, d, m == time.May)
}
