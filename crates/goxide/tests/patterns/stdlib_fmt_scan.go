package main

import "fmt"

func main() {
	var a, b int
	var s string
	var f float64
	n, err := fmt.Sscan("10 20 hello 2.5", &a, &b, &s, &f)
	fmt.Println(n, err, a, b, s, f)
	n, err = fmt.Sscan("7 x", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscan("7", &a, &b)
	fmt.Println(n, err, a, b)
	var g float64
	n, err = fmt.Sscan("1.5e3 abc", &f, &g)
	fmt.Println(n, err, f)
	var name string
	var age int
	n, err = fmt.Sscanf("name=bob age=42", "name=%s age=%d", &name, &age)
	fmt.Println(n, err, name, age)
	n, err = fmt.Sscanf("3-4", "%d-%d", &a, &b)
	fmt.Println(n, err, a, b)
	n, err = fmt.Sscanf("3+4", "%d-%d", &a, &b)
	fmt.Println(n, err, a, b)
	var ok bool
	n, err = fmt.Sscan("true 300", &ok, &a)
	fmt.Println(n, err, ok, a)
	var u8 uint8
	n, err = fmt.Sscan("300", &u8)
	fmt.Println(n, err, u8)
	n, err = fmt.Sscan("-5", &u8)
	fmt.Println(n, err, u8)
}
