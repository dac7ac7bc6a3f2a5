package main

import (
	"encoding/json"
	"fmt"
	"os"
)

type Point struct {
	X, Y int
}

type Shape struct {
	Name   string            `json:"name"`
	Points []Point           `json:"points,omitempty"`
	Color  *string           `json:"color"`
	Attrs  map[string]string `json:"attrs,omitempty"`
	Raw    []byte            `json:"raw"`
	Meta   any               `json:"meta"`
	Hidden bool              `json:"-"`
	note   string
}

var config Shape

func load(data []byte, out *Shape) error {
	return json.Unmarshal(data, out)
}

func main() {
	s := Shape{Name: "tri", Points: []Point{{0, 0}, {1, 2}}}
	b, err := json.Marshal(s)
	fmt.Println(string(b), err)
	b, _ = json.MarshalIndent([]int{1, 2}, "", "  ")
	fmt.Println(string(b))

	var back Shape
	if err := json.Unmarshal(b, &back); err != nil {
		fmt.Println(err)
	}
	var m map[string]any
	json.Unmarshal([]byte(`{"a":[1,"x"]}`), &m)
	fmt.Println(m, json.Valid(b))
	json.Unmarshal([]byte(`{"name":"cfg"}`), &config)
	p := &Shape{}
	fmt.Println(load([]byte(`{"NAME":"p"}`), p), p.Name, config.Name)

	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "\t")
	enc.Encode(s.Points)
}
