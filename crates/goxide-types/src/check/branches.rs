//! Placement of `fallthrough`, labeled `break`/`continue`, and `goto` targets (jumps over
//! variable declarations or into blocks), checked per function body.

use super::Checker;
use goxide_ast::ast::{AssignOp, Block, BranchKind, DeclKind, Stmt, StmtKind};
use goxide_ast::Span;

#[derive(Clone, Copy, Default)]
struct Ctx {
    fallthrough_ok: bool,
    final_case: bool,
    type_switch: bool,
}

/// One statement list being walked: its labels (name, index) and the variable declarations
/// at its level (index).
struct Level<'s> {
    stmts: &'s [Stmt],
    /// Index of the statement of this list currently being walked.
    cur: usize,
}

struct Walk<'s> {
    levels: Vec<Level<'s>>,
    /// Labels of enclosing labeled statements: name, and whether the statement is a loop
    /// (`Some(true)`), a switch or select (`Some(false)`), or something else (`None`).
    enclosing: Vec<(&'s str, Option<bool>)>,
    /// All labels of the function.
    all_labels: Vec<&'s str>,
    errs: Vec<(Span, String)>,
}

fn label_of(s: &Stmt) -> Option<&str> {
    match &s.kind {
        StmtKind::Labeled { label, .. } => Some(label.name.as_str()),
        _ => None,
    }
}

fn declares_var(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Decl(d) => matches!(d.kind, DeclKind::Var(_)),
        StmtKind::Assign { op, .. } => *op == AssignOp::Define,
        _ => false,
    }
}

fn collect_labels<'s>(stmts: &'s [Stmt], out: &mut Vec<&'s str>) {
    for s in stmts {
        collect_stmt_labels(s, out);
    }
}

fn collect_stmt_labels<'s>(s: &'s Stmt, out: &mut Vec<&'s str>) {
    match &s.kind {
        StmtKind::Labeled { label, stmt } => {
            out.push(label.name.as_str());
            collect_stmt_labels(stmt, out);
        }
        StmtKind::Block(b) => collect_labels(&b.stmts, out),
        StmtKind::If { then, els, .. } => {
            collect_labels(&then.stmts, out);
            if let Some(e) = els {
                collect_stmt_labels(e, out);
            }
        }
        StmtKind::Switch { clauses, .. } => {
            for c in clauses {
                collect_labels(&c.body, out);
            }
        }
        StmtKind::TypeSwitch { clauses, .. } => {
            for c in clauses {
                collect_labels(&c.body, out);
            }
        }
        StmtKind::Select { clauses } => {
            for c in clauses {
                collect_labels(&c.body, out);
            }
        }
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => {
            collect_labels(&body.stmts, out)
        }
        _ => {}
    }
}

impl<'s> Walk<'s> {
    fn list(&mut self, stmts: &'s [Stmt], ctx: Ctx) {
        let mut n = stmts.len();
        while n > 0 && matches!(stmts[n - 1].kind, StmtKind::Empty) {
            n -= 1;
        }
        self.levels.push(Level { stmts, cur: 0 });
        for (i, s) in stmts.iter().enumerate() {
            if let Some(l) = self.levels.last_mut() {
                l.cur = i;
            }
            let mut inner = Ctx {
                fallthrough_ok: false,
                ..ctx
            };
            if ctx.fallthrough_ok && i + 1 == n {
                inner.fallthrough_ok = true;
            }
            self.stmt(s, inner, None);
        }
        self.levels.pop();
    }

