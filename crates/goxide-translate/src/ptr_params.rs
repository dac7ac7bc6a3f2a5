//! Pointer parameters that are borrows. A Go function that takes `p *T` and only reaches
//! through it (`p.f`, `*p`, `p.M()`, passing it on to another such parameter) never keeps the
//! pointer: in Rust it takes `&T`, or `&mut T` when it writes through it, instead of a shared
//! `Option<Rc<RefCell<T>>>`. A caller passing `&v` of a local variable then lends it
//! (`f(&mut v)`) and `v` needs no shared cell at all.
//!
//! The decision is made per parameter, to a fixed point: a parameter passed on to another
//! function is a borrow only if that function's parameter is one, and writes (or `&mut`)
//! propagate back to the caller's parameter. A parameter compared with `nil`, given `nil` by a
//! caller, or given such a parameter may be nil: it is an optional borrow, `Option<&T>` /
//! `Option<&mut T>` (`p == nil` is `p.is_none()`, `p.f` is `rt::opt_mut(&mut p).f`, panicking as
//! Go does on nil; callers pass `None`, `Some(&mut v)`). Not borrowed: parameters
//! stored, returned, captured by a closure or a goroutine, or whose function is used as a value;
//! parameters of functions with two pointer parameters to the same type where one is written
//! (`f(a, a)` would borrow one value twice); pointees that pointers may project into (see
//! `place`); programs with goroutines (their pointers are `Send` handles).
//!
//! A pointer to an array is reached through by `p[i]`, `len(p)` and `range p` as well; `_ = p`
//! only evaluates it. A local made by a function literal called at once whose one statement
//! returns a fresh pointer (`func() *T { return new(T) }()`) is made like `new(T)`.

use crate::analysis::SliceMode;
use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, PkgId, Program, SelectionKind, Type, TypeId};
use std::collections::{HashMap, HashSet};

/// What the analysis decided.
#[derive(Clone, Debug, Default)]
pub struct PtrParams {
    /// Borrowed pointer parameters and their mode (`&T` or `&mut T`).
    pub params: HashMap<ObjId, SliceMode>,
    /// Per function: the mode of each parameter position (`None`: passed as usual).
    pub fn_modes: HashMap<ObjId, Vec<Option<SliceMode>>>,
    /// Local variables whose address is only ever lent to borrowed parameters (`f(&v)`): they
    /// need no shared cell.
    pub lent: HashSet<ObjId>,
    /// Of those, the ones lent mutably (`let mut v`).
    pub lent_mut: HashSet<ObjId>,
    /// Local pointers made by `&T{…}` or `new(T)` that never escape their function: the
    /// variable owns the value (`let mut p = T { … };`). The flag: something writes through it.
    pub owned: HashMap<ObjId, bool>,
    /// Of those, the ones whose last use moves the value into a pointer kept elsewhere (see
    /// `moves`), with that use (an identifier).
    pub moves: HashMap<ObjId, NodeId>,
    /// Of those, the ones that may be nil (see `nullable`): `Option<T>`.
    pub nullable: HashSet<ObjId>,
    /// `&x` / `&x.f` / `&a[i]` arguments lent to borrowed parameters (`&mut x.f`).
    pub lent_exprs: HashSet<NodeId>,
    /// Local pointers `p := &x…` that borrow a local variable (see `local_borrows`), with that
    /// variable; their mode is in `params`.
    pub borrows: HashMap<ObjId, ObjId>,
    /// Local pointers `q := p` that borrow what the owned or borrowed pointer `p` holds (see
    /// `local_borrows`), with `p`; their mode is in `params`.
    pub copies: HashMap<ObjId, ObjId>,
    /// Local pointers `p := &x…` that stand for the place `x…` itself (see `local_borrows`):
    /// every use of `p` uses the place; no Rust pointer is made. Their mode is in `params`.
    pub aliases: HashMap<ObjId, Expr>,
    /// Constructors: functions whose one result is always a fresh pointer (`return &T{…}`,
    /// `new(T)`, an owned local, another constructor's result, `&x` of a variable of the
    /// function that nothing else takes the address of) and that are only called. They
    /// return the value (`-> T`); a caller that keeps a pointer makes the cell.
    pub ctors: HashSet<ObjId>,
    /// Of the constructors, the ones that may return nil (`return nil`, another such
    /// constructor's result): they return `Option<T>`.
    pub nullable_ctors: HashSet<ObjId>,
    /// Of the constructors, the ones with several results (`func NewT() (*T, error)`), with the
    /// position of the pointer result (which they return as the value, `(T, E)`).
    pub ctor_index: HashMap<ObjId, usize>,
    /// Variables whose only address is returned by a constructor (`return &x`): the value is
    /// returned, and the variable needs no cell.
    pub returned: HashSet<ObjId>,
    /// Pointee types whose pointers may point at a field or element (see `place`), once the
    /// lent addresses are left out.
    pub projected: HashSet<TypeId>,
    /// Borrowed parameters that may be nil (compared with nil, given nil by a caller, or given
    /// such a parameter): `Option<&T>` / `Option<&mut T>`.
    pub optional: HashSet<ObjId>,
    /// Per function: which parameter positions are optional borrows.
    pub fn_optional: HashMap<ObjId, Vec<bool>>,
}

/// Facts from the main analysis walk.
pub struct Facts<'a> {
    pub captured: &'a HashSet<ObjId>,
    /// Methods that take their receiver as a pointer value (see `ptr_receivers`).
    pub ptr_value_methods: &'a HashSet<ObjId>,
    pub whole_assigned: &'a HashSet<ObjId>,
    /// Package variables nothing reads (see `globals`): assigning to one only evaluates.
    pub write_only: &'a HashSet<ObjId>,
    /// Linked types (see `links`): their pointers have forms of their own.
    pub links: &'a HashSet<TypeId>,
    /// Pointer-receiver methods that take `&self` (see `decl::readonly_ptr_methods`).
    pub readonly_methods: &'a HashSet<ObjId>,
    /// Value-receiver methods that take `&mut self` (see `decl::map_write_methods`).
    pub map_write_methods: &'a HashSet<ObjId>,
    /// Fields that may own their pointees (see `owned_fields`): passing one on lends it from
    /// its holder.
    pub owned_fields: &'a crate::owned_fields::OwnedFields,
}

pub fn find(prog: &Program, info: &Info, files: &[&File], facts: &Facts<'_>) -> PtrParams {
    let threaded = crate::concurrency::has_go_statements(files);
    let borrows = crate::local_borrows::candidates(
        prog,
        info,
        files,
        facts.captured,
        facts.whole_assigned,
        facts.ptr_value_methods,
    );
    // Addresses lent to borrowed parameters make no pointer, so their pointee type need not be
    // projected; which are lent depends on which parameters are borrowed, which depends on the
    // projected types: assume all lent, and drop the ones that are not until nothing changes.
    let mut lent = address_args(prog, info, files);
    lent.extend(borrows.values().filter(|c| !c.copied).map(|c| c.addr));
    loop {
        let projected = crate::place::projected_pointees(prog, info, files, &lent);
        // (Linked types are left out as projected ones are.)
        let excluded: HashSet<TypeId> = projected.union(facts.links).copied().collect();
        let mut out = decide(prog, info, files, facts, &excluded, &borrows, threaded);
        let kept: HashSet<NodeId> = lent.intersection(&out.lent_exprs).copied().collect();
        if kept.len() == lent.len() {
            out.projected = projected;
            out.lent_exprs = kept;
            return out;
        }
        lent = kept;
    }
}

/// Every `&x…` passed directly to a function or method.
fn address_args(prog: &Program, info: &Info, files: &[&File]) -> HashSet<NodeId> {
    struct Find<'a> {
        prog: &'a Program,
        info: &'a Info,
        out: HashSet<NodeId>,
    }
    impl Visitor for Find<'_> {
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::Call { func, args, .. } = &e.kind {
                let f = strip_parens(func);
                let is_func =
                    match f.kind {
                        ExprKind::Ident(_) => self.info.uses.get(&f.id).is_some_and(|&o| {
                            matches!(self.prog.obj(o).kind, ObjKind::Func { .. })
                        }),
                        ExprKind::Selector { .. } => self
                            .info
                            .selections
                            .get(&f.id)
                            .is_some_and(|s| s.kind == SelectionKind::MethodVal),
                        _ => false,
                    };
                if is_func {
                    for a in args {
                        let a = strip_parens(a);
                        if matches!(
                            a.kind,
                            ExprKind::Unary {
                                op: UnaryOp::Addr,
                                ..
                            }
                        ) {
                            self.out.insert(a.id);
                        }
                    }
                }
            }
            true
        }
    }
    let mut f = Find {
        prog,
        info,
        out: HashSet::new(),
    };
    for file in files {
        for d in &file.decls {
            visit::walk_decl(&mut f, d);
        }
    }
    f.out
}

