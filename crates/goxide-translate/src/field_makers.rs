//! Functions that only fill fields. A function returning `*T` makes `T` no leaf of a linked
//! structure (see `links`) when its callers keep the pointer themselves: constructors give
//! them the value (`let mut s = new_stack(…)`, see `ptr_params`). A function whose every call
//! is stored straight into a field (`Server{store: NewStore()}`, `s.log = newLogger()`) or
//! returned by a function that is itself such a maker gives no caller a pointer to keep: `T`
//! may still be a leaf, whose pointers are owning boxes (`store: Option<Box<Store>>`, filled by
//! `new_store() -> Option<Box<Store>>`).

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, Program, SelectionKind, Type};
use std::collections::{HashMap, HashSet};

/// The package functions (not methods) returning one pointer whose every use is a call whose
/// result fills a field or is returned by another such function.
pub fn find(prog: &Program, info: &Info, files: &[&File]) -> HashSet<ObjId> {
    // Candidates: package functions with one result, a pointer.
    let mut cands: HashSet<ObjId> = HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(&o) = info.defs.get(&fd.name.id) else {
                continue;
            };
            if fd.recv.is_some() || !fd.type_params.is_empty() || fd.body.is_none() {
                continue;
            }
            if let Type::Func(sig) = prog.types.get(prog.obj(o).ty) {
                if let [r] = sig.results.as_slice() {
                    if matches!(prog.types.get(*r), Type::Pointer(_)) {
                        cands.insert(o);
                    }
                }
            }
        }
    }
    if cands.is_empty() {
        return cands;
    }
    let mut w = Uses {
        prog,
        info,
        cands: &cands,
        filling: HashSet::new(),
        returned: HashMap::new(),
        current: None,
        called: HashSet::new(),
        bad: HashSet::new(),
    };
    for f in files {
        for d in &f.decls {
            if let DeclKind::Func(fd) = &d.kind {
                w.current = info
                    .defs
                    .get(&fd.name.id)
                    .copied()
                    .filter(|o| cands.contains(o));
            } else {
                w.current = None;
            }
            visit::walk_decl(&mut w, d);
        }
    }
    let Uses {
        called,
        mut bad,
        returned,
        ..
    } = w;
    // A call returned by `g` fills fields only if `g` is a maker too.
    loop {
        let before = bad.len();
        for (f, gs) in &returned {
            if gs.iter().any(|g| bad.contains(g)) {
                bad.insert(*f);
            }
        }
        if bad.len() == before {
            break;
        }
    }
    cands
        .into_iter()
        .filter(|f| !bad.contains(f) && called.contains(f))
        .collect()
}

struct Uses<'a> {
    prog: &'a Program,
    info: &'a Info,
    cands: &'a HashSet<ObjId>,
    /// Calls whose result fills a field (struct literal element, `x.f = …`) or is returned.
    filling: HashSet<NodeId>,
    /// Per candidate: the candidates whose `return` statements return a call of it.
    returned: HashMap<ObjId, Vec<ObjId>>,
    /// The candidate whose body is walked (outside function literals).
    current: Option<ObjId>,
    /// The candidates called at least once.
    called: HashSet<ObjId>,
    bad: HashSet<ObjId>,
}

impl Uses<'_> {
    /// The candidate `e` names, if any.
    fn cand(&self, e: &Expr) -> Option<ObjId> {
        let e = strip_parens(e);
        matches!(e.kind, ExprKind::Ident(_))
            .then(|| self.info.uses.get(&e.id).copied())
            .flatten()
            .filter(|o| self.cands.contains(o))
    }

    /// The candidate `call` calls, if any.
    fn callee(&self, call: &Expr) -> Option<ObjId> {
        match &strip_parens(call).kind {
            ExprKind::Call { func, .. } => self.cand(func),
            _ => None,
        }
    }
}

impl Visitor for Uses<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign {
                lhs,
                op: AssignOp::Assign,
                rhs,
            } => {
                if let ([l], [r]) = (lhs.as_slice(), rhs.as_slice()) {
                    let field = self
                        .info
                        .selections
                        .get(&strip_parens(l).id)
                        .is_some_and(|s| s.kind == SelectionKind::FieldVal);
                    if field {
                        self.filling.insert(strip_parens(r).id);
                    }
                }
            }
            StmtKind::Return(vals) => {
                if let ([v], Some(g)) = (vals.as_slice(), self.current) {
                    if let Some(f) = self.callee(v) {
                        self.returned.entry(f).or_default().push(g);
                        self.filling.insert(strip_parens(v).id);
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::FuncLit { body, .. } => {
                // (Its `return` statements are the literal's.)
                let saved = self.current.take();
                visit::walk_block(self, body);
                self.current = saved;
                return false;
            }
            ExprKind::CompositeLit { elems, .. } => {
                // The fields of a struct literal (a slice or map literal keeps its elements).
                let is_struct = self
                    .info
                    .type_of(e.id)
                    .is_some_and(|t| matches!(self.prog.types.under(t), Type::Struct(_)));
                if is_struct {
                    for el in elems {
                        self.filling.insert(strip_parens(&el.value).id);
                    }
                }
            }
            ExprKind::Call { func, args, .. } => {
                if let Some(o) = self.cand(func) {
                    self.called.insert(o);
                    if !self.filling.contains(&e.id) {
                        self.bad.insert(o);
                    }
                    // (The callee's identifier is accounted for by the call.)
                    for a in args {
                        visit::walk_expr(self, a);
                    }
                    return false;
                }
            }
            ExprKind::Ident(_) => {
                // A candidate named otherwise than called: a function value.
                if let Some(o) = self.cand(e) {
                    self.bad.insert(o);
                }
            }
            _ => {}
        }
        true
    }
}
