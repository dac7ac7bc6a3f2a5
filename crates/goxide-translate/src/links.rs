//! Linked structures whose links own what they point to. For a named struct type `T` with a
//! field of type `*U` (a link: `next *Node`, `left, right *Tree`), where every `*T` of the
//! package is only ever made fresh, moved, or read, the pointers are owning boxes and read-only
//! views instead of shared cells:
//!
//! - links (fields), results, and the variables and parameters that build or change a
//!   structure own it: `Option<Box<T>>`. A pointer handed from one to another is moved (the
//!   source is not used again, or is given a new value in the same statement:
//!   `head = push(head, v)`); a link handed on and replaced — in the same statement, by the
//!   next statements, or by its holder getting it (`c = c.next`) — is taken,
//!   `t.left = insert(t.left.take(), k)`;
//! - variables and parameters that only read (walkers: `for n := head; n != nil; n = n.Next`,
//!   `sum(head)`) are views, `Option<&T>`, which copy freely: `head.as_deref()`,
//!   `n.next.as_deref()`, `Some(&*self)`. A view of an owning variable lives while nothing
//!   changes that variable;
//! - parameters that change what they point to but never keep, replace or compare the pointer
//!   are `&mut T`, lent by their callers.
//!
//! Locals holding the struct itself (`var s Stack`) are reached through in place. A generic type
//! is decided once for all its instantiations.
//!
//! A struct that links to nothing is a leaf of such a structure when a link of another linked
//! type points to it (`Home *Address`): its pointers are boxes and views too. A struct whose
//! links all point to leaves and that no link points to (`Person` of `Home *Address`) only
//! holds links: its own pointers keep the forms other analyses give them, its values are
//! checked as linked values are (never copied). Types a function returns pointers to or a
//! struct embeds as pointers are no leaves, unless every call of the function fills a field
//! (see `field_makers`).
//!
//! Everything else keeps the type's pointers shared: two pointers compared, a pointer in an
//! interface, a slice, a map or a closure, `&x` of an existing value, a `T` copied by value,
//! methods on the value `T` (pointer receivers are `&self` / `&mut self`), a pointer kept in a
//! package variable, a copy that is neither a move nor a view, a function with `goto` (a jump
//! back could repeat a move). The decision is per type and all or nothing, so every `*T` of a
//! linked type has one of these forms.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::Span;
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program, SelectionKind, Type, TypeId};
use std::collections::{HashMap, HashSet};

/// The linked types of a package and the forms of their pointers.
#[derive(Default, Debug, Clone)]
pub struct Links {
    /// Pointee types whose pointers are `Option<Box<T>>` (owning) or `Option<&T>` (views).
    pub types: HashSet<TypeId>,
    /// Variables and parameters that are views, `Option<&T>`.
    pub views: HashSet<ObjId>,
    /// Parameters that change what they point to, lent by their callers: `&mut T`.
    pub mut_views: HashSet<ObjId>,
    /// Link reads moved out of their field (`t.left.take()`).
    pub takes: HashSet<NodeId>,
    /// Variables given another value or changed through (`let mut`, `mut` parameters).
    pub mutable: HashSet<ObjId>,
    /// Per function: the form of each linked pointer parameter.
    pub param_forms: HashMap<ObjId, Vec<Option<Form>>>,
}

impl Links {
    /// Whether `t` (or the generic type it instantiates) is linked.
    pub fn has(&self, prog: &Program, t: TypeId) -> bool {
        self.types.contains(&canon(prog, t))
    }
}

/// The generic type an instantiation instantiates (`List[int]`, and `List[T]` inside generic
/// code, are `List`); any other type itself.
pub fn canon(prog: &Program, t: TypeId) -> TypeId {
    match prog.types.get(t) {
        Type::Named(n) => n.origin.unwrap_or(t),
        _ => t,
    }
}

/// Packages whose use may observe a pointer behind the translator's back.
const UNSAFE_IMPORTS: &[&str] = &[
    "unsafe",
    "reflect",
    "runtime",
    "encoding/json",
    "encoding/gob",
];

pub fn find(prog: &Program, info: &Info, files: &[&File]) -> Links {
    if files.iter().any(|f| {
        f.imports
            .iter()
            .any(|i| UNSAFE_IMPORTS.contains(&i.path.as_str()))
    }) {
        return Links::default();
    }
    let no_leaf = not_leaves(prog, info, files);
    let mut cands = candidates(prog, info, files, &no_leaf);
    // Each round drops the types something disqualifies, until a round drops none.
    for _ in 0..32 {
        if cands.is_empty() {
            break;
        }
        let mut w = Walk::new(prog, info, files, &cands);
        w.globals(files);
        for f in files {
            for d in &f.decls {
                if let DeclKind::Func(fd) = &d.kind {
                    w.func(fd);
                }
            }
        }
        let (links, bad) = decide(&w);
        let mut bad = bad;
        bad.extend(w.reject.iter().copied());
        if bad.is_empty() {
            return links;
        }
        cands.retain(|t| !bad.contains(t));
        // A type linking to a dropped one is dropped too (its field would stay a cell).
        loop {
            let before = cands.len();
            let keep: HashSet<TypeId> = cands
                .iter()
                .copied()
                .filter(|&t| linked(prog, t, &cands, &no_leaf))
                .collect();
            cands = keep;
            if cands.len() == before {
                break;
            }
        }
    }
    Links::default()
}

