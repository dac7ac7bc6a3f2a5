//! Pointer fields that own what they point to. A struct that holds its parts, or the services
//! built for it (`Holder{st: NewStack("kept")}`, `svc := &Service{store: NewStore()}`), keeps a
//! `*T` that nothing else points to: the field is `Option<Box<T>>` instead of a shared cell.
//!
//! A field `f *T` of a named struct type `S` of the package (not generic; `T` a named struct
//! type of the package that is not linked, see `links`, whose pointers are boxes already) owns
//! what it points to when:
//!
//! - every value stored in it (a composite literal's element, `s.f = v`) is fresh — `&T{…}`,
//!   `new(T)`, `nil`, or, as the pointer analysis confirms ([`OwnedFields::confirm`]), a
//!   constructor's call or an owned local moved there at its last use;
//! - every other use only reaches through it: a field read or written (`s.f.n`), a method
//!   called (`s.f.M()`, not one that keeps its receiver, and with no argument naming the
//!   holder's variable), a comparison with `nil`, or an argument lent to a parameter that
//!   borrows (`count(s.f)`, once the pointer analysis knows it does: `rt::box_ref(&s.f)`, and
//!   a write of the holder unless the parameter surely only reads). It is never copied out,
//!   kept, returned, printed, captured by a function literal, deferred, nor has an address
//!   taken through it;
//! - `S` is never copied, so that no second holder shares the pointee as Go's copies do: `S`
//!   has no value-receiver method, is no field or element of another type (nor a type
//!   argument), shares its fields with no struct type written alike but another holder, and a
//!   variable, field, element or pointee of type `S` is only reached through
//!   (`s.f`, `s.M()`), given a new value, or has its address taken.
//!
//! A parameter of a function (or of a method no interface may call) that the body uses once, besides comparing it with
//! nil and giving it fresh values (`if p == nil { p = NewT() }`), to store it in such a field or pass it to another such parameter, where it may move
//! (see `moves`), takes the caller's box as it is: `fn new_service(store: Option<Box<Store>>)`,
//! every caller giving a fresh value as a field's do.
//!
//! Writing through such a field writes its holder (`let mut s`, `&mut self`): `analysis` walks
//! through it as through a field of the holder itself. Programs with goroutines, and packages
//! that use `unsafe`, `reflect`, `runtime` or the encoders, are left alone; outside `main`,
//! exported types, fields and functions are too (another package could copy a holder or call
//! the function with a pointer it keeps).
//!
//! Must not depend on the emission (`Ctx`): it only reads the syntax and the checker's facts.

use crate::builtins::strip_parens;
use crate::owned_elems::Pending;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program, SelectionKind, Type, TypeId};
use std::collections::{HashMap, HashSet};

/// What the analysis decided.
#[derive(Clone, Debug, Default)]
pub struct OwnedFields {
    /// The fields held as `Option<Box<T>>`.
    pub fields: HashSet<ObjId>,
    /// The fresh pointers stored in them (`&T{…}`, `new(T)`, a constructor's call, a local
    /// moved there): `Some(Box::new(value))`.
    pub inputs: HashSet<NodeId>,
    /// Stored values that are fresh only if the pointer analysis agrees.
    pending: Vec<(NodeId, ObjId, Pending)>,
    /// The field each input is stored in.
    owner: HashMap<NodeId, ObjId>,
    /// Fields passed to parameter `.2` of function `.1`, which must borrow (see `ptr_params`).
    lends: Vec<(ObjId, ObjId, usize)>,
    /// Of those arguments, the ones whose parameter surely only reads (its function never
    /// writes through it, calls a method on it nor passes it on): lent without writing.
    read_lends: HashSet<NodeId>,
    /// Pointer parameters a function only stores in such a field (`func NewService(store
    /// *Store) *Service { return &Service{store: store} }`): the caller's box moves in, so
    /// they are `Option<Box<T>>` too, and their callers give fresh values as a field's do.
    pub params: HashSet<ObjId>,
    /// The uses of those parameters, handing their box on as it is.
    pub passed: HashSet<NodeId>,
    /// Fields and parameters that own their pointees together or not at all (a parameter and
    /// the field it is stored in, a parameter and the one it is passed to).
    ties: Vec<(ObjId, ObjId)>,
}

