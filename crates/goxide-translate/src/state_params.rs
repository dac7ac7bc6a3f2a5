//! Package state lent to the functions that use it. A Go program often keeps a slice or map at
//! package level that `main` and a few helpers it calls read and change:
//!
//! ```go
//! var log []string
//!
//! func record(s string) { log = append(log, s) }
//!
//! func main() {
//!     record("a")
//!     fmt.Println(log)
//! }
//! ```
//!
//! As a package variable it is a `thread_local` `RefCell` that every access borrows. When
//! only `main` and functions `main` calls directly (transitively) use it, it is rather a local
//! of `main` that `main` lends to those functions: each gets one more parameter, a pointer to
//! the variable, and each call passes it on (`record("a", &log)`). The pointer parameters are
//! then borrows like any other (see `ptr_params`): `fn record(s: String, log: &mut Vec<String>)`.
//!
//! Like [`crate::localize`], this is a rewrite of the syntax tree, checked again by the type
//! checker (the facade keeps the tree without it when the rewritten one does not check). It
//! applies to a package variable of `package main` when:
//! - its type is a slice or a map with keys of a basic type, something reads it, something
//!   changes it (an assignment, `++`/`--`, `delete`,
//!   `clear`, `copy` into it, a function of the package given it: a variable nothing changes
//!   is an immutable static already), and
//!   its initializer cannot observe or change anything (see [`crate::localize`]);
//! - it is declared alone in its spec, in the file of `main`, which nothing calls and which
//!   has no `goto`;
//! - every use of it is in `main` or in a function `main` reaches by direct calls only: each
//!   such function is a plain function (no receiver, no type parameters; a variadic one gets
//!   its parameter before the variadic one), every
//!   use of it is a direct call from `main` or another such function (never a value, never in
//!   a `go` or `defer` statement nor a function literal), and in those functions the variable
//!   is not used from a function literal, `go` or `defer` either. The package's `init`, when
//!   it is the only one, may use it too: it is renamed (`setup`) and called first thing in
//!   `main`, which is when it ran (after the package variables, before `main`'s body);
//! - no function involved (`main` included) declares anything else of the same name, and none
//!   has unnamed parameters.
//!
//! The parameters added are no Go declarations: the ownership report leaves them out and
//! records the variable as a package variable lent to those functions.

use crate::builtins::strip_parens;
use crate::localize::Move;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_ast::SourceFile;
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program, Type, TypeId};
use std::collections::{BTreeSet, HashMap, HashSet};

/// One package variable made a local of `main` and lent to the functions using it.
#[derive(Clone, Debug)]
pub struct Thread {
    /// The move of its declaration into `main`.
    pub mv: Move,
    pub name: String,
    /// The id of its name in the declaration.
    pub name_id: NodeId,
    /// Its type, as Go source (the parameters' type is a pointer to it).
    pub ty: Expr,
    /// The functions (file, declaration) that get a parameter.
    pub funcs: BTreeSet<(usize, usize)>,
    /// Uses of the variable in those functions: each becomes `(*name)`.
    pub uses: HashSet<NodeId>,
    /// Calls of those functions: in `main` they pass `&name`, elsewhere `name`.
    pub calls: HashMap<NodeId, Call>,
    /// The package's `init` when it uses the variable too, with its new name: `init` runs
    /// before `main` and nothing may call it, so it becomes an ordinary function that `main`
    /// calls first (after the variables it declares), which keeps Go's order.
    pub init: Option<(DeclAt, String)>,
}

/// Names for a renamed `init`, the first one the package does not use.
const INIT_NAMES: &[&str] = &["setup", "initialize", "initState"];

/// A call of a function that gets a parameter.
#[derive(Clone, Copy, Debug)]
pub struct Call {
    /// The function called (file, declaration).
    pub callee: (usize, usize),
    /// In `main` (which passes `&name`), or in another function (which passes `name`).
    pub in_main: bool,
}

/// A reference to a package variable or function, and where it is.
#[derive(Clone, Copy, Debug)]
struct Ref {
    obj: ObjId,
    id: NodeId,
    /// The declaration (file, index) it is in.
    at: (usize, usize),
    /// Inside a function literal, `go` or `defer`.
    hidden: bool,
    /// The call it is the callee of.
    call: Option<NodeId>,
}