/// One round of the decision, for the given projected pointee types.
fn decide(
    prog: &Program,
    info: &Info,
    files: &[&File],
    facts: &Facts<'_>,
    projected: &HashSet<TypeId>,
    borrow_candidates: &HashMap<ObjId, crate::local_borrows::Candidate<'_>>,
    threaded: bool,
) -> PtrParams {
    // Candidate functions and their parameters.
    let mut funcs: HashMap<ObjId, (Vec<Option<ObjId>>, &Block)> = HashMap::new();
    let iface_methods = interface_method_names(files);
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            // Methods too, unless an interface may call them (its trait fixes the signature).
            // Generic functions and methods of generic types are translated once per
            // instantiation: a parameter that is a borrow is one in every instantiation.
            let method_blocked = fd.recv.as_ref().is_some_and(|r| {
                let t = match &r.ty.kind {
                    ExprKind::Star(t) => t,
                    _ => &r.ty,
                };
                let named = match &t.kind {
                    ExprKind::Ident(_) => true,
                    // `func (l *List[T]) M()`: translated once per instantiation.
                    ExprKind::Index { x, .. } => matches!(x.kind, ExprKind::Ident(_)),
                    _ => false,
                };
                !named || iface_methods.contains(&fd.name.name)
            });
            // (A variadic function's pointer parameters are fixed ones: its variadic
            // arguments are collected into a slice, which keeps them.)
            if method_blocked {
                continue;
            }
            let (Some(&fobj), Some(body)) = (info.defs.get(&fd.name.id), &fd.body) else {
                continue;
            };
            let pkg = prog.obj(fobj).pkg;
            let params = param_objs(info, &fd.sig, |p| {
                borrowable_pointer(prog, pkg, prog.obj(p).ty, projected)
                    && !facts.whole_assigned.contains(&p)
                    && !facts.captured.contains(&p)
            });
            if params.iter().any(Option::is_some) {
                funcs.insert(fobj, (params, body));
            }
        }
    }
    // Candidate constructors and what each returns.
    let mut ctors: HashMap<ObjId, Vec<Fresh>> = HashMap::new();
    // The returned expressions of each candidate, in the same order.
    let mut ctor_returns: HashMap<ObjId, Vec<NodeId>> = HashMap::new();
    // Candidates with several results, with the position of the pointer.
    let mut multi_ctors: HashMap<ObjId, usize> = HashMap::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(&fobj), Some(body)) = (info.defs.get(&fd.name.id), &fd.body) else {
                continue;
            };
            let unnamed = fd.sig.results.iter().all(|g| g.names.is_empty());
            let Type::Func(sig) = prog.types.under(prog.obj(fobj).ty) else {
                continue;
            };
            // The one pointer result (`*T`, or `(*T, error)` and the like).
            let mut pointers = sig
                .results
                .iter()
                .enumerate()
                .filter(|(_, &t)| matches!(prog.types.under(t), Type::Pointer(_)));
            let index = match (pointers.next(), pointers.next()) {
                (Some((i, _)), None) => i,
                _ => continue,
            };
            if fd.recv.is_some()
                || !unnamed
                || !owned_pointee(prog, prog.obj(fobj).pkg, sig.results[index], projected)
                || crate::decl::has_defer(body)
            {
                continue;
            }
            let mut rets = Returns {
                values: Vec::new(),
                index,
                arity: sig.results.len(),
                ok: true,
            };
            rets.visit_block(body);
            if sig.results.len() > 1 {
                multi_ctors.insert(fobj, index);
            }
            if rets.ok && !rets.values.is_empty() {
                ctors.insert(
                    fobj,
                    rets.values.iter().map(|v| fresh(info, prog, v)).collect(),
                );
                ctor_returns.insert(
                    fobj,
                    rets.values.iter().map(|v| strip_parens(v).id).collect(),
                );
            }
        }
    }
    // Candidates that may return nil: `return nil`, or another such candidate's result.
    let mut may_nil: HashSet<ObjId> = HashSet::new();
    loop {
        let before = may_nil.len();
        for (&c, rets) in &ctors {
            if rets.iter().any(|r| match r {
                Fresh::Nil => true,
                Fresh::Ctor(g) => may_nil.contains(g),
                _ => false,
            }) {
                may_nil.insert(c);
            }
        }
        if may_nil.len() == before {
            break;
        }
    }
    // Uses of locals that may be nil (see `nullable`).
    let nulls = crate::nullable::find(prog, info, files, &|f| ctors.contains_key(&f), &|f| {
        may_nil
            .contains(&f)
            .then(|| multi_ctors.get(&f).copied().unwrap_or(0))
    });
    // Candidate owned locals: `p := &T{…}` / `p := new(T)` / `p := NewT()`, or declared nil,
    // with the body declaring them.
    let mut locals: HashMap<ObjId, &Block> = HashMap::new();
    let mut local_ctor: Vec<(ObjId, ObjId)> = Vec::new();
    // Function bodies, and the bodies of function literals in package variables' values.
    let mut bodies: Vec<&Block> = Vec::new();
    for f in files {
        for d in &f.decls {
            match &d.kind {
                DeclKind::Func(fd) => bodies.extend(&fd.body),
                DeclKind::Var(specs) => {
                    for v in specs.iter().flat_map(|s| &s.values) {
                        literal_bodies(v, &mut bodies);
                    }
                }
                _ => {}
            }
        }
    }
    for body in bodies {
        let mut decls = Decls {
            prog,
            info,
            ctors: &ctors,
            multi_ctors: &multi_ctors,
            found: Vec::new(),
            from_ctor: Vec::new(),
        };
        visit::walk_block(&mut decls, body);
        local_ctor.extend(decls.from_ctor);
        for o in decls.found {
            let fine = owned_pointee(prog, prog.obj(o).pkg, prog.obj(o).ty, projected)
                && (!facts.whole_assigned.contains(&o) || nulls.assigned.contains(&o))
                && !facts.captured.contains(&o);
            if fine {
                locals.insert(o, body);
            }
        }
    }
    for (&o, &body) in &nulls.declared_nil {
        if owned_pointee(prog, prog.obj(o).pkg, prog.obj(o).ty, projected)
            && !facts.captured.contains(&o)
        {
            locals.insert(o, body);
        }
    }
    local_ctor.extend(nulls.ctor_deps.iter().copied());
    // Candidate local borrows `p := &x…` (see `local_borrows`) whose pointee a reference can
    // hold.
    // (A pointer standing for its place is never made: its type need not be projected.)
    let unprojected = HashSet::new();
    let borrows: HashMap<ObjId, crate::local_borrows::Candidate<'_>> = borrow_candidates
        .iter()
        .filter_map(|(&p, c)| {
            let (pkg, ty) = (prog.obj(p).pkg, prog.obj(p).ty);
            if c.alias.is_some() {
                return borrowable_pointer(prog, pkg, ty, &unprojected).then_some((p, *c));
            }
            if borrowable_pointer(prog, pkg, ty, projected) {
                return Some((p, *c));
            }
            // (A part of the receiver stands for its place instead.)
            let alias = c.fallback?;
            borrowable_pointer(prog, pkg, ty, &unprojected).then_some((
                p,
                crate::local_borrows::Candidate {
                    alias: Some(alias),
                    ..*c
                },
            ))
        })
        .collect();
    // Locals that may reach through (and pass on) their pointer as a parameter does.
    let mut reaching: HashMap<ObjId, &Block> = locals.clone();
    reaching.extend(borrows.iter().map(|(&p, c)| (p, c.body)));
    let mut uses = Uses {
        prog,
        info,
        funcs: &funcs,
        locals: &reaching,
        ctors: &ctors,
        multi_ctors: &multi_ctors,
        multi_calls: HashSet::new(),
        total: HashMap::new(),
        allowed: HashMap::new(),
        allowed_ids: HashSet::new(),
        use_ids: HashMap::new(),
        edges: Vec::new(),
        addr_total: HashMap::new(),
        lends: Vec::new(),
        addr_args: Vec::new(),
        lent_addr: HashSet::new(),
        captured: facts.captured,
        write_only: facts.write_only,
        ptr_value_methods: facts.ptr_value_methods,
        locked: Vec::new(),
        locked_always: Vec::new(),
        deferred: 0,
        calls: Vec::new(),
        params: funcs
            .values()
            .flat_map(|(ps, _)| ps.iter().flatten().copied())
            .collect(),
        nil_compared: HashSet::new(),
        nil_args: Vec::new(),
    };
    for f in files {
        for d in &f.decls {
            visit::walk_decl(&mut uses, d);
        }
    }
    let Uses {
        total,
        allowed,
        allowed_ids,
        use_ids,
        edges,
        addr_total,
        lends,
        addr_args,
        locked,
        locked_always,
        calls,
        nil_compared,
        nil_args,
        ..
    } = uses;
    let mut allowed = allowed;
    let mut allowed_ids = allowed_ids;
    // `q := p`: the copy lends `p`, if `q` turns out a borrow (decided below, with `p`).
    for c in borrows.values().filter(|c| c.copied) {
        *allowed.entry(c.root).or_default() += 1;
        allowed_ids.insert(c.addr);
    }
    let copy_ids: HashSet<NodeId> = borrows
        .values()
        .filter(|c| c.copied)
        .map(|c| c.addr)
        .collect();
    for (&o, &n) in &nulls.allowed {
        *allowed.entry(o).or_default() += n;
    }
    for rets in ctors.values() {
        for r in rets {
            if let Fresh::Local(o) = r {
                *allowed.entry(*o).or_default() += 1;
            }
        }
    }
    // An owned local with one use a borrow cannot be, its last use handing the value over:
    // that use moves it into a pointer (see `moves`).
    let mut moves: HashMap<ObjId, NodeId> = HashMap::new();
    for (&o, &body) in &locals {
        let (Some(&t), a) = (total.get(&o), allowed.get(&o).copied().unwrap_or(0)) else {
            continue;
        };
        if t != a + 1 || nulls.allowed.contains_key(&o) || nulls.declared_nil.contains_key(&o) {
            continue;
        }
        let mut unallowed = use_ids
            .get(&o)
            .into_iter()
            .flatten()
            .filter(|id| !allowed_ids.contains(id));
        if let (Some(&u), None) = (unallowed.next(), unallowed.next()) {
            if crate::moves::movable(prog, info, body, o, u) {
                moves.insert(o, u);
                *allowed.entry(o).or_default() += 1;
            }
        }
    }
    // A local whose use `n` keeps it (an argument of a parameter that is no borrow, the
    // result of a function that is no constructor): moved there if that is its last use.
    let try_move = |moves: &mut HashMap<ObjId, NodeId>, o: ObjId, n: NodeId| -> bool {
        if let Some(&m) = moves.get(&o) {
            return m == n;
        }
        let fine = !nulls.allowed.contains_key(&o)
            && !nulls.declared_nil.contains_key(&o)
            && locals
                .get(&o)
                .is_some_and(|b| crate::moves::movable(prog, info, b, o, n));
        if fine {
            moves.insert(o, n);
        }
        fine
    };
    let param_of = |f: ObjId, i: usize| funcs.get(&f).and_then(|(ps, _)| ps.get(i).copied()?);
    let mut valid: HashSet<ObjId> = funcs
        .iter()
        .filter(|(f, _)| total.get(f) == allowed.get(f))
        .flat_map(|(_, (ps, _))| ps.iter().flatten().copied())
        .chain(locals.keys().copied())
        .chain(borrows.keys().copied())
        .chain(ctors.keys().copied())
        .filter(|p| total.get(p) == allowed.get(p))
        .filter(|p| !(nulls.overlapping.contains(p) && nulls.maybe_nil(*p)))
        .collect();
    for &(f, i) in &locked_always {
        if let Some(p) = param_of(f, i) {
            valid.remove(&p);
        }
    }
    if threaded {
        // With goroutines, a shared pointer is an `Arc<RwLock>`: lending it would hold its lock
        // for the whole call, which another goroutine may be waiting on. Only lock-free
        // arguments are lent.
        for &(f, i) in &locked {
            if let Some(p) = param_of(f, i) {
                valid.remove(&p);
            }
        }
    }
    // `return &x`: fresh when those returns are the only addresses of `x` (which dies there)
    // and no closure captures it.
    let mut returned_addrs: HashMap<ObjId, usize> = HashMap::new();
    for r in ctors.values().flatten() {
        if let Fresh::Addr(o) = r {
            *returned_addrs.entry(*o).or_default() += 1;
        }
    }
    let escaping =
        |o: &ObjId| addr_total.get(o) != returned_addrs.get(o) || facts.captured.contains(o);
    let mut mutable: HashSet<ObjId>;
    let mut optional: HashSet<ObjId>;
    loop {
        // A parameter passed on must land in a borrowed parameter; a constructor returns only
        // fresh pointers; a local returned by one, or made by one, needs it to be one.
        loop {
            let before = valid.len();
            for (c, rets) in &ctors {
                let fresh_all = rets.iter().all(|r| match r {
                    Fresh::New => true,
                    Fresh::Local(o) => {
                        valid.contains(o) && locals.contains_key(o) && !nulls.maybe_nil(*o)
                    }
                    Fresh::Ctor(g) => valid.contains(g),
                    Fresh::Addr(o) => !escaping(o),
                    Fresh::Nil => true,
                    Fresh::No => false,
                });
                if !fresh_all {
                    valid.remove(c);
                }
                let ids = ctor_returns.get(c).map(Vec::as_slice).unwrap_or_default();
                for (r, &id) in rets.iter().zip(ids) {
                    if let Fresh::Local(o) = r {
                        // Returned by a function that is no constructor: moved into the
                        // pointer the caller gets, when that is the local's last use.
                        if !valid.contains(c) && !try_move(&mut moves, *o, id) {
                            valid.remove(o);
                        }
                    }
                }
            }
            for (x, c) in &local_ctor {
                if !valid.contains(c) {
                    valid.remove(x);
                }
            }
            // `q := p` borrows from `p` only while both are borrows or owned values (and `p`
            // is never nil): else both are one shared pointer.
            for (q, c) in borrows.iter().filter(|(_, c)| c.copied) {
                // (A copy of a pointer standing for its place would borrow that place while
                // the place is used directly.)
                let of_alias = borrows.get(&c.root).is_some_and(|b| b.alias.is_some());
                if !valid.contains(q)
                    || !valid.contains(&c.root)
                    || nulls.maybe_nil(c.root)
                    || of_alias
                {
                    valid.remove(q);
                    valid.remove(&c.root);
                }
            }
            for &(f, i, arg, node) in &edges {
                if param_of(f, i).is_some_and(|p| valid.contains(&p)) {
                    continue;
                }
                // A local passed on, last, to a parameter that keeps it: moved there.
                if !node.is_some_and(|n| try_move(&mut moves, arg, n)) {
                    valid.remove(&arg);
                }
            }
            if valid.len() == before {
                break;
            }
        }
        // Writes, and passing on to a `&mut` parameter, make it `&mut`.
        mutable = funcs
            .values()
            .flat_map(|(ps, body)| ps.iter().flatten().map(move |p| (*p, *body)))
            .chain(reaching.iter().map(|(o, b)| (*o, *b)))
            .filter(|(p, body)| {
                // (Calling a method that takes `&self`, or a value receiver that does not
                // write into a map field, only reads.)
                let reads_only = |m: ObjId| {
                    facts.readonly_methods.contains(&m)
                        || crate::decl::value_recv_reads(prog, facts.map_write_methods, m)
                };
                valid.contains(p)
                    && crate::decl::writes_through_calling(
                        info,
                        body,
                        *p,
                        &copy_ids,
                        &reads_only,
                        facts.owned_fields,
                    )
            })
            .map(|(p, _)| p)
            .collect();
        loop {
            let mut changed = false;
            for &(f, i, arg, _) in &edges {
                if param_of(f, i).is_some_and(|p| mutable.contains(&p))
                    && valid.contains(&arg)
                    && mutable.insert(arg)
                {
                    changed = true;
                }
            }
            for (q, c) in borrows.iter().filter(|(_, c)| c.copied) {
                if mutable.contains(q) && valid.contains(&c.root) && mutable.insert(c.root) {
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        // Parameters that may be nil: compared with nil, given nil, or given such a parameter.
        optional = nil_compared
            .iter()
            .copied()
            .chain(nil_args.iter().filter_map(|&(f, i)| param_of(f, i)))
            .filter(|p| valid.contains(p))
            .collect();
        loop {
            let mut changed = false;
            for &(f, i, arg, _) in &edges {
                if let Some(p) = param_of(f, i) {
                    if optional.contains(&arg) && valid.contains(&p) && optional.insert(p) {
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        let mut dropped = false;
        // (A copy `q := p` of a parameter that may be nil would borrow nothing.)
        for (q, c) in borrows.iter().filter(|(_, c)| c.copied) {
            if optional.contains(&c.root) && valid.remove(q) {
                dropped = true;
            }
        }
        // A local borrow `p := &x` needs every other address of `x` lent without a cell.
        let mut lent_addrs: HashMap<ObjId, usize> = HashMap::new();
        for &(f, i, v) in &lends {
            if param_of(f, i).is_some_and(|p| valid.contains(&p)) {
                *lent_addrs.entry(v).or_default() += 1;
            }
        }
        for (p, c) in borrows.iter().filter(|(_, c)| !c.copied) {
            if valid.contains(p) {
                *lent_addrs.entry(c.root).or_default() += 1;
            }
        }
        // (A part of the method's receiver, `&s.f…`, is borrowed from `self`: no cell.)
        let receiver_root = |c: &crate::local_borrows::Candidate<'_>| {
            matches!(prog.types.under(prog.obj(c.root).ty), Type::Pointer(_))
        };
        for (p, c) in borrows.iter().filter(|(_, c)| !c.copied) {
            if valid.contains(p)
                && !receiver_root(c)
                && lent_addrs.get(&c.root) != addr_total.get(&c.root)
            {
                valid.remove(p);
                dropped = true;
            }
        }
        // Two pointer parameters to one type, one of them written: a caller that lends either
        // through a shared cell (or passes on a pointer that is not a borrow) may pass the same
        // pointer twice, which one `&mut` cannot express. Arguments lent without a cell are
        // disjoint: the borrow checker keeps them so.
        let may_alias = |f: ObjId, i: usize| {
            calls
                .iter()
                .filter(|(g, _)| *g == f)
                .any(|(_, ks)| match ks.get(i) {
                    Some(Lend::Free) => false,
                    Some(Lend::Edge(x)) => !valid.contains(x),
                    _ => true,
                })
        };
        let mut clashing: Vec<ObjId> = Vec::new();
        for (&f, (ps, _)) in &funcs {
            let live: Vec<(usize, ObjId)> = ps
                .iter()
                .enumerate()
                .filter_map(|(i, p)| p.map(|p| (i, p)))
                .filter(|(_, p)| valid.contains(p))
                .collect();
            for &(i, p) in &live {
                let clash = live.iter().any(|&(j, q)| {
                    q != p
                        && prog.obj(q).ty == prog.obj(p).ty
                        && (mutable.contains(&p) || mutable.contains(&q))
                        && (may_alias(f, i) || may_alias(f, j))
                });
                if clash {
                    clashing.push(p);
                }
            }
        }
        for p in clashing {
            if valid.remove(&p) {
                dropped = true;
            }
        }
        if !dropped {
            break;
        }
    }
    let mut out = PtrParams::default();
    for (&f, (ps, _)) in &funcs {
        let modes: Vec<Option<SliceMode>> = ps
            .iter()
            .map(|p| {
                p.filter(|p| valid.contains(p)).map(|p| {
                    if mutable.contains(&p) {
                        SliceMode::MutRef
                    } else {
                        SliceMode::Ref
                    }
                })
            })
            .collect();
        for (p, m) in ps.iter().zip(&modes) {
            if let (Some(p), Some(m)) = (p, m) {
                out.params.insert(*p, *m);
            }
        }
        if modes.iter().any(Option::is_some) {
            let opt: Vec<bool> = ps
                .iter()
                .zip(&modes)
                .map(|(p, m)| m.is_some() && p.is_some_and(|p| optional.contains(&p)))
                .collect();
            if opt.iter().any(|&o| o) {
                out.optional
                    .extend(ps.iter().flatten().filter(|p| optional.contains(p)));
                out.fn_optional.insert(f, opt);
            }
            out.fn_modes.insert(f, modes);
        }
    }
    for &o in locals.keys() {
        if valid.contains(&o) {
            out.owned
                .insert(o, mutable.contains(&o) || nulls.assigned.contains(&o));
            if let Some(&u) = moves.get(&o) {
                out.moves.insert(o, u);
            }
            if nulls.maybe_nil(o) {
                out.nullable.insert(o);
            }
        }
    }
    // Local borrows, and the addresses they take (lent: no pointer is made).
    let mut lent_count: HashMap<ObjId, usize> = HashMap::new();
    for (&p, c) in &borrows {
        if valid.contains(&p) {
            let mode = if mutable.contains(&p) {
                SliceMode::MutRef
            } else {
                SliceMode::Ref
            };
            out.params.insert(p, mode);
            if c.copied {
                out.copies.insert(p, c.root);
                continue;
            }
            if let Some(place) = c
                .alias
                .and_then(|id| crate::local_borrows::find_expr(c.body, id))
            {
                out.aliases.insert(p, place);
            }
            out.borrows.insert(p, c.root);
            out.lent_exprs.insert(c.addr);
            *lent_count.entry(c.root).or_default() += 1;
            if mode == SliceMode::MutRef {
                out.lent_mut.insert(c.root);
            }
        }
    }
    out.ctors = ctors
        .keys()
        .copied()
        .filter(|c| valid.contains(c))
        .collect();
    out.nullable_ctors = may_nil.intersection(&out.ctors).copied().collect();
    out.ctor_index = multi_ctors
        .iter()
        .filter(|(c, _)| out.ctors.contains(c))
        .map(|(&c, &k)| (c, k))
        .collect();
    for (c, rets) in &ctors {
        if out.ctors.contains(c) {
            out.returned.extend(rets.iter().filter_map(|r| match r {
                Fresh::Addr(o) => Some(*o),
                _ => None,
            }));
        }
    }
    // Locals whose every `&v` is lent to a borrowed parameter (or borrowed by a local).
    let mut bad: HashSet<ObjId> = HashSet::new();
    for &(f, i, v) in &lends {
        match out
            .fn_modes
            .get(&f)
            .and_then(|m| m.get(i).copied().flatten())
        {
            Some(m) => {
                *lent_count.entry(v).or_default() += 1;
                if m == SliceMode::MutRef {
                    out.lent_mut.insert(v);
                }
            }
            None => {
                bad.insert(v);
            }
        }
    }
    for (v, n) in lent_count {
        if !bad.contains(&v) && addr_total.get(&v) == Some(&n) {
            out.lent.insert(v);
        }
    }
    out.lent_mut.retain(|v| out.lent.contains(v));
    for &(f, i, id) in &addr_args {
        if out
            .fn_modes
            .get(&f)
            .and_then(|m| m.get(i).copied().flatten())
            .is_some()
        {
            out.lent_exprs.insert(id);
        }
    }
    out
}

/// For each function with parameters of `params` (among the eligible ones, `None` for the
/// others): which of its parameters are.
pub(crate) fn positions<'p>(
    funcs: impl Iterator<Item = (ObjId, &'p [Option<ObjId>])>,
    params: &HashSet<ObjId>,
) -> HashMap<ObjId, Vec<bool>> {
    funcs
        .filter_map(|(f, ps)| {
            let pos: Vec<bool> = ps
                .iter()
                .map(|p| p.is_some_and(|p| params.contains(&p)))
                .collect();
            pos.iter().any(|&b| b).then_some((f, pos))
        })
        .collect()
}

/// A function's parameters in order, one entry per parameter: the object of each named,
/// non-variadic, non-blank parameter that `keep` accepts, `None` for the others.
pub(crate) fn param_objs(
    info: &Info,
    sig: &FuncType,
    keep: impl Fn(ObjId) -> bool,
) -> Vec<Option<ObjId>> {
    let mut params = Vec::new();
    for g in &sig.params {
        if g.names.is_empty() {
            params.push(None);
        }
        for n in &g.names {
            params.push(
                info.defs
                    .get(&n.id)
                    .copied()
                    .filter(|&p| !g.variadic && !n.is_blank() && keep(p)),
            );
        }
    }
    params
}

/// Names of the methods of every interface type written in the package.
pub(crate) fn written_interface_method_names(files: &[&File]) -> HashSet<String> {
    struct Find(HashSet<String>);
    impl Visitor for Find {
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::InterfaceType(it) = &e.kind {
                for el in &it.elems {
                    if let InterfaceElem::Method { name, .. } = el {
                        self.0.insert(name.name.clone());
                    }
                }
            }
            true
        }
    }
    let mut f = Find(HashSet::new());
    for file in files {
        for d in &file.decls {
            visit::walk_decl(&mut f, d);
        }
    }
    f.0
}

/// Names of the methods of every interface type written in the package, and of the
/// standard-library interfaces programs implement most.
pub(crate) fn interface_method_names(files: &[&File]) -> HashSet<String> {
    let mut names = written_interface_method_names(files);
    names.extend(
        [
            "String",
            "Error",
            "Len",
            "Less",
            "Swap",
            "Push",
            "Pop",
            "Read",
            "Write",
            "Close",
            "Format",
            "GoString",
            "Unwrap",
            "Is",
            "As",
            "Scan",
            "Seek",
            "WriteTo",
            "ReadFrom",
            "MarshalJSON",
            "UnmarshalJSON",
            "MarshalText",
            "UnmarshalText",
            "ServeHTTP",
        ]
        .iter()
        .map(|s| s.to_string()),
    );
    names
}

/// `*T` where `T` is a struct, array, slice, map or basic type of this package's making (not a
/// type whose pointers are handles or projections).
fn borrowable_pointer(
    prog: &Program,
    pkg: Option<PkgId>,
    t: TypeId,
    projected: &HashSet<TypeId>,
) -> bool {
    let Type::Pointer(e) = prog.types.get(t) else {
        return false;
    };
    // An instantiation of a generic struct type is one struct per type arguments (`List[T]`
    // inside generic code is the instantiation for the code's own type arguments); a bare type
    // parameter may be anything.
    let generic_instance = matches!(prog.types.get(*e), Type::Named(n) if !n.type_args.is_empty());
    if projected.contains(e)
        || projected.contains(&crate::links::canon(prog, *e))
        || crate::concurrency::sync_handle(prog, *e).is_some()
        || crate::stdlib::std_handle(prog, t).is_some()
        || (!generic_instance && crate::decl::mentions_type_param(prog, *e, 0))
    {
        return false;
    }
    if let Type::Named(n) = prog.types.get(*e) {
        // (Of the standard library's struct types, those goxide gives a plain Rust value:
        // `MemStats`, and `strings.Builder`/`bytes.Buffer` as `String`/`Vec<u8>`.)
        let std_name = prog
            .obj(n.obj)
            .pkg
            .map(|p| (prog.pkg(p).path.as_str(), prog.obj(n.obj).name.as_str()));
        let plain_std = matches!(
            std_name,
            Some(("runtime", "MemStats") | ("strings", "Builder") | ("bytes", "Buffer"))
        );
        if prog.obj(n.obj).pkg != pkg && !plain_std {
            return false;
        }
    }
    matches!(
        prog.types.under(*e),
        Type::Struct(_) | Type::Array(..) | Type::Slice(_) | Type::Map(..) | Type::Basic(_)
    ) && !matches!(prog.types.under(*e), Type::Basic(k) if k.is_untyped())
}

/// `*T` for an owned local: a struct or array (whose methods take `&self`/`&mut self`), or an
/// unnamed basic type.
fn owned_pointee(
    prog: &Program,
    pkg: Option<PkgId>,
    t: TypeId,
    projected: &HashSet<TypeId>,
) -> bool {
    let Type::Pointer(e) = prog.types.get(t) else {
        return false;
    };
    borrowable_pointer(prog, pkg, t, projected)
        && (matches!(
            prog.types.under(*e),
            Type::Struct(_) | Type::Array(..) | Type::Slice(_)
        ) || matches!(prog.types.get(*e), Type::Basic(_)))
}

/// The bodies of the function literals in `e`, through composite literals, calls and
/// parentheses (not nested in other literals' bodies).
fn literal_bodies<'a>(e: &'a Expr, out: &mut Vec<&'a Block>) {
    match &e.kind {
        ExprKind::FuncLit { body, .. } => out.push(body),
        ExprKind::Paren(x) => literal_bodies(x, out),
        ExprKind::CompositeLit { elems, .. } => {
            for el in elems {
                literal_bodies(&el.value, out);
            }
        }
        ExprKind::Call { func, args, .. } => {
            literal_bodies(func, out);
            for a in args {
                literal_bodies(a, out);
            }
        }
        _ => {}
    }
}

/// `func() *T { return new(T) }()`: a function literal called at once whose one statement
/// returns a fresh pointer; that pointer expression.
fn immediate_fresh(v: &Expr) -> Option<&Expr> {
    let ExprKind::Call { func, args, .. } = &strip_parens(v).kind else {
        return None;
    };
    let ExprKind::FuncLit { body, .. } = &strip_parens(func).kind else {
        return None;
    };
    match (args.as_slice(), body.stmts.as_slice()) {
        (
            [],
            [Stmt {
                kind: StmtKind::Return(vals),
                ..
            }],
        ) => match vals.as_slice() {
            [r] => Some(r),
            _ => None,
        },
        _ => None,
    }
}

/// What a constructor candidate returns.
#[derive(Clone, Copy, Debug)]
enum Fresh {
    /// `&T{…}` or `new(T)`.
    New,
    /// A local pointer (owned if the analysis proves it).
    Local(ObjId),
    /// Another constructor candidate's result.
    Ctor(ObjId),
    /// `&x` of one of the function's own variables (or parameters), which dies at the return:
    /// fresh when no other `&x…` exists and no closure captures `x`.
    Addr(ObjId),
    /// `nil`: the constructor may return nothing (`Option<T>`).
    Nil,
    /// Anything else.
    No,
}

fn fresh(info: &Info, prog: &Program, v: &Expr) -> Fresh {
    let v = strip_parens(v);
    match &v.kind {
        ExprKind::Unary {
            op: UnaryOp::Addr,
            x,
        } if matches!(strip_parens(x).kind, ExprKind::CompositeLit { .. }) => Fresh::New,
        ExprKind::Unary {
            op: UnaryOp::Addr,
            x,
        } => match info.uses.get(&strip_parens(x).id) {
            Some(&o)
                if matches!(strip_parens(x).kind, ExprKind::Ident(_))
                    && matches!(prog.obj(o).kind, ObjKind::Var { global: false, .. }) =>
            {
                Fresh::Addr(o)
            }
            _ => Fresh::No,
        },
        ExprKind::Call { func, args, .. } => match info.uses.get(&strip_parens(func).id) {
            Some(&f)
                if matches!(
                    prog.obj(f).kind,
                    ObjKind::Builtin(goxide_types::Builtin::New)
                ) =>
            {
                if args.len() == 1 {
                    Fresh::New
                } else {
                    Fresh::No
                }
            }
            Some(&f) if matches!(prog.obj(f).kind, ObjKind::Func { .. }) => Fresh::Ctor(f),
            _ => Fresh::No,
        },
        ExprKind::Ident(_) => match info.uses.get(&v.id) {
            Some(&o)
                if matches!(
                    prog.obj(o).kind,
                    ObjKind::Var {
                        global: false,
                        param: false
                    }
                ) =>
            {
                Fresh::Local(o)
            }
            Some(&o) if matches!(prog.obj(o).kind, ObjKind::Nil) => Fresh::Nil,
            _ => Fresh::No,
        },
        _ => Fresh::No,
    }
}

/// The values of a function's `return` statements (not those of nested function literals).
struct Returns<'a> {
    values: Vec<&'a Expr>,
    /// The position of the pointer among the function's `arity` results.
    index: usize,
    arity: usize,
    ok: bool,
}

impl<'a> Returns<'a> {
    fn visit_block(&mut self, b: &'a Block) {
        for s in &b.stmts {
            self.visit_stmt(s);
        }
    }

    fn visit_stmt(&mut self, s: &'a Stmt) {
        match &s.kind {
            StmtKind::Return(vals) => match vals.get(self.index) {
                Some(v) if vals.len() == self.arity => self.values.push(v),
                _ => self.ok = false,
            },
            StmtKind::Labeled { stmt, .. } => self.visit_stmt(stmt),
            StmtKind::Block(b) => self.visit_block(b),
            StmtKind::If { then, els, .. } => {
                self.visit_block(then);
                if let Some(e) = els {
                    self.visit_stmt(e);
                }
            }
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => self.visit_block(body),
            StmtKind::Switch { clauses, .. } => {
                for c in clauses {
                    for s in &c.body {
                        self.visit_stmt(s);
                    }
                }
            }
            StmtKind::TypeSwitch { clauses, .. } => {
                for c in clauses {
                    for s in &c.body {
                        self.visit_stmt(s);
                    }
                }
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    for s in &c.body {
                        self.visit_stmt(s);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Local pointer variables declared alone from `&T{…}` or `new(T)`.
struct Decls<'a> {
    prog: &'a Program,
    info: &'a Info,
    ctors: &'a HashMap<ObjId, Vec<Fresh>>,
    multi_ctors: &'a HashMap<ObjId, usize>,
    found: Vec<ObjId>,
    /// Locals made by a constructor call, with the constructor.
    from_ctor: Vec<(ObjId, ObjId)>,
}

impl Decls<'_> {
    /// `p, err := f()` of a constructor with several results (names `ids`).
    fn declare_multi(&mut self, ids: &[NodeId], value: &Expr) {
        let ExprKind::Call { func, .. } = &strip_parens(value).kind else {
            return;
        };
        let Some(&c) = self.info.uses.get(&strip_parens(func).id) else {
            return;
        };
        let Some(&k) = self.multi_ctors.get(&c) else {
            return;
        };
        if let Some(&o) = ids.get(k).and_then(|id| self.info.defs.get(id)) {
            self.found.push(o);
            self.from_ctor.push((o, c));
        }
    }

    fn declare(&mut self, id: NodeId, value: &Expr) {
        let Some(&o) = self.info.defs.get(&id) else {
            return;
        };
        let value = strip_parens(immediate_fresh(value).unwrap_or(value));
        if let ExprKind::Call { func, .. } = &value.kind {
            if let Some(&c) = self.info.uses.get(&strip_parens(func).id) {
                if self.ctors.contains_key(&c) {
                    self.found.push(o);
                    self.from_ctor.push((o, c));
                    return;
                }
            }
        }
        let made = match &value.kind {
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => matches!(strip_parens(x).kind, ExprKind::CompositeLit { .. }),
            ExprKind::Call { func, args, .. } => {
                args.len() == 1
                    && self
                        .info
                        .uses
                        .get(&strip_parens(func).id)
                        .is_some_and(|&f| {
                            matches!(
                                self.prog.obj(f).kind,
                                ObjKind::Builtin(goxide_types::Builtin::New)
                            )
                        })
            }
            _ => false,
        };
        if made {
            self.found.push(o);
        }
    }
}

impl Visitor for Decls<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                rhs,
            } if lhs.len() == 1 && rhs.len() == 1 => self.declare(lhs[0].id, &rhs[0]),
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                rhs,
            } if rhs.len() == 1 => {
                let ids: Vec<NodeId> = lhs.iter().map(|l| l.id).collect();
                self.declare_multi(&ids, &rhs[0]);
            }
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for spec in specs {
                    if spec.names.len() == 1 && spec.values.len() == 1 {
                        self.declare(spec.names[0].id, &spec.values[0]);
                    } else if spec.values.len() == 1 {
                        let ids: Vec<NodeId> = spec.names.iter().map(|n| n.id).collect();
                        self.declare_multi(&ids, &spec.values[0]);
                    }
                }
            }
            _ => {}
        }
        true
    }
}

