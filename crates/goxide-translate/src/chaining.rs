//! Chaining methods. Go builders return their receiver so that calls chain:
//!
//! ```go
//! func (q *Query) Where(c string) *Query {
//!     q.conds = append(q.conds, c)
//!     return q
//! }
//!
//! q := From("users")
//! q.Where("age > 18").Where("active")
//! ```
//!
//! Returning the receiver is using it as a pointer value, which would make the method an
//! associated function taking a shared pointer (see `ptr_receivers`). When every caller only
//! chains on the result (calls a method on it) or drops it, the method rather borrows its
//! receiver and returns that borrow, as a Rust builder does: `fn r#where(&mut self, c: String)
//! -> &mut Self { …; self }`, called `q.r#where(…).r#where(…);` on whatever `q` is.
//!
//! A chaining method (found here) is a pointer-receiver method of a named struct type of the
//! package (not generic, not linked, no method an interface of the package names) with one
//! unnamed result of the receiver's type and no `defer`, that writes through its receiver,
//! uses it as a pointer value only to return it, and returns nothing else: `return p`, or
//! `return p.M(…)` of another chaining method. Every use of it is a call whose result is
//! dropped (an expression statement), is the receiver of a method that takes its receiver as a
//! borrow, or is returned by such a `return` of a chaining method.
//!
//! A variable given a chain's result, `q := From("users").Where("active")`, holds the pointer
//! the chain starts from: [`splits`] finds these statements, which the facade rewrites to
//! `q := From("users")` followed by `q.Where("active")` (the same calls in the same order, and
//! `q` the same pointer) before checking the package again, so that the chain's result is
//! dropped there too.

use crate::builtins::strip_parens;
use crate::ptr_receivers::{chain_on, Facts};
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, Program, SelectionKind, Type};
use std::collections::{HashMap, HashSet};

/// Where a call of a candidate method is.
#[derive(Clone, Copy, Debug)]
enum Site {
    /// An expression statement: the result is dropped.
    Dropped,
    /// The receiver of a call of this method.
    Receiver(ObjId),
    /// Returned by this method (a chain on its receiver).
    Returned(ObjId),
    /// The value of a variable declared alone (`q := E.M(…)`), to be split.
    Split(NodeId),
}

/// The chaining methods of a package. With `split`, a variable declared with a chain's result
/// counts as a dropped result (the statements [`splits`] rewrites).
pub fn find(
    prog: &Program,
    info: &Info,
    files: &[&File],
    facts: &Facts,
    linked: &dyn Fn(goxide_types::TypeId) -> bool,
    split: bool,
) -> HashSet<ObjId> {
    decide(prog, info, files, facts, linked, split).0
}

/// The statements declaring a variable with a chain's result (by id), with the chain's start
/// (the expression the first call is on): rewritten by [`apply_splits`].
pub fn splits(prog: &Program, info: &Info, files: &[&File]) -> HashMap<NodeId, NodeId> {
    let facts = crate::ptr_receivers::facts(prog, info, files);
    decide(prog, info, files, &facts, &|_| false, true).1
}

