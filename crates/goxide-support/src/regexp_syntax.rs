//! Go's regular-expression syntax (RE2, as `regexp/syntax` parses it) rewritten into the
//! syntax of the `regex` crate, so that a pattern means the same in both: `\d`, `\w`, `\s`
//! and `\b` are ASCII as in Go, `\Q…\E` and octal escapes are spelled out, a `{` that is not a
//! repetition is a literal, `\<`/`\>` are the characters, and `[`, `&`, `~`, `-` inside a class
//! are literals. Syntax errors carry Go's texts (`missing closing ): `(a``).

/// Go's `regexp/syntax` error: `error parsing regexp: <code>: `<expr>``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub code: &'static str,
    pub expr: String,
}

impl SyntaxError {
    /// Go's `Error()` text.
    pub fn text(&self) -> String {
        format!("error parsing regexp: {}: `{}`", self.code, self.expr)
    }
}

const MISSING_PAREN: &str = "missing closing )";
const UNEXPECTED_PAREN: &str = "unexpected )";
const MISSING_BRACKET: &str = "missing closing ]";
const MISSING_REPEAT_ARG: &str = "missing argument to repetition operator";
const INVALID_REPEAT_OP: &str = "invalid nested repetition operator";
const INVALID_REPEAT_SIZE: &str = "invalid repeat count";
const INVALID_ESCAPE: &str = "invalid escape sequence";
const TRAILING_BACKSLASH: &str = "trailing backslash at end of expression";
const INVALID_PERL_OP: &str = "invalid or unsupported Perl syntax";
const INVALID_NAMED_CAPTURE: &str = "invalid named capture";
const INVALID_CHAR_RANGE: &str = "invalid character class range";

fn err(code: &'static str, expr: &str) -> SyntaxError {
    SyntaxError {
        code,
        expr: expr.to_string(),
    }
}

/// What the previous item was, for repetition operators.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// Start of the expression, of a group, or after `|`: nothing to repeat.
    Nothing,
    /// Something repeatable.
    Atom,
    /// A repetition operator that started at this byte offset.
    Repeat(usize),
}

/// The names of the capture groups of a pattern that [`translate`] wrote (`""` for the whole
/// match and for unnamed groups), as Go's `SubexpNames` reports them. Counted here because the
/// crate drops groups that can never match (`(a){0}`) while Go keeps them.
pub fn group_names(translated: &str) -> Vec<String> {
    let mut names = vec![String::new()];
    let mut rest = translated;
    while let Some(k) = rest.find(['\\', '(']) {
        let after = &rest[k + 1..];
        if rest[k..].starts_with('\\') {
            rest = after
                .get(after.chars().next().map_or(0, char::len_utf8)..)
                .unwrap_or("");
            continue;
        }
        if let Some(named) = after.strip_prefix("?P<") {
            let end = named.find('>').unwrap_or(named.len());
            names.push(named[..end].to_string());
        } else if !after.starts_with('?') {
            names.push(String::new());
        }
        rest = after;
    }
    names
}