struct Refs<'a> {
    info: &'a Info,
    at: (usize, usize),
    hidden: usize,
    callees: HashMap<NodeId, NodeId>,
    out: Vec<Ref>,
}

impl Visitor for Refs<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        if let StmtKind::Go(c) | StmtKind::Defer(c) = &s.kind {
            self.hidden += 1;
            visit::walk_expr(self, c);
            self.hidden -= 1;
            return false;
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&obj) = self.info.uses.get(&e.id) {
                    self.out.push(Ref {
                        obj,
                        id: e.id,
                        at: self.at,
                        hidden: self.hidden > 0,
                        call: self.callees.get(&e.id).copied(),
                    });
                }
            }
            ExprKind::Call { func, .. } => {
                let f = strip_parens(func);
                if matches!(f.kind, ExprKind::Ident(_)) {
                    self.callees.insert(f.id, e.id);
                }
            }
            ExprKind::FuncLit { body, .. } => {
                self.hidden += 1;
                visit::walk_block(self, body);
                self.hidden -= 1;
                return false;
            }
            _ => {}
        }
        true
    }
}

/// The package variables to lend, given the moves [`crate::localize::plan`] already makes.
pub fn plan(
    prog: &Program,
    info: &Info,
    files: &[(SourceFile, File)],
    taken: &[Move],
    ids: &mut IdGen,
) -> Vec<Thread> {
    if files.first().is_none_or(|(_, f)| f.package.name != "main") {
        return Vec::new();
    }
    // Plain functions of the package that may get a parameter, by declaration (with no object
    // for `init`, added below).
    let mut funcs: HashMap<DeclAt, Option<ObjId>> = HashMap::new();
    let mut main = None;
    let mut inits = Vec::new();
    let mut refs = Vec::new();
    for (fi, (_, f)) in files.iter().enumerate() {
        for (di, d) in f.decls.iter().enumerate() {
            let mut r = Refs {
                info,
                at: (fi, di),
                hidden: 0,
                callees: HashMap::new(),
                out: Vec::new(),
            };
            visit::walk_decl(&mut r, d);
            refs.extend(r.out);
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            if fd.recv.is_none() && fd.name.name == "init" {
                inits.push((fi, di));
            }
            let Some(&o) = info.defs.get(&fd.name.id) else {
                continue;
            };
            let plain = fd.recv.is_none() && fd.type_params.is_empty() && fd.body.is_some();
            if fd.name.name == "main" && plain {
                main = Some(((fi, di), o));
            } else if plain
                && fd.name.name != "init"
                && !fd.sig.params.iter().any(|g| g.names.is_empty())
            {
                funcs.insert((fi, di), Some(o));
            }
        }
    }
    let Some((main_at, main_obj)) = main else {
        return Vec::new();
    };
    if refs.iter().any(|r| r.obj == main_obj) {
        return Vec::new();
    }
    // The package's one `init` (several run in order: not followed), which may be renamed and
    // called first thing in `main` (see [`Thread::init`]).
    let init = match inits.as_slice() {
        [at] => INIT_NAMES
            .iter()
            .find(|n| {
                !info
                    .defs
                    .values()
                    .chain(info.uses.values())
                    .any(|&o| prog.obj(o).name == **n)
            })
            .map(|n| (*at, n.to_string())),
        _ => None,
    };
    // (`init` has no callers: `main` calls it once renamed.)
    funcs.extend(init.as_ref().map(|(at, _)| (*at, None)));
    let Some(DeclKind::Func(main_fd)) = files[main_at.0].1.decls.get(main_at.1).map(|d| &d.kind)
    else {
        return Vec::new();
    };
    if main_fd.body.as_ref().is_none_or(crate::localize::has_goto) {
        return Vec::new();
    }
    let mut by_obj: HashMap<ObjId, Vec<Ref>> = HashMap::new();
    for r in &refs {
        by_obj.entry(r.obj).or_default().push(*r);
    }
    let decl_of = |at: (usize, usize)| -> Option<&FuncDecl> {
        match &files.get(at.0)?.1.decls.get(at.1)?.kind {
            DeclKind::Func(fd) => Some(fd),
            _ => None,
        }
    };
    // (A variable nothing reads is not declared at all.)
    let ast_files: Vec<&File> = files.iter().map(|(_, f)| f).collect();
    let write_only = crate::globals::write_only_vars(prog, info, &ast_files);
    let taken: HashSet<(usize, usize, usize)> =
        taken.iter().map(|m| (m.file, m.decl, m.spec)).collect();
    let mut out = Vec::new();
    let (_, mf) = &files[main_at.0];
    for (di, d) in mf.decls.iter().enumerate() {
        let DeclKind::Var(specs) = &d.kind else {
            continue;
        };
        for (si, spec) in specs.iter().enumerate() {
            if taken.contains(&(main_at.0, di, si)) {
                continue;
            }
            let ([n], values) = (spec.names.as_slice(), spec.values.as_slice()) else {
                continue;
            };
            if values.len() > 1
                || n.is_blank()
                || !values.iter().all(|v| crate::localize::pure(prog, info, v))
            {
                continue;
            }
            let Some(&o) = info.defs.get(&n.id) else {
                continue;
            };
            let ty = prog.obj(o).ty;
            let lendable = match prog.types.under(ty) {
                Type::Slice(_) => true,
                // (Keys of other types have no plain Rust form yet.)
                Type::Map(k, _) => matches!(prog.types.under(*k), Type::Basic(_)),
                _ => false,
            };
            if !lendable || write_only.contains(&o) {
                continue;
            }
            let uses = by_obj.get(&o).map(Vec::as_slice).unwrap_or_default();
            if !changed(prog, info, files, o, uses) {
                continue;
            }
            if let Some((users, calls)) = threading(&by_obj, &funcs, main_at, uses) {
                // Nothing else of that name in the functions involved.
                let clash = users.iter().chain([&main_at]).any(|&at| {
                    decl_of(at).is_none_or(|fd| declares_name(prog, info, fd, &n.name, o))
                });
                if clash || users.is_empty() {
                    continue;
                }
                let Some(ty_expr) = type_expr(prog, files, ty, ids, n.span) else {
                    continue;
                };
                let in_users: HashSet<NodeId> = uses
                    .iter()
                    .filter(|r| r.at != main_at)
                    .map(|r| r.id)
                    .collect();
                let via_init = init.clone().filter(|(at, _)| users.contains(at));
                out.push(Thread {
                    init: via_init,
                    mv: Move {
                        file: main_at.0,
                        decl: di,
                        spec: si,
                        func: main_at.1,
                    },
                    name: n.name.clone(),
                    name_id: n.id,
                    ty: ty_expr,
                    funcs: users,
                    uses: in_users,
                    calls: calls
                        .into_iter()
                        .map(|(at, id, callee)| {
                            let in_main = at == main_at;
                            (id, Call { callee, in_main })
                        })
                        .collect(),
                });
            }
        }
    }
    out
}

