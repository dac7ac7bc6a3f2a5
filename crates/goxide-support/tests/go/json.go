// Cases for the json support module; json.out is this program's output under Go 1.19.
package main

import (
	"encoding/json"
	"fmt"
	"math"
)

type Inner struct {
	City string `json:"city,omitempty"`
	Zip  int    `json:"zip"`
}

type Outer struct {
	Name  string           `json:"name"`
	Count int8             `json:"count"`
	Ratio float32          `json:"ratio"`
	Tags  []string         `json:"tags,omitempty"`
	In    Inner            `json:"in"`
	Ptr   *Inner           `json:"ptr"`
	Data  []byte           `json:"data"`
	Any   interface{}      `json:"any"`
	Nums  [3]int           `json:"nums"`
	Map   map[int]float64  `json:"map"`
}

func main() {
	floats := []float64{0, -0.0, 1, 1.5, 1e20, 1e21, 123456789, 1e-6, 1e-7, 2.5e-10, 1.7976931348623157e308, 5e-324, 0.1, 100}
	for _, f := range floats {
		b, _ := json.Marshal(f)
		fmt.Println(string(b))
	}
	f32 := []float32{1e-7, 0.1, 3.4e38, 1e21, 16777216}
	for _, f := range f32 {
		b, _ := json.Marshal(f)
		fmt.Println(string(b))
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		_, err := json.Marshal(f)
		fmt.Println(err)
	}
	strs := []string{"", "plain", "a<b>&c", "quote\" back\\ slash/", "\x00\x01\x1f\x7f", "\b\f\n\r\t", "é😀", "\u2028\u2029"}
	for _, s := range strs {
		b, _ := json.Marshal(s)
		fmt.Println(string(b))
	}
	m := map[string]int{"b": 2, "a": 1, "A": 0, "aa": 3, "é": 4}
	b, _ := json.Marshal(m)
	fmt.Println(string(b))
	o := Outer{Name: "x", Count: -3, Ratio: 0.1, In: Inner{Zip: 7}, Data: []byte{0, 1, 2, 250}, Any: "s", Nums: [3]int{1, 2, 3}, Map: map[int]float64{2: 0.5, 10: 1}}
	b, _ = json.MarshalIndent(o, ">", "\t")
	fmt.Println(string(b))
	b, _ = json.MarshalIndent(map[string]any{"e": []any{}, "o": map[string]any{}, "n": nil}, "", "  ")
	fmt.Println(string(b))

	bad := []string{``, ` `, `{`, `[1,]`, `{"a":1,}`, `{"a" 1}`, `{"a":1 "b":2}`, `[1 2]`, `{1:2}`, `01`, `-`, `1.`, `1e`, `1e+`, `.5`, `"abc`, "\"a\tb\"", `"\x"`, `"\u12g4"`, `nul`, `nulL`, `fals`, `true false`, `{"a":1}}`, `'a'`, `[1,2]x`, "\xff"}
	for _, s := range bad {
		var v interface{}
		err := json.Unmarshal([]byte(s), &v)
		fmt.Printf("%q: %v %v\n", s, err, json.Valid([]byte(s)))
	}

	var out Outer
	err := json.Unmarshal([]byte(`{"NAME":"n","count":300,"ratio":"x","in":{"city":"c","zip":1.5},"ptr":{"zip":9},"data":"AAEC+g==","any":[1,{"k":null}],"nums":[4,5,6,7],"map":{"3":1.25},"extra":true,"name":"last"}`), &out)
	fmt.Println(err)
	fmt.Println(out.Name, out.Count, out.Ratio, out.In.City, out.In.Zip, out.Ptr.Zip, out.Data, out.Any, out.Nums, out.Map)
	var out2 Outer
	err = json.Unmarshal([]byte(`{"in":"nope","tags":["a",2]}`), &out2)
	fmt.Println(err, out2.Tags, len(out2.Tags))
	var n int
	fmt.Println(json.Unmarshal([]byte(`"7"`), &n), n)
	fmt.Println(json.Unmarshal([]byte(`7`), &n), n)
	var u8 uint8
	fmt.Println(json.Unmarshal([]byte(`-1`), &u8), u8)
	var arr []Inner
	fmt.Println(json.Unmarshal([]byte(`{"a":1}`), &arr), arr)
	var in Inner
	fmt.Println(json.Unmarshal([]byte(`[1]`), &in), in)
	var s string
	fmt.Println(json.Unmarshal([]byte(`"a\u00e9\ud83d\ude00\ud800x\n"`), &s), s)
}
