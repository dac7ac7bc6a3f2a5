//! Slices of pointers whose elements only the slice holds. For a named struct type `T` of the
//! package, when every `[]*T` of the package only ever gets fresh elements (`&T{…}`, `new(T)`,
//! `{…}` in a `[]*T{…}` literal) and its elements are only reached through — a field read or
//! written, a method called, `*p` — and never copied out, compared, kept or printed, nothing
//! but the slice ever points to an element: `[]*T` is `Vec<T>`, holding the values themselves.
//!
//! - `items = append(items, &Item{…})` is `items.push(Item { … })`; `items[i] = new(T)` stores
//!   `T::default()`;
//! - `items[i].Count++` reaches the element in place, `items[i].count += 1`;
//! - `for _, it := range items` borrows each element, `for it in items.iter_mut()` (`iter()`
//!   when the body only reads through `it`), when the body never names the slice's variable
//!   (the borrow checker would refuse it) nor captures `it`.
//!
//! Writes through an element are writes of the slice's elements (see `analysis`), so that the
//! slice's own form (a borrowed `&mut [T]` parameter, a `mut` variable) is decided as for a
//! slice of structs. The slice itself is still copied, appended to, passed and returned like any
//! slice; only `copy`, `append(s, t...)`, re-slicing and make with a length (nil elements) are
//! left out.
//!
//! Must not depend on the emission (`Ctx`): it only reads the syntax and the checker's facts.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program, SelectionKind, Type, TypeId};
use std::collections::{HashMap, HashSet};

/// Packages whose use could see an element's address or copy elements behind the analysis.
const UNSAFE_IMPORTS: &[&str] = &[
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
    /// Pointee types `T` whose `[]*T` hold the values: `Vec<T>`.
    pub types: HashSet<TypeId>,
    /// Range value variables over such slices, borrowing each element, with whether the loop
    /// writes through them (`iter_mut()`, else `iter()`).
    pub range_vars: HashMap<ObjId, bool>,
    /// Fresh pointers made to be an element (`&T{…}`, `new(T)`, an elided `{…}`): the value.
    pub inputs: HashSet<NodeId>,
}

