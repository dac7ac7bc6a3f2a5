//! Last uses of local variables. Go copies a string, slice header or struct freely; Rust moves,
//! so the translation clones a local's value wherever Go reads it (`out.push(s.clone())`). At
//! a local's last use nothing reads it again, and the value can move instead:
//! `out.push(s)`, `self.headers.insert(k, v)`.
//!
//! A use of local `v` (found here) is its last use when it is the last identifier naming `v`
//! in source order in its function, it is the only one in its statement (a Rust assignment
//! evaluates its right-hand side first, so two uses in one statement may run in another
//! order), no loop around it leaves `v`'s scope (each iteration would use it again: `v` is
//! declared inside every loop around the use), it is not inside a function literal nor a `go`
//! or `defer` statement, no function literal names `v` at all (a closure may still hold it), `v`
//! is no named result, and the function has no labels (a `goto` may jump back). A variable
//! that is a whole value of a `return` statement naming it once (`return w`, `return v, nil`)
//! is used there for the last time on that path, wherever it stands: it moves too. The caller
//! leaves out variables that live in cells or are borrowed, and pointers and functions (see
//! `moves` for pointers).

use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, Program};
use std::collections::{HashMap, HashSet};

/// The identifiers (uses of local variables) that are their variable's last use.
pub fn find(
    prog: &Program,
    info: &Info,
    files: &[&File],
    excluded: &dyn Fn(ObjId) -> bool,
) -> HashSet<NodeId> {
    let mut out = HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(body) = &fd.body else { continue };
            if has_labels(body) {
                continue;
            }
            // (Each function literal's own variables are looked at likewise, from the walk.)
            body_last_uses(prog, info, &fd.sig, body, excluded, &mut out);
        }
    }
    out
}

/// The last uses of the variables a function body (or a function literal's) declares.
fn body_last_uses(
    prog: &Program,
    info: &Info,
    sig: &FuncType,
    body: &Block,
    excluded: &dyn Fn(ObjId) -> bool,
    out: &mut HashSet<NodeId>,
) {
    let mut w = Walk {
        prog,
        info,
        excluded,
        out,
        loops: 0,
        hidden: 0,
        stmt: None,
        order: 0,
        defs: HashMap::new(),
        uses: HashMap::new(),
        returned: HashSet::new(),
    };
    // (Parameters are declared outside every loop; named results are read by a bare
    // `return`, so they are left out.)
    for g in &sig.params {
        for n in &g.names {
            if let Some(&o) = info.defs.get(&n.id) {
                w.defs.insert(o, 0);
            }
        }
    }
    visit::walk_block(&mut w, body);
    let Walk {
        defs,
        uses,
        returned,
        ..
    } = w;
    for (o, uses) in &uses {
        let local = matches!(prog.obj(*o).kind, ObjKind::Var { global: false, .. });
        let Some(&depth) = defs.get(o) else {
            continue;
        };
        if !local || excluded(*o) {
            continue;
        }
        // (A closure naming the variable may still hold it.)
        if uses.iter().any(|u| u.hidden) {
            continue;
        }
        let Some(last) = uses.iter().max_by_key(|u| u.order) else {
            continue;
        };
        let alone = uses
            .iter()
            .filter(|u| u.stmt == last.stmt && last.stmt.is_some())
            .count()
            == 1;
        if alone && last.loops == depth {
            out.insert(last.id);
        }
        // `return v`: nothing after it runs (no closure names `v`, so no deferred call
        // reads it).
        for u in uses.iter().filter(|u| returned.contains(&u.id)) {
            if uses.iter().filter(|o| o.stmt == u.stmt).count() == 1 {
                out.insert(u.id);
            }
        }
    }
}

/// One use of a variable.
struct Use {
    id: NodeId,
    order: usize,
    /// The innermost statement around it.
    stmt: Option<NodeId>,
    /// How many loops are around it.
    loops: usize,
    /// Inside a function literal, `go` or `defer`.
    hidden: bool,
}

