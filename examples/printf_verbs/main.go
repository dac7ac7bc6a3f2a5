// Command printf_verbs shows fmt.Printf verbs with widths, padding and flags, as used to
// print a small inventory table.
package main

import "fmt"

type item struct {
	sku   string
	qty   int
	price float64
}

func main() {
	items := []item{{"bolt", 120, 0.25}, {"nut", 7, 0.1}, {"washer", 3500, 0.05}}
	fmt.Printf("%-8s|%6s|%8s\n", "sku", "qty", "price")
	for _, it := range items {
		fmt.Printf("%-8s|%6d|%8.2f\n", it.sku, it.qty, it.price)
	}
	fmt.Printf("%5d|%-5s|%05.1f|%x|%X|%o|%b|%q|%c|%U|%t|%T|%%\n",
		42, "go", 3.14159, 255, 255, 8, 5, "hi", 'G', 'G', true, 1.5)
	fmt.Printf("%d %+d %05d %-5d| %x %#x %08b\n", -7, 7, -42, 3, -255, 3054, 10)
	fmt.Printf("%s %10s|%-10s|%.3s\n", "plain", "right", "left", "truncate")
	fmt.Printf("%q %q %q\n", "tab\there", `back\slash`, "quote\"d")
	fmt.Printf("%c%c%c %U %q\n", 0x47, 'o', '!', 0x1F600, 'x')
	fmt.Printf("%t %v %T %T %T %T\n", false, nil, "s", 3, []int{1}, map[string]bool{})
	fmt.Printf("%v %d %s\n", []int{1, 2, 3}, []int{4, 5}, []string{"a", "b"})
	fmt.Printf("%x %X % x\n", "hello", []byte("Go"), "abc")
	fmt.Printf("%6.2f%% done\n", 99.5)
	fmt.Printf("%*d|%-*d|\n", 6, 12, 4, 7)
	fmt.Printf("%v %v\n", int8(-5), uint16(65535))
	fmt.Printf("%3c|%-4q|%#o\n", 'z', 'y', 8)
}
