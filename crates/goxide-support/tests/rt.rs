//! The `rt` and `defer` modules against Go 1.19's behaviour (reference
//! programs: tests/go/panics.go, tests/go/defer.go, tests/go/print_float.go).

use goxide_support::defer::{recover, with_defer};
use goxide_support::fmt::{sprint, Format};
use goxide_support::rt::{self, GoInt};
use std::cell::RefCell;
use std::process::Command;
use std::rc::Rc;

// ---------------------------------------------------------------------------
// Panic reports of a whole program (a subprocess: exit status 2, stderr)
// ---------------------------------------------------------------------------

fn run_scenario(name: &str) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goxide-support-panic"))
        .arg(name)
        .output()
        .expect("run the panic test program");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn panic_reports_match_go() {
    let cases: &[(&str, &str)] = &[
        ("str", "panic: x"),
        ("string", "panic: v=3"),
        ("int", "panic: 5"),
        ("float", "panic: +1.500000e+000"),
        ("bool", "panic: true"),
        ("named", "panic: main.T(5)"),
        ("nameds", "panic: main.S(\"hi\")"),
        ("namedf", "panic: main.F(+2.500000e+000)"),
        (
            "index",
            "panic: runtime error: index out of range [5] with length 3",
        ),
        ("negindex", "panic: runtime error: index out of range [-1]"),
        ("div", "panic: runtime error: integer divide by zero"),
        ("rtdiv", "panic: runtime error: integer divide by zero"),
        (
            "slice",
            "panic: runtime error: slice bounds out of range [:5] with capacity 3",
        ),
        (
            "slice2",
            "panic: runtime error: slice bounds out of range [2:1]",
        ),
        (
            "strslice",
            "panic: runtime error: slice bounds out of range [:5] with length 3",
        ),
        (
            "nil",
            "panic: runtime error: invalid memory address or nil pointer dereference",
        ),
        (
            "nilderef",
            "panic: runtime error: invalid memory address or nil pointer dereference",
        ),
        ("nilmap", "panic: assignment to entry in nil map"),
        (
            "repanic",
            "panic: runtime error: index out of range [5] with length 3 [recovered]",
        ),
        ("repanicstr", "panic: boom [recovered]"),
        ("nested", "panic: first"),
    ];
    let mut failures = Vec::new();
    for (name, want) in cases {
        let (code, _, stderr) = run_scenario(name);
        let first = stderr.lines().next().unwrap_or("");
        if code != Some(2) || first != *want {
            failures.push(format!(
                "{name}: status {code:?}, first line {first:?}, want {want:?}"
            ));
        }
        if !stderr.contains("\ngoroutine 1 [running]:\nmain.main()\n") {
            failures.push(format!("{name}: no goroutine trailer in {stderr:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn panic_report_details() {
    let (_, _, stderr) = run_scenario("nil");
    assert_eq!(
        stderr.lines().nth(1),
        Some("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]")
    );
    let (_, _, stderr) = run_scenario("nested");
    assert_eq!(stderr.lines().nth(1), Some("\tpanic: second"));
    let (_, _, stderr) = run_scenario("repanicstr");
    assert_eq!(stderr.lines().nth(1), Some("\tpanic: boom"));
    let (code, stdout, _) = run_scenario("stdout");
    assert_eq!((code, stdout.as_str()), (Some(2), "partial line"));
    let (code, stdout, stderr) = run_scenario("ok");
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (Some(0), "fine\n", "")
    );
}

#[test]
fn panic_messages_of_payloads() {
    let msg = |f: fn()| {
        rt::install_quiet_hook();
        let payload = std::panic::catch_unwind(f).expect_err("panics");
        rt::panic_message(payload.as_ref())
    };
    assert_eq!(msg(|| rt::go_panic(-3i8)), "-3");
    assert_eq!(msg(|| rt::go_panic(1.5f32)), "+1.500000e+000");
    assert_eq!(
        msg(|| rt::go_panic(rt::Named("main.B", true))),
        "main.B(true)"
    );
    assert_eq!(msg(|| rt::runtime_error("boom")), "boom");
    assert_eq!(msg(|| panic!("plain rust")), "plain rust");
    assert_eq!(
        msg(|| {
            rt::shift_count(-1);
        }),
        "runtime error: negative shift amount"
    );
    assert_eq!(
        msg(|| {
            rt::check_index(3, 3);
        }),
        "runtime error: index out of range [3] with length 3"
    );
    assert_eq!(
        msg(|| {
            rt::string_index("ab", 7);
        }),
        "runtime error: index out of range [7] with length 2"
    );
    assert_eq!(
        msg(|| {
            rt::str_slice("abc", 2, 1);
        }),
        "runtime error: slice bounds out of range [2:1]"
    );
    assert_eq!(
        msg(|| {
            let v = std::hint::black_box(vec![1, 2, 3]);
            let _ = v[std::hint::black_box(4)..].len();
        }),
        "runtime error: slice bounds out of range [4:3]"
    );
    assert_eq!(
        msg(|| {
            let z = std::hint::black_box(0i64);
            let _ = 5 % z;
        }),
        "runtime error: integer divide by zero"
    );
}

// ---------------------------------------------------------------------------
// defer / recover (tests/go/defer.go)
// ---------------------------------------------------------------------------

fn cell<T>(v: T) -> Rc<RefCell<T>> {
    Rc::new(RefCell::new(v))
}

/// `func order() (log []int)`: deferred calls run last-in first-out.
fn order() -> Vec<i64> {
    let log = cell(Vec::new());
    with_defer(
        |d| {
            let l = log.clone();
            d.push(move || l.borrow_mut().push(1));
            let l = log.clone();
            d.push(move || l.borrow_mut().push(2));
            for i in 3..5 {
                let l = log.clone();
                d.push(move || l.borrow_mut().push(i));
            }
            *log.borrow_mut() = Vec::new();
        },
        || (),
    );
    let result = log.borrow().clone();
    result
}

/// `func safeDiv(a, b int) (q int, err error)` with a recovering defer.
fn safe_div(a: i64, b: i64) -> (i64, Option<String>) {
    let q = cell(0i64);
    let err: Rc<RefCell<Option<String>>> = cell(None);
    with_defer(
        |d| {
            let (q2, err2) = (q.clone(), err.clone());
            d.push(move || {
                if let Some(r) = recover() {
                    *err2.borrow_mut() = Some(goxide_support::fmt::sprintf("recovered: %v", &[&r]));
                    *q2.borrow_mut() = -1;
                }
            });
            *q.borrow_mut() = std::hint::black_box(a) / std::hint::black_box(b);
            let v = *q.borrow();
            *q.borrow_mut() = v;
            *err.borrow_mut() = None;
        },
        || (),
    );
    let result = (*q.borrow(), err.borrow().clone());
    result
}

/// `func index(xs []int, i int) (v int)`: unnamed-style result, recovered.
fn index(xs: Vec<i64>, i: usize, seen: &RefCell<String>) -> i64 {
    with_defer(
        |d| {
            d.push(|| {
                let r = recover();
                *seen.borrow_mut() = sprint(&[&"index recovered: ", &r.expect("panicking")]);
            });
            xs[i]
        },
        || 0,
    )
}

/// `func replaced() (msg string)`: a panic in a deferred call replaces the
/// one in progress.
fn replaced() -> String {
    let msg = cell(String::new());
    with_defer(
        |d| {
            let m = msg.clone();
            d.push(move || {
                let r = recover();
                *m.borrow_mut() = r.map(|v| sprint(&[&v])).unwrap_or_default();
            });
            d.push(|| rt::go_panic("second"));
            rt::go_panic("first");
        },
        || (),
    );
    let result = msg.borrow().clone();
    result
}

/// `func noPanic() (r interface{})`: recover returns nil without a panic.
fn no_panic() -> Option<Box<dyn std::any::Any + Send>> {
    let r: Rc<RefCell<Option<Box<dyn std::any::Any + Send>>>> = cell(None);
    with_defer(
        |d| {
            let r2 = r.clone();
            d.push(move || *r2.borrow_mut() = recover());
            *r.borrow_mut() = Some(Box::new(7i64));
        },
        || (),
    );
    let result = r.borrow_mut().take();
    result
}

/// `func doubled() (n int)`: a deferred call modifies the result.
fn doubled() -> i64 {
    let n = cell(0i64);
    with_defer(
        |d| {
            let n2 = n.clone();
            d.push(move || *n2.borrow_mut() *= 2);
            *n.borrow_mut() = 21;
        },
        || (),
    );
    let v = *n.borrow();
    v
}

#[test]
fn defer_and_recover_match_go() {
    rt::install_quiet_hook();
    assert_eq!(order(), vec![4, 3, 2, 1]);
    assert_eq!(safe_div(7, 2), (3, None));
    assert_eq!(
        safe_div(7, 0),
        (
            -1,
            Some("recovered: runtime error: integer divide by zero".to_string())
        )
    );
    let seen = RefCell::new(String::new());
    assert_eq!(index(vec![1, 2, 3], 5, &seen), 0);
    assert_eq!(
        seen.borrow().as_str(),
        "index recovered: runtime error: index out of range [5] with length 3"
    );
    assert_eq!(replaced(), "second");
    assert!(no_panic().is_none());
    assert_eq!(doubled(), 42);
}

#[test]
fn recover_outside_a_panic_is_nil() {
    assert!(recover().is_none());
    let got = with_defer(
        |d| {
            d.push(|| assert!(recover().is_none()));
            assert!(recover().is_none());
            5
        },
        || 0,
    );
    assert_eq!(got, 5);
}

#[test]
fn unrecovered_panics_continue_after_deferred_calls() {
    rt::install_quiet_hook();
    let ran = Rc::new(RefCell::new(Vec::new()));
    let r = ran.clone();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        with_defer(
            |d| {
                let r2 = r.clone();
                d.push(move || r2.borrow_mut().push("deferred"));
                rt::go_panic("escapes");
            },
            || (),
        )
    }));
    let payload = result.expect_err("still panicking");
    assert_eq!(rt::panic_message(payload.as_ref()), "escapes");
    assert_eq!(*ran.borrow(), vec!["deferred"]);
}

