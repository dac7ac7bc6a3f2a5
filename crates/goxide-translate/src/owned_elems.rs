//! Slices of pointers whose elements only the slice holds. For a named struct type `T` of the
//! package, when every `[]*T` of the package only ever gets fresh elements (`&T{…}`, `new(T)`,
//! `{…}` in a `[]*T{…}` literal; a constructor's call or a local that owns its value and moves
//! it there at its last use, which the pointer analysis confirms: see [`OwnedElems::confirm`])
//! and its elements are only reached through — a field read or written, a method called, `*p`
//! — never copied out, compared, kept or printed, nothing but the slice ever points to an
//! element: `[]*T` is `Vec<T>`, holding the values themselves. (Programs with goroutines, and
//! packages that use `unsafe`, `reflect`, `runtime` or the encoders, are left alone.)
//!
//! - `items = append(items, &Item{…})` is `items.push(Item { … })`; `items[i] = new(T)` stores
//!   `T::default()`;
//! - `items[i].Count++` reaches the element in place, `items[i].count += 1`;
//! - `for _, it := range items` borrows each element, `for it in items.iter_mut()` (`iter()`
//!   when the body only reads through `it`), when the body does not capture `it` and uses the
//!   slice's variable only as the borrow checker allows: not at all, only to read while the
//!   loop only reads, or — for a method's receiver — only its fields beside the slice
//!   (`self.total += l.qty` in `for l in self.lines.iter()`);
//! - `p := items[i]` borrows one element, `let p = &mut items[i];`, when nothing names
//!   `items`' variable from there to the last use of `p`, which is never given another value
//!   nor captured.
//!
//! Writes through an element are writes of the slice's elements (see `analysis`), so that the
//! slice's own form (a borrowed `&mut [T]` parameter, a `mut` variable) is decided as for a
//! slice of structs. The slice itself is appended to, passed, returned and stored like any
//! slice, but a copy of a variable must move (its last use) or be lent to a borrowing
//! parameter, which is confirmed once those are known ([`OwnedElems::confirm_copies`]): a copy
//! of the values would stop sharing them. `copy`, `append(s, t...)`, re-slicing, make with a
//! length (nil elements) and `defer s[i].M()` are left out.
//!
//! Must not depend on the emission (`Ctx`): it only reads the syntax and the checker's facts.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program, SelectionKind, Type, TypeId};
use std::collections::{HashMap, HashSet};

/// Packages whose use could see an element's address or copy elements behind the analysis.
pub(crate) const UNSAFE_IMPORTS: &[&str] = &[
    "unsafe",
    "reflect",
    "runtime",
    "sync/atomic",
    "encoding/json",
    "encoding/gob",
    "encoding/xml",
    "container/heap",
];

/// What the analysis decided.
#[derive(Clone, Debug, Default)]
pub struct OwnedElems {
    /// The element kinds that hold their values, each by its key (see [`elem_key`]): `T` for
    /// `[]*T` held as `Vec<T>`, the pointer type `*T` for `map[K]*T` held as `HashMap<K, T>`
    /// (a slice's elements and a map's values are decided apart).
    pub types: HashSet<TypeId>,
    /// Range value variables over such slices, borrowing each element, with whether the loop
    /// writes through them (`iter_mut()`, else `iter()`).
    pub range_vars: HashMap<ObjId, bool>,
    /// Locals `p := s[i]` naming one element while `s` rests, with whether something writes
    /// through them (`let p = &mut s[i];`, else `&s[i]`).
    pub elem_locals: HashMap<ObjId, bool>,
    /// Of those, the locals naming one value of a map (`v, ok := m[k]`), with their form.
    pub map_locals: HashMap<ObjId, MapLocal>,
    /// Fresh pointers made to be an element (`&T{…}`, `new(T)`, an elided `{…}`, a local
    /// moved at its last use, a constructor's call): the value.
    pub inputs: HashSet<NodeId>,
    /// Elements that are fresh only if the pointer analysis agrees (see [`OwnedElems::confirm`]).
    pub pending: Vec<(NodeId, TypeId, Pending)>,
    /// Slices copied from a variable (or passed), fine only if they move or are lent (see
    /// [`OwnedElems::confirm_copies`]).
    pub copies: Vec<(NodeId, TypeId, CopySite)>,
    /// The type of each input and range variable.
    owner: HashMap<NodeId, TypeId>,
    range_types: HashMap<ObjId, TypeId>,
}

/// How a local naming one value of a map holding its values is declared: the lookup's `ok`
/// decides whether the local exists at all, so it is the `Some` of `m.get_mut(&k)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapLocal {
    /// `if v, ok := m[k]; ok { … }`: `if let Some(v) = m.get_mut(&k) { … }`.
    IfLet,
    /// `v, ok := m[k]` followed by `if !ok { … }` that leaves: `let Some(v) = m.get_mut(&k)
    /// else { … };`.
    LetElse,
    /// `v, ok := m[k]` followed by `if !ok { v = &T{…}; m[k] = v }` (or `v := m[k]` and `if
    /// v == nil`): `let v = m.entry(k).or_insert_with(|| T { … });`.
    OrInsert,
    /// `v := m[k]` otherwise, never compared with nil: `let mut v = m.get_mut(&k);`, an
    /// `Option<&mut T>` reached through as an optional borrow (nil when the key is missing).
    Plain,
}

/// Where a slice of such pointers is copied from a variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CopySite {
    /// Assigned, returned or stored: it must be the variable's last use.
    Move,
    /// Passed to parameter `.1` of function `.0`: the parameter must borrow, or the argument
    /// be the variable's last use.
    Arg(ObjId, usize),
}

/// An element given by a local or a call, fresh only if the pointer analysis says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pending {
    /// A local pointer that must own a fresh value and move it here, at its last use.
    Local(ObjId),
    /// A call of a function that must be a constructor (always a fresh, non-nil pointer).
    Ctor(ObjId),
}

impl OwnedElems {
    /// Keeps the types whose copies `fine` accepts (with the copied expression's node); returns
    /// the range variables and locals of the types it drops, which borrow elements no more.
    pub fn confirm_copies(&mut self, fine: impl Fn(NodeId, CopySite) -> bool) -> Vec<ObjId> {
        for &(id, t, site) in &self.copies {
            if !fine(id, site) {
                self.types.remove(&t);
            }
        }
        self.copies.clear();
        let before: Vec<ObjId> = self
            .range_vars
            .keys()
            .chain(self.elem_locals.keys())
            .copied()
            .collect();
        self.retain_types();
        before
            .into_iter()
            .filter(|o| !self.range_vars.contains_key(o) && !self.elem_locals.contains_key(o))
            .collect()
    }

