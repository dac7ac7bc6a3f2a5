package main

import (
	"fmt"
	"sort"
)

type User struct {
	Name   string
	Logins int
}

func (u *User) Login() { u.Logins++ }

func NewUser(name string) *User {
	return &User{Name: name}
}

// Every `*User` of a `map[string]*User` is made fresh for it and only reached through: the
// map holds the values, `HashMap<String, User>`.
type Registry struct {
	users map[string]*User
}

func (r *Registry) Add(id, name string) {
	r.users[id] = NewUser(name)
}

// `v, ok := m[k]` and a guard that leaves: `let Some(u) = … else { … };`.
func (r *Registry) Login(id string) error {
	u, ok := r.users[id]
	if !ok {
		return fmt.Errorf("no user %q", id)
	}
	u.Login()
	return nil
}

// `if v, ok := m[k]; ok`: `if let Some(u) = …`, reading only, so `get` and `&self`.
func (r *Registry) Name(id string) string {
	if u, ok := r.users[id]; ok {
		return u.Name
	}
	return "?"
}

// A loop over the values borrows each one in place.
func (r *Registry) Total() int {
	n := 0
	for _, u := range r.users {
		n += u.Logins
	}
	return n
}

// Get or create: the missing key is filled with a fresh value, `entry(k).or_insert_with`.
func (r *Registry) Touch(id string) {
	u, ok := r.users[id]
	if !ok {
		u = &User{Name: "guest-" + id}
		r.users[id] = u
	}
	u.Logins++
}

func main() {
	r := &Registry{users: map[string]*User{"root": {Name: "admin"}}}
	r.Add("u1", "ada")
	r.Add("u2", "bob")
	r.Login("u1")
	r.Login("u1")
	if err := r.Login("u9"); err != nil {
		fmt.Println(err)
	}
	// A value reached through an index: in place (a missing key is Go's nil pointer).
	r.users["u2"].Logins += 5
	r.users["root"].Login()
	r.Touch("u3")
	r.Touch("u3")
	ids := make([]string, 0, len(r.users))
	for id := range r.users {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		fmt.Println(id, r.Name(id), r.users[id].Logins)
	}
	delete(r.users, "u2")
	fmt.Println(r.Total(), len(r.users), r.Name("u2"))
}
