//! Labels (function-scoped) and the terminating-statement analysis behind "missing return".

use super::Checker;
use crate::fx::HashMap;
use crate::object::ObjKind;
use crate::types::TypeTable;
use crate::ObjId;
use goxide_ast::ast::{Block, BranchKind, Expr, ExprKind, Ident, Stmt, StmtKind};

impl Checker<'_> {
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

    pub(crate) fn is_terminating(&self, s: &Stmt, label: Option<&str>) -> bool {
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
