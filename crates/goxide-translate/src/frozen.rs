//! Pointee types nothing changes after construction. For a named struct type `T` that no
//! pointer writes through (outside the owned locals and constructors of `ptr_params`), whose
//! pointers are never compared with each other, never made from an existing variable (only
//! `&T{…}` and `new(T)`) and never used by `unsafe`, `reflect` or `sync/atomic`, sharing a
//! pointee and copying it are indistinguishable: a `*T` is held as the value itself,
//! `Option<T>`, cloned where Go copies the pointer.
//!
//! A `*T` may be put in an interface value other than an `error` (whose pointer values the
//! `errors` support keeps as cells) when the package never compares interface values (except
//! with `nil`), never keys a map by an interface and never asserts one to another interface:
//! each of those would need the pointer's identity. The trait is then implemented for
//! `Option<T>`, `x.(*T)` downcasts to it, and `T` is a `support::fmt::ValuePointee` so that the
//! `Option<T>` prints as Go prints the pointer.
//!
//! The analysis is deliberately conservative: `T`'s fields are numbers, strings, channels,
//! interfaces, arrays and structs of those (no slices or maps, whose elements a copy would
//! stop sharing; no pointers, so no recursion); `*T` is not held in a field of another struct
//! type (whose `fmt` printing would show an address) nor used as a type argument.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, PkgId, Program, Type, TypeId};
use std::collections::HashSet;

/// Packages whose use may observe or change a pointee behind the translator's back.
const UNSAFE_IMPORTS: &[&str] = &[
    "unsafe",
    "reflect",
    "sync/atomic",
    "runtime",
    "encoding/json",
    "encoding/gob",
    "flag",
    "container/heap",
    "container/list",
    "container/ring",
];

