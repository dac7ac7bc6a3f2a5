//! `//go:build` expressions, evaluated for linux/amd64 with cgo off (the target goxide
//! translates for).

/// Whether a build tag holds on the target.
fn tag_holds(tag: &str) -> bool {
    match tag {
        "linux"
        | "amd64"
        | "unix"
        | "gc"
        | "goexperiment.regabiwrappers"
        | "goexperiment.regabiargs" => true,
        t if t.starts_with("go1.") => t[4..].parse::<u32>().is_ok_and(|minor| minor <= 19),
        _ => false,
    }
}

/// Evaluates a `//go:build` expression (`linux && (amd64 || arm64)`, `!cgo`).
pub fn eval(expr: &str) -> bool {
    let tokens = tokenize(expr);
    let mut pos = 0;
    let v = parse_or(&tokens, &mut pos);
    v.unwrap_or(false) && pos == tokens.len()
}

fn tokenize(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
        } else if c == '(' || c == ')' || c == '!' {
            out.push(c.to_string());
            chars.next();
        } else if c == '&' || c == '|' {
            chars.next();
            chars.next();
            out.push(if c == '&' { "&&".into() } else { "||".into() });
        } else {
            let mut w = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_alphanumeric() || c == '_' || c == '.' {
                    w.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            if w.is_empty() {
                chars.next();
                out.push("?".into());
            } else {
                out.push(w);
            }
        }
    }
    out
}

fn parse_or(t: &[String], pos: &mut usize) -> Option<bool> {
    let mut v = parse_and(t, pos)?;
    while t.get(*pos).map(String::as_str) == Some("||") {
        *pos += 1;
        let r = parse_and(t, pos)?;
        v = v || r;
    }
    Some(v)
}

fn parse_and(t: &[String], pos: &mut usize) -> Option<bool> {
    let mut v = parse_not(t, pos)?;
    while t.get(*pos).map(String::as_str) == Some("&&") {
        *pos += 1;
        let r = parse_not(t, pos)?;
        v = v && r;
    }
    Some(v)
}

fn parse_not(t: &[String], pos: &mut usize) -> Option<bool> {
    let tok = t.get(*pos)?.as_str();
    *pos += 1;
    match tok {
        "!" => parse_not(t, pos).map(|v| !v),
        "(" => {
            let v = parse_or(t, pos)?;
            (t.get(*pos).map(String::as_str) == Some(")")).then(|| *pos += 1)?;
            Some(v)
        }
        "&&" | "||" | ")" | "?" => None,
        tag => Some(tag_holds(tag)),
    }
}

/// Whether the file's `//go:build` line (before the package clause), if any, holds.
pub fn satisfied_by_header(text: &str) -> bool {
    for line in text.lines() {
        let l = line.trim();
        if let Some(expr) = l.strip_prefix("//go:build ") {
            return eval(expr);
        }
        if l.starts_with("package ") {
            break;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::eval;

    #[test]
    fn evaluates_for_linux_amd64() {
        assert!(eval("linux"));
        assert!(eval("linux && amd64"));
        assert!(eval("!windows"));
        assert!(!eval("cgo"));
        assert!(eval("!cgo || linux"));
        assert!(!eval("darwin || (windows && amd64)"));
        assert!(eval("go1.18"));
        assert!(!eval("go1.21"));
        assert!(!eval("&& linux"));
    }
}
