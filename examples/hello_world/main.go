// Command hello_world prints a greeting, the smallest complete goxide example.
package main

import "fmt"

func main() {
	fmt.Println("Hello, world!")
	name := "goxide"
	fmt.Println("Hello,", name)
	fmt.Printf("Hello again, %s!\n", name)
}
