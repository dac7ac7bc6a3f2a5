//! `fmt.Sscan`, `fmt.Sscanln` and `fmt.Sscanf`: reading values out of a string into variables,
//! with Go's token rules (numbers end where their characters end, strings at a space) and its
//! error texts.

use super::errors::{self, Error};

/// A variable `Sscan` can fill.
pub trait Scan {
    /// Reads one value at the scanner's position (spaces already skipped).
    fn scan(&mut self, s: &mut Scanner<'_>, verb: char) -> Result<(), Error>;
}

/// The input and the position reached.
pub struct Scanner<'a> {
    input: &'a [u8],
    pos: usize,
}

impl<'a> Scanner<'a> {
    fn new(input: &'a str) -> Scanner<'a> {
        Scanner {
            input: input.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.input.get(self.pos).copied()
    }

    /// Skips spaces (newlines too when `newlines`); whether anything is left.
    fn skip_space(&mut self, newlines: bool) -> bool {
        while let Some(c) = self.peek() {
            if c == b' ' || c == b'\t' || c == b'\r' || (newlines && c == b'\n') {
                self.pos += 1;
            } else {
                break;
            }
        }
        self.pos < self.input.len()
    }

    /// The run of bytes from here that `accept` takes.
    fn token(&mut self, accept: impl Fn(u8) -> bool) -> String {
        let start = self.pos;
        while self.peek().is_some_and(&accept) {
            self.pos += 1;
        }
        String::from_utf8_lossy(&self.input[start..self.pos]).into_owned()
    }

    /// A float's characters, as Go's float scanning reads them: a sign, digits (hexadecimal
    /// after `0x`), a point, an exponent.
    fn float_token(&mut self) -> String {
        let start = self.pos;
        let take = |s: &mut Self, accept: &dyn Fn(u8) -> bool| {
            while s.peek().is_some_and(accept) {
                s.pos += 1;
            }
        };
        if matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let rest = &self.input[self.pos..];
        let hex = rest.starts_with(b"0x") || rest.starts_with(b"0X");
        let exp: &[u8] = if hex { b"pP" } else { b"eE" };
        if hex {
            self.pos += 2;
            take(self, &|c| c.is_ascii_hexdigit() || c == b'.' || c == b'_');
        } else {
            take(self, &|c| c.is_ascii_digit() || c == b'.' || c == b'_');
        }
        if self.peek().is_some_and(|c| exp.contains(&c)) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            take(self, &|c| c.is_ascii_digit() || c == b'_');
        }
        String::from_utf8_lossy(&self.input[start..self.pos]).into_owned()
    }

    /// An optionally signed run of digits, as Go's integer scanning reads it.
    fn integer(&mut self, signed: bool) -> Result<String, Error> {
        let start = self.pos;
        if signed && matches!(self.peek(), Some(b'+' | b'-')) {
            self.pos += 1;
        }
        let digits = self.token(|c| c.is_ascii_digit() || c == b'_');
        if digits.is_empty() {
            self.pos = start;
            return Err(errors::new("expected integer"));
        }
        Ok(String::from_utf8_lossy(&self.input[start..self.pos]).into_owned())
    }
}

macro_rules! scan_signed {
    ($($t:ty),*) => {$(
        impl Scan for $t {
            fn scan(&mut self, s: &mut Scanner<'_>, _verb: char) -> Result<(), Error> {
                let tok = s.integer(true)?;
                match tok.replace('_', "").parse::<$t>() {
                    Ok(v) => {
                        *self = v;
                        Ok(())
                    }
                    Err(_) => Err(errors::new(format!("integer overflow on token {tok}"))),
                }
            }
        }
    )*};
}

macro_rules! scan_unsigned {
    ($($t:ty),*) => {$(
        impl Scan for $t {
            fn scan(&mut self, s: &mut Scanner<'_>, _verb: char) -> Result<(), Error> {
                let tok = s.integer(false)?;
                match tok.replace('_', "").parse::<$t>() {
                    Ok(v) => {
                        *self = v;
                        Ok(())
                    }
                    Err(_) => Err(errors::new(format!(
                        "unsigned integer overflow on token {tok}"
                    ))),
                }
            }
        }
    )*};
}

scan_signed!(i8, i16, i32, i64);
scan_unsigned!(u8, u16, u32, u64, usize);

macro_rules! scan_float {
    ($($t:ty),*) => {$(
        impl Scan for $t {
            fn scan(&mut self, s: &mut Scanner<'_>, _verb: char) -> Result<(), Error> {
                let tok = s.float_token();
                match tok.replace('_', "").parse::<$t>() {
                    Ok(v) => {
                        *self = v;
                        Ok(())
                    }
                    Err(_) => Err(errors::new(format!(
                        "strconv.ParseFloat: parsing {tok:?}: invalid syntax"
                    ))),
                }
            }
        }
    )*};
}

scan_float!(f32, f64);

impl Scan for String {
    fn scan(&mut self, s: &mut Scanner<'_>, _verb: char) -> Result<(), Error> {
        *self = s.token(|c| !c.is_ascii_whitespace());
        Ok(())
    }
}

impl Scan for bool {
    fn scan(&mut self, s: &mut Scanner<'_>, _verb: char) -> Result<(), Error> {
        let tok = s.token(|c| c.is_ascii_alphanumeric());
        *self = match tok.as_str() {
            "1" | "t" | "T" | "true" | "TRUE" | "True" => true,
            "0" | "f" | "F" | "false" | "FALSE" | "False" => false,
            _ => return Err(errors::new("syntax error scanning boolean")),
        };
        Ok(())
    }
}

/// `fmt.Sscan(input, targets…)` (`newlines`: `Sscan` treats them as spaces, `Sscanln` stops
/// at one): the count of values read and the first error.
pub fn sscan(input: &str, newlines: bool, targets: &mut [&mut dyn Scan]) -> (i64, Error) {
    let mut s = Scanner::new(input);
    let mut n = 0;
    for t in targets.iter_mut() {
        if !s.skip_space(newlines) || (!newlines && s.peek() == Some(b'\n')) {
            let e = if n == 0 {
                errors::eof()
            } else {
                errors::new("unexpected newline")
            };
            return (n, if newlines { errors::eof() } else { e });
        }
        if let Err(e) = t.scan(&mut s, 'v') {
            return (n, e);
        }
        n += 1;
    }
    (n, None)
}

/// `fmt.Sscanf(input, format, targets…)`: verbs read the next target, a space in the format
/// matches any run of spaces, other text must match exactly.
pub fn sscanf(input: &str, format: &str, targets: &mut [&mut dyn Scan]) -> (i64, Error) {
    let mut s = Scanner::new(input);
    let mut n = 0usize;
    let f = format.as_bytes();
    let mut i = 0;
    while i < f.len() {
        let c = f[i];
        if c == b'%' && i + 1 < f.len() && f[i + 1] != b'%' {
            let verb = f[i + 1] as char;
            i += 2;
            let Some(t) = targets.get_mut(n) else {
                return (
                    n as i64,
                    errors::new(format!("too few operands for format '%{verb}'")),
                );
            };
            if verb != 'c' && !s.skip_space(false) {
                return (n as i64, errors::new("unexpected EOF"));
            }
            if let Err(e) = t.scan(&mut s, verb) {
                return (n as i64, e);
            }
            n += 1;
            continue;
        }
        if c == b' ' || c == b'\t' {
            s.skip_space(false);
            i += 1;
            continue;
        }
        let lit = if c == b'%' {
            i += 2;
            b'%'
        } else {
            i += 1;
            c
        };
        if s.peek() != Some(lit) {
            return (n as i64, errors::new("input does not match format"));
        }
        s.pos += 1;
    }
    if n < targets.len() {
        return (n as i64, errors::new("too many operands"));
    }
    (n as i64, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(e: &Error) -> String {
        e.as_ref().map_or("<nil>".into(), |e| e.to_string())
    }

    #[test]
    fn sscan_reads_numbers_strings_and_stops_at_errors() {
        let (mut a, mut b, mut s, mut f) = (0_i64, 0_i64, String::new(), 0.0_f64);
        let (n, e) = sscan(
            "10 20 hello 2.5",
            true,
            &mut [&mut a, &mut b, &mut s, &mut f],
        );
        assert_eq!(
            (n, text(&e), a, b, s.as_str(), f),
            (4, "<nil>".into(), 10, 20, "hello", 2.5)
        );
        let (n, e) = sscan("7 x", true, &mut [&mut a, &mut b]);
        assert_eq!((n, text(&e), a), (1, "expected integer".into(), 7));
        let (n, e) = sscan("7", true, &mut [&mut a, &mut b]);
        assert_eq!((n, text(&e)), (1, "EOF".into()));
        let mut u = 0_u8;
        let (n, e) = sscan("300", true, &mut [&mut u]);
        assert_eq!(
            (n, text(&e)),
            (0, "unsigned integer overflow on token 300".into())
        );
    }

    #[test]
    fn sscanf_matches_literal_text() {
        let (mut name, mut age) = (String::new(), 0_i64);
        let (n, e) = sscanf(
            "name=bob age=42",
            "name=%s age=%d",
            &mut [&mut name, &mut age],
        );
        assert_eq!(
            (n, text(&e), name.as_str(), age),
            (2, "<nil>".into(), "bob", 42)
        );
        let (mut a, mut b) = (0_i64, 0_i64);
        let (n, e) = sscanf("3+4", "%d-%d", &mut [&mut a, &mut b]);
        assert_eq!((n, text(&e)), (1, "input does not match format".into()));
    }
}