/// A declaration: its file, and its index in the file.
type DeclAt = (usize, usize);

/// A call: the declaration it is in, its id, and the function called.
type CallAt = (DeclAt, NodeId, DeclAt);

/// The functions that need the variable with uses `uses` (besides `main`), and the calls of
/// those functions (where each is, and its id); `None` when a use or a call is of another kind.
fn threading(
    by_obj: &HashMap<ObjId, Vec<Ref>>,
    at_func: &HashMap<DeclAt, Option<ObjId>>,
    main_at: DeclAt,
    uses: &[Ref],
) -> Option<(BTreeSet<DeclAt>, Vec<CallAt>)> {
    let mut need: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut work = Vec::new();
    for u in uses {
        if u.at == main_at {
            continue;
        }
        if u.hidden || !at_func.contains_key(&u.at) {
            return None;
        }
        if need.insert(u.at) {
            work.push(u.at);
        }
    }
    let mut calls = Vec::new();
    while let Some(at) = work.pop() {
        let Some(f) = at_func.get(&at)? else {
            continue;
        };
        for r in by_obj.get(f).into_iter().flatten() {
            let call = r.call.filter(|_| !r.hidden)?;
            calls.push((r.at, call, at));
            if r.at == main_at {
                continue;
            }
            if !at_func.contains_key(&r.at) {
                return None;
            }
            if need.insert(r.at) {
                work.push(r.at);
            }
        }
    }
    Some((need, calls))
}

