//! `goxide-ast` owns the Go syntax tree ([`ast`]), byte spans, line/column mapping
//! ([`SourceFile`]) and the [`Diagnostic`] type that every layer reports through.
//!
//! It is the foundation layer: it depends on no other goxide crate, and never on tree-sitter,
//! syn or anything that parses or prints.

pub mod ast;
mod diag;
mod source;
pub mod visit;
pub mod visit_mut;

pub use diag::{Diagnostic, Severity};
pub use source::{LineCol, SourceFile, Span};
