// Command expr_evaluator evaluates and simplifies arithmetic expression trees built from
// struct types behind an Expr interface, dispatching with type switches.
package main

import "fmt"

type Expr interface {
	String() string
}

type Num struct{ V int }

type Var struct{ Name string }

type Bin struct {
	Op   byte
	L, R Expr
}

func (n Num) String() string { return fmt.Sprint(n.V) }
func (v Var) String() string { return v.Name }
func (b Bin) String() string {
	return "(" + b.L.String() + " " + string(b.Op) + " " + b.R.String() + ")"
}

func eval(e Expr, env map[string]int) int {
	switch e := e.(type) {
	case Num:
		return e.V
	case Var:
		return env[e.Name]
	case Bin:
		l, r := eval(e.L, env), eval(e.R, env)
		switch e.Op {
		case '+':
			return l + r
		case '-':
			return l - r
		case '*':
			return l * r
		}
	}
	panic("bad expression")
}

// simplify folds constants and removes x*1, x+0 and x*0.
func simplify(e Expr) Expr {
	b, ok := e.(Bin)
	if !ok {
		return e
	}
	l, r := simplify(b.L), simplify(b.R)
	ln, lok := l.(Num)
	rn, rok := r.(Num)
	switch {
	case lok && rok:
		return Num{eval(Bin{b.Op, ln, rn}, nil)}
	case b.Op == '*' && (rok && rn.V == 0 || lok && ln.V == 0):
		return Num{0}
	case b.Op == '*' && rok && rn.V == 1, b.Op == '+' && rok && rn.V == 0:
		return l
	case b.Op == '*' && lok && ln.V == 1, b.Op == '+' && lok && ln.V == 0:
		return r
	}
	return Bin{b.Op, l, r}
}

func main() {
	env := map[string]int{"x": 5, "y": -2}
	exprs := []Expr{
		Bin{'+', Num{2}, Bin{'*', Num{3}, Num{4}}},
		Bin{'*', Var{"x"}, Bin{'-', Num{3}, Num{2}}},
		Bin{'+', Bin{'*', Num{0}, Var{"y"}}, Bin{'+', Var{"x"}, Num{0}}},
		Bin{'-', Bin{'*', Var{"x"}, Var{"x"}}, Bin{'*', Num{2}, Var{"y"}}},
	}
	for _, e := range exprs {
		s := simplify(e)
		fmt.Printf("%s = %d; simplified %s = %d\n", e.String(), eval(e, env), s.String(), eval(s, env))
	}
	_, isNum := simplify(exprs[0]).(Num)
	fmt.Println("first folds to a number:", isNum)
}