/// Whether some use changes the variable itself: assigns it or an element of it, `++`/`--`
/// an element, passes it to `delete`, `clear` or as `copy`'s destination, or passes it to a
/// function of the package (which may change its elements).
fn changed(
    prog: &Program,
    info: &Info,
    files: &[(SourceFile, File)],
    o: ObjId,
    uses: &[Ref],
) -> bool {
    struct Find<'a> {
        prog: &'a Program,
        info: &'a Info,
        o: ObjId,
        found: bool,
    }
    impl Find<'_> {
        /// Whether `e` is the variable, an element of it, a re-slice of it or a conversion of
        /// one of those.
        fn rooted(&self, e: &Expr) -> bool {
            match &strip_parens(e).kind {
                ExprKind::Ident(_) => self.info.uses.get(&strip_parens(e).id) == Some(&self.o),
                ExprKind::Index { x, .. } | ExprKind::Slice { x, .. } => self.rooted(x),
                ExprKind::Call { func, args, .. } if args.len() == 1 => {
                    matches!(
                        self.info.types.get(&func.id).map(|t| &t.mode),
                        Some(goxide_types::Mode::Type)
                    ) && self.rooted(&args[0])
                }
                _ => false,
            }
        }
    }
    impl Visitor for Find<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            match &s.kind {
                StmtKind::Assign { lhs, op, .. } if *op != AssignOp::Define => {
                    self.found |= lhs.iter().any(|l| self.rooted(l));
                }
                StmtKind::IncDec { x, .. } => self.found |= self.rooted(x),
                _ => {}
            }
            !self.found
        }
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::Call { func, args, .. } = &e.kind {
                let callee = self.info.uses.get(&strip_parens(func).id);
                let mutator = callee.is_some_and(|&b| {
                    matches!(
                        self.prog.obj(b).kind,
                        ObjKind::Builtin(Builtin::Delete | Builtin::Clear | Builtin::Copy)
                    )
                });
                // A function of the package may change what it is given.
                let func = callee.is_some_and(|&f| {
                    matches!(self.prog.obj(f).kind, ObjKind::Func { .. })
                        && self.prog.obj(f).pkg == self.prog.obj(self.o).pkg
                });
                if (mutator && args.first().is_some_and(|a| self.rooted(a)))
                    || (func && args.iter().any(|a| self.rooted(a)))
                {
                    self.found = true;
                }
            }
            !self.found
        }
    }
    let mut f = Find {
        prog,
        info,
        o,
        found: false,
    };
    let decls: BTreeSet<(usize, usize)> = uses.iter().map(|r| r.at).collect();
    for (fi, di) in decls {
        if let Some(d) = files.get(fi).and_then(|(_, f)| f.decls.get(di)) {
            visit::walk_decl(&mut f, d);
        }
    }
    f.found
}

/// Whether `fd` declares an object named `name` other than `o` (a parameter, a result, a
/// local anywhere in it).
fn declares_name(prog: &Program, info: &Info, fd: &FuncDecl, name: &str, o: ObjId) -> bool {
    info.defs.values().any(|&d| {
        let obj = prog.obj(d);
        d != o
            && obj.name == name
            && obj.span.start >= fd.span.start
            && obj.span.end <= fd.span.end
            && matches!(
                obj.kind,
                ObjKind::Var { global: false, .. }
                    | ObjKind::Const(_)
                    | ObjKind::TypeName
                    | ObjKind::Label
            )
    })
}