    /// Keeps the types whose pending elements `fresh` accepts (with the element's node): their
    /// elements become inputs; a type with one it refuses holds its pointers as before.
    pub fn confirm(&mut self, fresh: impl Fn(Pending, NodeId) -> bool) {
        for &(id, t, p) in &self.pending {
            if !fresh(p, id) {
                self.types.remove(&t);
            }
        }
        let types = &self.types;
        let pending = std::mem::take(&mut self.pending);
        self.inputs.extend(
            pending
                .iter()
                .filter(|(_, t, _)| types.contains(t))
                .map(|(id, ..)| *id),
        );
        self.retain_types();
    }

    /// The pointee type `T` when `t` is a `[]*T` or `map[K]*T` (or a named type of one) that
    /// holds its values.
    pub fn elem_of(&self, prog: &Program, t: TypeId) -> Option<TypeId> {
        let (key, pointee) = elem_key(prog, t)?;
        self.types.contains(&key).then_some(pointee)
    }

    /// The pointee types some slices or maps hold the values of.
    pub fn pointees(&self, prog: &Program) -> HashSet<TypeId> {
        self.types
            .iter()
            .map(|&k| match prog.types.get(k) {
                Type::Pointer(p) => *p,
                _ => k,
            })
            .collect()
    }

    /// Drops the inputs, range variables and element locals of types no longer held.
    fn retain_types(&mut self) {
        let (types, owner, range_types) = (&self.types, &self.owner, &self.range_types);
        self.inputs
            .retain(|id| owner.get(id).is_none_or(|t| types.contains(t)));
        self.range_vars
            .retain(|o, _| range_types.get(o).is_some_and(|t| types.contains(t)));
        self.elem_locals
            .retain(|o, _| range_types.get(o).is_some_and(|t| types.contains(t)));
        let elem_locals = &self.elem_locals;
        self.map_locals.retain(|o, _| elem_locals.contains_key(o));
    }
}

/// For a `[]*T` or `map[K]*T` (or a named type of one) `t`: the key the analysis decides its
/// elements by (`T` for a slice, the pointer type `*T` for a map), and `T`.
fn elem_key(prog: &Program, t: TypeId) -> Option<(TypeId, TypeId)> {
    let (key, p) = match prog.types.under(t) {
        Type::Slice(p) => (None, *p),
        Type::Map(_, p) => (Some(*p), *p),
        _ => return None,
    };
    match prog.types.get(p) {
        Type::Pointer(e) => Some((key.unwrap_or(*e), *e)),
        _ => None,
    }
}

/// The key (see [`elem_key`]) of `t`'s elements when `t` is a `[]*T` or `map[K]*T` with `T`
/// in `cands`.
fn pointee_in(prog: &Program, t: TypeId, cands: &HashSet<TypeId>) -> Option<TypeId> {
    let (key, pointee) = elem_key(prog, t)?;
    cands.contains(&pointee).then_some(key)
}

pub fn find(
    prog: &Program,
    info: &Info,
    files: &[&File],
    ptr_value_methods: &HashSet<ObjId>,
    readonly_methods: &HashSet<ObjId>,
) -> OwnedElems {
    let unsafe_import = files.iter().any(|f| {
        f.imports
            .iter()
            .any(|i| UNSAFE_IMPORTS.contains(&i.path.as_str()))
    });
    if unsafe_import || crate::concurrency::has_go_statements(files) {
        return OwnedElems::default();
    }
    let cands: HashSet<TypeId> = crate::analysis::declared_structs(prog, info, files)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    if cands.is_empty() {
        return OwnedElems::default();
    }
    // Locals naming one element (`p := s[i]`) while nothing else uses `s`.
    let mut locals = ElemLocals {
        prog,
        info,
        cands: &cands,
        readonly_methods,
        out: HashMap::new(),
        map_out: HashMap::new(),
        guard_conds: HashSet::new(),
        or_insert: HashMap::new(),
    };
    for f in files {
        for d in &f.decls {
            if let DeclKind::Func(fd) = &d.kind {
                if let Some(body) = &fd.body {
                    crate::subslice::ListWalk::list(&mut locals, &body.stmts);
                    visit::walk_block(&mut crate::subslice::EachList(&mut locals), body);
                }
            }
        }
    }
    let mut receivers = HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let by_ref = info
                .defs
                .get(&fd.name.id)
                .is_some_and(|m| !ptr_value_methods.contains(m));
            if let Some(r) = fd.recv.as_ref().filter(|_| by_ref) {
                receivers.extend(r.name.as_ref().and_then(|n| info.defs.get(&n.id)));
            }
        }
    }
    let mut w = Walk {
        prog,
        info,
        ptr_value_methods,
        receivers,
        readonly_methods,
        elem_locals: locals.out,
        map_locals: locals.map_out,
        guard_conds: locals.guard_conds,
        or_insert: locals.or_insert,
        cands: &cands,
        seen: Vec::new(),
        ok: HashSet::new(),
        bad: HashSet::new(),
        inputs: HashSet::new(),
        pending: Vec::new(),
        copies: Vec::new(),
        range_vars: HashMap::new(),
    };
    for f in files {
        for d in &f.decls {
            visit::walk_decl(&mut w, d);
        }
    }
    let Walk {
        seen,
        ok,
        mut bad,
        inputs,
        pending,
        copies,
        range_vars,
        elem_locals,
        mut map_locals,
        ..
    } = w;
    let mut used: HashSet<TypeId> = HashSet::new();
    for (id, t) in &seen {
        used.insert(*t);
        if !ok.contains(id) {
            bad.insert(*t);
        }
    }
    let types: HashSet<TypeId> = used.difference(&bad).copied().collect();
    let range_vars: HashMap<ObjId, (TypeId, bool)> = range_vars
        .into_iter()
        .filter(|(_, (t, _))| types.contains(t))
        .collect();
    let elem_locals: HashMap<ObjId, (TypeId, bool)> = elem_locals
        .into_iter()
        .filter(|(_, (t, _))| types.contains(t))
        .collect();
    let inputs: HashMap<NodeId, TypeId> = inputs
        .into_iter()
        .filter(|(_, t)| types.contains(t))
        .collect();
    map_locals.retain(|o, _| elem_locals.contains_key(o));
    OwnedElems {
        map_locals,
        range_types: range_vars
            .iter()
            .chain(&elem_locals)
            .map(|(o, (t, _))| (*o, *t))
            .collect(),
        elem_locals: elem_locals.into_iter().map(|(o, (_, w))| (o, w)).collect(),
        range_vars: range_vars.into_iter().map(|(o, (_, w))| (o, w)).collect(),
        owner: inputs.clone(),
        inputs: inputs.into_keys().collect(),
        pending: pending
            .into_iter()
            .filter(|(_, t, _)| types.contains(t))
            .collect(),
        copies: copies
            .into_iter()
            .filter(|(_, t, _)| types.contains(t))
            .collect(),
        types,
    }
}

