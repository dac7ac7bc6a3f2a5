// A user registry kept in a map of pointers: users are added once, looked up with the
// comma-ok form and a nil check, changed in place, listed in order and removed.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type User struct {
	ID     string
	Name   string
	Logins int
	Tags   []string
}

func (u *User) AddTag(tag string) {
	for _, t := range u.Tags {
		if t == tag {
			return
		}
	}
	u.Tags = append(u.Tags, tag)
}

func (u *User) String() string {
	return fmt.Sprintf("%s (%s) logins=%d tags=[%s]", u.Name, u.ID, u.Logins, strings.Join(u.Tags, ","))
}

type Registry struct {
	users map[string]*User
}

var ErrNotFound = errors.New("user not found")

func NewRegistry() *Registry {
	return &Registry{users: make(map[string]*User)}
}

func newUser(id, name string) *User {
	return &User{ID: id, Name: name}
}

func (r *Registry) Add(id, name string) bool {
	if _, ok := r.users[id]; ok {
		return false
	}
	r.users[id] = newUser(id, name)
	return true
}

func (r *Registry) Login(id string) error {
	u, ok := r.users[id]
	if !ok {
		return fmt.Errorf("login %q: %w", id, ErrNotFound)
	}
	u.Logins++
	return nil
}

func (r *Registry) Tag(id, tag string) {
	if u := r.users[id]; u != nil {
		u.AddTag(tag)
	}
}

func (r *Registry) Rename(id, name string) error {
	u := r.users[id]
	if u == nil {
		return fmt.Errorf("rename %q: %w", id, ErrNotFound)
	}
	u.Name = name
	return nil
}

// Visit counts a visit, registering an unknown id as a guest first.
func (r *Registry) Visit(id string) {
	u, ok := r.users[id]
	if !ok {
		u = &User{ID: id, Name: "guest"}
		r.users[id] = u
	}
	u.Logins++
	u.AddTag("visitor")
}

func (r *Registry) TotalLogins() int {
	total := 0
	for _, u := range r.users {
		total += u.Logins
	}
	return total
}

func (r *Registry) ResetLogins() {
	for _, u := range r.users {
		u.Logins = 0
	}
}

func (r *Registry) IDs() []string {
	ids := make([]string, 0, len(r.users))
	for id := range r.users {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func (r *Registry) Print(title string) {
	fmt.Printf("-- %s (%d users)\n", title, len(r.users))
	for _, id := range r.IDs() {
		u := r.users[id]
		fmt.Println(u.String())
	}
}

func main() {
	r := NewRegistry()
	for _, p := range [][2]string{{"u1", "ada"}, {"u2", "bob"}, {"u3", "cy"}, {"u1", "dup"}} {
		if !r.Add(p[0], p[1]) {
			fmt.Println("already registered:", p[0])
		}
	}
	r.Login("u1")
	r.Login("u1")
	r.Login("u3")
	if err := r.Login("zed"); err != nil {
		fmt.Println("error:", err, errors.Is(err, ErrNotFound))
	}
	r.Tag("u2", "admin")
	r.Tag("u2", "admin")
	r.Tag("u2", "ops")
	r.Tag("nobody", "ops")
	if err := r.Rename("u2", "robert"); err != nil {
		fmt.Println("error:", err)
	}
	if err := r.Rename("u9", "x"); err != nil {
		fmt.Println("error:", err)
	}
	r.users["u3"].Logins += 10
	r.Visit("u2")
	r.Visit("g7")
	r.Visit("g7")
	r.Print("after logins")
	fmt.Println("total logins:", r.TotalLogins())
	delete(r.users, "u1")
	r.ResetLogins()
	r.Print("after removing u1 and resetting")
	fmt.Println("total logins:", r.TotalLogins())
}
