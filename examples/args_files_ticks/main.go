// Small programs' plumbing: command-line arguments, files through io/ioutil, a ticker
// channel from time.Tick, and math/rand used where its values do not show in the output.
package main

import (
	"fmt"
	"io/ioutil"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	// os.Args holds the program name first; this example runs without arguments.
	fmt.Println("arguments:", len(os.Args)-1)

	dir, err := ioutil.TempDir("", "plumbing")
	if err != nil {
		fmt.Println("temp dir:", err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "notes.txt")
	if err := ioutil.WriteFile(path, []byte("alpha\nbeta\ngamma\n"), 0o644); err != nil {
		fmt.Println("write:", err)
		return
	}
	data, err := ioutil.ReadFile(path)
	if err != nil {
		fmt.Println("read:", err)
		return
	}
	lines := strings.Fields(string(data))
	fmt.Println("lines:", len(lines), lines)
	f, err := os.Open(path)
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	all, _ := ioutil.ReadAll(f)
	f.Close()
	fmt.Println("bytes:", len(all))
	_, err = ioutil.ReadFile(filepath.Join(dir, "missing.txt"))
	fmt.Println("missing file fails:", err != nil)

	// Three ticks of a ticker channel.
	tick := time.Tick(2 * time.Millisecond)
	for i := 1; i <= 3; i++ {
		<-tick
		fmt.Println("tick", i)
	}

	// A permutation from math/rand, sorted back: the output does not depend on the seed.
	rand.Seed(7)
	deck := rand.Perm(8)
	sort.Ints(deck)
	fmt.Println("deck:", deck)
	fmt.Println("fraction below one:", rand.Float64() < 1)
	n := rand.Intn(10)
	fmt.Println("in range:", n >= 0 && n < 10)
}
