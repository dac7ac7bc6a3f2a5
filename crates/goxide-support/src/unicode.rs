//! Go's `unicode` classification and case mapping of runes (`i32`).
//!
//! Go classifies by Unicode general category (`IsUpper` is `Lu`, `IsDigit` is `Nd`, `IsPunct`
//! is `P*`), where Rust's `char` methods use derived properties (`Uppercase`, `Numeric`,
//! `Alphabetic`). These functions are exact for Latin-1 and ASCII, and remove the main
//! differences elsewhere (`Other_Uppercase`, `Other_Lowercase`, numbers that are not decimal
//! digits, punctuation blocks).

fn to_char(r: i32) -> Option<char> {
    u32::try_from(r).ok().and_then(char::from_u32)
}

fn in_ranges(r: i32, ranges: &[(i32, i32)]) -> bool {
    ranges.iter().any(|&(lo, hi)| lo <= r && r <= hi)
}

/// `unicode.ToUpper(r)`: the simple uppercase mapping (`r` itself when there is none).
pub fn to_upper(r: i32) -> i32 {
    match r {
        0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => return r + 8,
        0x1FB3 | 0x1FC3 | 0x1FF3 => return r + 9,
        _ => {}
    }
    single(to_char(r).map(|c| c.to_uppercase()), r)
}

/// `unicode.ToLower(r)`: the simple lowercase mapping (`r` itself when there is none).
pub fn to_lower(r: i32) -> i32 {
    if r == 0x130 {
        return 'i' as i32;
    }
    single(to_char(r).map(|c| c.to_lowercase()), r)
}

/// `unicode.ToTitle(r)`.
pub fn to_title(r: i32) -> i32 {
    match r {
        0x1C4..=0x1C6 => 0x1C5,
        0x1C7..=0x1C9 => 0x1C8,
        0x1CA..=0x1CC => 0x1CB,
        0x1F1..=0x1F3 => 0x1F2,
        0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC => r,
        _ => to_upper(r),
    }
}

fn single(mapped: Option<impl Iterator<Item = char>>, r: i32) -> i32 {
    let Some(mut it) = mapped else { return r };
    match (it.next(), it.next()) {
        (Some(c), None) => c as i32,
        _ => r,
    }
}

/// Whether two runes are equal under simple case folding.
pub fn fold_eq(a: i32, b: i32) -> bool {
    a == b || to_lower(a) == to_lower(b) || to_upper(a) == to_upper(b)
}

/// `unicode.IsUpper(r)`: general category `Lu`.
pub fn is_upper(r: i32) -> bool {
    if r < 0x100 {
        return matches!(r, 0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE);
    }
    const OTHER_UPPERCASE: &[(i32, i32)] = &[
        (0x2160, 0x216F),
        (0x24B6, 0x24CF),
        (0x1F130, 0x1F149),
        (0x1F150, 0x1F169),
        (0x1F170, 0x1F189),
    ];
    to_char(r).is_some_and(|c| c.is_uppercase()) && !in_ranges(r, OTHER_UPPERCASE)
}

/// `unicode.IsLower(r)`: general category `Ll`.
pub fn is_lower(r: i32) -> bool {
    if r < 0x100 {
        return matches!(r, 0x61..=0x7A | 0xB5 | 0xDF..=0xF6 | 0xF8..=0xFF);
    }
    const OTHER_LOWERCASE: &[(i32, i32)] = &[
        (0x2B0, 0x2B8),
        (0x2C0, 0x2C1),
        (0x2E0, 0x2E4),
        (0x345, 0x345),
        (0x37A, 0x37A),
        (0x1D2C, 0x1D6A),
        (0x1D78, 0x1D78),
        (0x1D9B, 0x1DBF),
        (0x2071, 0x2071),
        (0x207F, 0x207F),
        (0x2090, 0x209C),
        (0x2170, 0x217F),
        (0x24D0, 0x24E9),
    ];
    to_char(r).is_some_and(|c| c.is_lowercase()) && !in_ranges(r, OTHER_LOWERCASE)
}

/// `unicode.IsLetter(r)`: general category `L*`.
pub fn is_letter(r: i32) -> bool {
    if r < 0x100 {
        return matches!(r, 0x41..=0x5A | 0x61..=0x7A | 0xAA | 0xB5 | 0xBA | 0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0xFF);
    }
    to_char(r).is_some_and(|c| c.is_alphabetic() && !c.is_numeric())
}

/// `unicode.IsDigit(r)`: general category `Nd`.
pub fn is_digit(r: i32) -> bool {
    if r < 0x100 {
        return (0x30..=0x39).contains(&r);
    }
    const NOT_DECIMAL: &[(i32, i32)] = &[
        (0x9F4, 0x9F9),
        (0xB72, 0xB77),
        (0xBF0, 0xBF2),
        (0xC78, 0xC7E),
        (0xD58, 0xD5E),
        (0xD70, 0xD78),
        (0xF2A, 0xF33),
        (0x1369, 0x137C),
        (0x16EE, 0x16F0),
        (0x17F0, 0x17F9),
        (0x19DA, 0x19DA),
        (0x2070, 0x2079),
        (0x2080, 0x2089),
        (0x2150, 0x2189),
        (0x2460, 0x249B),
        (0x24EA, 0x24FF),
        (0x2776, 0x2793),
        (0x2CFD, 0x2CFD),
        (0x3007, 0x3007),
        (0x3021, 0x3029),
        (0x3038, 0x303A),
        (0x3192, 0x3195),
        (0x3220, 0x3229),
        (0x3248, 0x324F),
        (0x3251, 0x325F),
        (0x3280, 0x3289),
        (0x32B1, 0x32BF),
    ];
    to_char(r).is_some_and(|c| c.is_numeric()) && !in_ranges(r, NOT_DECIMAL)
}

