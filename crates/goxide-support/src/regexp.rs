//! Go's `regexp` over the `regex` crate. A [`Regexp`] is a shared handle (copies of a Go
//! `*regexp.Regexp` are the same value; the default is Go's nil pointer). Patterns are
//! rewritten from Go's syntax by [`super::regexp_syntax`] so that they mean what they mean in
//! Go (ASCII `\d`, `\w`, `\s`, `\b`); the `Find…`, `Replace…` and `Split` loops are Go's own, so
//! empty matches, `$1x`-style templates and `n` limits behave as in Go.

use super::errors::Error;
use std::rc::Rc;

struct Inner {
    expr: String,
    re: regex::Regex,
    names: Vec<String>,
}

/// `*regexp.Regexp`.
#[derive(Clone, Default)]
pub struct Regexp(Option<Rc<Inner>>);

/// Go's `regexp.Compile(expr)`.
pub fn compile(expr: &str) -> (Regexp, Error) {
    let fail = |text: String| -> (Regexp, Error) {
        (
            Regexp(None),
            Some(Rc::new(super::errors::ErrorString(text))),
        )
    };
    let rewritten = match super::regexp_syntax::translate(expr) {
        Ok(r) => r,
        Err(e) => return fail(e.text()),
    };
    match regex::Regex::new(&rewritten) {
        Ok(re) => {
            let names = super::regexp_syntax::group_names(&rewritten);
            let inner = Inner {
                expr: expr.to_string(),
                re,
                names,
            };
            (Regexp(Some(Rc::new(inner))), None)
        }
        Err(e) => {
            if let Some(class) = unknown_class(expr) {
                return fail(format!(
                    "error parsing regexp: invalid character class range: `{class}`"
                ));
            }
            let msg = e.to_string();
            let last = msg
                .lines()
                .rev()
                .find(|l| l.starts_with("error: "))
                .map_or(msg.as_str(), |l| &l["error: ".len()..]);
            fail(format!("error parsing regexp: {last}: `{expr}`"))
        }
    }
}

/// The first `\p…`/`\P…` class of `expr` that names no Unicode class the crate knows.
fn unknown_class(expr: &str) -> Option<&str> {
    let b = expr.as_bytes();
    let mut i = 0;
    while i + 2 < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        if b[i + 1] == b'p' || b[i + 1] == b'P' {
            let end = if b[i + 2] == b'{' {
                i + expr[i..].find('}')? + 1
            } else {
                i + 2 + expr[i + 2..].chars().next()?.len_utf8()
            };
            if regex::Regex::new(&expr[i..end]).is_err() {
                return Some(&expr[i..end]);
            }
            i = end;
        } else {
            i += 2;
        }
    }
    None
}

/// Go's `regexp.MustCompile(expr)`: panics with Go's message when `expr` does not compile.
pub fn must_compile(expr: &str) -> Regexp {
    match compile(expr) {
        (re, None) => re,
        (_, Some(e)) => super::rt::go_panic(format!("regexp: Compile({}): {}", quote(expr), e)),
    }
}

/// Go's `regexp.MatchString(pattern, s)`.
pub fn match_string(pattern: &str, s: &str) -> (bool, Error) {
    match compile(pattern) {
        (re, None) => (re.match_string(s), None),
        (_, err) => (false, err),
    }
}

