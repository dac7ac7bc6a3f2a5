// Payroll by department: staff sorted through sort.Interface, departments in a map of
// pointers holding pointers into the staff slice (a raise through them changes the slice),
// named results, and a report aligned with text/tabwriter.
package main

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"text/tabwriter"
)

type Employee struct {
	Name   string
	Dept   string
	Salary float64
	Tags   map[string]bool
}

type byDeptThenSalary []Employee

func (s byDeptThenSalary) Len() int      { return len(s) }
func (s byDeptThenSalary) Swap(i, j int) { s[i], s[j] = s[j], s[i] }
func (s byDeptThenSalary) Less(i, j int) bool {
	if s[i].Dept != s[j].Dept {
		return s[i].Dept < s[j].Dept
	}
	return s[i].Salary > s[j].Salary
}

type Department struct {
	Name      string
	Employees []*Employee
	Budget    float64
}

func (d *Department) Total() (sum float64) {
	for _, e := range d.Employees {
		sum += e.Salary
	}
	return
}

func (d *Department) Raise(pct float64) {
	for _, e := range d.Employees {
		e.Salary *= 1 + pct/100
	}
}

func main() {
	staff := []Employee{
		{"ann", "eng", 120, map[string]bool{"lead": true}},
		{"bob", "ops", 90, nil},
		{"cid", "eng", 100, map[string]bool{}},
		{"dee", "ops", 95, map[string]bool{"oncall": true}},
	}
	sort.Sort(byDeptThenSalary(staff))
	depts := map[string]*Department{}
	var order []string
	for i := range staff {
		e := &staff[i]
		d, ok := depts[e.Dept]
		if !ok {
			d = &Department{Name: e.Dept, Budget: 250}
			depts[e.Dept] = d
			order = append(order, e.Dept)
		}
		d.Employees = append(d.Employees, e)
	}
	depts["eng"].Raise(10)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "dept\tname\tsalary\ttags")
	for _, name := range order {
		d := depts[name]
		for _, e := range d.Employees {
			var tags []string
			for t := range e.Tags {
				tags = append(tags, t)
			}
			sort.Strings(tags)
			fmt.Fprintf(w, "%s\t%s\t%.1f\t%s\n", d.Name, e.Name, e.Salary, strings.Join(tags, ","))
		}
		over := ""
		if d.Total() > d.Budget {
			over = " OVER"
		}
		fmt.Fprintf(w, "%s\ttotal\t%.1f\t%s\n", d.Name, d.Total(), over)
	}
	w.Flush()
	fmt.Println(staff[0].Salary, len(staff[1].Tags))
}
