// Local pointers that are nil or own a fresh value: Option<T> in Rust.
package main

import "fmt"

type Config struct {
	Name    string
	Retries int
}

func (c *Config) Describe() string {
	return fmt.Sprintf("%s (retries=%d)", c.Name, c.Retries)
}

func defaultConfig() *Config {
	return &Config{Name: "default", Retries: 3}
}

func tune(c *Config, extra int) {
	c.Retries += extra
}

type Stats struct {
	Seen int
	Max  int
}

// summarize makes its stats value only when there is something to count.
func summarize(xs []int) string {
	var st *Stats
	for _, x := range xs {
		if st == nil {
			fmt.Println("  first value:", x)
			st = &Stats{}
		}
		st.Seen++
		if x > st.Max {
			st.Max = x
		}
	}
	if st == nil {
		return "no values"
	}
	return fmt.Sprintf("%d values, max %d", st.Seen, st.Max)
}

func readName() (name string) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("recovered:", r)
			name = "<none>"
		}
	}()
	var c *Config
	fmt.Println("config is nil:", c == nil)
	return c.Name
}

func main() {
	var cfg *Config
	if cfg == nil {
		fmt.Println("no config yet")
	}
	for i := 0; i < 2; i++ {
		if cfg == nil {
			fmt.Println("making config")
			cfg = defaultConfig()
		}
		tune(cfg, i+1)
	}
	fmt.Println(cfg.Describe())
	fmt.Println(*cfg)

	cfg = nil
	fmt.Println("reset:", cfg == nil)
	cfg = new(Config)
	cfg.Name = "blank"
	fmt.Println(cfg.Describe())

	fmt.Println(summarize(nil))
	fmt.Println(summarize([]int{4, 9, 2}))

	fmt.Println("name:", readName())
}
