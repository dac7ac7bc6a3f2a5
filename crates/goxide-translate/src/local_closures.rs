//! Local closures. Go code often names a function literal only to call it a few times in the
//! function that declares it:
//!
//! ```go
//! count := map[string]int{}
//! add := func(w string) { count[w]++ }
//! for _, w := range words {
//!     add(w)
//! }
//! fmt.Println(count)
//! ```
//!
//! A Rust closure that borrows what it uses does the same (`let mut add = |w: String| {
//! *count.entry(w).or_default() += 1; };`) as long as nothing else uses those variables while
//! the closure is alive; then `count` needs no shared cell and the closure no `Rc`.
//!
//! Candidates (found here): `f := func(…) {…}` / `var f = func(…) {…}` declaring a local `f`
//! that is only ever called (`f(…)`, not in a `go` or `defer` statement, not from another
//! function literal, never assigned, compared or passed on), whose literal starts no goroutine,
//! and whose captured variables (locals of the enclosing code that the literal names) are
//! neither pointers nor functions, never have their address taken nor are re-sliced in the
//! function (other borrows of theirs could overlap the closure's), and are not named by any
//! statement of the list declaring `f` from the declaration through the last one using `f`
//! unless nothing changes them after their declaration (reading them then is fine).
//!
//! A closure whose captured variables are used (and changed) between its calls takes those
//! variables as parameters instead, lent by each call, as a Rust engineer would write it:
//!
//! ```go
//! var seen []string
//! visit := func(s string) { seen = append(seen, s) }
//! visit("a")
//! fmt.Println(len(seen))
//! ```
//!
//! becomes `let visit = |s: String, seen: &mut Vec<String>| { seen.push(s); };`, called
//! `visit(String::from("a"), &mut seen)` (`&T` when the closure only reads the variable). This
//! needs local variables (not parameters), the literal declared in the function's own body (not
//! in another literal), no other function literal naming those variables, and no statement
//! calling the closure that names them otherwise (nor a loop ranging over them around a call),
//! since each call borrows them.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, Program, Type};
use std::collections::{HashMap, HashSet};

/// The local closures of a package: each literal's id, with the variable naming it.
#[derive(Default, Debug)]
pub struct LocalClosures {
    pub lits: HashMap<NodeId, ObjId>,
    /// Of those, the ones given some captured variables as parameters instead (see
    /// [`threadable`]), with those variables.
    pub threads: HashMap<NodeId, Vec<ObjId>>,
}

/// Every local closure of `files`.
pub fn find(
    prog: &Program,
    info: &Info,
    files: &[&File],
    unchanged: &dyn Fn(ObjId) -> bool,
) -> LocalClosures {
    let mut out = LocalClosures::default();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(body) = &fd.body else { continue };
            let mut facts = BodyFacts::new(info);
            visit::walk_block(&mut facts, body);
            let mut lists = Lists {
                prog,
                info,
                unchanged,
                facts: &facts,
                out: &mut out,
            };
            lists.list(&body.stmts);
            visit::walk_block(&mut crate::subslice::EachList(&mut lists), body);
        }
    }
    out
}

/// What one function body does with its locals.
pub(crate) struct BodyFacts<'i> {
    info: &'i Info,
    /// Enclosing function literals, innermost last.
    lits: Vec<NodeId>,
    /// The innermost function literal around each literal (`None`: the body itself).
    parent: HashMap<NodeId, Option<NodeId>>,
    /// Depth of `go` and `defer` statements.
    hidden: usize,
    /// Identifiers called directly (`f(…)`), outside `go` and `defer` statements.
    call_ids: HashSet<NodeId>,
    /// Each use of a variable: whether it is a direct call, and the innermost literal around it.
    uses: HashMap<ObjId, Vec<(bool, Option<NodeId>)>>,
    /// Variables whose address is taken (`&x`, `&x.f`, `&x[i]`) or that are re-sliced.
    borrowed: HashSet<ObjId>,
}

