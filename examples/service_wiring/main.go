// Command service_wiring wires an application from its services the way Go services do:
// main builds each dependency, seeds it, and hands it to a constructor that stores it in a
// field. Nothing else keeps those pointers, so each field owns its service (Option<Box<T>>)
// and each constructor parameter takes the caller's box.
package main

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Repo keeps users by id.
type Repo struct {
	users map[int]string
	next  int
}

func NewRepo() *Repo { return &Repo{users: make(map[int]string), next: 1} }

func (r *Repo) Add(name string) int {
	id := r.next
	r.next++
	r.users[id] = name
	return id
}

var errNotFound = errors.New("no such user")

func (r *Repo) Find(id int) (string, error) {
	name, ok := r.users[id]
	if !ok {
		return "", errNotFound
	}
	return name, nil
}

// Mailer records what it sends.
type Mailer struct {
	from string
	sent []string
}

func (m *Mailer) Send(to, body string) {
	m.sent = append(m.sent, fmt.Sprintf("%s -> %s: %s", m.from, to, body))
}

// Metrics counts events.
type Metrics struct {
	counts map[string]int
}

func NewMetrics() *Metrics { return &Metrics{counts: map[string]int{}} }

func record(m *Metrics, key string) { m.counts[key]++ }

func report(m *Metrics) string {
	keys := make([]string, 0, len(m.counts))
	for k := range m.counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%d", k, m.counts[k]))
	}
	return strings.Join(parts, " ")
}

// Users is the user service: it needs the repo and the mailer.
type Users struct {
	repo   *Repo
	mailer *Mailer
}

func NewUsers(repo *Repo, mailer *Mailer) *Users {
	return &Users{repo: repo, mailer: mailer}
}

func (u *Users) Register(name string) int {
	id := u.repo.Add(name)
	u.mailer.Send(strings.ToLower(name), "welcome")
	return id
}

func (u *Users) Greet(id int) error {
	name, err := u.repo.Find(id)
	if err != nil {
		return fmt.Errorf("greet %d: %w", id, err)
	}
	u.mailer.Send(strings.ToLower(name), "hello "+name)
	return nil
}

// App holds the services and the metrics.
type App struct {
	name    string
	users   *Users
	metrics *Metrics
}

func NewApp(name string, users *Users) *App {
	return &App{name: name, users: users, metrics: NewMetrics()}
}

func (a *App) Handle(cmd string, arg string) {
	switch cmd {
	case "register":
		id := a.users.Register(arg)
		record(a.metrics, "register")
		fmt.Printf("%s: registered %s as %d\n", a.name, arg, id)
	case "greet":
		var id int
		fmt.Sscan(arg, &id)
		if err := a.users.Greet(id); err != nil {
			record(a.metrics, "error")
			fmt.Printf("%s: %v (not found: %v)\n", a.name, err, errors.Is(err, errNotFound))
			return
		}
		record(a.metrics, "greet")
	default:
		record(a.metrics, "unknown")
	}
}

func main() {
	repo := NewRepo()
	repo.Add("root")
	mailer := &Mailer{from: "noreply"}
	app := NewApp("demo", NewUsers(repo, mailer))

	app.Handle("register", "Alice")
	app.Handle("register", "Bob")
	app.Handle("greet", "2")
	app.Handle("greet", "7")
	app.Handle("reboot", "")

	for _, m := range app.users.mailer.sent {
		fmt.Println(m)
	}
	fmt.Println(report(app.metrics))
	fmt.Println(len(app.users.repo.users), "users; next id", app.users.repo.next)
}