/// Go source for type `t`, when it is built from predeclared types and types declared at the
/// package level of these files.
fn type_expr(
    prog: &Program,
    files: &[(SourceFile, File)],
    t: TypeId,
    ids: &mut IdGen,
    span: goxide_ast::Span,
) -> Option<Expr> {
    let kind = match prog.types.get(t) {
        Type::Basic(k) if !k.is_untyped() && *k != goxide_types::BasicKind::Invalid => {
            ExprKind::Ident(k.name().to_string())
        }
        Type::Named(n) if n.type_args.is_empty() => {
            let obj = prog.obj(n.obj);
            let top_level = obj.pkg.is_none()
                || files.iter().any(|(_, f)| {
                    f.decls.iter().any(|d| match &d.kind {
                        DeclKind::Type(specs) => specs
                            .iter()
                            .any(|s| s.name.name == obj.name && s.name.span == obj.span),
                        _ => false,
                    })
                });
            if !top_level {
                return None;
            }
            ExprKind::Ident(obj.name.clone())
        }
        Type::Slice(e) => ExprKind::SliceType(Box::new(type_expr(prog, files, *e, ids, span)?)),
        Type::Pointer(e) => ExprKind::Star(Box::new(type_expr(prog, files, *e, ids, span)?)),
        Type::Array(n, e) => {
            let elem = Box::new(type_expr(prog, files, *e, ids, span)?);
            let len = Box::new(Expr {
                id: ids.fresh(),
                span,
                kind: ExprKind::BasicLit(BasicLit {
                    kind: LitKind::Int,
                    raw: n.to_string(),
                }),
            });
            ExprKind::ArrayType {
                len: Some(len),
                elem,
            }
        }
        Type::Map(k, v) => ExprKind::MapType {
            key: Box::new(type_expr(prog, files, *k, ids, span)?),
            value: Box::new(type_expr(prog, files, *v, ids, span)?),
        },
        _ => return None,
    };
    Some(Expr {
        id: ids.fresh(),
        span,
        kind,
    })
}

/// Adds the parameters and arguments of `threads` (whose declarations [`crate::localize::apply`]
/// has moved into `main`). Returns the ids of the parameters' names.
pub fn apply(
    files: &mut [(SourceFile, File)],
    threads: &[Thread],
    ids: &mut IdGen,
) -> HashSet<NodeId> {
    let mut params = HashSet::new();
    // Variadic functions by their number of fixed parameters: the parameters added go before
    // the variadic one, and so do the arguments added.
    let mut fixed: HashMap<DeclAt, usize> = HashMap::new();
    for t in threads {
        for &(fi, di) in &t.funcs {
            if let Some(DeclKind::Func(fd)) = files
                .get(fi)
                .and_then(|(_, f)| f.decls.get(di))
                .map(|d| &d.kind)
            {
                if fd.sig.params.iter().any(|g| g.variadic) {
                    let n = fd
                        .sig
                        .params
                        .iter()
                        .filter(|g| !g.variadic)
                        .map(|g| g.names.len())
                        .sum();
                    fixed.insert((fi, di), n);
                }
            }
        }
    }
    for t in threads {
        for &(fi, di) in &t.funcs {
            let Some(DeclKind::Func(fd)) = files
                .get_mut(fi)
                .and_then(|(_, f)| f.decls.get_mut(di))
                .map(|d| &mut d.kind)
            else {
                continue;
            };
            let span = goxide_ast::Span {
                start: fd.sig.span.end,
                end: fd.sig.span.end,
            };
            let name = Ident {
                id: ids.fresh(),
                name: t.name.clone(),
                span,
            };
            params.insert(name.id);
            let at = fd
                .sig
                .params
                .iter()
                .position(|g| g.variadic)
                .unwrap_or(fd.sig.params.len());
            fd.sig.params.insert(
                at,
                ParamGroup {
                    names: vec![name],
                    ty: Expr {
                        id: ids.fresh(),
                        span,
                        kind: ExprKind::Star(Box::new(fresh_ids(&t.ty, ids))),
                    },
                    variadic: false,
                    span,
                },
            );
        }
    }
    rename_init(files, threads, ids);
    for (_, f) in files.iter_mut() {
        for d in &mut f.decls {
            if !matches!(d.kind, DeclKind::Func(_)) {
                continue;
            }
            goxide_ast::visit_mut::exprs_in_decl(d, &mut |e: &mut Expr| {
                let span = e.span;
                // (Arguments this call got already, for the threads before.)
                let mut added = 0;
                for t in threads {
                    let ident = |ids: &mut IdGen| Expr {
                        id: ids.fresh(),
                        span,
                        kind: ExprKind::Ident(t.name.clone()),
                    };
                    if t.uses.contains(&e.id) {
                        let inner = std::mem::replace(&mut e.kind, ExprKind::Bad);
                        let inner = Expr {
                            id: e.id,
                            span: e.span,
                            kind: inner,
                        };
                        e.id = ids.fresh();
                        e.kind = ExprKind::Star(Box::new(inner));
                        return;
                    }
                    if let Some(call) = t.calls.get(&e.id) {
                        if let ExprKind::Call { args, .. } = &mut e.kind {
                            let arg = if call.in_main {
                                Expr {
                                    id: ids.fresh(),
                                    span,
                                    kind: ExprKind::Unary {
                                        op: UnaryOp::Addr,
                                        x: Box::new(ident(ids)),
                                    },
                                }
                            } else {
                                ident(ids)
                            };
                            match fixed.get(&call.callee) {
                                Some(&n) => args.insert((n + added).min(args.len()), arg),
                                None => args.push(arg),
                            }
                            added += 1;
                        }
                    }
                }
            });
        }
    }
    params
}

