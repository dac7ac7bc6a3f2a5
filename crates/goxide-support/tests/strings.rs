//! `support::strings` helpers against Go 1.19's behaviour.

use goxide_support::strings::char_indices_lossy;

/// Go: `for i, r := range string([]byte{'a', 0xff, 0xe2, 0x82, 0xac, 0xe2, 0x82, 'z'})`
/// yields 0 'a', 1 U+FFFD, 2 '€', 5 U+FFFD, 6 U+FFFD, 7 'z' (a truncated sequence is one
/// U+FFFD per byte).
#[test]
fn char_indices_lossy_decodes_like_go() {
    let b = [b'a', 0xff, 0xe2, 0x82, 0xac, 0xe2, 0x82, b'z'];
    let got: Vec<(usize, char)> = char_indices_lossy(&b).collect();
    assert_eq!(
        got,
        vec![
            (0, 'a'),
            (1, '\u{FFFD}'),
            (2, '€'),
            (5, '\u{FFFD}'),
            (6, '\u{FFFD}'),
            (7, 'z'),
        ]
    );
    assert_eq!(char_indices_lossy(b"").count(), 0);
}