    fn stmt(&mut self, s: &'s Stmt, ctx: Ctx, label: Option<&'s str>) {
        let inner = Ctx::default();
        match &s.kind {
            StmtKind::Labeled { label, stmt } => {
                let kind = match &stmt.kind {
                    StmtKind::For { .. } | StmtKind::Range { .. } => Some(true),
                    StmtKind::Switch { .. }
                    | StmtKind::TypeSwitch { .. }
                    | StmtKind::Select { .. } => Some(false),
                    _ => None,
                };
                self.enclosing.push((label.name.as_str(), kind));
                self.stmt(stmt, ctx, Some(label.name.as_str()));
                self.enclosing.pop();
            }
            StmtKind::Branch { kind, label: l } => self.branch(s, *kind, l.as_ref(), ctx),
            StmtKind::Block(b) => self.block(b, inner),
            StmtKind::If { then, els, .. } => {
                self.block(then, inner);
                if let Some(e) = els {
                    self.stmt(e, inner, None);
                }
            }
            StmtKind::Switch { clauses, .. } => {
                for (i, c) in clauses.iter().enumerate() {
                    let mut cc = inner;
                    if i + 1 < clauses.len() {
                        cc.fallthrough_ok = true;
                    } else {
                        cc.final_case = true;
                    }
                    self.list(&c.body, cc);
                }
            }
            StmtKind::TypeSwitch { clauses, .. } => {
                for c in clauses {
                    let cc = Ctx {
                        type_switch: true,
                        ..inner
                    };
                    self.list(&c.body, cc);
                }
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    self.list(&c.body, inner);
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => self.block(body, inner),
            _ => {}
        }
        let _ = label;
    }

    fn block(&mut self, b: &'s Block, ctx: Ctx) {
        self.list(&b.stmts, ctx);
    }

    fn branch(
        &mut self,
        s: &Stmt,
        kind: BranchKind,
        label: Option<&goxide_ast::ast::Ident>,
        ctx: Ctx,
    ) {
        match kind {
            BranchKind::Fallthrough => {
                if !ctx.fallthrough_ok {
                    let msg = if ctx.final_case {
                        "cannot fallthrough final case in switch"
                    } else if ctx.type_switch {
                        "cannot fallthrough in type switch"
                    } else {
                        "fallthrough statement out of place"
                    };
                    self.errs.push((s.span, msg.to_string()));
                }
            }
            BranchKind::Break | BranchKind::Continue => {
                let Some(l) = label else { return };
                if !self.all_labels.contains(&l.name.as_str()) {
                    return; // reported as undefined elsewhere
                }
                let ok = self.enclosing.iter().rev().any(|(n, k)| {
                    *n == l.name
                        && match kind {
                            BranchKind::Break => k.is_some(),
                            _ => *k == Some(true),
                        }
                });
                if !ok {
                    let w = if kind == BranchKind::Break {
                        "break"
                    } else {
                        "continue"
                    };
                    self.errs
                        .push((l.span, format!("invalid {w} label {}", l.name)));
                }
            }
            BranchKind::Goto => {
                let Some(l) = label else { return };
                let name = l.name.as_str();
                if !self.all_labels.contains(&name) {
                    return;
                }
                for lv in self.levels.iter().rev() {
                    let Some(j) = lv.stmts.iter().position(|t| label_of(t) == Some(name)) else {
                        continue;
                    };
                    if j > lv.cur {
                        if let Some(d) = lv.stmts[lv.cur + 1..j].iter().find(|t| declares_var(t)) {
                            let _ = d;
                            self.errs.push((
                                s.span,
                                format!("goto {name} jumps over variable declaration"),
                            ));
                        }
                    }
                    return;
                }
                self.errs
                    .push((s.span, format!("goto {name} jumps into block")));
            }
        }
    }
}

impl Checker<'_> {
    /// Checks the placement of branch statements in a function body (not in the bodies of
    /// function literals, which are checked on their own).
    pub(crate) fn check_branches(&mut self, body: &Block) {
        let mut all = Vec::new();
        collect_labels(&body.stmts, &mut all);
        let mut w = Walk {
            levels: Vec::new(),
            enclosing: Vec::new(),
            all_labels: all,
            errs: Vec::new(),
        };
        w.block(body, Ctx::default());
        for (span, msg) in w.errs {
            self.error(span, msg);
        }
    }
}
