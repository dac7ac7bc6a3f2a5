package main

import "fmt"

func describe(x interface{}) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprintf("int %d", v+1)
	case string, bool:
		return fmt.Sprint("string or bool ", v)
	default:
		return fmt.Sprintf("other %v", v)
	}
}

func main() {
	for _, x := range []interface{}{1, "a", true, 2.5, nil} {
		fmt.Println(describe(x))
	}
}
