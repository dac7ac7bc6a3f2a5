//! The `flag` module against Go 1.19's `flag.CommandLine`: syntax, defaults and usage text.

use goxide_support::flag;
use std::cell::Cell;
use std::rc::Rc;

fn args(xs: &[&str]) -> Vec<String> {
    xs.iter().map(|s| s.to_string()).collect()
}

#[test]
fn parses_go_syntax() {
    let n = Rc::new(Cell::new(0));
    let v = Rc::new(Cell::new(false));
    let (n2, v2) = (n.clone(), v.clone());
    flag::int("n", 7, "count", move |x| n2.set(x));
    flag::bool("v", false, "verbose", move |x| v2.set(x));
    let rest = flag::parse_args(args(&["-n", "0x10", "--v", "a", "-n", "3"])).unwrap();
    assert_eq!((n.get(), v.get()), (16, true));
    assert_eq!(rest, args(&["a", "-n", "3"]));
    let rest = flag::parse_args(args(&["--n=5", "-v=false", "--", "-v"])).unwrap();
    assert_eq!((n.get(), v.get()), (5, false));
    assert_eq!(rest, args(&["-v"]));
    assert_eq!(flag::parse_args(args(&["-n", "x"])), Err(2));
    assert_eq!(flag::parse_args(args(&["-n"])), Err(2));
    assert_eq!(flag::parse_args(args(&["-zzz"])), Err(2));
    assert_eq!(flag::parse_args(args(&["-v=maybe"])), Err(2));
    assert_eq!(flag::parse_args(args(&["---n"])), Err(2));
    assert_eq!(flag::parse_args(args(&["-help"])), Err(0));
    assert_eq!(
        flag::parse_args(args(&["-", "-n", "1"])).unwrap(),
        args(&["-", "-n", "1"])
    );
}

#[test]
fn usage_text_matches_go() {
    flag::string("name", "gopher", "who to `greet`", |_| {});
    flag::bool("q", false, "quiet", |_| {});
    flag::float64("r", 0.5, "ratio", |_| {});
    flag::int("zero", 0, "line one\nline two", |_| {});
    flag::duration("d", "1.5s".to_string(), "wait", |_| Ok(()));
    let u = flag::usage();
    let body = u.split_once('\n').unwrap().1;
    // What Go 1.19 prints for the same flags.
    assert_eq!(
        body,
        "  -d duration\n    \twait (default 1.5s)\n  \
         -name greet\n    \twho to greet (default \"gopher\")\n  \
         -q\tquiet\n  \
         -r float\n    \tratio (default 0.5)\n  \
         -zero int\n    \tline one\n    \tline two\n"
    );
}