/// Rewrites Go pattern `expr` into the `regex` crate's syntax, or returns Go's syntax error.
pub fn translate(expr: &str) -> Result<String, SyntaxError> {
    let b = expr.as_bytes();
    let mut out = String::with_capacity(expr.len() + 8);
    let mut i = 0;
    let mut depth = 0usize;
    let mut prev = Prev::Nothing;
    while i < b.len() {
        let c = b[i];
        match c {
            b'(' => {
                depth += 1;
                if b[i..].starts_with(b"(?") {
                    let (text, next) = group_prefix(expr, i)?;
                    out.push_str(&text);
                    i = next;
                    // `(?i)` sets flags and repeats nothing; `(?i:` opens a group.
                    prev = Prev::Nothing;
                    if text.ends_with(')') {
                        depth -= 1;
                    }
                    continue;
                }
                out.push('(');
                prev = Prev::Nothing;
                i += 1;
            }
            b')' => {
                if depth == 0 {
                    return Err(err(UNEXPECTED_PAREN, expr));
                }
                depth -= 1;
                out.push(')');
                prev = Prev::Atom;
                i += 1;
            }
            b'|' => {
                out.push('|');
                prev = Prev::Nothing;
                i += 1;
            }
            b'*' | b'+' | b'?' => {
                let mut end = i + 1;
                if b.get(end) == Some(&b'?') {
                    end += 1;
                }
                check_repeat(expr, prev, i, end)?;
                out.push_str(&expr[i..end]);
                prev = Prev::Repeat(i);
                i = end;
            }
            b'{' => match repeat_braces(b, i) {
                Some((lo, hi, mut end)) => {
                    if b.get(end) == Some(&b'?') {
                        end += 1;
                    }
                    check_repeat(expr, prev, i, end)?;
                    if lo > 1000 || hi.is_some_and(|h| h > 1000 || h < lo) {
                        return Err(err(INVALID_REPEAT_SIZE, &expr[i..end]));
                    }
                    out.push_str(&expr[i..end]);
                    prev = Prev::Repeat(i);
                    i = end;
                }
                None => {
                    out.push_str("\\{");
                    prev = Prev::Atom;
                    i += 1;
                }
            },
            b'}' => {
                out.push_str("\\}");
                prev = Prev::Atom;
                i += 1;
            }
            b'[' => {
                i = class(expr, i, &mut out)?;
                prev = Prev::Atom;
            }
            b'\\' => {
                let Some(&e) = b.get(i + 1) else {
                    return Err(err(TRAILING_BACKSLASH, ""));
                };
                match e {
                    b'b' | b'B' => {
                        out.push_str(if e == b'b' { "(?-u:\\b)" } else { "(?-u:\\B)" });
                        prev = Prev::Atom;
                        i += 2;
                    }
                    b'A' | b'z' => {
                        out.push_str(&expr[i..i + 2]);
                        prev = Prev::Atom;
                        i += 2;
                    }
                    b'Q' => {
                        let rest = &expr[i + 2..];
                        let (lit, next) = match rest.find("\\E") {
                            Some(k) => (&rest[..k], i + 2 + k + 2),
                            None => (rest, b.len()),
                        };
                        for ch in lit.chars() {
                            push_literal(&mut out, ch);
                        }
                        if !lit.is_empty() {
                            prev = Prev::Atom;
                        }
                        i = next;
                    }
                    _ => {
                        let (text, next) = escape(expr, i)?;
                        out.push_str(&text);
                        prev = Prev::Atom;
                        i = next;
                    }
                }
            }
            _ => {
                let ch = expr[i..].chars().next().unwrap_or('\u{fffd}');
                match ch {
                    '.' | '^' | '$' => out.push(ch),
                    _ => push_literal(&mut out, ch),
                }
                prev = Prev::Atom;
                i += ch.len_utf8();
            }
        }
    }
    if depth > 0 {
        return Err(err(MISSING_PAREN, expr));
    }
    Ok(out)
}

/// A literal character in the `regex` crate's syntax.
fn push_literal(out: &mut String, ch: char) {
    if ch.is_ascii() && !ch.is_ascii_alphanumeric() && ch != '_' && !ch.is_ascii_whitespace() {
        if is_crate_meta(ch) {
            out.push('\\');
        }
        out.push(ch);
    } else if ch.is_ascii_whitespace() || ch.is_control() {
        out.push_str(&format!("\\x{{{:X}}}", ch as u32));
    } else {
        out.push(ch);
    }
}

fn is_crate_meta(ch: char) -> bool {
    matches!(
        ch,
        '\\' | '.'
            | '+'
            | '*'
            | '?'
            | '('
            | ')'
            | '|'
            | '['
            | ']'
            | '{'
            | '}'
            | '^'
            | '$'
            | '#'
            | '&'
            | '-'
            | '~'
    )
}

/// Checks a repetition operator `expr[start..end]` against what precedes it.
fn check_repeat(expr: &str, prev: Prev, start: usize, end: usize) -> Result<(), SyntaxError> {
    match prev {
        Prev::Nothing => Err(err(MISSING_REPEAT_ARG, &expr[start..end])),
        Prev::Repeat(p) => Err(err(INVALID_REPEAT_OP, &expr[p..end])),
        Prev::Atom => Ok(()),
    }
}

