//! Pointer-receiver methods that need their receiver as a pointer value. A method
//! `func (p *T) M()` normally becomes `fn m(&mut self)`: the body reaches through `p`
//! (`p.f`, `*p`, `p.N()`), which a borrow of the pointee allows. A method that uses `p` itself
//! as a value (returns it, stores it, compares it, converts it to an interface, walks a list
//! from it) needs the pointer: it becomes an associated function taking the pointer first,
//! `fn m(p: Option<Rc<RefCell<T>>>)`, called as `T::m(x.clone())`.
//!
//! Found per method by a walk over its body, then to a fixed point: a method that calls such a
//! method on its own receiver needs its receiver as a pointer too.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, Program, SelectionKind, Type};
use std::collections::{HashMap, HashSet};

/// The pointer-receiver methods (declared on named struct types) that use their receiver as
/// a pointer value.
pub fn find(prog: &Program, info: &Info, files: &[&File]) -> HashSet<ObjId> {
    let mut out = HashSet::new();
    // Per method: the methods it calls on its own receiver.
    let mut calls: HashMap<ObjId, Vec<ObjId>> = HashMap::new();
    for file in files {
        for d in &file.decls {
            let DeclKind::Func(f) = &d.kind else {
                continue;
            };
            let (Some(r), Some(body)) = (&f.recv, &f.body) else {
                continue;
            };
            let Some(name) = &r.name else {
                continue;
            };
            let (Some(&m), Some(&recv)) = (info.defs.get(&f.name.id), info.defs.get(&name.id))
            else {
                continue;
            };
            if !ptr_to_struct(prog, prog.obj(recv).ty) {
                continue;
            }
            let mut w = Walk {
                prog,
                info,
                recv,
                value_use: false,
                calls: Vec::new(),
            };
            visit::walk_block(&mut w, body);
            if w.value_use {
                out.insert(m);
            }
            calls.insert(m, w.calls);
        }
    }
    loop {
        let more: Vec<ObjId> = calls
            .iter()
            .filter(|(m, cs)| !out.contains(*m) && cs.iter().any(|c| out.contains(c)))
            .map(|(m, _)| *m)
            .collect();
        if more.is_empty() {
            return out;
        }
        out.extend(more);
    }
}

/// Whether `t` is `*N` for a named struct type `N`.
fn ptr_to_struct(prog: &Program, t: goxide_types::TypeId) -> bool {
    match prog.types.get(t) {
        Type::Pointer(b) => {
            matches!(prog.types.get(*b), Type::Named(_))
                && matches!(prog.types.under(*b), Type::Struct(_))
        }
        _ => false,
    }
}

struct Walk<'a> {
    prog: &'a Program,
    info: &'a Info,
    recv: ObjId,
    value_use: bool,
    calls: Vec<ObjId>,
}

impl Walk<'_> {
    fn is_nil(&self, e: &Expr) -> bool {
        let e = strip_parens(e);
        matches!(&e.kind, ExprKind::Ident(n) if n == "nil")
            && self
                .info
                .uses
                .get(&e.id)
                .is_none_or(|&o| matches!(self.prog.obj(o).kind, ObjKind::Nil))
    }

    fn is_recv(&self, e: &Expr) -> bool {
        let e = strip_parens(e);
        matches!(e.kind, ExprKind::Ident(_)) && self.info.uses.get(&e.id) == Some(&self.recv)
    }
}

impl Visitor for Walk<'_> {
    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Call { func, args, .. } => {
                let callee = strip_parens(func);
                if let ExprKind::Selector { x, .. } = &callee.kind {
                    if self.is_recv(x) {
                        if let Some(s) = self.info.selections.get(&callee.id) {
                            if s.kind == SelectionKind::MethodVal {
                                if s.path.is_empty() {
                                    self.calls.push(s.obj);
                                }
                                for a in args {
                                    visit::walk_expr(self, a);
                                }
                                return false;
                            }
                        }
                    }
                }
                // The receiver passed to a function may be lent to a borrowed parameter
                // (`f(p)` with `p: &mut T`), which `&mut self` allows; when it is not, the
                // call is reported where it is translated.
                let callee_is_func = match &callee.kind {
                    ExprKind::Ident(_) => self.info.uses.get(&callee.id),
                    ExprKind::Selector { .. } => {
                        self.info.selections.get(&callee.id).map(|s| &s.obj)
                    }
                    _ => None,
                }
                .is_some_and(|&f| {
                    matches!(self.prog.obj(f).kind, ObjKind::Func { .. })
                        // `println(p)` prints the receiver's address, which `&self` has too.
                        || matches!(
                            self.prog.obj(f).kind,
                            ObjKind::Builtin(goxide_types::Builtin::Print | goxide_types::Builtin::Println)
                        )
                });
                if callee_is_func {
                    visit::walk_expr(self, func);
                    for a in args {
                        if !self.is_recv(a) {
                            visit::walk_expr(self, a);
                        }
                    }
                    return false;
                }
                true
            }
            // Comparing the receiver with nil: `&mut self` is never nil (a semantics marker
            // says so where it is translated).
            ExprKind::Binary { x, y, .. } if self.is_recv(x) && self.is_nil(y) => false,
            ExprKind::Binary { x, y, .. } if self.is_recv(y) && self.is_nil(x) => false,
            ExprKind::Selector { x, .. } if self.is_recv(x) => {
                // A field (or a promoted method's receiver path) is reached through the
                // pointer; a method value holds the pointer.
                let method_value = self
                    .info
                    .selections
                    .get(&e.id)
                    .is_some_and(|s| s.kind == SelectionKind::MethodVal);
                if method_value {
                    self.value_use = true;
                }
                false
            }
            ExprKind::Star(x) if self.is_recv(x) => false,
            ExprKind::Ident(_) if self.is_recv(e) => {
                self.value_use = true;
                false
            }
            _ => true,
        }
    }
}
