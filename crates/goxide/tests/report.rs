//! The translation report: functions with their completeness, and for every pointer, slice and
//! map declaration the form goxide chose and why.

mod common;

fn translate(text: &str) -> goxide::Output {
    let out = common::translate_main("main.go", text, "report");
    assert!(!out.has_errors(), "{:?}", out.diagnostics);
    out
}

const PROGRAM: &str = r#"package main

import (
	"fmt"
	"runtime"
)

type Node struct {
	Next *Node
	Tags []string
}

func sum(xs []int) int {
	t := 0
	for _, x := range xs {
		t += x
	}
	return t
}

func fill(xs []int) {
	for i := range xs {
		xs[i] = i
	}
}

func grow(xs []int) []int {
	xs = append(xs, 1)
	return xs
}

func main() {
	xs := make([]int, 3)
	fill(xs)
	m := map[string]int{"a": 1}
	seen := []int{}
	add := func(v int) { seen = append(seen, v) }
	add(sum(xs))
	add(len(seen))
	kept := []int{}
	keep := func(v int) { kept = append(kept, v) }
	keep(1)
	n := &Node{}
	fmt.Println(sum(grow(xs)), m, seen, kept, n.Next == nil)
	fmt.Println(runtime.NumCgoCall())
}
"#;

fn find<'a>(
    out: &'a goxide::Output,
    scope: &str,
    name: &str,
) -> &'a goxide::report::OwnershipEntry {
    out.report.files[0]
        .ownership
        .iter()
        .find(|o| o.scope == scope && o.name == name)
        .unwrap_or_else(|| panic!("no ownership entry for {scope}.{name}"))
}

#[test]
fn ownership_entries_name_the_form_and_the_reason() {
    let out = translate(PROGRAM);
    let read = find(&out, "sum", "xs");
    assert_eq!(
        (
            read.role.as_str(),
            read.form.as_str(),
            read.holding.as_str()
        ),
        ("parameter", "&[T]", "borrowed")
    );
    let written = find(&out, "fill", "xs");
    assert_eq!(
        (written.form.as_str(), written.holding.as_str()),
        ("&mut [T]", "borrowed")
    );
    let grown = find(&out, "grow", "xs");
    assert_eq!(grown.holding, "owned");
    let captured = find(&out, "main", "seen");
    assert_eq!(captured.holding, "shared");
    assert!(captured.why.contains("closure"), "{}", captured.why);
    // A closure only called while nothing else uses what it changes borrows it.
    assert_eq!(find(&out, "main", "kept").holding, "owned");
    assert_eq!(find(&out, "main", "m").form, "HashMap<K, V>");
    // `n := &Node{}` never leaves `main`: the variable owns the node.
    let ptr = find(&out, "main", "n");
    assert_eq!(
        (
            ptr.go_type.as_str(),
            ptr.holding.as_str(),
            ptr.form.as_str()
        ),
        ("*main.Node", "owned", "T (owned value)")
    );
    let field = find(&out, "Node", "Next");
    assert_eq!(field.role, "field");
    assert_eq!(field.holding, "shared");
    assert_eq!(find(&out, "Node", "Tags").holding, "owned");
    // An unnamed result is a declaration of the signature: `grow` returns a `Vec` its caller owns.
    let result = find(&out, "grow", "(result)");
    assert_eq!(
        (
            result.role.as_str(),
            result.form.as_str(),
            result.holding.as_str()
        ),
        ("result", "Vec<T>", "owned")
    );
    let totals = &out.report.ownership;
    assert_eq!(totals.declarations, out.report.files[0].ownership.len());
    assert_eq!(
        totals.owned + totals.borrowed + totals.shared,
        totals.declarations
    );
    assert_eq!(totals.borrowed, 2);
}

