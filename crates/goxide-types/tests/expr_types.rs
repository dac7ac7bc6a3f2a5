//! Types recorded for expressions: untyped constants after conversion, selectors, calls,
//! comma-ok forms, range variables, type switches, generics.

mod common;

use common::{check_src, find_expr, type_of};
use goxide_types::{ConstValue, Mode, ObjKind, SelectionKind};

fn main_with(body: &str) -> String {
    format!("package main\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n\n{body}\n")
}

#[test]
fn untyped_constants_take_the_type_of_their_context() {
    let src = main_with("func main() {\n\tvar x int8 = 1\n\tvar y int64\n\t_ = y + 2\n\t_ = x\n\tprintln(1 << 10)\n\tfmt.Println(2.5)\n}");
    let c = check_src(&src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked.diagnostics
    );
    let t = |s: &str| {
        let e = find_expr(&c, s, 0).unwrap_or_else(|| panic!("{s}"));
        c.checked
            .program
            .type_string(c.checked.info.type_of(e.id).expect("type"))
    };
    assert_eq!(t("1"), "int8");
    assert_eq!(t("2"), "int64");
    assert_eq!(t("1 << 10"), "int");
    assert_eq!(t("2.5"), "float64");
    let e = find_expr(&c, "1 << 10", 0).expect("shift");
    assert_eq!(
        c.checked.info.const_value(e.id),
        Some(&ConstValue::Int(1024.into()))
    );
}

#[test]
fn big_constants_are_exact() {
    let src = main_with(
        "import \"math\"\nconst big = 1 << 62\nconst neg = -(1 << 63)\nvar u uint64 = math.MaxUint64\nconst q = 7 / 2\nconst f = 7 / 2.0\nfunc main() { _ = u }",
    )
    .replace("import \"fmt\"\n\nvar _ = fmt.Sprint\n\nimport \"math\"", "import (\n\t\"fmt\"\n\t\"math\"\n)\n\nvar _ = fmt.Sprint");
    let c = check_src(&src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
    );
    let p = &c.checked.program;
    let scope = &p.pkg(c.checked.package).scope;
    let val = |n: &str| match &p.obj(scope[n]).kind {
        ObjKind::Const(v) => v.clone(),
        k => panic!("{k:?}"),
    };
    assert_eq!(val("big"), ConstValue::Int((1i64 << 62).into()));
    assert_eq!(val("neg"), ConstValue::Int(i64::MIN.into()));
    assert_eq!(val("q"), ConstValue::Int(3.into()));
    let e = find_expr(&c, "math.MaxUint64", 0).expect("expr");
    assert_eq!(
        c.checked
            .info
            .type_of(e.id)
            .map(|t| p.type_string(t))
            .as_deref(),
        Some("uint64")
    );
}

#[test]
fn type_strings_follow_fmt() {
    let src = "package main\n\ntype T struct{ X int }\ntype G[E any] struct{ v E }\n\nfunc main() {\n\tvar a []int\n\tvar m map[string]int\n\tvar p *T\n\tvar f func(int) string\n\tvar s struct{ X int }\n\tvar i interface{}\n\tvar r [3]int\n\tvar c <-chan int\n\tvar g G[int]\n\tvar b byte\n\tvar ru rune\n\t_ = a\n\t_ = m\n\t_ = p\n\t_ = f\n\t_ = s\n\t_ = i\n\t_ = r\n\t_ = c\n\t_ = g\n\t_ = b\n\t_ = ru\n}\n";
    let c = check_src(src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked.diagnostics
    );
    for (name, want) in [
        ("a", "[]int"),
        ("m", "map[string]int"),
        ("p", "*main.T"),
        ("f", "func(int) string"),
        ("s", "struct { X int }"),
        ("i", "interface {}"),
        ("r", "[3]int"),
        ("c", "<-chan int"),
        ("g", "main.G[int]"),
        ("b", "uint8"),
        ("ru", "int32"),
    ] {
        let e = find_expr(&c, name, 0).expect("expr");
        let t = c.checked.info.type_of(e.id).expect("type");
        assert_eq!(c.checked.program.type_string(t), want, "{name}");
    }
}

