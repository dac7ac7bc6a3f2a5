//! Nil guards of optional borrows. A pointer parameter that may be nil is an `Option<&T>` /
//! `Option<&mut T>` (see `ptr_params`); when the function's first statement naming it returns
//! early on nil,
//!
//! ```go
//! func describe(a *Address) string {
//!     if a == nil {
//!         return "nowhere"
//!     }
//!     return a.Street + ", " + a.City
//! }
//! ```
//!
//! the guard is a `let … else`, and the parameter is a plain borrow after it:
//! `let Some(a) = a else { return String::from("nowhere"); };` then `a.street`.
//!
//! A guard is an `if p == nil` (or `nil == p`) statement of the function's own block, without
//! an init statement or an `else`, whose block ends in a `return` and does not name `p`; no
//! statement before it names `p`, and nothing in the function gives `p` another value or takes
//! its address (so `p` stays non-nil after it, as the `let … else` says). Functions with
//! labels are left alone (`goto` could jump over the guard).

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, Program};
use std::collections::{HashMap, HashSet};

/// The guards found: the `if` statements, with the parameter each one narrows.
#[derive(Default, Debug)]
pub struct NilGuards {
    pub guards: HashMap<NodeId, ObjId>,
    /// The parameters narrowed (a plain borrow after their guard).
    pub narrowed: HashSet<ObjId>,
    /// `if p != nil` statements, with the parameter each one narrows in its block.
    pub if_lets: HashMap<NodeId, ObjId>,
}

/// Finds the nil guards of the `optional` parameters of `files`' functions.
pub fn find(prog: &Program, info: &Info, files: &[&File], optional: &HashSet<ObjId>) -> NilGuards {
    let mut out = NilGuards::default();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(body) = &fd.body else { continue };
            if crate::last_use::has_labels(body) {
                continue;
            }
            let params = fd
                .sig
                .params
                .iter()
                .flat_map(|g| &g.names)
                .filter_map(|n| info.defs.get(&n.id).copied())
                .filter(|o| optional.contains(o));
            for p in params {
                if changed(info, body, p) {
                    continue;
                }
                let Some(first) = body.stmts.iter().find(|s| names(info, s, p)) else {
                    continue;
                };
                if is_guard(prog, info, first, p) {
                    out.guards.insert(first.id, p);
                    out.narrowed.insert(p);
                    continue;
                }
                let mut f = NonNilIfs {
                    prog,
                    info,
                    p,
                    found: Vec::new(),
                };
                visit::walk_block(&mut f, body);
                out.if_lets.extend(f.found.into_iter().map(|id| (id, p)));
            }
        }
    }
    out
}

/// The `if p != nil` statements of a function, outside function literals.
struct NonNilIfs<'a> {
    prog: &'a Program,
    info: &'a Info,
    p: ObjId,
    found: Vec<NodeId>,
}

impl Visitor for NonNilIfs<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        if let StmtKind::If {
            init: None, cond, ..
        } = &s.kind
        {
            if nil_cmp(self.prog, self.info, cond, BinaryOp::Ne) == Some(self.p) {
                self.found.push(s.id);
            }
        }
        true
    }
    fn expr(&mut self, e: &Expr) -> bool {
        !matches!(e.kind, ExprKind::FuncLit { .. })
    }
}

/// The variable `cond` compares with nil by `op` (`p == nil`, `nil != p`).
fn nil_cmp(prog: &Program, info: &Info, cond: &Expr, op: BinaryOp) -> Option<ObjId> {
    let ExprKind::Binary { op: o, x, y } = &strip_parens(cond).kind else {
        return None;
    };
    if *o != op {
        return None;
    }
    let nil = |e: &Expr| {
        info.uses
            .get(&strip_parens(e).id)
            .is_some_and(|&o| matches!(prog.obj(o).kind, ObjKind::Nil))
    };
    let var = |e: &Expr| {
        let e = strip_parens(e);
        matches!(e.kind, ExprKind::Ident(_))
            .then(|| info.uses.get(&e.id).copied())
            .flatten()
    };
    if nil(y) {
        var(x)
    } else if nil(x) {
        var(y)
    } else {
        None
    }
}

/// Whether `s` is `if p == nil { …; return … }` with a block that does not name `p`.
fn is_guard(prog: &Program, info: &Info, s: &Stmt, p: ObjId) -> bool {
    let StmtKind::If {
        init: None,
        cond,
        then,
        els: None,
    } = &s.kind
    else {
        return false;
    };
    let compares = nil_cmp(prog, info, cond, BinaryOp::Eq) == Some(p);
    compares
        && matches!(
            then.stmts.last().map(|s| &s.kind),
            Some(StmtKind::Return(_))
        )
        && !then.stmts.iter().any(|s| names(info, s, p))
}

/// Whether statement `s` names `o`.
fn names(info: &Info, s: &Stmt, o: ObjId) -> bool {
    struct Find<'a> {
        info: &'a Info,
        o: ObjId,
        found: bool,
    }
    impl Visitor for Find<'_> {
        fn expr(&mut self, e: &Expr) -> bool {
            if matches!(e.kind, ExprKind::Ident(_)) && self.info.uses.get(&e.id) == Some(&self.o) {
                self.found = true;
            }
            true
        }
    }
    let mut f = Find {
        info,
        o,
        found: false,
    };
    visit::walk_stmt(&mut f, s);
    f.found
}

/// Whether something in `body` gives `o` another value or takes its address.
fn changed(info: &Info, body: &Block, o: ObjId) -> bool {
    struct Find<'a> {
        info: &'a Info,
        o: ObjId,
        found: bool,
    }
    impl Find<'_> {
        fn is(&self, e: &Expr) -> bool {
            self.info.uses.get(&strip_parens(e).id) == Some(&self.o)
        }
    }
    impl Visitor for Find<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            match &s.kind {
                StmtKind::Assign { lhs, .. } if lhs.iter().any(|l| self.is(l)) => self.found = true,
                StmtKind::Range { key, value, .. }
                    if key.iter().chain(value).any(|l| self.is(l)) =>
                {
                    self.found = true
                }
                _ => {}
            }
            true
        }
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } = &e.kind
            {
                if self.is(x) {
                    self.found = true;
                }
            }
            true
        }
    }
    let mut f = Find {
        info,
        o,
        found: false,
    };
    visit::walk_block(&mut f, body);
    f.found
}