#[test]
fn functions_report_completeness_and_markers() {
    let out = translate(PROGRAM);
    let fns = &out.report.files[0].functions;
    let get = |n: &str| {
        fns.iter()
            .find(|f| f.name == n)
            .unwrap_or_else(|| panic!("no {n}"))
    };
    assert!(get("sum").complete && get("fill").complete);
    let main = get("go_main");
    assert!(!main.complete, "runtime.NumCgoCall is unsupported");
    assert!(main.markers.get("unsupported").copied().unwrap_or(0) >= 1);
    assert_eq!(out.report.functions, fns.len());
    assert_eq!(
        out.report.functions_complete,
        fns.iter().filter(|f| f.complete).count()
    );
    assert!(out.report.functions_complete < out.report.functions);
}

#[test]
fn package_variables_only_main_uses_are_reported_as_package_variables_made_local() {
    let out = translate(
        r#"package main

import "fmt"

var tally = map[string]int{}
var shared []int
var late = make([]int, 2)

func add(n int) { shared = append(shared, n) }

func main() {
	tally["a"]++
	f := add
	f(1)
	shared = append(shared, 2)
	fmt.Println(tally, shared, late)
}
"#,
    );
    let local = find(&out, "main", "tally");
    assert_eq!(
        (
            local.role.as_str(),
            local.form.as_str(),
            local.holding.as_str()
        ),
        ("package variable", "HashMap<K, V>", "owned")
    );
    assert!(
        local.why.starts_with("only `main` uses it"),
        "{}",
        local.why
    );
    assert_eq!(find(&out, "main", "late").holding, "owned");
    // Used by `add` too, which is used as a value: it stays a package variable in a cell.
    let global = find(&out, "", "shared");
    assert_eq!(
        (global.role.as_str(), global.holding.as_str()),
        ("package variable", "shared")
    );
    let rust = &out
        .files
        .iter()
        .find(|f| f.path.ends_with("main.rs"))
        .unwrap()
        .contents;
    assert!(rust.contains("let mut tally"), "{rust}");
    assert!(rust.contains("static SHARED"), "{rust}");
}

#[test]
fn package_state_main_lends_to_the_functions_it_calls_is_reported_once() {
    let out = translate(
        r#"package main

import "fmt"

var seen []string
var counts = map[string]int{}

func note(w string) {
	if counts[w] == 0 {
		seen = append(seen, w)
	}
	counts[w]++
}

func noteAll(ws []string) {
	for _, w := range ws {
		note(w)
	}
}

func first() string { return seen[0] }

func main() {
	noteAll([]string{"a", "b", "a"})
	fmt.Println(seen, counts, first())
}
"#,
    );
    for name in ["seen", "counts"] {
        let v = find(&out, "main", name);
        assert_eq!(
            (v.role.as_str(), v.holding.as_str()),
            ("package variable", "owned"),
            "{name}"
        );
        assert!(
            v.why
                .starts_with("only `main` and functions it calls (`note`, `noteAll`"),
            "{}",
            v.why
        );
    }
    // The parameters lending added are no Go declarations.
    let added = out.report.files[0]
        .ownership
        .iter()
        .filter(|o| o.role == "parameter" && (o.name == "seen" || o.name == "counts"))
        .count();
    assert_eq!(added, 0);
    let rust = &out
        .files
        .iter()
        .find(|f| f.path.ends_with("main.rs"))
        .unwrap()
        .contents;
    assert!(
        rust.contains("fn first(seen: &[String]) -> String"),
        "{rust}"
    );
    assert!(rust.contains("note(w.clone(), seen, counts);"), "{rust}");
    assert!(!rust.contains("thread_local!"), "{rust}");
}