/// Counts every use of each candidate parameter (and function) and its uses in the forms a
/// borrow keeps.
struct Uses<'a, 'b> {
    prog: &'a Program,
    info: &'a Info,
    funcs: &'b HashMap<ObjId, (Vec<Option<ObjId>>, &'b Block)>,
    locals: &'b HashMap<ObjId, &'b Block>,
    ctors: &'b HashMap<ObjId, Vec<Fresh>>,
    multi_ctors: &'b HashMap<ObjId, usize>,
    /// Calls of constructors with several results that are the one value of an assignment
    /// binding each result (`p, err := f()`): the only calls such a constructor allows.
    multi_calls: HashSet<NodeId>,
    total: HashMap<ObjId, usize>,
    allowed: HashMap<ObjId, usize>,
    /// The identifiers `allow` counted.
    allowed_ids: HashSet<NodeId>,
    /// Every use of each candidate local.
    use_ids: HashMap<ObjId, Vec<NodeId>>,
    /// `(f, i, p)`: parameter `p` passed as argument `i` of a call of `f`.
    /// (With the argument, when it is the identifier `p`.)
    edges: Vec<(ObjId, usize, ObjId, Option<NodeId>)>,
    /// `&v` occurrences per local variable.
    addr_total: HashMap<ObjId, usize>,
    /// `(f, i, v)`: `&v` passed as argument `i` of a call of `f`, with no other argument of the
    /// call naming `v`.
    lends: Vec<(ObjId, usize, ObjId)>,
    /// `(f, i, id)`: the address `&x…` (node `id`) passed as argument `i` of a call of `f`.
    addr_args: Vec<(ObjId, usize, NodeId)>,
    /// Those addresses (their root is accounted for by an edge or a lend).
    lent_addr: HashSet<NodeId>,
    /// Variables that closures capture.
    captured: &'a HashSet<ObjId>,
    write_only: &'a HashSet<ObjId>,
    ptr_value_methods: &'a HashSet<ObjId>,
    /// `(f, i)`: argument `i` of a call of `f` is a pointer that only a shared cell (or lock)
    /// could lend.
    locked: Vec<(ObjId, usize)>,
    /// The same for method calls, whose arguments are lent only without a cell.
    locked_always: Vec<(ObjId, usize)>,
    /// Depth of `go`/`defer` statements being walked (their calls run later).
    deferred: usize,
    /// Every direct call of a candidate, with how each argument is lent.
    calls: Vec<(ObjId, Vec<Lend>)>,
    /// Candidate parameters (see `funcs`).
    params: HashSet<ObjId>,
    /// Parameters compared with nil (`p == nil`, `p != nil`).
    nil_compared: HashSet<ObjId>,
    /// `(f, i)`: a call of `f` passes nil as argument `i`.
    nil_args: Vec<(ObjId, usize)>,
}

