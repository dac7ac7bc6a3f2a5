package main

import "fmt"

func main() {
	s := "héllo"
	fmt.Println(len(s), s[1], s[0:1])
	for i, r := range s {
		fmt.Println(i, r)
	}
	t := s + ", world"
	t += "!"
	b := []byte(t)
	fmt.Println(string(b[0]), t == "x", t < "z")
	fmt.Println(string(rune(65)))
	raw := string([]byte{'a', 0xff, 0xe2, 0x82})
	for i, r := range raw {
		fmt.Println(i, r, raw[i])
	}
	fmt.Println(len(raw))
}
