//! Statements: blocks, local declarations, assignments and `:=`, control flow (if, for,
//! range, switch, type switch, select), go/defer, return, labels and branches, and the
//! terminating-statement analysis behind "missing return".

use super::operand::Operand;
use super::predicates::is_type_param;
use super::Checker;
use crate::info::Mode;
use crate::object::ObjKind;
use crate::types::{BasicKind, Type, TypeTable};
use crate::{ObjId, TypeId};
use goxide_ast::ast::{
    AssignOp, Block, BranchKind, CaseClause, DeclKind, Expr, ExprKind, Ident, Stmt, StmtKind,
    TypeCaseClause,
};
use std::collections::HashMap;

impl Checker<'_> {
    pub(crate) fn block_stmts(&mut self, stmts: &[Stmt]) {
        for s in stmts {
            self.stmt(s);
        }
    }

    fn block(&mut self, b: &Block) {
        self.push_scope();
        self.block_stmts(&b.stmts);
        self.pop_scope();
    }

    /// Declares a new local variable.
    fn new_local(&mut self, n: &Ident, ty: TypeId) -> ObjId {
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

    fn stmt_inner(&mut self, s: &Stmt) {
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
    fn is_value_builtin(&self, f: &Expr) -> bool {
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

    fn cond(&mut self, c: &Expr, what: &str) {
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

    fn local_decl(&mut self, d: &DeclKind) {
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

    /// Reports an assignment to something that cannot be assigned.
    fn check_assignable_lhs(&mut self, x: &Operand, e: &Expr) -> bool {
        if x.is_invalid() {
            return false;
        }
        match x.mode {
            Mode::Variable | Mode::MapIndex => true,
            _ => {
                let inner = super::expr::strip_parens(e);
                if let ExprKind::Selector { x: base, .. } = &inner.kind {
                    if self.is_map_index(base) {
                        let t = self.text(e.span);
                        self.error(e.span, format!("cannot assign to struct field {t} in map"));
                        return false;
                    }
                }
                let d = self.describe(x, e);
                self.error(e.span, format!("cannot assign to {d}"));
                false
            }
        }
    }

    fn is_map_index(&self, e: &Expr) -> bool {
        let e = super::expr::strip_parens(e);
        if let ExprKind::Index { x, .. } = &e.kind {
            if let Some(t) = self.info.types.get(&x.id).map(|t| t.ty) {
                return matches!(self.prog.types.under(t), Type::Map(..));
            }
            if let Some(tm) = self.info.types.get(&e.id) {
                return tm.mode == Mode::CommaOk;
            }
        }
        false
    }

    /// Checks an assignment's left-hand side expression; a bare identifier does not count as
    /// a use of the variable.
    fn lhs_expr(&mut self, e: &Expr) -> Operand {
        if let ExprKind::Ident(name) = &e.kind {
            if name == "_" {
                self.record(e.id, TypeTable::INVALID, Mode::Variable);
                return Operand {
                    mode: Mode::Variable,
                    ty: TypeTable::INVALID,
                };
            }
            if let Some(o) = self.resolve(name) {
                if let ObjKind::Var { .. } = self.obj(o).kind {
                    let was_used = self.used.contains(&o);
                    let x = self.expr_any(e);
                    if !was_used {
                        self.used.remove(&o);
                    }
                    return x;
                }
            }
        }
        let x = self.expr_any(e);
        self.single_value(x, e)
    }

    fn assign_stmt(&mut self, s: &Stmt, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) {
        match op {
            AssignOp::Define => self.define(s, lhs, rhs),
            AssignOp::Op(bop) => {
                let (Some(l), Some(r)) = (lhs.first(), rhs.first()) else {
                    return;
                };
                if lhs.len() != 1 || rhs.len() != 1 {
                    self.error(
                        s.span,
                        format!(
                            "assignment operation {}= requires single-valued expressions",
                            bop.as_str()
                        ),
                    );
                    return;
                }
                let fake = Expr {
                    id: s.id,
                    span: s.span,
                    kind: ExprKind::Binary {
                        op: bop,
                        x: Box::new(l.clone()),
                        y: Box::new(r.clone()),
                    },
                };
                let x = self.expr(l);
                if x.is_invalid() {
                    self.expr(r);
                    return;
                }
                let was_main = self.is_main();
                // Check `l op r` without recording the synthetic node.
                let saved = self.info.types.get(&s.id).cloned();
                let mut res = self.expr_any(&fake);
                if was_main {
                    match saved {
                        Some(t) => {
                            self.info.types.insert(s.id, t);
                        }
                        None => {
                            self.info.types.remove(&s.id);
                        }
                    }
                }
                if res.is_invalid() {
                    return;
                }
                self.check_assignable_lhs(&x, l);
                self.assign_operand(&mut res, r, x.ty, "assignment");
            }
            AssignOp::Assign => {
                if lhs.len() == rhs.len() {
                    let ls: Vec<Operand> = lhs.iter().map(|l| self.lhs_expr(l)).collect();
                    for ((l, lx), r) in lhs.iter().zip(ls).zip(rhs) {
                        let mut x = self.expr(r);
                        if lx.ty == TypeTable::INVALID
                            && lx.mode == Mode::Variable
                            && matches!(&l.kind, ExprKind::Ident(n) if n == "_")
                        {
                            // Assignment to blank: untyped values get their default type.
                            if x.mode == Mode::Nil {
                                self.error(r.span, "use of untyped nil in assignment");
                            }
                            self.default_for_var(&mut x, r);
                            continue;
                        }
                        if !self.check_assignable_lhs(&lx, l) {
                            continue;
                        }
                        self.assign_operand(&mut x, r, lx.ty, "assignment");
                    }
                    return;
                }
                if rhs.len() == 1 {
                    let ls: Vec<Operand> = lhs.iter().map(|l| self.lhs_expr(l)).collect();
                    let xs = self.multi_expr(&rhs[0], lhs.len());
                    if xs.len() != lhs.len() {
                        if xs.iter().all(|x| !x.is_invalid()) {
                            let t = self.text(rhs[0].span);
                            self.error(
                                s.span,
                                format!(
                                    "assignment mismatch: {} variables but {t} returns {} value{}",
                                    lhs.len(),
                                    xs.len(),
                                    if xs.len() == 1 { "" } else { "s" }
                                ),
                            );
                        }
                        return;
                    }
                    self.record_comma_ok(&rhs[0], &xs);
                    for ((l, lx), x) in lhs.iter().zip(ls).zip(xs) {
                        if lx.ty == TypeTable::INVALID {
                            continue;
                        }
                        if !self.check_assignable_lhs(&lx, l) {
                            continue;
                        }
                        if !x.is_invalid()
                            && !self.is_untyped(x.ty)
                            && !self.assignable_type(x.ty, lx.ty)
                        {
                            let (xs, ts) = (self.type_str(x.ty), self.type_str(lx.ty));
                            self.error(
                                rhs[0].span,
                                format!("cannot use {xs} value as {ts} value in assignment"),
                            );
                        }
                    }
                    return;
                }
                for l in lhs {
                    self.lhs_expr(l);
                }
                for r in rhs {
                    self.expr(r);
                }
                self.error(
                    s.span,
                    format!(
                        "assignment mismatch: {} variables but {} values",
                        lhs.len(),
                        rhs.len()
                    ),
                );
            }
        }
    }

    /// For `v, ok := m[k]`-style forms, the expression keeps its single-value type; nothing
    /// more to record (the mode is [`Mode::CommaOk`]).
    fn record_comma_ok(&mut self, _e: &Expr, _xs: &[Operand]) {}

    fn define(&mut self, s: &Stmt, lhs: &[Expr], rhs: &[Expr]) {
        // Right-hand side first (the new variables are not in scope there).
        let xs: Vec<(Operand, Option<&Expr>)> = if lhs.len() == rhs.len() {
            rhs.iter().map(|r| (self.expr(r), Some(r))).collect()
        } else if rhs.len() == 1 {
            let xs = self.multi_expr(&rhs[0], lhs.len());
            if xs.len() != lhs.len() && xs.iter().all(|x| !x.is_invalid()) {
                let t = self.text(rhs[0].span);
                self.error(
                    s.span,
                    format!(
                        "assignment mismatch: {} variable{} but {t} returns {} value{}",
                        lhs.len(),
                        if lhs.len() == 1 { "" } else { "s" },
                        xs.len(),
                        if xs.len() == 1 { "" } else { "s" }
                    ),
                );
            }
            xs.into_iter().map(|x| (x, None)).collect()
        } else {
            for r in rhs {
                self.expr(r);
            }
            self.error(
                s.span,
                format!(
                    "assignment mismatch: {} variables but {} values",
                    lhs.len(),
                    rhs.len()
                ),
            );
            Vec::new()
        };
        let mut any_new = false;
        let mut to_declare = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (i, l) in lhs.iter().enumerate() {
            let ExprKind::Ident(name) = &l.kind else {
                self.expr_any(l);
                self.error(
                    l.span,
                    format!("non-name {} on left side of :=", self.text(l.span)),
                );
                continue;
            };
            let mut x = xs
                .get(i)
                .map(|p| p.0.clone())
                .unwrap_or_else(Operand::invalid);
            let re = xs.get(i).and_then(|p| p.1);
            if name == "_" {
                if let Some(r) = re {
                    self.default_for_var(&mut x, r);
                }
                self.record(l.id, x.ty, Mode::Variable);
                continue;
            }
            if !seen.insert(name.clone()) {
                self.error(l.span, format!("{name} repeated on left side of :="));
                continue;
            }
            let existing = self.env.scopes.last().and_then(|sc| sc.get(name)).copied();
            if let Some(o) = existing.filter(|&o| matches!(self.obj(o).kind, ObjKind::Var { .. })) {
                // Redeclaration: plain assignment to the existing variable.
                self.record_use(l.id, o);
                let t = self.obj(o).ty;
                self.record(l.id, t, Mode::Variable);
                if let Some(r) = re {
                    self.assign_operand(&mut x, r, t, "assignment");
                } else if !x.is_invalid() && !self.assignable_type(x.ty, t) {
                    let (xs, ts) = (self.type_str(x.ty), self.type_str(t));
                    self.error(
                        l.span,
                        format!("cannot use {xs} value as {ts} value in assignment"),
                    );
                }
                continue;
            }
            any_new = true;
            let t = match re {
                Some(r) => self.default_for_var(&mut x, r),
                None => {
                    if self.is_untyped(x.ty) {
                        crate::default_type(&self.prog.types, x.ty)
                    } else {
                        x.ty
                    }
                }
            };
            let ident = Ident {
                id: l.id,
                name: name.clone(),
                span: l.span,
            };
            let o = self.new_local(&ident, t);
            self.record(l.id, t, Mode::Variable);
            to_declare.push((name.clone(), o));
        }
        if !any_new && lhs.iter().all(|l| matches!(l.kind, ExprKind::Ident(_))) {
            self.error(s.span, "no new variables on left side of :=");
        }
        for (name, o) in to_declare {
            self.declare_local(&name, o);
        }
    }

    fn return_stmt(&mut self, s: &Stmt, results: &[Expr]) {
        let Some(f) = self.env.func.clone() else {
            return;
        };
        if results.is_empty() {
            if !f.results.is_empty() && f.named_results.is_empty() {
                self.error(s.span, "not enough return values\n\thave ()\n\twant (...)");
            }
            if !f.named_results.is_empty() {
                for &o in &f.named_results {
                    let name = self.obj(o).name.clone();
                    if let Some(found) = self.resolve(&name) {
                        if found != o {
                            self.error(
                                s.span,
                                format!("result parameter {name} not in scope at return"),
                            );
                            break;
                        }
                    }
                }
            }
            return;
        }
        if results.len() == 1 && f.results.len() > 1 {
            let xs = self.multi_expr(&results[0], f.results.len());
            if xs.len() != f.results.len() && xs.iter().all(|x| !x.is_invalid()) {
                self.error(
                    results[0].span,
                    if xs.len() < f.results.len() {
                        "not enough return values"
                    } else {
                        "too many return values"
                    },
                );
                return;
            }
            for (x, &t) in xs.iter().zip(&f.results) {
                if !x.is_invalid() && !self.assignable_type(x.ty, t) {
                    let (xs, ts) = (self.type_str(x.ty), self.type_str(t));
                    self.error(
                        results[0].span,
                        format!("cannot use {xs} value as {ts} value in return statement"),
                    );
                }
            }
            return;
        }
        if results.len() != f.results.len() {
            for r in results {
                self.expr(r);
            }
            let msg = if f.results.is_empty() {
                "too many return values"
            } else if results.len() < f.results.len() {
                "not enough return values"
            } else {
                "too many return values"
            };
            self.error(results.first().map_or(s.span, |r| r.span), msg);
            return;
        }
        for (r, &t) in results.iter().zip(&f.results) {
            let mut x = self.expr(r);
            self.assign_operand(&mut x, r, t, "return statement");
        }
    }

    fn switch_stmt(&mut self, tag: Option<&Expr>, clauses: &[CaseClause]) {
        let mut tx = match tag {
            Some(t) => {
                let mut x = self.expr(t);
                if !x.is_invalid() {
                    let d = crate::default_type(&self.prog.types, x.ty);
                    if d != x.ty {
                        self.convert_untyped(&mut x, t, d, None);
                    }
                }
                Some((x, t))
            }
            None => None,
        };
        let mut defaults = 0;
        for c in clauses {
            if c.is_default {
                defaults += 1;
                if defaults > 1 {
                    self.error(c.span, "multiple defaults in switch");
                }
            }
            for e in &c.exprs {
                let mut x = self.expr(e);
                if x.is_invalid() {
                    continue;
                }
                match &mut tx {
                    Some((t, te)) if !t.is_invalid() => {
                        let te: &Expr = te;
                        let t = t.clone();
                        self.case_compare(&mut x, e, &t, te);
                    }
                    Some(_) => {}
                    None => {
                        let b = self.prog.types.basic(BasicKind::Bool);
                        if self.is_untyped(x.ty) {
                            self.convert_untyped(&mut x, e, b, None);
                        } else if !self
                            .prog
                            .types
                            .basic_kind(x.ty)
                            .is_some_and(|k| k.is_boolean())
                            && !self.assignable_type(b, x.ty)
                        {
                            let d = self.describe(&x, e);
                            self.error(
                                e.span,
                                format!(
                                    "invalid case {d} in switch (mismatched types {} and bool)",
                                    self.type_str(x.ty)
                                ),
                            );
                        }
                    }
                }
            }
            self.push_scope();
            self.block_stmts(&c.body);
            self.pop_scope();
        }
        let _ = &mut tx;
    }

    fn case_compare(&mut self, x: &mut Operand, e: &Expr, t: &Operand, te: &Expr) {
        if self.is_untyped(x.ty) {
            self.convert_untyped(x, e, t.ty, None);
            return;
        }
        if x.mode == Mode::Nil {
            return;
        }
        if !self.assignable_type(x.ty, t.ty) && !self.assignable_type(t.ty, x.ty) {
            let d = self.describe(x, e);
            let ts = self.text(te.span);
            self.error(
                e.span,
                format!(
                    "invalid case {d} in switch on {ts} (mismatched types {} and {})",
                    self.type_str(x.ty),
                    self.type_str(t.ty)
                ),
            );
        }
    }

    fn type_switch(&mut self, bind: Option<&Ident>, xe: &Expr, clauses: &[TypeCaseClause]) {
        let x = self.expr(xe);
        if !x.is_invalid()
            && !self.prog.types.is_interface(x.ty)
            && !is_type_param(&self.prog, x.ty)
        {
            let d = self.describe(&x, xe);
            self.error(xe.span, format!("{d} is not an interface"));
        }
        let mut implicits = Vec::new();
        for c in clauses {
            let mut single = None;
            for te in &c.types {
                if let ExprKind::Ident(n) = &te.kind {
                    if n == "nil"
                        && self
                            .resolve("nil")
                            .is_some_and(|o| matches!(self.obj(o).kind, ObjKind::Nil))
                    {
                        let o = self.resolve("nil");
                        if let Some(o) = o {
                            self.record_use(te.id, o);
                        }
                        let un = self.prog.types.basic(BasicKind::UntypedNil);
                        self.record(te.id, un, Mode::Nil);
                        single = Some(x.ty);
                        continue;
                    }
                }
                let t = self.typ(te);
                single = Some(t);
                if t != TypeTable::INVALID
                    && !x.is_invalid()
                    && !self.prog.types.is_interface(t)
                    && self.prog.types.is_interface(x.ty)
                {
                    if let Some((m, ptr)) = self.missing_method(t, x.ty) {
                        let ts = self.type_str(t);
                        let xs = self.text(xe.span);
                        let why = if ptr {
                            format!("method {m} has pointer receiver")
                        } else {
                            format!("missing method {m}")
                        };
                        self.error(te.span, format!("impossible type switch case: {xs} (variable of type {}) cannot have dynamic type {ts} ({why})", self.type_str(x.ty)));
                    }
                }
            }
            self.push_scope();
            if let Some(b) = bind {
                let t = if c.types.len() == 1 {
                    single.unwrap_or(x.ty)
                } else {
                    x.ty
                };
                let o = self.new_obj(
                    &b.name,
                    ObjKind::Var {
                        global: false,
                        param: false,
                    },
                    t,
                    None,
                );
                self.obj_mut(o).span = b.span;
                if self.is_main() {
                    self.info.implicits.insert(c.id, o);
                }
                self.declare_local(&b.name, o);
                implicits.push(o);
            }
            self.block_stmts(&c.body);
            self.pop_scope();
        }
        if let Some(b) = bind {
            if b.name != "_" && !implicits.iter().any(|o| self.used.contains(o)) {
                self.error(b.span, format!("{} declared but not used", b.name));
            }
        }
    }

    fn range_stmt(
        &mut self,
        s: &Stmt,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        xe: &Expr,
    ) {
        let mut x = self.expr(xe);
        if x.is_invalid() {
            self.range_vars(key, value, define, TypeTable::INVALID, TypeTable::INVALID);
            return;
        }
        let u = self.op_type(x.ty);
        let int = self.prog.types.basic(BasicKind::Int);
        let (kt, vt, max_vars) = match self.prog.types.get(u).clone() {
            Type::Basic(k) if k.is_string() => (int, self.prog.types.basic(BasicKind::Int32), 2),
            Type::Basic(k) if k.is_integer() && self.config.go_version >= (1, 22) => {
                if self.is_untyped(x.ty) {
                    self.convert_untyped(&mut x, xe, int, None);
                }
                (x.ty, TypeTable::INVALID, 1)
            }
            Type::Array(_, el) | Type::Slice(el) => (int, el, 2),
            Type::Pointer(p) => match self.prog.types.under(p).clone() {
                Type::Array(_, el) => (int, el, 2),
                _ => return self.bad_range(s, &x, xe, key, value, define),
            },
            Type::Map(k, v) => (k, v, 2),
            Type::Chan(_, el) => (el, TypeTable::INVALID, 1),
            Type::Func(sig) if self.config.go_version >= (1, 23) && sig.params.len() == 1 => {
                let yield_params = match self.prog.types.under(sig.params[0]) {
                    Type::Func(y) => y.params.clone(),
                    _ => vec![],
                };
                (
                    yield_params.first().copied().unwrap_or(TypeTable::INVALID),
                    yield_params.get(1).copied().unwrap_or(TypeTable::INVALID),
                    yield_params.len(),
                )
            }
            _ if is_type_param(&self.prog, x.ty) => (TypeTable::INVALID, TypeTable::INVALID, 2),
            _ => return self.bad_range(s, &x, xe, key, value, define),
        };
        if value.is_some() && max_vars < 2 {
            let d = self.describe(&x, xe);
            if let Some(v) = value {
                self.error(
                    v.span,
                    format!("range over {d} permits only one iteration variable"),
                );
            }
        }
        if self.is_untyped(x.ty) {
            let d = crate::default_type(&self.prog.types, x.ty);
            self.convert_untyped(&mut x, xe, d, None);
        }
        self.range_vars(key, value, define, kt, vt);
    }

    fn bad_range(
        &mut self,
        _s: &Stmt,
        x: &Operand,
        xe: &Expr,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
    ) {
        let d = self.describe(x, xe);
        self.error(xe.span, format!("cannot range over {d}"));
        self.range_vars(key, value, define, TypeTable::INVALID, TypeTable::INVALID);
    }

    fn range_vars(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        kt: TypeId,
        vt: TypeId,
    ) {
        let mut decls = Vec::new();
        for (e, t) in [(key, kt), (value, vt)] {
            let Some(e) = e else { continue };
            if define {
                match &e.kind {
                    ExprKind::Ident(n) if n == "_" => {
                        self.record(e.id, t, Mode::Variable);
                    }
                    ExprKind::Ident(n) => {
                        let ident = Ident {
                            id: e.id,
                            name: n.clone(),
                            span: e.span,
                        };
                        let o = self.new_local(&ident, t);
                        self.record(e.id, t, Mode::Variable);
                        decls.push((n.clone(), o));
                    }
                    _ => {
                        self.error(
                            e.span,
                            format!("non-name {} on left side of :=", self.text(e.span)),
                        );
                    }
                }
            } else {
                let lx = self.lhs_expr(e);
                if lx.ty == TypeTable::INVALID || t == TypeTable::INVALID {
                    continue;
                }
                if self.check_assignable_lhs(&lx, e) && !self.assignable_type(t, lx.ty) {
                    let d = self.describe(&lx, e);
                    self.error(
                        e.span,
                        format!("cannot assign {} value to {d} in range", self.type_str(t)),
                    );
                }
            }
        }
        for (n, o) in decls {
            self.declare_local(&n, o);
        }
    }

    /// Collects the labels of a function body (labels are function-scoped).
    pub(crate) fn labels_in_body(&mut self, body: &Block) {
        struct V(Vec<(Ident, bool)>);
        impl goxide_ast::visit::Visitor for V {
            fn stmt(&mut self, s: &Stmt) -> bool {
                if let StmtKind::Labeled { label, .. } = &s.kind {
                    self.0.push((label.clone(), true));
                }
                true
            }
            fn expr(&mut self, e: &Expr) -> bool {
                !matches!(e.kind, ExprKind::FuncLit { .. })
            }
        }
        let mut v = V(Vec::new());
        goxide_ast::visit::walk_block(&mut v, body);
        let saved = std::mem::take(&mut self.labels);
        let mut mine = Vec::new();
        for (l, _) in v.0 {
            if l.name == "_" {
                continue;
            }
            if self.labels.contains_key(&l.name) {
                self.error(l.span, format!("label {} already defined", l.name));
                continue;
            }
            let o = self.new_obj(
                &l.name,
                ObjKind::Label,
                TypeTable::INVALID,
                Some((l.id, l.span)),
            );
            self.labels.insert(l.name.clone(), o);
            mine.push(o);
        }
        self.label_stack.push((saved, mine));
    }

    /// Ends a function body's label scope, reporting unused labels.
    pub(crate) fn end_labels(&mut self) {
        let Some((saved, mine)) = self.label_stack.pop() else {
            return;
        };
        for o in mine {
            if !self.used_labels.contains(&o) {
                let (n, sp) = (self.obj(o).name.clone(), self.obj(o).span);
                self.error(sp, format!("label {n} defined and not used"));
            }
        }
        self.labels = saved;
    }

    /// Whether a statement list ends in a terminating statement (per the spec).
    pub(crate) fn is_terminating_list(&self, stmts: &[Stmt]) -> bool {
        let last = stmts
            .iter()
            .rev()
            .find(|s| !matches!(s.kind, StmtKind::Empty));
        last.is_some_and(|s| self.is_terminating(s, None))
    }

    fn is_terminating(&self, s: &Stmt, label: Option<&str>) -> bool {
        match &s.kind {
            StmtKind::Return(_) => true,
            StmtKind::Branch {
                kind: BranchKind::Goto,
                ..
            } => true,
            StmtKind::Expr(e) => {
                if let ExprKind::Call { func, .. } = &super::expr::strip_parens(e).kind {
                    let f = super::expr::strip_parens(func);
                    if let ExprKind::Ident(n) = &f.kind {
                        if n == "panic" {
                            return self.last_uses.get(&f.id).is_some_and(|&o| {
                                matches!(
                                    self.obj(o).kind,
                                    ObjKind::Builtin(crate::object::Builtin::Panic)
                                )
                            });
                        }
                    }
                }
                false
            }
            StmtKind::Block(b) => self.is_terminating_list(&b.stmts),
            StmtKind::If { then, els, .. } => {
                els.as_ref().is_some_and(|e| self.is_terminating(e, None))
                    && self.is_terminating_list(&then.stmts)
            }
            StmtKind::Labeled { label: l, stmt } => self.is_terminating(stmt, Some(&l.name)),
            StmtKind::For {
                cond: None, body, ..
            } => !has_break(&body.stmts, label, true),
            StmtKind::Switch { clauses, .. } => {
                clauses.iter().any(|c| c.is_default)
                    && clauses.iter().all(|c| {
                        !has_break(&c.body, label, true)
                            && (self.is_terminating_list(&c.body) || ends_in_fallthrough(&c.body))
                    })
            }
            StmtKind::TypeSwitch { clauses, .. } => {
                clauses.iter().any(|c| c.is_default)
                    && clauses.iter().all(|c| {
                        !has_break(&c.body, label, true) && self.is_terminating_list(&c.body)
                    })
            }
            StmtKind::Select { clauses } => clauses
                .iter()
                .all(|c| !has_break(&c.body, label, true) && self.is_terminating_list(&c.body)),
            _ => false,
        }
    }
}

fn ends_in_fallthrough(stmts: &[Stmt]) -> bool {
    matches!(
        stmts.last().map(|s| &s.kind),
        Some(StmtKind::Branch {
            kind: BranchKind::Fallthrough,
            ..
        })
    )
}

/// Whether `stmts` contain a break that targets the enclosing statement (unlabeled at the top
/// level, or labeled with `label`).
fn has_break(stmts: &[Stmt], label: Option<&str>, top: bool) -> bool {
    stmts.iter().any(|s| stmt_has_break(s, label, top))
}

fn stmt_has_break(s: &Stmt, label: Option<&str>, top: bool) -> bool {
    match &s.kind {
        StmtKind::Branch {
            kind: BranchKind::Break,
            label: l,
        } => match l {
            None => top,
            Some(l) => Some(l.name.as_str()) == label,
        },
        StmtKind::Block(b) => has_break(&b.stmts, label, top),
        StmtKind::Labeled { stmt, .. } => stmt_has_break(stmt, label, top),
        StmtKind::If { then, els, .. } => {
            has_break(&then.stmts, label, top)
                || els.as_ref().is_some_and(|e| stmt_has_break(e, label, top))
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            has_break(&body.stmts, label, false)
        }
        StmtKind::Switch { clauses, .. } => {
            clauses.iter().any(|c| has_break(&c.body, label, false))
        }
        StmtKind::TypeSwitch { clauses, .. } => {
            clauses.iter().any(|c| has_break(&c.body, label, false))
        }
        StmtKind::Select { clauses } => clauses.iter().any(|c| has_break(&c.body, label, false)),
        _ => false,
    }
}

/// Labels in scope of the function body being checked.
pub(crate) type LabelScope = HashMap<String, ObjId>;