/// How a call lends one argument.
#[derive(Clone, Copy)]
enum Lend {
    /// Without a cell, from storage no other argument names (a local, `&x…` of its own root).
    Free,
    /// A pointer the caller holds in `p`: without a cell while `p` is itself borrowed or owned.
    Edge(ObjId),
    /// Through a shared cell, which another argument may share.
    Cell,
}

impl Uses<'_, '_> {
    fn obj(&self, e: &Expr) -> Option<ObjId> {
        let e = strip_parens(e);
        match e.kind {
            ExprKind::Ident(_) => self.info.uses.get(&e.id).copied(),
            _ => None,
        }
    }

    fn allow(&mut self, e: &Expr) {
        if let Some(o) = self.obj(e) {
            *self.allowed.entry(o).or_default() += 1;
            self.allowed_ids.insert(strip_parens(e).id);
        }
    }

    /// The variable whose storage `&x` points into (not through a pointer), as the main
    /// analysis counts address-taken variables.
    fn addr_root(&self, x: &Expr) -> Option<ObjId> {
        match &x.kind {
            ExprKind::Ident(_) => self.info.uses.get(&x.id).copied(),
            ExprKind::Paren(y) => self.addr_root(y),
            ExprKind::Selector { x: y, .. } => {
                let through_ptr = self
                    .info
                    .type_of(y.id)
                    .is_some_and(|t| matches!(self.prog.types.under(t), Type::Pointer(_)));
                (!through_ptr).then(|| self.addr_root(y)).flatten()
            }
            ExprKind::Index { x: y, .. } => {
                let t = self.info.type_of(y.id)?;
                matches!(self.prog.types.under(t), Type::Array(..) | Type::Slice(_))
                    .then(|| self.addr_root(y))
                    .flatten()
            }
            _ => None,
        }
    }

