//! The targeted repairs tried around a syntax error (see [`crate::repair`]). Each rewrites
//! valid Go that tree-sitter-go rejects into an equivalent form it accepts:
//!
//! - a parenthesized group with specs on the opening line (`const ( F = 1 )`, `var (x int)`):
//!   a newline after `(` (and before the closing `)`);
//! - an empty init statement (`if ; cond {}`, `switch ; x {}`): the `;` becomes a space;
//! - a label right before `}` after another label (`L1: L2: }`): `;` after the second label;
//! - a method expression on a type literal (`struct{ I }.M`): the literal is replaced by an
//!   identifier of the same length, and the lowering parses the literal on its own there.

use crate::repair::Edit;

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The identifier-like word ending right before `at` (blanks skipped).
fn word_before(text: &[u8], at: usize) -> &[u8] {
    let mut end = at.min(text.len());
    while end > 0 && matches!(text[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    let mut start = end;
    while start > 0 && is_word(text[start - 1]) {
        start -= 1;
    }
    &text[start..end]
}

/// Pushes candidate repairs for an error at `start..end` of `text`.
pub(crate) fn candidates_at(text: &str, start: usize, end: usize, out: &mut Vec<Edit>) {
    let b = text.as_bytes();
    if start > b.len() {
        return;
    }
    let _ = end;
    empty_init(b, start, out);
    one_line_group(b, start, out);
    label_before_brace(b, start, out);
    type_literal_method(b, start, out);
}

/// `if ; cond`, `switch ; x`: drop the `;` of the empty init statement.
fn empty_init(b: &[u8], start: usize, out: &mut Vec<Edit>) {
    let mut at = start;
    while at < b.len() && matches!(b[at], b' ' | b'\t') {
        at += 1;
    }
    if b.get(at) == Some(&b';') && matches!(word_before(b, at), b"if" | b"switch") {
        out.push(Edit::Replace(at, b' '));
    }
}

/// `const ( F = 1 )`: put the specs on their own lines.
fn one_line_group(b: &[u8], start: usize, out: &mut Vec<Edit>) {
    // The `(` opening the group: the last one before the error on the error's line.
    let line_start = b[..start]
        .iter()
        .rposition(|&c| c == b'\n')
        .map_or(0, |i| i + 1);
    let Some(rel) = b[line_start..start].iter().rposition(|&c| c == b'(') else {
        return;
    };
    let open = line_start + rel;
    if !matches!(
        word_before(b, open),
        b"const" | b"var" | b"type" | b"import"
    ) {
        return;
    }
    // The matching `)` on the same line, if any.
    let mut depth = 0usize;
    let mut close = None;
    for (i, &c) in b.iter().enumerate().skip(open) {
        match c {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            b'\n' => break,
            _ => {}
        }
    }
    let after_open = if b.get(open + 1) == Some(&b' ') {
        Edit::Replace(open + 1, b'\n')
    } else {
        Edit::Insert(open + 1, "\n")
    };
    if let Some(close) = close {
        let before_close = if close > open + 2 && b[close - 1] == b' ' {
            Edit::Replace(close - 1, b'\n')
        } else {
            Edit::Insert(close, "\n")
        };
        out.push(Edit::All(vec![before_close, after_open.clone()]));
    }
    out.push(after_open);
}

/// `L1: L2: }`: give the last label an empty statement.
fn label_before_brace(b: &[u8], start: usize, out: &mut Vec<Edit>) {
    if b.get(start) != Some(&b':') || word_before(b, start).is_empty() {
        return;
    }
    let mut at = start + 1;
    while at < b.len() && b[at].is_ascii_whitespace() {
        at += 1;
    }
    if b.get(at) != Some(&b'}') {
        return;
    }
    if matches!(b.get(start + 1), Some(b' ' | b'\t' | b'\n')) {
        out.push(Edit::Replace(start + 1, b';'));
    } else {
        out.push(Edit::Insert(start + 1, ";"));
    }
}

/// `struct{ I }.M`, `interface{ M() }.M`: parenthesize the type literal.
fn type_literal_method(b: &[u8], start: usize, out: &mut Vec<Edit>) {
    let rest = &b[start..];
    if !(rest.starts_with(b"struct") || rest.starts_with(b"interface")) {
        return;
    }
    let Some(open_rel) = rest.iter().position(|&c| c == b'{') else {
        return;
    };
    let mut depth = 0usize;
    for (i, &c) in rest.iter().enumerate().skip(open_rel) {
        match c {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    let close = start + i + 1;
                    if b.get(close) == Some(&b'.') {
                        out.push(Edit::Substitute(start, close));
                    }
                    return;
                }
            }
            _ => {}
        }
    }
}
