package main

import (
	"fmt"
	"time"
)

func main() {
	// A timer is a handle: the variable is its only holder.
	t := time.NewTimer(5 * time.Millisecond)
	<-t.C
	fmt.Println("fired; stop after firing:", t.Stop())
	slow := time.NewTimer(time.Hour)
	fmt.Println("stopped pending:", slow.Stop())
	slow.Reset(time.Millisecond)
	<-slow.C
	tick := time.NewTicker(time.Millisecond)
	for i := 0; i < 2; i++ {
		<-tick.C
	}
	tick.Stop()
	fmt.Println("ticked twice")
}
