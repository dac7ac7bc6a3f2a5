// Command stack_type shows a small stack type with pointer-receiver methods, used to
// check bracket balance and evaluate reverse Polish notation expressions.
package main

import "fmt"

type Stack struct {
	items []int
}

func (s *Stack) Push(v int) { s.items = append(s.items, v) }

func (s *Stack) Pop() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v, true
}

func (s *Stack) Peek() (int, bool) {
	if len(s.items) == 0 {
		return 0, false
	}
	return s.items[len(s.items)-1], true
}

func (s *Stack) Len() int { return len(s.items) }

func balanced(text string) bool {
	var st Stack
	pairs := map[byte]byte{')': '(', ']': '[', '}': '{'}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch c {
		case '(', '[', '{':
			st.Push(int(c))
		case ')', ']', '}':
			top, ok := st.Pop()
			if !ok || byte(top) != pairs[c] {
				return false
			}
		}
	}
	return st.Len() == 0
}

func evalRPN(tokens []string) int {
	st := &Stack{}
	for _, t := range tokens {
		switch t {
		case "+", "-", "*", "/":
			b, _ := st.Pop()
			a, _ := st.Pop()
			switch t {
			case "+":
				st.Push(a + b)
			case "-":
				st.Push(a - b)
			case "*":
				st.Push(a * b)
			case "/":
				st.Push(a / b)
			}
		default:
			n := 0
			for i := 0; i < len(t); i++ {
				n = n*10 + int(t[i]-'0')
			}
			st.Push(n)
		}
	}
	v, _ := st.Peek()
	return v
}

func main() {
	for _, s := range []string{"(a[b]{c})", "(]", "((", "", "{[()()]}"} {
		fmt.Printf("%q balanced: %t\n", s, balanced(s))
	}
	fmt.Println(evalRPN([]string{"3", "4", "+", "2", "*"}))
	fmt.Println(evalRPN([]string{"100", "7", "/", "5", "-"}))
	var s Stack
	_, ok := s.Pop()
	fmt.Println(ok, s.Len())
}
