//! Regressions: dereferences of conversions (`*(*T)(x)`) and the other unary/postfix
//! precedence cases around them, and long named parameter groups.

use goxide_ast::ast::*;
use goxide_ast::Diagnostic;

fn parse(text: &str) -> (File, Vec<Diagnostic>) {
    let mut ids = IdGen::new();
    goxide_parser::parse_file("t.go", text, &mut ids)
}

fn parse_ok(text: &str) -> File {
    let (f, diags) = parse(text);
    let errs: Vec<String> = diags.iter().map(|d| d.render()).collect();
    assert!(
        errs.is_empty(),
        "unexpected diagnostics:\n{}",
        errs.join("\n")
    );
    f
}

/// A compact, fully bracketed rendering of an expression's shape.
fn show(e: &Expr) -> String {
    let list = |es: &[Expr]| es.iter().map(show).collect::<Vec<_>>().join(", ");
    let opt = |e: &Option<Box<Expr>>| e.as_deref().map_or("_".to_string(), show);
    match &e.kind {
        ExprKind::Ident(n) => n.clone(),
        ExprKind::BasicLit(l) => l.raw.clone(),
        ExprKind::Paren(x) => format!("Paren({})", show(x)),
        ExprKind::Selector { x, sel } => format!("Sel({}, {})", show(x), sel.name),
        ExprKind::Index { x, indices } => format!("Index({}, {})", show(x), list(indices)),
        ExprKind::Slice { x, lo, hi, .. } => {
            format!("Slice({}, {}, {})", show(x), opt(lo), opt(hi))
        }
        ExprKind::TypeAssert { x, ty } => format!("Assert({}, {})", show(x), opt(ty)),
        ExprKind::Call { func, args, .. } => format!("Call({}; {})", show(func), list(args)),
        ExprKind::Star(x) => format!("Star({})", show(x)),
        ExprKind::Unary { op, x } => format!("{op:?}({})", show(x)),
        ExprKind::Binary { op, x, y } => format!("{op:?}({}, {})", show(x), show(y)),
        ExprKind::ArrayType { len, elem } => format!("Array({}, {})", opt(len), show(elem)),
        ExprKind::SliceType(elem) => format!("SliceOf({})", show(elem)),
        ExprKind::MapType { key, value } => format!("Map({}, {})", show(key), show(value)),
        ExprKind::ChanType { elem, .. } => format!("Chan({})", show(elem)),
        ExprKind::FuncType(_) => "FuncType".to_string(),
        ExprKind::StructType(_) => "StructType".to_string(),
        ExprKind::InterfaceType(_) => "InterfaceType".to_string(),
        ExprKind::CompositeLit { .. } => "CompositeLit".to_string(),
        ExprKind::FuncLit { .. } => "FuncLit".to_string(),
        ExprKind::Union(_) => "Union".to_string(),
        ExprKind::Bad => "Bad".to_string(),
    }
}

/// The right-hand side of `_ = EXPR` in a function body.
fn rhs(expr: &str) -> Expr {
    let f = parse_ok(&format!("package p\n\nfunc f() {{\n\t_ = {expr}\n}}\n"));
    for d in &f.decls {
        if let DeclKind::Func(fd) = &d.kind {
            if let Some(StmtKind::Assign { rhs, .. }) = fd
                .body
                .as_ref()
                .and_then(|b| b.stmts.first())
                .map(|s| &s.kind)
            {
                return rhs[0].clone();
            }
        }
    }
    panic!("no assignment in {expr}")
}

fn shape(expr: &str) -> String {
    show(&rhs(expr))
}

#[test]
fn deref_of_conversion_to_named_pointer() {
    assert_eq!(shape("*(*T)(x)"), "Star(Call(Paren(Star(T)); x))");
    assert_eq!(shape("&(*T)(x)"), "Addr(Call(Paren(Star(T)); x))");
    assert_eq!(shape("(*T)(x)"), "Call(Paren(Star(T)); x)");
    assert_eq!(
        shape("*(*unsafe.Pointer)(v.ptr)"),
        "Star(Call(Paren(Star(Sel(unsafe, Pointer))); Sel(v, ptr)))"
    );
    assert_eq!(
        shape("**(**T)(x)"),
        "Star(Star(Call(Paren(Star(Star(T))); x)))"
    );
}

