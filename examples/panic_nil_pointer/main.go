// Command panic_nil_pointer walks a linked chain of approvers and dereferences a nil
// pointer at the end of the chain, which panics at run time.
package main

import "fmt"

type Approver struct {
	Name  string
	Limit int
	Next  *Approver
}

func approve(a *Approver, amount int) string {
	for amount > a.Limit {
		fmt.Printf("%s cannot approve %d, escalating\n", a.Name, amount)
		a = a.Next
	}
	return a.Name
}

func main() {
	ceo := &Approver{Name: "ceo", Limit: 10000}
	manager := &Approver{Name: "manager", Limit: 1000, Next: ceo}
	lead := &Approver{Name: "lead", Limit: 100, Next: manager}

	for _, amount := range []int{50, 700, 5000} {
		fmt.Println(amount, "approved by", approve(lead, amount))
	}
	fmt.Println(20000, "approved by", approve(lead, 20000))
	fmt.Println("not reached")
}
