//! Nullable owned pointers. A local pointer declared nil (`var p *T`), or made fresh, that is
//! later given only fresh values (`p = &T{…}`, `p = new(T)`, a constructor's result) or `nil`,
//! compared with nil, and otherwise used as an owned local is (see `ptr_params`) owns its
//! value or nothing: `let mut p: Option<T> = None;`, `p = Some(T { … });`, `p.is_none()`, and
//! every dereference through `support::rt::some_ref`/`some_mut`, which panic with Go's message
//! when the pointer is nil.
//!
//! This module finds the uses such a pointer may have beyond those of an owned local (its
//! assignments and nil comparisons), and the statements where reaching through it would hold
//! two borrows of the `Option` at once (a write through `p` in a statement naming `p` again, a
//! method call through `p` with an argument naming `p`, a loop or `switch` over something of
//! `p` whose body names `p`): those keep the pointer shared. The decision itself is made with
//! the owned locals, in `ptr_params`.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program, SelectionKind, Type};
use std::collections::{HashMap, HashSet};

/// What the walk found, for every local pointer variable of the package.
#[derive(Default)]
pub struct Facts<'a> {
    /// Locals declared nil (`var p *T`, `var p *T = nil`), with the body declaring them.
    pub declared_nil: HashMap<ObjId, &'a Block>,
    /// Uses an owned value or nothing allows besides an owned local's: the target of
    /// `p = fresh` / `p = nil`, and `p` in `p == nil` / `p != nil`.
    pub allowed: HashMap<ObjId, usize>,
    /// Locals assigned after their declaration (`p = …`).
    pub assigned: HashSet<ObjId>,
    /// `(p, f)`: `p = f()` with `f` a constructor candidate (`p` needs `f` to be one).
    pub ctor_deps: Vec<(ObjId, ObjId)>,
    /// Locals reached through where a second borrow of the `Option` would overlap.
    pub overlapping: HashSet<ObjId>,
}

impl Facts<'_> {
    /// Whether `o` would be an `Option` if owned: declared nil, or given a value or compared
    /// with nil after its declaration.
    pub fn maybe_nil(&self, o: ObjId) -> bool {
        self.declared_nil.contains_key(&o) || self.allowed.contains_key(&o)
    }
}

pub fn find<'a>(
    prog: &Program,
    info: &Info,
    files: &[&'a File],
    is_ctor: &dyn Fn(ObjId) -> bool,
    nullable_ctor: &dyn Fn(ObjId) -> Option<usize>,
) -> Facts<'a> {
    let mut out = Facts::default();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(body) = &fd.body else { continue };
            let mut w = Walk {
                prog,
                info,
                is_ctor,
                nullable_ctor,
                body,
                out: &mut out,
                in_place: HashSet::new(),
            };
            visit::walk_block(&mut w, body);
        }
    }
    out
}

struct Walk<'a, 'o, 'f> {
    prog: &'a Program,
    info: &'a Info,
    is_ctor: &'a dyn Fn(ObjId) -> bool,
    /// Constructor candidates that may return nil, with the position of their pointer result.
    nullable_ctor: &'a dyn Fn(ObjId) -> Option<usize>,
    body: &'o Block,
    out: &'f mut Facts<'o>,
    /// `append(p.s, items…)` calls assigned back to `p.s`: the items are read before the push.
    in_place: HashSet<NodeId>,
}

impl<'o> Walk<'_, 'o, '_> {
    /// A local pointer variable named by `e` (an identifier).
    fn local_ptr(&self, e: &Expr) -> Option<ObjId> {
        let e = strip_parens(e);
        let ExprKind::Ident(_) = e.kind else {
            return None;
        };
        let o = *self.info.uses.get(&e.id)?;
        self.is_local_ptr(o).then_some(o)
    }

    fn is_local_ptr(&self, o: ObjId) -> bool {
        matches!(
            self.prog.obj(o).kind,
            ObjKind::Var {
                global: false,
                param: false
            }
        ) && matches!(self.prog.types.under(self.prog.obj(o).ty), Type::Pointer(_))
    }

    fn is_nil(&self, e: &Expr) -> bool {
        crate::builtins::is_nil_ident(self.prog, self.info, e)
    }

