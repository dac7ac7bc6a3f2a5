package main

import (
	"flag"
	"fmt"
)

var count = flag.Int("count", 1, "how many")
var quiet = flag.Bool("q", false, "say less")

func main() {
	var name string
	flag.StringVar(&name, "name", "world", "who")
	flag.Parse()
	if !*quiet {
		fmt.Println(*count, name, flag.NArg(), flag.Args())
	}
}
