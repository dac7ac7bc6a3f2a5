//! The `big` module's arithmetic and parsing against values Go 1.19 gives.

use goxide_support::big::Int;

fn n(x: i64) -> Int {
    Int::from_i64(x)
}

#[test]
fn euclidean_and_truncated_division() {
    // (x, y, Div, Mod, Quo, Rem) as Go computes them.
    let cases = [
        (-7, 2, -4, 1, -3, -1),
        (7, -2, -3, 1, -3, 1),
        (-7, -2, 4, 1, 3, -1),
        (7, 2, 3, 1, 3, 1),
    ];
    for (x, y, d, m, q, r) in cases {
        let z = Int::new();
        assert_eq!(z.div(&n(x), &n(y)).int64(), d, "{x} div {y}");
        assert_eq!(z.modulo(&n(x), &n(y)).int64(), m, "{x} mod {y}");
        assert_eq!(z.quo(&n(x), &n(y)).int64(), q, "{x} quo {y}");
        assert_eq!(z.rem(&n(x), &n(y)).int64(), r, "{x} rem {y}");
    }
}

#[test]
fn set_string_follows_go() {
    let cases: [(&str, i64, Option<&str>); 13] = [
        ("0x_1f", 0, Some("31")),
        ("0_17", 0, Some("15")),
        ("+5", 10, Some("5")),
        ("0x1f", 0, Some("31")),
        ("0b101", 0, Some("5")),
        ("017", 0, Some("15")),
        ("0o17", 0, Some("15")),
        ("-1_000", 0, Some("-1000")),
        ("1_000", 10, None),
        ("", 10, None),
        ("-", 10, None),
        ("zz", 36, Some("1295")),
        (
            "123456789012345678901234567890",
            10,
            Some("123456789012345678901234567890"),
        ),
    ];
    for (s, base, want) in cases {
        let (v, ok) = Int::new().set_string(s, base);
        assert_eq!(ok, want.is_some(), "{s:?} base {base}");
        if let Some(w) = want {
            assert_eq!(v.string(), w);
        } else {
            assert!(v.is_none());
        }
    }
}

#[test]
fn exp_and_aliasing() {
    let z = n(3);
    // z = z * z, with the receiver also an operand.
    z.mul(&z.clone(), &z.clone());
    assert_eq!(z.string(), "9");
    assert_eq!(
        Int::new().exp(&n(2), &n(100), None).string(),
        "1267650600228229401496703205376"
    );
    assert_eq!(Int::new().exp(&n(-3), &n(3), Some(&n(7))).string(), "1");
    assert_eq!(Int::new().exp(&n(5), &n(-1), None).string(), "1");
    assert_eq!(n(-5).cmp(&n(3)), -1);
    assert_eq!(n(1 << 62).bit_len(), 63);
}
