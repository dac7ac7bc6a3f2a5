//! Pointer-receiver methods that need their receiver as a pointer value. A method
//! `func (p *T) M()` normally becomes `fn m(&mut self)`: the body reaches through `p`
//! (`p.f`, `*p`, `p.N()`), which a borrow of the pointee allows. A method that uses `p` itself
//! as a value (returns it, stores it, compares it, converts it to an interface, walks a list
//! from it) needs the pointer: it becomes an associated function taking the pointer first,
//! `fn m(p: Option<Rc<RefCell<T>>>)`, called as `T::m(x.clone())`.
//!
//! Found per method by a walk over its body ([`facts`]), then to a fixed point ([`close`]): a
//! method that calls such a method on its own receiver needs its receiver as a pointer too.
//! Returning the receiver (`return p`, `return p.M(…)`) is recorded apart: a method whose
//! callers only chain on its result borrows its receiver after all (see `chaining`).

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, Program, SelectionKind, Type};
use std::collections::{HashMap, HashSet};

/// What each pointer-receiver method (declared on a named struct type) does with its receiver.
#[derive(Default, Debug)]
pub struct Facts {
    /// Methods that use the receiver as a pointer value (besides returning it).
    pub value_use: HashSet<ObjId>,
    /// Methods that return their receiver (`return p`, or `return p.M(…)` of a method that
    /// returns its receiver), with the methods such returns call on it.
    pub recv_returns: HashMap<ObjId, Vec<ObjId>>,
    /// Methods with a `return` of anything else.
    pub other_returns: HashSet<ObjId>,
    /// Per method: the methods it calls on its own receiver.
    pub calls: HashMap<ObjId, Vec<ObjId>>,
}

/// The facts of every method of `files`.
pub fn facts(prog: &Program, info: &Info, files: &[&File]) -> Facts {
    let mut out = Facts::default();
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
                returned: None,
                other_return: false,
                lits: 0,
            };
            visit::walk_block(&mut w, body);
            if w.value_use {
                out.value_use.insert(m);
            }
            if let Some(chained) = w.returned {
                out.recv_returns.insert(m, chained);
            }
            if w.other_return {
                out.other_returns.insert(m);
            }
            out.calls.insert(m, w.calls);
        }
    }
    out
}

/// The methods that use their receiver as a pointer value, given the methods that return it
/// for chaining (see `chaining`): the others that return it do so as a pointer value, and a
/// method calling such a method on its own receiver needs its receiver as a pointer too.
pub fn close(facts: &Facts, chaining: &HashSet<ObjId>) -> HashSet<ObjId> {
    let mut out: HashSet<ObjId> = facts.value_use.clone();
    out.extend(
        facts
            .recv_returns
            .keys()
            .filter(|m| !chaining.contains(m))
            .copied(),
    );
    loop {
        let more: Vec<ObjId> = facts
            .calls
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
    /// The methods called by `return p.M(…)…` chains, once the receiver is returned.
    returned: Option<Vec<ObjId>>,
    other_return: bool,
    /// Depth of function literals (whose `return`s are theirs).
    lits: usize,
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

    /// `e` as the receiver or a chain of method calls on it (`p`, `p.A(x).B(y)`): the calls
    /// (method, arguments), innermost first.
    fn recv_chain<'e>(&self, e: &'e Expr) -> Option<Vec<(ObjId, &'e [Expr])>> {
        chain_on(self.info, e, &|x| self.is_recv(x))
    }
}

/// `e` as a chain of direct method calls (`x.A(a).B(b)`, no promoted methods) on an
/// expression `root` accepts: the calls (method, arguments), innermost first. `root(e)` itself
/// is an empty chain.
pub(crate) fn chain_on<'e>(
    info: &Info,
    e: &'e Expr,
    root: &dyn Fn(&Expr) -> bool,
) -> Option<Vec<(ObjId, &'e [Expr])>> {
    let e = strip_parens(e);
    if root(e) {
        return Some(Vec::new());
    }
    let ExprKind::Call { func, args, .. } = &e.kind else {
        return None;
    };
    let callee = strip_parens(func);
    let ExprKind::Selector { x, .. } = &callee.kind else {
        return None;
    };
    let s = info
        .selections
        .get(&callee.id)
        .filter(|s| s.kind == SelectionKind::MethodVal && s.path.is_empty())?;
    let mut chain = chain_on(info, x, root)?;
    chain.push((s.obj, args.as_slice()));
    Some(chain)
}

impl Visitor for Walk<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        if let (StmtKind::Return(values), 0) = (&s.kind, self.lits) {
            if let [v] = values.as_slice() {
                if let Some(chain) = self.recv_chain(v) {
                    let mut called = self.returned.take().unwrap_or_default();
                    for (m, args) in chain {
                        called.push(m);
                        self.calls.push(m);
                        for a in args {
                            visit::walk_expr(self, a);
                        }
                    }
                    self.returned = Some(called);
                    return false;
                }
            }
            if !values.is_empty() {
                self.other_return = true;
            }
        }
        true
    }

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
            ExprKind::FuncLit { body, .. } => {
                self.lits += 1;
                visit::walk_block(self, body);
                self.lits -= 1;
                false
            }
            ExprKind::Ident(_) if self.is_recv(e) => {
                self.value_use = true;
                false
            }
            _ => true,
        }
    }
}