#[test]
fn deref_of_conversion_to_pointer_to_type_literal() {
    assert_eq!(
        shape("*(*[2]int)(unsafe.Pointer(p))"),
        "Star(Call(Paren(Star(Array(2, int))); Call(Sel(unsafe, Pointer); p)))"
    );
    assert_eq!(
        shape("*(*[32]byte)(y[4:36])"),
        "Star(Call(Paren(Star(Array(32, byte))); Slice(y, 4, 36)))"
    );
    assert_eq!(
        shape("*(*[]int)(p)"),
        "Star(Call(Paren(Star(SliceOf(int))); p))"
    );
    assert_eq!(
        shape("*(*map[K]V)(p)"),
        "Star(Call(Paren(Star(Map(K, V))); p))"
    );
    assert_eq!(
        shape("*(*func())(p)"),
        "Star(Call(Paren(Star(FuncType)); p))"
    );
    assert_eq!(
        shape("*(*chan int)(p)"),
        "Star(Call(Paren(Star(Chan(int))); p))"
    );
    assert_eq!(
        shape("*(*struct{})(p)"),
        "Star(Call(Paren(Star(StructType)); p))"
    );
    assert_eq!(
        shape("*(*G[int])(p)"),
        "Star(Call(Paren(Star(Index(G, int))); p))"
    );
    // Without parentheses the conversion is still dereferenced, never a conversion to `*[]int`.
    assert_eq!(shape("*[]int(p)"), "Star(Call(SliceOf(int); p))");
    assert_eq!(
        shape("&(*[2]int)(p)"),
        "Addr(Call(Paren(Star(Array(2, int))); p))"
    );
    assert_eq!(
        shape("-*(*[2]int)(p)"),
        "Neg(Star(Call(Paren(Star(Array(2, int))); p)))"
    );
    assert_eq!(
        shape("*(*[2]int)(p) + 1"),
        "Add(Star(Call(Paren(Star(Array(2, int))); p)), 1)"
    );
}

#[test]
fn deref_applies_after_postfix_operators_on_the_conversion() {
    assert_eq!(
        shape("*(*[2]int)(p)[0]"),
        "Star(Index(Call(Paren(Star(Array(2, int))); p), 0))"
    );
    assert_eq!(
        shape("*(*[]int)(p)[1][2]"),
        "Star(Index(Index(Call(Paren(Star(SliceOf(int))); p), 1), 2))"
    );
    assert_eq!(
        shape("*(*[]S)(p)[1:]"),
        "Star(Slice(Call(Paren(Star(SliceOf(S))); p), 1, _))"
    );
    assert_eq!(
        shape("*(*[]S)(p).x"),
        "Star(Sel(Call(Paren(Star(SliceOf(S))); p), x))"
    );
    assert_eq!(
        shape("*(*[]any)(p).(T)"),
        "Star(Assert(Call(Paren(Star(SliceOf(any))); p), T))"
    );
    assert_eq!(
        shape("*(*[]func())(p)(y)"),
        "Star(Call(Call(Paren(Star(SliceOf(FuncType))); p); y))"
    );
    // The same chains on a named type (parsed as expressions by tree-sitter-go).
    assert_eq!(shape("*(*S)(p).x"), "Star(Sel(Call(Paren(Star(S)); p), x))");
}

#[test]
fn other_unary_and_postfix_precedence() {
    assert_eq!(shape("*p.f"), "Star(Sel(p, f))");
    assert_eq!(shape("*f()"), "Star(Call(f; ))");
    assert_eq!(shape("-(*p)"), "Neg(Paren(Star(p)))");
    assert_eq!(shape("<-ch"), "Recv(ch)");
    assert_eq!(shape("(*T).Method"), "Sel(Paren(Star(T)), Method)");
    assert_eq!(shape("(*p)[0]"), "Index(Paren(Star(p)), 0)");
    assert_eq!(shape("*(T)(x)"), "Star(Call(Paren(T); x))");
    assert_eq!(shape("[]byte(s)[0]"), "Index(Call(SliceOf(byte); s), 0)");
}

#[test]
fn hoisted_deref_spans() {
    let text = "*(*[2]int)(p)[0]";
    let e = rhs(text);
    let base = "package p\n\nfunc f() {\n\t_ = ".len() as u32;
    assert_eq!((e.span.start, e.span.end), (base, base + text.len() as u32));
    let ExprKind::Star(index) = &e.kind else {
        panic!("not a dereference: {}", show(&e));
    };
    assert_eq!(index.span.start, base + 1);
    let ExprKind::Index { x: call, .. } = &index.kind else {
        panic!("not an index: {}", show(index));
    };
    assert_eq!(
        (call.span.start, call.span.end),
        (base + 1, base + "*(*[2]int)(p)".len() as u32)
    );
}

#[test]
fn issue54467_lowers_dereferenced_conversions() {
    let text = std::fs::read_to_string("/usr/share/go-1.19/test/fixedbugs/issue54467.go");
    let Ok(text) = text else {
        return;
    };
    let f = parse_ok(&text);
    let mut stars = 0;
    for d in &f.decls {
        let DeclKind::Func(fd) = &d.kind else {
            continue;
        };
        for s in fd.body.iter().flat_map(|b| &b.stmts) {
            if let StmtKind::Assign { lhs, rhs, .. } = &s.kind {
                for e in lhs.iter().chain(rhs) {
                    if show(e).starts_with("Star(Call(Paren(Star(Array(32, byte)))") {
                        stars += 1;
                    }
                }
            }
        }
    }
    assert_eq!(stars, 2);
}

