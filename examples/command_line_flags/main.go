// Command-line flags with the flag package: pointers from flag.Int and friends, variables
// bound with flag.IntVar, and the arguments left after parsing.
package main

import (
	"flag"
	"fmt"
	"time"
)

var iterations = flag.Int("n", 3, "number of `rounds`")
var verbose = flag.Bool("v", false, "print more")
var name = flag.String("name", "gopher", "who to greet")
var wait = flag.Duration("wait", 1500*time.Millisecond, "how long to wait")

var level int

func init() {
	flag.IntVar(&level, "level", 2, "log level")
}

func main() {
	var ratio float64
	flag.Float64Var(&ratio, "ratio", 0.5, "a ratio")
	var tag string
	flag.StringVar(&tag, "tag", "none", "a tag")
	fmt.Println("before parse:", flag.Parsed(), *iterations, *verbose, *name, *wait, level)
	flag.Parse()
	fmt.Println("after parse:", flag.Parsed())
	for i := 0; i < *iterations; i++ {
		fmt.Printf("round %d: hello, %s (level %d, ratio %.2f, tag %s)\n", i, *name, level, ratio, tag)
	}
	if *verbose {
		fmt.Println("waiting", *wait)
	}
	fmt.Println("args:", flag.NArg(), flag.Args(), flag.Arg(0) == "")
}
