package main

// Keeps a small journal on disk: a temporary directory made with os.MkdirTemp, files written
// with os.WriteFile, os.Create and os.OpenFile (append) through *os.File and bufio.Writer,
// read back with os.ReadFile, os.Open, File.Read until io.EOF, io.ReadAll, bufio.Reader and
// io.Copy, environment variables, and Go's error texts for missing and closed files
// (os.IsNotExist).

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func check(err error) {
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
}

func main() {
	dir, err := os.MkdirTemp("", "journal-*")
	check(err)
	defer os.RemoveAll(dir)
	fmt.Println(strings.HasPrefix(filepath.Base(dir), "journal-"), strings.HasPrefix(dir, os.TempDir()))

	notes := filepath.Join(dir, "notes.txt")
	check(os.WriteFile(notes, []byte("first line\nsecond line\n"), 0644))
	data, err := os.ReadFile(notes)
	check(err)
	fmt.Printf("%q\n", string(data))

	f, err := os.Create(filepath.Join(dir, "log.txt"))
	check(err)
	n, err := f.WriteString("entry 1\n")
	fmt.Println(n, err)
	n, err = f.Write([]byte("entry 2\n"))
	fmt.Println(n, err)
	fmt.Fprintf(f, "entry %d: %s\n", 3, "formatted")
	fmt.Println(filepath.Base(f.Name()))
	check(f.Close())
	_, err = f.WriteString("too late")
	fmt.Println(strings.Replace(err.Error(), dir, "DIR", 1))
	fmt.Println(strings.Replace(f.Close().Error(), dir, "DIR", 1))

	a, err := os.OpenFile(filepath.Join(dir, "log.txt"), os.O_APPEND|os.O_WRONLY, 0644)
	check(err)
	w := bufio.NewWriter(a)
	w.WriteString("entry 4\n")
	fmt.Fprintln(w, "entry", 5)
	fmt.Println("buffered:", w.Buffered())
	check(w.Flush())
	a.Close()

	r, err := os.Open(filepath.Join(dir, "log.txt"))
	check(err)
	buf := make([]byte, 16)
	total := 0
	chunks := 0
	for {
		n, err := r.Read(buf)
		total += n
		if n > 0 {
			chunks++
		}
		if err == io.EOF {
			break
		}
		check(err)
	}
	r.Close()
	fmt.Println("read", total, "bytes in", chunks, "chunks")

	r, err = os.Open(filepath.Join(dir, "log.txt"))
	check(err)
	br := bufio.NewReader(r)
	for {
		line, err := br.ReadString('\n')
		if errors.Is(err, io.EOF) {
			break
		}
		fmt.Print("> ", line)
	}
	r.Close()

	r, err = os.Open(notes)
	check(err)
	all, err := io.ReadAll(r)
	fmt.Println(len(all), err)
	r.Close()

	lr := bufio.NewReader(strings.NewReader("alpha\r\nbeta\ngamma"))
	for {
		line, _, err := lr.ReadLine()
		if err == io.EOF {
			break
		}
		fmt.Printf("[%s]\n", line)
	}

	src, err := os.Open(notes)
	check(err)
	copied, err := io.Copy(os.Stdout, src)
	fmt.Println(copied, err)
	src.Close()
	io.WriteString(os.Stdout, "written by io.WriteString\n")

	_, err = os.ReadFile(filepath.Join(dir, "missing.txt"))
	fmt.Println(strings.Replace(err.Error(), dir, "DIR", 1))
	_, err = os.Open("/definitely/not/here")
	fmt.Println(err)
	fmt.Println(os.Remove("/definitely/not/here"))
	check(os.Remove(notes))
	_, err = os.Open(notes)
	fmt.Println(os.IsNotExist(err), os.IsExist(err))

	check(os.Setenv("JOURNAL_MODE", "append"))
	mode, ok := os.LookupEnv("JOURNAL_MODE")
	fmt.Println(mode, ok, os.Getenv("JOURNAL_MODE"))
	os.Unsetenv("JOURNAL_MODE")
	_, ok = os.LookupEnv("JOURNAL_MODE")
	fmt.Println(ok, os.Setenv("", "x"))
}
