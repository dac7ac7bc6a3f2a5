package main

import (
	"fmt"
	"reflect"
)

type Pair struct {
	Key   string `json:"key"`
	count int
}

func (p Pair) Size() int { return len(p.Key) + p.count }

var calls int

func next() float64 {
	calls++
	return float64(calls)
}

func kindOf(x interface{}) reflect.Kind {
	return reflect.TypeOf(x).Kind()
}

func main() {
	t := reflect.TypeOf(Pair{})
	f := t.Field(0)
	fmt.Println(t.String(), t.NumField(), f.Name, f.Tag.Get("json"))
	v := reflect.ValueOf(Pair{"a", 2})
	fmt.Println(v.Field(1).Int(), kindOf(3) == reflect.Int)
	size := v.Method(0).Interface().(func() int)
	fmt.Println(t.Method(0).Name, size())
	fmt.Println(reflect.TypeOf(next()).Kind(), calls)
	var x, y interface{} = []int{1}, []int{1}
	fmt.Println(reflect.DeepEqual(x, y))
}
