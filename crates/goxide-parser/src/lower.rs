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
    /// Lowering runs on a thread of its own with a [`BIG_STACK`] (see [`Lower::nested`]).
    pub big_stack: bool,
    /// Deepest nesting reached.
    pub max_depth: u32,
}

/// Deepest nesting lowered; deeper input is reported and replaced by a Bad node.
pub(crate) const MAX_DEPTH: u32 = 20_000;

/// Nesting lowered on the caller's stack (the standard library's deepest hand-written code
/// nests 35 levels); deeper nodes move to a thread with a [`BIG_STACK`].
pub(crate) const CALLER_STACK_DEPTH: u32 = 48;

/// Stack of the thread that lowers deeply nested nodes (reserved, committed only as used):
/// enough for [`MAX_DEPTH`] levels.
const BIG_STACK: usize = 1 << 29;

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
            big_stack: false,
            max_depth: 0,
        }
    }

    /// Runs `f`, which lowers a node at nesting `self.depth`: directly, or on a thread with a
    /// big stack when the node is nested deeper than the caller's stack may allow (lowering
    /// recurses along the tree, and generated code nests operator chains thousands deep).
    pub(crate) fn nested<R: Send>(&mut self, f: impl FnOnce(&mut Self) -> R + Send) -> R {
        if self.big_stack || self.depth < CALLER_STACK_DEPTH {
            return f(self);
        }
        let mut f = Some(f);
        let done = std::thread::scope(|s| {
            let (slot, this) = (&mut f, &mut *self);
            let spawned = std::thread::Builder::new()
                .stack_size(BIG_STACK)
                .spawn_scoped(s, move || {
                    let f = slot.take()?;
                    this.big_stack = true;
                    let r = f(this);
                    this.big_stack = false;
                    Some(r)
                });
            match spawned {
                Ok(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
                Err(_) => None,
            }
        });
        match (done, f) {
            (Some(r), _) => r,
            // No thread could be started: lower on the caller's stack after all.
            (None, Some(f)) => f(self),
            (None, None) => unreachable!("the lowering thread ran `f`"),
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
        self.max_depth = self.max_depth.max(self.depth);
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
                n.kind_str().replace('_', " ")
            ),
        );
    }

    /// The whole file.
    pub(crate) fn file(&mut self, root: Option<Node>) -> File {
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
            comments: Vec::new(),
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
            match child.kind_str() {
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
                    file.build_constraint = self
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

/// The grammar's node kind names and field ids, looked up once: `Node::kind` measures and
/// UTF-8-checks a C string on every call, and `Node::child_by_field_name` compares the name
/// with every field name of the grammar.
struct Grammar {
    /// Kind names by (public) symbol id, as `Node::kind` names them.
    kinds: Vec<&'static str>,
    /// Field ids by name.
    fields: std::collections::HashMap<&'static str, std::num::NonZeroU16>,
    /// Symbol id of `comment` nodes.
    comment: u16,
}

fn grammar() -> &'static Grammar {
    static LANGUAGE: std::sync::OnceLock<tree_sitter::Language> = std::sync::OnceLock::new();
    static GRAMMAR: std::sync::OnceLock<Grammar> = std::sync::OnceLock::new();
    GRAMMAR.get_or_init(|| {
        let lang: &'static tree_sitter::Language =
            LANGUAGE.get_or_init(|| tree_sitter_go::LANGUAGE.into());
        let kinds = (0..lang.node_kind_count())
            .map(|id| lang.node_kind_for_id(id as u16).unwrap_or(""))
            .collect();
        let fields = (1..=lang.field_count())
            .filter_map(|id| {
                let name = lang.field_name_for_id(id as u16)?;
                Some((name, std::num::NonZeroU16::new(id as u16)?))
            })
            .collect();
        let comment = lang.id_for_node_kind("comment", true);
        Grammar {
            kinds,
            fields,
            comment,
        }
    })
}

/// Faster equivalents of `Node::kind` and `Node::child_by_field_name`.
pub(crate) trait NodeExt<'t> {
    /// The node's kind, as [`Node::kind`].
    fn kind_str(&self) -> &'t str;
    /// The first child in field `name`, as [`Node::child_by_field_name`].
    fn child_field(&self, name: &str) -> Option<Node<'t>>;
    /// Whether the node is a comment.
    fn is_comment(&self) -> bool;
}

impl<'t> NodeExt<'t> for Node<'t> {
    #[inline]
    fn kind_str(&self) -> &'t str {
        match grammar().kinds.get(self.kind_id() as usize) {
            Some(k) if !k.is_empty() => k,
            // ERROR nodes (and anything unexpected) take the slow path.
            _ => self.kind(),
        }
    }

    #[inline]
    fn child_field(&self, name: &str) -> Option<Node<'t>> {
        match grammar().fields.get(name) {
            Some(id) => self.child_by_field_id(id.get()),
            None => self.child_by_field_name(name),
        }
    }

    #[inline]
    fn is_comment(&self) -> bool {
        self.kind_id() == grammar().comment
    }
}

/// Named children, comments excluded.
pub(crate) fn named_children(n: Node) -> Vec<Node> {
    let mut c = n.walk();
    n.named_children(&mut c)
        .filter(|k| !k.is_comment())
        .collect()
}