#[test]
fn selectors_record_selections_and_uses() {
    let src = "package main\n\ntype Inner struct{ N int }\nfunc (i *Inner) Inc() { i.N++ }\ntype Outer struct{ *Inner; name string }\n\nfunc main() {\n\to := Outer{Inner: &Inner{}}\n\to.Inc()\n\t_ = o.N\n\t_ = o.name\n}\n";
    let c = check_src(src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked.diagnostics
    );
    let info = &c.checked.info;
    let e = find_expr(&c, "o.N", 0).expect("o.N");
    let s = info.selections.get(&e.id).expect("selection");
    assert_eq!(s.kind, SelectionKind::FieldVal);
    assert_eq!(s.path, vec![0, 0]);
    assert!(s.indirect);
    let e = find_expr(&c, "o.Inc", 0).expect("o.Inc");
    let s = info.selections.get(&e.id).expect("selection");
    assert_eq!(s.kind, SelectionKind::MethodVal);
    assert_eq!(s.path, vec![0]);
    let e = find_expr(&c, "o.name", 0).expect("o.name");
    assert_eq!(info.selections[&e.id].path, vec![1]);
    assert_eq!(
        c.checked
            .program
            .type_string(info.type_of(e.id).expect("t")),
        "string"
    );
}

#[test]
fn qualified_identifiers_use_the_package_object() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n";
    let c = check_src(src);
    assert!(c.checked.diagnostics.is_empty());
    let e = find_expr(&c, "fmt.Println", 0).expect("sel");
    let goxide_ast::ast::ExprKind::Selector { x, sel } = &e.kind else {
        panic!()
    };
    let info = &c.checked.info;
    let obj = info.uses.get(&sel.id).expect("use of Println");
    assert_eq!(c.checked.program.obj(*obj).name, "Println");
    assert_eq!(info.types[&x.id].mode, Mode::Package);
    let t = info.type_of(e.id).expect("type");
    assert_eq!(
        c.checked.program.type_string(t),
        "func(a ...any) (n int, err error)"
            .replace("a ...any", "...interface {}")
            .replace("(n int, err error)", "(int, error)")
    );
}

#[test]
fn comma_ok_forms() {
    let src = "package main\n\nfunc main() {\n\tm := map[string]int{}\n\tv, ok := m[\"a\"]\n\tvar i interface{} = 1\n\tn, ok2 := i.(int)\n\tch := make(chan int)\n\tr, ok3 := <-ch\n\t_, _, _, _, _, _ = v, ok, n, ok2, r, ok3\n}\n";
    let c = check_src(src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked.diagnostics
    );
    for s in ["m[\"a\"]", "i.(int)", "<-ch"] {
        let e = find_expr(&c, s, 0).expect(s);
        assert_eq!(c.checked.info.types[&e.id].mode, Mode::CommaOk, "{s}");
        assert_eq!(
            c.checked
                .program
                .type_string(c.checked.info.types[&e.id].ty),
            "int"
        );
    }
}

#[test]
fn range_variables() {
    let src = "package main\n\nfunc main() {\n\tfor i, r := range \"héllo\" { _, _ = i, r }\n\tfor k, v := range map[string]bool{} { _, _ = k, v }\n\tfor i, x := range &[3]float64{} { _, _ = i, x }\n\tfor x := range make(chan uint) { _ = x }\n}\n";
    let c = check_src(src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked.diagnostics
    );
    let ty = |s: &str, n: usize| {
        let e = find_expr(&c, s, n).expect(s);
        c.checked
            .program
            .type_string(c.checked.info.type_of(e.id).expect("type"))
    };
    assert_eq!(ty("r", 0), "int32");
    assert_eq!(ty("v", 0), "bool");
    assert_eq!(ty("x", 0), "float64");
    assert_eq!(ty("x", 2), "uint");
}

