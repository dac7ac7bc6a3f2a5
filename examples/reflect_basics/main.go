// Reflection on static types and interface values: type names and kinds, struct fields and
// tags, values read through reflect.Value, and reflect.DeepEqual.
package main

import (
	"fmt"
	"reflect"
)

type Celsius float64

func (c Celsius) Fahrenheit() float64 { return float64(c)*9/5 + 32 }

func (c Celsius) Describe(unit string) string { return fmt.Sprintf("%.1f %s", float64(c), unit) }

type Point struct {
	X, Y int
}

type User struct {
	Name  string `json:"name" db:"user_name"`
	Age   int    `json:"age,omitempty"`
	email string
	Point
}

func describe(x interface{}) string {
	t := reflect.TypeOf(x)
	if t == nil {
		return "nil"
	}
	return fmt.Sprintf("%s (kind %s)", t.String(), t.Kind().String())
}

func main() {
	fmt.Println(describe(42))
	fmt.Println(describe("hi"))
	fmt.Println(describe([]string{"a"}))
	fmt.Println(describe(&Point{1, 2}))
	fmt.Println(describe(Celsius(21.5)) != "")

	t := reflect.TypeOf(User{})
	fmt.Println(t.Name(), t.PkgPath(), t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Printf("%d %s %s json=%q db=%q exported=%v embedded=%v\n",
			i, f.Name, f.Type.String(), f.Tag.Get("json"), f.Tag.Get("db"), f.PkgPath == "", f.Anonymous)
	}
	if f, ok := t.FieldByName("Y"); ok {
		fmt.Println("promoted:", f.Name, f.Index)
	}

	pt := reflect.TypeOf(&Point{})
	fmt.Println(pt.Kind() == reflect.Ptr, pt.Elem().Name(), pt.Elem().Kind())

	u := User{Name: "Ada", Age: 36, email: "ada@example.com", Point: Point{3, 4}}
	v := reflect.ValueOf(u)
	fmt.Println(v.Field(0).String(), v.Field(1).Int(), v.Field(1).Kind())
	fmt.Println(v.Field(3).Field(1).Int(), v.Field(3).Type().String())
	fmt.Println(v.Field(0).Interface() == "Ada")

	var any interface{} = 7
	iv := reflect.ValueOf(any)
	fmt.Println(iv.Kind(), iv.Int()*6)

	ct := reflect.TypeOf(Celsius(0))
	for i := 0; i < ct.NumMethod(); i++ {
		fmt.Println("method", i, ct.Method(i).Name, ct.Method(i).Type.String())
	}
	toF := ct.Method(1).Func.Interface().(func(Celsius) float64)
	fmt.Println(toF(100))
	describe := reflect.ValueOf(Celsius(21.5)).MethodByName("Describe").Interface().(func(string) string)
	fmt.Println(describe("C"))

	fmt.Println(reflect.DeepEqual([]int{1, 2}, []int{1, 2}))
	fmt.Println(reflect.DeepEqual(map[string]int{"a": 1}, map[string]int{"a": 2}))
	var a, b interface{} = Point{1, 2}, Point{1, 2}
	fmt.Println(reflect.DeepEqual(a, b), reflect.DeepEqual(a, 3), reflect.DeepEqual(nil, nil))
}