#[test]
fn recovered_values_keep_their_go_value() {
    rt::install_quiet_hook();
    let got = with_defer(
        |d| {
            d.push(|| {
                let v = recover().expect("panicking");
                assert_eq!(v.downcast_ref::<i64>(), Some(&42));
                assert_eq!(v.type_name(), "int");
            });
            rt::go_panic(42i64);
        },
        || -1i64,
    );
    assert_eq!(got, -1);
    // A recovered value panicked again is recovered once more unchanged.
    let got = with_defer(
        |d| {
            d.push(|| {
                let v = recover().expect("panicking");
                assert_eq!(v.downcast_ref::<&str>(), Some(&"inner"));
            });
            with_defer(
                |d| {
                    d.push(|| rt::go_panic(recover().expect("panicking")));
                    rt::go_panic("inner");
                },
                || (),
            );
            1
        },
        || 2,
    );
    assert_eq!(got, 2);
}

// ---------------------------------------------------------------------------
// print / println formats (tests/go/print_float.go)
// ---------------------------------------------------------------------------

#[test]
fn print_float_matches_go() {
    let cases: &[(f64, &str)] = &[
        (1.5, "+1.500000e+000"),
        (0.0, "+0.000000e+000"),
        (-0.0, "-0.000000e+000"),
        (1e100, "+1.000000e+100"),
        (123456789.0, "+1.234568e+008"),
        (0.1, "+1.000000e-001"),
        (1.0 / 3.0, "+3.333333e-001"),
        (1e-300, "+1.000000e-300"),
        (123.456, "+1.234560e+002"),
        (0.5, "+5.000000e-001"),
        (9.9999999, "+1.000000e+001"),
        (9.99999999, "+1.000000e+001"),
        (1e21, "+1.000000e+021"),
        (5e-324, "+4.940656e-324"),
        (f64::MAX, "+1.797693e+308"),
        (-2.5, "-2.500000e+000"),
        (100.0, "+1.000000e+002"),
        (99999995.0, "+1.000000e+008"),
        (0.00001234, "+1.234000e-005"),
        (f64::NAN, "NaN"),
        (f64::INFINITY, "+Inf"),
        (f64::NEG_INFINITY, "-Inf"),
    ];
    for (x, want) in cases {
        assert_eq!(rt::print_float(*x), *want, "print_float({x:e})");
    }
    assert_eq!(
        rt::print_complex(1.5, -2.0),
        "(+1.500000e+000-2.000000e+000i)"
    );
    assert_eq!(
        rt::print_complex(1.0, 2.0),
        "(+1.000000e+000+2.000000e+000i)"
    );
    assert_eq!(rt::print_pointer(0), "0x0");
    assert_eq!(rt::print_slice(3, 4, 0xc000010000), "[3/4]0xc000010000");
}

