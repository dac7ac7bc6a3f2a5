package main

import (
	"errors"
	"fmt"
)

type Shape interface{ Area() float64 }

type Sq struct{ s float64 }

func (q Sq) Area() float64 { return q.s * q.s }

type Named struct{ name string }

func (n *Named) String() string { return "named:" + n.name }

func describe(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int:
		return fmt.Sprint("int ", x)
	case Shape:
		return fmt.Sprint("shape ", x.Area())
	case fmt.Stringer:
		return "stringer " + x.String()
	case error:
		return "error " + x.Error()
	default:
		return fmt.Sprintf("other %v", x)
	}
}

func main() {
	fmt.Println(describe(nil))
	fmt.Println(describe(3))
	fmt.Println(describe(Sq{2}))
	fmt.Println(describe(&Named{"a"}))
	fmt.Println(describe(errors.New("boom")))
	fmt.Println(describe("s"))
	var v interface{} = Sq{3}
	if s, ok := v.(Shape); ok {
		fmt.Println("area", s.Area())
	}
	if _, ok := v.(fmt.Stringer); !ok {
		fmt.Println("not a stringer")
	}
}
