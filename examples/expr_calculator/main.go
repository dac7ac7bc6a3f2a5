// A calculator: a lexer over runes with a custom error type that wraps a sentinel
// (errors.Is and errors.As follow its Unwrap), and a shunting-yard evaluator with an
// operator stack, a closure that pops it, and errors for bad input.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

type Token struct {
	Kind string
	Text string
	Pos  int
}

type Lexer struct {
	src  []rune
	pos  int
	toks []Token
}

var ErrUnexpected = errors.New("unexpected character")

type LexError struct {
	Pos int
	Ch  rune
	Err error
}

func (e *LexError) Error() string { return fmt.Sprintf("%d: %q: %v", e.Pos, e.Ch, e.Err) }
func (e *LexError) Unwrap() error { return e.Err }

func (l *Lexer) run() error {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		switch {
		case unicode.IsSpace(c):
			l.pos++
		case unicode.IsDigit(c):
			start := l.pos
			for l.pos < len(l.src) && (unicode.IsDigit(l.src[l.pos]) || l.src[l.pos] == '.') {
				l.pos++
			}
			l.emit("NUM", start)
		case unicode.IsLetter(c) || c == '_':
			start := l.pos
			for l.pos < len(l.src) && (unicode.IsLetter(l.src[l.pos]) || unicode.IsDigit(l.src[l.pos]) || l.src[l.pos] == '_') {
				l.pos++
			}
			l.emit("IDENT", start)
		case strings.ContainsRune("+-*/()=", c):
			l.pos++
			l.emit("OP", l.pos-1)
		default:
			return &LexError{Pos: l.pos, Ch: c, Err: ErrUnexpected}
		}
	}
	return nil
}

func (l *Lexer) emit(kind string, start int) {
	l.toks = append(l.toks, Token{kind, string(l.src[start:l.pos]), start})
}

func eval(toks []Token) (float64, error) {
	var stack []float64
	var ops []string
	prec := map[string]int{"+": 1, "-": 1, "*": 2, "/": 2}
	apply := func() error {
		if len(stack) < 2 {
			return errors.New("stack underflow")
		}
		b, a := stack[len(stack)-1], stack[len(stack)-2]
		stack = stack[:len(stack)-2]
		op := ops[len(ops)-1]
		ops = ops[:len(ops)-1]
		switch op {
		case "+":
			stack = append(stack, a+b)
		case "-":
			stack = append(stack, a-b)
		case "*":
			stack = append(stack, a*b)
		case "/":
			if b == 0 {
				return errors.New("division by zero")
			}
			stack = append(stack, a/b)
		}
		return nil
	}
	for _, t := range toks {
		switch t.Kind {
		case "NUM":
			f, err := strconv.ParseFloat(t.Text, 64)
			if err != nil {
				return 0, err
			}
			stack = append(stack, f)
		case "OP":
			switch t.Text {
			case "(":
				ops = append(ops, "(")
			case ")":
				for len(ops) > 0 && ops[len(ops)-1] != "(" {
					if err := apply(); err != nil {
						return 0, err
					}
				}
				ops = ops[:len(ops)-1]
			default:
				for len(ops) > 0 && prec[ops[len(ops)-1]] >= prec[t.Text] {
					if err := apply(); err != nil {
						return 0, err
					}
				}
				ops = append(ops, t.Text)
			}
		}
	}
	for len(ops) > 0 {
		if err := apply(); err != nil {
			return 0, err
		}
	}
	return stack[0], nil
}

func main() {
	var out bytes.Buffer
	exprs := []string{"1 + 2 * 3", "(1 + 2) * 3", "10 / (5 - 5)", "2 $ 3", "1.5 * 4"}
	results := map[string]string{}
	for _, src := range exprs {
		l := &Lexer{src: []rune(src)}
		if err := l.run(); err != nil {
			var le *LexError
			if errors.As(err, &le) && errors.Is(err, ErrUnexpected) {
				fmt.Fprintf(os.Stderr, "lex error at %d\n", le.Pos)
			}
			results[src] = "error: " + err.Error()
			continue
		}
		v, err := eval(l.toks)
		if err != nil {
			results[src] = "error: " + err.Error()
			continue
		}
		results[src] = strconv.FormatFloat(v, 'f', -1, 64)
	}
	keys := make([]string, 0, len(results))
	for k := range results {
		keys = append(keys, k)
	}
	sort.SliceStable(keys, func(i, j int) bool { return len(keys[i]) < len(keys[j]) })
	for _, k := range keys {
		fmt.Fprintf(&out, "%-12s => %s\n", k, results[k])
	}
	fmt.Print(out.String())
	fmt.Println(strings.Repeat("-", 10), strings.Title("done"), strings.EqualFold("Go", "GO"))
}