impl OwnedFields {
    /// Keeps the fields whose pending values `fresh` accepts (with the value's node), and that
    /// are only lent to parameters that `borrows` (function, position) says borrow.
    pub fn confirm(
        &mut self,
        fresh: impl Fn(Pending, NodeId) -> bool,
        borrows: impl Fn(ObjId, usize) -> bool,
    ) {
        for &(id, f, p) in &self.pending {
            if !fresh(p, id) {
                self.fields.remove(&f);
                self.params.remove(&f);
            }
        }
        for &(f, func, i) in &self.lends {
            if !borrows(func, i) {
                self.fields.remove(&f);
            }
        }
        for (id, f, _) in std::mem::take(&mut self.pending) {
            self.inputs.insert(id);
            self.owner.insert(id, f);
        }
        self.settle();
    }

    /// Drops the ties whose other end is gone, and the inputs and uses of what is gone.
    fn settle(&mut self) {
        loop {
            let mut changed = false;
            for &(a, b) in &self.ties {
                let kept = |o: ObjId| self.fields.contains(&o) || self.params.contains(&o);
                if kept(a) != kept(b) {
                    for o in [a, b] {
                        changed |= self.fields.remove(&o) | self.params.remove(&o);
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let (fields, params, owner) = (&self.fields, &self.params, &self.owner);
        self.inputs.retain(|id| {
            owner
                .get(id)
                .is_some_and(|f| fields.contains(f) || params.contains(f))
        });
        self.passed
            .retain(|id| owner.get(id).is_some_and(|p| params.contains(p)));
    }

    /// Whether `e` is one of the fields passed to a parameter that may write through it
    /// (lending it writes its holder).
    pub fn lends_writing(&self, info: &Info, e: &Expr) -> bool {
        self.selects(info, e) && !self.read_lends.contains(&strip_parens(e).id)
    }

    /// Whether `e` selects one of the fields (`s.f`).
    pub fn selects(&self, info: &Info, e: &Expr) -> bool {
        let e = strip_parens(e);
        matches!(e.kind, ExprKind::Selector { .. })
            && info
                .selections
                .get(&e.id)
                .is_some_and(|s| s.kind == SelectionKind::FieldVal && self.fields.contains(&s.obj))
    }
}

pub fn find(
    prog: &Program,
    info: &Info,
    files: &[&File],
    ptr_value_methods: &HashSet<ObjId>,
    links: &crate::links::Links,
) -> OwnedFields {
    let unsafe_import = files.iter().any(|f| {
        f.imports
            .iter()
            .any(|i| crate::owned_elems::UNSAFE_IMPORTS.contains(&i.path.as_str()))
    });
    if unsafe_import || crate::concurrency::has_go_statements(files) {
        return OwnedFields::default();
    }
    let structs: HashSet<TypeId> = crate::analysis::declared_structs(prog, info, files)
        .into_iter()
        .map(|(_, t)| t)
        .collect();
    // (Another package could copy a holder or call a function with what it likes: only
    // `main`'s, or unexported ones, are decided here.)
    let is_main = files.first().is_some_and(|f| f.package.name == "main");
    let private = |o: ObjId| is_main || !prog.obj(o).name.starts_with(char::is_uppercase);
    let named = |t: TypeId| match prog.types.get(t) {
        Type::Named(n) => private(n.obj),
        _ => false,
    };
    // Candidate fields, with their holders (struct types written alike share their fields).
    let mut cands: HashMap<ObjId, Vec<TypeId>> = HashMap::new();
    for &s in structs.iter().filter(|&&s| named(s)) {
        let Type::Struct(fields) = prog.types.under(s) else {
            continue;
        };
        for f in fields.iter().filter(|f| !f.embedded && private(f.obj)) {
            // (A linked pointee's pointers are boxes already, see `links`.)
            if matches!(prog.types.get(f.ty),
                Type::Pointer(t) if structs.contains(t) && !links.has(prog, *t))
            {
                cands.entry(f.obj).or_default().push(s);
            }
        }
    }
    if cands.is_empty() {
        return OwnedFields::default();
    }
    let funcs = param_candidates(prog, info, files, &structs, &private);
    let holders: HashSet<TypeId> = cands.values().flatten().copied().collect();
    let mut bad_holders = copied_holders(prog, info, files, &holders);
    let mut w = Walk {
        prog,
        info,
        ptr_value_methods,
        cands: &cands,
        holders: &holders,
        lit_depth: 0,
        seen: Vec::new(),
        ok: HashSet::new(),
        bad: HashSet::new(),
        seen_holders: Vec::new(),
        inputs: Vec::new(),
        pending: Vec::new(),
        lends: Vec::new(),
        read_params: &read_params(prog, info, files),
        read_lends: HashSet::new(),
        params: funcs.values().flatten().flatten().copied().collect(),
        funcs: &funcs,
        ties: Vec::new(),
        passed: Vec::new(),
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
        seen_holders,
        inputs,
        pending,
        lends,
        read_lends,
        params,
        ties,
        passed,
        ..
    } = w;
    for (id, f) in seen {
        if !ok.contains(&id) {
            bad.insert(f);
        }
    }
    for (id, s) in seen_holders {
        if !ok.contains(&id) {
            bad_holders.insert(s);
        }
    }
    let fields: HashSet<ObjId> = cands
        .iter()
        .filter(|(f, ss)| !bad.contains(f) && !ss.iter().any(|s| bad_holders.contains(s)))
        .map(|(f, _)| *f)
        .collect();
    // (A parameter no field or parameter takes from is no candidate.)
    let tied: HashSet<ObjId> = ties.iter().flat_map(|&(a, b)| [a, b]).collect();
    let params: HashSet<ObjId> = params
        .into_iter()
        .filter(|p| !bad.contains(p) && tied.contains(p))
        .collect();
    let kept = |o: &ObjId| fields.contains(o) || params.contains(o);
    let mut out = OwnedFields {
        inputs: inputs
            .iter()
            .filter(|(_, f)| kept(f))
            .map(|(id, _)| *id)
            .collect(),
        owner: inputs.iter().chain(&passed).copied().collect(),
        pending: pending.into_iter().filter(|(_, f, _)| kept(f)).collect(),
        lends: lends.into_iter().filter(|(f, ..)| kept(f)).collect(),
        passed: passed.iter().map(|(id, _)| *id).collect(),
        read_lends,
        ties,
        fields,
        params,
    };
    out.settle();
    out
}

/// The pointer parameters (function, position) that their function surely only reads
/// through: it never writes through them, calls a method on them (any method may write) nor
/// passes them on, keeps or returns them.
fn read_params(prog: &Program, info: &Info, files: &[&File]) -> HashSet<(ObjId, usize)> {
    let none = OwnedFields::default();
    let mut out = HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(body), Some(&fobj)) = (&fd.body, info.defs.get(&fd.name.id)) else {
                continue;
            };
            let pointers = crate::ptr_params::param_objs(info, &fd.sig, |p| {
                matches!(prog.types.get(prog.obj(p).ty), Type::Pointer(_))
            });
            for (i, p) in pointers.into_iter().enumerate() {
                let reads = p.is_some_and(|p| {
                    !crate::decl::writes_through_calling(
                        info,
                        body,
                        p,
                        &HashSet::new(),
                        &|_| false,
                        &none,
                    )
                });
                if reads {
                    out.insert((fobj, i));
                }
            }
        }
    }
    out
}

/// Per function or method of the package (not generic, not one an interface may call): its
/// pointer parameters to a struct type of the package that its body uses once, besides
/// comparing them with nil and giving them new values, to hand them over where they may move
/// (see `moves`), which may be a field owning its pointee.
fn param_candidates(
    prog: &Program,
    info: &Info,
    files: &[&File],
    structs: &HashSet<TypeId>,
    private: &dyn Fn(ObjId) -> bool,
) -> HashMap<ObjId, Vec<Option<ObjId>>> {
    /// The uses of each parameter, but for comparisons with nil and assignments to it.
    struct Uses<'a>(&'a Program, &'a Info, HashMap<ObjId, Vec<NodeId>>);
    impl Visitor for Uses<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if let StmtKind::Assign {
                lhs,
                op: AssignOp::Assign,
                rhs,
            } = &s.kind
            {
                if let ([l], [r]) = (lhs.as_slice(), rhs.as_slice()) {
                    let l = strip_parens(l);
                    let param = matches!(l.kind, ExprKind::Ident(_))
                        && self
                            .1
                            .uses
                            .get(&l.id)
                            .is_some_and(|o| self.2.contains_key(o));
                    if param {
                        visit::walk_expr(self, r);
                        return false;
                    }
                }
            }
            true
        }

        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::Binary {
                op: BinaryOp::Eq | BinaryOp::Ne,
                x,
                y,
            } = &e.kind
            {
                let nil = |e: &Expr| crate::builtins::is_nil_ident(self.0, self.1, e);
                let param = |e: &Expr| {
                    let e = strip_parens(e);
                    matches!(e.kind, ExprKind::Ident(_))
                        && self
                            .1
                            .uses
                            .get(&e.id)
                            .is_some_and(|o| self.2.contains_key(o))
                };
                if nil(x) && param(y) || nil(y) && param(x) {
                    return false;
                }
            }
            if let Some(us) = self.1.uses.get(&e.id).and_then(|o| self.2.get_mut(o)) {
                us.push(e.id);
            }
            true
        }
    }
    let iface_names = crate::method_slices::iface_method_names(prog, info);
    let mut out = HashMap::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(body), Some(&fobj)) = (&fd.body, info.defs.get(&fd.name.id)) else {
                continue;
            };
            // (A method an interface may call has its trait's signature; one of a generic
            // type is translated per instantiation.)
            let method_ok = fd.recv.as_ref().is_none_or(|r| {
                let t = match &r.ty.kind {
                    ExprKind::Star(t) => t,
                    _ => &r.ty,
                };
                matches!(t.kind, ExprKind::Ident(_)) && !iface_names.contains(&fd.name.name)
            });
            if !fd.type_params.is_empty() || !private(fobj) || !method_ok {
                continue;
            }
            let mut params = crate::ptr_params::param_objs(
                info,
                &fd.sig,
                |p| matches!(prog.types.get(prog.obj(p).ty), Type::Pointer(t) if structs.contains(t)),
            );
            let mut uses = Uses(
                prog,
                info,
                params.iter().flatten().map(|&p| (p, Vec::new())).collect(),
            );
            visit::walk_block(&mut uses, body);
            // (One use that hands the box on, after any comparisons with nil.)
            for p in params.iter_mut() {
                let once = p.is_some_and(|p| match uses.2.get(&p).map(Vec::as_slice) {
                    Some(&[u]) => crate::moves::movable_param(prog, info, body, p, u),
                    _ => false,
                });
                if !once {
                    *p = None;
                }
            }
            if params.iter().any(Option::is_some) {
                out.insert(fobj, params);
            }
        }
    }
    out
}