#[test]
fn shared_pointers_say_where_the_aliasing_comes_from_and_moves_and_sinks_are_not_shared() {
    let out = translate(
        r#"package main

import "fmt"

type T struct{ v int }

var sink *T

var all []*T

func keep(p *T) { all = append(all, p) }

func main() {
	a := &T{v: 1}
	b := a
	b.v = 2
	c := new(T)
	c.v = 3
	keep(c)
	d := &T{v: 4}
	sink = d
	fmt.Println(a.v, b.v, d.v, len(all))
}
"#,
    );
    let copied = find(&out, "main", "b");
    assert_eq!(copied.holding, "shared");
    assert!(
        copied.why.starts_with("it is a copy of the pointer `a`"),
        "{}",
        copied.why
    );
    let source = find(&out, "main", "a");
    assert!(
        source.why.starts_with("it is copied into `b`"),
        "{}",
        source.why
    );
    let kept = find(&out, "keep", "p");
    assert!(
        kept.why.starts_with("it is appended to a slice"),
        "{}",
        kept.why
    );
    let moved = find(&out, "main", "c");
    assert_eq!(
        (moved.form.as_str(), moved.holding.as_str()),
        ("T (owned value, moved at its last use)", "owned")
    );
    let sink = find(&out, "", "sink");
    assert_eq!(
        (sink.form.as_str(), sink.holding.as_str()),
        ("none (never read)", "owned")
    );
    // Stored only in a variable nothing reads: owned, and lent to `fmt.Println` afterwards.
    assert_eq!(find(&out, "main", "d").holding, "owned");
}

#[test]
fn pointer_parameters_say_why_they_are_no_borrow() {
    let out = translate(
        r#"package main

import "fmt"

type T struct{ v int }

func show(p *T) int {
	if p == nil {
		return -1
	}
	return p.v
}

func bump(p *T) { p.v++ }

func main() {
	t := T{v: 1}
	f := bump
	f(&t)
	fmt.Println(show(&t), show(nil))
}
"#,
    );
    // Compared with nil and given nil: an optional borrow.
    let nil = find(&out, "show", "p");
    assert_eq!(
        (nil.form.as_str(), nil.holding.as_str()),
        ("Option<&T>", "borrowed")
    );
    assert!(nil.why.contains("it may be nil"), "{}", nil.why);
    let value = find(&out, "bump", "p");
    assert!(
        value.why.starts_with("its function is used as a value"),
        "{}",
        value.why
    );
}

#[test]
fn constructors_that_may_fail_return_owned_values() {
    let out = translate(
        r#"package main

import (
	"errors"
	"fmt"
)

type Conn struct{ Addr string }

func Dial(addr string) (*Conn, error) {
	if addr == "" {
		return nil, errors.New("no address")
	}
	return &Conn{Addr: addr}, nil
}

func main() {
	c, err := Dial("a")
	c.Addr += "!"
	fmt.Println(c.Addr, err)
	var kept []*Conn
	k, _ := Dial("b")
	kept = append(kept, k)
	kept[0].Addr = "c"
	fmt.Println(len(kept), kept[0].Addr)
}
"#,
    );
    let result = find(&out, "Dial", "(result 0)");
    assert_eq!(
        (result.form.as_str(), result.holding.as_str()),
        ("Option<T> (owned value or nothing)", "owned")
    );
    // The caller that only reaches through the result owns it; the one that keeps it makes
    // the shared cell, and the report says why (not that the constructor may keep it).
    let c = find(&out, "main", "c");
    assert_eq!(c.holding, "owned");
    let k = find(&out, "main", "k");
    assert_eq!(k.holding, "shared");
    assert!(k.why.contains("appended"), "{}", k.why);
    let main = &out
        .files
        .iter()
        .find(|f| f.path == "src/main.rs")
        .unwrap()
        .contents;
    assert!(main.contains("-> errors::Result<Option<Conn>>"), "{main}");
    assert!(
        main.contains("t0.map(|v| Rc::new(RefCell::new(v)))"),
        "{main}"
    );
}