/// `{n}`, `{n,}` or `{n,m}` at `i`: the bounds and the offset after `}`.
fn repeat_braces(b: &[u8], i: usize) -> Option<(u32, Option<u32>, usize)> {
    let mut j = i + 1;
    let num = |j: &mut usize| -> Option<u32> {
        let s = *j;
        while *j < b.len() && b[*j].is_ascii_digit() {
            *j += 1;
        }
        if *j == s || (*j - s > 1 && b[s] == b'0') {
            return None;
        }
        let text = std::str::from_utf8(&b[s..*j]).ok()?;
        Some(text.parse::<u32>().unwrap_or(u32::MAX))
    };
    let lo = num(&mut j)?;
    let hi = if b.get(j) == Some(&b',') {
        j += 1;
        if b.get(j) == Some(&b'}') {
            None
        } else {
            Some(num(&mut j)?)
        }
    } else {
        Some(lo)
    };
    if b.get(j) != Some(&b'}') {
        return None;
    }
    Some((lo, hi, j + 1))
}

/// A `(?…` construct at `i`: flags (`(?i)`, `(?s:`), named groups (`(?P<name>`, `(?<name>`).
fn group_prefix(expr: &str, i: usize) -> Result<(String, usize), SyntaxError> {
    let b = expr.as_bytes();
    let rest = &expr[i..];
    let named = if rest.starts_with("(?P<") {
        Some(4)
    } else if rest.starts_with("(?<") && !rest.starts_with("(?<=") && !rest.starts_with("(?<!") {
        Some(3)
    } else {
        None
    };
    if let Some(k) = named {
        let Some(close) = rest.find('>') else {
            return Err(err(INVALID_NAMED_CAPTURE, rest));
        };
        let name = &rest[k..close];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(err(INVALID_NAMED_CAPTURE, &rest[..close + 1]));
        }
        return Ok((format!("(?P<{name}>"), i + close + 1));
    }
    let mut j = i + 2;
    let mut neg = false;
    let mut any = false;
    while j < b.len() {
        match b[j] {
            b'i' | b'm' | b's' | b'U' => any = true,
            b'-' if !neg => {
                neg = true;
                any = false;
            }
            b')' | b':' if any || (!neg && b[j] == b':') => {
                return Ok((expr[i..=j].to_string(), j + 1));
            }
            _ => {
                let end = j + expr[j..].chars().next().map_or(1, char::len_utf8);
                return Err(err(INVALID_PERL_OP, &expr[i..end]));
            }
        }
        j += 1;
    }
    Err(err(INVALID_PERL_OP, &expr[i..]))
}

