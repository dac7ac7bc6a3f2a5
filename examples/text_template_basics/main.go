package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name  string
	Price float64
	Qty   int
}

type Order struct {
	ID       int
	Customer string
	Items    []Item
	Paid     bool
	Notes    map[string]string
}

func main() {
	order := Order{
		ID:       42,
		Customer: "Ada",
		Items: []Item{
			{Name: "widget", Price: 2.5, Qty: 4},
			{Name: "gadget", Price: 10, Qty: 1},
		},
		Paid:  false,
		Notes: map[string]string{"gift": "yes", "door": "back"},
	}
	t := template.Must(template.New("order").Parse(`Order {{.ID}} for {{.Customer}}
{{range .Items}}- {{.Name}} x{{.Qty}} at {{printf "%.2f" .Price}}
{{end}}{{if .Paid}}paid{{else}}unpaid{{end}} {{len .Items}} items
`))
	err := t.Execute(os.Stdout, order)
	if err != nil {
		fmt.Println("error:", err)
	}

	t2 := template.Must(template.New("notes").Parse(`{{/* notes in key order */ -}}
{{range $k, $v := .Notes}}{{$k}}={{$v}};{{end}}
{{- with .Customer}} customer {{.}}{{end}}
{{if eq .ID 7}}seven{{else if gt .ID 40}}big{{else}}small{{end}}
{{index .Items 1}} {{(index .Items 0).Name}} {{.Items}}
{{print "a" 1 2 "b"}} {{len .Customer}} {{not .Paid}}
`))
	var b strings.Builder
	if err := t2.Execute(&b, order); err != nil {
		fmt.Println("error:", err)
	}
	fmt.Print(b.String())

	empty := Order{ID: 1}
	t3 := template.Must(template.New("empty").Parse(`{{range .Items}}item{{else}}no items{{end}} [{{.Notes}}]
`))
	if err := t3.Execute(os.Stdout, empty); err != nil {
		fmt.Println("error:", err)
	}

	_, err = template.New("bad").Parse("{{.ID}\n{{if .Paid}}")
	fmt.Println("parse:", err)
	_, err = template.New("bad2").Parse("x {{end}}")
	fmt.Println("parse:", err)
	_, err = template.New("bad3").Parse("{{foo .ID}}")
	fmt.Println("parse:", err)

	t4 := template.Must(template.New("exec").Parse("ok {{.Missing}} after"))
	err = t4.Execute(os.Stdout, order)
	fmt.Println()
	fmt.Println("exec:", err)
}
