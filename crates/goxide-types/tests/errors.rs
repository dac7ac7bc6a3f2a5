//! Diagnostics for invalid programs: Go-like messages at the offending node.

mod common;

use common::errors;

fn in_main(body: &str) -> Vec<String> {
    errors(&format!("package main\n\nfunc main() {{\n{body}\n}}\n"))
}

fn assert_has(errs: &[String], want: &str) {
    assert!(
        errs.iter().any(|e| e.contains(want)),
        "expected {want:?} in {errs:?}"
    );
}

#[test]
fn undefined_names() {
    assert_has(&in_main("\t_ = x"), "undefined: x");
}

#[test]
fn unused_variables_and_imports() {
    assert_has(&in_main("\tx := 1"), "x declared but not used");
    let errs = errors("package main\n\nimport \"os\"\n\nfunc main() {}\n");
    assert_eq!(errs, vec!["\"os\" imported but not used".to_string()]);
    // Package-level variables may be unused; assignment alone is not a use.
    assert!(errors("package main\n\nvar g = 1\n\nfunc main() {}\n").is_empty());
    assert_has(&in_main("\tx := 1\n\tx = 2"), "x declared but not used");
}

#[test]
fn assignment_mismatches() {
    assert_has(
        &in_main("\tvar s string\n\tx := 1\n\ts = x\n\t_ = s"),
        "cannot use x (variable of type int) as string value in assignment",
    );
}

#[test]
fn constant_overflow() {
    assert_has(
        &in_main("\tvar b byte = 256\n\t_ = b"),
        "cannot use 256 (untyped int constant) as byte value in variable declaration (overflows)",
    );
    assert_has(&in_main("\tvar i int = 1.5\n\t_ = i"), "(truncated)");
}

#[test]
fn calls() {
    let errs = errors("package main\n\nfunc f(int) {}\n\nfunc main() { f(1, 2) }\n");
    assert_has(&errs, "too many arguments in call to f");
    let errs = errors("package main\n\nfunc f(int) {}\n\nfunc main() { f() }\n");
    assert_has(&errs, "not enough arguments in call to f");
}

#[test]
fn missing_return() {
    let errs = errors("package main\n\nfunc f(x int) int {\n\tif x > 0 {\n\t\treturn 1\n\t}\n}\n\nfunc main() { _ = f(1) }\n");
    assert_eq!(errs, vec!["missing return".to_string()]);
    // Terminating statements: an infinite loop, a switch with default, panic.
    assert!(errors("package main\n\nfunc f() int {\n\tfor {\n\t}\n}\n\nfunc g(x int) int {\n\tswitch x {\n\tcase 1:\n\t\treturn 1\n\tdefault:\n\t\tpanic(x)\n\t}\n}\n\nfunc main() { _, _ = f(), g(1) }\n").is_empty());
}

#[test]
fn invalid_operations() {
    assert_has(&in_main("\t_ = 1 + \"a\""), "invalid operation");
    assert_has(
        &in_main("\tvar a int\n\tvar b string\n\t_ = a + b"),
        "mismatched types int and string",
    );
    assert_has(
        &in_main("\t_ = 1 / 0"),
        "invalid operation: division by zero",
    );
}

#[test]
fn define_needs_a_new_variable() {
    assert_has(
        &in_main("\tx := 1\n\tx := 2\n\t_ = x"),
        "no new variables on left side of :=",
    );
    assert!(in_main("\tx, err := 1, 2\n\ty, err := 3, 4\n\t_, _, _ = x, y, err").is_empty());
}

#[test]
fn interfaces_and_methods() {
    let src = "package main\n\ntype I interface{ M() }\ntype T struct{}\n\nfunc (t *T) M() {}\n\nfunc main() {\n\tvar i I = T{}\n\t_ = i\n}\n";
    assert_has(&errors(src), "method M has pointer receiver");
    let src = "package main\n\ntype I interface{ M() }\ntype T struct{}\n\nfunc (t *T) M() {}\n\nfunc main() {\n\tvar i I = &T{}\n\t_ = i\n}\n";
    assert!(errors(src).is_empty());
    assert_has(&in_main("\tvar e error = 1\n\t_ = e"), "cannot use 1");
}

