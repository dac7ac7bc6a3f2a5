//! Go's `strconv` number formatting and quoting, as Go's `fmt` uses them.
//!
//! Floats are laid out by Go's rules from decimal digits that Rust's own
//! float formatting provides: Rust's shortest round-trip digits (`{:e}`)
//! are the digits Go's shortest formatting picks, and Rust's fixed-precision
//! output (`{:.N}`, `{:.Ne}`) is correctly rounded (ties to even) as Go's is.

/// Decimal digits of a finite, non-negative float: the value is
/// `0.d1d2d3… × 10^dp`. Trailing zeros are removed; zero has no digits.
struct Digits {
    digits: Vec<u8>,
    dp: i32,
}

/// Parses Rust's `{:e}` output (`d.ddde±x`, without sign) into [`Digits`].
fn parse_exp_form(s: &str) -> Digits {
    let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        return Digits { digits, dp: 0 };
    }
    Digits {
        digits,
        dp: exp + 1,
    }
}

/// The shortest digits that read back as `x` (at the given bit size).
fn shortest_digits(x: f64, bit_size: u32) -> Digits {
    let s = if bit_size == 32 {
        format!("{:e}", (x as f32).abs())
    } else {
        format!("{:e}", x.abs())
    };
    parse_exp_form(&s)
}

/// `x` correctly rounded to `n` (at least 1) significant digits.
fn fixed_digits(x: f64, n: usize) -> Digits {
    parse_exp_form(&format!("{:.*e}", n.saturating_sub(1), x.abs()))
}

/// Go's `strconv.FormatFloat(x, fmt, prec, bitSize)`.
///
/// `fmt` is one of `b e E f g G x X`; `prec` is the number of digits (after
/// the point for `e`/`f`/`x`, significant for `g`), or -1 for the fewest
/// digits that read back exactly. `bit_size` is 32 for `float32` values.
pub fn format_float(x: f64, fmt: u8, prec: i32, bit_size: u32) -> String {
    let x = if bit_size == 32 {
        f64::from(x as f32)
    } else {
        x
    };
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "+Inf" } else { "-Inf" }.to_string();
    }
    let neg = x.is_sign_negative();
    match fmt {
        b'b' => return format_bits(x, neg, bit_size),
        b'x' | b'X' => return format_hex(x, neg, prec, fmt, bit_size),
        _ => {}
    }
    let shortest = prec < 0;
    let mut prec = prec;
    let digits = if shortest {
        let d = shortest_digits(x, bit_size);
        let nd = d.digits.len() as i32;
        prec = match fmt {
            b'e' | b'E' => (nd - 1).max(0),
            b'f' => (nd - d.dp).max(0),
            _ => nd,
        };
        d
    } else {
        match fmt {
            b'e' | b'E' => fixed_digits(x, prec as usize + 1),
            b'f' => return format_fixed(x, prec as usize),
            _ => {
                if prec == 0 {
                    prec = 1;
                }
                fixed_digits(x, prec as usize)
            }
        }
    };
    match fmt {
        b'e' | b'E' => layout_e(neg, &digits, prec, fmt),
        b'f' => layout_f(neg, &digits, prec),
        b'g' | b'G' => {
            let nd = digits.digits.len() as i32;
            let mut eprec = prec;
            if eprec > nd && nd >= digits.dp {
                eprec = nd;
            }
            // Shortest output switches to exponent form as %e does at
            // precision 6.
            if shortest {
                eprec = 6;
            }
            let exp = digits.dp - 1;
            if exp < -4 || exp >= eprec {
                if prec > nd {
                    prec = nd;
                }
                layout_e(neg, &digits, prec - 1, fmt + b'e' - b'g')
            } else {
                if prec > digits.dp {
                    prec = nd;
                }
                layout_f(neg, &digits, (prec - digits.dp).max(0))
            }
        }
        _ => {
            let mut s = String::from("%");
            s.push(char::from(fmt));
            s
        }
    }
}

/// `%f` with a fixed number of decimals: Rust's correctly rounded output.
fn format_fixed(x: f64, prec: usize) -> String {
    let s = format!("{:.*}", prec, x.abs());
    if x.is_sign_negative() {
        format!("-{s}")
    } else {
        s
    }
}

/// `d.ddddde±dd` with `prec` digits after the point.
fn layout_e(neg: bool, d: &Digits, prec: i32, fmt: u8) -> String {
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let first = d.digits.first().copied().unwrap_or(b'0');
    out.push(char::from(first));
    if prec > 0 {
        out.push('.');
        for i in 1..=prec as usize {
            out.push(char::from(d.digits.get(i).copied().unwrap_or(b'0')));
        }
    }
    out.push(char::from(fmt));
    let mut exp = if d.digits.is_empty() { 0 } else { d.dp - 1 };
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
    out
}