/// An escape at `i` in the crate's syntax, and the offset
/// after it.
fn escape(expr: &str, i: usize) -> Result<(String, usize), SyntaxError> {
    let b = expr.as_bytes();
    let Some(&e) = b.get(i + 1) else {
        return Err(err(TRAILING_BACKSLASH, ""));
    };
    let class = |set: &str, neg: bool| {
        let hat = if neg { "^" } else { "" };
        format!("[{hat}{set}]")
    };
    let text = match e {
        b'd' | b'D' => class("0-9", e == b'D'),
        b'w' | b'W' => class("0-9A-Za-z_", e == b'W'),
        b's' | b'S' => class("\\t\\n\\x0C\\r ", e == b'S'),
        b'p' | b'P' => {
            let end = if b.get(i + 2) == Some(&b'{') {
                match expr[i..].find('}') {
                    Some(k) => i + k + 1,
                    None => return Err(err(INVALID_CHAR_RANGE, &expr[i..])),
                }
            } else {
                match expr[i + 2..].chars().next() {
                    Some(ch) => i + 2 + ch.len_utf8(),
                    None => return Err(err(INVALID_CHAR_RANGE, &expr[i..])),
                }
            };
            return Ok((expr[i..end].to_string(), end));
        }
        b'a' | b'f' | b'n' | b'r' | b't' | b'v' => expr[i..i + 2].to_string(),
        b'0'..=b'7' => {
            // Octal: `\0`, or `\1`–`\7` followed by another octal digit (Go has no
            // backreferences).
            let mut j = i + 1;
            if e != b'0' && !b.get(i + 2).is_some_and(|d| (b'0'..=b'7').contains(d)) {
                return Err(err(INVALID_ESCAPE, &expr[i..i + 2]));
            }
            let mut v = 0u32;
            while j < b.len() && j < i + 4 && (b'0'..=b'7').contains(&b[j]) {
                v = v * 8 + u32::from(b[j] - b'0');
                j += 1;
            }
            return Ok((format!("\\x{{{v:X}}}"), j));
        }
        b'x' => {
            if b.get(i + 2) == Some(&b'{') {
                // Go reads hex digits up to `}`; the error text ends at the offending one.
                let mut v = 0u32;
                let mut j = i + 3;
                for ch in expr[i + 3..].chars() {
                    j += ch.len_utf8();
                    if ch == '}' && j > i + 4 {
                        return Ok((format!("\\x{{{v:X}}}"), j));
                    }
                    match ch.to_digit(16) {
                        Some(d) if v * 16 + d <= 0x10FFFF => v = v * 16 + d,
                        _ => return Err(err(INVALID_ESCAPE, &expr[i..j])),
                    }
                }
                return Err(err(INVALID_ESCAPE, &expr[i..]));
            }
            let hex = expr.get(i + 2..i + 4).unwrap_or("");
            if hex.len() == 2 && hex.bytes().all(|h| h.is_ascii_hexdigit()) {
                return Ok((format!("\\x{hex}"), i + 4));
            }
            let end = (i + 4).min(b.len());
            let end = (i + 2..=end)
                .rev()
                .find(|&k| expr.is_char_boundary(k))
                .unwrap_or(i + 2);
            return Err(err(INVALID_ESCAPE, &expr[i..end]));
        }
        _ if e < 0x80 && !e.is_ascii_alphanumeric() => {
            let mut s = String::new();
            push_literal(&mut s, e as char);
            s
        }
        _ => {
            let ch = expr[i + 1..].chars().next().unwrap_or('\u{fffd}');
            return Err(err(INVALID_ESCAPE, &expr[i..i + 1 + ch.len_utf8()]));
        }
    };
    Ok((text, i + 2))
}

/// A character class at `i` (`[…]`), written to `out`; returns the offset after `]`.
fn class(expr: &str, i: usize, out: &mut String) -> Result<usize, SyntaxError> {
    let b = expr.as_bytes();
    let missing = || err(MISSING_BRACKET, &expr[i..]);
    let mut j = i + 1;
    out.push('[');
    if b.get(j) == Some(&b'^') {
        out.push('^');
        j += 1;
    }
    let mut first = true;
    loop {
        let Some(&c) = b.get(j) else {
            return Err(missing());
        };
        if c == b']' && !first {
            out.push(']');
            return Ok(j + 1);
        }
        first = false;
        // POSIX classes.
        if expr[j..].starts_with("[:") {
            if let Some(k) = expr[j + 2..].find(":]") {
                let name = &expr[j + 2..j + 2 + k];
                let known = [
                    "alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower",
                    "print", "punct", "space", "upper", "word", "xdigit",
                ];
                let bare = name.strip_prefix('^').unwrap_or(name);
                if !known.contains(&bare) {
                    return Err(err(INVALID_CHAR_RANGE, &expr[j..j + 2 + k + 2]));
                }
                out.push_str(&expr[j..j + 2 + k + 2]);
                j += 2 + k + 2;
                continue;
            }
        }
        // One class item: a character (possibly the start of a range) or an escape class.
        let (lo, lo_text, next) = class_char(expr, j)?;
        j = next;
        let Some(lo) = lo else {
            out.push_str(&lo_text);
            continue;
        };
        if b.get(j) == Some(&b'-') && b.get(j + 1).is_some_and(|&n| n != b']') {
            let (hi, hi_text, next) = class_char(expr, j + 1)?;
            let Some(hi) = hi else {
                // Go reads the end of a range as one character: `\d` there is a bad escape.
                return Err(err(INVALID_ESCAPE, &expr[j + 1..(j + 3).min(next)]));
            };
            if hi < lo {
                let start = range_start(expr, i, j);
                return Err(err(INVALID_CHAR_RANGE, &expr[start..next]));
            }
            out.push_str(&lo_text);
            out.push('-');
            out.push_str(&hi_text);
            j = next;
        } else {
            out.push_str(&lo_text);
        }
    }
}