    /// A function's own variable: a local, or a parameter (the function's copy).
    fn local_var(&self, o: ObjId) -> bool {
        matches!(self.prog.obj(o).kind, ObjKind::Var { global: false, .. })
    }

    /// Whether `f` names a standard-library function that uses its first (pointer) argument
    /// only while it runs (a borrow can stand for the pointer).
    fn lending_std_call(&self, f: &Expr) -> bool {
        let ExprKind::Selector { x, sel } = &f.kind else {
            return false;
        };
        let Some(ObjKind::PkgName(p)) = self.obj(x).map(|o| &self.prog.obj(o).kind) else {
            return false;
        };
        matches!(
            (self.prog.pkg(*p).path.as_str(), sel.name.as_str()),
            ("runtime", "KeepAlive" | "ReadMemStats")
                | ("unsafe", "Sizeof" | "Alignof")
                | ("container/heap", "Init" | "Push" | "Pop" | "Fix" | "Remove")
                | ("fmt", "Fprint" | "Fprintf" | "Fprintln")
        )
    }

    /// Whether `x` is a pointer to an array (which `p[i]`, `len(p)` and `range p` reach
    /// through as they would through the array).
    fn array_ptr(&self, x: &Expr) -> bool {
        self.info.type_of(x.id).is_some_and(|t| {
            matches!(self.prog.types.under(t), Type::Pointer(e)
                if matches!(self.prog.types.under(*e), Type::Array(..)))
        })
    }
}