impl<'i> BodyFacts<'i> {
    pub(crate) fn new(info: &'i Info) -> Self {
        BodyFacts {
            info,
            lits: Vec::new(),
            parent: HashMap::new(),
            hidden: 0,
            call_ids: HashSet::new(),
            uses: HashMap::new(),
            borrowed: HashSet::new(),
        }
    }

    fn root(&self, e: &Expr) -> Option<ObjId> {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Ident(_) => self.info.uses.get(&e.id).copied(),
            ExprKind::Selector { x, .. } | ExprKind::Index { x, .. } => self.root(x),
            _ => None,
        }
    }
}

impl Visitor for BodyFacts<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        if let StmtKind::Go(c) | StmtKind::Defer(c) = &s.kind {
            self.hidden += 1;
            visit::walk_expr(self, c);
            self.hidden -= 1;
            return false;
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    let called = self.call_ids.contains(&e.id);
                    self.uses
                        .entry(o)
                        .or_default()
                        .push((called, self.lits.last().copied()));
                }
            }
            ExprKind::Call { func, .. } if self.hidden == 0 => {
                let f = strip_parens(func);
                if matches!(f.kind, ExprKind::Ident(_)) {
                    self.call_ids.insert(f.id);
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            }
            | ExprKind::Slice { x, .. } => {
                if let Some(o) = self.root(x) {
                    self.borrowed.insert(o);
                }
            }
            ExprKind::FuncLit { sig, body } => {
                self.parent.insert(e.id, self.lits.last().copied());
                self.lits.push(e.id);
                let _ = sig;
                visit::walk_block(self, body);
                self.lits.pop();
                return false;
            }
            _ => {}
        }
        true
    }
}

/// Visits every statement list of one body and records the local closures it declares.
struct Lists<'a> {
    prog: &'a Program,
    info: &'a Info,
    unchanged: &'a dyn Fn(ObjId) -> bool,
    facts: &'a BodyFacts<'a>,
    out: &'a mut LocalClosures,
}

impl Lists<'_> {
    fn list(&mut self, list: &[Stmt]) {
        for (i, s) in list.iter().enumerate() {
            let Some((f, lit)) = crate::local_borrows::declared(self.info, s) else {
                continue;
            };
            let lit = strip_parens(lit);
            if !matches!(lit.kind, ExprKind::FuncLit { .. }) || !self.only_called(f, lit) {
                continue;
            }
            let Some(captured) = captured(self.prog, self.info, self.facts, lit) else {
                continue;
            };
            let used: Vec<HashSet<ObjId>> = list[i + 1..]
                .iter()
                .map(|s| crate::subslice::objects_used(self.info, s))
                .collect();
            let Some(last) = used.iter().rposition(|u| u.contains(&f)) else {
                continue;
            };
            // The captured variables used, and changed, while the closure is alive.
            let between: Vec<ObjId> = captured
                .iter()
                .copied()
                .filter(|&v| used[..=last].iter().any(|u| u.contains(&v)) && !(self.unchanged)(v))
                .collect();
            if between.is_empty() {
                self.out.lits.insert(lit.id, f);
            } else if self.threadable(f, lit, &between, &list[i + 1..=i + 1 + last]) {
                self.out.lits.insert(lit.id, f);
                self.out.threads.insert(lit.id, between);
            }
        }
    }

    /// Whether the closure `f` (literal `lit`) may take the variables `vars`, which the
    /// statements `alive` (from its declaration to its last call) use besides, as parameters
    /// lent at each call (`visit(s, &mut seen)`) rather than capturing them: the literal is
    /// declared in the function's own body, no other function literal names them, and no
    /// statement calling `f` names them otherwise (nor ranges over them around a call).
    fn threadable(&self, f: ObjId, lit: &Expr, vars: &[ObjId], alive: &[Stmt]) -> bool {
        // (Parameters may be borrows already, `&mut [T]`.)
        let locals = vars.iter().all(|&v| {
            matches!(
                self.prog.obj(v).kind,
                ObjKind::Var {
                    global: false,
                    param: false
                }
            )
        });
        if !locals || self.facts.parent.get(&lit.id).copied().flatten().is_some() {
            return false;
        }
        let only_here = vars.iter().all(|v| {
            self.facts
                .uses
                .get(v)
                .into_iter()
                .flatten()
                .all(|&(_, inside)| inside.is_none() || inside == Some(lit.id))
        });
        if !only_here {
            return false;
        }
        let mut check = CallSites {
            info: self.info,
            f,
            vars,
            clash: false,
        };
        for s in alive {
            visit::walk_stmt(&mut check, s);
        }
        !check.clash
    }

    /// Whether every use of the local `f` is a direct call from the code declaring it (not from
    /// a function literal within).
    fn only_called(&self, f: ObjId, lit: &Expr) -> bool {
        if !matches!(self.prog.obj(f).kind, ObjKind::Var { global: false, .. }) {
            return false;
        }
        let home = self.facts.parent.get(&lit.id).copied().flatten();
        self.facts
            .uses
            .get(&f)
            .into_iter()
            .flatten()
            .all(|&(called, inside)| called && inside == home)
    }
}

