// Command strings_bytes shows that Go strings are byte strings: len, indexing, slicing,
// concatenation, ranging by rune, and conversions to and from []byte.
package main

import "fmt"

func reverseBytes(b []byte) {
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
}

func main() {
	s := "héllo, 世界"
	fmt.Println(len(s), "bytes")
	fmt.Println(s[0], s[1], s[2])
	fmt.Println(s[:1], s[7:], s[1:3])

	path := "/api/v1/users"
	prefix := "/api/"
	if len(path) >= len(prefix) && path[:len(prefix)] == prefix {
		fmt.Println("route:", path[len(prefix):])
	}

	for i, r := range s {
		fmt.Println(i, r, string(r))
	}

	b := []byte("stressed")
	reverseBytes(b)
	fmt.Println(string(b), len(b))
	fmt.Println([]byte("abc"))

	greeting := "Hello"
	greeting += ", " + "world"
	greeting = greeting + "!"
	fmt.Println(greeting)

	var built []byte
	for c := byte('a'); c <= 'e'; c++ {
		built = append(built, c, '-')
	}
	fmt.Println(string(built[:len(built)-1]))
	fmt.Println(string(rune(65)), string(rune(0x4e16)))
	fmt.Println("a" < "b", "abc" < "abd", "Z" < "a", s == "héllo, 世界")
	count := 0
	for range s {
		count++
	}
	fmt.Println("runes:", count)
}
