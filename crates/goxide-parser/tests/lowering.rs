//! Lowering of representative constructs, repairs and syntax diagnostics.

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

/// `line:col: message` of each diagnostic.
fn errors(text: &str) -> Vec<String> {
    parse(text)
        .1
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
        .collect()
}

fn func_body(f: &File, name: &str) -> Vec<Stmt> {
    for d in &f.decls {
        if let DeclKind::Func(fd) = &d.kind {
            if fd.name.name == name {
                return fd
                    .body
                    .as_ref()
                    .map(|b| b.stmts.clone())
                    .unwrap_or_default();
            }
        }
    }
    panic!("no func {name}")
}

fn var_value(f: &File, i: usize) -> Expr {
    let vars: Vec<&VarSpec> = f
        .decls
        .iter()
        .filter_map(|d| {
            if let DeclKind::Var(v) = &d.kind {
                Some(v)
            } else {
                None
            }
        })
        .flatten()
        .collect();
    vars[i].values[0].clone()
}

#[test]
fn snapshot_small_program() {
    let f = parse_ok(
        "// Package p.\npackage p\n\nimport \"fmt\"\n\ntype Pair[K comparable, V any] struct {\n\tKey K `json:\"k\"`\n\tVal V\n}\n\nfunc (p *Pair[K, V]) Show(xs ...int) (n int, err error) {\n\tfor i, x := range xs {\n\t\tn += i * x\n\t}\n\tfmt.Println(p.Key, -1, 2i, 'a')\n\treturn\n}\n",
    );
    insta::assert_debug_snapshot!(f.decls);
}

#[test]
fn snapshot_statements() {
    let f = parse_ok(
        "package p\n\nfunc f(ch chan<- int, r <-chan int, v any) {\n\tswitch x := v.(type) {\n\tcase int, nil:\n\t\t_ = x\n\tdefault:\n\t}\n\tselect {\n\tcase ch <- 1:\n\tcase y, ok := <-r:\n\t\t_, _ = y, ok\n\tdefault:\n\t}\nL:\n\tfor {\n\t\tbreak L\n\t}\n\tgoto L\n}\n",
    );
    insta::assert_debug_snapshot!(func_body(&f, "f"));
}

