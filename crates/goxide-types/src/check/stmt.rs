//! Statements: blocks, local declarations, assignments and `:=`, control flow (if, for,
//! range, switch, type switch, select), go/defer, return, labels and branches, and the
//! terminating-statement analysis behind "missing return".

use super::predicates::is_type_param;
use super::Checker;
use crate::info::Mode;
use crate::object::ObjKind;
use crate::types::{BasicKind, Type, TypeTable};
use crate::{ObjId, TypeId};
use goxide_ast::ast::{Block, BranchKind, DeclKind, Expr, ExprKind, Ident, Stmt, StmtKind};

impl Checker<'_> {
    pub(crate) fn block_stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    pub(crate) fn block(&mut self, b: &Block) {
        self.push_scope();
        self.block_stmts(&b.stmts);
        self.pop_scope();
    }

    /// Declares a new local variable.
    pub(crate) fn new_local(&mut self, n: &Ident, ty: TypeId) -> ObjId {
        let o = self.new_obj(
            &n.name,
            ObjKind::Var {
                global: false,
                param: false,
            },
            ty,
            Some((n.id, n.span)),
        );
        self.env.locals.push(o);
        o
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) {
        if self.depth > super::MAX_DEPTH {
            return;
        }
        self.depth += 1;
        let (is_loop, breakable) = match s.kind {
            StmtKind::For { .. } | StmtKind::Range { .. } => (true, true),
            StmtKind::Switch { .. } | StmtKind::TypeSwitch { .. } | StmtKind::Select { .. } => {
                (false, true)
            }
            _ => (false, false),
        };
        self.env.loops += u32::from(is_loop);
        self.env.breakables += u32::from(breakable);
        self.stmt_inner(s);
        self.env.loops -= u32::from(is_loop);
        self.env.breakables -= u32::from(breakable);
        self.depth -= 1;
    }

    pub(crate) fn stmt_inner(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Decl(d) => self.local_decl(&d.kind),
            StmtKind::Empty | StmtKind::Bad => {}
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) => {
                let x = self.expr_any(e);
                if x.is_invalid() {
                    return;
                }
                let inner = super::expr::strip_parens(e);
                let is_call = matches!(inner.kind, ExprKind::Call { .. });
                let is_recv = matches!(
                    inner.kind,
                    ExprKind::Unary {
                        op: goxide_ast::ast::UnaryOp::Recv,
                        ..
                    }
                );
                if is_call && x.mode != Mode::Type {
                    if let ExprKind::Call { func, .. } = &inner.kind {
                        if self.is_value_builtin(func) {
                            let t = self.text(e.span);
                            self.error(
                                e.span,
                                format!("{t} (value of type {}) is not used", self.type_str(x.ty)),
                            );
                        }
                    }
                    return;
                }
                if is_recv {
                    return;
                }
                let d = self.describe(&x, e);
                self.error(e.span, format!("{d} is not used"));
            }
            StmtKind::Send { chan, value } => {
                let c = self.expr(chan);
                let mut v = self.expr(value);
                if c.is_invalid() {
                    return;
                }
                let u = self.op_type(c.ty);
                match self.prog.types.get(u).clone() {
                    Type::Chan(dir, el) => {
                        if dir == goxide_ast::ast::ChanDir::Recv {
                            let d = self.describe(&c, chan);
                            self.error(
                                s.span,
                                format!(
                                    "invalid operation: cannot send to receive-only channel {d}"
                                ),
                            );
                        }
                        self.assign_operand(&mut v, value, el, "send");
                    }
                    _ if is_type_param(&self.prog, c.ty) => {}
                    _ => {
                        let d = self.describe(&c, chan);
                        self.error(
                            s.span,
                            format!("invalid operation: cannot send to non-channel {d}"),
                        );
                    }
                }
            }
            StmtKind::IncDec { x, inc } => {
                let v = self.expr(x);
                if v.is_invalid() {
                    return;
                }
                let u = self.op_type(v.ty);
                if !self
                    .prog
                    .types
                    .basic_kind(u)
                    .is_some_and(|k| k.is_numeric())
                    && !is_type_param(&self.prog, v.ty)
                {
                    let d = self.describe(&v, x);
                    let op = if *inc { "++" } else { "--" };
                    self.error(
                        s.span,
                        format!(
                            "invalid operation: {}{op} (non-numeric type {})",
                            self.text(x.span),
                            self.type_str(v.ty)
                        ),
                    );
                    let _ = d;
                    return;
                }
                self.check_assignable_lhs(&v, x);
            }
            StmtKind::Assign { lhs, op, rhs } => self.assign_stmt(s, lhs, *op, rhs),
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                let kw = if matches!(s.kind, StmtKind::Go(_)) {
                    "go"
                } else {
                    "defer"
                };
                let inner = super::expr::strip_parens(e);
                if !matches!(inner.kind, ExprKind::Call { .. }) {
                    self.expr_any(e);
                    self.error(e.span, format!("expression in {kw} must be function call"));
                    return;
                }
                let x = self.expr_any(e);
                if x.mode == Mode::Type {
                    self.error(
                        e.span,
                        format!("{kw} requires function call, not conversion"),
                    );
                } else if let ExprKind::Call { func, .. } = &inner.kind {
                    if self.is_value_builtin(func) {
                        self.error(
                            e.span,
                            format!("{kw} discards result of {}", self.text(e.span)),
                        );
                    }
                }
            }
            StmtKind::Return(results) => self.return_stmt(s, results),
            StmtKind::Branch { kind, label } => {
                if label.is_none() {
                    if *kind == BranchKind::Break && self.env.breakables == 0 {
                        self.error(s.span, "break is not in a loop, switch, or select");
                    }
                    if *kind == BranchKind::Continue && self.env.loops == 0 {
                        self.error(s.span, "continue is not in a loop");
                    }
                }
                if let Some(l) = label {
                    if let Some(&o) = self.labels.get(&l.name) {
                        self.used_labels.insert(o);
                        self.record_use(l.id, o);
                    } else if *kind != BranchKind::Fallthrough {
                        self.error(l.span, format!("label {} not defined", l.name));
                    }
                }
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.push_scope();
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.cond(cond, "if");
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.pop_scope();
            }
            StmtKind::Switch { init, tag, clauses } => {
                self.push_scope();
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.switch_stmt(tag.as_ref(), clauses);
                self.pop_scope();
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
            } => {
                self.push_scope();
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.type_switch(bind.as_ref(), x, clauses);
                self.pop_scope();
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    self.push_scope();
                    if let Some(comm) = &c.comm {
                        self.stmt(comm);
                    }
                    self.block_stmts(&c.body);
                    self.pop_scope();
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.push_scope();
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.cond(c, "for");
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
                self.pop_scope();
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                self.push_scope();
                self.range_stmt(s, key.as_ref(), value.as_ref(), *define, x);
                self.block(body);
                self.pop_scope();
            }
        }
    }

    /// Builtins whose result must be used (`len(x)` as a statement is an error).
    pub(crate) fn is_value_builtin(&self, f: &Expr) -> bool {
        let f = super::expr::strip_parens(f);
        let id = match &f.kind {
            ExprKind::Ident(_) => f.id,
            ExprKind::Selector { sel, .. } => sel.id,
            _ => return false,
        };
        let Some(&o) = self.last_uses.get(&id) else {
            return false;
        };
        use crate::object::Builtin::*;
        matches!(
            self.obj(o).kind,
            ObjKind::Builtin(
                Append
                    | Cap
                    | Complex
                    | Imag
                    | Len
                    | Make
                    | New
                    | Real
                    | Min
                    | Max
                    | Alignof
                    | Offsetof
                    | Sizeof
                    | Add
                    | Slice
                    | String
                    | StringData
                    | SliceData
            )
        )
    }

    pub(crate) fn cond(&mut self, c: &Expr, what: &str) {
        let mut x = self.expr(c);
        if x.is_invalid() {
            return;
        }
        let u = self.op_type(x.ty);
        if !self
            .prog
            .types
            .basic_kind(u)
            .is_some_and(|k| k.is_boolean())
            && !is_type_param(&self.prog, x.ty)
        {
            let d = self.describe(&x, c);
            self.error(c.span, format!("non-boolean condition in {what} statement"));
            let _ = d;
            return;
        }
        if self.is_untyped(x.ty) {
            let b = self.prog.types.basic(BasicKind::Bool);
            self.convert_untyped(&mut x, c, b, None);
        }
    }

    pub(crate) fn local_decl(&mut self, d: &DeclKind) {
        match d {
            DeclKind::Const(specs) => {
                let mut last: Option<usize> = None;
                for (si, s) in specs.iter().enumerate() {
                    if !s.values.is_empty() || s.ty.is_some() {
                        last = Some(si);
                    }
                    let vs = last.map_or(s, |i| &specs[i]);
                    let mut objs = Vec::new();
                    for (i, n) in s.names.iter().enumerate() {
                        let o = self.new_obj(
                            &n.name,
                            ObjKind::Const(crate::ConstValue::Unknown),
                            TypeTable::INVALID,
                            Some((n.id, n.span)),
                        );
                        self.const_value_for(o, s, vs, i, s.iota);
                        objs.push((n.name.clone(), o));
                    }
                    // Constants are in scope after their spec.
                    for (name, o) in objs {
                        self.declare_local(&name, o);
                    }
                }
            }
            DeclKind::Var(specs) => {
                for s in specs {
                    let objs: Vec<ObjId> = s
                        .names
                        .iter()
                        .map(|n| {
                            let o = self.new_obj(
                                &n.name,
                                ObjKind::Var {
                                    global: false,
                                    param: false,
                                },
                                TypeTable::INVALID,
                                Some((n.id, n.span)),
                            );
                            self.env.locals.push(o);
                            o
                        })
                        .collect();
                    self.var_spec(s, &objs);
                    for (n, o) in s.names.iter().zip(objs) {
                        self.declare_local(&n.name, o);
                    }
                }
            }
            DeclKind::Type(specs) => {
                for s in specs {
                    let n = &s.name;
                    let o = self.new_obj(
                        &n.name,
                        ObjKind::TypeName,
                        TypeTable::INVALID,
                        Some((n.id, n.span)),
                    );
                    if !s.alias {
                        let t = self.prog.types.intern(Type::Named(crate::types::Named {
                            obj: o,
                            underlying: TypeTable::INVALID,
                            methods: vec![],
                            type_params: vec![],
                            type_args: vec![],
                            origin: None,
                        }));
                        self.obj_mut(o).ty = t;
                    }
                    // The type name is in scope in its own declaration.
                    self.declare_local(&n.name, o);
                    self.type_spec(o, s);
                }
            }
            DeclKind::Func(_) => {}
        }
    }
}
