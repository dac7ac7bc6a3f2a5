//! `path` and `path/filepath` (which on Unix-like systems behaves the same): lexical
//! operations on slash-separated paths, ported from Go's `path` package.

/// `path.Clean`: the shortest path equivalent to `p` by purely lexical processing.
pub fn clean(p: &str) -> String {
    if p.is_empty() {
        return ".".to_string();
    }
    let path = p.as_bytes();
    let n = path.len();
    let rooted = path[0] == b'/';
    let mut out: Vec<u8> = Vec::with_capacity(n);
    let (mut r, mut dotdot) = (0, 0);
    if rooted {
        out.push(b'/');
        r = 1;
        dotdot = 1;
    }
    while r < n {
        if path[r] == b'/' || path[r] == b'.' && (r + 1 == n || path[r + 1] == b'/') {
            // An empty element or `.`.
            r += 1;
        } else if path[r] == b'.' && path[r + 1] == b'.' && (r + 2 == n || path[r + 2] == b'/') {
            r += 2;
            if out.len() > dotdot {
                // Back up to the previous slash, dropping it.
                let mut w = out.len() - 1;
                while w > dotdot && out[w] != b'/' {
                    w -= 1;
                }
                out.truncate(w);
            } else if !rooted {
                if !out.is_empty() {
                    out.push(b'/');
                }
                out.extend_from_slice(b"..");
                dotdot = out.len();
            }
        } else {
            if rooted && out.len() != 1 || !rooted && !out.is_empty() {
                out.push(b'/');
            }
            while r < n && path[r] != b'/' {
                out.push(path[r]);
                r += 1;
            }
        }
    }
    if out.is_empty() {
        return ".".to_string();
    }
    // Only whole elements between slashes were copied, so the bytes stay valid UTF-8.
    String::from_utf8_lossy(&out).into_owned()
}

/// `path.Join`: the non-empty elements joined with slashes, cleaned; `""` when all are empty.
pub fn join(elems: &[&str]) -> String {
    match elems.iter().position(|e| !e.is_empty()) {
        Some(i) => clean(&elems[i..].join("/")),
        None => String::new(),
    }
}

/// `path.Split`: everything up to and including the last slash, and the rest.
pub fn split(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    (p[..i].to_string(), p[i..].to_string())
}

/// `path.Base`: the last element, without trailing slashes; `"."` for an empty path and `"/"`
/// for a path of slashes.
pub fn base(p: &str) -> String {
    if p.is_empty() {
        return ".".to_string();
    }
    let p = p.trim_end_matches('/');
    if p.is_empty() {
        return "/".to_string();
    }
    match p.rfind('/') {
        Some(i) => p[i + 1..].to_string(),
        None => p.to_string(),
    }
}

/// `path.Dir`: all but the last element, cleaned.
pub fn dir(p: &str) -> String {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    clean(&p[..i])
}

/// `path.Ext`: the suffix from the last dot of the last element, or `""`.
pub fn ext(p: &str) -> String {
    for (i, b) in p.bytes().enumerate().rev() {
        match b {
            b'/' => break,
            b'.' => return p[i..].to_string(),
            _ => {}
        }
    }
    String::new()
}

/// `path.IsAbs`.
pub fn is_abs(p: &str) -> bool {
    p.starts_with('/')
}
