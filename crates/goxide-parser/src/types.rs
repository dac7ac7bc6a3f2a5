//! Type expressions: arrays, slices, maps, channels, pointers, functions, structs, interfaces,
//! qualified and generic types, constraint unions.

use crate::lower::{all_children, field_children, has_token, named_children, Lower, NodeExt};
use goxide_ast::ast::{
    ChanDir, Expr, ExprKind, Field, InterfaceElem, InterfaceType, StructType, TypeTerm,
};
use tree_sitter::Node;

impl Lower<'_> {
    /// A type (types are expressions).
    pub(crate) fn ty(&mut self, n: Node) -> Expr {
        self.ex(n)
    }

    /// The type in field `field` of `n`, or a Bad expression when absent.
    pub(crate) fn ty_field(&mut self, n: Node, field: &str) -> Expr {
        match n.child_field(field) {
            Some(t) => self.ty(t),
            None => {
                let span = self.span(n);
                self.bad_expr(span)
            }
        }
    }

    /// Lowers type-only node kinds; `None` when `n` is not one of them.
    pub(crate) fn type_kind(&mut self, n: Node) -> Option<ExprKind> {
        let kind = match n.kind_str() {
            "array_type" => {
                let len = n.child_field("length").map(|l| Box::new(self.ex(l)));
                let elem = Box::new(self.ty_field(n, "element"));
                ExprKind::ArrayType { len, elem }
            }
            "implicit_length_array_type" => ExprKind::ArrayType {
                len: None,
                elem: Box::new(self.ty_field(n, "element")),
            },
            "slice_type" => ExprKind::SliceType(Box::new(self.ty_field(n, "element"))),
            "map_type" => ExprKind::MapType {
                key: Box::new(self.ty_field(n, "key")),
                value: Box::new(self.ty_field(n, "value")),
            },
            "channel_type" => {
                let toks: Vec<&str> = all_children(n)
                    .iter()
                    .filter(|k| !k.is_named())
                    .map(|k| k.kind_str())
                    .collect();
                let dir = match toks.as_slice() {
                    ["<-", ..] => ChanDir::Recv,
                    ["chan", "<-", ..] => ChanDir::Send,
                    _ => ChanDir::Both,
                };
                ExprKind::ChanType {
                    dir,
                    elem: Box::new(self.ty_field(n, "value")),
                }
            }
            "pointer_type" => {
                let inner = named_children(n).into_iter().next();
                ExprKind::Star(Box::new(self.opt_ex(inner, n)))
            }
            "function_type" => ExprKind::FuncType(self.signature(n)),
            "struct_type" => ExprKind::StructType(self.struct_type(n)),
            "interface_type" => ExprKind::InterfaceType(self.interface_type(n)),
            "qualified_type" => {
                let pkg = match n.child_field("package") {
                    Some(p) => self.ex(p),
                    None => {
                        let span = self.span(n);
                        self.bad_expr(span)
                    }
                };
                let sel = match n.child_field("name") {
                    Some(k) => self.ident(k),
                    None => goxide_ast::ast::Ident {
                        id: self.ids.fresh(),
                        name: String::new(),
                        span: self.span(n),
                    },
                };
                ExprKind::Selector {
                    x: Box::new(pkg),
                    sel,
                }
            }
            "generic_type" => {
                let x = Box::new(self.ty_field(n, "type"));
                let indices = match n.child_field("type_arguments") {
                    Some(a) => self.type_args(a),
                    None => Vec::new(),
                };
                ExprKind::Index { x, indices }
            }
            "negated_type" => {
                let inner = named_children(n).into_iter().next();
                let ty = self.opt_ex(inner, n);
                ExprKind::Union(vec![TypeTerm { tilde: true, ty }])
            }
            "parenthesized_type" => {
                let inner = named_children(n).into_iter().next();
                ExprKind::Paren(Box::new(self.opt_ex(inner, n)))
            }
            "type_elem" | "type_constraint" => return Some(self.type_elem(n).kind),
            _ => return None,
        };
        Some(kind)
    }

    /// `[A, B]` type arguments.
    pub(crate) fn type_args(&mut self, n: Node) -> Vec<Expr> {
        named_children(n)
            .into_iter()
            .map(|k| self.type_elem(k))
            .collect()
    }

    /// A type element (`T`, `~T`, `A | ~B`): a single plain type lowers to that type, anything
    /// else to a union.
    pub(crate) fn type_elem(&mut self, n: Node) -> Expr {
        if !matches!(n.kind_str(), "type_elem" | "type_constraint") {
            return self.ty(n);
        }
        let kids = named_children(n);
        if let [single] = kids.as_slice() {
            if single.kind_str() != "negated_type" {
                return self.ty(*single);
            }
        }
        let mut terms = Vec::new();
        for k in kids {
            if k.kind_str() == "negated_type" {
                let inner = named_children(k).into_iter().next();
                let ty = self.opt_ex(inner, k);
                terms.push(TypeTerm { tilde: true, ty });
            } else {
                let ty = self.ty(k);
                terms.push(TypeTerm { tilde: false, ty });
            }
        }
        let span = self.span(n);
        self.expr(span, ExprKind::Union(terms))
    }

    fn struct_type(&mut self, n: Node) -> StructType {
        let mut fields = Vec::new();
        let list = named_children(n)
            .into_iter()
            .find(|k| k.kind_str() == "field_declaration_list");
        for f in list.map(named_children).unwrap_or_default() {
            if f.kind_str() != "field_declaration" {
                self.unexpected(f, "struct type");
                continue;
            }
            let names: Vec<_> = field_children(f, "name")
                .into_iter()
                .map(|k| self.ident(k))
                .collect();
            let mut ty = self.ty_field(f, "type");
            if names.is_empty() && has_token(f, "*") {
                let span = goxide_ast::Span::new(self.span(f).start, ty.span.end);
                ty = self.expr(span, ExprKind::Star(Box::new(ty)));
            }
            let tag = match f.child_field("tag") {
                Some(t) => match crate::lit::unquote(self.text(t)) {
                    Some(s) => Some(s),
                    None => {
                        let span = self.span(t);
                        self.error(span, "syntax error: invalid struct tag literal");
                        None
                    }
                },
                None => None,
            };
            fields.push(Field {
                names,
                ty,
                tag,
                span: self.span(f),
                doc: self.doc(f),
            });
        }
        StructType {
            fields,
            span: self.span(n),
        }
    }

    fn interface_type(&mut self, n: Node) -> InterfaceType {
        let mut elems = Vec::new();
        for e in named_children(n) {
            match e.kind_str() {
                "method_elem" => {
                    let name = match e.child_field("name") {
                        Some(k) => self.ident(k),
                        None => goxide_ast::ast::Ident {
                            id: self.ids.fresh(),
                            name: String::new(),
                            span: self.span(e),
                        },
                    };
                    let sig = self.signature(e);
                    let doc = self.doc(e);
                    elems.push(InterfaceElem::Method { name, sig, doc });
                }
                "type_elem" => {
                    let t = self.type_elem(e);
                    elems.push(InterfaceElem::Embed(t));
                }
                _ => self.unexpected(e, "interface type"),
            }
        }
        InterfaceType {
            elems,
            span: self.span(n),
        }
    }
}