/// Whether `body` writes through a range variable over a slice rooted at `recv` (`for _, c :=
/// range n.children { c.x = 1 }`): the elements are `recv`'s, written in place.
pub fn writes_elements_of(info: &Info, body: &Block, recv: ObjId, elems: &OwnedElems) -> bool {
    struct W<'a> {
        info: &'a Info,
        recv: ObjId,
        elems: &'a OwnedElems,
        found: bool,
    }
    impl Visitor for W<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            // `p := recv.s[i]`, written through.
            if let StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                rhs,
            } = &s.kind
            {
                if let ([l] | [l, _], [r]) = (lhs.as_slice(), rhs.as_slice()) {
                    let written = self
                        .info
                        .defs
                        .get(&l.id)
                        .and_then(|o| self.elems.elem_locals.get(o))
                        == Some(&true);
                    let rooted = crate::stmt::root_ident(strip_parens(r))
                        .and_then(|r| self.info.uses.get(&r.id))
                        == Some(&self.recv);
                    self.found |= written && rooted;
                }
            }
            if let StmtKind::Range {
                value: Some(v), x, ..
            } = &s.kind
            {
                let written = self
                    .info
                    .defs
                    .get(&v.id)
                    .and_then(|o| self.elems.range_vars.get(o))
                    == Some(&true);
                let rooted = crate::stmt::root_ident(x).and_then(|r| self.info.uses.get(&r.id))
                    == Some(&self.recv);
                self.found |= written && rooted;
            }
            !self.found
        }
    }
    if elems.range_vars.is_empty() && elems.elem_locals.is_empty() {
        return false;
    }
    let mut w = W {
        info,
        recv,
        elems,
        found: false,
    };
    visit::walk_block(&mut w, body);
    w.found
}

/// Finds `p := s[i]` of a slice of candidate pointers where, in the statement list declaring
/// `p`, nothing from the declaration to the last use of `p` names `s`'s variable, and `p` is
/// never given another value, captured, deferred or sent to a goroutine.
struct ElemLocals<'a> {
    prog: &'a Program,
    info: &'a Info,
    cands: &'a HashSet<TypeId>,
    readonly_methods: &'a HashSet<ObjId>,
    out: HashMap<ObjId, (TypeId, bool)>,
    /// The map forms among them (see [`MapLocal`]).
    map_out: HashMap<ObjId, MapLocal>,
    /// The conditions testing their lookups (`ok`, `v == nil`), which the translation drops.
    guard_conds: HashSet<NodeId>,
    /// The `if !ok { v = &T{…}; m[k] = v }` of [`MapLocal::OrInsert`] locals, with the local
    /// and the fresh value.
    or_insert: HashMap<NodeId, (ObjId, NodeId)>,
}

/// `if !ok { v = &T{…}; m[k] = v }` after the lookup `v, ok := m[k]` (`lookup`): the fresh
/// value, when the block fills the missing key with a fresh value given to `v`.
fn or_insert_fill<'s>(
    prog: &Program,
    info: &Info,
    lookup: &Stmt,
    then: &'s Block,
) -> Option<&'s Expr> {
    let (v, _, _) = map_lookup(lookup)?;
    let StmtKind::Assign { rhs: at, .. } = &lookup.kind else {
        return None;
    };
    let [give, store] = then.stmts.as_slice() else {
        return None;
    };
    let (
        StmtKind::Assign {
            lhs: gl,
            op: AssignOp::Assign,
            rhs: gr,
        },
        StmtKind::Assign {
            lhs: sl,
            op: AssignOp::Assign,
            rhs: sr,
        },
    ) = (&give.kind, &store.kind)
    else {
        return None;
    };
    let ([gl], [fresh], [sl], [sr], [at]) = (
        gl.as_slice(),
        gr.as_slice(),
        sl.as_slice(),
        sr.as_slice(),
        at.as_slice(),
    ) else {
        return None;
    };
    let is_v = |e: &Expr| info.uses.get(&strip_parens(e).id) == info.defs.get(&v.id);
    let made = match &strip_parens(fresh).kind {
        ExprKind::Unary {
            op: UnaryOp::Addr,
            x,
        } => matches!(strip_parens(x).kind, ExprKind::CompositeLit { .. }),
        ExprKind::Call { func, args, .. } => {
            args.len() == 1
                && info
                    .object_of(strip_parens(func).id)
                    .is_some_and(|o| matches!(prog.obj(o).kind, ObjKind::Builtin(Builtin::New)))
        }
        _ => false,
    };
    (made && is_v(gl) && is_v(sr) && same_path(sl, at)).then_some(fresh)
}

/// `v, ok := m[k]` or `v := m[k]`: `(v, ok, m)`, with `v` (and `ok`) named.
fn map_lookup(s: &Stmt) -> Option<(&Expr, Option<&Expr>, &Expr)> {
    let StmtKind::Assign {
        lhs,
        op: AssignOp::Define,
        rhs,
    } = &s.kind
    else {
        return None;
    };
    let ([v, ..], [r]) = (lhs.as_slice(), rhs.as_slice()) else {
        return None;
    };
    let ExprKind::Index { x, .. } = &strip_parens(r).kind else {
        return None;
    };
    let named = |e: &Expr| matches!(&e.kind, ExprKind::Ident(n) if n != "_");
    match lhs.as_slice() {
        [_] if named(v) => Some((v, None, x)),
        [_, ok] if named(v) && named(ok) => Some((v, Some(ok), x)),
        _ => None,
    }
}

/// Whether `cond` says that the lookup `(v, ok)` found its key: `ok`, or `v != nil`
/// (`found`), or that it did not: `!ok`, `v == nil`.
fn tests_lookup(cond: &Expr, v: &Expr, ok: Option<&Expr>, found: bool) -> bool {
    let same = |e: &Expr, n: &Expr| {
        matches!((&strip_parens(e).kind, &n.kind),
            (ExprKind::Ident(a), ExprKind::Ident(b)) if a == b)
    };
    let nil = |e: &Expr| matches!(&strip_parens(e).kind, ExprKind::Ident(n) if n == "nil");
    match (&strip_parens(cond).kind, ok) {
        (_, Some(ok)) if found => same(cond, ok),
        (
            ExprKind::Unary {
                op: UnaryOp::Not,
                x,
            },
            Some(ok),
        ) => same(x, ok),
        (ExprKind::Binary { op, x, y }, None) => {
            let want = if found { BinaryOp::Ne } else { BinaryOp::Eq };
            *op == want && (same(x, v) && nil(y) || nil(x) && same(y, v))
        }
        _ => false,
    }
}

/// Whether `s` always leaves the statement list it is in (`return`, `panic`, `break`,
/// `continue`): the `else` of a `let … else`.
fn leaves(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Return(_) => true,
        StmtKind::Branch { kind, .. } => {
            matches!(kind, BranchKind::Break | BranchKind::Continue)
        }
        StmtKind::Expr(e) => matches!(&strip_parens(e).kind,
            ExprKind::Call { func, .. } if matches!(&strip_parens(func).kind, ExprKind::Ident(n) if n == "panic")),
        StmtKind::Block(b) => b.stmts.last().is_some_and(leaves),
        _ => false,
    }
}

