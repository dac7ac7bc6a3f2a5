// Command empty_interface_values stores settings of mixed types in interface{} values,
// prints them with fmt, and recovers the concrete values with type switches and assertions.
package main

import "fmt"

type Size struct{ W, H int }

type Setting struct {
	Key   string
	Value interface{}
}

func render(v interface{}) string {
	switch x := v.(type) {
	case nil:
		return "(unset)"
	case bool:
		if x {
			return "on"
		}
		return "off"
	case int, uint16:
		return fmt.Sprintf("number %v", x)
	case float64:
		return fmt.Sprintf("ratio %.2f", x)
	case string:
		return fmt.Sprintf("text %q (%d bytes)", x, len(x))
	case []string:
		return fmt.Sprintf("list of %d: %v", len(x), x)
	default:
		return fmt.Sprintf("unknown %T", x)
	}
}

func main() {
	settings := []Setting{
		{"debug", true},
		{"workers", 8},
		{"port", uint16(8080)},
		{"ratio", 0.75},
		{"name", "goxide"},
		{"tags", []string{"fast", "safe"}},
		{"owner", nil},
		{"window", Size{800, 600}},
	}
	for _, s := range settings {
		fmt.Printf("%-8s %-8T %v -> %s\n", s.Key, s.Value, s.Value, render(s.Value))
	}

	total := 0
	for _, s := range settings {
		if n, ok := s.Value.(int); ok {
			total += n
		}
	}
	fmt.Println("sum of int settings:", total)

	var box interface{} = 42
	box = "now a string"
	str, ok := box.(string)
	fmt.Println(str, ok)
	n, ok := box.(int)
	fmt.Println(n, ok)

	values := []interface{}{1, "a", 2.5, false, nil, uint16(22)}
	fmt.Println(values, len(values))
	fmt.Println(values[0] == 1, values[1] == "a", values[4] == nil, values[5] == 22)
}