/// Renames the `init` that threads lend to (see [`Thread::init`]) and calls it at the start of
/// `main` with the address of each of their variables.
fn rename_init(files: &mut [(SourceFile, File)], threads: &[Thread], ids: &mut IdGen) {
    let via: Vec<&Thread> = threads.iter().filter(|t| t.init.is_some()).collect();
    let Some(first) = via.first() else {
        return;
    };
    let Some(((fi, di), name)) = first.init.clone() else {
        return;
    };
    let Some(DeclKind::Func(fd)) = files
        .get_mut(fi)
        .and_then(|(_, f)| f.decls.get_mut(di))
        .map(|d| &mut d.kind)
    else {
        return;
    };
    fd.name.name = name.clone();
    let (mf, md) = (first.mv.file, first.mv.func);
    let Some(DeclKind::Func(main)) = files
        .get_mut(mf)
        .and_then(|(_, f)| f.decls.get_mut(md))
        .map(|d| &mut d.kind)
    else {
        return;
    };
    let Some(body) = main.body.as_mut() else {
        return;
    };
    let span = goxide_ast::Span {
        start: body.span.start,
        end: body.span.start,
    };
    let mut mk = |kind: ExprKind| Expr {
        id: ids.fresh(),
        span,
        kind,
    };
    let args: Vec<Expr> = via
        .iter()
        .map(|t| {
            let x = Box::new(mk(ExprKind::Ident(t.name.clone())));
            mk(ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            })
        })
        .collect();
    let func = Box::new(mk(ExprKind::Ident(name)));
    let call = mk(ExprKind::Call {
        func,
        args,
        ellipsis: false,
    });
    body.stmts.insert(
        0,
        Stmt {
            id: ids.fresh(),
            span,
            kind: StmtKind::Expr(call),
        },
    );
}

/// A copy of type expression `t` (as [`type_expr`] makes them) with ids of its own.
fn fresh_ids(t: &Expr, ids: &mut IdGen) -> Expr {
    let mut sub = |x: &Expr| Box::new(fresh_ids(x, ids));
    let kind = match &t.kind {
        ExprKind::SliceType(e) => ExprKind::SliceType(sub(e)),
        ExprKind::Star(e) => ExprKind::Star(sub(e)),
        ExprKind::ArrayType { len, elem } => ExprKind::ArrayType {
            len: len.as_deref().map(&mut sub),
            elem: sub(elem),
        },
        ExprKind::MapType { key, value } => ExprKind::MapType {
            key: sub(key),
            value: sub(value),
        },
        k => k.clone(),
    };
    Expr {
        id: ids.fresh(),
        span: t.span,
        kind,
    }
}

/// The names of the functions `t` lends its variable to, in source order.
pub fn func_names(files: &[(SourceFile, File)], t: &Thread) -> Vec<String> {
    t.funcs
        .iter()
        .filter_map(|&(fi, di)| match &files.get(fi)?.1.decls.get(di)?.kind {
            DeclKind::Func(fd) => Some(fd.name.name.clone()),
            _ => None,
        })
        .collect()
}