// ---------------------------------------------------------------------------
// Integers
// ---------------------------------------------------------------------------

fn shifts<T: GoInt + std::fmt::Debug>(x: T, cases: &[(u64, T, T)]) {
    for (n, left, right) in cases {
        assert_eq!(rt::shl(x, *n), *left, "{x:?} << {n}");
        assert_eq!(rt::shr(x, *n), *right, "{x:?} >> {n}");
    }
}

#[test]
fn shifts_match_go() {
    shifts(
        -8i64,
        &[
            (1, -16, -4),
            (63, 0, -1),
            (64, 0, -1),
            (70, 0, -1),
            (u64::MAX, 0, -1),
        ],
    );
    shifts(200u8, &[(1, 144, 100), (7, 0, 1), (8, 0, 0), (9, 0, 0)]);
    shifts(-128i8, &[(1, 0, -64), (7, 0, -1), (8, 0, -1)]);
    shifts(1u64, &[(63, 1 << 63, 0), (64, 0, 0)]);
    shifts(0x40000000i32, &[(1, i32::MIN, 0x20000000), (32, 0, 0)]);
    assert_eq!(rt::shift_count(3), 3);
}

#[test]
fn division_matches_go() {
    assert_eq!(rt::div(7i64, 2), 3);
    assert_eq!(rt::div(-7i64, 2), -3);
    assert_eq!(rt::rem(-7i64, 2), -1);
    assert_eq!(rt::rem(7i64, -2), 1);
    assert_eq!(rt::div(i64::MIN, -1), i64::MIN);
    assert_eq!(rt::rem(i64::MIN, -1), 0);
    assert_eq!(rt::div(i8::MIN, -1), i8::MIN);
    assert_eq!(rt::div(255u8, 2), 127);
    rt::install_quiet_hook();
    let payload = std::panic::catch_unwind(|| rt::rem(1u32, 0)).expect_err("divide by zero");
    assert_eq!(
        rt::panic_message(payload.as_ref()),
        "runtime error: integer divide by zero"
    );
}

