// Pointers to fields and elements: projections of the variable's cell.
package main

import "fmt"

type Inner struct{ N int }

type Outer struct {
	Name  string
	In    Inner
	Items [3]int
	List  []Inner
}

func bump(p *int) { *p += 10 }

func main() {
	var o Outer
	o.List = []Inner{{1}, {2}}
	p := &o.Items[1]
	*p = 5
	bump(&o.In.N)
	q := &o.List[1]
	q.N = 42
	fmt.Println(o.Items, o.In.N, o.List[1].N, *p)
	arr := [4]int{1, 2, 3, 4}
	for i := range arr {
		bump(&arr[i])
	}
	fmt.Println(arr, &arr[0] == &arr[0], &arr[0] == &arr[1])
	op := &Outer{Name: "x"}
	np := &op.Name
	*np = "changed"
	fmt.Println(op.Name)
	x := 3
	bump(&x)
	fmt.Println(x)
}
