//! Comments: collecting every comment of the file, and the doc comment of a declaration,
//! spec or field (the comment lines immediately before it).

use crate::lower::NodeExt;
use crate::repair::Parsed;
use goxide_ast::ast::Comment;
use goxide_ast::{SourceFile, Span};

/// Every comment of the file in source order, with spans in the original text.
pub(crate) fn collect(parsed: &Parsed, source: &SourceFile) -> Vec<Comment> {
    let mut out = Vec::new();
    let Some(tree) = parsed.tree.as_ref() else {
        return out;
    };
    // Where a comment could start (`//` or `/*`, strings included): the walk descends only
    // into nodes that cover one of these, and so skips most of the tree.
    let bytes = parsed.text.as_bytes();
    let starts: Vec<usize> = (0..bytes.len().saturating_sub(1))
        .filter(|&i| bytes[i] == b'/' && matches!(bytes[i + 1], b'/' | b'*'))
        .collect();
    let covers_start = |n: tree_sitter::Node| {
        let i = starts.partition_point(|&s| s < n.start_byte());
        starts.get(i).is_some_and(|&s| s < n.end_byte())
    };
    let mut cursor = tree.walk();
    'walk: loop {
        let n = cursor.node();
        if n.is_comment() {
            let span = Span::new(
                parsed.map.to_original(n.start_byte()),
                parsed.map.to_original(n.end_byte()),
            );
            out.push(Comment {
                span,
                text: source.snippet(span).to_string(),
            });
        } else if covers_start(n) && cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
    out.sort_by_key(|c| c.span.start);
    out.dedup_by_key(|c| c.span.start);
    out
}

/// True when `text[from..to]` is only whitespace with at most one newline.
fn adjacent(text: &str, from: usize, to: usize) -> bool {
    match text.get(from..to) {
        Some(gap) => {
            gap.bytes().all(|b| b.is_ascii_whitespace())
                && gap.bytes().filter(|&b| b == b'\n').count() <= 1
        }
        None => false,
    }
}

/// True when only blanks precede `at` on its line.
fn starts_line(text: &str, at: usize) -> bool {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    text.get(line_start..at)
        .is_some_and(|s| s.bytes().all(|b| b == b' ' || b == b'\t'))
}

/// The doc comment of a node starting at `start`: the comment lines immediately before it
/// (no blank line between), each starting its own line; `None` if there are none.
pub(crate) fn doc_before(text: &str, comments: &[Comment], start: u32) -> Option<String> {
    let idx = comments.partition_point(|c| c.span.end <= start);
    let mut first = idx;
    let mut next_start = start as usize;
    while first > 0 {
        let c = &comments[first - 1];
        let (cs, ce) = (c.span.start as usize, c.span.end as usize);
        if !adjacent(text, ce, next_start) || !starts_line(text, cs) {
            break;
        }
        first -= 1;
        next_start = cs;
    }
    if first == idx {
        return None;
    }
    let mut lines: Vec<&str> = Vec::new();
    for c in &comments[first..idx] {
        comment_lines(&c.text, &mut lines);
    }
    Some(lines.join("\n"))
}

/// Appends the text lines of one comment, markers stripped.
fn comment_lines<'a>(text: &'a str, out: &mut Vec<&'a str>) {
    if let Some(rest) = text.strip_prefix("//") {
        // Directives (`//go:…`, `//line …`) are not documentation, as in go/ast.
        if rest.starts_with("go:") || rest.starts_with("line ") {
            return;
        }
        out.push(
            rest.strip_prefix(' ')
                .unwrap_or(rest)
                .trim_end_matches('\r'),
        );
    } else if let Some(rest) = text.strip_prefix("/*") {
        let body = rest.strip_suffix("*/").unwrap_or(rest);
        for line in body.lines() {
            out.push(line.strip_prefix(' ').unwrap_or(line).trim_end());
        }
    }
}
