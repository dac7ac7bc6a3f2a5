//! Expressions: operands, literals, selectors, indexing, slicing, calls and conversions,
//! type assertions, unary and binary operators, composite and function literals.

use crate::lower::{all_children, named_children, unfielded_children, Lower, NodeExt};
use goxide_ast::ast::{BasicLit, BinaryOp, Element, Expr, ExprKind, LitKind, UnaryOp};
use tree_sitter::Node;

impl Lower<'_> {
    /// Any expression or type.
    pub(crate) fn ex(&mut self, n: Node) -> Expr {
        let mut span = self.span(n);
        if !self.enter(n) {
            return self.bad_expr(span);
        }
        if let Some((stars, inner)) = self.hoistable_stars(n) {
            // `*(*T)(x)`, `*(*[2]int)(p)[0]`: tree-sitter-go reads a conversion to the type
            // `*(*T)` (and postfix operators on it), but Go has no such conversion: a leading
            // `*` always dereferences the whole primary expression.
            let inner = self.span(inner).start;
            self.hoisted.push((n.start_byte(), inner));
            let kind = self.nested(|l| l.ex_kind(n));
            self.hoisted.pop();
            self.leave();
            let mut e = self.expr(goxide_ast::Span::new(inner, span.end), kind);
            for star in stars.into_iter().rev() {
                let start = self.span(star).start;
                e = self.expr(
                    goxide_ast::Span::new(start, span.end),
                    ExprKind::Star(Box::new(e)),
                );
            }
            return e;
        }
        if let Some(&(_, inner)) = self.hoisted_at(n) {
            span.start = inner;
        }
        let kind = self.nested(|l| l.ex_kind(n));
        self.leave();
        self.expr(span, kind)
    }

    /// The innermost hoisting entry when `n` is part of the primary expression it covers.
    fn hoisted_at(&self, n: Node) -> Option<&(usize, u32)> {
        self.hoisted.last().filter(|h| h.0 == n.start_byte())
    }

    /// For a conversion whose type tree-sitter-go read as a pointer type (`*(*T)(x)`: type
    /// `*(*T)`), or a chain of selectors, indexes, slices, assertions and calls on one: the
    /// `pointer_type` nodes to hoist (outermost first) and the type under them.
    fn hoistable_stars<'t>(&self, n: Node<'t>) -> Option<(Vec<Node<'t>>, Node<'t>)> {
        if self.parsed.text.as_bytes().get(n.start_byte()) != Some(&b'*')
            || self.hoisted_at(n).is_some()
        {
            return None;
        }
        let mut base = n;
        loop {
            let field = match base.kind_str() {
                "selector_expression"
                | "index_expression"
                | "slice_expression"
                | "type_assertion_expression" => "operand",
                "call_expression" => "function",
                "type_conversion_expression" => break,
                _ => return None,
            };
            base = base.child_field(field)?;
        }
        let mut stars = Vec::new();
        let mut ty = base.child_field("type")?;
        while ty.kind_str() == "pointer_type" {
            stars.push(ty);
            ty = named_children(ty).into_iter().next()?;
        }
        (!stars.is_empty()).then_some((stars, ty))
    }

    /// `n` if present, else a Bad expression spanning `parent`.
    pub(crate) fn opt_ex(&mut self, n: Option<Node>, parent: Node) -> Expr {
        match n {
            Some(n) => self.ex(n),
            None => {
                let span = self.span(parent);
                self.bad_expr(span)
            }
        }
    }

    fn field_ex(&mut self, n: Node, field: &str) -> Expr {
        let k = n.child_field(field);
        self.opt_ex(k, n)
    }

    pub(crate) fn expr_list(&mut self, n: Node) -> Vec<Expr> {
        if n.kind_str() != "expression_list" {
            return vec![self.ex(n)];
        }
        named_children(n).into_iter().map(|k| self.ex(k)).collect()
    }

    fn lit(&mut self, n: Node, kind: LitKind) -> ExprKind {
        ExprKind::BasicLit(BasicLit {
            kind,
            raw: self.text(n).to_string(),
        })
    }

    fn ex_kind(&mut self, n: Node) -> ExprKind {
        if let Some(lit) = self.parsed.map.substitute_at(n.start_byte()) {
            if matches!(
                n.kind_str(),
                "identifier" | "type_identifier" | "package_identifier"
            ) {
                let start = self.span(n).start;
                return self.substituted_type(lit, start);
            }
        }
        match n.kind_str() {
            "identifier" | "type_identifier" | "field_identifier" | "package_identifier"
            | "true" | "false" | "nil" | "iota" | "blank_identifier" | "label_name" => {
                ExprKind::Ident(self.text(n).to_string())
            }
            "int_literal" => self.lit(n, LitKind::Int),
            "float_literal" => self.lit(n, LitKind::Float),
            "imaginary_literal" => self.lit(n, LitKind::Imag),
            "rune_literal" => self.lit(n, LitKind::Rune),
            "interpreted_string_literal" | "raw_string_literal" => self.lit(n, LitKind::String),
            "parenthesized_expression" => {
                let inner = named_children(n).into_iter().next();
                ExprKind::Paren(Box::new(self.opt_ex(inner, n)))
            }
            "selector_expression" => {
                let x = Box::new(self.field_ex(n, "operand"));
                let sel = match n.child_field("field") {
                    Some(f) => self.ident(f),
                    None => goxide_ast::ast::Ident {
                        id: self.ids.fresh(),
                        name: String::new(),
                        span: self.span(n),
                    },
                };
                ExprKind::Selector { x, sel }
            }
            "index_expression" => {
                let x = Box::new(self.field_ex(n, "operand"));
                let index = self.field_ex(n, "index");
                ExprKind::Index {
                    x,
                    indices: vec![index],
                }
            }
            "type_instantiation_expression" => {
                let x = Box::new(self.field_ex(n, "type"));
                let indices = unfielded_children(n)
                    .into_iter()
                    .map(|k| self.type_elem(k))
                    .collect();
                ExprKind::Index { x, indices }
            }
            "slice_expression" => {
                let x = Box::new(self.field_ex(n, "operand"));
                let lo = n.child_field("start").map(|k| Box::new(self.ex(k)));
                let hi = n.child_field("end").map(|k| Box::new(self.ex(k)));
                let max = n.child_field("capacity").map(|k| Box::new(self.ex(k)));
                let colons = all_children(n)
                    .iter()
                    .filter(|k| !k.is_named() && k.kind_str() == ":")
                    .count();
                ExprKind::Slice {
                    x,
                    lo,
                    hi,
                    max,
                    three: colons >= 2,
                }
            }
            "type_assertion_expression" => {
                let x = Box::new(self.field_ex(n, "operand"));
                let ty = Some(Box::new(self.ty_field(n, "type")));
                ExprKind::TypeAssert { x, ty }
            }
            "call_expression" => self.call(n),
            "type_conversion_expression" => {
                let mut ty = n.child_field("type");
                if self.hoisted_at(n).is_some() {
                    // The `*`s were hoisted by `ex`: convert to the type under them.
                    while let Some(t) = ty.filter(|t| t.kind_str() == "pointer_type") {
                        ty = named_children(t).into_iter().next();
                    }
                }
                let func = Box::new(self.opt_ex(ty, n));
                let arg = self.field_ex(n, "operand");
                ExprKind::Call {
                    func,
                    args: vec![arg],
                    ellipsis: false,
                }
            }
            "unary_expression" => {
                let x = Box::new(self.field_ex(n, "operand"));
                let op = n
                    .child_field("operator")
                    .map(|o| o.kind_str())
                    .unwrap_or("");
                match op {
                    "*" => ExprKind::Star(x),
                    "+" => ExprKind::Unary {
                        op: UnaryOp::Pos,
                        x,
                    },
                    "-" => ExprKind::Unary {
                        op: UnaryOp::Neg,
                        x,
                    },
                    "!" => ExprKind::Unary {
                        op: UnaryOp::Not,
                        x,
                    },
                    "^" => ExprKind::Unary {
                        op: UnaryOp::BitNot,
                        x,
                    },
                    "&" => ExprKind::Unary {
                        op: UnaryOp::Addr,
                        x,
                    },
                    "<-" => ExprKind::Unary {
                        op: UnaryOp::Recv,
                        x,
                    },
                    _ => {
                        self.unexpected(n, "unary expression");
                        ExprKind::Bad
                    }
                }
            }
            "binary_expression" => {
                let x = Box::new(self.field_ex(n, "left"));
                let y = Box::new(self.field_ex(n, "right"));
                let op = n
                    .child_field("operator")
                    .map(|o| o.kind_str())
                    .unwrap_or("");
                match binary_op(op) {
                    Some(op) => ExprKind::Binary { op, x, y },
                    None => {
                        self.unexpected(n, "binary expression");
                        ExprKind::Bad
                    }
                }
            }
            "composite_literal" => {
                let ty = n.child_field("type").map(|t| Box::new(self.ty(t)));
                let elems = match n.child_field("body") {
                    Some(b) => self.literal_value(b),
                    None => Vec::new(),
                };
                ExprKind::CompositeLit { ty, elems }
            }
            "literal_value" => ExprKind::CompositeLit {
                ty: None,
                elems: self.literal_value(n),
            },
            "literal_element" => {
                let inner = named_children(n).into_iter().next();
                self.opt_ex(inner, n).kind
            }
            "func_literal" => {
                let sig = self.signature(n);
                let body = match n.child_field("body") {
                    Some(b) => self.block(b),
                    None => goxide_ast::ast::Block {
                        stmts: Vec::new(),
                        span: self.span(n),
                    },
                };
                ExprKind::FuncLit { sig, body }
            }
            "ERROR" => ExprKind::Bad,
            _ => match self.type_kind(n) {
                Some(k) => k,
                None => {
                    self.unexpected(n, "expression");
                    ExprKind::Bad
                }
            },
        }
    }

    /// Lowers a type literal that a repair replaced by an identifier: the literal is parsed as
    /// `type _ = LITERAL` and lowered with spans shifted back to `start`.
    fn substituted_type(&mut self, lit: &str, start: u32) -> ExprKind {
        const PREFIX: &str = "package p\ntype _ = ";
        let text = format!("{PREFIX}{lit}\n");
        let tree = crate::repair::new_parser().and_then(|mut p| p.parse(&text, None));
        let mut map = crate::repair::OffsetMap::default();
        map.base = i64::from(start) - PREFIX.len() as i64;
        let parsed = crate::repair::Parsed { text, map, tree };
        let Some(tree) = parsed.tree.as_ref() else {
            return ExprKind::Bad;
        };
        let ty = find_kind(tree.root_node(), "type_alias").and_then(|a| a.child_field("type"));
        let (Some(ty), false) = (ty, tree.root_node().has_error()) else {
            let span = goxide_ast::Span::new(start, start + lit.len() as u32);
            self.error(span, "syntax error: invalid type literal");
            return ExprKind::Bad;
        };
        let mut sub = Lower::new(&parsed, self.source, &mut *self.ids, self.comments);
        sub.depth = self.depth;
        sub.big_stack = self.big_stack;
        let e = sub.ty(ty);
        self.diags.append(&mut sub.diags);
        e.kind
    }

    fn call(&mut self, n: Node) -> ExprKind {
        let mut func = self.field_ex(n, "function");
        if let Some(targs) = n.child_field("type_arguments") {
            let indices = self.type_args(targs);
            let span = goxide_ast::Span::new(func.span.start, self.span(targs).end);
            func = self.expr(
                span,
                ExprKind::Index {
                    x: Box::new(func),
                    indices,
                },
            );
        }
        let mut args = Vec::new();
        let mut ellipsis = false;
        if let Some(list) = n.child_field("arguments") {
            for a in named_children(list) {
                if a.kind_str() == "variadic_argument" {
                    ellipsis = true;
                    let inner = named_children(a).into_iter().next();
                    args.push(self.opt_ex(inner, a));
                } else {
                    args.push(self.ex(a));
                }
            }
        }
        ExprKind::Call {
            func: Box::new(func),
            args,
            ellipsis,
        }
    }

    fn literal_value(&mut self, n: Node) -> Vec<Element> {
        let mut out = Vec::new();
        for e in named_children(n) {
            let span = self.span(e);
            match e.kind_str() {
                "keyed_element" => {
                    let key = self.field_ex(e, "key");
                    let value = self.field_ex(e, "value");
                    out.push(Element {
                        key: Some(key),
                        value,
                        span,
                    });
                }
                "literal_element" => {
                    let value = self.ex(e);
                    out.push(Element {
                        key: None,
                        value,
                        span,
                    });
                }
                _ => {
                    self.unexpected(e, "composite literal");
                }
            }
        }
        out
    }
}

/// The first node of kind `kind` in pre-order.
fn find_kind<'t>(n: Node<'t>, kind: &str) -> Option<Node<'t>> {
    if n.kind_str() == kind {
        return Some(n);
    }
    named_children(n)
        .into_iter()
        .find_map(|k| find_kind(k, kind))
}

pub(crate) fn binary_op(op: &str) -> Option<BinaryOp> {
    use BinaryOp::*;
    Some(match op {
        "+" => Add,
        "-" => Sub,
        "*" => Mul,
        "/" => Div,
        "%" => Rem,
        "&" => And,
        "|" => Or,
        "^" => Xor,
        "<<" => Shl,
        ">>" => Shr,
        "&^" => AndNot,
        "&&" => LogAnd,
        "||" => LogOr,
        "==" => Eq,
        "!=" => Ne,
        "<" => Lt,
        "<=" => Le,
        ">" => Gt,
        ">=" => Ge,
        _ => return None,
    })
}