/// Go's `regexp.QuoteMeta(s)`.
pub fn quote_meta(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if "\\.+*?()|[]{}^$".contains(ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// How `regexp` quotes a pattern in `MustCompile`'s panic: backquoted when it can be.
fn quote(s: &str) -> String {
    if !s.contains('`') && !s.chars().any(|c| c.is_control() && c != '\t') {
        format!("`{s}`")
    } else {
        format!("{s:?}")
    }
}

fn to_i64(m: &[Option<(usize, usize)>]) -> Vec<i64> {
    let mut v = Vec::with_capacity(m.len() * 2);
    for g in m {
        match g {
            Some((a, b)) => {
                v.push(*a as i64);
                v.push(*b as i64);
            }
            None => {
                v.push(-1);
                v.push(-1);
            }
        }
    }
    v
}

impl Regexp {
    fn inner(&self) -> &Inner {
        match &self.0 {
            Some(i) => i,
            None => super::rt::nil_deref(),
        }
    }

    /// Whether this is Go's nil `*regexp.Regexp`.
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }

    /// `re != nil`.
    pub fn is_some(&self) -> bool {
        self.0.is_some()
    }

    /// The leftmost-first match at or after `pos`: the whole match only, or with every group.
    fn exec_with(&self, s: &str, pos: usize, groups: bool) -> Option<Vec<Option<(usize, usize)>>> {
        if !groups {
            let m = self.inner().re.find_at(s, pos)?;
            return Some(vec![Some((m.start(), m.end()))]);
        }
        self.exec(s, pos)
    }

    /// The leftmost-first match at or after `pos`, with every group.
    fn exec(&self, s: &str, pos: usize) -> Option<Vec<Option<(usize, usize)>>> {
        let c = self.inner().re.captures_at(s, pos)?;
        // Go's group count (the crate drops trailing groups that cannot match).
        let groups = self.inner().names.len().max(c.len());
        Some(
            (0..groups)
                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                .collect(),
        )
    }

    /// Go's `allMatches`: successive matches, at most `n` (all when `n < 0`), skipping an empty
    /// match right after the previous match.
    fn all(&self, s: &str, n: i64) -> Vec<Vec<Option<(usize, usize)>>> {
        self.all_with(s, n, true)
    }

    /// [`Regexp::all`], with the groups only when `groups`.
    fn all_with(&self, s: &str, n: i64, groups: bool) -> Vec<Vec<Option<(usize, usize)>>> {
        let mut out = Vec::new();
        let n = if n < 0 { usize::MAX } else { n as usize };
        let (mut pos, mut prev_end) = (0usize, None::<usize>);
        while out.len() < n && pos <= s.len() {
            let Some(m) = self.exec_with(s, pos, groups) else {
                break;
            };
            let (a, b) = m[0].unwrap_or((pos, pos));
            let mut accept = true;
            if b == pos {
                if Some(a) == prev_end {
                    accept = false;
                }
                pos += s[pos..].chars().next().map_or(1, char::len_utf8);
            } else {
                pos = b;
            }
            prev_end = Some(b);
            if accept {
                out.push(m);
            }
        }
        out
    }

    /// `re.MatchString(s)`.
    pub fn match_string(&self, s: &str) -> bool {
        self.inner().re.is_match(s)
    }

    /// `re.Match(b)`.
    pub fn match_bytes(&self, b: &[u8]) -> bool {
        self.match_string(&String::from_utf8_lossy(b))
    }

    /// `re.FindString(s)`.
    pub fn find_string(&self, s: &str) -> String {
        self.inner()
            .re
            .find(s)
            .map_or_else(String::new, |m| m.as_str().to_string())
    }

    /// `re.Find(b)`.
    pub fn find(&self, b: &[u8]) -> Vec<u8> {
        self.find_string(&String::from_utf8_lossy(b)).into_bytes()
    }

    /// `re.FindStringIndex(s)`: `[start, end]`, empty (nil) when there is no match.
    pub fn find_string_index(&self, s: &str) -> Vec<i64> {
        self.inner()
            .re
            .find(s)
            .map_or_else(Vec::new, |m| vec![m.start() as i64, m.end() as i64])
    }

    /// `re.FindStringSubmatch(s)`: unmatched groups are `""`.
    pub fn find_string_submatch(&self, s: &str) -> Vec<String> {
        match self.exec(s, 0) {
            Some(m) => m
                .iter()
                .map(|g| g.map_or_else(String::new, |(a, b)| s[a..b].to_string()))
                .collect(),
            None => Vec::new(),
        }
    }

    /// `re.FindStringSubmatchIndex(s)`: unmatched groups are `-1, -1`.
    pub fn find_string_submatch_index(&self, s: &str) -> Vec<i64> {
        self.exec(s, 0).map_or_else(Vec::new, |m| to_i64(&m))
    }

    /// `re.FindAllString(s, n)`.
    pub fn find_all_string(&self, s: &str, n: i64) -> Vec<String> {
        self.all_with(s, n, false)
            .iter()
            .filter_map(|m| m[0].map(|(a, b)| s[a..b].to_string()))
            .collect()
    }

    /// `re.FindAllStringIndex(s, n)`.
    pub fn find_all_string_index(&self, s: &str, n: i64) -> Vec<Vec<i64>> {
        self.all_with(s, n, false)
            .iter()
            .map(|m| to_i64(&m[..1]))
            .collect()
    }

    /// `re.FindAllStringSubmatch(s, n)`.
    pub fn find_all_string_submatch(&self, s: &str, n: i64) -> Vec<Vec<String>> {
        self.all(s, n)
            .iter()
            .map(|m| {
                m.iter()
                    .map(|g| g.map_or_else(String::new, |(a, b)| s[a..b].to_string()))
                    .collect()
            })
            .collect()
    }

    /// `re.FindAllStringSubmatchIndex(s, n)`.
    pub fn find_all_string_submatch_index(&self, s: &str, n: i64) -> Vec<Vec<i64>> {
        self.all(s, n).iter().map(|m| to_i64(m)).collect()
    }

    /// Go's `replaceAll` loop: `repl` appends the replacement of one match.
    fn replace(
        &self,
        src: &str,
        groups: bool,
        mut repl: impl FnMut(&mut String, &[Option<(usize, usize)>]),
    ) -> String {
        let mut buf = String::with_capacity(src.len());
        let (mut last_end, mut search) = (0usize, 0usize);
        while search <= src.len() {
            let Some(m) = self.exec_with(src, search, groups) else {
                break;
            };
            let (a, b) = m[0].unwrap_or((search, search));
            buf.push_str(&src[last_end..a]);
            if b > last_end || a == 0 {
                repl(&mut buf, &m);
            }
            last_end = b;
            let width = src[search..].chars().next().map_or(0, char::len_utf8);
            if search + width > b {
                search += width;
            } else if search + 1 > b {
                search += 1;
            } else {
                search = b;
            }
        }
        buf.push_str(&src[last_end..]);
        buf
    }

    /// `re.ReplaceAllString(src, repl)`, with Go's `$1`, `${name}` expansion.
    pub fn replace_all_string(&self, src: &str, repl: &str) -> String {
        self.replace(src, repl.contains('$'), |buf, m| {
            self.expand(buf, repl, src, m)
        })
    }

    /// `re.ReplaceAllLiteralString(src, repl)`.
    pub fn replace_all_literal_string(&self, src: &str, repl: &str) -> String {
        self.replace(src, false, |buf, _| buf.push_str(repl))
    }

    /// `re.ReplaceAllStringFunc(src, f)`.
    pub fn replace_all_string_func(
        &self,
        src: &str,
        mut f: impl FnMut(String) -> String,
    ) -> String {
        self.replace(src, false, |buf, m| {
            let (a, b) = m[0].unwrap_or((0, 0));
            buf.push_str(&f(src[a..b].to_string()));
        })
    }

    /// Go's template expansion: `$$` is `$`; `$name` takes the longest run of letters, digits
    /// and `_` (so `$1x` is group `1x`); `${name}` delimits; a missing group expands to nothing;
    /// a malformed `$` stays.
    fn expand(&self, dst: &mut String, template: &str, src: &str, m: &[Option<(usize, usize)>]) {
        let mut t = template;
        while let Some(k) = t.find('$') {
            dst.push_str(&t[..k]);
            t = &t[k + 1..];
            if let Some(rest) = t.strip_prefix('$') {
                dst.push('$');
                t = rest;
                continue;
            }
            let Some((name, rest)) = extract(t) else {
                dst.push('$');
                continue;
            };
            t = rest;
            let group = match group_number(name) {
                Some(n) => Some(n),
                None => self.inner().names.iter().position(|x| x == name),
            };
            if let Some(Some((a, b))) = group.and_then(|g| m.get(g)) {
                dst.push_str(&src[*a..*b]);
            }
        }
        dst.push_str(t);
    }

    /// `re.Split(s, n)`.
    pub fn split(&self, s: &str, n: i64) -> Vec<String> {
        if n == 0 {
            return Vec::new();
        }
        if !self.inner().expr.is_empty() && s.is_empty() {
            return vec![String::new()];
        }
        let matches = self.all_with(s, n, false);
        let mut out = Vec::with_capacity(matches.len());
        let (mut beg, mut end) = (0usize, 0usize);
        for m in &matches {
            if n > 0 && out.len() as i64 >= n - 1 {
                break;
            }
            let (a, b) = m[0].unwrap_or((0, 0));
            end = a;
            if b != 0 {
                out.push(s[beg..end].to_string());
            }
            beg = b;
        }
        if end != s.len() {
            out.push(s[beg..].to_string());
        }
        out
    }

    /// `re.SubexpNames()`.
    pub fn subexp_names(&self) -> Vec<String> {
        self.inner().names.clone()
    }

    /// `re.SubexpIndex(name)`.
    pub fn subexp_index(&self, name: &str) -> i64 {
        if name.is_empty() {
            return -1;
        }
        self.inner()
            .names
            .iter()
            .position(|x| x == name)
            .map_or(-1, |i| i as i64)
    }

    /// `re.NumSubexp()`.
    pub fn num_subexp(&self) -> i64 {
        self.inner().names.len() as i64 - 1
    }

    /// `re.String()`: the source pattern.
    pub fn string(&self) -> String {
        self.inner().expr.clone()
    }
}

/// The name after a `$` in a template (`1`, `x1`, `{name}`) and the rest; `None` when it is
/// malformed.
fn extract(t: &str) -> Option<(&str, &str)> {
    let (brace, body) = match t.strip_prefix('{') {
        Some(b) => (true, b),
        None => (false, t),
    };
    let len: usize = body
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    let name = &body[..len];
    let rest = &body[len..];
    if brace {
        return rest.strip_prefix('}').map(|r| (name, r));
    }
    Some((name, rest))
}

/// A template name that is a group number (no leading zeros).
fn group_number(name: &str) -> Option<usize> {
    if !name.bytes().all(|b| b.is_ascii_digit()) || (name.len() > 1 && name.starts_with('0')) {
        return None;
    }
    name.parse::<usize>().ok().filter(|&n| n < 100_000_000)
}

impl std::fmt::Debug for Regexp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(i) => write!(f, "Regexp({:?})", i.expr),
            None => f.write_str("Regexp(nil)"),
        }
    }
}