/// The holder types a copy could duplicate: those with a value-receiver method, those held by
/// value in another type (a field, an element, a type argument), and those sharing their
/// fields with a struct type written alike that is no holder.
fn copied_holders(
    prog: &Program,
    info: &Info,
    files: &[&File],
    holders: &HashSet<TypeId>,
) -> HashSet<TypeId> {
    let mut out = HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(r) = &fd.recv else { continue };
            if matches!(r.ty.kind, ExprKind::Star(_)) {
                continue;
            }
            if let Some(t) = info.type_of(r.ty.id).filter(|t| holders.contains(t)) {
                out.insert(t);
            }
        }
    }
    // (The types of values and variables: a type declaration's own `struct { … }` is none.)
    let mut types: HashSet<TypeId> = info
        .types
        .values()
        .filter(|tm| !matches!(tm.mode, goxide_types::Mode::Type))
        .map(|tm| tm.ty)
        .collect();
    types.extend(
        info.defs
            .values()
            .filter(|&&o| matches!(prog.obj(o).kind, ObjKind::Var { .. }))
            .map(|&o| prog.obj(o).ty),
    );
    for t in types {
        for &s in holders {
            // (A struct type written alike, even unnamed, shares the holder's fields: its
            // values are not checked.)
            let alike = !holders.contains(&t)
                && matches!(prog.types.under(t), Type::Struct(_))
                && prog.types.underlying(t) == prog.types.underlying(s);
            if alike || t != s && holds_value(prog, t, s, 0) {
                out.insert(s);
            }
        }
    }
    out
}

