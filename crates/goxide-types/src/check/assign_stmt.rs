//! Assignments, `:=` declarations, op-assignments and return statements.

use super::operand::Operand;
use super::Checker;
use crate::info::Mode;
use crate::object::ObjKind;
use crate::types::{Type, TypeTable};
use goxide_ast::ast::{AssignOp, Expr, ExprKind, Ident, Stmt};

impl Checker<'_> {
    /// Reports an assignment to something that cannot be assigned.
    pub(crate) fn check_assignable_lhs(&mut self, x: &Operand, e: &Expr) -> bool {
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

    pub(crate) fn is_map_index(&self, e: &Expr) -> bool {
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
    pub(crate) fn lhs_expr(&mut self, e: &Expr) -> Operand {
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

    pub(crate) fn assign_stmt(&mut self, s: &Stmt, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) {
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
    pub(crate) fn record_comma_ok(&mut self, _e: &Expr, _xs: &[Operand]) {}

    pub(crate) fn define(&mut self, s: &Stmt, lhs: &[Expr], rhs: &[Expr]) {
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
        let mut seen = crate::fx::HashSet::default();
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

    pub(crate) fn return_stmt(&mut self, s: &Stmt, results: &[Expr]) {
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
}