impl ElemLocals<'_> {
    /// `v, ok := m[k]` or `v := m[k]` (the statement `lookup`) of a map of candidate
    /// pointers tested by `cond` (`ok`, `v != nil`, or their negations; none for `v := m[k]`
    /// used as it is), whose `v` lives in
    /// `rest` (the statements it is used in, with `guard` around them, which must not name
    /// `v`): records `v` when nothing in `guard` and `rest` up to `v`'s last use names `m`'s
    /// variable, `ok` is used nowhere else, and `v` is never given another value nor escapes.
    fn map_local(
        &mut self,
        lookup: &Stmt,
        cond: Option<&Expr>,
        guard: &[&Stmt],
        rest: &[Stmt],
        form: MapLocal,
    ) {
        let Some((v, ok, m)) = map_lookup(lookup) else {
            return;
        };
        let tested = match cond {
            Some(c) => tests_lookup(c, v, ok, form == MapLocal::IfLet),
            None if form != MapLocal::Plain => false,
            None => ok.is_none(),
        };
        if !tested
            || self
                .info
                .defs
                .get(&v.id)
                .is_some_and(|p| self.out.contains_key(p))
        {
            return;
        }
        let Some(t) = self
            .info
            .type_of(m.id)
            .filter(|&mt| matches!(self.prog.types.under(mt), Type::Map(..)))
            .and_then(|mt| pointee_in(self.prog, mt, self.cands))
        else {
            return;
        };
        let (Some(&p), Some(&root)) = (
            self.info.defs.get(&v.id),
            crate::stmt::root_ident(strip_parens(m)).and_then(|r| self.info.uses.get(&r.id)),
        ) else {
            return;
        };
        if !matches!(self.prog.obj(root).kind, ObjKind::Var { global: false, .. }) {
            return;
        }
        let okv = ok.and_then(|ok| self.info.defs.get(&ok.id)).copied();
        let names = |s: &Stmt, o: Option<ObjId>| {
            o.is_some_and(|o| crate::subslice::objects_used(self.info, s).contains(&o))
        };
        if guard
            .iter()
            .any(|g| names(g, Some(p)) || names(g, Some(root)) || names(g, okv))
            || rest.iter().any(|s| names(s, okv))
            || !crate::subslice::borrow_fits_from(self.info, rest, p, root)
        {
            return;
        }
        let mut scan = BodyScan::new(self.info, self.prog, self.readonly_methods, p);
        for s in rest {
            visit::walk_stmt(&mut scan, s);
        }
        if !scan.escapes && !rest.iter().any(|s| assigns(self.info, s, p)) {
            self.out.insert(p, (t, scan.written));
            self.map_out.insert(p, form);
            self.guard_conds.extend(cond.map(|c| c.id));
        }
    }
}

impl crate::subslice::ListWalk for ElemLocals<'_> {
    fn list(&mut self, list: &[Stmt]) {
        for (i, s) in list.iter().enumerate() {
            // `if v, ok := m[k]; ok { … }` or `if v := m[k]; v != nil { … }` (with no `else`
            // naming `v`).
            if let StmtKind::If {
                init: Some(init),
                cond,
                then,
                els,
            } = &s.kind
            {
                let els: Vec<&Stmt> = els.iter().map(|e| &**e).collect();
                self.map_local(init, Some(cond), &els, &then.stmts, MapLocal::IfLet);
            }
            // `v, ok := m[k]` then `if !ok { return … }` (or `v := m[k]` then `if v == nil`).
            if let Some(StmtKind::If {
                init: None,
                cond,
                then,
                els: None,
            }) = list.get(i + 1).map(|n| &n.kind)
            {
                if then.stmts.last().is_some_and(leaves) {
                    let guard: Vec<&Stmt> = then.stmts.iter().collect();
                    self.map_local(s, Some(cond), &guard, &list[i + 2..], MapLocal::LetElse);
                }
                // (Get or create: `if !ok { v = &T{…}; m[k] = v }`.)
                if let Some(fresh) = or_insert_fill(self.prog, self.info, s, then) {
                    self.map_local(s, Some(cond), &[], &list[i + 2..], MapLocal::OrInsert);
                    let p = map_lookup(s).and_then(|(v, ..)| self.info.defs.get(&v.id));
                    if let Some(&p) = p.filter(|p| self.map_out.get(p) == Some(&MapLocal::OrInsert))
                    {
                        self.or_insert
                            .insert(list[i + 1].id, (p, strip_parens(fresh).id));
                    }
                }
            }
            // `v := m[k]` otherwise.
            self.map_local(s, None, &[], &list[i + 1..], MapLocal::Plain);
            let StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                rhs,
            } = &s.kind
            else {
                continue;
            };
            let ([l], [r]) = (lhs.as_slice(), rhs.as_slice()) else {
                continue;
            };
            let ExprKind::Index { x, .. } = &strip_parens(r).kind else {
                continue;
            };
            // (A map's missing key gives nil: see `map_local` for its locals.)
            let Some(t) = self
                .info
                .type_of(x.id)
                .filter(|&st| matches!(self.prog.types.under(st), Type::Slice(_)))
                .and_then(|st| pointee_in(self.prog, st, self.cands))
            else {
                continue;
            };
            let (Some(&p), Some(root)) = (
                self.info.defs.get(&l.id),
                crate::stmt::root_ident(strip_parens(x)).and_then(|r| self.info.uses.get(&r.id)),
            ) else {
                continue;
            };
            let local = matches!(
                self.prog.obj(*root).kind,
                ObjKind::Var { global: false, .. }
            );
            if !local || !crate::subslice::borrow_fits(self.info, list, i, p, *root) {
                continue;
            }
            let mut scan = BodyScan::new(self.info, self.prog, self.readonly_methods, p);
            for s in &list[i + 1..] {
                visit::walk_stmt(&mut scan, s);
            }
            let reassigned = list[i + 1..].iter().any(|s| assigns(self.info, s, p));
            if !scan.escapes && !reassigned {
                self.out.insert(p, (t, scan.written));
            }
        }
    }
}

/// Whether `s` (or a statement in it) assigns to `p` itself.
fn assigns(info: &Info, s: &Stmt, p: ObjId) -> bool {
    struct A<'a>(&'a Info, ObjId, bool);
    impl Visitor for A<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if let StmtKind::Assign { lhs, .. } = &s.kind {
                self.2 |= lhs.iter().any(|l| {
                    matches!(strip_parens(l).kind, ExprKind::Ident(_))
                        && self.0.uses.get(&strip_parens(l).id) == Some(&self.1)
                });
            }
            !self.2
        }
    }
    let mut a = A(info, p, false);
    visit::walk_stmt(&mut a, s);
    a.2
}

