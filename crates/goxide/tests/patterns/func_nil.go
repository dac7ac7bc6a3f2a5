package main

type Hooks struct {
	OnStart func(name string)
}

func start(h Hooks, name string) {
	if h.OnStart != nil {
		h.OnStart(name)
	}
}

func main() {
	start(Hooks{}, "quiet")
	start(Hooks{OnStart: func(n string) { println("start", n) }}, "loud")
	ops := map[string]func(int) int{
		"double": func(n int) int { return 2 * n },
		"square": func(n int) int { return n * n },
	}
	if op := ops["cube"]; op == nil {
		println("no cube")
	}
	println(ops["square"](7))
}