#[test]
fn range_over_int_needs_go_1_22() {
    let src = "package main\n\nfunc main() {\n\tfor i := range 10 { _ = i }\n}\n";
    let c = common::check_src_with(
        src,
        &goxide_types::Config {
            go_version: (1, 22),
        },
    );
    assert!(c.checked.diagnostics.is_empty());
    let c = common::check_src_with(
        src,
        &goxide_types::Config {
            go_version: (1, 19),
        },
    );
    assert!(!c.checked.diagnostics.is_empty());
}

#[test]
fn type_switch_clauses_have_implicit_objects() {
    let src = "package main\n\nfunc main() {\n\tvar x interface{} = 1\n\tswitch v := x.(type) {\n\tcase int:\n\t\t_ = v + 1\n\tcase string, bool:\n\t\t_ = v\n\tdefault:\n\t\t_ = v\n\t}\n}\n";
    let c = check_src(src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked.diagnostics
    );
    let info = &c.checked.info;
    assert_eq!(info.implicits.len(), 3);
    let mut types: Vec<String> = info
        .implicits
        .values()
        .map(|&o| c.checked.program.type_string(c.checked.program.obj(o).ty))
        .collect();
    types.sort();
    assert_eq!(types, vec!["int", "interface {}", "interface {}"]);
}

#[test]
fn closures_capture_outer_variables() {
    let src = "package main\n\nfunc main() {\n\tn := 0\n\tf := func() int { n++; return n }\n\t_ = f()\n}\n";
    let c = check_src(src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked.diagnostics
    );
    let def = find_expr(&c, "n", 0).expect("def");
    let use_ = find_expr(&c, "n", 1).expect("use");
    let info = &c.checked.info;
    assert_eq!(info.object_of(def.id), info.object_of(use_.id));
}

#[test]
fn generic_functions_infer_type_arguments() {
    let src = "package main\n\nfunc Map[T, U any](xs []T, f func(T) U) []U {\n\tvar out []U\n\tfor _, x := range xs {\n\t\tout = append(out, f(x))\n\t}\n\treturn out\n}\n\nfunc main() {\n\tys := Map([]int{1}, func(i int) string { return \"\" })\n\t_ = ys\n}\n";
    assert_eq!(type_of(src, "ys"), "[]string");
    let c = check_src(src);
    let e = find_expr(&c, "Map", 0).expect("callee");
    let args = &c.checked.info.instances[&e.id];
    let names: Vec<String> = args
        .iter()
        .map(|&t| c.checked.program.type_string(t))
        .collect();
    assert_eq!(names, vec!["int", "string"]);
    let p = &c.checked.program;
    let map_fn = p.pkg(c.checked.package).scope["Map"];
    let tps: Vec<String> = p.func_type_params[&map_fn]
        .iter()
        .map(|&t| p.type_string(t))
        .collect();
    assert_eq!(tps, vec!["T", "U"]);
}

#[test]
fn init_order_follows_dependencies() {
    let src = "package main\n\nvar a = b + 1\nvar b = f()\nvar c = 3\n\nfunc f() int { return c }\n\nfunc main() {}\n";
    let c = check_src(src);
    assert!(c.checked.diagnostics.is_empty());
    let names: Vec<&str> = c
        .checked
        .info
        .init_order
        .iter()
        .map(|&o| c.checked.program.obj(o).name.as_str())
        .collect();
    assert_eq!(names, vec!["c", "b", "a"]);
}

