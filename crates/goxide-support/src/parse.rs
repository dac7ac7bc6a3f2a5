//! Go's `strconv` parsing functions: results and `*strconv.NumError` messages as Go gives them
//! (`strconv.Atoi: parsing "x": invalid syntax`).

use super::errors::{self, Error};

fn num_error(func: &str, s: &str, err: &str) -> Error {
    errors::new(format!(
        "strconv.{func}: parsing {}: {err}",
        super::strconv::quote(s)
    ))
}

const SYNTAX: &str = "invalid syntax";
const RANGE: &str = "value out of range";

enum Fail {
    Syntax,
    Range,
    Other(String),
}

/// `strconv.Atoi(s)`.
pub fn atoi(s: &str) -> (i64, Error) {
    parse_signed("Atoi", s, 10, 0)
}

/// `strconv.ParseInt(s, base, bitSize)`.
pub fn parse_int(s: &str, base: i64, bit_size: i64) -> (i64, Error) {
    parse_signed("ParseInt", s, base, bit_size)
}

/// `strconv.ParseUint(s, base, bitSize)`.
pub fn parse_uint(s: &str, base: i64, bit_size: i64) -> (u64, Error) {
    match unsigned(s, base, bit_size) {
        Ok(n) => (n, None),
        Err((n, Fail::Range)) => (n, num_error("ParseUint", s, RANGE)),
        Err((_, Fail::Syntax)) => (0, num_error("ParseUint", s, SYNTAX)),
        Err((_, Fail::Other(m))) => (0, num_error("ParseUint", s, &m)),
    }
}

fn parse_signed(func: &str, s: &str, base: i64, bit_size: i64) -> (i64, Error) {
    if s.is_empty() {
        return (0, num_error(func, s, SYNTAX));
    }
    let (neg, digits) = match s.as_bytes()[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let bit_size = if bit_size == 0 { 64 } else { bit_size };
    let un = match unsigned(digits, base, bit_size) {
        Ok(n) => n,
        Err((n, Fail::Range)) => n,
        Err((_, Fail::Syntax)) => return (0, num_error(func, s, SYNTAX)),
        Err((_, Fail::Other(m))) => return (0, num_error(func, s, &m)),
    };
    let cutoff = 1u64 << (bit_size - 1);
    if !neg && un >= cutoff {
        return ((cutoff - 1) as i64, num_error(func, s, RANGE));
    }
    if neg && un > cutoff {
        return ((cutoff as i64).wrapping_neg(), num_error(func, s, RANGE));
    }
    let n = un as i64;
    (if neg { n.wrapping_neg() } else { n }, None)
}

/// Go's `ParseUint` core: the value, or the value to return with the failure.
fn unsigned(s0: &str, base: i64, bit_size: i64) -> Result<u64, (u64, Fail)> {
    if s0.is_empty() {
        return Err((0, Fail::Syntax));
    }
    let base0 = base == 0;
    let mut s = s0.as_bytes();
    let base: u64 = match base {
        2..=36 => base as u64,
        0 => {
            if s[0] == b'0' {
                match s.get(1).map(u8::to_ascii_lowercase) {
                    Some(b'b') if s.len() >= 3 => {
                        s = &s[2..];
                        2
                    }
                    Some(b'o') if s.len() >= 3 => {
                        s = &s[2..];
                        8
                    }
                    Some(b'x') if s.len() >= 3 => {
                        s = &s[2..];
                        16
                    }
                    _ => {
                        s = &s[1..];
                        8
                    }
                }
            } else {
                10
            }
        }
        _ => return Err((0, Fail::Other(format!("invalid base {base}")))),
    };
    let bit_size = if bit_size == 0 { 64 } else { bit_size };
    if !(1..=64).contains(&bit_size) {
        return Err((0, Fail::Other(format!("invalid bit size {bit_size}"))));
    }
    let max_val: u64 = if bit_size == 64 {
        u64::MAX
    } else {
        (1u64 << bit_size) - 1
    };
    let cutoff = u64::MAX / base + 1;
    let mut underscores = false;
    let mut n: u64 = 0;
    for &c in s {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => u64::from(c - b'0'),
            b'a'..=b'z' => u64::from(c - b'a') + 10,
            b'A'..=b'Z' => u64::from(c - b'A') + 10,
            _ => return Err((0, Fail::Syntax)),
        };
        if d >= base {
            return Err((0, Fail::Syntax));
        }
        if n >= cutoff {
            return Err((max_val, Fail::Range));
        }
        n *= base;
        let n1 = n.wrapping_add(d);
        if n1 < n || n1 > max_val {
            return Err((max_val, Fail::Range));
        }
        n = n1;
    }
    if underscores && !underscore_ok(s0) {
        return Err((0, Fail::Syntax));
    }
    Ok(n)
}

