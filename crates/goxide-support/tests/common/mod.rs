//! Go types and helpers shared by the table-driven tests: the Rust forms
//! of the Go values in tests/go/*.go, written as goxide's translator emits
//! them.
#![allow(dead_code)]

use goxide_support::fmt::{sprintf, Format, Formatter, Kind};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// `type Point struct{ X, Y int }`
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Point {
    pub x: i64,
    pub y: i64,
}

impl Format for Point {
    fn fmt(&self, f: &mut Formatter<'_>, _verb: char) {
        f.write_struct("main.Point", &[("X", &self.x), ("Y", &self.y)]);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "main.Point".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
}

/// `type Celsius float64` with a `String() string` method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Celsius(pub f64);

impl Format for Celsius {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        f.fmt_float(self.0, 64, verb, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "main.Celsius".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Float
    }
    fn method_string(&self) -> Option<String> {
        Some(sprintf("%.1f°C", &[&self.0]))
    }
}

/// `type Wrap struct { Name string; P *Point; T Celsius; L []int }`
pub struct Wrap {
    pub name: String,
    pub p: Option<Rc<RefCell<Point>>>,
    pub t: Celsius,
    pub l: Vec<i64>,
}

impl Format for Wrap {
    fn fmt(&self, f: &mut Formatter<'_>, _verb: char) {
        f.write_struct(
            "main.Wrap",
            &[
                ("Name", &self.name),
                ("P", &self.p),
                ("T", &self.t),
                ("L", &self.l),
            ],
        );
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "main.Wrap".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
}

pub fn wrap(with_pointer: bool) -> Wrap {
    if with_pointer {
        Wrap {
            name: "w".to_string(),
            p: ptr(Point { x: 3, y: 4 }),
            t: Celsius(1.0),
            l: vec![7],
        }
    } else {
        Wrap {
            name: "n".to_string(),
            p: None,
            t: Celsius(-2.0),
            l: Vec::new(),
        }
    }
}

pub fn ptr<T>(v: T) -> Option<Rc<RefCell<T>>> {
    Some(Rc::new(RefCell::new(v)))
}

pub fn bx<T: Format + 'static>(v: T) -> Box<dyn Format> {
    Box::new(v)
}

pub fn map(entries: &[(&'static str, i64)]) -> HashMap<&'static str, i64> {
    entries.iter().copied().collect()
}

pub fn imap(entries: &[(i64, &'static str)]) -> HashMap<i64, &'static str> {
    entries.iter().copied().collect()
}

pub fn bmap(entries: &[(bool, i64)]) -> HashMap<bool, i64> {
    entries.iter().copied().collect()
}

pub fn slmap() -> HashMap<&'static str, Vec<i64>> {
    [("k", vec![1, 2])].into_iter().collect()
}

/// Records a mismatch.
pub fn check(failures: &mut Vec<String>, what: &str, got: String, want: &str) {
    if got != want {
        failures.push(format!("{what:?}: got {got:?}, want {want:?}"));
    }
}

/// Fails with every recorded mismatch.
pub fn report(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
