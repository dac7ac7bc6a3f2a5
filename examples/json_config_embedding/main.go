// Service configuration from JSON: users embed a Base (id, with a promoted pointer method)
// and a Logger interface set after decoding; nested anonymous structs, omitempty fields,
// and an invalid document.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

type Base struct {
	ID      int       `json:"id"`
	Created time.Time `json:"-"`
}

func (b *Base) Touch(id int) { b.ID = id }
func (b Base) Describe() string { return fmt.Sprintf("#%d", b.ID) }

type Logger interface{ Log(string) }

type stdoutLogger struct{ prefix string }

func (l stdoutLogger) Log(s string) { fmt.Println(l.prefix + s) }

type User struct {
	Base
	Logger `json:"-"`
	Name   string            `json:"name"`
	Email  string            `json:"email,omitempty"`
	Roles  []string          `json:"roles"`
	Meta   map[string]string `json:"meta,omitempty"`
}

type Config struct {
	Users   []User `json:"users"`
	Verbose bool   `json:"verbose"`
	Limits  struct {
		MaxUsers int `json:"max_users"`
	} `json:"limits"`
}

func main() {
	raw := `{"users":[{"id":1,"name":"ann","roles":["admin"]},{"id":2,"name":"bob","email":"b@x.io","roles":["dev","ops"],"meta":{"team":"core"}}],"verbose":true,"limits":{"max_users":10}}`
	var cfg Config
	if err := json.Unmarshal([]byte(raw), &cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bad config:", err)
		os.Exit(1)
	}
	for i := range cfg.Users {
		u := &cfg.Users[i]
		u.Logger = stdoutLogger{prefix: "[" + u.Name + "] "}
		u.Touch(u.ID * 10)
		u.Log(u.Describe() + " roles=" + strings.Join(u.Roles, ","))
	}
	fmt.Println(cfg.Verbose, cfg.Limits.MaxUsers, len(cfg.Users))
	out, err := json.MarshalIndent(cfg.Users[1], "", "  ")
	if err != nil {
		panic(err)
	}
	fmt.Println(string(out))
	var bad Config
	err = json.Unmarshal([]byte(`{"users": 5}`), &bad)
	fmt.Println(err != nil)
}
