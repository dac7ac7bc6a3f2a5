// Fluent builders: methods that return their receiver so that calls chain. goxide gives them
// `&mut self` and returns the borrow (`fn header(&mut self, k: String, v: String) -> &mut
// Self`), so the builder is a plain owned value (`let mut req = new_request(…);
// req.header(…).query(…);`) instead of a shared cell.
package main

import (
	"fmt"
	"sort"
	"strings"
)

// Request is built step by step before it is sent.
type Request struct {
	method  string
	path    string
	headers map[string]string
	params  []string
	body    string
}

func NewRequest(method, path string) *Request {
	return &Request{method: method, path: path, headers: map[string]string{}}
}

func (r *Request) Header(k, v string) *Request {
	r.headers[k] = v
	return r
}

func (r *Request) Query(k string, v interface{}) *Request {
	r.params = append(r.params, fmt.Sprintf("%s=%v", k, v))
	return r
}

// JSON sets the body and its content type, chaining on its own receiver.
func (r *Request) JSON(body string) *Request {
	r.body = body
	return r.Header("Content-Type", "application/json")
}

func (r *Request) URL() string {
	if len(r.params) == 0 {
		return r.path
	}
	return r.path + "?" + strings.Join(r.params, "&")
}

func (r *Request) String() string {
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s %s\n", r.method, r.URL())
	keys := make([]string, 0, len(r.headers))
	for k := range r.headers {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&sb, "%s: %s\n", k, r.headers[k])
	}
	if r.body != "" {
		sb.WriteString("\n" + r.body + "\n")
	}
	return sb.String()
}

// Table collects rows and renders them with aligned columns.
type Table struct {
	rows  [][]string
	width []int
}

func (t *Table) Row(cells ...string) *Table {
	for i, c := range cells {
		if i >= len(t.width) {
			t.width = append(t.width, 0)
		}
		if len(c) > t.width[i] {
			t.width[i] = len(c)
		}
	}
	t.rows = append(t.rows, cells)
	return t
}

func (t *Table) Render() string {
	var lines []string
	for _, row := range t.rows {
		var cells []string
		for i, c := range row {
			cells = append(cells, c+strings.Repeat(" ", t.width[i]-len(c)))
		}
		lines = append(lines, strings.TrimRight(strings.Join(cells, " | "), " "))
	}
	return strings.Join(lines, "\n")
}

func main() {
	req := NewRequest("GET", "/users").Query("page", 2).Query("active", true)
	req.Header("Accept", "text/plain")
	fmt.Print(req.String())

	post := NewRequest("POST", "/users").JSON(`{"name":"ana"}`).Header("X-Trace", "42")
	fmt.Print(post.String())
	fmt.Println(post.URL(), len(post.headers))

	var t Table
	t.Row("name", "age").Row("ana", "31").Row("bartholomew", "7")
	fmt.Println(t.Render())
}