impl Uses<'_, '_> {
    /// Whether `e` is a value of a basic type (a number, boolean or string), which holds no
    /// borrow of what it was read from.
    fn basic_value(&self, e: &Expr) -> bool {
        self.info
            .type_of(e.id)
            .is_some_and(|t| matches!(self.prog.types.under(t), Type::Basic(k) if !k.is_untyped()))
    }

    /// Whether a direct call of `f` can lend its arguments: it runs now (not in `go`/`defer`),
    /// and it is not `f(g())` with a multi-value `g`. (A `nil` argument makes its parameter an
    /// optional borrow.)
    fn lendable_call(&self, f: ObjId, args: &[Expr]) -> bool {
        let arity = self.funcs.get(&f).map_or(0, |(ps, _)| ps.len());
        let variadic = matches!(self.prog.types.under(self.prog.obj(f).ty),
            Type::Func(sig) if sig.variadic);
        // (A variadic function takes any number of arguments after its fixed ones, but not
        // the results of a multi-value call.)
        let spread = args.len() == 1
            && self
                .info
                .type_of(args[0].id)
                .is_none_or(|t| matches!(self.prog.types.get(t), Type::Tuple(_)));
        let count = if variadic {
            args.len() + 1 >= arity && !(spread && arity > 1)
        } else {
            args.len() == arity
        };
        self.deferred == 0 && count
    }

    /// Whether `e` is the untyped `nil`.
    fn is_nil(&self, e: &Expr) -> bool {
        self.obj(e)
            .is_some_and(|o| matches!(self.prog.obj(o).kind, ObjKind::Nil))
    }

    /// The arguments of a direct call of `f` (a method when `recv` is its receiver): edges
    /// for pointers passed on, lends for addresses, and positions only a cell could lend
    /// (`always`: such positions are never borrowed, as for methods; else only with goroutines).
    fn lend_args(&mut self, f: ObjId, args: &[Expr], recv: Option<&Expr>, always: bool) {
        let mut kinds = Vec::new();
        for (i, a) in args.iter().enumerate() {
            if self.is_nil(a) {
                // Nothing to lend: the parameter may be nil.
                self.nil_args.push((f, i));
                kinds.push(Lend::Free);
                continue;
            }
            let mut lock_free = false;
            let mut edge = None;
            if let Some(p) = self.obj(a) {
                // (An argument before it that reads a number, boolean or string through it is
                // a value by the time the borrow is lent: `f(n - p.count, p)`.)
                let alone = args.iter().enumerate().all(|(j, other)| {
                    j == i
                        || !crate::subslice::mentions(self.info, other, p)
                        || (j < i && self.basic_value(other))
                }) && !recv.is_some_and(|r| crate::subslice::mentions(self.info, r, p));
                let candidate = matches!(self.prog.obj(p).kind, ObjKind::Var { param: true, .. })
                    || self.locals.contains_key(&p);
                if candidate && alone {
                    self.edges.push((f, i, p, Some(strip_parens(a).id)));
                    self.allow(a);
                    lock_free = true;
                    edge = Some(p);
                }
            }
            let a = strip_parens(a);
            if let ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } = &a.kind
            {
                let root_in_recv = crate::stmt::root_ident(strip_parens(x))
                    .and_then(|r| self.obj(r))
                    .is_some_and(|o| {
                        recv.is_some_and(|r| crate::subslice::mentions(self.info, r, o))
                    });
                lock_free = !root_in_recv && self.address_arg(f, i, a.id, x, args);
                // `&p.f` through a pointer the caller holds: free while `p` is a borrow.
                if lock_free {
                    edge = crate::stmt::root_ident(strip_parens(x))
                        .and_then(|r| self.obj(r))
                        .filter(|_| self.addr_root(x).is_none())
                        .or(edge);
                }
            }
            kinds.push(match (lock_free, edge) {
                (true, Some(p)) => Lend::Edge(p),
                (true, None) => Lend::Free,
                (false, _) => Lend::Cell,
            });
            if !lock_free {
                if always {
                    self.locked_always.push((f, i));
                } else {
                    self.locked.push((f, i));
                }
            }
        }
        self.calls.push((f, kinds));
    }

    /// `&x…` passed as argument `i` of `f`: lent if that parameter is borrowed and nothing
    /// else in the call names its root.
    /// Returns whether the address is lent without a cell (or lock) in between.
    fn address_arg(&mut self, f: ObjId, i: usize, id: NodeId, x: &Expr, args: &[Expr]) -> bool {
        let x = strip_parens(x);
        if matches!(x.kind, ExprKind::CompositeLit { .. }) {
            return true;
        }
        let Some(root) = crate::stmt::root_ident(x).and_then(|r| self.obj(r)) else {
            return false;
        };
        let alone = args
            .iter()
            .enumerate()
            .all(|(j, other)| j == i || !crate::subslice::mentions(self.info, other, root));
        let global = matches!(self.prog.obj(root).kind, ObjKind::Var { global: true, .. });
        if !alone || global {
            return false;
        }
        let lock_free = match self.addr_root(x) {
            Some(v) if self.local_var(v) => {
                self.lends.push((f, i, v));
                !self.captured.contains(&v)
            }
            Some(_) => return false,
            None => {
                // Through a pointer: `&p.f` lends part of `*p`.
                let candidate =
                    matches!(self.prog.obj(root).kind, ObjKind::Var { param: true, .. })
                        || self.locals.contains_key(&root);
                if candidate {
                    self.edges.push((f, i, root, None));
                }
                candidate
            }
        };
        self.addr_args.push((f, i, id));
        self.lent_addr.insert(id);
        lock_free
    }
}

