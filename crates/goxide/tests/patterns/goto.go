package main

import "fmt"

func main() {
	i := 0
	if i == 0 {
		goto start
	}
	fmt.Println("skipped")
start:
	i++
	if i < 3 {
		goto start
	}
	for j := 0; j < 3; j++ {
		if j == 1 {
			goto done
		}
		fmt.Println("j =", j)
	}
done:
	fmt.Println("i =", i)
}