/// Named, non-generic struct types of the package with no methods and a link field.
fn candidates(
    prog: &Program,
    info: &Info,
    files: &[&File],
    no_leaf: &HashSet<TypeId>,
) -> HashSet<TypeId> {
    let mut with_methods: HashSet<TypeId> = HashSet::new();
    let mut out: HashSet<TypeId> = HashSet::new();
    for f in files {
        for d in &f.decls {
            match &d.kind {
                DeclKind::Func(fd) => {
                    if let Some(&o) = info.defs.get(&fd.name.id) {
                        // Methods on the value copy it (pointer receivers are checked where
                        // they are used).
                        if let ObjKind::Func { recv: Some(r) } = prog.obj(o).kind {
                            if !matches!(prog.types.get(r), Type::Pointer(_)) {
                                with_methods.insert(canon(prog, r));
                            }
                        }
                    }
                }
                DeclKind::Type(specs) => {
                    for s in specs {
                        if s.alias {
                            continue;
                        }
                        let Some(&obj) = info.defs.get(&s.name.id) else {
                            continue;
                        };
                        let t = prog.obj(obj).ty;
                        if matches!(prog.types.get(t), Type::Named(n) if n.type_args.is_empty())
                            && matches!(prog.types.under(t), Type::Struct(_))
                        {
                            out.insert(t);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out.retain(|t| !with_methods.contains(t));
    loop {
        let before = out.len();
        let keep: HashSet<TypeId> = out
            .iter()
            .copied()
            .filter(|&t| linked(prog, t, &out, no_leaf))
            .collect();
        out = keep;
        if out.len() == before {
            return out;
        }
    }
}

/// Whether struct type `t` of `set` takes part in a linked structure: it has a link (a field
/// `*U` with `U` in `set`), and its other fields do not mention the set. (A struct that is only
/// pointed to keeps the forms other analyses give its pointers: owned values, borrows.)
fn linked(prog: &Program, t: TypeId, set: &HashSet<TypeId>, no_leaf: &HashSet<TypeId>) -> bool {
    (has_link(prog, t, set) || (!no_leaf.contains(&t) && pointed_to(prog, t, set)))
        && links_only_to(prog, t, set)
}

/// The struct types that cannot be leaves of a linked structure (see [`pointed_to`]): those a
/// function returns pointers to (constructors give their callers the value itself, see
/// `ptr_params`; not functions whose results only fill fields, see `field_makers`) and those
/// embedded as pointers (their fields and methods are promoted).
fn not_leaves(prog: &Program, info: &Info, files: &[&File]) -> HashSet<TypeId> {
    let mut out = HashSet::new();
    // (Functions whose pointers only fill fields hand no caller a pointer to keep.)
    let makers = crate::field_makers::find(prog, info, files);
    let ptr_to = |t: TypeId| match prog.types.get(t) {
        Type::Pointer(e) => Some(canon(prog, *e)),
        _ => None,
    };
    for f in files {
        for d in &f.decls {
            match &d.kind {
                DeclKind::Func(fd) => {
                    if let Some(Type::Func(sig)) = info
                        .defs
                        .get(&fd.name.id)
                        .filter(|o| !makers.contains(o))
                        .map(|&o| prog.types.get(prog.obj(o).ty))
                    {
                        out.extend(sig.results.iter().filter_map(|&r| ptr_to(r)));
                    }
                }
                DeclKind::Type(specs) => {
                    for s in specs {
                        let Some(&o) = info.defs.get(&s.name.id) else {
                            continue;
                        };
                        if let Type::Struct(fs) = prog.types.under(prog.obj(o).ty) {
                            out.extend(
                                fs.iter()
                                    .filter(|f| f.embedded)
                                    .filter_map(|f| ptr_to(f.ty)),
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }
    out
}

/// Whether a link of another type of `set` points to `t` (`Home *Address`): `t`'s pointers
/// are boxes too, though `t` itself links to nothing.
fn pointed_to(prog: &Program, t: TypeId, set: &HashSet<TypeId>) -> bool {
    set.iter().any(|&u| u != t && links_to(prog, u, t))
}

/// Whether struct type `u` has a (not embedded) field `*t`.
fn links_to(prog: &Program, u: TypeId, t: TypeId) -> bool {
    matches!(prog.types.under(u), Type::Struct(fs)
        if fs.iter().any(|f| !f.embedded && matches!(prog.types.get(f.ty),
            Type::Pointer(e) if canon(prog, *e) == t)))
}

/// The types of `set` that only hold links (no link of the set points to them) and whose
/// links all point to types that link to nothing: `Person` of `Home *Address`.
fn holders(prog: &Program, set: &HashSet<TypeId>) -> HashSet<TypeId> {
    set.iter()
        .copied()
        .filter(|&t| {
            !pointed_to(prog, t, set)
                && set
                    .iter()
                    .filter(|&&u| links_to(prog, t, u))
                    .all(|&u| u != t && !has_link(prog, u, set))
        })
        .collect()
}

/// Whether struct type `t` has a field `*U` with `U` in `set`.
fn has_link(prog: &Program, t: TypeId, set: &HashSet<TypeId>) -> bool {
    let Type::Struct(fields) = prog.types.under(t) else {
        return false;
    };
    fields
        .iter()
        .any(|f| matches!(prog.types.get(f.ty), Type::Pointer(e) if set.contains(&canon(prog, *e))))
}

/// Whether every pointer field of struct type `t` to a named struct type of the package
/// points into `set` or to a type that is no candidate at all (its pointers stay cells).
fn links_only_to(prog: &Program, t: TypeId, set: &HashSet<TypeId>) -> bool {
    let Type::Struct(fields) = prog.types.under(t) else {
        return false;
    };
    // Any field mentioning a linked type other than as a plain link would copy or share it.
    fields.iter().all(|f| match prog.types.get(f.ty) {
        Type::Pointer(e) if set.contains(&canon(prog, *e)) => true,
        _ => !mentions(prog, f.ty, set, 0),
    })
}

/// Whether type `t` mentions a type of `set` (as itself or inside a composite type).
fn mentions(prog: &Program, t: TypeId, set: &HashSet<TypeId>, depth: u32) -> bool {
    mentions_but(prog, t, set, &HashSet::new(), depth)
}

/// Whether type `t` mentions a type of `set`, not counting pointers to `held` types (a
/// pointer to a struct that only holds links copies none of them).
fn mentions_but(
    prog: &Program,
    t: TypeId,
    set: &HashSet<TypeId>,
    held: &HashSet<TypeId>,
    depth: u32,
) -> bool {
    if set.contains(&canon(prog, t)) {
        return true;
    }
    if depth > 8 {
        return false;
    }
    let m = |x: TypeId| mentions_but(prog, x, set, held, depth + 1);
    match prog.types.get(t) {
        Type::Pointer(e) if held.contains(&canon(prog, *e)) => false,
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => m(*e),
        Type::Map(k, v) => m(*k) || m(*v),
        Type::Struct(fs) => fs.iter().any(|f| m(f.ty)),
        Type::Func(sig) => sig.params.iter().chain(&sig.results).any(|&x| m(x)),
        Type::Tuple(ts) => ts.iter().any(|&x| m(x)),
        _ => false,
    }
}

/// Where a pointer value goes.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Sink {
    /// A variable or parameter (its form decides).
    Var(ObjId),
    /// A parameter of a called function.
    Param(ObjId),
    /// A link field or a result: always owning.
    Own,
}

/// Where a pointer value comes from.
#[derive(Clone, Copy, Debug)]
enum Src {
    Nil,
    /// `&T{…}`, `new(T)`, a call's result: a pointer nothing else holds.
    Fresh,
    Var(ObjId),
    /// A link read `x.f`: the variable `x` is rooted at, and whether the statement gives the
    /// same field a new value (`x.f = g(x.f)`), so that the link may be taken.
    Field {
        node: NodeId,
        root: Option<ObjId>,
        take_ok: bool,
        /// Taken for a new value given later, or to the variable holding it (`c = c.next`),
        /// rather than to the field itself in this statement.
        later: bool,
    },
}

#[derive(Clone, Debug)]
struct Flow {
    src: Src,
    sink: Sink,
    /// The pointee type.
    ty: TypeId,
    /// The statement the flow is part of.
    stmt: Span,
    is_return: bool,
    /// Variables the statement assigns (`v = f(v)` moves `v` and gives it a new value).
    targets: Vec<ObjId>,
    /// Loops around the statement.
    loops: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum OccKind {
    /// Read through.
    Read,
    /// Compared with nil.
    Nil,
    /// Changed through.
    Write,
    /// Given a new value.
    Target,
    /// The source of the flow with this index.
    Flow(usize),
}

#[derive(Clone, Copy, Debug)]
struct Occ {
    pos: u32,
    kind: OccKind,
}

/// How an expression's value is used.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Use {
    Value(Sink),
    /// Reached through (a selector's or index's base); `true`: to change it.
    Base(bool),
    NilCmp,
    /// Evaluated for its effects.
    Discard,
    /// Any other use: a linked pointer there disqualifies its type.
    Other,
}

#[derive(Clone, Debug, Default)]
struct StmtCtx {
    span: Span,
    is_return: bool,
    targets: Vec<ObjId>,
    /// `x.f = …`: the field assigned.
    field_target: Option<(Option<ObjId>, Vec<String>)>,
}

struct Walk<'a, 'b> {
    prog: &'a Program,
    info: &'a Info,
    links: &'a HashSet<TypeId>,
    /// Types of `links` that only hold links to types that link to nothing (`Home *Address`):
    /// their own pointers are not links (other analyses decide them), their values are
    /// checked as linked values are.
    holders: HashSet<TypeId>,
    reject: HashSet<TypeId>,
    /// Parameters of every function with a body.
    params: HashMap<ObjId, Vec<Option<ObjId>>>,
    /// All of those parameters.
    param_objs: HashSet<ObjId>,
    occ: HashMap<ObjId, Vec<Occ>>,
    flows: Vec<Flow>,
    /// Linked-pointer variables: where declared, and where their scope ends.
    scope: HashMap<ObjId, (u32, u32)>,
    written: HashSet<ObjId>,
    scope_ends: Vec<u32>,
    loops: Vec<Span>,
    stmt: StmtCtx,
    /// Inside a function literal, `go` or `defer`: linked pointers disqualify.
    nested: usize,
    /// Inside `&…`: reaching through a linked pointer there disqualifies.
    in_addr: usize,
    /// Results of the function walked.
    results: Vec<TypeId>,
    /// The statement lists being walked, with the index of the statement in each.
    seq: Vec<(&'b [Stmt], usize)>,
    /// Pointer-receiver methods that never write through their receiver.
    readonly: HashSet<ObjId>,
    /// Receivers of methods of linked types (`self`).
    receivers: HashSet<ObjId>,
}

impl<'a, 'b> Walk<'a, 'b> {
    fn new(prog: &'a Program, info: &'a Info, files: &[&File], links: &'a HashSet<TypeId>) -> Self {
        let mut params = HashMap::new();
        let mut readonly = HashSet::new();
        for f in files {
            for d in &f.decls {
                let DeclKind::Func(fd) = &d.kind else {
                    continue;
                };
                let (Some(&fo), Some(body)) = (info.defs.get(&fd.name.id), &fd.body) else {
                    continue;
                };
                if let Some(r) = &fd.recv {
                    let recv = r.name.as_ref().and_then(|n| info.defs.get(&n.id));
                    if matches!(r.ty.kind, ExprKind::Star(_))
                        && recv.is_none_or(|&ro| {
                            let copies = receiver_copies(info, body, ro);
                            !crate::decl::writes_through_but(info, body, ro, &copies)
                        })
                    {
                        readonly.insert(fo);
                    }
                }
                if fd.sig.params.iter().any(|g| g.variadic) {
                    continue;
                }
                let mut ps = Vec::new();
                for g in &fd.sig.params {
                    if g.names.is_empty() {
                        ps.push(None);
                    }
                    for n in &g.names {
                        ps.push(info.defs.get(&n.id).copied());
                    }
                }
                params.insert(fo, ps);
            }
        }
        Walk {
            prog,
            info,
            links,
            holders: holders(prog, links),
            reject: HashSet::new(),
            param_objs: params.values().flatten().flatten().copied().collect(),
            params,
            occ: HashMap::new(),
            flows: Vec::new(),
            scope: HashMap::new(),
            written: HashSet::new(),
            scope_ends: Vec::new(),
            loops: Vec::new(),
            stmt: StmtCtx::default(),
            nested: 0,
            in_addr: 0,
            results: Vec::new(),
            seq: Vec::new(),
            readonly,
            receivers: HashSet::new(),
        }
    }

    fn link_of(&self, t: TypeId) -> Option<TypeId> {
        match self.prog.types.get(t) {
            Type::Pointer(e)
                if self.links.contains(&canon(self.prog, *e))
                    && !self.holders.contains(&canon(self.prog, *e)) =>
            {
                Some(canon(self.prog, *e))
            }
            _ => None,
        }
    }

    fn reject_mentioned(&mut self, t: TypeId) {
        for &l in self.links {
            if mentions_but(self.prog, t, &HashSet::from([l]), &self.holders, 0) {
                self.reject.insert(l);
            }
        }
    }

    /// Package variables and fields: a linked pointer may only be a link of a linked type.
    fn globals(&mut self, files: &[&'b File]) {
        let mut link_fields: HashSet<ObjId> = HashSet::new();
        for &t in self.links {
            if let Type::Struct(fs) = self.prog.types.under(t) {
                link_fields.extend(fs.iter().map(|f| f.obj));
            }
        }
        let objs: HashSet<ObjId> = self.info.defs.values().copied().collect();
        for o in objs {
            let obj = self.prog.obj(o);
            match obj.kind {
                ObjKind::Var { global: true, .. } => self.reject_mentioned(obj.ty),
                ObjKind::Field { .. } if !link_fields.contains(&o) => self.reject_mentioned(obj.ty),
                // A local holding a linked value itself (`var s Stack`) is only reached
                // through (its uses are checked where they are).
                ObjKind::Var {
                    global: false,
                    param: false,
                } if self.links.contains(&canon(self.prog, obj.ty)) => {}
                ObjKind::Var { .. } if self.link_of(obj.ty).is_none() => {
                    self.reject_mentioned(obj.ty)
                }
                _ => {}
            }
        }
        for f in files {
            for d in &f.decls {
                if let DeclKind::Var(specs) = &d.kind {
                    self.nested += 1;
                    for s in specs {
                        for v in &s.values {
                            self.expr(v, Use::Other);
                        }
                    }
                    self.nested -= 1;
                }
            }
        }
    }

    fn func(&mut self, fd: &'b FuncDecl) {
        let Some(body) = &fd.body else { return };
        let sig_objs = |gs: &[ParamGroup]| -> Vec<ObjId> {
            gs.iter()
                .flat_map(|g| &g.names)
                .filter_map(|n| self.info.defs.get(&n.id).copied())
                .collect()
        };
        // Named linked results would be assigned and returned bare: not followed.
        for r in sig_objs(&fd.sig.results) {
            self.reject_mentioned(self.prog.obj(r).ty);
        }
        // A method's receiver is `self` (`&self` / `&mut self`): changed through, read, or
        // lent to views, never handed over.
        if let Some(ro) = fd
            .recv
            .as_ref()
            .and_then(|r| r.name.as_ref())
            .and_then(|n| self.info.defs.get(&n.id))
        {
            if self.link_of(self.prog.obj(*ro).ty).is_some() {
                self.scope.insert(*ro, (body.span.start, body.span.end));
                self.receivers.insert(*ro);
            }
        }
        for p in sig_objs(&fd.sig.params) {
            if self.link_of(self.prog.obj(p).ty).is_some() {
                self.scope.insert(p, (body.span.start, body.span.end));
            }
        }
        self.results = match self
            .info
            .defs
            .get(&fd.name.id)
            .map(|&o| self.prog.types.get(self.prog.obj(o).ty))
        {
            Some(Type::Func(sig)) => sig.results.clone(),
            _ => Vec::new(),
        };
        // (A generic function is walked once: its parameters and locals have one form in
        // every instantiation.) A `goto` may jump back over a move: such a function's
        // linked pointers are not followed.
        let goto = has_goto(body);
        self.nested += usize::from(goto);
        self.block(body);
        self.nested -= usize::from(goto);
    }

    fn block(&mut self, b: &'b Block) {
        self.stmts_scoped(&b.stmts, b.span.end);
    }

    fn stmts_scoped(&mut self, stmts: &'b [Stmt], end: u32) {
        self.scope_ends.push(end);
        self.seq.push((stmts, 0));
        for (i, s) in stmts.iter().enumerate() {
            if let Some(top) = self.seq.last_mut() {
                top.1 = i;
            }
            self.stmt(s);
        }
        self.seq.pop();
        self.scope_ends.pop();
    }

    /// Whether the statements after the current one in its list give the field `path` a new
    /// value before anything else names its root (`item.next = list.head; list.head = item`):
    /// the link read now may be taken.
    fn reassigned_next(&self, path: &(Option<ObjId>, Vec<String>)) -> bool {
        let Some(root) = path.0 else { return false };
        let Some(&(stmts, i)) = self.seq.last() else {
            return false;
        };
        for s in &stmts[i + 1..] {
            match &s.kind {
                StmtKind::Assign {
                    lhs,
                    op: AssignOp::Assign,
                    rhs,
                } if lhs.len() == 1 && self.field_path(&lhs[0]).as_ref() == Some(path) => {
                    return !rhs
                        .iter()
                        .any(|r| crate::subslice::mentions(self.info, r, root));
                }
                StmtKind::Assign { .. }
                | StmtKind::Expr(_)
                | StmtKind::IncDec { .. }
                | StmtKind::Decl(_) => {
                    if crate::subslice::objects_used(self.info, s).contains(&root) {
                        return false;
                    }
                }
                _ => return false,
            }
        }
        false
    }

    fn declare(&mut self, id: NodeId, at: u32) {
        if let Some(&o) = self.info.defs.get(&id) {
            if self.link_of(self.prog.obj(o).ty).is_some() {
                let end = self.scope_ends.last().copied().unwrap_or(u32::MAX);
                self.scope.insert(o, (at, end));
            }
        }
    }

    fn with_stmt(&mut self, ctx: StmtCtx, f: impl FnOnce(&mut Self)) {
        let saved = std::mem::replace(&mut self.stmt, ctx);
        f(self);
        self.stmt = saved;
    }

    fn stmt(&mut self, s: &'b Stmt) {
        let plain = StmtCtx {
            span: s.span,
            ..StmtCtx::default()
        };
        match &s.kind {
            StmtKind::Decl(d) => {
                if let DeclKind::Var(specs) = &d.kind {
                    for spec in specs {
                        for n in &spec.names {
                            self.declare(n.id, s.span.start);
                        }
                        let objs: Vec<Option<ObjId>> = spec
                            .names
                            .iter()
                            .map(|n| self.info.defs.get(&n.id).copied())
                            .collect();
                        self.with_stmt(plain.clone(), |w| {
                            if spec.values.len() == spec.names.len() {
                                for (v, o) in spec.values.iter().zip(&objs) {
                                    let u = o.map_or(Use::Discard, |o| Use::Value(Sink::Var(o)));
                                    w.expr(v, u);
                                }
                            } else {
                                for v in &spec.values {
                                    w.expr(v, Use::Other);
                                }
                            }
                        });
                    }
                }
            }
            StmtKind::Empty | StmtKind::Branch { .. } | StmtKind::Bad => {}
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) => self.with_stmt(plain, |w| w.expr(e, Use::Discard)),
            StmtKind::Send { chan, value } => self.with_stmt(plain, |w| {
                w.expr(chan, Use::Other);
                w.expr(value, Use::Other);
            }),
            StmtKind::IncDec { x, .. } => self.with_stmt(plain, |w| w.lhs(x)),
            StmtKind::Assign { lhs, op, rhs } => self.assign(s, lhs, *op, rhs),
            StmtKind::Go(e) | StmtKind::Defer(e) => {
                self.nested += 1;
                self.with_stmt(plain, |w| w.expr(e, Use::Other));
                self.nested -= 1;
            }
            StmtKind::Return(vals) => {
                let ctx = StmtCtx {
                    is_return: true,
                    ..plain
                };
                let results = self.results.clone();
                self.with_stmt(ctx, |w| {
                    if vals.len() == results.len() {
                        for (v, &t) in vals.iter().zip(&results) {
                            let u = if w.link_of(t).is_some() {
                                Use::Value(Sink::Own)
                            } else {
                                Use::Discard
                            };
                            w.expr(v, u);
                        }
                    } else {
                        for v in vals {
                            w.expr(v, Use::Other);
                        }
                    }
                });
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.scope_ends.push(s.span.end);
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.with_stmt(plain, |w| w.expr(cond, Use::Other));
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
                self.scope_ends.pop();
            }
            StmtKind::Switch { init, tag, clauses } => {
                self.scope_ends.push(s.span.end);
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.with_stmt(plain.clone(), |w| {
                    if let Some(t) = tag {
                        w.expr(t, Use::Other);
                    }
                    for c in clauses {
                        for e in &c.exprs {
                            w.expr(e, Use::Other);
                        }
                    }
                });
                for c in clauses {
                    self.stmts_scoped(&c.body, c.span.end);
                }
                self.scope_ends.pop();
            }
            StmtKind::TypeSwitch {
                init, x, clauses, ..
            } => {
                self.scope_ends.push(s.span.end);
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.with_stmt(plain, |w| w.expr(x, Use::Other));
                for c in clauses {
                    self.stmts_scoped(&c.body, c.span.end);
                }
                self.scope_ends.pop();
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    self.scope_ends.push(c.span.end);
                    if let Some(comm) = &c.comm {
                        self.stmt(comm);
                    }
                    for b in &c.body {
                        self.stmt(b);
                    }
                    self.scope_ends.pop();
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                self.scope_ends.push(s.span.end);
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.loops.push(s.span);
                if let Some(c) = cond {
                    self.with_stmt(plain, |w| w.expr(c, Use::Other));
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
                self.loops.pop();
                self.scope_ends.pop();
            }
            StmtKind::Range {
                key,
                value,
                x,
                body,
                ..
            } => {
                self.with_stmt(plain, |w| {
                    w.expr(x, Use::Other);
                    for k in key.iter().chain(value) {
                        w.expr(k, Use::Other);
                    }
                });
                self.loops.push(s.span);
                self.block(body);
                self.loops.pop();
            }
        }
    }

    fn assign(&mut self, s: &'b Stmt, lhs: &'b [Expr], op: AssignOp, rhs: &'b [Expr]) {
        let define = op == AssignOp::Define;
        if define {
            for l in lhs {
                self.declare(l.id, s.span.start);
            }
        }
        let mut ctx = StmtCtx {
            span: s.span,
            ..StmtCtx::default()
        };
        for l in lhs {
            let l = strip_parens(l);
            if let Some(&o) = self.info.uses.get(&l.id) {
                ctx.targets.push(o);
            }
        }
        if lhs.len() == 1 {
            ctx.field_target = self.field_path(&lhs[0]);
        }
        self.with_stmt(ctx, |w| {
            let paired =
                lhs.len() == rhs.len() && matches!(op, AssignOp::Assign | AssignOp::Define);
            for (i, l) in lhs.iter().enumerate() {
                let sink = w.lhs_sink(l, define);
                match (paired, sink) {
                    (true, Some(sink)) => w.expr(&rhs[i], Use::Value(sink)),
                    (true, None) => w.expr(&rhs[i], Use::Discard),
                    _ => {}
                }
            }
            if !paired {
                for r in rhs {
                    w.expr(r, Use::Other);
                }
            }
        });
    }

    /// The sink an assignment's left side is for a linked pointer (after walking the left
    /// side); `None` for other types.
    fn lhs_sink(&mut self, l: &'b Expr, define: bool) -> Option<Sink> {
        let l = strip_parens(l);
        let t = self.info.type_of(l.id);
        let linked = t.is_some_and(|t| self.link_of(t).is_some());
        if let ExprKind::Ident(n) = &l.kind {
            if n == "_" {
                return None;
            }
            let o = if define {
                self.info
                    .defs
                    .get(&l.id)
                    .or_else(|| self.info.uses.get(&l.id))
            } else {
                self.info.uses.get(&l.id)
            }
            .copied();
            if let Some(o) = o {
                if linked {
                    if self.info.uses.contains_key(&l.id) {
                        self.occur(o, OccKind::Target, l.span.start);
                    }
                    if self.nested > 0 || !self.scope.contains_key(&o) {
                        if let Some(t) = t {
                            self.reject_mentioned(t);
                        }
                    }
                    return Some(Sink::Var(o));
                }
            }
            return None;
        }
        self.lhs(l);
        if linked {
            if matches!(l.kind, ExprKind::Selector { .. }) {
                return Some(Sink::Own);
            }
            if let Some(t) = t {
                self.reject_mentioned(t);
            }
        }
        None
    }

    /// The left side of an assignment or `++`: what it is rooted at is changed through.
    fn lhs(&mut self, l: &'b Expr) {
        let l = strip_parens(l);
        match &l.kind {
            ExprKind::Ident(_) => {
                if let (Some(&o), Some(t)) = (self.info.uses.get(&l.id), self.info.type_of(l.id)) {
                    if self.link_of(t).is_some() {
                        self.occur(o, OccKind::Target, l.span.start);
                    }
                }
            }
            ExprKind::Selector { x, .. } => {
                if self.info.selections.get(&l.id).map(|s| s.kind) == Some(SelectionKind::FieldVal)
                {
                    self.expr(x, Use::Base(true));
                } else {
                    self.expr(x, Use::Other);
                }
            }
            ExprKind::Index { x, indices } => {
                self.expr(x, Use::Base(true));
                for i in indices {
                    self.expr(i, Use::Other);
                }
            }
            _ => self.expr(l, Use::Other),
        }
    }

    /// `x.f.g` as the variable it is rooted at and the field names (for `x.f = g(x.f)`).
    fn field_path(&self, e: &Expr) -> Option<(Option<ObjId>, Vec<String>)> {
        let mut names = Vec::new();
        let mut e = strip_parens(e);
        loop {
            match &e.kind {
                ExprKind::Selector { x, sel } => {
                    names.push(sel.name.clone());
                    e = strip_parens(x);
                }
                ExprKind::Star(x) => e = strip_parens(x),
                ExprKind::Ident(_) => {
                    names.reverse();
                    return Some((self.info.uses.get(&e.id).copied(), names));
                }
                _ => return None,
            }
        }
    }

    fn occur(&mut self, o: ObjId, kind: OccKind, pos: u32) {
        self.occ.entry(o).or_default().push(Occ { pos, kind });
    }

    fn flow(&mut self, src: Src, sink: Sink, ty: TypeId) {
        // The sink must hold a pointer of the same type.
        let sink_ty = match sink {
            Sink::Var(o) | Sink::Param(o) => Some(self.prog.obj(o).ty),
            Sink::Own => None,
        };
        if sink_ty.is_some_and(|st| self.link_of(st) != Some(ty))
            || matches!(sink, Sink::Var(o) | Sink::Param(o) if !self.scope.contains_key(&o) && !self.is_param_of_known(o))
        {
            self.reject.insert(ty);
            return;
        }
        self.flows.push(Flow {
            src,
            sink,
            ty,
            stmt: self.stmt.span,
            is_return: self.stmt.is_return,
            targets: self.stmt.targets.clone(),
            loops: self.loops.clone(),
        });
    }

    fn is_param_of_known(&self, o: ObjId) -> bool {
        self.param_objs.contains(&o)
    }

    /// The variable a selector chain is rooted at.
    fn root(&self, e: &Expr) -> Option<ObjId> {
        let mut e = strip_parens(e);
        loop {
            match &e.kind {
                ExprKind::Selector { x, .. } | ExprKind::Index { x, .. } | ExprKind::Star(x) => {
                    e = strip_parens(x)
                }
                ExprKind::Ident(_) => return self.info.uses.get(&e.id).copied(),
                _ => return None,
            }
        }
    }

    fn expr(&mut self, e: &'b Expr, u: Use) {
        if let ExprKind::Paren(x) = &e.kind {
            return self.expr(x, u);
        }
        if let ExprKind::FuncLit { body, .. } = &e.kind {
            self.nested += 1;
            let saved = std::mem::take(&mut self.loops);
            self.block(body);
            self.loops = saved;
            self.nested -= 1;
            return;
        }
        let t = self.info.type_of(e.id);
        let link = t.and_then(|t| self.link_of(t));
        let is_value = t.is_some_and(|t| self.links.contains(&canon(self.prog, t)));
        if let Some(t) = t {
            if link.is_none()
                && !is_value
                && mentions_but(self.prog, t, self.links, &self.holders, 0)
            {
                let callee_or_type = matches!(
                    self.info.types.get(&e.id).map(|tm| &tm.mode),
                    Some(goxide_types::Mode::Type)
                );
                if !callee_or_type {
                    self.reject_mentioned(t);
                }
            }
        }
        if let (Some(l), true) = (link, self.nested > 0 || self.in_addr > 0) {
            self.reject.insert(l);
        }
        if is_value {
            let t = canon(self.prog, t.unwrap_or_default());
            let local = |w: &Self| {
                w.info.uses.get(&e.id).is_some_and(|&o| {
                    matches!(
                        w.prog.obj(o).kind,
                        ObjKind::Var {
                            global: false,
                            param: false
                        }
                    )
                })
            };
            match &e.kind {
                ExprKind::Star(x) if matches!(u, Use::Base(_)) => self.expr(x, u),
                ExprKind::Selector { .. } if matches!(u, Use::Base(_)) => self.selector(e, u),
                // A local value reached through (`s.top`, `s.Push(x)`), never copied.
                ExprKind::Ident(_)
                    if matches!(u, Use::Base(_))
                        && local(self)
                        && self.nested == 0
                        && self.in_addr == 0 =>
                {
                    // Changed through: `let mut`.
                    if let (Use::Base(true), Some(&o)) = (u, self.info.uses.get(&e.id)) {
                        self.occur(o, OccKind::Write, e.span.start);
                    }
                }
                // A new value given to such a local (`s := Stack{}`).
                ExprKind::CompositeLit { .. } if u == Use::Discard => self.composite(e),
                _ => {
                    self.reject.insert(t);
                    self.children(e);
                }
            }
            return;
        }
        match &e.kind {
            ExprKind::Ident(_) => {
                let Some(l) = link else { return };
                let Some(&o) = self.info.uses.get(&e.id) else {
                    return;
                };
                if matches!(self.prog.obj(o).kind, ObjKind::Nil) {
                    if let Use::Value(sink) = u {
                        self.flow(Src::Nil, sink, l);
                    }
                    return;
                }
                if !self.scope.contains_key(&o) {
                    self.reject.insert(l);
                    return;
                }
                match u {
                    Use::Value(sink) => {
                        let idx = self.flows.len();
                        self.flow(Src::Var(o), sink, l);
                        if self.flows.len() > idx {
                            self.occur(o, OccKind::Flow(idx), e.span.start);
                        }
                    }
                    Use::Base(write) => {
                        if write {
                            self.written.insert(o);
                        }
                        let k = if write { OccKind::Write } else { OccKind::Read };
                        self.occur(o, k, e.span.start);
                    }
                    Use::NilCmp => self.occur(o, OccKind::Nil, e.span.start),
                    Use::Discard | Use::Other => {
                        self.reject.insert(l);
                    }
                }
            }
            ExprKind::Selector { .. } => self.selector(e, u),
            ExprKind::Star(x) => {
                if matches!(u, Use::Base(_)) {
                    self.expr(x, u)
                } else {
                    self.expr(x, Use::Other)
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => {
                let x = strip_parens(x);
                let fresh = matches!(x.kind, ExprKind::CompositeLit { .. })
                    && self
                        .info
                        .type_of(x.id)
                        .is_some_and(|t| self.links.contains(&canon(self.prog, t)));
                if fresh {
                    self.composite(x);
                    self.fresh(u, link);
                } else {
                    self.in_addr += 1;
                    self.expr(x, Use::Other);
                    self.in_addr -= 1;
                }
            }
            ExprKind::CompositeLit { .. } => self.composite(e),
            ExprKind::Call { func, args, .. } => self.call(func, args, u, link),
            ExprKind::Binary { op, x, y } => {
                let nil = |e: &Expr| {
                    self.info
                        .uses
                        .get(&strip_parens(e).id)
                        .is_some_and(|&o| matches!(self.prog.obj(o).kind, ObjKind::Nil))
                };
                if matches!(op, BinaryOp::Eq | BinaryOp::Ne) && (nil(x) || nil(y)) {
                    self.expr(x, Use::NilCmp);
                    self.expr(y, Use::NilCmp);
                } else {
                    self.expr(x, Use::Other);
                    self.expr(y, Use::Other);
                }
            }
            ExprKind::Index { x, indices } => {
                let write = matches!(u, Use::Base(true));
                self.expr(x, Use::Base(write));
                for i in indices {
                    self.expr(i, Use::Other);
                }
                if let Some(l) = link {
                    self.reject.insert(l);
                }
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                // A re-slice shares the elements: only of what the function owns.
                self.expr(x, Use::Base(true));
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b, Use::Other);
                }
            }
            _ => {
                if let Some(l) = link {
                    self.reject.insert(l);
                }
                self.children(e);
            }
        }
    }

    fn fresh(&mut self, u: Use, link: Option<TypeId>) {
        let Some(l) = link else { return };
        match u {
            Use::Value(sink) => self.flow(Src::Fresh, sink, l),
            Use::Base(_) | Use::NilCmp | Use::Discard => {}
            Use::Other => {
                self.reject.insert(l);
            }
        }
    }

    fn selector(&mut self, e: &'b Expr, u: Use) {
        let ExprKind::Selector { x, .. } = &e.kind else {
            return;
        };
        let sel = self.info.selections.get(&e.id);
        if sel.map(|s| s.kind) != Some(SelectionKind::FieldVal) {
            // A method value or a qualified name: the receiver is used as any value.
            if sel.is_some() {
                self.expr(x, Use::Other);
            }
            return;
        }
        let link = self.info.type_of(e.id).and_then(|t| self.link_of(t));
        let Some(l) = link else {
            let write = matches!(u, Use::Base(true));
            self.expr(x, Use::Base(write));
            return;
        };
        // Taking the link changes what holds it; reading it for a view does not.
        let root = self.root(x);
        match u {
            Use::Value(sink) => {
                let path = self.field_path(e);
                let same = path.is_some() && self.stmt.field_target == path;
                // `c = c.next`: the variable holding the link gets a new value at once.
                let rooted = root.is_some_and(|r| self.stmt.targets.contains(&r));
                let later =
                    !same && (rooted || path.as_ref().is_some_and(|p| self.reassigned_next(p)));
                let take_ok = !self.stmt.is_return && (same || later);
                self.expr(x, Use::Base(false));
                self.flow(
                    Src::Field {
                        node: e.id,
                        root,
                        take_ok,
                        later,
                    },
                    sink,
                    l,
                );
            }
            Use::Base(write) => self.expr(x, Use::Base(write)),
            Use::NilCmp => self.expr(x, Use::Base(false)),
            Use::Discard | Use::Other => {
                self.reject.insert(l);
                self.expr(x, Use::Base(false));
            }
        }
    }

    fn composite(&mut self, e: &'b Expr) {
        let ExprKind::CompositeLit { elems, .. } = &e.kind else {
            return;
        };
        let fields = self
            .info
            .type_of(e.id)
            .map(|t| self.prog.types.under(t).clone());
        let Some(Type::Struct(fields)) = fields else {
            for el in elems {
                if let Some(k) = &el.key {
                    self.expr(k, Use::Other);
                }
                self.expr(&el.value, Use::Other);
            }
            return;
        };
        for (i, el) in elems.iter().enumerate() {
            let f = match &el.key {
                Some(k) => match &k.kind {
                    ExprKind::Ident(n) => fields.iter().find(|f| &f.name == n),
                    _ => None,
                },
                None => fields.get(i),
            };
            let linked = f.is_some_and(|f| self.link_of(f.ty).is_some());
            self.expr(
                &el.value,
                if linked {
                    Use::Value(Sink::Own)
                } else {
                    Use::Discard
                },
            );
        }
    }

    fn call(&mut self, func: &'b Expr, args: &'b [Expr], u: Use, link: Option<TypeId>) {
        let f = strip_parens(func);
        if matches!(
            self.info.types.get(&f.id).map(|tm| &tm.mode),
            Some(goxide_types::Mode::Type)
        ) {
            // A conversion.
            for a in args {
                self.expr(a, Use::Other);
            }
            if let Some(l) = link {
                self.reject.insert(l);
            }
            return;
        }
        let callee = match &f.kind {
            ExprKind::Ident(_) => self.info.uses.get(&f.id).copied(),
            _ => None,
        };
        if let Some(c) = callee {
            match self.prog.obj(c).kind {
                ObjKind::Builtin(Builtin::New) => {
                    self.fresh(u, link);
                    return;
                }
                ObjKind::Builtin(b) => {
                    let changes = matches!(
                        b,
                        Builtin::Delete | Builtin::Copy | Builtin::Clear | Builtin::Append
                    );
                    for (i, a) in args.iter().enumerate() {
                        let write = changes && i == 0 && b != Builtin::Append;
                        let ty = self.info.type_of(a.id);
                        if ty.is_some_and(|t| self.link_of(t).is_some()) {
                            self.expr(a, Use::Other);
                        } else {
                            self.expr(a, Use::Base(write || (changes && self.changeable(a))));
                        }
                    }
                    return;
                }
                _ => {}
            }
        }
        let mut params = callee.and_then(|c| self.params.get(&c).cloned());
        match &f.kind {
            ExprKind::Selector { x, .. } => {
                let sel = self.info.selections.get(&f.id);
                if let Some(sel) = sel.filter(|s| s.kind == SelectionKind::MethodVal) {
                    // A method may change its receiver through a pointer, unless it only
                    // reads it.
                    let m = sel.obj;
                    params = self.params.get(&m).cloned();
                    // (An interface value's methods take it by reference.)
                    let reads = self.readonly.contains(&m)
                        || self.info.type_of(x.id).is_some_and(|t| {
                            matches!(self.prog.types.under(t), Type::Interface(_))
                        });
                    self.expr(x, Use::Base(!reads));
                } else {
                    self.expr(f, Use::Other);
                }
            }
            ExprKind::Ident(_) => {}
            _ => self.expr(f, Use::Other),
        }
        for (i, a) in args.iter().enumerate() {
            let linked = self
                .info
                .type_of(a.id)
                .is_some_and(|t| self.link_of(t).is_some());
            match params.as_ref().map(|ps| ps.get(i).copied().flatten()) {
                Some(Some(p)) if linked => self.expr(a, Use::Value(Sink::Param(p))),
                _ if linked => self.expr(a, Use::Other),
                // What a call receives may be changed through (a slice, a map, a pointer).
                _ => {
                    let changeable = self.changeable(a);
                    self.expr(a, Use::Base(changeable))
                }
            }
        }
        if let Some(l) = link {
            match u {
                Use::Value(sink) => self.flow(Src::Fresh, sink, l),
                Use::Base(_) | Use::NilCmp | Use::Discard => {}
                Use::Other => {
                    self.reject.insert(l);
                }
            }
        }
    }

    /// Whether what `e` holds may be changed through a copy of it (a slice, a map, a
    /// pointer, an interface).
    fn changeable(&self, e: &Expr) -> bool {
        self.info.type_of(e.id).is_none_or(|t| {
            matches!(
                self.prog.types.under(t),
                Type::Slice(_) | Type::Map(..) | Type::Pointer(_) | Type::Interface(_)
            )
        })
    }

    /// Walks the sub-expressions of `e` as plain uses.
    fn children(&mut self, e: &'b Expr) {
        match &e.kind {
            ExprKind::Selector { x, .. } => self.expr(x, Use::Other),
            ExprKind::Index { x, indices } => {
                self.expr(x, Use::Other);
                for i in indices {
                    self.expr(i, Use::Other);
                }
            }
            ExprKind::Star(x) | ExprKind::Unary { x, .. } | ExprKind::Paren(x) => {
                self.expr(x, Use::Other)
            }
            ExprKind::TypeAssert { x, .. } => self.expr(x, Use::Other),
            ExprKind::Binary { x, y, .. } => {
                self.expr(x, Use::Other);
                self.expr(y, Use::Other);
            }
            ExprKind::Call { func, args, .. } => {
                self.expr(func, Use::Other);
                for a in args {
                    self.expr(a, Use::Other);
                }
            }
            ExprKind::CompositeLit { elems, .. } => {
                for el in elems {
                    self.expr(&el.value, Use::Other);
                }
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.expr(x, Use::Other);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b, Use::Other);
                }
            }
            _ => {}
        }
    }
}

/// Whether `body` has a `goto` statement.
fn has_goto(body: &Block) -> bool {
    struct Finds(bool);
    impl goxide_ast::visit::Visitor for Finds {
        fn stmt(&mut self, s: &Stmt) -> bool {
            self.0 |= matches!(
                s.kind,
                StmtKind::Branch {
                    kind: BranchKind::Goto,
                    ..
                }
            );
            !self.0
        }
    }
    let mut f = Finds(false);
    goxide_ast::visit::walk_block(&mut f, body);
    f.0
}

/// The uses of receiver `recv` copied into a variable (`p := l`, `p = l`): for a linked type
/// these make views of `self` (an owning copy would fail the analysis), so they do not make
/// the method write through its receiver.
pub fn receiver_copies(info: &Info, body: &Block, recv: ObjId) -> HashSet<NodeId> {
    struct Copies<'i> {
        info: &'i Info,
        recv: ObjId,
        out: HashSet<NodeId>,
    }
    impl goxide_ast::visit::Visitor for Copies<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if let StmtKind::Assign { lhs, rhs, .. } = &s.kind {
                if lhs.len() == 1 && rhs.len() == 1 {
                    let r = strip_parens(&rhs[0]);
                    if matches!(r.kind, ExprKind::Ident(_))
                        && matches!(strip_parens(&lhs[0]).kind, ExprKind::Ident(_))
                        && self.info.uses.get(&r.id) == Some(&self.recv)
                    {
                        self.out.insert(r.id);
                    }
                }
            }
            true
        }
    }
    let mut c = Copies {
        info,
        recv,
        out: HashSet::new(),
    };
    goxide_ast::visit::walk_block(&mut c, body);
    c.out
}

/// The form of a linked pointer variable or parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Form {
    /// `Option<Box<T>>`.
    Own,
    /// `Option<&T>`: only reads.
    View,
    /// `&mut T`: a parameter that changes what it points to, lent by its callers.
    MutView,
}

/// Settles each variable's form and checks every move and view; the types that fail.
fn decide(w: &Walk<'_, '_>) -> (Links, HashSet<TypeId>) {
    let is_param = &w.param_objs;
    let empty = Vec::new();
    let occs_of = |v: ObjId| w.occ.get(&v).unwrap_or(&empty);
    // A parameter given another value or compared with nil cannot be a `&mut T`.
    let fixed_param = |p: ObjId| {
        occs_of(p)
            .iter()
            .any(|o| matches!(o.kind, OccKind::Target | OccKind::Nil))
    };
    let mut own: HashSet<ObjId> = w.receivers.clone();
    let mut mutating: HashSet<ObjId> = w.written.clone();
    let form_of = |own: &HashSet<ObjId>, mutating: &HashSet<ObjId>, s: Sink| match s {
        Sink::Own => Form::Own,
        Sink::Var(u) | Sink::Param(u) if own.contains(&u) => Form::Own,
        Sink::Param(u) if mutating.contains(&u) => Form::MutView,
        _ => Form::View,
    };
    loop {
        let before = (own.len(), mutating.len());
        for f in &w.flows {
            let sink = form_of(&own, &mutating, f.sink);
            match (f.src, sink) {
                (Src::Fresh, _) => {
                    if let Sink::Var(u) = f.sink {
                        own.insert(u);
                    }
                }
                (Src::Var(v), Form::Own) => {
                    own.insert(v);
                }
                (Src::Var(v), Form::MutView) => {
                    mutating.insert(v);
                }
                // A view variable made from a parameter borrows what the parameter holds.
                (Src::Var(v), Form::View)
                    if is_param.contains(&v)
                        && matches!(f.sink, Sink::Var(_))
                        && mutating.contains(&v) =>
                {
                    own.insert(v);
                }
                (
                    Src::Field {
                        root: Some(r),
                        take_ok: true,
                        ..
                    },
                    Form::Own,
                ) => {
                    mutating.insert(r);
                }
                (Src::Field { root: Some(r), .. }, Form::MutView) => {
                    mutating.insert(r);
                }
                _ => {}
            }
        }
        let m: Vec<ObjId> = mutating.iter().copied().collect();
        for v in m {
            if !w.receivers.contains(&v) && (!is_param.contains(&v) || fixed_param(v)) {
                own.insert(v);
            }
        }
        if (own.len(), mutating.len()) == before {
            break;
        }
    }
    let form = |v: ObjId| {
        if own.contains(&v) {
            Form::Own
        } else if mutating.contains(&v) && is_param.contains(&v) {
            Form::MutView
        } else {
            Form::View
        }
    };
    let sink_form = |s: Sink| form_of(&own, &mutating, s);
    let mut bad: HashSet<TypeId> = HashSet::new();
    let mut takes = HashSet::new();
    let mut mutable: HashSet<ObjId> = HashSet::new();
    for (v, occs) in &w.occ {
        if occs
            .iter()
            .any(|o| matches!(o.kind, OccKind::Target | OccKind::Write))
        {
            mutable.insert(*v);
        }
    }
    // Whether `o` only reads `v` (a view's owner): reads, nil comparisons, lending to views.
    let reads_only = |o: &Occ| match o.kind {
        OccKind::Read | OccKind::Nil => true,
        OccKind::Flow(j) => sink_form(w.flows[j].sink) == Form::View,
        OccKind::Write | OccKind::Target => false,
    };
    // A view local made from owner `r` at `from` lives until `until`: `r` must only be read.
    let view_ok = |r: ObjId, from: u32, until: u32, view: ObjId| -> bool {
        let Some(&(_, r_end)) = w.scope.get(&r) else {
            return false;
        };
        let Some(&(_, v_end)) = w.scope.get(&view) else {
            return false;
        };
        r_end >= v_end
            && occs_of(r)
                .iter()
                .filter(|o| o.pos >= from && o.pos <= until)
                .all(reads_only)
    };
    // Whether anything in the statement of flow `i` besides it names `v` (other than giving
    // it a new value), or, with `writes_only`, changes it or hands it over.
    let clash = |v: ObjId, i: usize, writes_only: bool| {
        let f = &w.flows[i];
        occs_of(v).iter().any(|o| {
            o.pos >= f.stmt.start
                && o.pos < f.stmt.end
                && o.kind != OccKind::Target
                && o.kind != OccKind::Flow(i)
                && (!writes_only
                    || match o.kind {
                        OccKind::Write => true,
                        OccKind::Flow(j) => sink_form(w.flows[j].sink) != Form::View,
                        _ => false,
                    })
        })
    };
    let mutable_root = |r: ObjId| form(r) != Form::View || w.receivers.contains(&r);
    for (i, f) in w.flows.iter().enumerate() {
        let sink = sink_form(f.sink);
        match (f.src, sink) {
            (Src::Nil | Src::Fresh, Form::MutView) => {
                bad.insert(f.ty);
            }
            (Src::Nil | Src::Fresh, _) => {}
            (Src::Var(v), Form::Own) if w.receivers.contains(&v) || form(v) != Form::Own => {
                // A receiver or a `&mut T` is a borrow: it can be lent, not handed over.
                bad.insert(f.ty);
            }
            (Src::Var(v), Form::Own) => {
                let Some(&(decl, _)) = w.scope.get(&v) else {
                    bad.insert(f.ty);
                    continue;
                };
                let occs = occs_of(v);
                let in_stmt: Vec<&Occ> = occs
                    .iter()
                    .filter(|o| o.pos >= f.stmt.start && o.pos < f.stmt.end)
                    .filter(|o| o.kind != OccKind::Target)
                    .collect();
                let once = in_stmt.len() == 1 && in_stmt[0].kind == OccKind::Flow(i);
                let reassigned = f.targets.contains(&v);
                let later = occs.iter().any(|o| o.pos >= f.stmt.end);
                let in_loop = f.loops.iter().any(|l| l.start > decl || l.end < decl);
                let ok = once && (f.is_return || reassigned || (!later && !in_loop));
                if !ok {
                    bad.insert(f.ty);
                }
            }
            (Src::Var(v), Form::MutView) => {
                // Lent mutably for the call: nothing else in the statement may name `v`.
                if !mutable_root(v) || clash(v, i, false) {
                    bad.insert(f.ty);
                }
                mutable.insert(v);
            }
            (Src::Var(v), Form::View) => {
                if let Sink::Var(u) = f.sink {
                    if form(v) != Form::View || w.receivers.contains(&v) {
                        let until = w.scope.get(&u).map_or(0, |s| s.1);
                        if !view_ok(v, f.stmt.start, until, u) {
                            bad.insert(f.ty);
                        }
                    }
                } else if clash(v, i, true) {
                    // Lent for the call: nothing else in the statement may change `v`.
                    bad.insert(f.ty);
                }
            }
            (
                Src::Field {
                    node,
                    root,
                    take_ok,
                    later,
                },
                Form::Own,
            ) => {
                // Taken for a later value: nothing else in this statement may read the root.
                let alone = !later
                    || root.is_some_and(|r| {
                        occs_of(r)
                            .iter()
                            .filter(|o| o.pos >= f.stmt.start && o.pos < f.stmt.end)
                            .filter(|o| o.kind != OccKind::Target)
                            .count()
                            == 1
                    });
                if take_ok && alone && root.is_some_and(mutable_root) {
                    takes.insert(node);
                    mutable.extend(root.filter(|&r| form(r) == Form::Own));
                } else {
                    bad.insert(f.ty);
                }
            }
            (Src::Field { root, .. }, Form::MutView) => {
                let ok = root.is_some_and(|r| {
                    mutable_root(r)
                        && occs_of(r)
                            .iter()
                            .filter(|o| o.pos >= f.stmt.start && o.pos < f.stmt.end)
                            .filter(|o| o.kind != OccKind::Target)
                            .count()
                            == 1
                });
                if !ok {
                    bad.insert(f.ty);
                }
                mutable.extend(root);
            }
            (Src::Field { root, .. }, Form::View) => {
                if let Sink::Var(u) = f.sink {
                    match root {
                        Some(r) if mutable_root(r) => {
                            let until = w.scope.get(&u).map_or(0, |s| s.1);
                            if !view_ok(r, f.stmt.start, until, u) {
                                bad.insert(f.ty);
                            }
                        }
                        Some(r) if w.scope.contains_key(&r) => {}
                        _ => {
                            bad.insert(f.ty);
                        }
                    }
                }
            }
        }
    }
    let views: HashSet<ObjId> = w
        .scope
        .keys()
        .copied()
        .filter(|&v| form(v) == Form::View && !w.receivers.contains(&v))
        .collect();
    let mut_views: HashSet<ObjId> = w
        .scope
        .keys()
        .copied()
        .filter(|&v| form(v) == Form::MutView && !w.receivers.contains(&v))
        .collect();
    mutable.retain(|v| !w.receivers.contains(v) && !mut_views.contains(v));
    let param_forms = w
        .params
        .iter()
        .map(|(&f, ps)| {
            (
                f,
                ps.iter()
                    .map(|p| p.filter(|p| w.scope.contains_key(p)).map(form))
                    .collect(),
            )
        })
        .collect();
    (
        Links {
            types: w.links.difference(&w.holders).copied().collect(),
            views,
            mut_views,
            takes,
            mutable,
            param_forms,
        },
        bad,
    )
}

impl crate::ctx::Ctx<'_> {
    /// Whether pointee type `t` is linked (see `links`): its pointers own or view.
    pub fn is_link(&self, t: TypeId) -> bool {
        self.analysis.links.has(self.prog, t)
    }

    /// Whether `t` is a pointer to a linked type.
    pub fn is_link_ptr_type(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Pointer(e) if self.is_link(*e))
    }

    /// Whether `x` is a pointer to a linked type.
    pub fn is_link_ptr(&self, x: &Expr) -> bool {
        self.type_of(x)
            .is_some_and(|t| matches!(self.under(t), Type::Pointer(e) if self.is_link(*e)))
    }

    /// Whether `x` selects a field that owns its pointee (see `owned_fields`): an
    /// `Option<Box<T>>` reached through as a link is.
    pub fn is_owned_field(&self, x: &Expr) -> bool {
        self.analysis.owned_fields.selects(self.info, x)
    }

    /// Whether `x` is a pointer held as an owning box: a linked pointer, or a field that owns
    /// its pointee.
    pub fn is_box_ptr(&self, x: &Expr) -> bool {
        self.is_link_ptr(x) || self.is_owned_field(x)
    }

    /// The pointee of linked pointer `x`, reached through: `support::rt::some_ref(&p)`
    /// (`some_mut(&mut p)` when `mutable`), panicking as Go does when it is nil.
    pub fn link_deref(&mut self, x: &Expr, mutable: bool) -> syn::Expr {
        if let Some(o) = self.obj_of(strip_parens(x)) {
            if self.narrowed.contains(&o) {
                // A view past its nil guard (see `nil_guards`): a plain reference.
                let id = self.var_name(o);
                return syn::parse_quote!((*#id));
            }
        }
        let p = crate::expr::as_base(if mutable {
            self.place(x)
        } else {
            self.borrowed(x)
        });
        self.link_through(p, mutable)
    }

    /// The pointee of the linked pointer `p` (translated), reached through.
    pub fn link_through(&mut self, p: syn::Expr, mutable: bool) -> syn::Expr {
        self.use_support("rt");
        // (A reference to the box or view: fields and methods are reached through it; a
        // linked value is never read whole.)
        if mutable {
            syn::parse_quote!(crate::support::rt::some_mut(&mut #p))
        } else {
            syn::parse_quote!(crate::support::rt::some_ref(&#p))
        }
    }

    /// A linked pointer handed to an owning holder: a variable moved (`head`), a link taken
    /// (`t.left.take()`); `None` for what translates as usual (`nil`, fresh, calls).
    pub fn link_value(&mut self, e: &Expr) -> Option<syn::Expr> {
        if !self.is_link_ptr(e) {
            return None;
        }
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Ident(_) => {
                let o = self.obj_of(e)?;
                if !matches!(self.obj(o).kind, ObjKind::Var { .. }) {
                    return None;
                }
                let id = self.var_name(o);
                Some(syn::parse_quote!(#id))
            }
            ExprKind::Selector { .. } if self.analysis.links.takes.contains(&e.id) => {
                let p = crate::expr::as_base(self.place(e));
                Some(syn::parse_quote!(#p.take()))
            }
            _ => None,
        }
    }

    /// A linked pointer handed to a view (`Option<&T>`): a view copied, an owning variable or
    /// link lent (`head.as_deref()`), a fresh pointer lent for the call.
    pub fn link_view(&mut self, e: &Expr) -> syn::Expr {
        let e = strip_parens(e);
        if self.is_untyped_nil(e) || matches!(&e.kind, ExprKind::Ident(n) if n == "nil") {
            return syn::parse_quote!(None);
        }
        if self.is_self_ptr(e) {
            // `p := l` of a receiver: a view of `self`.
            let r = self.ref_ptr(e);
            return syn::parse_quote!(Some(&*#r));
        }
        if let ExprKind::Ident(_) = &e.kind {
            if let Some(o) = self.obj_of(e) {
                let id = self.var_name(o);
                if self.narrowed.contains(&o) {
                    return syn::parse_quote!(Some(#id));
                }
                if self.analysis.links.views.contains(&o) {
                    return syn::parse_quote!(#id);
                }
                return syn::parse_quote!(#id.as_deref());
            }
        }
        let v = if matches!(e.kind, ExprKind::Selector { .. }) {
            self.borrowed(e)
        } else {
            self.value(e)
        };
        let v = crate::expr::paren_if_needed(v);
        syn::parse_quote!(#v.as_deref())
    }

    /// Whether argument `i` of call `e` goes to a view parameter.
    pub fn link_view_arg(&self, e: &Expr, i: usize) -> bool {
        self.link_param_form(e, i) == Some(Form::View)
    }

    /// Whether argument `i` of call `e` goes to a `&mut T` parameter of a linked type.
    pub fn link_mut_arg(&self, e: &Expr, i: usize) -> bool {
        self.link_param_form(e, i) == Some(Form::MutView)
    }

    /// A linked pointer lent to a `&mut T` parameter: `box_mut(&mut head)` (Go's
    /// nil-dereference panic when it is nil), a `&mut T` passed on, `&mut *self`.
    pub fn link_mut(&mut self, e: &Expr) -> syn::Expr {
        let e = strip_parens(e);
        if let Some(o) = self
            .obj_of(e)
            .filter(|_| matches!(e.kind, ExprKind::Ident(_)))
        {
            if self.analysis.links.mut_views.contains(&o) || self.is_self_ptr(e) {
                let r = self.ref_ptr(e);
                return syn::parse_quote!(&mut *#r);
            }
        }
        self.box_lent(e, true)
    }

    /// An owning box `e` (a linked pointer, a field owning its pointee) lent to a parameter
    /// that borrows it: `box_mut(&mut p)` (`box_ref(&p)`), panicking as Go does when it is nil.
    pub fn box_lent(&mut self, e: &Expr, mutable: bool) -> syn::Expr {
        self.use_support("rt");
        if mutable {
            let p = crate::expr::as_base(self.place(e));
            syn::parse_quote!(crate::support::rt::box_mut(&mut #p))
        } else {
            let p = crate::expr::as_base(self.borrowed(e));
            syn::parse_quote!(crate::support::rt::box_ref(&#p))
        }
    }

    fn link_param_form(&self, e: &Expr, i: usize) -> Option<Form> {
        let ExprKind::Call { func, .. } = &e.kind else {
            return None;
        };
        let f = strip_parens(func);
        let callee = match &f.kind {
            ExprKind::Ident(_) => self.obj_of(f),
            ExprKind::Selector { .. } => self
                .info
                .selections
                .get(&f.id)
                .filter(|s| s.kind == SelectionKind::MethodVal)
                .map(|s| s.obj),
            _ => None,
        };
        callee
            .and_then(|c| self.analysis.links.param_forms.get(&c))
            .and_then(|ps| ps.get(i).copied().flatten())
    }

    /// `var n *T` / `n := head` of a view: `let mut n: Option<&T> = head.as_deref();`.
    pub fn link_decl(
        &mut self,
        obj: ObjId,
        name: &Ident,
        value: Option<&Expr>,
    ) -> Option<syn::Stmt> {
        if !self.analysis.links.views.contains(&obj) || name.is_blank() {
            return None;
        }
        let Type::Pointer(pointee) = self.under(self.obj(obj).ty).clone() else {
            return None;
        };
        let pt = self.rust_type(pointee)?;
        let init = match value {
            Some(v) => self.link_view(v),
            None => syn::parse_quote!(None),
        };
        let id = self.bind_local(obj, &name.name);
        Some(if self.analysis.mutated.contains(&obj) {
            syn::parse_quote!(let mut #id: Option<&#pt> = #init;)
        } else {
            syn::parse_quote!(let #id: Option<&#pt> = #init;)
        })
    }

    /// `n = n.Next` of a view: `n = some_ref(&n).next.as_deref();`.
    pub fn link_assign(&mut self, l: &Expr, r: &Expr) -> Option<syn::Stmt> {
        let l = strip_parens(l);
        let o = self
            .obj_of(l)
            .filter(|_| matches!(l.kind, ExprKind::Ident(_)))?;
        if !self.analysis.links.views.contains(&o) {
            return None;
        }
        let v = self.link_view(r);
        let id = self.var_name(o);
        Some(syn::parse_quote!(#id = #v;))
    }
}