#[test]
fn const_groups_number_specs_with_iota() {
    let f = parse_ok("package p\n\nconst (\n\tA = iota\n\tB\n\tC, D = 1, 2\n)\n");
    let DeclKind::Const(specs) = &f.decls[0].kind else {
        panic!()
    };
    assert_eq!(
        specs.iter().map(|s| s.iota).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    assert!(specs[1].values.is_empty());
    assert_eq!(specs[2].names.len(), 2);
}

#[test]
fn params_stay_grouped_and_variadic_is_marked() {
    let f = parse_ok("package p\n\nfunc f(a, b int, rest ...string) {}\n");
    let DeclKind::Func(fd) = &f.decls[0].kind else {
        panic!()
    };
    assert_eq!(fd.sig.params.len(), 2);
    assert_eq!(fd.sig.params[0].names.len(), 2);
    assert!(fd.sig.params[1].variadic);
    assert!(matches!(&fd.sig.params[1].ty.kind, ExprKind::Ident(n) if n == "string"));
}

#[test]
fn conversions_and_literals() {
    let f = parse_ok(
        "package p\n\nvar _ = (chan int)(nil)\nvar _ = []int(nil)\nvar _ = (func())(nil)\nvar _ = map[string]int{}\nvar _ = [...]int{1, 2}\nvar _ = []T{{X: 1}}\nvar _ = f[int, string]\n",
    );
    let ExprKind::Call { func, .. } = var_value(&f, 0).kind else {
        panic!()
    };
    assert!(
        matches!(&func.kind, ExprKind::Paren(t) if matches!(t.kind, ExprKind::ChanType { dir: ChanDir::Both, .. }))
    );
    let ExprKind::Call { func, .. } = var_value(&f, 1).kind else {
        panic!()
    };
    assert!(matches!(func.kind, ExprKind::SliceType(_)));
    let ExprKind::Call { func, .. } = var_value(&f, 2).kind else {
        panic!()
    };
    assert!(matches!(&func.kind, ExprKind::Paren(t) if matches!(t.kind, ExprKind::FuncType(_))));
    assert!(matches!(
        var_value(&f, 3).kind,
        ExprKind::CompositeLit { ty: Some(_), .. }
    ));
    let ExprKind::CompositeLit { ty: Some(ty), .. } = var_value(&f, 4).kind else {
        panic!()
    };
    assert!(matches!(ty.kind, ExprKind::ArrayType { len: None, .. }));
    let ExprKind::CompositeLit { elems, .. } = var_value(&f, 5).kind else {
        panic!()
    };
    let ExprKind::CompositeLit {
        ty: None,
        elems: inner,
    } = &elems[0].value.kind
    else {
        panic!()
    };
    assert!(matches!(&inner[0].key, Some(Expr { kind: ExprKind::Ident(k), .. }) if k == "X"));
    let ExprKind::Index { indices, .. } = var_value(&f, 6).kind else {
        panic!()
    };
    assert_eq!(indices.len(), 2);
}

#[test]
fn interfaces_structs_and_unions() {
    let f = parse_ok(
        "package p\n\ntype C interface {\n\t~int | string\n\tfmt.Stringer\n\tM(x int) bool\n}\n\ntype S struct {\n\tT\n\t*U\n\tpkg.V\n\tW[int]\n\ta, b int \"tag\"\n}\n",
    );
    let DeclKind::Type(specs) = &f.decls[0].kind else {
        panic!()
    };
    let ExprKind::InterfaceType(it) = &specs[0].ty.kind else {
        panic!()
    };
    let InterfaceElem::Embed(Expr {
        kind: ExprKind::Union(terms),
        ..
    }) = &it.elems[0]
    else {
        panic!()
    };
    assert_eq!(
        terms.iter().map(|t| t.tilde).collect::<Vec<_>>(),
        vec![true, false]
    );
    assert!(matches!(
        &it.elems[1],
        InterfaceElem::Embed(Expr {
            kind: ExprKind::Selector { .. },
            ..
        })
    ));
    assert!(matches!(&it.elems[2], InterfaceElem::Method { .. }));
    let DeclKind::Type(specs) = &f.decls[1].kind else {
        panic!()
    };
    let ExprKind::StructType(st) = &specs[0].ty.kind else {
        panic!()
    };
    assert!(st.fields[..4].iter().all(Field::is_embedded));
    assert!(matches!(st.fields[1].ty.kind, ExprKind::Star(_)));
    assert!(matches!(st.fields[2].ty.kind, ExprKind::Selector { .. }));
    assert!(matches!(st.fields[3].ty.kind, ExprKind::Index { .. }));
    assert_eq!(st.fields[4].tag.as_deref(), Some("tag"));
}

#[test]
fn docs_comments_and_build_constraint() {
    let f = parse_ok(
        "//go:build linux && amd64\n\n// Package p does things.\npackage p\n\n// A is\n// documented.\nvar A int\n\n// detached\n\nvar B int\n\nvar (\n\t// C doc.\n\tC int // trailing\n)\n",
    );
    assert_eq!(f.build_constraint.as_deref(), Some("linux && amd64"));
    assert_eq!(f.doc.as_deref(), Some("Package p does things."));
    assert_eq!(f.decls[0].doc.as_deref(), Some("A is\ndocumented."));
    assert_eq!(f.decls[1].doc, None);
    let DeclKind::Var(specs) = &f.decls[2].kind else {
        panic!()
    };
    assert_eq!(specs[0].doc.as_deref(), Some("C doc."));
    assert_eq!(f.comments.len(), 7);
}

#[test]
fn import_paths_are_unquoted() {
    let f = parse_ok("package p\n\nimport (\n\t\"fmt\"\n\tm `math`\n\t_ \"a\\x2fb\"\n)\n");
    let paths: Vec<&str> = f.imports.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, vec!["fmt", "math", "a/b"]);
    assert_eq!(
        f.imports[1].name.as_ref().map(|n| n.name.as_str()),
        Some("m")
    );
}