// ---------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------

#[test]
fn string_helpers_match_go() {
    assert_eq!(rt::str_slice("hello", 1, 3), "el");
    assert_eq!(rt::str_slice("hello", 5, 5), "");
    // Splitting a UTF-8 sequence decodes the piece lossily.
    assert_eq!(rt::str_slice("é", 0, 1), "\u{FFFD}");
    assert_eq!(rt::string_index("héllo", 1), 0xc3);
    assert_eq!(rt::rune_to_string(65), "A");
    assert_eq!(rt::rune_to_string(0x1F600), "😀");
    assert_eq!(rt::rune_to_string(-1), "\u{FFFD}");
    assert_eq!(rt::rune_to_string(0xD800), "\u{FFFD}");
    assert_eq!(rt::rune_to_string(0x110000), "\u{FFFD}");
    assert_eq!(rt::bytes_to_string(b"hi"), "hi");
    assert_eq!(rt::bytes_to_string(&[0xff, b'a']), "\u{FFFD}a");
    assert_eq!(rt::runes_to_string(&[104, 0x65e5, -5]), "h日\u{FFFD}");
    assert_eq!(rt::string_to_runes("h日"), vec![104, 0x65e5]);
}

#[test]
fn registry_lists_every_module_with_deps() {
    use goxide_support::{closure, module, MODULES};
    for m in MODULES {
        for dep in m.deps {
            assert!(module(dep).is_some(), "{} needs unknown {dep}", m.name);
            assert!(
                m.source.contains(&format!("super::{dep}")),
                "{} does not use {dep}",
                m.name
            );
        }
        let code: String = m
            .source
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect();
        assert!(!code.contains("crate::"), "{} refers to crate::", m.name);
        // `unsafe` code (the word may appear in Go names such as `unsafe.Pointer`).
        for form in [
            "unsafe {",
            "unsafe fn",
            "unsafe impl",
            "unsafe trait",
            "unsafe extern",
        ] {
            assert!(!code.contains(form), "{} uses unsafe", m.name);
        }
    }
    let names: Vec<&str> = closure(&["fmt"]).iter().map(|m| m.name).collect();
    assert_eq!(names, vec!["complex", "fmt", "rt", "strconv"]);
    let names: Vec<&str> = closure(&["defer"]).iter().map(|m| m.name).collect();
    assert_eq!(names, vec!["defer", "rt"]);
}

