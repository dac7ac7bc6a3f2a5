//! Diagnostics: a message at a place in a file, rendered as `file:line:col: message` with a
//! snippet of the offending line.

use crate::{SourceFile, Span};
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path of the file, as the caller named it.
    pub file: String,
    pub span: Span,
    pub line: u32,
    pub col: u32,
    pub message: String,
    /// The source line the diagnostic points at, with a caret line under it.
    pub snippet: String,
}

impl Diagnostic {
    pub fn error(file: &SourceFile, span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, file, span, message)
    }

    pub fn new(
        severity: Severity,
        file: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        let lc = file.line_col(span.start.min(file.text.len() as u32));
        let line = file.line_text(lc.line);
        let width = if span.end > span.start {
            let rest = line.len().saturating_sub(lc.col as usize - 1);
            ((span.end - span.start) as usize).clamp(1, rest.max(1))
        } else {
            1
        };
        let pad: String = line
            .bytes()
            .take(lc.col as usize - 1)
            .map(|b| if b == b'\t' { '\t' } else { ' ' })
            .collect();
        let snippet = format!("    {line}\n    {pad}{}", "^".repeat(width));
        Diagnostic {
            severity,
            file: file.path.clone(),
            span,
            line: lc.line,
            col: lc.col,
            message: message.into(),
            snippet,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: message`, then the snippet.
    pub fn render(&self) -> String {
        format!(
            "{}:{}:{}: {}\n{}",
            self.file, self.line, self.col, self.message, self.snippet
        )
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_and_snippet() {
        let f = SourceFile::new("x.go", "package x\nfunc f( {\n");
        let d = Diagnostic::error(&f, Span::new(18, 19), "unexpected {");
        assert_eq!(
            d.render(),
            "x.go:2:9: unexpected {\n    func f( {\n            ^"
        );
    }
}
