//! `goxide-parser` owns the first step of goxide's pipeline: it parses one Go source file with
//! tree-sitter-go and lowers the concrete syntax tree into goxide's owned, spanned Go AST
//! ([`goxide_ast::ast`]).
//!
//! It also owns syntax diagnostics: every ERROR and MISSING node of the tree, and the few
//! constructs the grammar accepts but Go rejects, become [`Diagnostic`]s; the erroneous parts
//! become `ExprKind::Bad` / `StmtKind::Bad`. Where tree-sitter-go rejects valid Go, the input
//! text is repaired ([`repair`]) before parsing, keeping spans in terms of the original text.
//!
//! This crate must never depend on goxide-types, syn, or anything downstream of the AST.

mod comments;
mod decl;
mod errors;
mod expr;
mod lit;
mod lower;
mod repair;
mod repair_rules;
mod stmt;
mod types;

use goxide_ast::ast::{File, IdGen};
use goxide_ast::{Diagnostic, SourceFile};

pub use lit::unquote;

/// Parses one Go file into the owned AST. Never fails and never panics: syntax errors become
/// diagnostics (`Severity::Error`) with file:line:col and a snippet, and the erroneous parts
/// become `ExprKind::Bad` / `StmtKind::Bad` (or are skipped); the rest of the file is lowered.
pub fn parse_file(path: &str, text: &str, ids: &mut IdGen) -> (File, Vec<Diagnostic>) {
    let source = SourceFile::new(path, text);
    let parsed = repair::parse_repaired(text);
    let comments = comments::collect(&parsed, &source);
    lower_file(&parsed, &source, comments, ids)
}

fn lower_file(
    parsed: &repair::Parsed,
    source: &SourceFile,
    comments: Vec<goxide_ast::ast::Comment>,
    ids: &mut IdGen,
) -> (File, Vec<Diagnostic>) {
    let mut diags = errors::syntax_errors(parsed, source);
    let mut lower = lower::Lower::new(parsed, source, ids, &comments);
    let mut file = lower.file(parsed.tree.as_ref().map(|t| t.root_node()));
    diags.append(&mut lower.diags);
    file.comments = comments;
    diags.sort_by_key(|d| (d.span.start, d.span.end));
    diags.dedup_by(|a, b| a.span.start == b.span.start && a.message == b.message);
    (file, diags)
}