#[test]
fn unknown_fields() {
    let src = "package main\n\ntype T struct{ X int }\n\nfunc main() {\n\tvar t T\n\t_ = t.Y\n}\n";
    assert_has(
        &errors(src),
        "t.Y undefined (type T has no field or method Y)",
    );
}

#[test]
fn labels() {
    assert_has(&in_main("L:\n\tfor {\n\t}"), "label L defined and not used");
    assert!(in_main("L:\n\tfor {\n\t\tbreak L\n\t}").is_empty());
}

#[test]
fn no_panic_on_garbage() {
    for src in [
        "package main\nfunc main() { x.y := 1 }",
        "package main\ntype T T\nfunc main() {}",
        "package main\ntype A B\ntype B A\nfunc main() {}",
        "package main\nvar x = x\nfunc main() {}",
        "package main\nconst c = c\nfunc main() {}",
        "package main\nfunc main() { var a [1 << 70]int; _ = a }",
        "package main\nfunc main() { _ = 1 << 100000 }",
        "package main\ntype T struct { T }\nfunc main() { var t T; _ = t.x }",
        "package main\ntype I interface { I }\nfunc main() {}",
        "package main\nfunc f[T any, U T]() {}\nfunc main() { f[int]() }",
        "main",
        "",
    ] {
        let _ = common::check_src(src);
    }
}

#[test]
fn more_static_checks() {
    assert_has(
        &in_main("\tbreak"),
        "break is not in a loop, switch, or select",
    );
    assert_has(&in_main("\tcontinue"), "continue is not in a loop");
    assert!(in_main("\tfor {\n\t\tswitch {\n\t\tdefault:\n\t\t\tcontinue\n\t\t}\n\t}").is_empty());
    assert_has(
        &in_main("\tvar x int\n\tvar x string\n\t_ = x"),
        "x redeclared in this block",
    );
    assert_has(
        &in_main("\ts := []int{1}\n\t_ = s[2:1]"),
        "inverted slice range",
    );
    let src = "package main\n\ntype T struct{ a int }\ntype P *T\n\nfunc (t *T) M() {}\n\nfunc main() {\n\tvar p P = &T{}\n\t_ = p.a\n\tp.M()\n}\n";
    assert_has(&errors(src), "p.M undefined");
    let src = "package main\n\nvar x = f()\n\nfunc f() int { return x }\n\nfunc main() {}\n";
    assert_has(&errors(src), "initialization cycle");
    assert_has(
        &in_main("\tvar s uint = 2\n\tvar f float64 = 1 << s\n\t_ = f"),
        "must be integer",
    );
}

#[test]
fn unexported_members_of_other_packages_are_invisible() {
    let src = "package main\n\nimport \"strings\"\n\nfunc main() {\n\tvar b strings.Builder\n\t_ = b.buf\n}\n";
    assert_has(&errors(src), "b.buf undefined");
}

#[test]
fn duplicates() {
    assert_has(
        &in_main("\tx := 1\n\tswitch x {\n\tcase 1, 2, 1:\n\t}"),
        "duplicate case 1 in expression switch",
    );
    assert_has(
        &in_main("\t_ = map[string]int{\"a\": 1, \"a\": 2}"),
        "duplicate key \"a\" in map literal",
    );
    let src =
        "package main\n\ntype T struct{}\n\nfunc (T) M() {}\nfunc (*T) M() {}\n\nfunc main() {}\n";
    assert_has(&errors(src), "method T.M already declared");
    assert_has(
        &errors("package main\n\nvar init = 1\n\nfunc main() {}\n"),
        "cannot declare init - must be func",
    );
    assert_has(
        &errors("package main\n\ntype I interface{ m(x int) (x int) }\n\nfunc main() {}\n"),
        "duplicate argument x",
    );
}

#[test]
fn tiny_float_literals_are_nonzero_constants_that_round_to_zero() {
    assert!(in_main("\tvar x float64 = 1e-779137\n\t_ = x").is_empty());
    // Still nonzero as an untyped constant: dividing by it overflows, it is no division by zero.
    assert_has(
        &in_main("\tconst t = 1e-779137\n\tvar y = 1 / t\n\t_ = y"),
        "constant overflow",
    );
}