#[test]
fn iota_and_implicit_repetition() {
    let src = "package main\n\ntype Weekday int\n\nconst (\n\tSunday Weekday = iota\n\tMonday\n\tTuesday\n)\n\nconst (\n\tKB = 1 << (10 * (iota + 1))\n\tMB\n)\n\nfunc main() {}\n";
    let c = check_src(src);
    assert!(c.checked.diagnostics.is_empty());
    let p = &c.checked.program;
    let scope = &p.pkg(c.checked.package).scope;
    assert_eq!(
        p.obj(scope["Tuesday"]).kind,
        ObjKind::Const(ConstValue::Int(2.into()))
    );
    assert_eq!(p.type_string(p.obj(scope["Tuesday"]).ty), "main.Weekday");
    assert_eq!(
        p.obj(scope["MB"]).kind,
        ObjKind::Const(ConstValue::Int((1 << 20).into()))
    );
}

#[test]
fn identical_struct_types_share_an_id_and_implements_works() {
    let src = "package main\n\ntype I interface{ M() }\ntype T struct{}\n\nfunc (*T) M() {}\n\nfunc main() {\n\tvar a struct{ X int }\n\tvar b struct{ X int }\n\ta = b\n\t_ = a\n}\n";
    let c = check_src(src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked.diagnostics
    );
    let info = &c.checked.info;
    let a = find_expr(&c, "a", 0).expect("a");
    let b = find_expr(&c, "b", 0).expect("b");
    assert_eq!(info.type_of(a.id), info.type_of(b.id));
    let p = &c.checked.program;
    let scope = &p.pkg(c.checked.package).scope;
    let (i, t) = (p.obj(scope["I"]).ty, p.obj(scope["T"]).ty);
    let pt = p.types.intern_lookup_pointer(t);
    assert!(!p.implements(t, i));
    assert!(pt.is_some_and(|pt| p.implements(pt, i)));
    assert_eq!(p.methods_of(t).len(), 1);
}

#[test]
fn generic_types_and_their_methods() {
    let src = "package main\n\ntype List[T any] struct {\n\thead *node[T]\n}\n\ntype node[T any] struct {\n\tval  T\n\tnext *node[T]\n}\n\nfunc (l *List[T]) Push(v T) { l.head = &node[T]{v, l.head} }\n\nfunc (l *List[T]) Front() T { return l.head.val }\n\nfunc main() {\n\tvar l List[string]\n\tl.Push(\"a\")\n\tf := l.Front()\n\tn := l.head.next\n\t_, _ = f, n\n}\n";
    let c = check_src(src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked.diagnostics
    );
    let ty = |s: &str| {
        let e = find_expr(&c, s, 0).unwrap_or_else(|| panic!("{s}"));
        c.checked
            .program
            .type_string(c.checked.info.type_of(e.id).expect("type"))
    };
    assert_eq!(ty("l.Front()"), "string");
    assert_eq!(ty("l.Push"), "func(string)");
    assert_eq!(ty("l.head.next"), "*main.node[string]");
    assert_eq!(ty("\"a\""), "string");
}

#[test]
fn conversions_and_method_expressions() {
    let src = "package main\n\ntype Celsius float64\n\nfunc (c Celsius) String() string { return \"\" }\n\nfunc main() {\n\tc := Celsius(36.6)\n\tf := Celsius.String\n\tb := []byte(\"hi\")\n\ts := string(rune(65))\n\t_, _, _, _ = c, f, b, s\n}\n";
    let c = check_src(src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "{:?}",
        c.checked.diagnostics
    );
    let ty = |s: &str| {
        let e = find_expr(&c, s, 0).unwrap_or_else(|| panic!("{s}"));
        c.checked
            .program
            .type_string(c.checked.info.type_of(e.id).expect("type"))
    };
    assert_eq!(ty("Celsius(36.6)"), "main.Celsius");
    assert_eq!(ty("36.6"), "main.Celsius");
    assert_eq!(ty("Celsius.String"), "func(main.Celsius) string");
    assert_eq!(ty("[]byte(\"hi\")"), "[]uint8");
    assert_eq!(ty("string(rune(65))"), "string");
    let e = find_expr(&c, "Celsius.String", 0).expect("method expr");
    assert_eq!(
        c.checked.info.selections[&e.id].kind,
        SelectionKind::MethodExpr
    );
}
