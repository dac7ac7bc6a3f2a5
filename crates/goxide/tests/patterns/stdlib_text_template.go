package main

import (
	"fmt"
	"os"
	"strings"
	"text/template"
)

type Item struct {
	Name string
	Qty  int
}

type Order struct {
	ID    int
	Items []Item
	Notes map[string]string
}

func main() {
	o := Order{ID: 7, Items: []Item{{"a", 1}, {"b", 2}}, Notes: map[string]string{"k": "v"}}
	t := template.Must(template.New("order").Parse(`{{.ID}}:{{range .Items}} {{.Name}}x{{.Qty}}{{end}}
{{range $k, $v := .Notes}}{{$k}}={{$v}}{{end}} {{if gt (len .Items) 1}}many{{else}}few{{end}}
`))
	if err := t.Execute(os.Stdout, o); err != nil {
		fmt.Println(err)
	}
	var b strings.Builder
	t2, err := template.New("x").Parse("{{printf \"%03d\" .ID}}")
	fmt.Println(err)
	t2.Execute(&b, o)
	fmt.Println(b.String())
}
