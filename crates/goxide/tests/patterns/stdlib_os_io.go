package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	dir, err := os.MkdirTemp("", "demo")
	if err != nil {
		return
	}
	defer os.RemoveAll(dir)
	path := dir + "/a.txt"
	if err := os.WriteFile(path, []byte("x\ny\n"), 0600); err != nil {
		fmt.Println(err)
	}
	f, err := os.Open(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF {
			break
		}
		fmt.Print(line)
	}
	buf := make([]byte, 4)
	n, err := f.Read(buf)
	fmt.Println(n, err)

	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(w, "%d items\n", 2)
	w.Flush()
	all, _ := io.ReadAll(strings.NewReader("abc"))
	fmt.Println(len(all), os.Getenv("HOME") != "")
}
