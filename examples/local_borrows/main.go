// Local pointers to local variables: a pointer taken with & and used while the variable
// itself is left alone is an alias, so a write through the pointer shows in the variable.
package main

import "fmt"

type Inventory struct {
	Name  string
	Count int
	Log   []string
}

func (inv *Inventory) Add(n int) {
	inv.Count += n
	inv.Log = append(inv.Log, fmt.Sprintf("add %d", n))
}

func (inv *Inventory) Remove(n int) bool {
	if n > inv.Count {
		inv.Log = append(inv.Log, fmt.Sprintf("refuse %d", n))
		return false
	}
	inv.Count -= n
	inv.Log = append(inv.Log, fmt.Sprintf("remove %d", n))
	return true
}

func (inv Inventory) Summary() string {
	return fmt.Sprintf("%s: %d (%d entries)", inv.Name, inv.Count, len(inv.Log))
}

type Warehouse struct {
	Main  Inventory
	Spare Inventory
	Moves int
}

func restock(inv *Inventory, to int) {
	if inv.Count < to {
		inv.Add(to - inv.Count)
	}
}

func tally(inv *Inventory) int {
	return inv.Count
}

func main() {
	// A write through p is seen through the variable afterwards.
	bolts := Inventory{Name: "bolts"}
	p := &bolts
	p.Add(10)
	p.Remove(3)
	p.Count++
	restock(p, 20)
	if bolts.Count != 20 {
		panic("the write through p was lost")
	}
	fmt.Println(bolts.Summary())
	fmt.Println(bolts.Log)

	// A pointer to a field, used in a loop.
	var w Warehouse
	w.Main.Name = "main"
	m := &w.Main
	for i := 1; i <= 3; i++ {
		m.Add(i * 5)
	}
	m.Remove(100)
	fmt.Println(w.Main.Summary(), w.Main.Log)

	// A pointer to a basic value.
	moves := 0
	pm := &moves
	for _, n := range []int{4, 1, 7} {
		*pm += n
	}
	w.Moves = moves
	fmt.Println("moves:", w.Moves)

	// A method with a value receiver called through the pointer, and the pointer passed on.
	spare := Inventory{Name: "spare", Count: 2}
	ro := &spare
	fmt.Println(ro.Summary(), tally(ro))

	// A pointer compared with nil and assigned later stays a shared pointer.
	extra := Inventory{Name: "extra"}
	var maybe *Inventory
	if maybe == nil {
		maybe = &extra
	}
	maybe.Add(1)
	fmt.Println(extra.Count, maybe == nil)

	// Two pointers to one variable, one after the other.
	total := Inventory{Name: "total"}
	a := &total
	a.Add(bolts.Count)
	b := &total
	b.Add(w.Main.Count)
	fmt.Println(total.Summary())
}