/// Whether the underscores in a number are only between digits or after a base prefix.
fn underscore_ok(s: &str) -> bool {
    let mut s = s.as_bytes();
    if let Some(b'+' | b'-') = s.first() {
        s = &s[1..];
    }
    let mut saw = b'^';
    let mut i = 0;
    let mut hex = false;
    if s.len() >= 2 && s[0] == b'0' && matches!(s[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = s[1].eq_ignore_ascii_case(&b'x');
    }
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_digit() || hex && c.is_ascii_hexdigit() {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// `strconv.ParseFloat(s, bitSize)`: decimal and hexadecimal (`0x1p-2`) forms, `inf`,
/// `infinity` and `nan` in any case, and `_` between digits; out-of-range values give ±Inf
/// and a range error.
pub fn parse_float(s: &str, bit_size: i64) -> (f64, Error) {
    let err = |m| num_error("ParseFloat", s, m);
    let (neg, body) = match s.as_bytes().first() {
        Some(b'+') => (false, &s[1..]),
        Some(b'-') => (true, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return (
            if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            },
            None,
        );
    }
    if lower == "nan" && body.len() == s.len() {
        return (f64::NAN, None);
    }
    let cleaned: String;
    let mut body = body;
    if body.contains('_') {
        if !underscore_ok(body) {
            return (0.0, err(SYNTAX));
        }
        cleaned = body.replace('_', "");
        body = &cleaned;
    }
    let valid = !body.is_empty()
        && body
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'.' || c == b'+' || c == b'-');
    let parsed = if !valid {
        None
    } else if body.len() > 2 && body[..2].eq_ignore_ascii_case("0x") {
        parse_hex_float(&body[2..])
    } else if body
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        if bit_size == 32 {
            body.parse::<f32>().ok().map(f64::from)
        } else {
            body.parse::<f64>().ok()
        }
    } else {
        None
    };
    let Some(mut x) = parsed else {
        return (0.0, err(SYNTAX));
    };
    if bit_size == 32 {
        x = f64::from(x as f32);
    }
    if neg {
        x = -x;
    }
    if x.is_infinite() {
        return (x, err(RANGE));
    }
    (x, None)
}

/// A hexadecimal float after its `0x`: hex digits with an optional point, then a mandatory
/// binary exponent `p±d`.
fn parse_hex_float(s: &str) -> Option<f64> {
    let (mant, exp) = s.split_once(['p', 'P'])?;
    let exp: i64 = match exp.strip_prefix('+') {
        Some(e) if !e.starts_with('-') => e.parse().ok()?,
        _ => exp.parse().ok()?,
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut m: u64 = 0;
    let mut e2 = exp;
    for (i, c) in int.chars().chain(frac.chars()).enumerate() {
        let d = u64::from(c.to_digit(16)?);
        if m >> 60 == 0 {
            m = m * 16 + d;
            if i >= int.len() {
                e2 -= 4;
            }
        } else if i < int.len() {
            e2 += 4;
        }
    }
    let mut x = m as f64;
    let mut e = e2.clamp(-2000, 2000) as i32;
    while e > 0 {
        let step = e.min(1000);
        x *= 2f64.powi(step);
        e -= step;
    }
    while e < 0 {
        let step = e.max(-1000);
        x *= 2f64.powi(step);
        e -= step;
    }
    Some(x)
}

/// `strconv.ParseBool(s)`.
pub fn parse_bool(s: &str) -> (bool, Error) {
    match s {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => (true, None),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => (false, None),
        _ => (false, num_error("ParseBool", s, SYNTAX)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(e: Error) -> String {
        e.map(|e| e.to_string()).unwrap_or_default()
    }

    #[test]
    fn ints_like_go() {
        assert_eq!(atoi("-42").0, -42);
        assert_eq!(
            msg(atoi("x").1),
            r#"strconv.Atoi: parsing "x": invalid syntax"#
        );
        let (n, e) = atoi("99999999999999999999");
        assert_eq!(n, i64::MAX);
        assert_eq!(
            msg(e),
            r#"strconv.Atoi: parsing "99999999999999999999": value out of range"#
        );
        assert_eq!(parse_int("-0x_1F", 0, 64).0, -31);
        assert_eq!(parse_int("0755", 0, 64).0, 493);
        assert_eq!(parse_int("1__0", 0, 64).0, 0);
        assert_eq!(parse_int("-129", 10, 8).0, -128);
        assert_eq!(parse_int("ff", 16, 64).0, 255);
        assert_eq!(
            msg(parse_int("1", 1, 64).1),
            r#"strconv.ParseInt: parsing "1": invalid base 1"#
        );
        assert_eq!(parse_uint("255", 10, 8).0, 255);
    }

    #[test]
    fn floats_and_bools_like_go() {
        assert_eq!(parse_float("3.25", 64).0, 3.25);
        assert_eq!(parse_float("-Inf", 64).0, f64::NEG_INFINITY);
        assert!(parse_float("nan", 64).0.is_nan());
        assert!(parse_float("+nan", 64).1.is_some());
        assert_eq!(parse_float("0x1.8p1", 64).0, 3.0);
        assert_eq!(parse_float("1_000.5", 64).0, 1000.5);
        let (x, e) = parse_float("1e400", 64);
        assert!(x.is_infinite() && e.is_some());
        assert!(parse_float("1e", 64).1.is_some());
        assert!(parse_bool("T").0);
        assert_eq!(
            msg(parse_bool("yes").1),
            r#"strconv.ParseBool: parsing "yes": invalid syntax"#
        );
    }
}
