//! Methods whose slice and map parameters may be borrows. A package function's slice parameter
//! that the function never reassigns nor captures is `&[T]` (or `&mut [T]` when it writes the
//! elements, which the caller then sees as in Go; see `analysis`). A method qualifies too when
//! nothing fixes its signature and every call lends cleanly:
//!
//! - its receiver type is not generic, and no interface type of the program (nor a common
//!   standard-library one, such as `io.Writer`'s `Write([]byte)`) has a method of its name, so
//!   no trait implementation must match its signature;
//! - it is only ever called: never a method value (`f := s.M`), a method expression (`T.M`),
//!   nor the call of a `go` or `defer` statement;
//! - at no call does a slice or map argument name the receiver's root variable (`s.m(s.buf)`
//!   would borrow `s` twice), a package variable, or the root another argument names.
//!
//! Must not depend on the emission (`Ctx`): it only reads the syntax and the checker's facts.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, Program, SelectionKind, Type};
use std::collections::HashSet;

/// The names of the methods of every interface the package mentions (generic ones included)
/// and of the standard library's interfaces goxide implements: a method of such a name may
/// implement a trait, whose signature is fixed.
pub fn iface_method_names(prog: &Program, info: &Info) -> HashSet<String> {
    let mut iface_names: HashSet<String> = crate::results::STD_IFACE_METHODS
        .iter()
        .map(|s| s.to_string())
        .collect();
    for t in info.types.values().map(|tm| tm.ty) {
        if let Type::Interface(i) = prog.types.under(t) {
            iface_names.extend(i.all_methods.iter().map(|m| m.name.clone()));
        }
    }
    for o in info.defs.values() {
        if let Type::Interface(i) = prog.types.under(prog.obj(*o).ty) {
            iface_names.extend(i.all_methods.iter().map(|m| m.name.clone()));
        }
    }
    iface_names
}

/// The methods of `files` whose slice and map parameters may be borrows.
pub fn eligible(prog: &Program, info: &Info, files: &[&File]) -> HashSet<ObjId> {
    let iface_names = iface_method_names(prog, info);
    let mut out = HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(r), Some(_)) = (&fd.recv, &fd.body) else {
                continue;
            };
            if iface_names.contains(&fd.name.name) || !fd.type_params.is_empty() {
                continue;
            }
            let generic_recv = match &strip_parens(&r.ty).kind {
                ExprKind::Star(x) => matches!(strip_parens(x).kind, ExprKind::Index { .. }),
                ExprKind::Index { .. } => true,
                _ => false,
            };
            if generic_recv {
                continue;
            }
            if let Some(&m) = info.defs.get(&fd.name.id) {
                out.insert(m);
            }
        }
    }
    if out.is_empty() {
        return out;
    }
    let mut uses = Uses {
        prog,
        info,
        cands: &out,
        bad: HashSet::new(),
        called: HashSet::new(),
    };
    for f in files {
        for d in &f.decls {
            visit::walk_decl(&mut uses, d);
        }
    }
    let Uses { bad, .. } = uses;
    out.retain(|m| !bad.contains(m));
    out
}

struct Uses<'a> {
    prog: &'a Program,
    info: &'a Info,
    cands: &'a HashSet<ObjId>,
    bad: HashSet<ObjId>,
    /// Selectors that are the callee of a call.
    called: HashSet<NodeId>,
}

impl Uses<'_> {
    /// The method `sel` selects, when it is a candidate.
    fn method_of(&self, sel: &Expr) -> Option<ObjId> {
        let s = self.info.selections.get(&sel.id)?;
        self.cands.contains(&s.obj).then_some(s.obj)
    }

    /// The object at the root of `e` (`s` of `s.buf[1:]`).
    fn root(&self, e: &Expr) -> Option<ObjId> {
        match &strip_parens(e).kind {
            ExprKind::Ident(_) => self.info.object_of(strip_parens(e).id),
            ExprKind::Selector { x, .. }
            | ExprKind::Index { x, .. }
            | ExprKind::Slice { x, .. }
            | ExprKind::Star(x) => self.root(x),
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => self.root(x),
            _ => None,
        }
    }

    /// A call of candidate `m` on receiver `recv`: whether its slice and map arguments lend
    /// cleanly.
    fn call_ok(&self, recv: &Expr, args: &[Expr]) -> bool {
        let recv_root = self.root(recv);
        let mut roots: Vec<ObjId> = Vec::new();
        for a in args {
            let lends = self.info.type_of(a.id).is_some_and(|t| {
                matches!(self.prog.types.under(t), Type::Slice(_) | Type::Map(..))
            });
            if !lends {
                continue;
            }
            let Some(r) = self.root(a) else {
                continue;
            };
            let global = matches!(self.prog.obj(r).kind, ObjKind::Var { global: true, .. });
            if global || Some(r) == recv_root || roots.contains(&r) {
                return false;
            }
            roots.push(r);
        }
        true
    }
}

impl Visitor for Uses<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        if let StmtKind::Go(e) | StmtKind::Defer(e) = &s.kind {
            if let ExprKind::Call { func, .. } = &strip_parens(e).kind {
                if let Some(m) = self.method_of(strip_parens(func)) {
                    self.bad.insert(m);
                }
            }
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Call { func, args, .. } => {
                let func = strip_parens(func);
                if let ExprKind::Selector { x, .. } = &func.kind {
                    if let Some(m) = self.method_of(func) {
                        let kind = self.info.selections.get(&func.id).map(|s| s.kind);
                        if kind == Some(SelectionKind::MethodVal) {
                            self.called.insert(func.id);
                            if !self.call_ok(x, args) {
                                self.bad.insert(m);
                            }
                        }
                    }
                }
            }
            ExprKind::Selector { .. } if !self.called.contains(&e.id) => {
                // A method value or a method expression.
                if let Some(m) = self.method_of(e) {
                    self.bad.insert(m);
                }
            }
            _ => {}
        }
        true
    }
}