impl std::fmt::Display for Regexp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(i) => f.write_str(&i.expr),
            None => f.write_str("<nil>"),
        }
    }
}

impl super::fmt::Format for Regexp {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, verb: char) {
        match (&self.0, verb) {
            (None, _) => f.pad("<nil>"),
            (Some(i), 'v' | 's') => f.pad(&i.expr),
            (Some(i), _) => {
                let s = i.expr.clone();
                super::fmt::Format::fmt(&s, f, verb)
            }
        }
    }
    fn type_name(&self) -> String {
        "*regexp.Regexp".to_string()
    }
    fn go_type() -> String {
        "*regexp.Regexp".to_string()
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Pointer
    }
    fn method_string(&self) -> Option<String> {
        self.0.as_ref().map(|i| i.expr.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_and_empty_matches() {
        let re = must_compile("a*");
        assert_eq!(re.find_all_string("baaac", -1), vec!["", "aaa", ""]);
        assert_eq!(re.replace_all_string("baaac", "X"), "XbXcX");
        let d = must_compile(r"\d+");
        assert_eq!(d.find_all_string("a1 b22 c333", 2), vec!["1", "22"]);
        assert!(!d.match_string("٣"));
        let b = must_compile(r"\Bb\b");
        assert_eq!(b.find_string_index("ab é"), vec![1, 2]);
    }

    #[test]
    fn expand_like_go() {
        let re = must_compile(r"(?P<first>\w+) (\w+)");
        assert_eq!(re.replace_all_string("ab cd", "$2 $first"), "cd ab");
        assert_eq!(re.replace_all_string("ab cd", "$1x"), "");
        assert_eq!(re.replace_all_string("ab cd", "${1}x"), "abx");
        assert_eq!(re.replace_all_string("ab cd", "$$1 $"), "$1 $");
    }

    #[test]
    fn split_like_go() {
        let re = must_compile("a*");
        assert_eq!(
            re.split("abaabaccadaaae", 5),
            vec!["", "b", "b", "c", "cadaaae"]
        );
        let c = must_compile(",");
        assert_eq!(c.split("a,b,c", -1), vec!["a", "b", "c"]);
        assert_eq!(c.split("", -1), vec![""]);
    }

    /// Outputs of Go 1.19's `regexp` on the same calls.
    #[test]
    fn agrees_with_go() {
        let re = must_compile("(a|ab)(c|bcd)(d*)");
        let s = "ABC A ab abcd abcdd";
        assert_eq!(re.find_all_string(s, -1), vec!["abcd", "abcdd"]);
        assert_eq!(
            re.find_all_string_submatch_index(s, 3),
            vec![
                vec![9, 13, 9, 10, 10, 13, 13, 13],
                vec![14, 19, 14, 15, 15, 18, 18, 19]
            ]
        );
        assert_eq!(
            re.replace_all_string(s, "<$1>${n}$$x$2a$"),
            "ABC A ab <a>$x$ <a>$x$"
        );
        assert_eq!(re.split(s, 2), vec!["ABC A ab ", " abcdd"]);
        let re = must_compile("(a*)+");
        assert_eq!(
            re.find_all_string("aaa xaa b a{,3} x{", -1),
            vec!["aaa", "", "aa", "", "", "a", "", "", "", "", "", "", ""]
        );
        let re = must_compile(r"\bfoo\b");
        assert_eq!(
            re.find_all_string_index("a foo, foobar éfoo", -1),
            vec![vec![2, 5], vec![16, 19]]
        );
        let re = must_compile(r"\w+");
        assert_eq!(re.find_all_string("ÉéÉ  \t x_y ٣", -1), vec!["x_y"]);
        let re = must_compile("(?P<x>a){0}(b)");
        assert_eq!(re.subexp_names(), vec!["", "x", ""]);
        assert_eq!(
            must_compile("(a){0}").find_string_submatch_index(""),
            vec![0, 0, -1, -1]
        );
        let (_, e) = compile(r"\p{Foo}");
        assert_eq!(
            e.unwrap().to_string(),
            "error parsing regexp: invalid character class range: `\\p{Foo}`"
        );
    }

    #[test]
    fn compile_errors() {
        let (_, e) = compile("a(b");
        assert_eq!(
            e.unwrap().to_string(),
            "error parsing regexp: missing closing ): `a(b`"
        );
        assert_eq!(quote_meta("1.5+2"), r"1\.5\+2");
    }
}
