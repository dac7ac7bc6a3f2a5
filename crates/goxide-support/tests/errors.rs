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