impl OwnedElems {
    /// The pointee type `T` when `t` is `[]*T` (or a named type of it) of an owned-element
    /// type.
    pub fn elem_of(&self, prog: &Program, t: TypeId) -> Option<TypeId> {
        let Type::Slice(p) = prog.types.under(t) else {
            return None;
        };
        match prog.types.get(*p) {
            Type::Pointer(e) if self.types.contains(e) => Some(*e),
            _ => None,
        }
    }
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
    // Named, non-generic struct types of the package.
    let mut cands: HashSet<TypeId> = HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Type(specs) = &d.kind else {
                continue;
            };
            for s in specs {
                if s.alias || !s.type_params.is_empty() {
                    continue;
                }
                let Some(&obj) = info.defs.get(&s.name.id) else {
                    continue;
                };
                let t = prog.obj(obj).ty;
                if matches!(prog.types.get(t), Type::Named(n) if n.type_args.is_empty())
                    && matches!(prog.types.under(t), Type::Struct(_))
                {
                    cands.insert(t);
                }
            }
        }
    }
    if cands.is_empty() {
        return OwnedElems::default();
    }
    let mut w = Walk {
        prog,
        info,
        ptr_value_methods,
        readonly_methods,
        cands: &cands,
        seen: Vec::new(),
        ok: HashSet::new(),
        bad: HashSet::new(),
        inputs: HashSet::new(),
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
        range_vars,
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
    OwnedElems {
        range_vars: range_vars
            .into_iter()
            .filter(|(_, (t, _))| types.contains(t))
            .map(|(o, (_, w))| (o, w))
            .collect(),
        inputs: inputs
            .into_iter()
            .filter(|(_, t)| types.contains(t))
            .map(|(id, _)| id)
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
    if elems.range_vars.is_empty() {
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

struct Walk<'a> {
    prog: &'a Program,
    info: &'a Info,
    ptr_value_methods: &'a HashSet<ObjId>,
    /// Pointer-receiver methods that take `&self` (assumed; see `analysis`).
    readonly_methods: &'a HashSet<ObjId>,
    cands: &'a HashSet<TypeId>,
    /// Expressions that are a slice of candidate pointers, an element of one, or a range
    /// variable over one: each must be in `ok`.
    seen: Vec<(NodeId, TypeId)>,
    ok: HashSet<NodeId>,
    bad: HashSet<TypeId>,
    inputs: HashSet<(NodeId, TypeId)>,
    range_vars: HashMap<ObjId, (TypeId, bool)>,
}

impl Walk<'_> {
    /// `T` when `t` is `[]*T` of a candidate `T`.
    fn elem_type(&self, t: TypeId) -> Option<TypeId> {
        let Type::Slice(p) = self.prog.types.under(t) else {
            return None;
        };
        match self.prog.types.get(*p) {
            Type::Pointer(e) if self.cands.contains(e) => Some(*e),
            _ => None,
        }
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
                self.range_vars.get(o).map(|(t, _)| *t)
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

    /// An element made fresh for a slice of `T`s: recorded, or `T` is out.
    fn input(&mut self, e: &Expr, t: TypeId) {
        if self.fresh(e) {
            self.inputs.insert((strip_parens(e).id, t));
        } else {
            self.bad.insert(t);
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
        // The body must not name the slice's variable (nor, for a package variable, run at
        // all while it is borrowed), nor capture or defer `v`.
        let root = self.root(x);
        if root.is_some_and(|r| {
            matches!(self.prog.obj(r).kind, ObjKind::Var { global: true, .. })
                || body
                    .stmts
                    .iter()
                    .any(|s| crate::subslice::objects_used(self.info, s).contains(&r))
        }) {
            self.bad.insert(t);
            return;
        }
        let mut scan = BodyScan {
            info: self.info,
            prog: self.prog,
            readonly_methods: self.readonly_methods,
            v: obj,
            written: false,
            escapes: false,
        };
        visit::walk_block(&mut scan, body);
        if scan.escapes {
            self.bad.insert(t);
            return;
        }
        self.range_vars.insert(obj, (t, scan.written));
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
        match &s.kind {
            StmtKind::Assign { lhs, op, rhs } => {
                for l in lhs {
                    if self.cont(l).is_some() {
                        // A slice variable or field given a value.
                        self.ok(l);
                    }
                }
                if lhs.len() != rhs.len() {
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
                            _ if matches!(op, AssignOp::Assign | AssignOp::Define) => self.ok(r),
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
                }
            }
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for spec in specs {
                    for v in &spec.values {
                        if self.cont(v).is_some() {
                            self.ok(v);
                        }
                    }
                }
            }
            StmtKind::Return(values) => {
                for v in values {
                    if self.cont(v).is_some() {
                        self.ok(v);
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
                let Some(lt) = self.info.type_of(e.id) else {
                    return true;
                };
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
                            self.ok(&el.value);
                        } else {
                            self.bad.insert(vt);
                        }
                    }
                }
            }
            ExprKind::Call { func, args, .. } => {
                let f = strip_parens(func);
                match self.builtin(f) {
                    Some(Builtin::Len | Builtin::Cap) => {
                        args.iter().for_each(|a| {
                            if self.cont(a).is_some() {
                                self.ok(a)
                            }
                        });
                        return true;
                    }
                    Some(Builtin::Make) => {
                        // `make([]*T, n)` would make nil elements.
                        if let Some(t) = self.cont(e) {
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
                        if sel.kind == SelectionKind::MethodVal
                            && !self.ptr_value_methods.contains(&sel.obj)
                        {
                            self.ok(x);
                        } else {
                            self.bad.insert(t);
                        }
                    }
                }
                // A slice passed to a function or method of the package whose parameter has
                // its very type.
                let callee = match &f.kind {
                    ExprKind::Ident(_) => self.info.object_of(f.id),
                    ExprKind::Selector { .. } => self
                        .info
                        .selections
                        .get(&f.id)
                        .filter(|s| s.kind == SelectionKind::MethodVal)
                        .map(|s| s.obj),
                    _ => None,
                };
                let sig = callee
                    .filter(|&c| matches!(self.prog.obj(c).kind, ObjKind::Func { .. }))
                    .and_then(|c| match self.prog.types.get(self.prog.obj(c).ty) {
                        Type::Func(sig) => Some(sig.clone()),
                        _ => None,
                    });
                if let Some(sig) = sig {
                    for (i, a) in args.iter().enumerate() {
                        let fixed = !sig.variadic || i + 1 < sig.params.len();
                        if self.cont(a).is_some()
                            && fixed
                            && sig.params.get(i).copied() == self.info.type_of(a.id)
                        {
                            self.ok(a);
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }
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

impl BodyScan<'_> {
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