/// `ddd.ddd` with `prec` digits after the point.
fn layout_f(neg: bool, d: &Digits, prec: i32) -> String {
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    let nd = d.digits.len() as i32;
    if d.dp > 0 {
        for i in 0..d.dp {
            out.push(char::from(if i < nd { d.digits[i as usize] } else { b'0' }));
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            let j = d.dp + i - 1;
            let ch = if j >= 0 && j < nd {
                d.digits[j as usize]
            } else {
                b'0'
            };
            out.push(char::from(ch));
        }
    }
    out
}

/// The binary mantissa and exponent of a finite float: `|x| = mant × 2^(exp - mant_bits)`
/// with the implicit leading bit included, plus `mant_bits`.
fn decompose(x: f64, bit_size: u32) -> (u64, i32, u32) {
    if bit_size == 32 {
        let bits = (x as f32).to_bits();
        let exp_field = ((bits >> 23) & 0xff) as i32;
        let mut mant = u64::from(bits & 0x7f_ffff);
        let exp = if exp_field == 0 {
            1 - 127
        } else {
            mant |= 1 << 23;
            exp_field - 127
        };
        (mant, exp, 23)
    } else {
        let bits = x.to_bits();
        let exp_field = ((bits >> 52) & 0x7ff) as i32;
        let mut mant = bits & ((1 << 52) - 1);
        let exp = if exp_field == 0 {
            1 - 1023
        } else {
            mant |= 1 << 52;
            exp_field - 1023
        };
        (mant, exp, 52)
    }
}

/// `%b`: `-ddddp±ddd`, a decimal mantissa and a binary exponent.
fn format_bits(x: f64, neg: bool, bit_size: u32) -> String {
    let (mant, exp, mant_bits) = decompose(x, bit_size);
    let exp = exp - mant_bits as i32;
    let sign = if neg { "-" } else { "" };
    let esign = if exp >= 0 { "+" } else { "" };
    format!("{sign}{mant}p{esign}{exp}")
}