/// All children (named or not), comments excluded.
pub(crate) fn all_children(n: Node) -> Vec<Node> {
    let mut c = n.walk();
    n.children(&mut c).filter(|k| !k.is_comment()).collect()
}

/// Children of a field.
pub(crate) fn field_children<'t>(n: Node<'t>, field: &str) -> Vec<Node<'t>> {
    let mut c = n.walk();
    match grammar().fields.get(field) {
        Some(id) => n
            .children_by_field_id(*id, &mut c)
            .filter(|k| k.is_named() && !k.is_comment())
            .collect(),
        None => n
            .children_by_field_name(field, &mut c)
            .filter(|k| k.is_named() && !k.is_comment())
            .collect(),
    }
}

/// Named children that are not the value of any field.
pub(crate) fn unfielded_children(n: Node) -> Vec<Node> {
    let mut out = Vec::new();
    let mut c = n.walk();
    if c.goto_first_child() {
        loop {
            let k = c.node();
            if c.field_id().is_none() && k.is_named() && !k.is_comment() {
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
    let found = n
        .children(&mut c)
        .any(|k| !k.is_named() && k.kind_str() == tok);
    found
}

#[cfg(test)]
mod tests {
    use super::NodeExt;
    use tree_sitter::Node;

    const SRC: &str = r#"package p

// A comment.
import (
	"fmt"
	m "math"
)

type T[K comparable, V any] struct {
	a, b int `tag`
	*T[K, V]
	f func(x ...int) (int, error)
}

func (t *T[K, V]) M(ch <-chan int, c chan<- int) (r int) {
	defer func() { recover() }()
	for i := 0; i < 3; i++ {
		switch x := interface{}(i).(type) {
		case int:
			_ = x
		}
	}
	select {
	case v := <-ch:
		c <- v /* inline */
	default:
	}
	s := []int{1, 2, 3}[1:2:3]
	_ = map[string]T[int, int]{"a": {}}
	fmt.Println(m.Pi, -s[0], !true, &r, *&r, 1<<2&^3)
	goto L
L:
	return len(s)
}
"#;

    fn visit(n: Node, f: &mut dyn FnMut(Node)) {
        f(n);
        let mut c = n.walk();
        for k in n.children(&mut c) {
            visit(k, f);
        }
    }

    #[test]
    fn fast_kinds_and_fields_match_tree_sitter() {
        let mut parser = crate::repair::new_parser().expect("parser");
        let broken = format!("{SRC}\nfunc ( {{ x := }}\n");
        for src in [SRC, broken.as_str()] {
            let tree = parser.parse(src, None).expect("tree");
            let lang: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
            let fields: Vec<&str> = (1..=lang.field_count() as u16)
                .filter_map(|id| lang.field_name_for_id(id))
                .collect();
            let mut nodes = 0;
            visit(tree.root_node(), &mut |n| {
                nodes += 1;
                assert_eq!(n.kind_str(), n.kind());
                assert_eq!(n.is_comment(), n.kind() == "comment");
                for f in &fields {
                    assert_eq!(n.child_field(f), n.child_by_field_name(f), "{f}");
                }
            });
            assert!(nodes > 300);
        }
    }

    /// Lowers `src` as `parse_file` does; returns the deepest nesting reached.
    fn lower_depth(src: &str) -> u32 {
        let parsed = crate::repair::parse_repaired(src);
        let source = goxide_ast::SourceFile::new("x.go", src);
        let comments = crate::comments::collect(&parsed, &source);
        let mut ids = goxide_ast::ast::IdGen::new();
        let mut lower = super::Lower::new(&parsed, &source, &mut ids, &comments);
        lower.file(parsed.tree.as_ref().map(|t| t.root_node()));
        assert!(lower.diags.is_empty());
        lower.max_depth
    }

    #[test]
    fn nesting_beyond_the_caller_stack_moves_to_a_big_stack() {
        // Expressions and statements nested just below the limit are lowered on the caller's
        // stack: the default 2 MiB of a test thread (unoptimized) suffices for them; deeper
        // nesting (a long operator chain) is lowered on a thread of its own.
        let mut e = String::from("x");
        for _ in 0..15 {
            e = format!("f(({e}) + 1)");
        }
        let mut s = String::from("_ = x");
        for _ in 0..45 {
            s = format!("if x {{ {s} }} else {{ for {{ }} }}");
        }
        let chain = vec!["1"; 5_000].join(" + ");
        for (body, shallow) in [
            (format!("_ = {e}"), true),
            (s, true),
            (format!("_ = {chain}"), false),
        ] {
            let src = format!("package p\n\nfunc g() {{\n\t{body}\n}}\n");
            let depth = lower_depth(&src);
            let limit = super::CALLER_STACK_DEPTH;
            if shallow {
                assert!(depth < limit && depth + 4 >= limit, "{depth}");
            } else {
                assert!(depth > 4_000, "{depth}");
            }
            let h = std::thread::Builder::new()
                .stack_size(2 << 20)
                .spawn(move || {
                    let mut ids = goxide_ast::ast::IdGen::new();
                    let (_, diags) = crate::parse_file("x.go", &src, &mut ids);
                    diags.is_empty()
                })
                .expect("spawn");
            assert!(h.join().expect("no overflow"));
        }
    }
}