/// The offset where the range whose `-` is at `dash` starts.
fn range_start(expr: &str, class_start: usize, dash: usize) -> usize {
    let before = &expr[class_start..dash];
    match before.rfind('\\') {
        Some(k) if class_start + k + 4 >= dash => class_start + k,
        _ => dash - before.chars().next_back().map_or(1, char::len_utf8),
    }
}

/// One character of a class at `j`: `(Some(char), its text)` for a character, `(None, text)`
/// for an escape class (`\d`, `\pL`).
fn class_char(expr: &str, j: usize) -> Result<(Option<char>, String, usize), SyntaxError> {
    let b = expr.as_bytes();
    if b[j] == b'\\' {
        let Some(&e) = b.get(j + 1) else {
            return Err(err(TRAILING_BACKSLASH, ""));
        };
        let (text, next) = escape(expr, j)?;
        let ch = match e {
            b'd' | b'D' | b'w' | b'W' | b's' | b'S' | b'p' | b'P' => return Ok((None, text, next)),
            b'a' => '\u{7}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'v' => '\u{b}',
            b'0'..=b'7' | b'x' => {
                let hex = text
                    .trim_start_matches("\\x")
                    .trim_matches(|c| c == '{' || c == '}');
                u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .unwrap_or('\u{fffd}')
            }
            _ => e as char,
        };
        return Ok((Some(ch), text, next));
    }
    let ch = expr[j..].chars().next().unwrap_or('\u{fffd}');
    let mut text = String::new();
    if matches!(ch, '[' | ']' | '&' | '~' | '-' | '^' | '\\') {
        text.push('\\');
        text.push(ch);
    } else {
        push_literal(&mut text, ch);
    }
    Ok((Some(ch), text, j + ch.len_utf8()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn go_err(p: &str) -> String {
        translate(p).unwrap_err().text()
    }

    #[test]
    fn rewrites() {
        assert_eq!(translate(r"\d+").unwrap(), "[0-9]+");
        assert_eq!(translate(r"[\w.]").unwrap(), "[[0-9A-Za-z_]\\.]");
        assert_eq!(translate(r"a{,2}").unwrap(), "a\\{,2\\}");
        assert_eq!(translate(r"\Qa.b\E").unwrap(), "a\\.b");
        assert_eq!(translate(r"\<x\>").unwrap(), "<x>");
        assert_eq!(translate(r"(?P<y>\d{4})").unwrap(), "(?P<y>[0-9]{4})");
        assert_eq!(translate(r"(?i)abc").unwrap(), "(?i)abc");
        assert_eq!(translate(r"\101").unwrap(), "\\x{41}");
        let t = translate(r"(a)(?:b)(?P<c>\(x\))[(]").unwrap();
        assert_eq!(group_names(&t), vec!["", "", "c"]);
    }

    #[test]
    fn go_error_texts() {
        assert_eq!(
            go_err("a(b"),
            "error parsing regexp: missing closing ): `a(b`"
        );
        assert_eq!(go_err("a)b"), "error parsing regexp: unexpected ): `a)b`");
        assert_eq!(
            go_err("x[a-"),
            "error parsing regexp: missing closing ]: `[a-`"
        );
        assert_eq!(
            go_err("*a"),
            "error parsing regexp: missing argument to repetition operator: `*`"
        );
        assert_eq!(
            go_err("a**"),
            "error parsing regexp: invalid nested repetition operator: `**`"
        );
        assert_eq!(
            go_err(r"a\8"),
            "error parsing regexp: invalid escape sequence: `\\8`"
        );
        assert_eq!(
            go_err("[z-a]"),
            "error parsing regexp: invalid character class range: `z-a`"
        );
        assert_eq!(
            go_err("(?x)a"),
            "error parsing regexp: invalid or unsupported Perl syntax: `(?x`"
        );
        assert_eq!(
            go_err("a{1001}"),
            "error parsing regexp: invalid repeat count: `{1001}`"
        );
        assert_eq!(
            go_err("a\\"),
            "error parsing regexp: trailing backslash at end of expression: ``"
        );
    }
}
