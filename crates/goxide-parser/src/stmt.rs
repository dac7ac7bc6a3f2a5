//! Statements: simple statements, blocks, control flow, switches, select, labels.

use crate::expr::binary_op;
use crate::lower::{field_children, has_token, named_children, Lower, NodeExt};
use goxide_ast::ast::{
    AssignOp, Block, BranchKind, CaseClause, CommClause, Expr, ExprKind, Stmt, StmtKind,
    TypeCaseClause,
};
use goxide_ast::Span;
use tree_sitter::Node;

impl Lower<'_> {
    pub(crate) fn block(&mut self, n: Node) -> Block {
        let span = self.span(n);
        let mut stmts = Vec::new();
        for k in named_children(n) {
            if k.kind_str() == "statement_list" {
                stmts.extend(self.stmt_list(k));
            } else {
                stmts.push(self.stmt_node(k));
            }
        }
        Block { stmts, span }
    }

    /// The statements of a clause body (`statement_list` children of `n`).
    fn clause_body(&mut self, n: Node) -> Vec<Stmt> {
        let mut out = Vec::new();
        for k in named_children(n) {
            if k.kind_str() == "statement_list" {
                out.extend(self.stmt_list(k));
            } else if k.kind_str() == "ERROR" {
                let span = self.span(k);
                out.push(self.stmt(span, StmtKind::Bad));
            }
        }
        out
    }

    fn stmt_list(&mut self, n: Node) -> Vec<Stmt> {
        named_children(n)
            .into_iter()
            .map(|k| self.stmt_node(k))
            .collect()
    }

    fn opt_stmt(&mut self, n: Option<Node>) -> Option<Box<Stmt>> {
        n.map(|k| Box::new(self.stmt_node(k)))
    }

    pub(crate) fn stmt_node(&mut self, n: Node) -> Stmt {
        let span = self.span(n);
        if !self.enter(n) {
            return self.stmt(span, StmtKind::Bad);
        }
        let kind = self.nested(|l| l.stmt_kind(n));
        self.leave();
        self.stmt(span, kind)
    }

    fn label(&mut self, n: Node) -> Option<goxide_ast::ast::Ident> {
        named_children(n)
            .into_iter()
            .find(|k| k.kind_str() == "label_name")
            .map(|k| self.ident(k))
    }

    fn stmt_kind(&mut self, n: Node) -> StmtKind {
        match n.kind_str() {
            "expression_statement" => {
                let inner = named_children(n).into_iter().next();
                StmtKind::Expr(self.opt_ex(inner, n))
            }
            "send_statement" => {
                let chan = self.field(n, "channel");
                let value = self.field(n, "value");
                StmtKind::Send { chan, value }
            }
            "inc_statement" | "dec_statement" => {
                let inner = named_children(n).into_iter().next();
                StmtKind::IncDec {
                    x: self.opt_ex(inner, n),
                    inc: n.kind_str() == "inc_statement",
                }
            }
            "assignment_statement" => {
                let lhs = self.list_field(n, "left");
                let rhs = self.list_field(n, "right");
                let tok = n
                    .child_field("operator")
                    .map(|o| o.kind_str())
                    .unwrap_or("=");
                let op = match tok.strip_suffix('=') {
                    Some("") | None => AssignOp::Assign,
                    Some(b) => binary_op(b).map_or(AssignOp::Assign, AssignOp::Op),
                };
                StmtKind::Assign { lhs, op, rhs }
            }
            "short_var_declaration" => {
                let lhs = self.list_field(n, "left");
                self.check_define_lhs(&lhs);
                let rhs = self.list_field(n, "right");
                StmtKind::Assign {
                    lhs,
                    op: AssignOp::Define,
                    rhs,
                }
            }
            "receive_statement" => {
                let rhs = self.field(n, "right");
                match n.child_field("left") {
                    Some(l) => {
                        let lhs = self.expr_list(l);
                        let define = has_token(n, ":=");
                        if define {
                            self.check_define_lhs(&lhs);
                        }
                        let op = if define {
                            AssignOp::Define
                        } else {
                            AssignOp::Assign
                        };
                        StmtKind::Assign {
                            lhs,
                            op,
                            rhs: vec![rhs],
                        }
                    }
                    None => StmtKind::Expr(rhs),
                }
            }
            "const_declaration" | "var_declaration" | "type_declaration" => match self.decl(n) {
                Some(d) => StmtKind::Decl(d),
                None => StmtKind::Bad,
            },
            "labeled_statement" => {
                let label = match n.child_field("label") {
                    Some(l) => self.ident(l),
                    None => goxide_ast::ast::Ident {
                        id: self.ids.fresh(),
                        name: String::new(),
                        span: self.span(n),
                    },
                };
                let inner = named_children(n)
                    .into_iter()
                    .find(|k| k.kind_str() != "label_name");
                let stmt = match inner {
                    Some(k) => self.stmt_node(k),
                    None => {
                        let end = self.span(n).end;
                        self.stmt(Span::new(end, end), StmtKind::Empty)
                    }
                };
                StmtKind::Labeled {
                    label,
                    stmt: Box::new(stmt),
                }
            }
            "go_statement" | "defer_statement" => {
                let inner = named_children(n).into_iter().next();
                let call = self.opt_ex(inner, n);
                if n.kind_str() == "go_statement" {
                    StmtKind::Go(call)
                } else {
                    StmtKind::Defer(call)
                }
            }
            "return_statement" => {
                let vals = named_children(n)
                    .into_iter()
                    .next()
                    .map(|l| self.expr_list(l));
                StmtKind::Return(vals.unwrap_or_default())
            }
            "break_statement" => StmtKind::Branch {
                kind: BranchKind::Break,
                label: self.label(n),
            },
            "continue_statement" => StmtKind::Branch {
                kind: BranchKind::Continue,
                label: self.label(n),
            },
            "goto_statement" => StmtKind::Branch {
                kind: BranchKind::Goto,
                label: self.label(n),
            },
            "fallthrough_statement" => StmtKind::Branch {
                kind: BranchKind::Fallthrough,
                label: None,
            },
            "block" => StmtKind::Block(self.block(n)),
            "empty_statement" => StmtKind::Empty,
            "if_statement" => self.if_stmt(n),
            "expression_switch_statement" => {
                let init = self.opt_stmt(n.child_field("initializer"));
                let tag = n.child_field("value").map(|v| self.ex(v));
                let mut clauses = Vec::new();
                for c in named_children(n) {
                    match c.kind_str() {
                        "expression_case" => {
                            let exprs = self.list_field(c, "value");
                            let body = self.clause_body(c);
                            clauses.push(CaseClause {
                                exprs,
                                is_default: false,
                                body,
                                span: self.span(c),
                            });
                        }
                        "default_case" => {
                            let body = self.clause_body(c);
                            clauses.push(CaseClause {
                                exprs: Vec::new(),
                                is_default: true,
                                body,
                                span: self.span(c),
                            });
                        }
                        _ => {}
                    }
                }
                StmtKind::Switch { init, tag, clauses }
            }
            "type_switch_statement" => self.type_switch(n),
            "select_statement" => {
                let mut clauses = Vec::new();
                for c in named_children(n) {
                    match c.kind_str() {
                        "communication_case" => {
                            let comm = self.opt_stmt(c.child_field("communication"));
                            let body = self.clause_body(c);
                            clauses.push(CommClause {
                                comm,
                                body,
                                span: self.span(c),
                            });
                        }
                        "default_case" => {
                            let body = self.clause_body(c);
                            clauses.push(CommClause {
                                comm: None,
                                body,
                                span: self.span(c),
                            });
                        }
                        _ => {}
                    }
                }
                StmtKind::Select { clauses }
            }
            "for_statement" => self.for_stmt(n),
            "function_declaration"
            | "method_declaration"
            | "import_declaration"
            | "package_clause" => {
                let span = self.span(n);
                self.error(
                    span,
                    format!(
                        "syntax error: unexpected {} inside a function body",
                        n.kind_str().replace('_', " ")
                    ),
                );
                StmtKind::Bad
            }
            "ERROR" => StmtKind::Bad,
            _ => {
                self.unexpected(n, "statement");
                StmtKind::Bad
            }
        }
    }

    fn field(&mut self, n: Node, field: &str) -> Expr {
        let k = n.child_field(field);
        self.opt_ex(k, n)
    }

    fn list_field(&mut self, n: Node, field: &str) -> Vec<Expr> {
        let mut out = Vec::new();
        for k in field_children(n, field) {
            out.extend(self.expr_list(k));
        }
        out
    }

    /// Go allows only identifiers left of `:=`; the grammar accepts any expression.
    fn check_define_lhs(&mut self, lhs: &[Expr]) {
        for e in lhs {
            if !matches!(e.kind, ExprKind::Ident(_) | ExprKind::Bad) {
                let text = self.source.snippet(e.span).to_string();
                self.error(
                    e.span,
                    format!("syntax error: non-name {text} on left side of :="),
                );
            }
        }
    }

    fn if_stmt(&mut self, n: Node) -> StmtKind {
        let init = self.opt_stmt(n.child_field("initializer"));
        let cond = self.field(n, "condition");
        let then = match n.child_field("consequence") {
            Some(b) => self.block(b),
            None => Block {
                stmts: Vec::new(),
                span: self.span(n),
            },
        };
        let els = self.opt_stmt(n.child_field("alternative"));
        StmtKind::If {
            init,
            cond,
            then,
            els,
        }
    }

    fn type_switch(&mut self, n: Node) -> StmtKind {
        let init = self.opt_stmt(n.child_field("initializer"));
        let bind = match n.child_field("alias") {
            Some(a) => {
                let names = named_children(a);
                if names.len() != 1 || names[0].kind_str() != "identifier" {
                    let span = self.span(a);
                    self.error(span, "syntax error: invalid variable name in type switch");
                }
                names.first().map(|&k| self.ident(k))
            }
            None => None,
        };
        let x = self.field(n, "value");
        let mut clauses = Vec::new();
        for c in named_children(n) {
            match c.kind_str() {
                "type_case" => {
                    let types = field_children(c, "type")
                        .into_iter()
                        .map(|t| self.ty(t))
                        .collect();
                    let body = self.clause_body(c);
                    let id = self.ids.fresh();
                    clauses.push(TypeCaseClause {
                        types,
                        is_default: false,
                        body,
                        span: self.span(c),
                        id,
                    });
                }
                "default_case" => {
                    let body = self.clause_body(c);
                    let id = self.ids.fresh();
                    clauses.push(TypeCaseClause {
                        types: Vec::new(),
                        is_default: true,
                        body,
                        span: self.span(c),
                        id,
                    });
                }
                _ => {}
            }
        }
        StmtKind::TypeSwitch {
            init,
            bind,
            x,
            clauses,
        }
    }

    fn for_stmt(&mut self, n: Node) -> StmtKind {
        let body = match n.child_field("body") {
            Some(b) => self.block(b),
            None => Block {
                stmts: Vec::new(),
                span: self.span(n),
            },
        };
        let header = named_children(n)
            .into_iter()
            .find(|k| k.kind_str() != "block");
        match header {
            None => StmtKind::For {
                init: None,
                cond: None,
                post: None,
                body,
            },
            Some(h) if h.kind_str() == "for_clause" => {
                let init = self.opt_stmt(h.child_field("initializer"));
                let cond = h.child_field("condition").map(|c| self.ex(c));
                let post = self.opt_stmt(h.child_field("update"));
                StmtKind::For {
                    init,
                    cond,
                    post,
                    body,
                }
            }
            Some(h) if h.kind_str() == "range_clause" => {
                let left = h
                    .child_field("left")
                    .map(|l| self.expr_list(l))
                    .unwrap_or_default();
                let define = has_token(h, ":=");
                if define {
                    self.check_define_lhs(&left);
                }
                if left.len() > 2 {
                    let span = self.span(h);
                    self.error(
                        span,
                        "syntax error: range clause permits at most two iteration variables",
                    );
                }
                let mut it = left.into_iter();
                let key = it.next();
                let value = it.next();
                let x = self.field(h, "right");
                StmtKind::Range {
                    key,
                    value,
                    define,
                    x,
                    body,
                }
            }
            Some(h) => {
                let cond = Some(self.ex(h));
                StmtKind::For {
                    init: None,
                    cond,
                    post: None,
                    body,
                }
            }
        }
    }
}
