package main

func main() {
	ch := make(chan int, 1)
	ch <- 1
	i := 0
loop:
	if i < 3 {
		i++
		goto loop
	}
	println(i)
}
