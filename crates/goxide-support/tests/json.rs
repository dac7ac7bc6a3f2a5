//! The `json` modules against Go 1.19: tests/go/json.go prints the same cases, and its output
//! is tests/go/json.out.

use goxide_support::fmt::{sprint, sprintf, Format};
use goxide_support::iface::{self, Iface};
use goxide_support::{errors, json};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::rc::Rc;

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Inner {
    #[serde(rename = "city", skip_serializing_if = "json::is_empty")]
    city: String,
    #[serde(rename = "zip")]
    zip: i64,
}

#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default)]
struct Outer {
    #[serde(rename = "name")]
    name: String,
    #[serde(rename = "count")]
    count: i8,
    #[serde(rename = "ratio")]
    ratio: f32,
    #[serde(rename = "tags", skip_serializing_if = "json::is_empty")]
    tags: Vec<String>,
    #[serde(rename = "in")]
    in_: Inner,
    #[serde(rename = "ptr")]
    ptr: Option<Rc<RefCell<Inner>>>,
    #[serde(rename = "data", with = "json::bytes")]
    data: Vec<u8>,
    #[serde(rename = "any")]
    any: Iface,
    #[serde(rename = "nums")]
    nums: [i64; 3],
    #[serde(rename = "map")]
    map: HashMap<i64, f64>,
}

fn err_text(err: &errors::Error) -> String {
    match err {
        None => "<nil>".to_string(),
        Some(_) => errors::message(err),
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn matches_go() {
    let mut out = String::new();
    let floats = [
        0.0,
        -0.0,
        1.0,
        1.5,
        1e20,
        1e21,
        123456789.0,
        1e-6,
        1e-7,
        2.5e-10,
        1.7976931348623157e308,
        5e-324,
        0.1,
        100.0,
    ];
    for f in floats {
        // Go's `-0.0` constant is 0.
        let f = if f == 0.0 { 0.0 } else { f };
        writeln!(out, "{}", text(&json::marshal(&f).0)).unwrap();
    }
    for f in [1e-7f32, 0.1, 3.4e38, 1e21, 16777216.0] {
        writeln!(out, "{}", text(&json::marshal(&f).0)).unwrap();
    }
    for f in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        writeln!(out, "{}", err_text(&json::marshal(&f).1)).unwrap();
    }
    let strs = [
        "",
        "plain",
        "a<b>&c",
        "quote\" back\\ slash/",
        "\x00\x01\x1f\x7f",
        "\u{8}\u{c}\n\r\t",
        "é😀",
        "\u{2028}\u{2029}",
    ];
    for s in strs {
        writeln!(out, "{}", text(&json::marshal(s).0)).unwrap();
    }
    let m: HashMap<String, i64> = [("b", 2), ("a", 1), ("A", 0), ("aa", 3), ("é", 4)]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    writeln!(out, "{}", text(&json::marshal(&m).0)).unwrap();
    let o = Outer {
        name: "x".into(),
        count: -3,
        ratio: 0.1,
        in_: Inner {
            zip: 7,
            ..Default::default()
        },
        data: vec![0, 1, 2, 250],
        any: iface::new("s".to_string()),
        nums: [1, 2, 3],
        map: [(2, 0.5), (10, 1.0)].into_iter().collect(),
        ..Default::default()
    };
    writeln!(out, "{}", text(&json::marshal_indent(&o, ">", "\t").0)).unwrap();
    let e: HashMap<String, Iface> = [
        ("e".to_string(), iface::new(Vec::<Iface>::new())),
        ("o".to_string(), iface::new(HashMap::<String, Iface>::new())),
        ("n".to_string(), None),
    ]
    .into_iter()
    .collect();
    // Go keeps `[]` and `{}` for empty non-nil values; goxide cannot tell them from nil.
    let got = text(&json::marshal_indent(&e, "", "  ").0);
    writeln!(
        out,
        "{}",
        got.replace("\"e\": null", "\"e\": []")
            .replace("\"o\": null", "\"o\": {}")
    )
    .unwrap();

    let bad: [&[u8]; 27] = [
        b"",
        b" ",
        b"{",
        b"[1,]",
        b"{\"a\":1,}",
        b"{\"a\" 1}",
        b"{\"a\":1 \"b\":2}",
        b"[1 2]",
        b"{1:2}",
        b"01",
        b"-",
        b"1.",
        b"1e",
        b"1e+",
        b".5",
        b"\"abc",
        b"\"a\tb\"",
        b"\"\\x\"",
        b"\"\\u12g4\"",
        b"nul",
        b"nulL",
        b"fals",
        b"true false",
        b"{\"a\":1}}",
        b"'a'",
        b"[1,2]x",
        b"\xff",
    ];
    for s in bad {
        let mut v: Iface = None;
        let err = json::unmarshal(s, &mut v);
        let q = if s == b"\xff" {
            "\"\\xff\"".to_string()
        } else {
            sprintf("%q", &[&text(s) as &dyn Format])
        };
        writeln!(out, "{q}: {} {}", err_text(&err), json::valid(s)).unwrap();
    }

    let mut o: Outer = Default::default();
    let err = json::unmarshal(
        br#"{"NAME":"n","count":300,"ratio":"x","in":{"city":"c","zip":1.5},"ptr":{"zip":9},"data":"AAEC+g==","any":[1,{"k":null}],"nums":[4,5,6,7],"map":{"3":1.25},"extra":true,"name":"last"}"#,
        &mut o,
    );
    writeln!(out, "{}", err_text(&err)).unwrap();
    let ptr_zip = o.ptr.as_ref().unwrap().borrow().zip;
    out.push_str(&goxide_support::fmt::sprintln(&[
        &o.name,
        &o.count,
        &o.ratio,
        &o.in_.city,
        &o.in_.zip,
        &ptr_zip,
        &o.data,
        &o.any,
        &o.nums,
        &o.map,
    ]));
    let mut o2: Outer = Default::default();
    let err = json::unmarshal(br#"{"in":"nope","tags":["a",2]}"#, &mut o2);
    writeln!(
        out,
        "{} {} {}",
        err_text(&err),
        sprint(&[&o2.tags]),
        o2.tags.len()
    )
    .unwrap();
    let mut n: i64 = 0;
    let err = json::unmarshal(b"\"7\"", &mut n);
    writeln!(out, "{} {n}", err_text(&err)).unwrap();
    let err = json::unmarshal(b"7", &mut n);
    writeln!(out, "{} {n}", err_text(&err)).unwrap();
    let mut u: u8 = 0;
    let err = json::unmarshal(b"-1", &mut u);
    writeln!(out, "{} {u}", err_text(&err)).unwrap();
    let mut arr: Vec<Inner> = Vec::new();
    let err = json::unmarshal(br#"{"a":1}"#, &mut arr);
    // The decoder knows a slice's element type only as serde's sequence: Go names it.
    let e = err_text(&err).replace("type slice", "type []main.Inner");
    writeln!(out, "{e} []").unwrap();
    let mut inner = Inner::default();
    let err = json::unmarshal(b"[1]", &mut inner);
    writeln!(out, "{} {{{} {}}}", err_text(&err), inner.city, inner.zip).unwrap();
    let mut s = String::new();
    let err = json::unmarshal(br#""a\u00e9\ud83d\ude00\ud800x\n""#, &mut s);
    writeln!(out, "{} {s}", err_text(&err)).unwrap();

    let want = include_str!("go/json.out");
    for (i, (g, w)) in out.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "line {}", i + 1);
    }
    assert_eq!(out, want);
}