/// The frozen pointee types of the package.
pub fn find(
    prog: &Program,
    info: &Info,
    files: &[&File],
    owned: &HashSet<ObjId>,
    ptr_value_methods: &HashSet<ObjId>,
) -> Frozen {
    if files.iter().any(|f| {
        f.imports
            .iter()
            .any(|i| UNSAFE_IMPORTS.contains(&i.path.as_str()))
    }) {
        return Frozen::default();
    }
    let mut cands: HashSet<TypeId> = crate::analysis::declared_structs(prog, info, files)
        .into_iter()
        .filter(|&(obj, t)| plain_value(prog, prog.obj(obj).pkg, t, 0))
        .map(|(_, t)| t)
        .collect();
    if cands.is_empty() {
        return Frozen::default();
    }
    let mut w = Walk {
        prog,
        info,
        owned,
        cands: &cands,
        out: HashSet::new(),
        in_iface: HashSet::new(),
        iface_identity: false,
        results: Vec::new(),
        calls: HashSet::new(),
    };
    for f in files {
        for d in &f.decls {
            match &d.kind {
                DeclKind::Func(fd) => {
                    w.method_rule(fd, ptr_value_methods);
                    let results = info.defs.get(&fd.name.id).and_then(|&o| {
                        match prog.types.get(prog.obj(o).ty) {
                            Type::Func(sig) => Some(sig.results.clone()),
                            _ => None,
                        }
                    });
                    if !fd.type_params.is_empty() {
                        // Generic bodies: a type parameter may stand for `*T`.
                        w.exclude_all_in_body(fd);
                    }
                    if let Some(body) = &fd.body {
                        w.results = results.unwrap_or_default();
                        visit::walk_block(&mut w, body);
                    }
                }
                DeclKind::Var(specs) => {
                    for s in specs {
                        w.var_spec(s);
                        for v in &s.values {
                            w.results.clear();
                            visit::walk_expr(&mut w, v);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // A `*T` inside another struct type, or in a type argument.
    let mut seen: Vec<TypeId> = info.types.values().map(|tm| tm.ty).collect();
    for o in info.defs.values() {
        seen.push(prog.obj(*o).ty);
    }
    for t in seen {
        match prog.types.under(t).clone() {
            Type::Struct(fields) => {
                for fl in fields {
                    w.exclude_contained(fl.ty);
                }
            }
            // A map keyed by pointers (or interfaces that may hold them) hashes their identity.
            Type::Map(k, _) => {
                w.iface_identity |= w.is_iface(k);
                w.exclude_contained(k)
            }
            _ => {}
        }
    }
    for args in info.instances.values() {
        for &a in args {
            w.exclude_contained(a);
        }
    }
    if w.iface_identity {
        w.out.extend(std::mem::take(&mut w.in_iface));
    }
    let (out, in_iface) = (w.out, w.in_iface);
    cands.retain(|t| !out.contains(t));
    let in_iface = in_iface.into_iter().filter(|t| cands.contains(t)).collect();
    Frozen {
        types: cands,
        in_iface,
    }
}

/// What [`find`] decided.
#[derive(Clone, Debug, Default)]
pub struct Frozen {
    /// The frozen pointee types.
    pub types: HashSet<TypeId>,
    /// Of those, the ones whose pointers are held in interface values: their `Option<T>` gets
    /// a `Format` (printed as Go prints a pointer) and the interfaces' traits.
    pub in_iface: HashSet<TypeId>,
}

/// Numbers, strings, channels, interfaces, and arrays and local structs of those.
fn plain_value(prog: &Program, pkg: Option<PkgId>, t: TypeId, depth: u32) -> bool {
    if depth > 8 {
        return false;
    }
    if let Type::Named(n) = prog.types.get(t) {
        // Only types of this package (no `sync.Mutex`, no `time.Timer`).
        if prog.obj(n.obj).pkg != pkg || !n.type_args.is_empty() {
            return false;
        }
    }
    match prog.types.under(t) {
        Type::Basic(_) | Type::Chan(..) => true,
        Type::Interface(_) => true,
        Type::Array(_, e) => plain_value(prog, pkg, *e, depth + 1),
        Type::Struct(fields) => fields
            .iter()
            .all(|f| plain_value(prog, pkg, f.ty, depth + 1)),
        _ => false,
    }
}

struct Walk<'a> {
    prog: &'a Program,
    info: &'a Info,
    owned: &'a HashSet<ObjId>,
    cands: &'a HashSet<TypeId>,
    out: HashSet<TypeId>,
    /// Candidates whose pointers are put in interface values (or asserted back out of one).
    in_iface: HashSet<TypeId>,
    /// Interface values are compared, hashed or asserted to other interfaces somewhere: their
    /// dynamic pointers keep their identity (no candidate may be put in one).
    iface_identity: bool,
    /// Result types of the function being walked (for `return`).
    results: Vec<TypeId>,
    /// The `func` expressions of calls (method values elsewhere are excluded).
    calls: HashSet<NodeId>,
}

impl Walk<'_> {
    fn ty(&self, e: &Expr) -> Option<TypeId> {
        self.info.types.get(&e.id).map(|tm| tm.ty)
    }

    /// The candidate `T` when `t` is `*T` (through named pointer types).
    fn ptr_cand(&self, t: TypeId) -> Option<TypeId> {
        match self.prog.types.under(t) {
            Type::Pointer(e) if self.cands.contains(e) => Some(*e),
            _ => None,
        }
    }

    /// Excludes every candidate whose pointer `t` holds anywhere.
    fn exclude_contained(&mut self, t: TypeId) {
        let mut stack = vec![(t, 0u32)];
        let mut seen = HashSet::new();
        while let Some((t, d)) = stack.pop() {
            if d > 12 || !seen.insert(t) {
                continue;
            }
            if let Some(c) = self.ptr_cand(t) {
                self.out.insert(c);
            }
            match self.prog.types.under(t).clone() {
                Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
                    stack.push((e, d + 1))
                }
                Type::Map(k, v) => {
                    stack.push((k, d + 1));
                    stack.push((v, d + 1));
                }
                Type::Struct(fs) => stack.extend(fs.iter().map(|f| (f.ty, d + 1))),
                Type::Func(sig) => {
                    stack.extend(sig.params.iter().chain(&sig.results).map(|&t| (t, d + 1)))
                }
                Type::Tuple(ts) => stack.extend(ts.iter().map(|&t| (t, d + 1))),
                _ => {}
            }
        }
    }

    fn is_iface(&self, t: TypeId) -> bool {
        matches!(self.prog.types.under(t), Type::Interface(_))
    }

    /// A value of type `t` held in an interface: a candidate's `*T` is recorded (the interface
    /// holds the `Option<T>`); any other type's pointers are excluded.
    fn in_iface_value(&mut self, t: TypeId) {
        match self.ptr_cand(t) {
            Some(c) => {
                self.in_iface.insert(c);
            }
            None => self.exclude_contained(t),
        }
    }

    /// An interface with an `Error` method (`error` and the interfaces embedding it).
    fn error_like(&self, t: TypeId) -> bool {
        matches!(self.prog.types.under(t), Type::Interface(i)
            if i.all_methods.iter().any(|m| m.name == "Error"))
    }

    /// `src` flows into a place of type `dst`: into an interface, its pointers are kept as
    /// pointers (excluded).
    fn flow(&mut self, src: &Expr, dst: Option<TypeId>) {
        match (dst, self.ty(src)) {
            // A `*T` itself: the interface holds the `Option<T>` (not an `error`, whose
            // pointer values the `errors` support keeps as cells).
            (Some(d), Some(s)) if self.is_iface(d) && !self.error_like(d) => self.in_iface_value(s),
            (Some(d), Some(s)) if self.is_iface(d) => self.exclude_contained(s),
            (None, Some(s)) => self.exclude_contained(s),
            _ => {}
        }
    }

    /// The pointer a write to place `e` writes through: `p` of `p.f`, `p.a[i]`, `*p`.
    fn written_ptr<'e>(&self, e: &'e Expr) -> Option<&'e Expr> {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Star(x) => Some(x),
            ExprKind::Selector { x, .. } => {
                let xt = self.ty(x)?;
                if matches!(self.prog.types.under(xt), Type::Pointer(_)) {
                    // A promoted field through an embedded pointer is beyond this analysis: the
                    // pointer is still `x`'s pointee's field; candidates have no pointers.
                    Some(x)
                } else {
                    self.written_ptr(x)
                }
            }
            ExprKind::Index { x, .. } => {
                let xt = self.ty(x)?;
                match self.prog.types.under(xt) {
                    Type::Pointer(_) => Some(x),
                    Type::Array(..) => self.written_ptr(x),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A write (or an address taken) at place `e`.
    fn write(&mut self, e: &Expr) {
        if let Some(p) = self.written_ptr(e) {
            if let Some(c) = self.ty(p).and_then(|t| self.ptr_cand(t)) {
                let p = strip_parens(p);
                let owned = matches!(p.kind, ExprKind::Ident(_))
                    && self
                        .info
                        .uses
                        .get(&p.id)
                        .is_some_and(|o| self.owned.contains(o));
                if !owned {
                    self.out.insert(c);
                }
            }
        }
    }

    fn method_rule(&mut self, fd: &FuncDecl, ptr_value_methods: &HashSet<ObjId>) {
        let Some(r) = &fd.recv else { return };
        let Some(&m) = self.info.defs.get(&fd.name.id) else {
            return;
        };
        let ObjKind::Func { recv: Some(rt) } = self.prog.obj(m).kind else {
            return;
        };
        let Some(c) = self.ptr_cand(rt) else { return };
        let recv = r.name.as_ref().and_then(|n| self.info.defs.get(&n.id));
        let writes = match (&fd.body, recv) {
            (Some(body), Some(&ro)) => crate::decl::writes_through(self.info, body, ro),
            (Some(_), None) => false,
            (None, _) => true,
        };
        if writes || ptr_value_methods.contains(&m) {
            self.out.insert(c);
        }
    }

    fn exclude_all_in_body(&mut self, _fd: &FuncDecl) {
        // Instances are checked through `info.instances`; a generic body only sees type
        // parameters. Nothing to do beyond that.
    }

    fn var_spec(&mut self, s: &VarSpec) {
        if s.ty.is_some() && s.names.len() == s.values.len() {
            for (n, v) in s.names.iter().zip(&s.values) {
                let dst = self.info.defs.get(&n.id).map(|&o| self.prog.obj(o).ty);
                self.flow(v, dst);
            }
        }
    }

    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], ellipsis: bool) {
        let f = strip_parens(func);
        self.calls.insert(f.id);
        let mode_type = self
            .info
            .types
            .get(&f.id)
            .is_some_and(|tm| matches!(tm.mode, goxide_types::Mode::Type));
        if mode_type {
            // A conversion.
            for a in args {
                self.flow(a, self.ty(e));
            }
            return;
        }
        if let ExprKind::Ident(n) = &f.kind {
            if let Some(&o) = self.info.uses.get(&f.id) {
                if let ObjKind::Builtin(_) = self.prog.obj(o).kind {
                    match n.as_str() {
                        "append" if !ellipsis => {
                            let elem = self.ty(e).and_then(|t| match self.prog.types.under(t) {
                                Type::Slice(el) => Some(*el),
                                _ => None,
                            });
                            for a in args.iter().skip(1) {
                                self.flow(a, elem);
                            }
                        }
                        "append" | "len" | "cap" | "make" | "new" | "close" | "delete" => {}
                        "copy" => {
                            if let Some(a) = args.first() {
                                self.write(a);
                            }
                        }
                        _ => {
                            for a in args {
                                self.flow(a, None);
                            }
                        }
                    }
                    if n == "delete" {
                        if let Some(a) = args.first() {
                            self.write(a);
                        }
                    }
                    return;
                }
            }
        }
        // A method with a pointer receiver called on an addressable value takes its address.
        if let ExprKind::Selector { x, .. } = &f.kind {
            if let Some(sel) = self.info.selections.get(&f.id) {
                if let ObjKind::Func { recv: Some(rt) } = self.prog.obj(sel.obj).kind {
                    let ptr_recv = matches!(self.prog.types.get(rt), Type::Pointer(_));
                    let x_ptr = self
                        .ty(x)
                        .is_some_and(|t| matches!(self.prog.types.under(t), Type::Pointer(_)));
                    if ptr_recv && !x_ptr {
                        self.write(x);
                    }
                }
            }
        }
        let sig = self.ty(f).and_then(|t| match self.prog.types.under(t) {
            Type::Func(sig) => Some(sig.clone()),
            _ => None,
        });
        let Some(sig) = sig else {
            for a in args {
                self.flow(a, None);
            }
            return;
        };
        if args.len() == 1 && sig.params.len() > 1 {
            // `f(g())`: a tuple spread over the parameters.
            if let Some(Type::Tuple(ts)) = self.ty(&args[0]).map(|t| self.prog.types.get(t)) {
                let ts = ts.clone();
                for (i, t) in ts.iter().enumerate() {
                    if let Some(&p) = sig.params.get(i) {
                        if self.is_iface(p) {
                            self.exclude_contained(*t);
                        }
                    } else {
                        self.exclude_contained(*t);
                    }
                }
                return;
            }
        }
        let n = sig.params.len();
        for (i, a) in args.iter().enumerate() {
            let dst = if sig.variadic && i + 1 >= n && !ellipsis {
                sig.params
                    .last()
                    .and_then(|&t| match self.prog.types.under(t) {
                        Type::Slice(el) => Some(*el),
                        _ => None,
                    })
            } else {
                sig.params.get(i).copied()
            };
            self.flow(a, dst);
        }
    }

    fn composite(&mut self, e: &Expr, elems: &[Element]) {
        let Some(t) = self.ty(e) else {
            for el in elems {
                self.flow(&el.value, None);
            }
            return;
        };
        let t = match self.prog.types.under(t) {
            Type::Pointer(x) => *x,
            _ => t,
        };
        match self.prog.types.under(t).clone() {
            Type::Struct(fields) => {
                for (i, el) in elems.iter().enumerate() {
                    let dst = match &el.key {
                        Some(k) => match &k.kind {
                            ExprKind::Ident(name) => {
                                fields.iter().find(|f| &f.name == name).map(|f| f.ty)
                            }
                            _ => None,
                        },
                        None => fields.get(i).map(|f| f.ty),
                    };
                    self.flow(&el.value, dst);
                }
            }
            Type::Slice(x) | Type::Array(_, x) => {
                for el in elems {
                    self.flow(&el.value, Some(x));
                }
            }
            Type::Map(k, v) => {
                for el in elems {
                    if let Some(key) = &el.key {
                        self.flow(key, Some(k));
                    }
                    self.flow(&el.value, Some(v));
                }
            }
            _ => {
                for el in elems {
                    self.flow(&el.value, None);
                }
            }
        }
    }

    /// Two operands compared: pointers of their types compare by identity.
    fn compared(&mut self, x: &Expr, y: &Expr) {
        let nil = |e: &Expr| {
            let e = strip_parens(e);
            matches!(&e.kind, ExprKind::Ident(n) if n == "nil")
        };
        if nil(x) || nil(y) {
            return;
        }
        for e in [x, y] {
            if let Some(t) = self.ty(e) {
                self.iface_identity |= self.is_iface(t);
                self.exclude_contained(t);
            }
        }
    }
}

impl Visitor for Walk<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign { lhs, op, rhs } => {
                if *op != AssignOp::Define {
                    for l in lhs {
                        self.write(l);
                    }
                }
                if lhs.len() == rhs.len() {
                    for (l, r) in lhs.iter().zip(rhs) {
                        if let Some(dst) = self.ty(l) {
                            self.flow(r, Some(dst));
                        }
                    }
                }
            }
            StmtKind::IncDec { x, .. } => self.write(x),
            StmtKind::Range {
                key,
                value,
                define: false,
                ..
            } => {
                for t in key.iter().chain(value) {
                    self.write(t);
                }
            }
            StmtKind::Send { chan, value } => {
                let elem = self.ty(chan).and_then(|t| match self.prog.types.under(t) {
                    Type::Chan(_, e) => Some(*e),
                    _ => None,
                });
                self.flow(value, elem);
            }
            StmtKind::Return(vs) => {
                if vs.len() == self.results.len() {
                    let rs = self.results.clone();
                    for (v, r) in vs.iter().zip(rs) {
                        self.flow(v, Some(r));
                    }
                } else {
                    for v in vs {
                        self.flow(v, None);
                    }
                }
            }
            StmtKind::Decl(d) => {
                if let DeclKind::Var(specs) = &d.kind {
                    for sp in specs {
                        self.var_spec(sp);
                    }
                }
            }
            StmtKind::Switch { tag: Some(t), .. } => {
                if let Some(tt) = self.ty(t) {
                    self.iface_identity |= self.is_iface(tt);
                    self.exclude_contained(tt);
                }
            }
            StmtKind::TypeSwitch { clauses, .. } => {
                for c in clauses {
                    for t in &c.types {
                        if let Some(tt) = self.ty(t) {
                            self.iface_identity |= self.is_iface(tt);
                            self.exclude_contained(tt);
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call(e, func, args, *ellipsis),
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => {
                let x = strip_parens(x);
                if !matches!(x.kind, ExprKind::CompositeLit { .. }) {
                    if let Some(t) = self.ty(x) {
                        if self.cands.contains(&t) {
                            self.out.insert(t);
                        }
                    }
                    self.write(x);
                }
            }
            ExprKind::CompositeLit { elems, .. } => self.composite(e, elems),
            ExprKind::Binary {
                op: BinaryOp::Eq | BinaryOp::Ne,
                x,
                y,
            } => self.compared(x, y),
            ExprKind::TypeAssert { .. } => {
                if let Some(t) = self.ty(e) {
                    // `x.(*T)` takes the `Option<T>` back out; `x.(I)` needs the dynamic
                    // value's identity kept.
                    self.iface_identity |= self.is_iface(t);
                    self.in_iface_value(t);
                }
            }
            ExprKind::Selector { .. } => {
                if let Some(sel) = self.info.selections.get(&e.id) {
                    let method = !matches!(sel.kind, goxide_types::SelectionKind::FieldVal);
                    if method && !self.calls.contains(&e.id) {
                        // A method value or expression keeps its receiver.
                        self.exclude_contained(sel.recv);
                        let r = self.prog.types.get(sel.recv).clone();
                        if self.cands.contains(&sel.recv) {
                            self.out.insert(sel.recv);
                        }
                        if let Type::Pointer(x) = r {
                            if self.cands.contains(&x) {
                                self.out.insert(x);
                            }
                        }
                    }
                }
            }
            ExprKind::FuncLit { body, .. } => {
                let results = self.ty(e).and_then(|t| match self.prog.types.under(t) {
                    Type::Func(sig) => Some(sig.results.clone()),
                    _ => None,
                });
                let saved = std::mem::replace(&mut self.results, results.unwrap_or_default());
                visit::walk_block(self, body);
                self.results = saved;
                return false;
            }
            ExprKind::Index { x, .. } => {
                // A map keyed by pointers hashes their identity.
                if let Some(Type::Map(k, _)) = self.ty(x).map(|t| self.prog.types.under(t)) {
                    let k = *k;
                    self.exclude_contained(k);
                }
            }
            _ => {}
        }
        true
    }
}
