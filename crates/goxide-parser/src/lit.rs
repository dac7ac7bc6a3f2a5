//! Interpreting Go string literals (import paths, struct tags).

/// The value of a Go string literal: `"..."` with escapes interpreted, or a raw `` `...` ``
/// literal (carriage returns removed, as the Go specification says). `None` if `raw` is not a
/// well-formed string literal. Byte escapes that do not form valid UTF-8 are replaced by U+FFFD.
pub fn unquote(raw: &str) -> Option<String> {
    if let Some(body) = raw.strip_prefix('`').and_then(|r| r.strip_suffix('`')) {
        if raw.len() < 2 {
            return None;
        }
        return Some(body.replace('\r', ""));
    }
    let body = raw.strip_prefix('"')?.strip_suffix('"')?;
    if raw.len() < 2 {
        return None;
    }
    let mut out: Vec<u8> = Vec::with_capacity(body.len());
    let mut chars = body.char_indices();
    while let Some((_, c)) = chars.next() {
        if c == '\n' || c == '"' {
            return None;
        }
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        let (_, e) = chars.next()?;
        match e {
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(b'\n'),
            'r' => out.push(b'\r'),
            't' => out.push(b'\t'),
            'v' => out.push(11),
            '\\' => out.push(b'\\'),
            '"' => out.push(b'"'),
            '0'..='7' => {
                let mut v = e.to_digit(8)?;
                for _ in 0..2 {
                    v = v * 8 + chars.next()?.1.to_digit(8)?;
                }
                out.push(u8::try_from(v).ok()?);
            }
            'x' | 'u' | 'U' => {
                let digits = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v: u32 = 0;
                for _ in 0..digits {
                    v = v * 16 + chars.next()?.1.to_digit(16)?;
                }
                if e == 'x' {
                    out.push(v as u8);
                } else {
                    let c = char::from_u32(v)?;
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
            _ => return None,
        }
    }
    Some(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(test)]
mod tests {
    use super::unquote;

    #[test]
    fn interprets_escapes_and_raw_strings() {
        assert_eq!(unquote(r#""fmt""#).as_deref(), Some("fmt"));
        assert_eq!(
            unquote(r#""a\tb\x41\101\u00e9\"""#).as_deref(),
            Some("a\tbAAé\"")
        );
        assert_eq!(unquote("`json:\"x\"`").as_deref(), Some("json:\"x\""));
        assert_eq!(unquote("`a\r\nb`").as_deref(), Some("a\nb"));
        assert_eq!(unquote(r#""\q""#), None);
        assert_eq!(unquote("\""), None);
        assert_eq!(unquote("`"), None);
    }
}
