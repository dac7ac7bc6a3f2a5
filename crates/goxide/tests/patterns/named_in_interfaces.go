package main

import "fmt"

type Level int

func (l Level) String() string { return [...]string{"D", "I", "W"}[l] }

type Celsius float64

type Code int

func (c Code) Error() string { return fmt.Sprintf("code %d", int(c)) }

func show(v interface{}) { fmt.Println(v) }

func logf(format string, args ...interface{}) { fmt.Printf(format+"\n", args...) }

func kind(v interface{}) string {
	switch x := v.(type) {
	case int:
		return fmt.Sprint("int ", x)
	case Level:
		return fmt.Sprint("level ", x, " ", int(x))
	case Celsius:
		return fmt.Sprint("celsius ", float64(x))
	}
	return "other"
}

func main() {
	var x interface{} = Level(1)
	fmt.Println(x)
	show(Level(2))
	if l, ok := x.(Level); ok {
		fmt.Println("level", l)
	}
	if _, ok := x.(int); !ok {
		fmt.Println("not int")
	}
	fmt.Printf("%v %d %T\n", x, x, x)
	logf("level=%v temp=%v code=%v", Level(0), Celsius(21.5), Code(7))
	fmt.Println(kind(Level(2)), kind(3), kind(Celsius(-4)), kind("s"))
	fmt.Println(x == Level(1), x == 1, x == interface{}(Level(1)))
	var y interface{} = Celsius(3)
	fmt.Printf("%T %v %.1f\n", y, y, y)
	fmt.Println(x.(Level) + 1)
	switch x {
	case Level(0):
		fmt.Println("zero")
	case Level(1):
		fmt.Println("one")
	}
}