fn signature(f: &File, name: &str) -> FuncType {
    for d in &f.decls {
        if let DeclKind::Func(fd) = &d.kind {
            if fd.name.name == name {
                return fd.sig.clone();
            }
        }
    }
    panic!("no func {name}")
}

/// `names: type` for each group (`_` for an unnamed group).
fn groups(gs: &[ParamGroup]) -> Vec<String> {
    gs.iter()
        .map(|g| {
            let names: Vec<&str> = g.names.iter().map(|n| n.name.as_str()).collect();
            let dots = if g.variadic { "..." } else { "" };
            if names.is_empty() {
                format!("_: {dots}{}", show(&g.ty))
            } else {
                format!("{}: {dots}{}", names.join(" "), show(&g.ty))
            }
        })
        .collect()
}

const ALPHABET: &str = "a b c d e f g h i j k l m n o p q r s t u v w x y z";

#[test]
fn long_named_parameter_group_keeps_all_names() {
    let list = ALPHABET.replace(' ', ", ");
    let f = parse_ok(&format!(
        "package p\n\nfunc F({list} int64) ({list} int) {{}}\n\nfunc G({list} ...int64) {{}}\n\nvar fn func({list} *int, s string)\n"
    ));
    let sig = signature(&f, "F");
    assert_eq!(groups(&sig.params), vec![format!("{ALPHABET}: int64")]);
    assert_eq!(groups(&sig.results), vec![format!("{ALPHABET}: int")]);
    assert_eq!(
        groups(&signature(&f, "G").params),
        vec![format!("{ALPHABET}: ...int64")]
    );
    let DeclKind::Var(specs) = &f.decls[2].kind else {
        panic!("not a var");
    };
    let Some(ExprKind::FuncType(ft)) = specs[0].ty.as_ref().map(|t| &t.kind) else {
        panic!("not a func type");
    };
    assert_eq!(
        groups(&ft.params),
        vec![format!("{ALPHABET}: Star(int)"), "s: string".to_string()]
    );
    // The group's span starts at its first name.
    let g = &sig.params[0];
    assert_eq!(g.names[0].span.start, g.span.start);
    assert_eq!(g.names.len(), 26);
}

#[test]
fn abi_many_int_input_parameters_are_named() {
    for file in ["many_int_input.go", "more_intstar_input.go"] {
        let path = format!("/usr/share/go-1.19/test/abi/{file}");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let f = parse_ok(&text);
        for name in ["F", "G"] {
            let sig = signature(&f, name);
            assert_eq!(sig.params.len(), 1, "{file}: {name}");
            assert!(sig.params[0].names.len() >= 13, "{file}: {name}");
        }
    }
}

#[test]
fn named_and_unnamed_parameter_lists() {
    let f = parse_ok(
        "package p\n\nfunc A(a, b int) {}\nfunc B(int, string) {}\nfunc C(a, b) {}\nfunc D(a, b int, c ...string) (x, y T) {}\nfunc E([]int, ...T) (T, error) {}\n",
    );
    assert_eq!(groups(&signature(&f, "A").params), vec!["a b: int"]);
    assert_eq!(
        groups(&signature(&f, "B").params),
        vec!["_: int", "_: string"]
    );
    assert_eq!(groups(&signature(&f, "C").params), vec!["_: a", "_: b"]);
    let d = signature(&f, "D");
    assert_eq!(groups(&d.params), vec!["a b: int", "c: ...string"]);
    assert_eq!(groups(&d.results), vec!["x y: T"]);
    let e = signature(&f, "E");
    assert_eq!(groups(&e.params), vec!["_: SliceOf(int)", "_: ...T"]);
    assert_eq!(groups(&e.results), vec!["_: T", "_: error"]);
}

#[test]
fn mixed_named_and_unnamed_parameters_are_reported() {
    for src in [
        "func f(a int, []int) {}",
        "func f(a, b int, c) {}",
        "func f(a int, ...int) {}",
        "func f(a, b, []int, c int) {}",
    ] {
        let (_, diags) = parse(&format!("package p\n\n{src}\n"));
        let msgs: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
        assert!(
            msgs.contains(&"syntax error: mixed named and unnamed parameters"),
            "{src}: {msgs:?}"
        );
    }
}

#[test]
fn mixed_parameter_list_keeps_every_parameter() {
    let (f, diags) = parse("package p\n\nfunc f(a, b, []int, c int) {}\n");
    assert!(!diags.is_empty());
    assert_eq!(
        groups(&signature(&f, "f").params),
        vec!["_: a", "_: b", "_: SliceOf(int)", "c: int"]
    );
}