impl Uses<'_, '_> {
    /// `v` bound to `n` names at once: a call of a constructor with `n` results.
    fn multi_call(&mut self, v: &Expr, n: usize) {
        let v = strip_parens(v);
        let ExprKind::Call { func, .. } = &v.kind else {
            return;
        };
        let arity = self
            .obj(func)
            .and_then(|f| match self.prog.types.under(self.prog.obj(f).ty) {
                Type::Func(sig) if self.multi_ctors.contains_key(&f) => Some(sig.results.len()),
                _ => None,
            });
        if arity == Some(n) {
            self.multi_calls.insert(v.id);
        }
    }
}

impl Visitor for Uses<'_, '_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            // `_ = p` (or `sink = p` for a package variable nothing reads) evaluates `p` and
            // drops the copy.
            StmtKind::Assign { lhs, rhs, op }
                if lhs.len() == 1
                    && rhs.len() == 1
                    && (matches!(&lhs[0].kind, ExprKind::Ident(n) if n == "_")
                        || *op == AssignOp::Assign
                            && self
                                .obj(&lhs[0])
                                .is_some_and(|o| self.write_only.contains(&o))) =>
            {
                self.allow(&rhs[0]);
            }
            StmtKind::Range { x, .. } if self.array_ptr(x) => self.allow(x),
            // `_, _ = p, q`: each value is evaluated and dropped, as with `_ = p`.
            StmtKind::Assign { lhs, rhs, .. } if lhs.len() == rhs.len() => {
                for (l, r) in lhs.iter().zip(rhs) {
                    if matches!(&l.kind, ExprKind::Ident(n) if n == "_") {
                        self.allow(r);
                    }
                }
            }
            StmtKind::Assign { lhs, rhs, .. } if lhs.len() > 1 && rhs.len() == 1 => {
                self.multi_call(&rhs[0], lhs.len());
            }
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for spec in specs {
                    if let ([v], true) = (spec.values.as_slice(), spec.names.len() > 1) {
                        self.multi_call(v, spec.names.len());
                    }
                }
            }
            _ => {}
        }
        if let StmtKind::Go(c) | StmtKind::Defer(c) = &s.kind {
            // The call runs later: nothing in it is lent (the body of a function literal it
            // calls is ordinary code).
            if let ExprKind::Call { func, args, .. } = &c.kind {
                if matches!(strip_parens(func).kind, ExprKind::FuncLit { .. }) {
                    visit::walk_expr(self, func);
                    self.deferred += 1;
                    for a in args {
                        visit::walk_expr(self, a);
                    }
                    self.deferred -= 1;
                    return false;
                }
            }
            self.deferred += 1;
            visit::walk_expr(self, c);
            self.deferred -= 1;
            return false;
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    *self.total.entry(o).or_default() += 1;
                    if self.locals.contains_key(&o) {
                        self.use_ids.entry(o).or_default().push(e.id);
                    }
                }
            }
            // `p.f` (a method `p.M` is allowed where it is called: see below).
            ExprKind::Selector { x, .. } => {
                match self.info.selections.get(&e.id) {
                    Some(s) if s.kind == SelectionKind::FieldVal => self.allow(x),
                    Some(s) if self.funcs.contains_key(&s.obj) => {
                        // A method with borrowed parameters: only direct calls are allowed.
                        *self.total.entry(s.obj).or_default() += 1;
                    }
                    _ => {}
                }
            }
            ExprKind::Star(x) => self.allow(x),
            // `p == nil` of a parameter: an optional borrow, `p.is_none()`.
            ExprKind::Binary {
                op: BinaryOp::Eq | BinaryOp::Ne,
                x,
                y,
            } if self.is_nil(x) || self.is_nil(y) => {
                let p = if self.is_nil(x) { y } else { x };
                if let Some(o) = self.obj(p).filter(|o| self.params.contains(o)) {
                    self.nil_compared.insert(o);
                    self.allow(p);
                }
            }
            ExprKind::Index { x, .. } if self.array_ptr(x) => self.allow(x),
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => {
                if let Some(o) = self.addr_root(x).filter(|&o| self.local_var(o)) {
                    *self.addr_total.entry(o).or_default() += 1;
                }
                // `&p.f` projects into the pointee: `p` must stay a pointer (unless the address
                // is lent, which an edge accounts for).
                if !self.lent_addr.contains(&e.id) {
                    if let Some(r) = crate::stmt::root_ident(x).and_then(|r| self.obj(r)) {
                        *self.total.entry(r).or_default() += 1;
                    }
                }
            }
            ExprKind::Call { func, args, .. } => {
                let mut callee = strip_parens(func);
                // `f[T](…)`: a direct call of the generic function `f` (not one a constructor
                // allows: its call is translated as any generic call).
                let mut explicit = false;
                if let ExprKind::Index { x, .. } = &callee.kind {
                    if self
                        .obj(x)
                        .is_some_and(|f| self.prog.func_type_params.contains_key(&f))
                    {
                        callee = strip_parens(x);
                        explicit = true;
                    }
                }
                // `len(p)` of a pointer to an array is a constant.
                if let ([x], Some(b)) = (args.as_slice(), self.obj(callee)) {
                    if matches!(
                        self.prog.obj(b).kind,
                        ObjKind::Builtin(goxide_types::Builtin::Len | goxide_types::Builtin::Cap)
                    ) && self.array_ptr(x)
                    {
                        self.allow(x);
                    }
                }
                // `runtime.KeepAlive(p)`, `runtime.ReadMemStats(p)`, `unsafe.Sizeof(p)`,
                // `heap.Push(h, x)`: the call only uses (or fills) the pointee while it runs.
                if let Some(x) = args.first() {
                    if self.lending_std_call(callee) {
                        self.allow(x);
                    }
                }
                if let ExprKind::Selector { x, .. } = &callee.kind {
                    // (A method that takes its receiver as a pointer value keeps the pointer.)
                    if self.info.selections.get(&callee.id).is_some_and(|s| {
                        s.kind == SelectionKind::MethodVal
                            && !self.ptr_value_methods.contains(&s.obj)
                    }) && self.deferred == 0
                    {
                        self.allow(x);
                    }
                }
                if self.deferred == 0
                    && !explicit
                    && self
                        .obj(callee)
                        .is_some_and(|f| self.ctors.contains_key(&f))
                    && !self
                        .obj(callee)
                        .is_some_and(|f| self.funcs.contains_key(&f))
                    && (self.multi_calls.contains(&e.id)
                        || !self
                            .obj(callee)
                            .is_some_and(|f| self.multi_ctors.contains_key(&f)))
                {
                    self.allow(callee);
                }
                // A method call: its arguments are lent like a function's, but only in forms
                // that need no cell, and none naming what the receiver names.
                if let ExprKind::Selector { x: recv, .. } = &callee.kind {
                    let m = self
                        .info
                        .selections
                        .get(&callee.id)
                        .filter(|s| s.kind == SelectionKind::MethodVal)
                        .map(|s| s.obj)
                        .filter(|m| self.funcs.contains_key(m));
                    if let Some(m) = m {
                        if self.lendable_call(m, args) {
                            *self.allowed.entry(m).or_default() += 1;
                            self.lend_args(m, args, Some(recv), true);
                        }
                    }
                }
                let f = self.obj(callee).filter(|f| self.funcs.contains_key(f));
                if let Some(f) = f {
                    if self.lendable_call(f, args) {
                        self.allow(callee);
                        self.lend_args(f, args, None, false);
                    }
                }
            }
            _ => {}
        }
        true
    }
}