/// Whether values of `t` contain an `s` (as a field, an element, a type argument), not
/// through a pointer.
fn holds_value(prog: &Program, t: TypeId, s: TypeId, depth: u32) -> bool {
    if t == s {
        return true;
    }
    if depth > 8 {
        return false;
    }
    let d = depth + 1;
    match prog.types.get(t) {
        Type::Named(n) => {
            n.type_args.iter().any(|&a| holds_value(prog, a, s, d))
                || holds_value(prog, prog.types.underlying(t), s, d)
        }
        Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => holds_value(prog, *e, s, d),
        Type::Map(k, v) => holds_value(prog, *k, s, d) || holds_value(prog, *v, s, d),
        Type::Struct(fields) => fields.iter().any(|f| holds_value(prog, f.ty, s, d)),
        _ => false,
    }
}

struct Walk<'a> {
    prog: &'a Program,
    info: &'a Info,
    ptr_value_methods: &'a HashSet<ObjId>,
    cands: &'a HashMap<ObjId, Vec<TypeId>>,
    holders: &'a HashSet<TypeId>,
    /// How many function literals enclose the walk.
    lit_depth: u32,
    /// Selections of a candidate field: each must be in `ok`.
    seen: Vec<(NodeId, ObjId)>,
    ok: HashSet<NodeId>,
    bad: HashSet<ObjId>,
    /// Places of a holder type (a variable, field, element, pointee): each must be in `ok`.
    seen_holders: Vec<(NodeId, TypeId)>,
    inputs: Vec<(NodeId, ObjId)>,
    pending: Vec<(NodeId, ObjId, Pending)>,
    lends: Vec<(ObjId, ObjId, usize)>,
    /// Parameters that surely only read (see [`read_params`]), and the lends to them.
    read_params: &'a HashSet<(ObjId, usize)>,
    read_lends: HashSet<NodeId>,
    /// Candidate parameters (see [`param_candidates`]), and per function its candidates.
    params: HashSet<ObjId>,
    funcs: &'a HashMap<ObjId, Vec<Option<ObjId>>>,
    ties: Vec<(ObjId, ObjId)>,
    /// Uses of candidate parameters stored or passed on, with the parameter.
    passed: Vec<(NodeId, ObjId)>,
}

