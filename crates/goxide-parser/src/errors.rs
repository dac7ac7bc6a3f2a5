//! Syntax diagnostics for the ERROR and MISSING nodes of the tree.

use crate::repair::Parsed;
use goxide_ast::{Diagnostic, SourceFile, Span};
use tree_sitter::Node;

/// One diagnostic per ERROR or MISSING node, in source order.
pub(crate) fn syntax_errors(parsed: &Parsed, source: &SourceFile) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let Some(tree) = parsed.tree.as_ref() else {
        return out;
    };
    let mut stack = vec![tree.root_node()];
    while let Some(n) = stack.pop() {
        if n.is_missing() || n.is_error() {
            let (at, msg) = message(parsed, n);
            let span = Span::new(
                parsed.map.to_original(at.start_byte()),
                parsed.map.to_original(at.end_byte()),
            );
            out.push(Diagnostic::error(source, span, msg));
            continue;
        }
        if !n.has_error() {
            continue;
        }
        let mut c = n.walk();
        let kids: Vec<Node> = n.children(&mut c).collect();
        stack.extend(kids.into_iter().rev());
    }
    out
}

/// The node to point at and the message. An ERROR node names the token the parser tripped
/// on: its last token when that is punctuation (`x := )`), else its first token.
fn message<'t>(parsed: &Parsed, n: Node<'t>) -> (Node<'t>, String) {
    if n.is_missing() {
        let what = n.kind();
        let msg = if n.is_named() {
            format!("syntax error: missing {}", what.replace('_', " "))
        } else {
            format!("syntax error: missing `{what}`")
        };
        return (n, msg);
    }
    let mut first = n;
    while let Some(k) = first.child(0) {
        first = k;
    }
    let mut last = n;
    while let Some(k) = last.child(last.child_count().saturating_sub(1)) {
        last = k;
    }
    let punct = |k: Node| {
        let t = parsed.text.get(k.start_byte()..k.end_byte()).unwrap_or("");
        !t.is_empty()
            && t.bytes().all(|b| {
                b.is_ascii_punctuation() && b != b'_' && b != b'"' && b != b'`' && b != b'\''
            })
    };
    if last.id() != first.id() && punct(last) {
        first = last;
    }
    let text = parsed
        .text
        .get(first.start_byte()..first.end_byte())
        .unwrap_or("");
    let text = text.lines().next().unwrap_or("");
    let msg = if text.is_empty() {
        "syntax error: unexpected end of file".to_string()
    } else if first.kind() == "comment" {
        "syntax error: unexpected comment".to_string()
    } else {
        let shown: String = text.chars().take(40).collect();
        format!("syntax error: unexpected `{shown}`")
    };
    (first, msg)
}
