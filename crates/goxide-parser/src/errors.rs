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
            let span = Span::new(
                parsed.map.to_original(n.start_byte()),
                parsed.map.to_original(n.end_byte()),
            );
            out.push(Diagnostic::error(source, span, message(parsed, n)));
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

fn message(parsed: &Parsed, n: Node) -> String {
    if n.is_missing() {
        let what = n.kind();
        return if n.is_named() {
            format!("syntax error: missing {}", what.replace('_', " "))
        } else {
            format!("syntax error: missing `{what}`")
        };
    }
    // An ERROR node: name its first token.
    let mut first = n;
    while let Some(k) = first.child(0) {
        first = k;
    }
    let text = parsed
        .text
        .get(first.start_byte()..first.end_byte())
        .unwrap_or("");
    let text = text.lines().next().unwrap_or("");
    if text.is_empty() {
        "syntax error: unexpected end of file".to_string()
    } else if first.kind() == "comment" {
        "syntax error: unexpected comment".to_string()
    } else {
        let shown: String = text.chars().take(40).collect();
        format!("syntax error: unexpected `{shown}`")
    }
}
