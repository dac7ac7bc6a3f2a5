//! Go's `strings` functions whose behaviour differs from the nearest Rust `str` method.
//!
//! Case mapping is per character with Unicode's simple (one character to one character)
//! mappings, as Go's `unicode.ToUpper`/`ToLower` do; Rust's `str::to_uppercase` uses the full
//! mappings (`"ß"` → `"SS"`) and a context rule for final sigma.

use super::unicode;

/// `strings.ToUpper(s)`.
pub fn to_upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.chars().map(|c| map_char(c, unicode::to_upper)).collect()
}

/// `strings.ToLower(s)`.
pub fn to_lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(|c| map_char(c, unicode::to_lower)).collect()
}

/// `strings.ToTitle(s)`.
pub fn to_title(s: &str) -> String {
    s.chars().map(|c| map_char(c, unicode::to_title)).collect()
}

fn map_char(c: char, f: fn(i32) -> i32) -> char {
    char::from_u32(f(c as i32) as u32).unwrap_or(c)
}

/// `strings.Title(s)`: the first letter of each word mapped to title case. A word starts after
/// any character that is not an ASCII letter, digit or `_`, nor a non-ASCII letter or digit
/// (non-ASCII characters separate words only when they are spaces).
pub fn title(s: &str) -> String {
    let mut prev = ' ';
    s.chars()
        .map(|c| {
            let out = if is_separator(prev) {
                map_char(c, unicode::to_title)
            } else {
                c
            };
            prev = c;
            out
        })
        .collect()
}

fn is_separator(c: char) -> bool {
    if c.is_ascii() {
        return !(c.is_ascii_alphanumeric() || c == '_');
    }
    let r = c as i32;
    if unicode::is_letter(r) || unicode::is_digit(r) {
        return false;
    }
    c.is_whitespace()
}

/// `strings.Split(s, sep)`: an empty `sep` splits after each UTF-8 sequence.
pub fn split(s: &str, sep: &str) -> Vec<String> {
    split_n(s, sep, -1)
}

/// `strings.SplitN(s, sep, n)`: at most `n` pieces (all of them when `n < 0`, none when
/// `n == 0`), the last one holding the unsplit rest.
pub fn split_n(s: &str, sep: &str, n: i64) -> Vec<String> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        let count = s.chars().count();
        let n = if n < 0 || n as u64 > count as u64 {
            count
        } else {
            n as usize
        };
        let mut out = Vec::with_capacity(n);
        let mut rest = s;
        while out.len() + 1 < n {
            let mut chars = rest.chars();
            if chars.next().is_none() {
                break;
            }
            let tail = chars.as_str();
            out.push(rest[..rest.len() - tail.len()].to_string());
            rest = tail;
        }
        if n > 0 {
            out.push(rest.to_string());
        }
        return out;
    }
    if n < 0 {
        s.split(sep).map(String::from).collect()
    } else {
        s.splitn(usize::try_from(n).unwrap_or(usize::MAX), sep)
            .map(String::from)
            .collect()
    }
}

/// `strings.Replace(s, old, new, n)`: the first `n` occurrences (all when `n < 0`).
pub fn replace(s: &str, old: &str, new: &str, n: i64) -> String {
    if n < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, usize::try_from(n).unwrap_or(usize::MAX))
    }
}

/// `strings.Repeat(s, count)`; panics like Go on a negative count.
pub fn repeat(s: &str, count: i64) -> String {
    match usize::try_from(count) {
        Ok(n) => s.repeat(n),
        Err(_) => super::rt::go_panic("strings: negative Repeat count"),
    }
}

/// `strings.Cut(s, sep)`: the text before and after the first `sep`, and whether it was found.
pub fn cut(s: &str, sep: &str) -> (String, String, bool) {
    match s.split_once(sep) {
        Some((before, after)) => (before.to_string(), after.to_string(), true),
        None => (s.to_string(), String::new(), false),
    }
}

/// `strings.EqualFold(a, b)`: equality under simple Unicode case folding.
pub fn equal_fold(a: &str, b: &str) -> bool {
    let mut x = a.chars();
    let mut y = b.chars();
    loop {
        match (x.next(), y.next()) {
            (None, None) => return true,
            (Some(c), Some(d)) => {
                if c != d && !unicode::fold_eq(c as i32, d as i32) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

/// `for i, r := range s` over bytes that may not be UTF-8, decoded as Go decodes them: each
/// byte that does not start a valid UTF-8 sequence is U+FFFD of width 1.
pub fn char_indices_lossy(b: &[u8]) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut at = 0;
    b.utf8_chunks().flat_map(move |chunk| {
        let start = at;
        let valid = chunk.valid();
        at += valid.len() + chunk.invalid().len();
        let bad = start + valid.len();
        valid
            .char_indices()
            .map(move |(i, c)| (start + i, c))
            .chain((0..chunk.invalid().len()).map(move |i| (bad + i, '\u{FFFD}')))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_like_go() {
        assert_eq!(split("a,b,,c", ","), ["a", "b", "", "c"]);
        assert_eq!(split("", ","), [""]);
        assert_eq!(split("héj", ""), ["h", "é", "j"]);
        assert!(split("", "").is_empty());
        assert_eq!(split_n("a,b,c", ",", 2), ["a", "b,c"]);
        assert!(split_n("a,b,c", ",", 0).is_empty());
        assert_eq!(split_n("abc", "", 2), ["a", "bc"]);
        assert_eq!(split_n("abc", "", 10), ["a", "b", "c"]);
    }

    #[test]
    fn case_like_go() {
        assert_eq!(to_upper("straße"), "STRAßE");
        assert_eq!(to_lower("ΟΔΟΣ"), "οδοσ");
        assert_eq!(title("hello wOrld-foo_bar 3rd"), "Hello WOrld-Foo_bar 3rd");
        assert!(equal_fold("Go", "GO"));
        assert!(equal_fold("σ", "Σ"));
        assert!(!equal_fold("a", "ab"));
    }

    #[test]
    fn replace_cut_repeat() {
        assert_eq!(replace("aaaa", "a", "b", 2), "bbaa");
        assert_eq!(replace("abc", "", "-", -1), "-a-b-c-");
        assert_eq!(cut("k=v", "="), ("k".into(), "v".into(), true));
        assert_eq!(cut("kv", "="), ("kv".into(), String::new(), false));
        assert_eq!(repeat("ab", 3), "ababab");
    }
}
