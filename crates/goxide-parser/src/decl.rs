//! Declarations: imports, `const`, `var`, `type`, functions and methods, parameter lists.

use crate::lower::{field_children, named_children, Lower, NodeExt};
use goxide_ast::ast::{
    ConstSpec, Decl, DeclKind, FuncDecl, FuncType, ImportSpec, ParamGroup, Receiver, TypeParam,
    TypeSpec, VarSpec,
};
use tree_sitter::Node;

impl Lower<'_> {
    pub(crate) fn imports(&mut self, n: Node, out: &mut Vec<ImportSpec>) {
        for child in named_children(n) {
            match child.kind_str() {
                "import_spec" => out.push(self.import_spec(child)),
                "import_spec_list" => {
                    for spec in named_children(child) {
                        if spec.kind_str() == "import_spec" {
                            out.push(self.import_spec(spec));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn import_spec(&mut self, n: Node) -> ImportSpec {
        let name = n.child_field("name").map(|k| self.ident(k));
        let path = match n.child_field("path") {
            Some(p) => {
                let raw = self.text(p);
                match crate::lit::unquote(raw) {
                    Some(s) => s,
                    None => {
                        let span = self.span(p);
                        self.error(span, "syntax error: invalid import path literal");
                        String::new()
                    }
                }
            }
            None => String::new(),
        };
        ImportSpec {
            name,
            path,
            span: self.span(n),
        }
    }

    /// A top-level or local declaration; `None` when it is not one.
    pub(crate) fn decl(&mut self, n: Node) -> Option<Decl> {
        let span = self.span(n);
        let doc = self.doc(n);
        let kind = match n.kind_str() {
            "function_declaration" | "method_declaration" => {
                DeclKind::Func(Box::new(self.func_decl(n)))
            }
            "const_declaration" => {
                let mut specs: Vec<ConstSpec> = Vec::new();
                for (i, spec) in named_children(n)
                    .into_iter()
                    .filter(|k| k.kind_str() == "const_spec")
                    .enumerate()
                {
                    specs.push(self.const_spec(spec, i as u32));
                }
                DeclKind::Const(specs)
            }
            "var_declaration" => {
                let mut specs = Vec::new();
                for child in named_children(n) {
                    match child.kind_str() {
                        "var_spec" => specs.push(self.var_spec(child)),
                        "var_spec_list" => {
                            for spec in named_children(child) {
                                if spec.kind_str() == "var_spec" {
                                    specs.push(self.var_spec(spec));
                                }
                            }
                        }
                        _ => {}
                    }
                }
                DeclKind::Var(specs)
            }
            "type_declaration" => {
                let mut specs = Vec::new();
                for child in named_children(n) {
                    if matches!(child.kind_str(), "type_spec" | "type_alias") {
                        specs.push(self.type_spec(child));
                    }
                }
                DeclKind::Type(specs)
            }
            _ => return None,
        };
        Some(Decl { kind, span, doc })
    }

    fn const_spec(&mut self, n: Node, iota: u32) -> ConstSpec {
        let names = field_children(n, "name")
            .into_iter()
            .map(|k| self.ident(k))
            .collect();
        let ty = n.child_field("type").map(|t| self.ty(t));
        let values = n
            .child_field("value")
            .map(|v| self.expr_list(v))
            .unwrap_or_default();
        ConstSpec {
            names,
            ty,
            values,
            iota,
            span: self.span(n),
            doc: self.doc(n),
        }
    }

    fn var_spec(&mut self, n: Node) -> VarSpec {
        let names = field_children(n, "name")
            .into_iter()
            .map(|k| self.ident(k))
            .collect();
        let ty = n.child_field("type").map(|t| self.ty(t));
        let values = n
            .child_field("value")
            .map(|v| self.expr_list(v))
            .unwrap_or_default();
        VarSpec {
            names,
            ty,
            values,
            span: self.span(n),
            doc: self.doc(n),
        }
    }

    fn type_spec(&mut self, n: Node) -> TypeSpec {
        let name = match n.child_field("name") {
            Some(k) => self.ident(k),
            None => {
                let span = self.span(n);
                goxide_ast::ast::Ident {
                    id: self.ids.fresh(),
                    name: String::new(),
                    span,
                }
            }
        };
        let type_params = n
            .child_field("type_parameters")
            .map(|p| self.type_params(p))
            .unwrap_or_default();
        let ty = self.ty_field(n, "type");
        TypeSpec {
            name,
            type_params,
            alias: n.kind_str() == "type_alias",
            ty,
            span: self.span(n),
            doc: self.doc(n),
        }
    }

    pub(crate) fn type_params(&mut self, n: Node) -> Vec<TypeParam> {
        let mut out = Vec::new();
        for p in named_children(n) {
            if p.kind_str() != "type_parameter_declaration" {
                continue;
            }
            let names = field_children(p, "name")
                .into_iter()
                .map(|k| self.ident(k))
                .collect();
            let constraint = match p.child_field("type") {
                Some(t) => self.type_elem(t),
                None => {
                    let span = self.span(p);
                    self.bad_expr(span)
                }
            };
            out.push(TypeParam {
                names,
                constraint,
                span: self.span(p),
            });
        }
        out
    }

    fn func_decl(&mut self, n: Node) -> FuncDecl {
        let recv = n.child_field("receiver").map(|r| self.receiver(r));
        let name = match n.child_field("name") {
            Some(k) => self.ident(k),
            None => {
                let span = self.span(n);
                goxide_ast::ast::Ident {
                    id: self.ids.fresh(),
                    name: String::new(),
                    span,
                }
            }
        };
        let type_params = n
            .child_field("type_parameters")
            .map(|p| self.type_params(p))
            .unwrap_or_default();
        let sig = self.signature(n);
        let body = n.child_field("body").map(|b| self.block(b));
        FuncDecl {
            recv,
            name,
            type_params,
            sig,
            body,
            span: self.span(n),
        }
    }

    fn receiver(&mut self, n: Node) -> Receiver {
        let span = self.span(n);
        let params: Vec<Node> = named_children(n)
            .into_iter()
            .filter(|k| {
                matches!(
                    k.kind_str(),
                    "parameter_declaration" | "variadic_parameter_declaration"
                )
            })
            .collect();
        if params.len() != 1 {
            self.error(span, "syntax error: method has multiple receivers or none");
        }
        match params.first() {
            Some(&p) => {
                let names = field_children(p, "name");
                let name = names.first().map(|&k| self.ident(k));
                let ty = self.ty_field(p, "type");
                Receiver { name, ty, span }
            }
            None => Receiver {
                name: None,
                ty: self.bad_expr(span),
                span,
            },
        }
    }

    /// The signature of a function declaration, literal, type or interface method: the fields
    /// `parameters` and `result` of `n`.
    pub(crate) fn signature(&mut self, n: Node) -> FuncType {
        let params = n
            .child_field("parameters")
            .map(|p| self.params(p))
            .unwrap_or_default();
        let mut end = n.child_field("parameters").map(|p| self.span(p).end);
        let results = match n.child_field("result") {
            Some(r) => {
                end = Some(self.span(r).end);
                if r.kind_str() == "parameter_list" {
                    self.params(r)
                } else {
                    let ty = self.ty(r);
                    vec![ParamGroup {
                        names: Vec::new(),
                        span: ty.span,
                        ty,
                        variadic: false,
                    }]
                }
            }
            None => Vec::new(),
        };
        let start = self.span(n).start;
        let span = goxide_ast::Span::new(start, end.unwrap_or(self.span(n).end));
        FuncType {
            params,
            results,
            span,
        }
    }

    /// A parameter (or result) list. tree-sitter-go resolves the ambiguity of long groups
    /// (`a, b, c, …, z int`) by splitting off leading names as unnamed parameters whose type is
    /// the name; Go's rule (a list is either all named or all unnamed) undoes that: in a list
    /// with a named group, a run of bare identifiers belongs to the next named group.
    pub(crate) fn params(&mut self, n: Node) -> Vec<ParamGroup> {
        let mut decls = Vec::new();
        for p in named_children(n) {
            let variadic = match p.kind_str() {
                "parameter_declaration" => false,
                "variadic_parameter_declaration" => true,
                _ => {
                    self.unexpected(p, "parameter list");
                    continue;
                }
            };
            decls.push((p, variadic, field_children(p, "name")));
        }
        let named = decls.iter().any(|(_, _, names)| !names.is_empty());
        let mut out = Vec::new();
        // Bare identifiers waiting for the named group they belong to.
        let mut pending: Vec<Node> = Vec::new();
        for (p, variadic, names) in decls {
            if named && names.is_empty() {
                if let Some(t) = p.child_field("type") {
                    if !variadic && self.is_bare_name(t) {
                        pending.push(t);
                        continue;
                    }
                }
                let span = self.span(p);
                self.error(span, "syntax error: mixed named and unnamed parameters");
                self.unnamed_params(&mut pending, &mut out);
            }
            let start = pending.first().map_or(p, |&k| k);
            let names = pending
                .drain(..)
                .chain(names)
                .map(|k| self.ident(k))
                .collect();
            let ty = self.ty_field(p, "type");
            let span = goxide_ast::Span::new(self.span(start).start, self.span(p).end);
            out.push(ParamGroup {
                names,
                ty,
                variadic,
                span,
            });
        }
        if let (Some(&first), Some(&last)) = (pending.first(), pending.last()) {
            let span = goxide_ast::Span::new(self.span(first).start, self.span(last).end);
            self.error(span, "syntax error: mixed named and unnamed parameters");
            self.unnamed_params(&mut pending, &mut out);
        }
        out
    }

    /// Lowers the bare identifiers in `pending` as unnamed parameters (after an error).
    fn unnamed_params(&mut self, pending: &mut Vec<Node>, out: &mut Vec<ParamGroup>) {
        for k in pending.drain(..) {
            let ty = self.ty(k);
            let span = ty.span;
            out.push(ParamGroup {
                names: Vec::new(),
                ty,
                variadic: false,
                span,
            });
        }
    }

    /// Whether the type node `t` of an unnamed parameter is a lone identifier (so possibly the
    /// name of a parameter in a longer named group).
    fn is_bare_name(&self, t: Node) -> bool {
        matches!(t.kind_str(), "type_identifier" | "identifier")
            && self.parsed.map.substitute_at(t.start_byte()).is_none()
    }
}