struct Walk<'a> {
    prog: &'a Program,
    info: &'a Info,
    ptr_value_methods: &'a HashSet<ObjId>,
    /// The receivers of the package's methods that take them as a reference (`&self`,
    /// `&mut self`): never a cell.
    receivers: HashSet<ObjId>,
    /// Candidate element locals (see [`ElemLocals`]), with their type and whether written.
    elem_locals: HashMap<ObjId, (TypeId, bool)>,
    /// The map forms among them, and the conditions testing their lookups.
    map_locals: HashMap<ObjId, MapLocal>,
    guard_conds: HashSet<NodeId>,
    /// The get-or-create blocks of [`MapLocal::OrInsert`] locals (see [`ElemLocals`]).
    or_insert: HashMap<NodeId, (ObjId, NodeId)>,
    /// Pointer-receiver methods that take `&self` (assumed; see `analysis`).
    readonly_methods: &'a HashSet<ObjId>,
    cands: &'a HashSet<TypeId>,
    /// Expressions that are a slice of candidate pointers, an element of one, or a range
    /// variable over one: each must be in `ok`.
    seen: Vec<(NodeId, TypeId)>,
    ok: HashSet<NodeId>,
    bad: HashSet<TypeId>,
    inputs: HashSet<(NodeId, TypeId)>,
    pending: Vec<(NodeId, TypeId, Pending)>,
    copies: Vec<(NodeId, TypeId, CopySite)>,
    range_vars: HashMap<ObjId, (TypeId, bool)>,
}