#[test]
fn repair_one_line_groups() {
    let f = parse_ok("package p\n\nconst ( F = 1 )\nvar (x int)\nimport (\"fmt\")\n");
    assert_eq!(f.decls.len(), 2);
    let DeclKind::Const(c) = &f.decls[0].kind else {
        panic!()
    };
    assert_eq!(c[0].names[0].name, "F");
    assert_eq!(c[0].names[0].span.start, 19);
    let DeclKind::Var(v) = &f.decls[1].kind else {
        panic!()
    };
    assert_eq!(v[0].names[0].name, "x");
    assert_eq!(f.imports[0].path, "fmt");
}

#[test]
fn repair_empty_init_statements() {
    let f = parse_ok("package p\n\nfunc f() {\n\tif ; false {\n\t}\n\tswitch ; 1 {\n\t}\n}\n");
    let body = func_body(&f, "f");
    assert!(matches!(&body[0].kind, StmtKind::If { init: None, .. }));
    assert!(matches!(
        &body[1].kind,
        StmtKind::Switch {
            init: None,
            tag: Some(_),
            ..
        }
    ));
}

#[test]
fn repair_labels_before_brace() {
    let f = parse_ok("package p\n\nfunc f() {\nL1:\nL2:\n}\n");
    let body = func_body(&f, "f");
    let StmtKind::Labeled { label, stmt } = &body[0].kind else {
        panic!("{body:?}")
    };
    assert_eq!(label.name, "L1");
    assert!(matches!(&stmt.kind, StmtKind::Labeled { label, .. } if label.name == "L2"));
}

#[test]
fn repair_method_expression_on_type_literal() {
    let f = parse_ok("package p\n\nvar _ = struct{ I }.M\nvar _ = interface{ M() }.M\n");
    let ExprKind::Selector { x, sel } = var_value(&f, 0).kind else {
        panic!()
    };
    assert!(matches!(x.kind, ExprKind::StructType(_)));
    assert_eq!((x.span.start, x.span.end), (19, 30));
    assert_eq!(sel.name, "M");
    let ExprKind::Selector { x, .. } = var_value(&f, 1).kind else {
        panic!()
    };
    assert!(matches!(x.kind, ExprKind::InterfaceType(_)));
}

#[test]
fn error_unexpected_token() {
    assert_eq!(
        errors("package p\n\nfunc f() {\n\tx := )\n}\n"),
        vec!["4:7: syntax error: unexpected `)`"]
    );
}

#[test]
fn error_missing_token() {
    let errs = errors("package p\n\nfunc f() {\n\tg(1\n}\n");
    assert!(
        errs.iter()
            .any(|e| e.starts_with("4:") && e.contains("missing `)`")),
        "{errs:?}"
    );
}

#[test]
fn error_no_package_clause() {
    assert_eq!(
        errors("func f() {}\n"),
        vec!["1:1: syntax error: package statement must be first"]
    );
}

#[test]
fn error_top_level_statement() {
    assert_eq!(
        errors("package p\n\nx := 1\n"),
        vec!["3:1: syntax error: non-declaration statement outside function body"]
    );
}

#[test]
fn error_non_name_on_left_of_define() {
    assert_eq!(
        errors("package p\n\nfunc f() {\n\tx.y := 1\n}\n"),
        vec!["4:2: syntax error: non-name x.y on left side of :="]
    );
}

#[test]
fn errors_leave_the_rest_lowered() {
    let (f, diags) = parse("package p\n\nfunc f() {\n\tx := )\n}\n\nfunc g() {}\n");
    assert!(!diags.is_empty());
    assert!(f
        .decls
        .iter()
        .any(|d| matches!(&d.kind, DeclKind::Func(fd) if fd.name.name == "g")));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut src = String::from("package p\n\nvar x = ");
    src.push_str(&"(".repeat(30_000));
    src.push('1');
    src.push_str(&")".repeat(30_000));
    src.push('\n');
    let (_, diags) = parse(&src);
    assert!(diags.iter().any(|d| d.message.contains("nesting too deep")));
}
