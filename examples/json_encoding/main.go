package main

// Encodes and decodes an address book with encoding/json: struct tags (renames, omitempty,
// "-"), nested structs and pointers, maps with sorted keys, []byte as base64, HTML escaping,
// Go's float forms, MarshalIndent, an Encoder on stdout, decoding into structs, slices and
// map[string]any, and Go's syntax-error texts.
import (
	"encoding/json"
	"fmt"
	"os"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type Person struct {
	Name     string            `json:"name"`
	Age      int               `json:"age"`
	Email    string            `json:"email,omitempty"`
	Tags     []string          `json:"tags"`
	Scores   map[string]int    `json:"scores,omitempty"`
	Home     *Address          `json:"home,omitempty"`
	Password string            `json:"-"`
	Ratio    float64           `json:"ratio"`
	Avatar   []byte            `json:"avatar,omitempty"`
	Active   bool
	Meta     map[string]string `json:"meta"`
	secret   int
}

type Inventory struct {
	Items  []Item  `json:"items"`
	Total  float64 `json:"total"`
	Note   string  `json:"note"`
}

type Item struct {
	SKU   string  `json:"sku"`
	Price float64 `json:"price"`
	Qty   int     `json:"qty"`
}

func main() {
	p := Person{
		Name:     "Ada <Lovelace> & co",
		Age:      36,
		Tags:     []string{"math", "poetry"},
		Scores:   map[string]int{"zeta": 3, "alpha": 1, "mid": 2},
		Home:     &Address{Street: "12 St James's Sq"},
		Password: "hunter2",
		Ratio:    0.1,
		Avatar:   []byte("hi!?"),
		Active:   true,
		secret:   7,
	}
	data, err := json.Marshal(p)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(string(data))

	var empty Person
	data, _ = json.Marshal(empty)
	fmt.Println(string(data))

	inv := Inventory{
		Items: []Item{{"A-1", 2.5, 3}, {"B-22", 10, 1}},
		Total: 17.5,
		Note:  "line\u2028sep\ttab \"quoted\"",
	}
	pretty, err := json.MarshalIndent(inv, "", "  ")
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(string(pretty))

	floats := []float64{1, -0.5, 3.14159, 1e21, 1e20, 1e-7, 0.000001, 123456789.125}
	data, _ = json.Marshal(floats)
	fmt.Println(string(data))

	counts := map[int]string{10: "ten", 9: "nine", 100: "hundred"}
	data, _ = json.Marshal(counts)
	fmt.Println(string(data))

	var q Person
	input := `{"name":"Grace","age":85,"tags":["navy","cobol"],"home":{"street":"Arlington","city":"VA"},"avatar":"AQID","Active":true,"unknown":1}`
	if err := json.Unmarshal([]byte(input), &q); err != nil {
		fmt.Println("error:", err)
		return
	}
	fmt.Println(q.Name, q.Age, q.Tags, q.Home.Street, q.Home.City, q.Avatar, q.Active)

	var anyv map[string]any
	err = json.Unmarshal([]byte(`{"b":[1,"two",true,null],"a":2.5,"c":{"d":"e"}}`), &anyv)
	fmt.Println(anyv, err)
	fmt.Println(anyv["a"].(float64) * 2)
	again, _ := json.Marshal(anyv)
	fmt.Println(string(again))

	var nums []int
	err = json.Unmarshal([]byte(" [3, 1, 2] "), &nums)
	fmt.Println(nums, len(nums), err)

	bad := []string{`{"name": }`, `[1, 2`, `{"a" 1}`, `tru`, `{"a":1} x`, ``}
	for _, b := range bad {
		var v map[string]any
		err := json.Unmarshal([]byte(b), &v)
		fmt.Println(err)
	}
	fmt.Println(json.Valid([]byte(`{"ok":[1,2]}`)), json.Valid([]byte(`{ok}`)))

	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(map[string]int{"b": 2, "a": 1}); err != nil {
		fmt.Println("error:", err)
	}
	enc.SetIndent("# ", "\t")
	enc.SetEscapeHTML(false)
	enc.Encode(Address{Street: "<Main> & 1st", City: "Springfield"})
	json.NewEncoder(os.Stdout).Encode(Item{SKU: "Z", Price: 0.25, Qty: -1})

	type summary struct {
		Count int      `json:"count"`
		Names []string `json:"names,omitempty"`
	}
	var list []Item
	if err := json.Unmarshal([]byte(`[{"SKU":"a","PRICE":1.5,"qty":2},{"sku":"b","price":"bad","qty":1}]`), &list); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Println(len(list), list[0].SKU, list[0].Price, list[0].Qty, list[1].SKU, list[1].Price)
	s := summary{Count: len(list)}
	for _, it := range list {
		s.Names = append(s.Names, it.SKU)
	}
	out, _ := json.Marshal(s)
	fmt.Println(string(out))
}