impl Walk<'_> {
    /// `T` when `t` is `[]*T` of a candidate `T`.
    fn elem_type(&self, t: TypeId) -> Option<TypeId> {
        pointee_in(self.prog, t, self.cands)
    }

    /// `T` when `e` is a slice of candidate pointers `[]*T` (a value, not a type).
    fn cont(&self, e: &Expr) -> Option<TypeId> {
        let tm = self.info.types.get(&e.id)?;
        if matches!(tm.mode, goxide_types::Mode::Type) {
            return None;
        }
        self.elem_type(tm.ty)
    }

    /// `T` when `e` is an element `s[i]` of such a slice, or a range variable over one.
    fn elem_ptr(&self, e: &Expr) -> Option<TypeId> {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Index { x, .. } => self.cont(x),
            ExprKind::Ident(_) => {
                let o = self.info.uses.get(&e.id)?;
                self.range_vars
                    .get(o)
                    .or_else(|| self.elem_locals.get(o))
                    .map(|(t, _)| *t)
            }
            _ => None,
        }
    }

    /// Whether `e` makes a fresh `*T`: `&T{…}`, `new(T)`, or an elided `{…}`.
    fn fresh(&self, e: &Expr) -> bool {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => matches!(strip_parens(x).kind, ExprKind::CompositeLit { .. }),
            ExprKind::CompositeLit { ty: None, .. } => true,
            ExprKind::Call { func, args, .. } => {
                args.len() == 1 && self.builtin(func) == Some(Builtin::New)
            }
            _ => false,
        }
    }

    fn builtin(&self, func: &Expr) -> Option<Builtin> {
        let func = strip_parens(func);
        if !matches!(func.kind, ExprKind::Ident(_)) {
            return None;
        }
        match self.prog.obj(self.info.object_of(func.id)?).kind {
            ObjKind::Builtin(b) => Some(b),
            _ => None,
        }
    }

    /// An element made fresh for a slice of `T`s: recorded, or `T` is out. A local or a call
    /// is recorded as pending, for the pointer analysis to confirm.
    fn input(&mut self, e: &Expr, t: TypeId) {
        let s = strip_parens(e);
        if self.fresh(e) {
            self.inputs.insert((s.id, t));
            return;
        }
        let pending = match &s.kind {
            ExprKind::Ident(_) => self
                .info
                .uses
                .get(&s.id)
                .copied()
                .filter(|&o| matches!(self.prog.obj(o).kind, ObjKind::Var { global: false, .. }))
                .map(Pending::Local),
            ExprKind::Call { func, .. } => crate::builtins::called_func(self.info, func)
                .filter(|&c| matches!(self.prog.obj(c).kind, ObjKind::Func { .. }))
                .map(Pending::Ctor),
            _ => None,
        };
        match pending {
            Some(p) => self.pending.push((s.id, t, p)),
            None => {
                self.bad.insert(t);
            }
        }
    }

    /// A slice of `T`s copied (assigned, returned, stored, passed): a fresh one (a call's
    /// result, a literal, `nil`) is fine; a variable only if it moves there (its last use) or,
    /// passed to a parameter, the parameter borrows it (see [`OwnedElems::confirm_copies`]):
    /// a copy of the values would stop sharing them with the original, which Go's copy of the
    /// pointers does not.
    fn copy(&mut self, e: &Expr, t: TypeId, site: CopySite) {
        let s = strip_parens(e);
        match &s.kind {
            ExprKind::Call { .. } | ExprKind::CompositeLit { .. } => self.ok(e),
            ExprKind::Ident(n) if n == "nil" => self.ok(e),
            ExprKind::Ident(_) => {
                self.ok(e);
                self.copies.push((s.id, t, site));
            }
            _ if matches!(site, CopySite::Arg(..)) => {
                self.ok(e);
                self.copies.push((s.id, t, site));
            }
            _ => {
                self.bad.insert(t);
            }
        }
    }

    fn ok(&mut self, e: &Expr) {
        self.ok.insert(e.id);
        self.ok.insert(strip_parens(e).id);
    }

    /// The variable at the root of `x` (`s` of `s.items`), if `x` is a path of fields and
    /// elements from one.
    fn root(&self, x: &Expr) -> Option<ObjId> {
        match &strip_parens(x).kind {
            ExprKind::Ident(_) => self.info.uses.get(&strip_parens(x).id).copied(),
            ExprKind::Selector { x, .. } | ExprKind::Index { x, .. } | ExprKind::Star(x) => {
                self.root(x)
            }
            _ => None,
        }
    }

    /// Whether `x` is a path through an element (`it.f`, `s[i].f.g`).
    fn through_elem(&self, x: &Expr) -> Option<TypeId> {
        if let Some(t) = self.elem_ptr(x) {
            return Some(t);
        }
        match &strip_parens(x).kind {
            ExprKind::Selector { x, .. } | ExprKind::Index { x, .. } | ExprKind::Star(x) => {
                self.through_elem(x)
            }
            _ => None,
        }
    }

    /// `for _, v := range x`: decides whether `v` may borrow each element in place.
    fn range(&mut self, t: TypeId, value: Option<&Expr>, define: bool, x: &Expr, body: &Block) {
        self.ok(x);
        let Some(v) = value else {
            return;
        };
        let v = strip_parens(v);
        if matches!(&v.kind, ExprKind::Ident(n) if n == "_") {
            return;
        }
        let Some(&obj) = self.info.defs.get(&v.id).filter(|_| define) else {
            self.bad.insert(t);
            return;
        };
        let mut scan = BodyScan::new(self.info, self.prog, self.readonly_methods, obj);
        visit::walk_block(&mut scan, body);
        if scan.escapes {
            self.bad.insert(t);
            return;
        }
        // The body must not name the slice's variable (nor, for a package variable, run at
        // all while it is borrowed), except to read it while `v` only reads too (`for it in
        // self.items.iter() { total += it.price - self.discount }`: two shared borrows).
        let root = self.root(x);
        if root.is_some_and(|r| {
            matches!(self.prog.obj(r).kind, ObjKind::Var { global: true, .. })
                || body
                    .stmts
                    .iter()
                    .any(|s| crate::subslice::objects_used(self.info, s).contains(&r))
                    && self.conflicts(body, r, x, scan.written)
        }) {
            self.bad.insert(t);
            return;
        }
        self.range_vars.insert(obj, (t, scan.written));
    }

    /// Whether the body of a loop walking `x` (rooted at variable `r`) uses `r` in a way the
    /// borrow of `x`'s elements forbids: a use of a part of `r` that overlaps `x` (`r` itself,
    /// `x`, a part of `x`, or what contains it) that writes, or any such use when the loop
    /// writes through its variable. Parts of `r` beside `x` (`self.total` while walking
    /// `self.lines`) are other Rust borrows. A method called on a part of `r` borrows that part
    /// (writing, unless it is a read-only pointer method), a part passed to a call that is no
    /// plain number, string or bool is written, and a function literal naming `r` uses all of
    /// it.
    fn conflicts(&self, body: &Block, r: ObjId, x: &Expr, loop_writes: bool) -> bool {
        struct C<'a, 'w> {
            w: &'a Walk<'w>,
            r: ObjId,
            uses: Vec<(Vec<String>, bool)>,
        }
        impl C<'_, '_> {
            fn note(&mut self, e: &Expr, write: bool) {
                if self.w.root(e) == Some(self.r) {
                    self.uses.push((field_path(e), write));
                }
            }
        }
        impl Visitor for C<'_, '_> {
            fn stmt(&mut self, s: &Stmt) -> bool {
                match &s.kind {
                    StmtKind::Assign { lhs, .. } => lhs.iter().for_each(|l| self.note(l, true)),
                    StmtKind::IncDec { x, .. } => self.note(x, true),
                    StmtKind::Range {
                        key,
                        value,
                        define: false,
                        ..
                    } => key.iter().chain(value).for_each(|e| self.note(e, true)),
                    _ => {}
                }
                true
            }
            fn expr(&mut self, e: &Expr) -> bool {
                match &e.kind {
                    // A read of the whole chain (`c.discount`, `c.lines[i].qty`), whose indices
                    // are uses of their own.
                    ExprKind::Ident(_) | ExprKind::Selector { .. } | ExprKind::Index { .. }
                        if self.w.root(e) == Some(self.r) =>
                    {
                        self.note(e, false);
                        let mut cur = strip_parens(e);
                        loop {
                            match &cur.kind {
                                ExprKind::Selector { x, .. } | ExprKind::Star(x) => cur = x,
                                ExprKind::Index { x, indices } => {
                                    indices.iter().for_each(|i| visit::walk_expr(self, i));
                                    cur = strip_parens(x);
                                }
                                _ => break,
                            }
                        }
                        return false;
                    }
                    ExprKind::Unary {
                        op: UnaryOp::Addr,
                        x,
                    } => self.note(x, true),
                    ExprKind::FuncLit { .. } => {
                        if crate::subslice::mentions(self.w.info, e, self.r) {
                            self.uses.push((Vec::new(), true));
                        }
                        return false;
                    }
                    ExprKind::Call { func, args, .. } => {
                        let f = strip_parens(func);
                        if let ExprKind::Selector { x, .. } = &f.kind {
                            let sel = self.w.info.selections.get(&f.id);
                            if sel.is_some_and(|s| s.kind == SelectionKind::MethodVal) {
                                let reads =
                                    sel.is_some_and(|s| self.w.readonly_methods.contains(&s.obj));
                                self.note(x, !reads);
                            }
                        }
                        for a in args {
                            let plain = self.w.info.type_of(a.id).is_some_and(|t| {
                                matches!(self.w.prog.types.under(t), Type::Basic(_))
                            });
                            if !plain {
                                self.note(a, true);
                            }
                        }
                    }
                    _ => {}
                }
                true
            }
        }
        let mut c = C {
            w: self,
            r,
            uses: Vec::new(),
        };
        visit::walk_block(&mut c, body);
        // (Only a method's receiver is surely a plain reference: another variable may live in
        // a cell, where a write to any part borrows all of it.)
        let disjoint_ok = self.receivers.contains(&r);
        let walked = field_path(x);
        c.uses.iter().any(|(path, write)| {
            let overlap = !disjoint_ok || path.iter().zip(&walked).all(|(a, b)| a == b);
            overlap && (*write || loop_writes)
        })
    }

    /// The type a composite literal of type `lt` expects for element `i` (keyed `key`).
    fn lit_elem_type(&self, lt: TypeId, i: usize, key: Option<&Expr>) -> Option<TypeId> {
        match self.prog.types.under(lt) {
            Type::Slice(e) | Type::Array(_, e) => Some(*e),
            Type::Map(_, v) => Some(*v),
            Type::Struct(fields) => match key {
                Some(k) => match &strip_parens(k).kind {
                    ExprKind::Ident(n) => fields.iter().find(|f| &f.name == n).map(|f| f.ty),
                    _ => None,
                },
                None => fields.get(i).map(|f| f.ty),
            },
            _ => None,
        }
    }
}