fn decide(
    prog: &Program,
    info: &Info,
    files: &[&File],
    facts: &Facts,
    linked: &dyn Fn(goxide_types::TypeId) -> bool,
    split: bool,
) -> (HashSet<ObjId>, HashMap<NodeId, NodeId>) {
    let iface_names = crate::ptr_params::written_interface_method_names(files);
    let mut cands: HashSet<ObjId> = HashSet::new();
    // Per candidate: its receiver (for the `return` chains on it).
    let mut recvs: HashMap<ObjId, ObjId> = HashMap::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(r), Some(body), Some(&m)) = (&fd.recv, &fd.body, info.defs.get(&fd.name.id))
            else {
                continue;
            };
            let Some(&recv) = r.name.as_ref().and_then(|n| info.defs.get(&n.id)) else {
                continue;
            };
            let plain =
                matches!(&r.ty.kind, ExprKind::Star(t) if matches!(t.kind, ExprKind::Ident(_)));
            let rt = prog.obj(recv).ty;
            let one_result = matches!(prog.types.under(prog.obj(m).ty),
                Type::Func(sig) if sig.results.len() == 1 && sig.results[0] == rt)
                && fd.sig.results.iter().all(|g| g.names.is_empty());
            let fine = plain
                && one_result
                && facts.recv_returns.contains_key(&m)
                && !facts.value_use.contains(&m)
                && !facts.other_returns.contains(&m)
                && !iface_names.contains(&fd.name.name)
                && !matches!(prog.types.get(rt), Type::Pointer(e) if linked(*e))
                && !crate::decl::defers_anywhere(body)
                && crate::decl::writes_through_but(info, body, recv, &HashSet::new());
            if fine {
                cands.insert(m);
                recvs.insert(m, recv);
            }
        }
    }
    if cands.is_empty() {
        return (cands, HashMap::new());
    }
    let mut w = Sites {
        prog,
        info,
        lits: 0,
        deferred: 0,
        cands: &cands,
        recvs: &recvs,
        split,
        method: None,
        sites: HashMap::new(),
        calls: HashMap::new(),
        bad: HashSet::new(),
        starts: HashMap::new(),
    };
    for f in files {
        for d in &f.decls {
            w.method = match &d.kind {
                DeclKind::Func(fd) => info.defs.get(&fd.name.id).copied(),
                _ => None,
            };
            visit::walk_decl(&mut w, d);
        }
    }
    let Sites {
        sites,
        calls,
        bad,
        starts,
        ..
    } = w;
    loop {
        let ptr_value = crate::ptr_receivers::close(facts, &cands);
        let before = cands.len();
        let snapshot = cands.clone();
        cands.retain(|m| {
            !bad.contains(m)
                && facts
                    .recv_returns
                    .get(m)
                    .is_some_and(|cs| cs.iter().all(|c| snapshot.contains(c)))
                && calls
                    .get(m)
                    .into_iter()
                    .flatten()
                    .all(|id| match sites.get(id) {
                        Some(Site::Dropped | Site::Split(_)) => true,
                        Some(Site::Receiver(outer)) => !ptr_value.contains(outer),
                        Some(Site::Returned(enclosing)) => snapshot.contains(enclosing),
                        None => false,
                    })
        });
        if cands.len() == before {
            break;
        }
    }
    // The statements to split: every call of their chains is a chaining method's.
    let mut split_stmts: HashMap<NodeId, bool> = HashMap::new();
    for (m, ids) in &calls {
        for id in ids {
            if let Some(Site::Split(s)) = sites.get(id) {
                let ok = split_stmts.entry(*s).or_insert(true);
                *ok &= cands.contains(m);
            }
        }
    }
    let splits = split_stmts
        .into_iter()
        .filter(|(_, ok)| *ok)
        .filter_map(|(s, _)| Some((s, *starts.get(&s)?)))
        .collect();
    (cands, splits)
}

/// Finds every call of a candidate method and where it is.
struct Sites<'a> {
    prog: &'a Program,
    info: &'a Info,
    /// Depth of function literals.
    lits: usize,
    /// Depth of `go` and `defer` statements.
    deferred: usize,
    cands: &'a HashSet<ObjId>,
    recvs: &'a HashMap<ObjId, ObjId>,
    split: bool,
    /// The method being walked.
    method: Option<ObjId>,
    sites: HashMap<NodeId, Site>,
    /// Per candidate: its calls.
    calls: HashMap<ObjId, Vec<NodeId>>,
    /// Candidates used otherwise than called (method values and expressions).
    bad: HashSet<ObjId>,
    /// Split statements: the start of their chain.
    starts: HashMap<NodeId, NodeId>,
}