    /// `&T{…}` / `new(T)`: `Some(None)`; a constructor candidate's call: `Some(Some(f))`.
    fn fresh(&self, v: &Expr) -> Option<Option<ObjId>> {
        match &strip_parens(v).kind {
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } if matches!(strip_parens(x).kind, ExprKind::CompositeLit { .. }) => Some(None),
            ExprKind::Call { func, args, .. } => {
                let f = *self.info.uses.get(&strip_parens(func).id)?;
                match self.prog.obj(f).kind {
                    ObjKind::Builtin(Builtin::New) if args.len() == 1 => Some(None),
                    ObjKind::Func { .. } if (self.is_ctor)(f) => Some(Some(f)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `p := f()` / `p, err := f()` (names `lhs`, value `v`) of a constructor that may return
    /// nil: `p` may be nil from its declaration on.
    fn declared_from(&mut self, lhs: &[NodeId], v: &Expr) {
        let ExprKind::Call { func, .. } = &strip_parens(v).kind else {
            return;
        };
        let Some(k) = self
            .info
            .uses
            .get(&strip_parens(func).id)
            .and_then(|&f| (self.nullable_ctor)(f))
        else {
            return;
        };
        let Some(&o) = lhs.get(k).and_then(|n| self.info.defs.get(n)) else {
            return;
        };
        if self.is_local_ptr(o) {
            let body: &'o Block = self.body;
            self.out.declared_nil.insert(o, body);
        }
    }

    fn allow(&mut self, o: ObjId) {
        *self.out.allowed.entry(o).or_default() += 1;
    }

    /// Local pointers named in `e`, with how many times.
    fn named(&self, e: &Expr) -> HashMap<ObjId, usize> {
        struct Names<'i>(&'i Info, HashMap<ObjId, usize>);
        impl Visitor for Names<'_> {
            fn expr(&mut self, e: &Expr) -> bool {
                if let ExprKind::Ident(_) = e.kind {
                    if let Some(&o) = self.0.uses.get(&e.id) {
                        *self.1.entry(o).or_default() += 1;
                    }
                }
                true
            }
        }
        let mut n = Names(self.info, HashMap::new());
        visit::walk_expr(&mut n, e);
        n.1.retain(|&o, _| self.is_local_ptr(o));
        n.1
    }

    /// Local pointers named in both `a` and the statements `b`.
    fn overlap(&mut self, a: &HashMap<ObjId, usize>, b: &[Stmt]) {
        let used: HashSet<ObjId> = b
            .iter()
            .flat_map(|s| crate::subslice::objects_used(self.info, s))
            .collect();
        for o in a.keys() {
            if used.contains(o) {
                self.out.overlapping.insert(*o);
            }
        }
    }

    fn is_map(&self, x: &Expr) -> bool {
        self.info
            .types
            .get(&strip_parens(x).id)
            .is_some_and(|t| matches!(self.prog.types.under(t.ty), Type::Map(..)))
    }

    /// Whether `r` calls `append`.
    fn appends(&self, r: &Expr) -> bool {
        let ExprKind::Call { func, .. } = &strip_parens(r).kind else {
            return false;
        };
        self.info
            .uses
            .get(&strip_parens(func).id)
            .is_some_and(|&f| matches!(self.prog.obj(f).kind, ObjKind::Builtin(Builtin::Append)))
    }

    /// Whether `r` is `append(l, items…)`, appending items to the place `l` itself.
    fn appends_to(&self, l: &Expr, r: &Expr) -> bool {
        match &strip_parens(r).kind {
            ExprKind::Call {
                args,
                ellipsis: false,
                ..
            } if self.appends(r) => args
                .first()
                .is_some_and(|a| crate::stmt::same_place(strip_parens(l), strip_parens(a))),
            _ => false,
        }
    }

    fn assign(&mut self, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) {
        if let (AssignOp::Assign, [l], [r]) = (op, lhs, rhs) {
            if let Some(o) = self.local_ptr(l) {
                self.out.assigned.insert(o);
                if self.is_nil(r) {
                    self.allow(o);
                } else if let Some(dep) = self.fresh(r) {
                    self.allow(o);
                    if let Some(f) = dep {
                        self.out.ctor_deps.push((o, f));
                    }
                }
                return;
            }
        }
        // A write through a pointer in a statement that names it again.
        let mut all: HashMap<ObjId, usize> = HashMap::new();
        // `p.s = append(p.s, …)` appends in place: its first argument is the target itself.
        // A plain `p.f = v` evaluates `v` (to an owned value) before it borrows `p` for the
        // write, so `v` may name `p`; so do the items of `p.s = append(p.s, a, b)`, read
        // before the push. (`append(p.s, p.t...)` extends `p.s` with a borrow of `p.t`.)
        let rhs: Vec<&Expr> = match (op, lhs, rhs) {
            (AssignOp::Assign, [l], [r]) if self.appends_to(l, r) => {
                self.in_place.insert(strip_parens(r).id);
                vec![]
            }
            (AssignOp::Assign, [_], [r]) if !self.appends(r) => vec![],
            _ => rhs.iter().collect(),
        };
        // `p.m[k] = v` reads the key and the value before it borrows `p.m` for the store.
        let plain = op == AssignOp::Assign && lhs.len() == 1;
        let targets: Vec<&Expr> = lhs
            .iter()
            .map(|l| match &strip_parens(l).kind {
                ExprKind::Index { x, .. } if plain && self.is_map(x) => x,
                _ => l,
            })
            .collect();
        for e in targets.into_iter().chain(rhs) {
            for (o, n) in self.named(e) {
                *all.entry(o).or_default() += n;
            }
        }
        for l in lhs {
            if self.local_ptr(l).is_some() {
                continue;
            }
            if let Some(o) = crate::stmt::root_ident(strip_parens(l))
                .and_then(|r| self.info.uses.get(&r.id).copied())
                .filter(|&o| self.is_local_ptr(o))
            {
                if all.get(&o).copied().unwrap_or(0) > 1 {
                    self.out.overlapping.insert(o);
                }
            }
        }
    }
}

impl<'o> Visitor for Walk<'_, 'o, '_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for spec in specs {
                    // `var p *T`, `var p, q *T`, `var p, q *T = nil, nil`.
                    let one_each = spec.values.is_empty() || spec.values.len() == spec.names.len();
                    for (i, n) in spec.names.iter().enumerate().filter(|_| one_each) {
                        if !spec.values.get(i).is_none_or(|v| self.is_nil(v)) {
                            continue;
                        }
                        if let Some(&o) = self.info.defs.get(&n.id) {
                            if self.is_local_ptr(o) {
                                let body: &'o Block = self.body;
                                self.out.declared_nil.insert(o, body);
                            }
                        }
                    }
                    if let [v] = spec.values.as_slice() {
                        let names: Vec<NodeId> = spec.names.iter().map(|n| n.id).collect();
                        self.declared_from(&names, v);
                    }
                }
            }
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                rhs,
            } if rhs.len() == 1 => {
                let names: Vec<NodeId> = lhs.iter().map(|l| l.id).collect();
                self.declared_from(&names, &rhs[0]);
                self.assign(lhs, AssignOp::Define, rhs);
            }
            StmtKind::Assign { lhs, op, rhs } => self.assign(lhs, *op, rhs),
            StmtKind::IncDec { x, .. } => {
                for (o, n) in self.named(x) {
                    if n > 1 {
                        self.out.overlapping.insert(o);
                    }
                }
            }
            StmtKind::Range { x, body, .. } => {
                let a = self.named(x);
                self.overlap(&a, &body.stmts);
            }
            StmtKind::Switch {
                tag: Some(tag),
                clauses,
                ..
            } => {
                let a = self.named(tag);
                for c in clauses {
                    self.overlap(&a, &c.body);
                }
            }
            StmtKind::TypeSwitch { x, clauses, .. } => {
                let a = self.named(x);
                for c in clauses {
                    self.overlap(&a, &c.body);
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Binary {
                op: BinaryOp::Eq | BinaryOp::Ne,
                x,
                y,
            } => {
                let p = if self.is_nil(y) {
                    self.local_ptr(x)
                } else if self.is_nil(x) {
                    self.local_ptr(y)
                } else {
                    None
                };
                if let Some(o) = p {
                    self.allow(o);
                }
            }
            ExprKind::Call { func, args, .. } => {
                let callee = strip_parens(func);
                // A method called through `p` with an argument naming `p`.
                if let ExprKind::Selector { x, .. } = &callee.kind {
                    if self
                        .info
                        .selections
                        .get(&callee.id)
                        .is_some_and(|s| s.kind == SelectionKind::MethodVal)
                    {
                        let recv = self.named(x);
                        for a in args {
                            for o in self.named(a).keys() {
                                if recv.contains_key(o) {
                                    self.out.overlapping.insert(*o);
                                }
                            }
                        }
                    }
                }
                // `copy`/`delete`/`append` naming one pointer in two arguments.
                let builtin = self.info.uses.get(&callee.id).is_some_and(|&f| {
                    matches!(
                        self.prog.obj(f).kind,
                        ObjKind::Builtin(Builtin::Copy | Builtin::Delete | Builtin::Append)
                    )
                });
                if builtin && !self.in_place.contains(&e.id) {
                    let mut seen: HashSet<ObjId> = HashSet::new();
                    for a in args {
                        for o in self.named(a).into_keys() {
                            if !seen.insert(o) {
                                self.out.overlapping.insert(o);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }
}

impl crate::ctx::Ctx<'_> {
    /// Whether `x` names a local pointer that owns its value or nothing (`Option<T>`).
    pub fn is_nullable(&self, x: &Expr) -> bool {
        let x = strip_parens(x);
        matches!(x.kind, ExprKind::Ident(_))
            && self
                .obj_of(x)
                .is_some_and(|o| self.analysis.ptr_params.nullable.contains(&o))
    }

    /// The value a nullable owned pointer points to, as a place:
    /// `(*support::rt::some_ref(&p))` (`some_mut(&mut p)` when `mutable`), panicking as Go
    /// does when it is nil.
    pub fn nullable_deref(&mut self, x: &Expr, mutable: bool) -> syn::Expr {
        self.use_support("rt");
        let id = match self.obj_of(strip_parens(x)) {
            Some(o) => self.var_name(o),
            None => return self.unsupported(x, "nullable pointer"),
        };
        if mutable {
            syn::parse_quote!((*crate::support::rt::some_mut(&mut #id)))
        } else {
            syn::parse_quote!((*crate::support::rt::some_ref(&#id)))
        }
    }

    /// `var p *T` / `p := &T{…}` for a nullable owned pointer:
    /// `let mut p: Option<T> = None;` / `let mut p: Option<T> = Some(T { … });`.
    pub fn nullable_decl(
        &mut self,
        obj: ObjId,
        name: &Ident,
        value: Option<&Expr>,
    ) -> Option<syn::Stmt> {
        if !self.analysis.ptr_params.nullable.contains(&obj) {
            return None;
        }
        let &mutable = self.analysis.ptr_params.owned.get(&obj)?;
        let Type::Pointer(pointee) = self.under(self.obj(obj).ty).clone() else {
            return None;
        };
        let ty = self.rust_type(pointee)?;
        self.use_support("rt");
        let init: syn::Expr = match value {
            Some(v) => self.ctor_some_value(v)?,
            None => syn::parse_quote!(None),
        };
        let id = self.bind_local(obj, &name.name);
        Some(if mutable {
            syn::parse_quote!(let mut #id: Option<#ty> = #init;)
        } else {
            syn::parse_quote!(let #id: Option<#ty> = #init;)
        })
    }

    /// `p = &T{…}` / `p = nil` for a nullable owned pointer: `p = Some(T { … });` /
    /// `p = None;`.
    pub fn nullable_assign(&mut self, l: &Expr, r: &Expr) -> Option<syn::Stmt> {
        if !self.is_nullable(l) {
            return None;
        }
        let id = self.var_name(self.obj_of(strip_parens(l))?);
        let v = self.ctor_some_value(r)?;
        Some(syn::parse_quote!(#id = #v;))
    }

    /// `p == nil` / `p != nil` for a nullable owned pointer: `p.is_none()` / `p.is_some()`.
    pub fn nullable_nil_cmp(&mut self, op: BinaryOp, val: &Expr) -> Option<syn::Expr> {
        if self.ctor_of_call(val).is_some() {
            // A constructor's result compared with nil: no pointer is made for it.
            let v = crate::expr::as_base(self.ctor_some_value(val)?);
            return Some(if op == BinaryOp::Eq {
                syn::parse_quote!(#v.is_none())
            } else {
                syn::parse_quote!(#v.is_some())
            });
        }
        if !self.is_nullable(val) {
            return None;
        }
        let id = self.var_name(self.obj_of(strip_parens(val))?);
        Some(if op == BinaryOp::Eq {
            syn::parse_quote!(#id.is_none())
        } else {
            syn::parse_quote!(#id.is_some())
        })
    }
}
