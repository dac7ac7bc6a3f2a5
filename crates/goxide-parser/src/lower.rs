//! The lowering context shared by the per-construct modules, and the file level.

use crate::comments::doc_before;
use crate::repair::Parsed;
use goxide_ast::ast::{Comment, Expr, ExprKind, File, IdGen, Ident, Stmt, StmtKind};
use goxide_ast::{Diagnostic, SourceFile, Span};
use tree_sitter::Node;

pub(crate) struct Lower<'a> {
    pub parsed: &'a Parsed,
    pub source: &'a SourceFile,
    pub ids: &'a mut IdGen,
    pub comments: &'a [Comment],
    pub diags: Vec<Diagnostic>,
    /// Current nesting of expressions, statements and blocks.
    pub depth: u32,
    /// Primary expressions being lowered whose leading `*`s were hoisted out of a conversion
    /// (see `Lower::ex`): (start byte of the expression, original offset after the `*`s).
    pub hoisted: Vec<(usize, u32)>,
}

/// Deepest nesting lowered; deeper input is reported and replaced by a Bad node.
pub(crate) const MAX_DEPTH: u32 = 20_000;

impl<'a> Lower<'a> {
    pub(crate) fn new(
        parsed: &'a Parsed,
        source: &'a SourceFile,
        ids: &'a mut IdGen,
        comments: &'a [Comment],
    ) -> Self {
        Lower {
            parsed,
            source,
            ids,
            comments,
            diags: Vec::new(),
            depth: 0,
            hoisted: Vec::new(),
        }
    }

    /// The node's span in the original text.
    pub(crate) fn span(&self, n: Node) -> Span {
        Span::new(
            self.parsed.map.to_original(n.start_byte()),
            self.parsed.map.to_original(n.end_byte()),
        )
    }

    /// The node's text (from the parsed text).
    pub(crate) fn text(&self, n: Node) -> &'a str {
        self.parsed
            .text
            .get(n.start_byte()..n.end_byte())
            .unwrap_or("")
    }

    /// Enters one nesting level; false (with a diagnostic) when too deep.
    pub(crate) fn enter(&mut self, n: Node) -> bool {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            let span = self.span(n);
            self.error(span, "syntax error: nesting too deep");
            return false;
        }
        true
    }

    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    pub(crate) fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags
            .push(Diagnostic::error(self.source, span, message));
    }

    pub(crate) fn ident(&mut self, n: Node) -> Ident {
        Ident {
            id: self.ids.fresh(),
            name: self.text(n).to_string(),
            span: self.span(n),
        }
    }

    pub(crate) fn expr(&mut self, span: Span, kind: ExprKind) -> Expr {
        Expr {
            id: self.ids.fresh(),
            span,
            kind,
        }
    }

    pub(crate) fn bad_expr(&mut self, span: Span) -> Expr {
        self.expr(span, ExprKind::Bad)
    }

    pub(crate) fn stmt(&mut self, span: Span, kind: StmtKind) -> Stmt {
        Stmt {
            id: self.ids.fresh(),
            span,
            kind,
        }
    }

    pub(crate) fn doc(&self, n: Node) -> Option<String> {
        doc_before(&self.source.text, self.comments, self.span(n).start)
    }

    /// Reports a node this lowering does not expect (ERROR nodes were reported already).
    pub(crate) fn unexpected(&mut self, n: Node, what: &str) {
        if n.is_error() || n.is_missing() || n.has_error() {
            return;
        }
        let span = self.span(n);
        self.error(
            span,
            format!(
                "syntax error: unexpected {} in {what}",
                n.kind().replace('_', " ")
            ),
        );
    }

    /// The whole file.
    pub(crate) fn file(&mut self, root: Option<Node>, comments: Vec<Comment>) -> File {
        let whole = Span::new(0, self.source.text.len() as u32);
        let mut file = File {
            path: self.source.path.clone(),
            package: Ident {
                id: self.ids.fresh(),
                name: String::new(),
                span: Span::new(0, 0),
            },
            doc: None,
            build_constraint: None,
            imports: Vec::new(),
            decls: Vec::new(),
            comments,
            span: whole,
        };
        let Some(root) = root else {
            self.error(
                Span::new(0, 0),
                "syntax error: the file could not be parsed",
            );
            return file;
        };
        let mut saw_package = false;
        for child in named_children(root) {
            match child.kind() {
                "package_clause" => {
                    if saw_package {
                        let span = self.span(child);
                        self.error(span, "syntax error: unexpected package clause");
                        continue;
                    }
                    saw_package = true;
                    file.doc = self.doc(child);
                    if let Some(name) = named_children(child).into_iter().next() {
                        file.package = self.ident(name);
                    }
                    let pkg_start = self.span(child).start;
                    file.build_constraint = file
                        .comments
                        .iter()
                        .take_while(|c| c.span.start < pkg_start)
                        .find_map(|c| c.text.strip_prefix("//go:build "))
                        .map(|s| s.trim().to_string());
                }
                "import_declaration" => self.imports(child, &mut file.imports),
                "function_declaration"
                | "method_declaration"
                | "const_declaration"
                | "var_declaration"
                | "type_declaration" => {
                    if let Some(d) = self.decl(child) {
                        file.decls.push(d);
                    }
                }
                "ERROR" => {}
                _ => {
                    let span = self.span(child);
                    if !child.has_error() {
                        self.error(
                            span,
                            "syntax error: non-declaration statement outside function body",
                        );
                    }
                }
            }
        }
        if !saw_package {
            let first = named_children(root).into_iter().next();
            let span = first.map_or(Span::new(0, 0), |n| {
                let s = self.span(n);
                Span::new(s.start, s.start)
            });
            self.error(span, "syntax error: package statement must be first");
        }
        file
    }
}

/// Named children, comments excluded.
pub(crate) fn named_children(n: Node) -> Vec<Node> {
    let mut c = n.walk();
    n.named_children(&mut c)
        .filter(|k| k.kind() != "comment")
        .collect()
}

/// All children (named or not), comments excluded.
pub(crate) fn all_children(n: Node) -> Vec<Node> {
    let mut c = n.walk();
    n.children(&mut c)
        .filter(|k| k.kind() != "comment")
        .collect()
}

/// Children of a field.
pub(crate) fn field_children<'t>(n: Node<'t>, field: &str) -> Vec<Node<'t>> {
    let mut c = n.walk();
    n.children_by_field_name(field, &mut c)
        .filter(|k| k.is_named() && k.kind() != "comment")
        .collect()
}

/// Named children that are not the value of any field.
pub(crate) fn unfielded_children(n: Node) -> Vec<Node> {
    let mut out = Vec::new();
    let mut c = n.walk();
    if c.goto_first_child() {
        loop {
            let k = c.node();
            if c.field_name().is_none() && k.is_named() && k.kind() != "comment" {
                out.push(k);
            }
            if !c.goto_next_sibling() {
                break;
            }
        }
    }
    out
}

/// True when `n` has an anonymous child token `tok`.
pub(crate) fn has_token(n: Node, tok: &str) -> bool {
    let mut c = n.walk();
    let found = n.children(&mut c).any(|k| !k.is_named() && k.kind() == tok);
    found
}