impl Sites<'_> {
    /// The candidate method `e` calls, if it is such a call.
    fn cand_call(&self, e: &Expr) -> Option<ObjId> {
        let e = strip_parens(e);
        let ExprKind::Call { func, .. } = &e.kind else {
            return None;
        };
        let s = self.info.selections.get(&strip_parens(func).id)?;
        (s.kind == SelectionKind::MethodVal && s.path.is_empty() && self.cands.contains(&s.obj))
            .then_some(s.obj)
    }

    fn site(&mut self, e: &Expr, site: Site) {
        // (A chain in a `go` or `defer` statement runs later, when no borrow is left.)
        if self.cand_call(e).is_some() && self.deferred == 0 {
            self.sites.insert(strip_parens(e).id, site);
        }
    }

    /// `x := chain` / `var x = chain` (one new name, one value, of pointer type) whose chain
    /// arguments name nothing called `x`: the split site of its outermost call.
    fn split_site(&mut self, s: &Stmt, name: &Ident, v: &Expr) {
        if name.is_blank() || self.lits > 0 {
            return;
        }
        // The chain's start, which must be the pointer the variable gets (`v.M()` of a value
        // `v` takes its address).
        let mut start = strip_parens(v);
        let mut args_name = false;
        let mut calls = 0;
        while self.cand_call(start).is_some() {
            let ExprKind::Call { func, args, .. } = &start.kind else {
                break;
            };
            let ExprKind::Selector { x, .. } = &strip_parens(func).kind else {
                break;
            };
            args_name |= args.iter().any(|a| names_ident(a, &name.name));
            start = strip_parens(x);
            calls += 1;
        }
        let pointer = self
            .info
            .type_of(start.id)
            .is_some_and(|t| matches!(self.prog.types.under(t), Type::Pointer(_)));
        if calls > 0 && pointer && !args_name {
            self.site(v, Site::Split(s.id));
            self.starts.insert(s.id, start.id);
        }
    }
}

/// Whether `e` has an identifier spelled `name`.
fn names_ident(e: &Expr, name: &str) -> bool {
    struct F<'n>(&'n str, bool);
    impl Visitor for F<'_> {
        fn expr(&mut self, e: &Expr) -> bool {
            self.1 |= matches!(&e.kind, ExprKind::Ident(n) if n == self.0);
            !self.1
        }
    }
    let mut f = F(name, false);
    visit::walk_expr(&mut f, e);
    f.1
}

impl Visitor for Sites<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Go(c) | StmtKind::Defer(c) => {
                self.deferred += 1;
                visit::walk_expr(self, c);
                self.deferred -= 1;
                return false;
            }
            StmtKind::Expr(e) => self.site(e, Site::Dropped),
            StmtKind::Return(values) if self.lits == 0 => {
                if let (Some(m), [v]) = (self.method, values.as_slice()) {
                    let recv = self.recvs.get(&m).copied();
                    let on_recv = |x: &Expr| {
                        matches!(strip_parens(x).kind, ExprKind::Ident(_))
                            && recv.is_some()
                            && self.info.uses.get(&strip_parens(x).id) == recv.as_ref()
                    };
                    if chain_on(self.info, v, &on_recv).is_some() {
                        self.site(v, Site::Returned(m));
                    }
                }
            }
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                rhs,
            } if self.split => {
                if let ([l], [v]) = (lhs.as_slice(), rhs.as_slice()) {
                    if let ExprKind::Ident(n) = &l.kind {
                        let name = Ident {
                            id: l.id,
                            name: n.clone(),
                            span: l.span,
                        };
                        self.split_site(s, &name, v);
                    }
                }
            }
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) if self.split => {
                if let [spec] = specs.as_slice() {
                    if let ([n], [v]) = (spec.names.as_slice(), spec.values.as_slice()) {
                        self.split_site(s, n, v);
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Call { func, .. } => {
                let callee = strip_parens(func);
                if let Some(m) = self.cand_call(e) {
                    self.calls.entry(m).or_default().push(e.id);
                }
                if let ExprKind::Selector { x, .. } = &callee.kind {
                    let outer = self
                        .info
                        .selections
                        .get(&callee.id)
                        .filter(|s| s.kind == SelectionKind::MethodVal && s.path.is_empty());
                    if let Some(outer) = outer {
                        let outer = outer.obj;
                        if !self.sites.contains_key(&strip_parens(x).id) {
                            self.site(x, Site::Receiver(outer));
                        }
                    }
                    // (The selector itself is the call's: not a method value.)
                    visit::walk_expr(self, x);
                    if let ExprKind::Call { args, .. } = &e.kind {
                        for a in args {
                            visit::walk_expr(self, a);
                        }
                    }
                    return false;
                }
            }
            ExprKind::FuncLit { body, .. } => {
                self.lits += 1;
                visit::walk_block(self, body);
                self.lits -= 1;
                return false;
            }
            ExprKind::Selector { .. } => {
                if let Some(s) = self.info.selections.get(&e.id) {
                    if self.cands.contains(&s.obj) {
                        self.bad.insert(s.obj);
                    }
                }
            }
            _ => {}
        }
        true
    }
}