#[test]
fn standard_library_handles_never_copied_are_owned() {
    let out = translate(
        r#"package main

import (
	"bufio"
	"fmt"
	"strings"
)

func count(sc *bufio.Scanner) int {
	n := 0
	for sc.Scan() {
		n++
	}
	return n
}

func main() {
	sc := bufio.NewScanner(strings.NewReader("a\nb\n"))
	for sc.Scan() {
		fmt.Println(sc.Text())
	}
	if err := sc.Err(); err != nil {
		fmt.Println(err)
	}
	passed := bufio.NewScanner(strings.NewReader("c\n"))
	fmt.Println(count(passed))
	src := strings.NewReader("d e")
	words := bufio.NewScanner(src)
	words.Split(bufio.ScanWords)
	kept := words
	fmt.Println(kept.Scan(), words.Text())
}
"#,
    );
    let holding = |name: &str| {
        let o = find(&out, "main", name);
        (o.holding.clone(), o.form.clone())
    };
    // Used in place only: the variable is the handle's only holder.
    assert_eq!(
        holding("sc"),
        (
            "owned".to_string(),
            "support::bufio::Scanner (its only holder)".to_string()
        )
    );
    // Passed to a function, or copied into another variable: shared.
    // Lent to a parameter that only uses it in place: the caller still owns it, the
    // parameter borrows it.
    assert_eq!(holding("passed").0, "owned");
    let param = find(&out, "count", "sc");
    assert_eq!(
        (param.holding.as_str(), param.form.as_str()),
        ("borrowed", "&support::bufio::Scanner")
    );
    // Copied into another variable: shared.
    assert_eq!(holding("words").0, "shared");
    assert_eq!(holding("kept").0, "shared");
}

#[test]
fn handles_given_another_fresh_handle_stay_their_only_holder() {
    let out = translate(
        r#"package main

import (
	"encoding/csv"
	"fmt"
	"net/url"
	"strings"
)

func main() {
	r := csv.NewReader(strings.NewReader("a,b\n"))
	rec, _ := r.Read()
	fmt.Println(rec)
	r = csv.NewReader(strings.NewReader("c;d\n"))
	r.Comma = ';'
	all, err := r.ReadAll()
	fmt.Println(all, err)
	u, _ := url.Parse("https://example.com/?q=1")
	q := u.Query()
	fmt.Println(q.Get("q"))
	u, _ = url.Parse("https://example.org/")
	fmt.Println(u)
	first := csv.NewReader(strings.NewReader("e\n"))
	second := csv.NewReader(strings.NewReader("f\n"))
	second = first
	fmt.Println(second.Read())
}
"#,
    );
    let holding = |name: &str| find(&out, "main", name).holding.clone();
    // Reassigned a fresh handle: still the only holder; `u.Query()` returns a map, which
    // cannot keep the handle.
    assert_eq!(holding("r"), "owned");
    assert_eq!(holding("u"), "owned");
    // Given a copy of another handle variable: both share it.
    assert_eq!(holding("second"), "shared");
    assert_eq!(holding("first"), "shared");
}

#[test]
fn copies_of_owned_or_borrowed_pointers_borrow_unless_both_are_used() {
    let out = translate(
        r#"package main

import "fmt"

type Config struct{ Port, Retries int }

func tune(c *Config, n int) {
	view := c
	view.Retries = n
	fmt.Println(c.Retries)
}

func main() {
	p := &Config{Port: 80}
	alias := p
	alias.Retries = 5
	tune(p, 7)
	s := &Config{}
	t := s
	t.Port = 1
	s.Port++
	t.Port++
	fmt.Println(*p, *s, *t)
}
"#,
    );
    let holding = |f: &str, name: &str| {
        let o = find(&out, f, name);
        (o.holding.clone(), o.form.clone())
    };
    assert_eq!(
        holding("main", "alias"),
        ("borrowed".into(), "&mut T".into())
    );
    assert_eq!(holding("main", "p").0, "owned");
    assert_eq!(
        holding("tune", "view"),
        ("borrowed".into(), "&mut T".into())
    );
    assert_eq!(holding("tune", "c").0, "borrowed");
    // `s` is written while `t` is still used after: one shared pointer.
    assert_eq!(holding("main", "s").0, "shared");
    assert_eq!(holding("main", "t").0, "shared");
}

