package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	r := csv.NewReader(strings.NewReader("a;b\n\"c\";d\n"))
	r.Comma = ';'
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		fmt.Println(rec, err, errors.Is(err, csv.ErrFieldCount))
	}
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"x", "y,z"})
	w.Flush()
	fmt.Println(w.Error())
}