impl Walk<'_> {
    /// The candidate field `e` selects.
    fn field_of(&self, e: &Expr) -> Option<ObjId> {
        let e = strip_parens(e);
        if !matches!(e.kind, ExprKind::Selector { .. }) {
            return None;
        }
        let sel = self.info.selections.get(&e.id)?;
        (sel.kind == SelectionKind::FieldVal && self.cands.contains_key(&sel.obj))
            .then_some(sel.obj)
    }

    /// The holder type when `e` is a place of one: a variable, a field, an element, `*p`.
    fn holder_place(&self, e: &Expr) -> Option<TypeId> {
        let e = strip_parens(e);
        let tm = self.info.types.get(&e.id)?;
        if matches!(tm.mode, goxide_types::Mode::Type) || !self.holders.contains(&tm.ty) {
            return None;
        }
        let place = match &e.kind {
            ExprKind::Ident(_) => self
                .info
                .uses
                .get(&e.id)
                .is_some_and(|&o| matches!(self.prog.obj(o).kind, ObjKind::Var { .. })),
            ExprKind::Selector { .. } => self
                .info
                .selections
                .get(&e.id)
                .is_none_or(|s| s.kind == SelectionKind::FieldVal),
            ExprKind::Index { .. } | ExprKind::Star(_) => true,
            _ => false,
        };
        place.then_some(tm.ty)
    }

    fn ok(&mut self, e: &Expr) {
        self.ok.insert(e.id);
        self.ok.insert(strip_parens(e).id);
    }

    /// The candidate fields the path `e` passes through (`s.f.n` passes through `f`).
    fn fields_on_path(&self, e: &Expr) -> Vec<ObjId> {
        let mut out = Vec::new();
        let mut cur = strip_parens(e);
        loop {
            if let Some(f) = self.field_of(cur) {
                out.push(f);
            }
            match &cur.kind {
                ExprKind::Selector { x, .. } | ExprKind::Index { x, .. } | ExprKind::Star(x) => {
                    cur = strip_parens(x)
                }
                _ => return out,
            }
        }
    }

    /// The local variable `e` names.
    fn local_var(&self, e: &Expr) -> Option<ObjId> {
        self.info
            .uses
            .get(&e.id)
            .copied()
            .filter(|&o| matches!(self.prog.obj(o).kind, ObjKind::Var { global: false, .. }))
    }

    /// A value stored in field `f`: fresh, `nil`, or pending; anything else keeps `f` shared.
    fn input(&mut self, e: &Expr, f: ObjId) {
        let s = strip_parens(e);
        let fresh = match &s.kind {
            ExprKind::Ident(_) if crate::builtins::is_nil_ident(self.prog, self.info, s) => return,
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => matches!(strip_parens(x).kind, ExprKind::CompositeLit { .. }),
            ExprKind::Call { func, args, .. } => {
                let new = args.len() == 1
                    && self.info.object_of(strip_parens(func).id).is_some_and(|o| {
                        matches!(self.prog.obj(o).kind, ObjKind::Builtin(Builtin::New))
                    });
                if !new {
                    let ctor = crate::builtins::called_func(self.info, func)
                        .filter(|&c| matches!(self.prog.obj(c).kind, ObjKind::Func { recv: None }));
                    match ctor {
                        Some(c) => self.pending.push((s.id, f, Pending::Ctor(c))),
                        None => {
                            self.bad.insert(f);
                        }
                    }
                    return;
                }
                true
            }
            ExprKind::Ident(_) => {
                if let Some(p) = self.local_var(s).filter(|p| self.params.contains(p)) {
                    // A parameter's box moved on.
                    self.ties.push((f, p));
                    self.passed.push((s.id, p));
                    return;
                }
                match self.local_var(s) {
                    Some(o) => self.pending.push((s.id, f, Pending::Local(o))),
                    None => {
                        self.bad.insert(f);
                    }
                }
                return;
            }
            _ => false,
        };
        if fresh {
            self.inputs.push((s.id, f));
        } else {
            self.bad.insert(f);
        }
    }

    /// Fields passed to a function or method of the package, at a position whose parameter
    /// has the field's very type: lends, if that parameter borrows (see
    /// [`OwnedFields::confirm`]) and nothing else in the call names the holder's variable.
    fn lent_args(&mut self, func: &Expr, args: &[Expr]) {
        let callee = crate::builtins::called_func(self.info, func)
            .filter(|&c| matches!(self.prog.obj(c).kind, ObjKind::Func { .. }));
        let sig = callee.and_then(|c| match self.prog.types.get(self.prog.obj(c).ty) {
            Type::Func(sig) => Some(sig),
            _ => None,
        });
        for (i, a) in args.iter().enumerate() {
            let Some(f) = self.field_of(a) else {
                continue;
            };
            let (Some(c), Some(sig)) = (callee, sig) else {
                self.bad.insert(f);
                continue;
            };
            let fixed = !sig.variadic || i + 1 < sig.params.len();
            let clash = crate::stmt::root_obj(self.info, a).is_some_and(|r| {
                crate::subslice::mentions(self.info, func, r)
                    || args
                        .iter()
                        .enumerate()
                        .any(|(j, b)| j != i && crate::subslice::mentions(self.info, b, r))
            });
            if fixed && !clash && sig.params.get(i).copied() == self.info.type_of(a.id) {
                self.ok(a);
                self.lends.push((f, c, i));
                if self.read_params.contains(&(c, i)) {
                    self.read_lends.insert(strip_parens(a).id);
                }
            } else {
                self.bad.insert(f);
            }
        }
    }

    /// A call of a function whose parameters may take boxes: each such argument is a value
    /// stored in the parameter, as in a field.
    fn box_args(&mut self, func: &Expr, args: &[Expr]) {
        let f = strip_parens(func);
        let Some(ps) = self.callee_of(f).and_then(|o| self.funcs.get(&o)) else {
            return;
        };
        // (A method called on its receiver: `s.SetStore(st)`.)
        let called = match &f.kind {
            ExprKind::Selector { .. } => self
                .info
                .selections
                .get(&f.id)
                .is_some_and(|s| s.kind == SelectionKind::MethodVal),
            _ => true,
        };
        if !called {
            return;
        }
        self.ok(f);
        for (i, p) in ps.iter().enumerate() {
            let Some(p) = *p else { continue };
            match args.get(i).filter(|_| args.len() == ps.len()) {
                Some(a) => self.input(a, p),
                None => {
                    self.bad.insert(p);
                }
            }
        }
    }

    /// The function or method `e` names (`f`, `s.M`, `(*S).M`).
    fn callee_of(&self, e: &Expr) -> Option<ObjId> {
        match &e.kind {
            ExprKind::Ident(_) => self.info.uses.get(&e.id).copied(),
            ExprKind::Selector { .. } => self.info.selections.get(&e.id).map(|s| s.obj),
            _ => None,
        }
    }

    /// The field a composite literal's element `i` (keyed `key`) of struct type `t` sets.
    fn lit_field(&self, t: TypeId, i: usize, key: Option<&Expr>) -> Option<ObjId> {
        let Type::Struct(fields) = self.prog.types.under(t) else {
            return None;
        };
        match key.map(|k| &strip_parens(k).kind) {
            Some(ExprKind::Ident(n)) => fields.iter().find(|f| &f.name == n).map(|f| f.obj),
            Some(_) => None,
            None => fields.get(i).map(|f| f.obj),
        }
    }
}