/// `%x`: `-0x1.yyyyp±dd`, a hexadecimal mantissa and a binary exponent.
fn format_hex(x: f64, neg: bool, prec: i32, fmt: u8, bit_size: u32) -> String {
    let (mut mant, mut exp, mant_bits) = decompose(x, bit_size);
    if mant == 0 {
        exp = 0;
    }
    // Put the leading 1 (if any) at bit 60.
    mant <<= 60 - mant_bits;
    while mant != 0 && mant & (1 << 60) == 0 {
        mant <<= 1;
        exp -= 1;
    }
    if (0..15).contains(&prec) {
        let shift = prec as u32 * 4;
        let extra = (mant << shift) & ((1 << 60) - 1);
        mant >>= 60 - shift;
        // Round half to even.
        if extra | (mant & 1) > 1 << 59 {
            mant += 1;
        }
        mant <<= 60 - shift;
        if mant & (1 << 61) != 0 {
            mant >>= 1;
            exp += 1;
        }
    }
    let hex: &[u8; 16] = if fmt == b'X' {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    out.push('0');
    out.push(char::from(fmt));
    out.push(char::from(b'0' + ((mant >> 60) & 1) as u8));
    mant <<= 4;
    if prec < 0 && mant != 0 {
        out.push('.');
        while mant != 0 {
            out.push(char::from(hex[((mant >> 60) & 15) as usize]));
            mant <<= 4;
        }
    } else if prec > 0 {
        out.push('.');
        for _ in 0..prec {
            out.push(char::from(hex[((mant >> 60) & 15) as usize]));
            mant <<= 4;
        }
    }
    out.push(if fmt == b'X' { 'P' } else { 'p' });
    if exp < 0 {
        out.push('-');
        exp = -exp;
    } else {
        out.push('+');
    }
    if exp < 10 {
        out.push('0');
    }
    out.push_str(&exp.to_string());
    out
}

/// Go's `strconv.FormatUint(x, base)` for bases 2 to 36 (lower-case digits).
pub fn format_uint(x: u64, base: u32) -> String {
    let base = u64::from(base.clamp(2, 36));
    let mut digits = Vec::new();
    let mut v = x;
    loop {
        let d = (v % base) as u8;
        digits.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        v /= base;
        if v == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// Go's `strconv.FormatInt(x, base)` for bases 2 to 36 (lower-case digits).
pub fn format_int(x: i64, base: u32) -> String {
    if x < 0 {
        format!("-{}", format_uint(x.unsigned_abs(), base))
    } else {
        format_uint(x as u64, base)
    }
}

/// Go's `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols
/// and the ASCII space.
///
/// Rust's standard library has no Unicode category tables, so outside
/// ASCII this treats every code point as printable except control and
/// format characters, spaces other than U+0020, private-use code points
/// and non-characters. Unassigned code points count as printable.
pub fn is_print(r: char) -> bool {
    let c = r as u32;
    if c < 0x80 {
        return (0x20..0x7f).contains(&c);
    }
    if r.is_control() || r.is_whitespace() {
        return false;
    }
    let format_chars: &[(u32, u32)] = &[
        (0x00ad, 0x00ad),
        (0x0600, 0x0605),
        (0x061c, 0x061c),
        (0x06dd, 0x06dd),
        (0x070f, 0x070f),
        (0x08e2, 0x08e2),
        (0x180e, 0x180e),
        (0x200b, 0x200f),
        (0x202a, 0x202e),
        (0x2060, 0x2064),
        (0x2066, 0x206f),
        (0xfeff, 0xfeff),
        (0xfff9, 0xfffb),
        (0x110bd, 0x110bd),
        (0x110cd, 0x110cd),
        (0x13430, 0x13438),
        (0x1bca0, 0x1bca3),
        (0x1d173, 0x1d17a),
        (0xe0001, 0xe0001),
        (0xe0020, 0xe007f),
        // Private use.
        (0xe000, 0xf8ff),
        (0xf0000, 0x10ffff),
        // Non-characters.
        (0xfdd0, 0xfdef),
    ];
    if format_chars.iter().any(|&(lo, hi)| lo <= c && c <= hi) {
        return false;
    }
    c & 0xfffe != 0xfffe
}

/// Appends `r` as it appears inside a Go quoted literal delimited by `quote`.
fn push_escaped(out: &mut String, r: char, quote: char, ascii_only: bool) {
    if r == quote || r == '\\' {
        out.push('\\');
        out.push(r);
        return;
    }
    if ascii_only {
        if r.is_ascii() && is_print(r) {
            out.push(r);
            return;
        }
    } else if is_print(r) {
        out.push(r);
        return;
    }
    match r {
        '\u{7}' => out.push_str("\\a"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{b}' => out.push_str("\\v"),
        _ => {
            let c = r as u32;
            if c < 0x20 || c == 0x7f {
                out.push_str(&format!("\\x{c:02x}"));
            } else if c < 0x10000 {
                out.push_str(&format!("\\u{c:04x}"));
            } else {
                out.push_str(&format!("\\U{c:08x}"));
            }
        }
    }
}

/// Go's `strconv.Quote`: a double-quoted Go string literal, escaping
/// control and non-printable characters.
pub fn quote(s: &str) -> String {
    quote_with(s, '"', false)
}

/// Go's `strconv.QuoteToASCII`: like [`quote`], escaping all non-ASCII too.
pub fn quote_to_ascii(s: &str) -> String {
    quote_with(s, '"', true)
}

fn quote_with(s: &str, quote: char, ascii_only: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for r in s.chars() {
        push_escaped(&mut out, r, quote, ascii_only);
    }
    out.push(quote);
    out
}

/// The `char` for a Go rune, U+FFFD when it is not a valid code point.
fn rune_char(r: i32) -> char {
    u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}')
}

/// Go's `strconv.QuoteRune`: a single-quoted Go rune literal (`'a'`,
/// `'\n'`); invalid code points become U+FFFD.
pub fn quote_rune(r: i32) -> String {
    quote_with(rune_char(r).encode_utf8(&mut [0; 4]), '\'', false)
}

/// Go's `strconv.QuoteRuneToASCII`.
pub fn quote_rune_to_ascii(r: i32) -> String {
    quote_with(rune_char(r).encode_utf8(&mut [0; 4]), '\'', true)
}

/// Go's `strconv.CanBackquote`: whether `s` can be written as a raw
/// (backquoted) string literal.
pub fn can_backquote(s: &str) -> bool {
    s.chars()
        .all(|r| r != '\u{feff}' && r != '`' && r != '\u{7f}' && (r >= ' ' || r == '\t'))
}

/// Go's `strconv.Itoa`.
pub fn itoa(x: i64) -> String {
    x.to_string()
}