impl Visitor for Walk<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        // `if !ok { v = &T{…}; m[k] = v }` of a get-or-create local: the value made fresh for
        // the map (the block becomes `or_insert_with`).
        if let (Some(&(p, fresh)), StmtKind::If { cond, then, .. }) =
            (self.or_insert.get(&s.id), &s.kind)
        {
            if let Some(&(t, _)) = self.elem_locals.get(&p) {
                self.inputs.insert((fresh, t));
                visit::walk_expr(self, cond);
                if let Some(StmtKind::Assign { rhs, .. }) = then.stmts.first().map(|g| &g.kind) {
                    rhs.iter().for_each(|r| visit::walk_expr(self, r));
                }
                return false;
            }
        }
        match &s.kind {
            StmtKind::Assign { lhs, op, rhs } => {
                for l in lhs {
                    if self.cont(l).is_some() {
                        // A slice variable or field given a value.
                        self.ok(l);
                    }
                }
                if lhs.len() != rhs.len() {
                    // `v, ok := m[k]` of a local naming the value (see `ElemLocals`), or
                    // `_, ok := m[k]`.
                    if let ([v, _], [r]) = (lhs.as_slice(), rhs.as_slice()) {
                        let named = self
                            .info
                            .defs
                            .get(&v.id)
                            .is_some_and(|o| self.map_locals.contains_key(o));
                        let blank = matches!(&v.kind, ExprKind::Ident(n) if n == "_");
                        if named || blank {
                            self.ok(r);
                        }
                    }
                    return true;
                }
                for (l, r) in lhs.iter().zip(rhs) {
                    if let Some(t) = self.cont(r) {
                        let rs = strip_parens(r);
                        match &rs.kind {
                            ExprKind::Call {
                                func,
                                args,
                                ellipsis,
                            } if self.builtin(func) == Some(Builtin::Append) => {
                                // `s = append(s, &T{…}, …)`: pushes onto `s` itself.
                                let same = args.first().is_some_and(|a| same_path(l, a));
                                if same && !*ellipsis {
                                    self.ok(r);
                                    self.ok(&args[0]);
                                    for a in &args[1..] {
                                        self.input(a, t);
                                    }
                                } else {
                                    self.bad.insert(t);
                                }
                            }
                            _ if matches!(op, AssignOp::Assign | AssignOp::Define) => {
                                self.copy(r, t, CopySite::Move)
                            }
                            _ => {}
                        }
                    }
                    if let ExprKind::Index { x, .. } = &strip_parens(l).kind {
                        if let Some(t) = self.cont(x) {
                            // `s[i] = &T{…}`.
                            self.ok(l);
                            self.input(r, t);
                        }
                    }
                    // `p := s[i]` naming the element (see `ElemLocals`).
                    if self
                        .info
                        .defs
                        .get(&l.id)
                        .is_some_and(|o| self.elem_locals.contains_key(o))
                    {
                        self.ok(r);
                    }
                }
            }
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for spec in specs {
                    for v in &spec.values {
                        if let Some(t) = self.cont(v) {
                            self.copy(v, t, CopySite::Move);
                        }
                    }
                }
            }
            StmtKind::Return(values) => {
                for v in values {
                    if let Some(t) = self.cont(v) {
                        self.copy(v, t, CopySite::Move);
                    }
                }
            }
            StmtKind::Range {
                value,
                define,
                x,
                body,
                ..
            } => {
                if let Some(t) = self.cont(x) {
                    self.range(t, value.as_ref(), *define, x, body);
                }
            }
            // `defer s[i].Close()`: the deferred call would hold the element past the
            // statement.
            StmtKind::Defer(e) | StmtKind::Go(e) => {
                if let ExprKind::Call { func, .. } = &strip_parens(e).kind {
                    if let ExprKind::Selector { x, .. } = &strip_parens(func).kind {
                        if let Some(t) = self.through_elem(x) {
                            self.bad.insert(t);
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        if let Some(t) = self.cont(e) {
            if !matches!(&e.kind, ExprKind::Ident(n) if n == "nil") {
                self.seen.push((e.id, t));
            }
            // (A package variable's elements are reached through its cell: left out.)
            let global = matches!(e.kind, ExprKind::Ident(_))
                && self.info.uses.get(&e.id).is_some_and(|&o| {
                    matches!(self.prog.obj(o).kind, ObjKind::Var { global: true, .. })
                });
            if global {
                self.bad.insert(t);
            }
        }
        if let Some(t) = self.elem_ptr(e) {
            let is_def = self.info.defs.contains_key(&e.id);
            if !is_def {
                self.seen.push((e.id, t));
            }
        }
        match &e.kind {
            ExprKind::Index { x, .. } if self.cont(x).is_some() => self.ok(x),
            ExprKind::Selector { x, .. } => {
                let field = self
                    .info
                    .selections
                    .get(&e.id)
                    .is_some_and(|s| s.kind == SelectionKind::FieldVal);
                if field && self.elem_ptr(x).is_some() {
                    self.ok(x);
                }
            }
            ExprKind::Star(x) if self.elem_ptr(x).is_some() => self.ok(x),
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => {
                // `&it.f`: a pointer into an element.
                if let Some(t) = self.through_elem(x) {
                    self.bad.insert(t);
                }
            }
            // `v == nil` testing a map lookup (see `ElemLocals`): dropped by the translation.
            ExprKind::Binary { x, y, .. } if self.guard_conds.contains(&e.id) => {
                self.ok(x);
                self.ok(y);
            }
            ExprKind::Binary { x, y, .. } => {
                let nil =
                    |e: &Expr| matches!(&strip_parens(e).kind, ExprKind::Ident(n) if n == "nil");
                if self.cont(x).is_some() && nil(y) {
                    self.ok(x);
                }
                if self.cont(y).is_some() && nil(x) {
                    self.ok(y);
                }
            }
            ExprKind::CompositeLit { elems, .. } => {
                let Some(mut lt) = self.info.type_of(e.id) else {
                    return true;
                };
                // (An elided `{…}` of a `[]*T` literal is a `*T`.)
                if let Type::Pointer(p) = self.prog.types.under(lt) {
                    lt = *p;
                }
                let own = self.elem_type(lt);
                for (i, el) in elems.iter().enumerate() {
                    // (A field name is no value.)
                    if let Some(k) = el
                        .key
                        .as_ref()
                        .filter(|_| matches!(self.prog.types.under(lt), Type::Struct(_)))
                    {
                        self.ok(k);
                    }
                    if let Some(t) = own {
                        self.input(&el.value, t);
                    }
                    if let Some(vt) = self.cont(&el.value) {
                        let expected = self.lit_elem_type(lt, i, el.key.as_ref());
                        if expected == self.info.type_of(el.value.id) {
                            self.copy(&el.value, vt, CopySite::Move);
                        } else {
                            self.bad.insert(vt);
                        }
                    }
                }
            }
            ExprKind::Call { func, args, .. } => {
                let f = strip_parens(func);
                match self.builtin(f) {
                    Some(Builtin::Len | Builtin::Cap | Builtin::Delete) => {
                        args.iter().for_each(|a| {
                            if self.cont(a).is_some() {
                                self.ok(a)
                            }
                        });
                        return true;
                    }
                    Some(Builtin::Make) => {
                        // `make([]*T, n)` would make nil elements (`make(map[K]*T, n)` has
                        // none).
                        let map = self
                            .info
                            .type_of(e.id)
                            .is_some_and(|t| matches!(self.prog.types.under(t), Type::Map(..)));
                        if let Some(t) = self.cont(e).filter(|_| !map) {
                            let zero_len = args.get(1).is_none_or(|n| {
                                matches!(&strip_parens(n).kind, ExprKind::BasicLit(l) if l.raw == "0")
                            });
                            if !zero_len {
                                self.bad.insert(t);
                            }
                        }
                        return true;
                    }
                    Some(_) => return true,
                    None => {}
                }
                // `sort.Slice(s, less)` swaps the elements in place.
                if let ExprKind::Selector { x: pkg, sel } = &f.kind {
                    let sort = matches!(&strip_parens(pkg).kind, ExprKind::Ident(n) if n == "sort")
                        && matches!(sel.name.as_str(), "Slice" | "SliceStable");
                    if sort {
                        if let Some(a) = args.first().filter(|a| self.cont(a).is_some()) {
                            self.ok(a);
                        }
                        return true;
                    }
                }
                // A method called on an element (not one that keeps its receiver).
                if let ExprKind::Selector { x, .. } = &f.kind {
                    if let (Some(t), Some(sel)) =
                        (self.elem_ptr(x), self.info.selections.get(&f.id))
                    {
                        // (`s[i].Add(s[j].n)` would borrow `s` while the method holds one
                        // of its elements.)
                        let root = self.root(x);
                        let lends_root = matches!(strip_parens(x).kind, ExprKind::Index { .. })
                            && root.is_some_and(|r| {
                                args.iter()
                                    .any(|a| crate::subslice::mentions(self.info, a, r))
                            });
                        if sel.kind == SelectionKind::MethodVal
                            && !self.ptr_value_methods.contains(&sel.obj)
                            && !lends_root
                        {
                            self.ok(x);
                        } else {
                            self.bad.insert(t);
                        }
                    }
                }
                // A slice passed to a function or method of the package whose parameter has
                // its very type.
                let callee = crate::builtins::called_func(self.info, f);
                let sig = callee
                    .filter(|&c| matches!(self.prog.obj(c).kind, ObjKind::Func { .. }))
                    .and_then(|c| match self.prog.types.get(self.prog.obj(c).ty) {
                        Type::Func(sig) => Some(sig.clone()),
                        _ => None,
                    });
                if let (Some(sig), Some(c)) = (sig, callee) {
                    for (i, a) in args.iter().enumerate() {
                        let fixed = !sig.variadic || i + 1 < sig.params.len();
                        if let Some(t) = self.cont(a).filter(|_| {
                            fixed && sig.params.get(i).copied() == self.info.type_of(a.id)
                        }) {
                            self.copy(a, t, CopySite::Arg(c, i));
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }
}

/// The fields `e` selects from its root variable, up to the first index, call or dereference
/// (`["lines"]` for `c.lines[i].qty`, `[]` for `c`).
fn field_path(e: &Expr) -> Vec<String> {
    let mut chain = Vec::new();
    let mut cur = strip_parens(e);
    loop {
        match &cur.kind {
            ExprKind::Selector { x, sel } => {
                chain.push(sel.name.clone());
                cur = strip_parens(x);
            }
            ExprKind::Index { x, .. } | ExprKind::Star(x) => {
                // (What lies past an index or a dereference belongs to the part before it.)
                chain.clear();
                cur = strip_parens(x);
            }
            _ => break,
        }
    }
    chain.reverse();
    chain
}

/// Whether `a` and `b` name the same place: the same variable, fields and constant or
/// variable indices (`n.kids[0].kids`).
pub(crate) fn same_path(a: &Expr, b: &Expr) -> bool {
    let (a, b) = (strip_parens(a), strip_parens(b));
    match (&a.kind, &b.kind) {
        (ExprKind::Ident(x), ExprKind::Ident(y)) => x == y,
        (ExprKind::Selector { x: ax, sel: asel }, ExprKind::Selector { x: bx, sel: bsel }) => {
            asel.name == bsel.name && same_path(ax, bx)
        }
        (ExprKind::Star(x), ExprKind::Star(y)) => same_path(x, y),
        (ExprKind::Index { x: ax, indices: ai }, ExprKind::Index { x: bx, indices: bi }) => {
            let simple = |i: &Expr, j: &Expr| match (&strip_parens(i).kind, &strip_parens(j).kind) {
                (ExprKind::Ident(x), ExprKind::Ident(y)) => x == y,
                (ExprKind::BasicLit(x), ExprKind::BasicLit(y)) => x.raw == y.raw,
                _ => false,
            };
            ai.len() == 1 && bi.len() == 1 && simple(&ai[0], &bi[0]) && same_path(ax, bx)
        }
        _ => false,
    }
}

/// Scans a range body for writes through its value variable `v` and for uses that would let
/// the borrow escape (a closure, `go`, `defer`).
struct BodyScan<'a> {
    info: &'a Info,
    prog: &'a Program,
    readonly_methods: &'a HashSet<ObjId>,
    v: ObjId,
    written: bool,
    escapes: bool,
}

impl<'a> BodyScan<'a> {
    fn new(
        info: &'a Info,
        prog: &'a Program,
        readonly_methods: &'a HashSet<ObjId>,
        v: ObjId,
    ) -> Self {
        BodyScan {
            info,
            prog,
            readonly_methods,
            v,
            written: false,
            escapes: false,
        }
    }

    /// Whether the path `e` starts at `v` (`v.f`, `v.a[i]`, `*v`).
    fn starts_at_v(&self, e: &Expr) -> bool {
        match &strip_parens(e).kind {
            ExprKind::Ident(_) => self.info.uses.get(&strip_parens(e).id) == Some(&self.v),
            ExprKind::Selector { x, .. } | ExprKind::Index { x, .. } | ExprKind::Star(x) => {
                self.starts_at_v(x)
            }
            _ => false,
        }
    }
}

impl Visitor for BodyScan<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign { lhs, .. } if lhs.iter().any(|l| self.starts_at_v(l)) => {
                self.written = true;
            }
            StmtKind::IncDec { x, .. } if self.starts_at_v(x) => self.written = true,
            StmtKind::Go(e) | StmtKind::Defer(e)
                if crate::subslice::mentions(self.info, e, self.v) =>
            {
                self.escapes = true;
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::FuncLit { .. } => {
                if crate::subslice::mentions(self.info, e, self.v) {
                    self.escapes = true;
                }
                false
            }
            ExprKind::Call { func, .. } => {
                // A pointer-receiver method called through `v` may write.
                if let ExprKind::Selector { x, .. } = &strip_parens(func).kind {
                    let ptr_method = self
                        .info
                        .selections
                        .get(&strip_parens(func).id)
                        .is_some_and(|s| {
                            s.kind == SelectionKind::MethodVal
                                && !self.readonly_methods.contains(&s.obj)
                                && matches!(self.prog.obj(s.obj).kind,
                                    ObjKind::Func { recv: Some(r) }
                                        if matches!(self.prog.types.get(r), Type::Pointer(_)))
                        });
                    if ptr_method && self.starts_at_v(x) {
                        self.written = true;
                    }
                }
                true
            }
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } if self.starts_at_v(x) => {
                self.written = true;
                true
            }
            _ => true,
        }
    }
}