/// Rewrites each statement of `splits` (see [`splits`]), `x := E.A(a).B(b)`, into `x := E`
/// followed by `x.A(a).B(b)`, in every statement list of `files` (function literals included).
pub fn apply_splits(
    files: &mut [(goxide_ast::SourceFile, File)],
    splits: &HashMap<NodeId, NodeId>,
    ids: &mut IdGen,
) {
    for (_, f) in files.iter_mut() {
        for d in &mut f.decls {
            if let DeclKind::Func(fd) = &mut d.kind {
                if let Some(b) = &mut fd.body {
                    split_list(&mut b.stmts, splits, ids);
                }
            }
            goxide_ast::visit_mut::exprs_in_decl(d, &mut |e: &mut Expr| {
                if let ExprKind::FuncLit { body, .. } = &mut e.kind {
                    split_list(&mut body.stmts, splits, ids);
                }
            });
        }
    }
}

fn split_list(stmts: &mut Vec<Stmt>, splits: &HashMap<NodeId, NodeId>, ids: &mut IdGen) {
    let mut i = 0;
    while i < stmts.len() {
        split_nested(&mut stmts[i], splits, ids);
        if let Some(&start) = splits.get(&stmts[i].id) {
            if let Some(chain) = split_one(&mut stmts[i], start, ids) {
                stmts.insert(i + 1, chain);
                i += 1;
            }
        }
        i += 1;
    }
}

/// The statement lists inside `s` (not those of function literals).
fn split_nested(s: &mut Stmt, splits: &HashMap<NodeId, NodeId>, ids: &mut IdGen) {
    match &mut s.kind {
        StmtKind::Block(b) | StmtKind::For { body: b, .. } | StmtKind::Range { body: b, .. } => {
            split_list(&mut b.stmts, splits, ids)
        }
        StmtKind::If { then, els, .. } => {
            split_list(&mut then.stmts, splits, ids);
            if let Some(e) = els {
                split_nested(e, splits, ids);
            }
        }
        StmtKind::Switch { clauses, .. } => {
            for c in clauses {
                split_list(&mut c.body, splits, ids);
            }
        }
        StmtKind::TypeSwitch { clauses, .. } => {
            for c in clauses {
                split_list(&mut c.body, splits, ids);
            }
        }
        StmtKind::Select { clauses } => {
            for c in clauses {
                split_list(&mut c.body, splits, ids);
            }
        }
        StmtKind::Labeled { stmt, .. } => split_nested(stmt, splits, ids),
        _ => {}
    }
}

/// `x := chain` → `x := start`, returning the statement `chain` on `x`.
fn split_one(s: &mut Stmt, start: NodeId, ids: &mut IdGen) -> Option<Stmt> {
    let (name, value) = match &mut s.kind {
        StmtKind::Assign {
            lhs,
            op: AssignOp::Define,
            rhs,
        } if lhs.len() == 1 && rhs.len() == 1 => match &lhs[0].kind {
            ExprKind::Ident(n) => (n.clone(), &mut rhs[0]),
            _ => return None,
        },
        StmtKind::Decl(Decl {
            kind: DeclKind::Var(specs),
            ..
        }) if specs.len() == 1 => {
            let spec = &mut specs[0];
            match (spec.names.as_slice(), spec.values.as_mut_slice()) {
                ([n], [v]) => (n.name.clone(), v),
                _ => return None,
            }
        }
        _ => return None,
    };
    let mut chain = value.clone();
    let x = Expr {
        id: ids.fresh(),
        span: value.span,
        kind: ExprKind::Ident(name),
    };
    let taken = replace_start(&mut chain, start, x)?;
    *value = taken;
    Some(Stmt {
        id: ids.fresh(),
        span: chain.span,
        kind: StmtKind::Expr(chain),
    })
}

/// Replaces the chain's start (by id) in `e` with `x`, returning it.
fn replace_start(e: &mut Expr, start: NodeId, x: Expr) -> Option<Expr> {
    if e.id == start {
        return Some(std::mem::replace(e, x));
    }
    match &mut e.kind {
        ExprKind::Paren(inner) => replace_start(inner, start, x),
        ExprKind::Call { func, .. } => replace_start(func, start, x),
        ExprKind::Selector { x: recv, .. } => replace_start(recv, start, x),
        _ => None,
    }
}