impl crate::ctx::Ctx<'_> {
    /// The value a fresh pointer expression makes: `&T{…}` → `T { … }`, `new(T)` → `T`'s zero
    /// value, an owned local → the local, a constructor call → the call's value.
    /// Whether `v` calls a constructor (see [`PtrParams::ctors`]).
    pub fn is_ctor_call(&self, v: &Expr) -> bool {
        self.ctor_of_call(v).is_some()
    }

    /// Whether `v` calls a constructor that may return nil (it returns `Option<T>`).
    pub fn is_nullable_ctor_call(&self, v: &Expr) -> bool {
        self.ctor_of_call(v)
            .is_some_and(|f| self.analysis.ptr_params.nullable_ctors.contains(&f))
    }

    /// `-> T` / `-> Option<T>` / `-> (T, E)` for the results of the constructor being
    /// translated: its pointer result is the value it points to.
    pub fn ctor_results_type(&mut self, results: &[TypeId]) -> Option<syn::ReturnType> {
        let k = self.func.ctor_index;
        let mut tys: Vec<syn::Type> = Vec::new();
        for (i, &t) in results.iter().enumerate() {
            let ty = if i == k {
                let Type::Pointer(pointee) = self.under(t).clone() else {
                    return None;
                };
                let v = self.rust_type(pointee)?;
                if self.func.nullable_ctor {
                    syn::parse_quote!(Option<#v>)
                } else {
                    v
                }
            } else {
                self.rust_type(t)?
            };
            tys.push(ty);
        }
        Some(match tys.as_slice() {
            [t] => syn::parse_quote!(-> #t),
            _ => syn::parse_quote!(-> (#(#tys),*)),
        })
    }

    /// `p, err := f()` of a constructor with several results (`value`, the call): when `p` does
    /// not own the value (it is a shared pointer, or a field or element), the pointer is made
    /// here: `{ let (t0, t1) = f(); (Some(Rc::new(RefCell::new(t0))), t1) }`.
    pub fn ctor_results_kept(&mut self, lhs: &[Expr], r: &Expr, value: syn::Expr) -> syn::Expr {
        let Some((k, _)) = self.ctor_kept(lhs, r) else {
            return value;
        };
        let temps: Vec<syn::Ident> = (0..lhs.len())
            .map(|i| quote::format_ident!("t{i}"))
            .collect();
        let tk = &temps[k];
        let cell = self.ctor_kept_value(lhs, r, syn::parse_quote!(#tk));
        let vals: Vec<syn::Expr> = temps
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if i == k {
                    cell.clone()
                } else {
                    syn::parse_quote!(#t)
                }
            })
            .collect();
        syn::parse_quote!({
            let (#(#temps),*) = #value;
            (#(#vals),*)
        })
    }

    /// A constructor's call `r` whose pointer result (index `k`) goes to a variable that keeps
    /// it as a pointer (not an owned one): `Some((k, constructor))`.
    pub fn ctor_kept(&self, lhs: &[Expr], r: &Expr) -> Option<(usize, ObjId)> {
        let f = self.ctor_of_call(r)?;
        let &k = self.analysis.ptr_params.ctor_index.get(&f)?;
        let l = lhs.get(k).map(strip_parens)?;
        let owned = match &l.kind {
            ExprKind::Ident(n) if n == "_" => true,
            ExprKind::Ident(_) => self
                .info
                .defs
                .get(&l.id)
                .or_else(|| self.info.uses.get(&l.id))
                .is_some_and(|o| self.analysis.ptr_params.owned.contains_key(o)),
            _ => false,
        };
        (!owned).then_some((k, f))
    }

    /// The pointer a kept constructor result `v` (see `ctor_kept`) becomes: its cell.
    pub fn ctor_kept_value(&mut self, lhs: &[Expr], r: &Expr, v: syn::Expr) -> syn::Expr {
        let Some((k, f)) = self.ctor_kept(lhs, r) else {
            return v;
        };
        let t = self.obj(f).ty;
        let elem = match self.under(t) {
            Type::Func(sig) => sig.results.get(k).and_then(|&t| match self.under(t) {
                Type::Pointer(e) => Some(*e),
                _ => None,
            }),
            _ => None,
        };
        if self.analysis.ptr_params.nullable_ctors.contains(&f) {
            self.ptr_map(v, elem)
        } else {
            self.ptr_new_of(v, elem)
        }
    }

    /// The pointer to the value an `Option<T>` holds, if it holds one:
    /// `v.map(|v| Rc::new(RefCell::new(v)))`.
    pub fn ptr_map(&mut self, v: syn::Expr, elem: Option<TypeId>) -> syn::Expr {
        let cell = self.ptr_new_of(syn::parse_quote!(v), elem);
        let v = crate::expr::as_base(v);
        if let syn::Expr::Call(c) = &cell {
            if matches!(&*c.func, syn::Expr::Path(f) if f.path.is_ident("Some"))
                && c.args.len() == 1
            {
                let inner = &c.args[0];
                return syn::parse_quote!(#v.map(|v| #inner));
            }
        }
        syn::parse_quote!(#v.and_then(|v| #cell))
    }

    /// The constructor `v` calls, if it calls one.
    pub fn ctor_of_call(&self, v: &Expr) -> Option<ObjId> {
        match &strip_parens(v).kind {
            ExprKind::Call { func, .. } => self
                .obj_of(strip_parens(func))
                .filter(|f| self.analysis.ptr_params.ctors.contains(f)),
            _ => None,
        }
    }

    /// The `Option<T>` a fresh pointer expression (or `nil`) makes for a nullable owned
    /// pointer: `None`, a nullable constructor's call as it is, `Some(value)` otherwise.
    pub fn ctor_some_value(&mut self, v: &Expr) -> Option<syn::Expr> {
        if self.is_untyped_nil(v) {
            return Some(syn::parse_quote!(None));
        }
        if self.is_nullable_ctor_call(v) {
            self.raw_ctor_call = true;
            let call = self.call(strip_parens(v));
            self.raw_ctor_call = false;
            return Some(call);
        }
        let x = self.ctor_value(v)?;
        Some(syn::parse_quote!(Some(#x)))
    }

    pub fn ctor_value(&mut self, v: &Expr) -> Option<syn::Expr> {
        let v = strip_parens(v);
        if self.is_nullable_ctor_call(v) {
            // (It returns an `Option<T>`: see `ctor_some_value`.)
            return None;
        }
        if let Some(r) = immediate_fresh(v) {
            return self.ctor_value(r);
        }
        let Type::Pointer(pointee) = self.under(self.type_of(v)?).clone() else {
            return None;
        };
        match &v.kind {
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => Some(self.value_as(x, pointee)),
            ExprKind::Ident(_) if self.is_owned_ptr(v) => Some(self.ref_ptr(v)),
            ExprKind::Call { func, .. } => {
                let f = self.obj_of(strip_parens(func))?;
                if self.analysis.ptr_params.ctors.contains(&f) {
                    self.raw_ctor_call = true;
                    let call = self.call(v);
                    self.raw_ctor_call = false;
                    Some(call)
                } else if matches!(self.obj(f).kind, ObjKind::Builtin(_)) {
                    self.zero_value(pointee)
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// The last use of an owned local that hands it over (see `moves`): the value moved into
    /// a new pointer, `Some(Rc::new(RefCell::new(p)))`.
    pub fn moved_into_pointer(&mut self, e: &Expr) -> Option<syn::Expr> {
        let e = strip_parens(e);
        if !matches!(e.kind, ExprKind::Ident(_)) {
            return None;
        }
        let o = self.obj_of(e)?;
        if self.analysis.ptr_params.moves.get(&o) != Some(&e.id) {
            return None;
        }
        let Type::Pointer(pointee) = self.under(self.obj(o).ty).clone() else {
            return None;
        };
        let id = self.var_name(o);
        if self.is_frozen(pointee) {
            return Some(syn::parse_quote!(Some(#id)));
        }
        let what = format!(
            "the value built in `{}` moves here, at its last use, into a pointer that",
            self.obj(o).name
        );
        Some(self.ptr_new_marked(syn::parse_quote!(#id), &what))
    }

    /// `p := &T{…}` / `p := new(T)` for a local pointer that owns its value:
    /// `let mut p = T { … };`.
    pub fn owned_ptr_decl(&mut self, obj: ObjId, name: &Ident, value: &Expr) -> Option<syn::Stmt> {
        let &writes = self.analysis.ptr_params.owned.get(&obj)?;
        let Type::Pointer(pointee) = self.under(self.obj(obj).ty).clone() else {
            return None;
        };
        let value = strip_parens(value);
        let init = self.ctor_value(value)?;
        let ty = self.rust_type(pointee)?;
        let id = self.bind_local(obj, &name.name);
        // (A constructor call says its type; a zero value made by a call may not.)
        let ctor_call = self.is_ctor_call(value);
        let says_type = match &init {
            syn::Expr::Struct(_) => true,
            // `T::default()`
            syn::Expr::Call(c) => matches!(&*c.func, syn::Expr::Path(p)
                if p.path.segments.len() >= 2
                    && p.path.segments.last().is_some_and(|s| s.ident == "default")),
            _ => false,
        };
        let annotate = !says_type && !ctor_call;
        Some(match (writes, annotate) {
            (true, true) => syn::parse_quote!(let mut #id: #ty = #init;),
            (true, false) => syn::parse_quote!(let mut #id = #init;),
            (false, true) => syn::parse_quote!(let #id: #ty = #init;),
            (false, false) => syn::parse_quote!(let #id = #init;),
        })
    }
}