impl Visitor for Walk<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign { lhs, op, rhs } => {
                for l in lhs {
                    if self.holder_place(l).is_some() {
                        // The holder given a new value.
                        self.ok(l);
                    }
                }
                if lhs.len() == rhs.len() {
                    for (l, r) in lhs.iter().zip(rhs) {
                        if let (Some(f), AssignOp::Assign) = (self.field_of(l), op) {
                            self.ok(l);
                            self.input(r, f);
                        }
                        // (A parameter given a fresh value, `if p == nil { p = NewT() }`.)
                        let param = matches!(strip_parens(l).kind, ExprKind::Ident(_))
                            .then(|| self.local_var(strip_parens(l)))
                            .flatten()
                            .filter(|p| self.params.contains(p));
                        if let (Some(p), AssignOp::Assign) = (param, op) {
                            self.input(r, p);
                        }
                    }
                }
            }
            // (A deferred call on the field, or given it, would hold it past the statement.)
            StmtKind::Defer(e) | StmtKind::Go(e) => {
                if let ExprKind::Call { func, args, .. } = &strip_parens(e).kind {
                    for x in std::iter::once(&**func).chain(args) {
                        for f in self.fields_on_path(x) {
                            self.bad.insert(f);
                        }
                    }
                    let callee = crate::builtins::called_func(self.info, func);
                    for &p in callee
                        .and_then(|c| self.funcs.get(&c))
                        .into_iter()
                        .flatten()
                        .flatten()
                    {
                        self.bad.insert(p);
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        // A function or method whose parameters may take boxes, named: it must be called.
        if let Some(ps) = self.callee_of(e).and_then(|o| self.funcs.get(&o)) {
            for &p in ps.iter().flatten() {
                self.seen.push((e.id, p));
            }
        }
        if let Some(f) = self.field_of(e) {
            self.seen.push((e.id, f));
            let one_step = self
                .info
                .selections
                .get(&e.id)
                .is_some_and(|s| s.path.len() == 1);
            if self.lit_depth > 0 || !one_step {
                self.bad.insert(f);
            }
        }
        if !self.info.defs.contains_key(&e.id) {
            if let Some(s) = self.holder_place(e) {
                self.seen_holders.push((e.id, s));
            }
        }
        match &e.kind {
            ExprKind::FuncLit { body, .. } => {
                self.lit_depth += 1;
                visit::walk_block(self, body);
                self.lit_depth -= 1;
                return false;
            }
            ExprKind::Selector { x, .. } => {
                let field = self
                    .info
                    .selections
                    .get(&e.id)
                    .is_some_and(|s| s.kind == SelectionKind::FieldVal);
                if field {
                    self.ok(x);
                }
            }
            ExprKind::Call { func, args, .. } => {
                self.lent_args(func, args);
                self.box_args(func, args);
                let f = strip_parens(func);
                if let (ExprKind::Selector { x, .. }, Some(sel)) =
                    (&f.kind, self.info.selections.get(&f.id))
                {
                    if sel.kind == SelectionKind::MethodVal {
                        if let Some(field) = self.field_of(x) {
                            // (`s.f.Add(s.n)` would borrow `s` while the method holds `s.f`.)
                            let root = crate::stmt::root_obj(self.info, x);
                            let lends_root = root.is_some_and(|r| {
                                args.iter()
                                    .any(|a| crate::subslice::mentions(self.info, a, r))
                            });
                            if self.ptr_value_methods.contains(&sel.obj) || lends_root {
                                self.bad.insert(field);
                            } else {
                                self.ok(x);
                            }
                        } else if self.holder_place(x).is_some() {
                            self.ok(x);
                        }
                    }
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => {
                for f in self.fields_on_path(x) {
                    self.bad.insert(f);
                }
                if self.holder_place(x).is_some() {
                    self.ok(x);
                }
            }
            ExprKind::Binary {
                op: BinaryOp::Eq | BinaryOp::Ne,
                x,
                y,
            } => {
                let nil = |e: &Expr| crate::builtins::is_nil_ident(self.prog, self.info, e);
                if self.field_of(x).is_some() && nil(y) {
                    self.ok(x);
                }
                if self.field_of(y).is_some() && nil(x) {
                    self.ok(y);
                }
            }
            ExprKind::CompositeLit { elems, .. } => {
                let t = self.info.type_of(e.id);
                if let Some(t) = t.filter(|t| self.holders.contains(t)) {
                    for (i, el) in elems.iter().enumerate() {
                        if let Some(f) = self
                            .lit_field(t, i, el.key.as_ref())
                            .filter(|f| self.cands.contains_key(f))
                        {
                            self.input(&el.value, f);
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }
}
