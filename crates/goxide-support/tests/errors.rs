//! Go's error values: errors.New, fmt.Errorf with %w, errors.Is/Unwrap, ==, and fmt printing.

use goxide_support::errors;
use goxide_support::fmt::{sprintf, Format};

#[test]
fn new_errors_compare_by_identity() {
    let a = errors::new("boom");
    let b = errors::new("boom");
    assert!(errors::same(&a, &a.clone()));
    assert!(!errors::same(&a, &b));
    assert!(errors::same(&None, &None));
    assert!(!errors::same(&a, &None));
    assert_eq!(errors::message(&a), "boom");
}

#[test]
fn wrapping_and_is() {
    let base = errors::new("not found");
    let wrapped = errors::errorf("lookup key: not found".into(), base.clone());
    assert!(errors::is(&wrapped, &base));
    assert!(errors::is(&base, &base));
    assert!(!errors::is(&base, &wrapped));
    assert!(errors::same(&errors::unwrap(&wrapped), &base));
    assert!(errors::unwrap(&base).is_none());
    assert_eq!(errors::message(&wrapped), "lookup key: not found");
}

#[test]
fn errors_print_as_go_does() {
    let e = errors::new("bad input");
    let nil: errors::Error = None;
    // Expected values from Go 1.19: fmt.Sprintf("%v|%s|%q|%T|%v|%T", e, e, e, e, nil, nil)
    assert_eq!(
        sprintf(
            "%v|%s|%q|%T|%v|%T",
            &[&e as &dyn Format, &e, &e, &e, &nil, &nil]
        ),
        "bad input|bad input|\"bad input\"|*errors.errorString|<nil>|<nil>"
    );
    assert_eq!(sprintf("%d", &[&nil as &dyn Format]), "%!d(<nil>)");
}

#[test]
fn interface_values_downcast_and_print() {
    use goxide_support::iface;
    let x = iface::new(42_i64);
    let s = iface::new(String::from("hi"));
    let nil: iface::Iface = None;
    assert_eq!(iface::downcast::<i64>(&x), Some(42));
    assert_eq!(iface::downcast::<String>(&x), None);
    assert!(iface::is::<String>(&s));
    assert_eq!(iface::assert::<String>(&s, "string"), "hi");
    // Go: fmt.Sprintf("%v %v %v %T %T", 42, "hi", nil, 42, "hi")
    assert_eq!(
        sprintf("%v %v %v %T %T", &[&x as &dyn Format, &s, &nil, &x, &s]),
        "42 hi <nil> int string"
    );
    let r = iface::recovered(Some(Box::new(String::from("boom"))));
    assert_eq!(iface::panic_message(&r), "boom");
}

#[test]
fn interface_equality() {
    use goxide_support::iface;
    let a = iface::new(5_i64);
    let b = iface::new(5_i64);
    let c = iface::new(5_i32);
    let s = iface::new(String::from("x"));
    assert!(iface::eq(&a, &b));
    assert!(!iface::eq(&a, &c));
    assert!(!iface::eq(&a, &None));
    assert!(iface::eq(&None, &None));
    assert!(iface::eq_value(&a, &5_i64));
    assert!(!iface::eq_value(&a, &6_i64));
    assert!(iface::eq_value(&s, &String::from("x")));
}