/// Finds a statement (or a statement's header expression) that calls `f` and names one of
/// `vars` too: the borrow lent to the call would overlap that use.
struct CallSites<'a> {
    info: &'a Info,
    f: ObjId,
    vars: &'a [ObjId],
    clash: bool,
}

impl CallSites<'_> {
    fn names(&self, e: &Expr, o: ObjId) -> bool {
        crate::subslice::mentions(self.info, e, o)
    }

    /// `e` calls `f` and names one of the variables.
    fn clashes(&self, e: &Expr) -> bool {
        self.names(e, self.f) && self.vars.iter().any(|&v| self.names(e, v))
    }
}

impl Visitor for CallSites<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::If { cond: e, .. }
            | StmtKind::Switch { tag: Some(e), .. }
            | StmtKind::TypeSwitch { x: e, .. }
            | StmtKind::For { cond: Some(e), .. } => self.clash |= self.clashes(e),
            StmtKind::Range { x, .. } => {
                // (The loop borrows what it ranges over for its whole body.)
                let used = crate::subslice::objects_used(self.info, s);
                self.clash |= used.contains(&self.f) && self.vars.iter().any(|&v| self.names(x, v));
            }
            StmtKind::Block(_)
            | StmtKind::Labeled { .. }
            | StmtKind::Switch { .. }
            | StmtKind::For { .. }
            | StmtKind::Select { .. }
            | StmtKind::Empty => {}
            _ => {
                let used = crate::subslice::objects_used(self.info, s);
                self.clash |= used.contains(&self.f) && self.vars.iter().any(|v| used.contains(v));
            }
        }
        !self.clash
    }
}

impl crate::subslice::ListWalk for Lists<'_> {
    fn list(&mut self, list: &[Stmt]) {
        Lists::list(self, list)
    }
}

/// The variables of the enclosing code that `lit` names, or `None` when one of them (or
/// the literal) rules a borrowing closure out.
pub(crate) fn captured(
    prog: &Program,
    info: &Info,
    facts: &BodyFacts<'_>,
    lit: &Expr,
) -> Option<Vec<ObjId>> {
    struct Free<'i> {
        info: &'i Info,
        found: Vec<ObjId>,
        go: bool,
    }
    impl Visitor for Free<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            self.go |= matches!(s.kind, StmtKind::Go(_));
            true
        }
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::Ident(_) = &e.kind {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    if !self.found.contains(&o) {
                        self.found.push(o);
                    }
                }
            }
            true
        }
    }
    let mut free = Free {
        info,
        found: Vec::new(),
        go: false,
    };
    visit::walk_expr(&mut free, lit);
    if free.go {
        return None;
    }
    let mut captured = Vec::new();
    for o in free.found {
        let obj = prog.obj(o);
        let outside = obj.span.start < lit.span.start || obj.span.end > lit.span.end;
        if !matches!(obj.kind, ObjKind::Var { global: false, .. }) || !outside {
            continue;
        }
        if matches!(prog.types.under(obj.ty), Type::Pointer(_) | Type::Func(_))
            || facts.borrowed.contains(&o)
        {
            return None;
        }
        captured.push(o);
    }
    Some(captured)
}