#[test]
fn functions_returning_fresh_handles_give_the_caller_the_only_copy() {
    let out = translate(
        r#"package main

import (
	"fmt"
	"math/big"
)

func fib(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

var last = big.NewInt(0)

func remember(n int64) *big.Int {
	last = big.NewInt(n)
	return last
}

func main() {
	f := fib(90)
	q := new(big.Int)
	fmt.Println(f, q.Div(f, big.NewInt(7)))
	kept := remember(3)
	fmt.Println(kept)
}
"#,
    );
    let holding = |f: &str, name: &str| find(&out, f, name).holding.clone();
    // Swapped and returned: each variable is still its handle's only holder, and so is the
    // caller's.
    assert_eq!(holding("fib", "a"), "owned");
    assert_eq!(holding("fib", "b"), "owned");
    assert_eq!(holding("fib", "(result)"), "owned");
    assert_eq!(holding("main", "f"), "owned");
    // A method result only printed: not kept.
    assert_eq!(holding("main", "q"), "owned");
    // A function returning what a package variable holds: shared.
    assert_eq!(holding("remember", "(result)"), "shared");
    assert_eq!(holding("main", "kept"), "shared");
}

#[test]
fn pointers_to_locals_used_alongside_them_are_other_names_for_them() {
    let out = translate(
        r#"package main

import "fmt"

type Point struct{ X, Y int }

func main() {
	c := Point{}
	s := &c
	c.X = 5
	s.Y = 6
	fmt.Println(c, *s)
	d := Point{}
	t := &d
	fmt.Println(t == &d)
}
"#,
    );
    let rec = |name: &str| {
        let o = find(&out, "main", name);
        (o.holding.clone(), o.form.clone())
    };
    assert_eq!(
        rec("s"),
        (
            "borrowed".into(),
            "none (another name for the place)".into()
        )
    );
    let main = &out
        .files
        .iter()
        .find(|f| f.path == "src/main.rs")
        .unwrap()
        .contents;
    assert!(main.contains("c.y = 6;"), "{main}");
    assert!(main.contains("let mut c = Point"), "{main}");
    // Compared by address: a real pointer, shared.
    assert_eq!(rec("t").0, "shared");
}

#[test]
fn a_pointer_lent_to_a_borrowing_parameter_is_not_said_to_be_kept_there() {
    let out = translate(
        r#"package main

import "fmt"

type C struct{ X, Y int }

func defaults(c *C) { c.X = 1 }

func main() {
	p := new(C)
	defaults(p)
	alias := p
	alias.X = 2
	p.Y++
	alias.Y++
	fmt.Println(*p, *alias)
}
"#,
    );
    let p = find(&out, "main", "p");
    assert_eq!(p.holding, "shared");
    assert!(p.why.starts_with("it is copied into `alias`"), "{}", p.why);
    let c = find(&out, "defaults", "c");
    assert_eq!(c.holding, "borrowed");
}

#[test]
fn handle_parameters_borrow_unless_their_function_is_a_value() {
    let out = translate(
        r#"package main

import (
	"bufio"
	"fmt"
	"strings"
)

func lines(sc *bufio.Scanner) int {
	n := 0
	for sc.Scan() {
		n++
	}
	return n
}

func words(sc *bufio.Scanner) int {
	sc.Split(bufio.ScanWords)
	return lines(sc)
}

func valued(sc *bufio.Scanner) int { return lines(sc) }

func main() {
	fmt.Println(words(bufio.NewScanner(strings.NewReader("a b"))))
	f := valued
	fmt.Println(f(bufio.NewScanner(strings.NewReader("c"))))
}
"#,
    );
    // Passed on to a borrowing parameter: a borrow too.
    assert_eq!(find(&out, "words", "sc").holding, "borrowed");
    assert_eq!(find(&out, "lines", "sc").holding, "borrowed");
    // A function used as a value keeps its signature: its parameter holds a handle.
    assert_eq!(find(&out, "valued", "sc").holding, "shared");
}

#[test]
fn linked_structures_own_their_links_and_walkers_are_views() {
    let linked = r#"package main

import "fmt"

type Node struct {
	Value int
	Next  *Node
}

func push(head *Node, v int) *Node { return &Node{Value: v, Next: head} }

func sum(head *Node) int {
	t := 0
	for n := head; n != nil; n = n.Next {
		t += n.Value
	}
	return t
}

func bump(n *Node) { n.Value++ }

func main() {
	var head *Node
	for i := 0; i < 3; i++ {
		head = push(head, i)
	}
	bump(head)
	fmt.Println(sum(head))
}
"#;
    let out = translate(linked);
    let field = find(&out, "Node", "Next");
    assert_eq!(
        (field.form.as_str(), field.holding.as_str()),
        ("Option<Box<T>> (owning link)", "owned")
    );
    // Moved into `push` and back: owning.
    assert_eq!(find(&out, "push", "head").holding, "owned");
    assert_eq!(find(&out, "main", "head").holding, "owned");
    // Only read: views.
    for (scope, name) in [("sum", "head"), ("sum", "n")] {
        let v = find(&out, scope, name);
        assert_eq!(
            (v.form.as_str(), v.holding.as_str()),
            ("Option<&T> (a view of a linked structure)", "borrowed"),
            "{scope}.{name}"
        );
    }
    // Changed through, never kept: a mutable borrow of the caller's.
    let bumped = find(&out, "bump", "n");
    assert_eq!(
        (bumped.form.as_str(), bumped.holding.as_str()),
        ("&mut T (lent by the caller)", "borrowed")
    );
    assert_eq!(out.report.ownership.shared, 0);
    // A copy that is neither a move nor a view (`keep` still uses `head` after handing it to
    // `push`) keeps the type's pointers shared.
    let copied = linked.replace(
        "fmt.Println(sum(head))",
        "keep := head\n\thead = push(head, 9)\n\tfmt.Println(sum(head), sum(keep))",
    );
    let out = translate(&copied);
    assert_eq!(find(&out, "Node", "Next").holding, "shared");
}

#[test]
fn chaining_methods_return_a_borrow_and_closures_take_what_is_read_between_calls() {
    let src = r#"package main

import "fmt"

type Query struct{ conds []string }

func (q *Query) Where(c string) *Query {
	q.conds = append(q.conds, c)
	return q
}

func main() {
	q := (&Query{}).Where("a").Where("b")
	fmt.Println(len(q.conds))
	var seen []string
	visit := func(s string) { seen = append(seen, s) }
	visit("x")
	fmt.Println(len(seen))
	visit("y")
	fmt.Println(seen)
}
"#;
    let out = translate(src);
    let result = find(&out, "Query.Where", "(result)");
    assert_eq!(
        (result.form.as_str(), result.holding.as_str()),
        ("&mut Self", "borrowed")
    );
    assert!(result.why.contains("for chaining"), "{}", result.why);
    // The variable holds the chain's start, a fresh value it owns.
    assert_eq!(find(&out, "main", "q").holding, "owned");
    // Lent to the closure at each call instead of captured: no cell.
    assert_eq!(find(&out, "main", "seen").holding, "owned");
    assert_eq!(out.report.ownership.shared, 0);
    // The result kept as a value: the method takes the pointer, which stays shared.
    let kept = src.replace(
        "fmt.Println(len(q.conds))",
        "all := []*Query{q.Where(\"c\")}\n\tfmt.Println(len(q.conds), len(all))",
    );
    let out = translate(&kept);
    assert_eq!(find(&out, "Query.Where", "(result)").holding, "shared");
}

#[test]
fn pointer_fields_to_structs_that_link_to_nothing_own_them_unless_a_copy_shares_them() {
    let src = r#"package main

import "fmt"

type Address struct{ City string }

type Person struct {
	Name string
	Home *Address
}

func main() {
	p := Person{Name: "a", Home: &Address{City: "x"}}
	p.Home.City = "y"
	fmt.Println(p.Name, p.Home.City)
}
"#;
    let out = translate(src);
    let home = find(&out, "Person", "Home");
    assert_eq!(
        (home.form.as_str(), home.holding.as_str()),
        ("Option<Box<T>> (owning link)", "owned")
    );
    assert_eq!(out.report.ownership.shared, 0);
    // A copy of the holder would share the address (Go copies the pointer): shared again.
    let copied = src.replace("p.Home.City = \"y\"", "q := p\n\tq.Home.City = \"y\"");
    let out = translate(&copied);
    assert_eq!(find(&out, "Person", "Home").holding, "shared");
}