// ---------------------------------------------------------------------------
// complex64 arithmetic (parts rounded to f32, as Go's complex64)
// ---------------------------------------------------------------------------

#[test]
fn complex64_rounds_parts_to_f32() {
    use goxide_support::complex::Complex128;
    // Go 1.19: complex64(10+6i) / complex64(5+12i) == complex64((10+6i)/(5+12i)).
    let q = (Complex128::new(10.0, 6.0) / Complex128::new(5.0, 12.0)).to_complex64();
    assert_eq!(q, Complex128::new(0.7218934893608093, -0.5325443744659424));
    assert_eq!(q.re, q.re as f32 as f64);
    assert_eq!(
        Complex128::new(1.5, -2.0).to_complex64(),
        Complex128::new(1.5, -2.0)
    );
}

#[test]
fn nil_functions_are_told_apart_from_real_ones() {
    use goxide_support::rt::{is_nil_func, nil_deref, nil_func, nil_func_sync};
    type F = std::rc::Rc<dyn Fn(i64) -> i64>;
    let make = || -> F { std::rc::Rc::new(|_: i64| -> i64 { nil_deref() }) };
    let nil: F = nil_func(make);
    let again: F = nil_func(make);
    let real: F = std::rc::Rc::new(|x: i64| x + 1);
    assert!(is_nil_func(&nil) && is_nil_func(&again));
    assert!(!is_nil_func(&real));
    // Another function type has its own nil.
    type H = std::rc::Rc<dyn Fn()>;
    let unit: H = std::rc::Rc::new(|| {});
    assert!(!is_nil_func(&unit));
    type G = std::sync::Arc<dyn Fn() + Send + Sync>;
    let never: G = std::sync::Arc::new(|| {});
    assert!(!is_nil_func(&never));
    let nil: G = nil_func_sync(|| -> G { std::sync::Arc::new(|| nil_deref()) });
    let copy = nil.clone();
    assert!(is_nil_func(&copy) && !is_nil_func(&never));
    // Through a reference, as a method of a named function type sees `self`.
    let by_ref: &G = &copy;
    assert!(is_nil_func(&by_ref) && is_nil_func(by_ref));
}