struct Walk<'a> {
    prog: &'a Program,
    info: &'a Info,
    excluded: &'a dyn Fn(ObjId) -> bool,
    out: &'a mut HashSet<NodeId>,
    loops: usize,
    hidden: usize,
    stmt: Option<NodeId>,
    order: usize,
    /// Each local declared in the function, with the loops around its declaration.
    defs: HashMap<ObjId, usize>,
    uses: HashMap<ObjId, Vec<Use>>,
    /// Identifiers that are a whole value of a `return` statement of the function itself.
    returned: HashSet<NodeId>,
}

impl Walk<'_> {
    fn def(&mut self, id: NodeId) {
        if let Some(&o) = self.info.defs.get(&id) {
            self.defs.insert(o, self.loops);
        }
    }

    /// Runs `f` with `s` as the current statement.
    fn in_stmt(&mut self, s: &Stmt, f: impl FnOnce(&mut Self)) {
        let prev = self.stmt.replace(s.id);
        f(self);
        self.stmt = prev;
    }
}

impl Visitor for Walk<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Go(c) | StmtKind::Defer(c) => {
                self.hidden += 1;
                self.in_stmt(s, |w| visit::walk_expr(w, c));
                self.hidden -= 1;
                false
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    visit::walk_stmt(self, i);
                }
                self.loops += 1;
                if let Some(c) = cond {
                    self.in_stmt(s, |w| visit::walk_expr(w, c));
                }
                if let Some(p) = post {
                    visit::walk_stmt(self, p);
                }
                visit::walk_block(self, body);
                self.loops -= 1;
                false
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                self.in_stmt(s, |w| visit::walk_expr(w, x));
                self.loops += 1;
                for k in key.iter().chain(value) {
                    if let ExprKind::Ident(_) = &k.kind {
                        self.def(k.id);
                    }
                    self.in_stmt(s, |w| visit::walk_expr(w, k));
                }
                visit::walk_block(self, body);
                self.loops -= 1;
                false
            }
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                ..
            } => {
                for l in lhs {
                    self.def(l.id);
                }
                self.stmt = Some(s.id);
                true
            }
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for spec in specs {
                    for n in &spec.names {
                        self.def(n.id);
                    }
                }
                self.stmt = Some(s.id);
                true
            }
            StmtKind::TypeSwitch { bind, .. } => {
                if let Some(b) = bind {
                    self.def(b.id);
                }
                self.stmt = Some(s.id);
                true
            }
            StmtKind::Return(vals) => {
                if self.hidden == 0 {
                    for v in vals {
                        let v = crate::builtins::strip_parens(v);
                        if matches!(v.kind, ExprKind::Ident(_)) {
                            self.returned.insert(v.id);
                        }
                    }
                }
                self.stmt = Some(s.id);
                true
            }
            // (A compound statement's header expressions count as its own; those after an
            // init statement count as the init's, which only makes fewer last uses.)
            _ => {
                self.stmt = Some(s.id);
                true
            }
        }
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    self.order += 1;
                    let u = Use {
                        id: e.id,
                        order: self.order,
                        stmt: self.stmt,
                        loops: self.loops,
                        hidden: self.hidden > 0,
                    };
                    self.uses.entry(o).or_default().push(u);
                }
                true
            }
            ExprKind::FuncLit { sig, body } => {
                // The literal's own variables.
                body_last_uses(self.prog, self.info, sig, body, self.excluded, self.out);
                self.hidden += 1;
                let prev = self.stmt;
                visit::walk_block(self, body);
                self.stmt = prev;
                self.hidden -= 1;
                false
            }
            _ => true,
        }
    }
}

/// Whether a body has a labeled statement (a `goto` may jump back to it).
pub(crate) fn has_labels(b: &Block) -> bool {
    struct F(bool);
    impl Visitor for F {
        fn stmt(&mut self, s: &Stmt) -> bool {
            self.0 |= matches!(s.kind, StmtKind::Labeled { .. });
            !self.0
        }
    }
    let mut f = F(false);
    visit::walk_block(&mut f, b);
    f.0
}