/// `unicode.IsPunct(r)`: general category `P*`.
pub fn is_punct(r: i32) -> bool {
    const PUNCT: &[(i32, i32)] = &[
        (0x21, 0x23),
        (0x25, 0x2A),
        (0x2C, 0x2F),
        (0x3A, 0x3B),
        (0x3F, 0x40),
        (0x5B, 0x5D),
        (0x5F, 0x5F),
        (0x7B, 0x7B),
        (0x7D, 0x7D),
        (0xA1, 0xA1),
        (0xA7, 0xA7),
        (0xAB, 0xAB),
        (0xB6, 0xB7),
        (0xBB, 0xBB),
        (0xBF, 0xBF),
        (0x37E, 0x37E),
        (0x387, 0x387),
        (0x55A, 0x55F),
        (0x589, 0x58A),
        (0x5BE, 0x5BE),
        (0x5C0, 0x5C0),
        (0x5C3, 0x5C3),
        (0x5C6, 0x5C6),
        (0x5F3, 0x5F4),
        (0x609, 0x60A),
        (0x60C, 0x60D),
        (0x61B, 0x61B),
        (0x61E, 0x61F),
        (0x66A, 0x66D),
        (0x6D4, 0x6D4),
        (0x964, 0x965),
        (0x970, 0x970),
        (0xE4F, 0xE4F),
        (0xE5A, 0xE5B),
        (0x2010, 0x2027),
        (0x2030, 0x2043),
        (0x2045, 0x2051),
        (0x2053, 0x205E),
        (0x207D, 0x207E),
        (0x208D, 0x208E),
        (0x2308, 0x230B),
        (0x2329, 0x232A),
        (0x2768, 0x2775),
        (0x27C5, 0x27C6),
        (0x27E6, 0x27EF),
        (0x2983, 0x2998),
        (0x29D8, 0x29DB),
        (0x29FC, 0x29FD),
        (0x2CF9, 0x2CFC),
        (0x2CFE, 0x2CFF),
        (0x2E00, 0x2E2E),
        (0x2E30, 0x2E4F),
        (0x3001, 0x3003),
        (0x3008, 0x3011),
        (0x3014, 0x301F),
        (0x3030, 0x3030),
        (0x303D, 0x303D),
        (0x30A0, 0x30A0),
        (0x30FB, 0x30FB),
        (0xFE10, 0xFE19),
        (0xFE30, 0xFE52),
        (0xFE54, 0xFE61),
        (0xFE63, 0xFE63),
        (0xFE68, 0xFE68),
        (0xFE6A, 0xFE6B),
        (0xFF01, 0xFF03),
        (0xFF05, 0xFF0A),
        (0xFF0C, 0xFF0F),
        (0xFF1A, 0xFF1B),
        (0xFF1F, 0xFF20),
        (0xFF3B, 0xFF3D),
        (0xFF3F, 0xFF3F),
        (0xFF5B, 0xFF5B),
        (0xFF5D, 0xFF5D),
        (0xFF5F, 0xFF65),
    ];
    in_ranges(r, PUNCT)
}

/// `unicode.IsSpace(r)`: Go's set is Unicode's `White_Space`, as Rust's.
pub fn is_space(r: i32) -> bool {
    to_char(r).is_some_and(char::is_whitespace)
}

/// `utf8.DecodeRune(p)`: the first rune of `p` and its width in bytes; `(RuneError, 0)` for
/// an empty `p` and `(RuneError, 1)` where `p` does not start with valid UTF-8.
pub fn decode_rune(p: &[u8]) -> (i32, i64) {
    match p.utf8_chunks().next() {
        None => (0xFFFD, 0),
        Some(chunk) => match chunk.valid().chars().next() {
            Some(c) => (c as i32, c.len_utf8() as i64),
            None => (0xFFFD, 1),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_like_go() {
        assert!(is_upper('A' as i32) && !is_upper('a' as i32) && !is_upper(0x24B6));
        assert!(is_lower('ß' as i32) && !is_lower('ª' as i32));
        assert!(is_digit('7' as i32) && !is_digit('²' as i32) && is_digit(0x663));
        assert!(is_punct('!' as i32) && !is_punct('+' as i32) && !is_punct('$' as i32));
        assert!(is_letter('é' as i32) && !is_letter('1' as i32));
        assert!(is_space(0x85) && !is_space(0x200B));
    }

    #[test]
    fn mapping_like_go() {
        assert_eq!(to_upper('ß' as i32), 'ß' as i32);
        assert_eq!(to_upper('é' as i32), 'É' as i32);
        assert_eq!(to_lower(0x130), 'i' as i32);
        assert_eq!(to_title(0x1C6), 0x1C5);
        assert_eq!(to_upper(-1), -1);
        assert!(fold_eq('k' as i32, 0x212A));
    }
}
