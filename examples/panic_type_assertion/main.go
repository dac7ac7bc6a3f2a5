// Command panic_type_assertion reads typed values out of a generic settings map and makes a
// single-result type assertion that does not hold, which panics.
package main

import "fmt"

func main() {
	settings := map[string]interface{}{
		"name":    "indexer",
		"workers": 4,
		"verbose": true,
		"timeout": "30s",
	}
	name := settings["name"].(string)
	workers := settings["workers"].(int)
	verbose := settings["verbose"].(bool)
	fmt.Println(name, workers, verbose)

	if t, ok := settings["timeout"].(int); ok {
		fmt.Println("timeout", t)
	} else {
		fmt.Println("timeout is not an int:", settings["timeout"])
	}
	seconds := settings["timeout"].(int)
	fmt.Println("timeout in seconds:", seconds)
}
