//! Functions that return `(T, error)` or only `error` return `errors::Result<T>` (`Result<T,
//! Rc<dyn Error>>`) or `errors::Result<()>`, and the checks of their errors become `match`es
//! and `?`.
//!
//! A declared function or method is converted when Go's pair can be rebuilt from the result:
//! every `return` gives either a nil error (`Ok(v)`) or a zero value beside its error
//! (`errors::fail(err)`: `Err`, or `Ok` of the zero value should the error be nil), or hands on
//! another converted function's result (`return g(…)`). It has no bare `return`, its value type
//! has a Rust `Default` that is Go's zero value, its body has no `defer`, `recover` or `goto`,
//! and it is only ever called directly: never a function or method value, never in `go` or
//! `defer`, and no method of an interface (nor of the standard library's interfaces) has its
//! name. A generic function, a method of a generic type, a method of a type that a struct
//! embeds (its promoted forwarders keep Go's signature) and the methods of a package that
//! imports `reflect` are not converted.
//!
//! Callers see Go's pair through `errors::split(f(…))` (`errors::err_of(f(…))` for `error`
//! alone), except at a check: `v, err := f(…)` followed by `if err != nil { … }`, or `if err :=
//! f(…); err != nil { … }`, where `err` is used nowhere else. Such a check is a `match` on the
//! result whose error arm binds `err` (`let v = match f(…) { Ok(v) => v, Err(e) => { let err =
//! Some(e); … } };`), and `f(…)?` when the check only returns the error from a converted
//! function (`if err != nil { return nil, err }`).

use crate::builtins::{is_nil_ident, strip_parens};
use goxide_ast::ast::*;
use goxide_ast::visit::{walk_stmt, Visitor};
use goxide_types::{ConstValue, Info, ObjId, ObjKind, PkgId, Program, SelectionKind, Type, TypeId};
use std::collections::{HashMap, HashSet};

/// Methods of the standard library's interfaces that a package type may implement
/// (`io.Writer`, `io.Closer`, `json.Marshaler`, `flag.Value`, `sort.Interface`,
/// `heap.Interface`, …): their signatures are fixed.
pub(crate) const STD_IFACE_METHODS: &[&str] = &[
    "Read",
    "Write",
    "Close",
    "Seek",
    "ReadAt",
    "WriteAt",
    "ReadFrom",
    "WriteTo",
    "ReadByte",
    "ReadRune",
    "UnreadByte",
    "UnreadRune",
    "WriteByte",
    "WriteRune",
    "WriteString",
    "ReadString",
    "MarshalJSON",
    "UnmarshalJSON",
    "MarshalText",
    "UnmarshalText",
    "MarshalBinary",
    "UnmarshalBinary",
    "Scan",
    "Set",
    "Format",
    "Error",
    "String",
    "Unwrap",
    "Is",
    "As",
    "Err",
    "Len",
    "Less",
    "Swap",
    "Push",
    "Pop",
    "GoString",
    "Get",
];

/// What the analysis found.
#[derive(Default, Debug, Clone)]
pub struct ResultFns {
    /// Functions and methods returning `errors::Result<T>` (`errors::Result<()>` for `error`).
    pub fns: HashSet<ObjId>,
    /// Checks `v, err := f(…)` + `if err != nil { … }`: the assignment's statement id, and the
    /// `if` statement's.
    pub checks: HashMap<NodeId, NodeId>,
    /// Checks `if err := f(…); err != nil { … }` (values before the error all `_`): the `if`.
    pub init_checks: HashSet<NodeId>,
    /// The error variables of the checks (bound in the error arm only).
    pub checked_errs: HashSet<ObjId>,
}

impl ResultFns {
    /// Drops the checks of error variables that must live in a cell or that closures capture
    /// (the error arm binds a plain local).
    pub fn retain_errs(&mut self, keep: impl Fn(ObjId) -> bool) {
        self.checked_errs.retain(|&o| keep(o));
    }
}

pub fn find(prog: &Program, info: &Info, files: &[&File]) -> ResultFns {
    let mut iface_names: HashSet<&str> = STD_IFACE_METHODS.iter().copied().collect();
    for i in 0..prog.types.len() {
        if let Type::Interface(it) = prog.types.get(TypeId(i as u32)) {
            for m in it.all_methods.iter().chain(&it.methods) {
                iface_names.insert(m.name.as_str());
            }
        }
    }
    // Methods reflection may call, or that an embedding struct promotes (its forwarding
    // methods keep Go's signature), keep Go's pair.
    let reflect = files
        .iter()
        .any(|f| f.imports.iter().any(|i| i.path == "reflect"));
    let mut embedded: HashSet<TypeId> = HashSet::new();
    for i in 0..prog.types.len() {
        if let Type::Struct(fields) = prog.types.get(TypeId(i as u32)) {
            for f in fields.iter().filter(|f| f.embedded) {
                embedded.insert(match prog.types.get(f.ty) {
                    Type::Pointer(b) => *b,
                    _ => f.ty,
                });
            }
        }
    }
    // Candidates, with the converted functions their `return g(…)`s hand on.
    let mut cands: HashMap<ObjId, Vec<ObjId>> = HashMap::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            if fd.recv.is_some() && reflect {
                continue;
            }
            if let Some((obj, deps)) = candidate(prog, info, fd, &iface_names, &embedded) {
                cands.insert(obj, deps);
            }
        }
    }
    // Only direct calls.
    let bad = not_only_called(prog, info, files);
    cands.retain(|o, _| !bad.contains(o));
    // `return g(…)` needs `g` converted too.
    loop {
        let gone: Vec<ObjId> = cands
            .iter()
            .filter(|(_, deps)| deps.iter().any(|g| !cands.contains_key(g)))
            .map(|(&o, _)| o)
            .collect();
        if gone.is_empty() {
            break;
        }
        for o in gone {
            cands.remove(&o);
        }
    }
    let mut out = ResultFns {
        fns: cands.into_keys().collect(),
        ..ResultFns::default()
    };
    find_checks(prog, info, files, &mut out);
    out
}

/// `Some((obj, callees of its return g(…)s))` for a function that may return `errors::Result`.
fn candidate(
    prog: &Program,
    info: &Info,
    fd: &FuncDecl,
    iface_names: &HashSet<&str>,
    embedded: &HashSet<TypeId>,
) -> Option<(ObjId, Vec<ObjId>)> {
    let obj = *info.defs.get(&fd.name.id)?;
    let body = fd.body.as_ref()?;
    let name = fd.name.name.as_str();
    if fd.name.is_blank() || !fd.type_params.is_empty() {
        return None;
    }
    if fd.recv.is_none() && (name == "main" || name == "init") {
        return None;
    }
    if fd.recv.is_some() && iface_names.contains(name) {
        return None;
    }
    let home = prog.obj(obj).pkg;
    if let ObjKind::Func { recv: Some(r) } = prog.obj(obj).kind {
        let base = match prog.types.get(r) {
            Type::Pointer(b) => *b,
            _ => r,
        };
        match prog.types.get(base) {
            Type::Named(n)
                if n.type_params.is_empty()
                    && n.type_args.is_empty()
                    && !embedded.contains(&base) => {}
            _ => return None,
        }
    }
    let Type::Func(sig) = prog.types.under(prog.obj(obj).ty) else {
        return None;
    };
    let pair = match sig.results.as_slice() {
        [e] if is_error(prog, *e) => false,
        [t, e] if is_error(prog, *e) && !is_error(prog, *t) && defaultable(prog, *t, home, 0) => {
            true
        }
        _ => return None,
    };
    let mut body_check = Body {
        prog,
        info,
        pair,
        results: &sig.results,
        deps: Vec::new(),
        ok: true,
    };
    for s in &body.stmts {
        walk_stmt(&mut body_check, s);
    }
    body_check.ok.then_some((obj, body_check.deps))
}

/// Go's predeclared `error`.
pub fn is_error(prog: &Program, t: TypeId) -> bool {
    match prog.types.get(t) {
        Type::Named(n) => {
            let o = prog.obj(n.obj);
            o.pkg.is_none() && o.name == "error"
        }
        _ => false,
    }
}

/// Whether the Rust form of `t` has a `Default` that is Go's zero value.
fn defaultable(prog: &Program, t: TypeId, home: Option<PkgId>, depth: u32) -> bool {
    if depth > 8 {
        return false;
    }
    match prog.types.get(t) {
        Type::Basic(k) => !k.is_untyped(),
        Type::Pointer(e) => match prog.types.get(*e) {
            // Standard-library handles (`*os.File`) are no `Option`.
            Type::Named(n) => prog.obj(n.obj).pkg == home,
            _ => true,
        },
        Type::Slice(_) | Type::Map(..) => true,
        Type::Struct(fields) => fields
            .iter()
            .all(|f| defaultable(prog, f.ty, home, depth + 1)),
        Type::Array(n, e) => *n <= 32 && defaultable(prog, *e, home, depth + 1),
        Type::Named(n) => {
            if !n.type_args.is_empty() || !n.type_params.is_empty() {
                return false;
            }
            let under = prog.types.underlying(t);
            if prog.obj(n.obj).pkg != home {
                return matches!(prog.types.get(under), Type::Basic(_));
            }
            defaultable(prog, under, home, depth + 1)
        }
        _ => false,
    }
}

/// Checks a candidate's body (not its function literals'): its `return`s, and no `defer`,
/// `recover` or `goto`.
struct Body<'a> {
    prog: &'a Program,
    info: &'a Info,
    pair: bool,
    results: &'a [TypeId],
    deps: Vec<ObjId>,
    ok: bool,
}

impl Visitor for Body<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Defer(_)
            | StmtKind::Branch {
                kind: BranchKind::Goto,
                ..
            } => self.ok = false,
            // A bare `return` of named results.
            StmtKind::Return(vals) if vals.is_empty() => self.ok = false,
            StmtKind::Return(vals) if self.pair => match vals.as_slice() {
                [v, e] => {
                    if !is_nil_ident(self.prog, self.info, e) && !is_zero(self.prog, self.info, v) {
                        self.ok = false;
                    }
                }
                [call] => match direct_callee(self.prog, self.info, call) {
                    Some(g) if same_results(self.prog, g, self.results) => self.deps.push(g),
                    _ => self.ok = false,
                },
                _ => self.ok = false,
            },
            _ => {}
        }
        self.ok
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            // A function literal's statements are its own (a `defer` in the function that
            // would run it, or a `recover` outside a deferred call, is found there).
            ExprKind::FuncLit { .. } => false,
            ExprKind::Ident(n) if n == "recover" => {
                if self
                    .info
                    .uses
                    .get(&e.id)
                    .is_some_and(|&o| matches!(self.prog.obj(o).kind, ObjKind::Builtin(_)))
                {
                    self.ok = false;
                }
                true
            }
            _ => self.ok,
        }
    }
}

fn same_results(prog: &Program, g: ObjId, results: &[TypeId]) -> bool {
    matches!(prog.types.under(prog.obj(g).ty), Type::Func(sig) if sig.results == results)
}

/// A zero value written out: `nil`, `0`, `""`, `false`, `T{}` of a struct type.
pub fn is_zero(prog: &Program, info: &Info, e: &Expr) -> bool {
    let e = strip_parens(e);
    if is_nil_ident(prog, info, e) {
        return true;
    }
    if let Some(v) = info.const_value(e.id) {
        return match v {
            ConstValue::Bool(b) => !b,
            ConstValue::String(s) => s.is_empty(),
            ConstValue::Int(n) => n == &num_bigint::BigInt::from(0),
            ConstValue::Float(f) => num_traits::Zero::is_zero(f),
            _ => false,
        };
    }
    match &e.kind {
        ExprKind::CompositeLit { elems, .. } => {
            elems.is_empty()
                && info
                    .type_of(e.id)
                    .is_some_and(|t| matches!(prog.types.under(t), Type::Struct(_)))
        }
        _ => false,
    }
}

/// The declared function or method a call names directly (`f(…)`, `x.m(…)`).
pub fn direct_callee(prog: &Program, info: &Info, call: &Expr) -> Option<ObjId> {
    let ExprKind::Call { func, .. } = &strip_parens(call).kind else {
        return None;
    };
    let f = strip_parens(func);
    match &f.kind {
        ExprKind::Ident(_) => info
            .uses
            .get(&f.id)
            .copied()
            .filter(|&o| matches!(prog.obj(o).kind, ObjKind::Func { .. })),
        ExprKind::Selector { .. } => info
            .selections
            .get(&f.id)
            .filter(|s| s.kind == SelectionKind::MethodVal)
            .map(|s| s.obj),
        _ => None,
    }
}

/// The functions and methods named other than as the callee of a call outside `go` and
/// `defer` statements (used as values, or run by `go` or `defer`).
pub fn not_only_called(prog: &Program, info: &Info, files: &[&File]) -> HashSet<ObjId> {
    let mut uses = Uses {
        prog,
        info,
        callees: HashSet::new(),
        bad: HashSet::new(),
    };
    for f in files {
        for d in &f.decls {
            goxide_ast::visit::walk_decl(&mut uses, d);
        }
    }
    for f in files {
        for d in &f.decls {
            goxide_ast::visit::walk_decl(&mut Refs(&mut uses), d);
        }
    }
    uses.bad
}

/// Callee positions of calls (not in `go` or `defer`), and functions used otherwise.
struct Uses<'a> {
    prog: &'a Program,
    info: &'a Info,
    callees: HashSet<NodeId>,
    bad: HashSet<ObjId>,
}

impl Visitor for Uses<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        if let StmtKind::Go(e) | StmtKind::Defer(e) = &s.kind {
            if let Some(f) = direct_callee(self.prog, self.info, e) {
                self.bad.insert(f);
            }
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        if let ExprKind::Call { func, .. } = &e.kind {
            self.callees.insert(strip_parens(func).id);
        }
        true
    }
}

/// Marks functions named anywhere but in a callee position.
struct Refs<'u, 'a>(&'u mut Uses<'a>);

impl Visitor for Refs<'_, '_> {
    fn expr(&mut self, e: &Expr) -> bool {
        let u = &mut *self.0;
        let called = u.callees.contains(&e.id);
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = u.info.uses.get(&e.id) {
                    if !called && matches!(u.prog.obj(o).kind, ObjKind::Func { .. }) {
                        u.bad.insert(o);
                    }
                }
            }
            ExprKind::Selector { .. } => {
                if let Some(s) = u.info.selections.get(&e.id) {
                    if !called || s.kind != SelectionKind::MethodVal {
                        u.bad.insert(s.obj);
                    }
                }
            }
            _ => {}
        }
        true
    }
}

/// The checks of converted functions' errors, and the error variables used by them only.
fn find_checks(prog: &Program, info: &Info, files: &[&File], out: &mut ResultFns) {
    let mut scan = Checks {
        prog,
        info,
        fns: &out.fns,
        checks: HashMap::new(),
        init_checks: HashSet::new(),
        allowed: HashSet::new(),
        errs: HashSet::new(),
    };
    for f in files {
        for d in &f.decls {
            if let DeclKind::Func(fd) = &d.kind {
                if let Some(b) = &fd.body {
                    if !has_goto(b) {
                        scan.list(&b.stmts);
                        goxide_ast::visit::walk_block(&mut scan, b);
                    }
                }
            }
        }
    }
    let Checks {
        checks,
        init_checks,
        allowed,
        errs,
        ..
    } = scan;
    // Every mention of a checked variable is one the checks account for.
    let mut mentions: HashMap<ObjId, Vec<NodeId>> = HashMap::new();
    for (&id, &o) in info.defs.iter().chain(info.uses.iter()) {
        if errs.contains(&o) {
            mentions.entry(o).or_default().push(id);
        }
    }
    out.checked_errs = errs
        .into_iter()
        .filter(|o| {
            mentions
                .get(o)
                .is_some_and(|ids| ids.iter().all(|id| allowed.contains(id)))
        })
        .collect();
    out.checks = checks;
    out.init_checks = init_checks;
}

fn has_goto(b: &Block) -> bool {
    struct G(bool);
    impl Visitor for G {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if matches!(
                s.kind,
                StmtKind::Branch {
                    kind: BranchKind::Goto,
                    ..
                }
            ) {
                self.0 = true;
            }
            !self.0
        }
    }
    let mut g = G(false);
    goxide_ast::visit::walk_block(&mut g, b);
    g.0
}

struct Checks<'a> {
    prog: &'a Program,
    info: &'a Info,
    fns: &'a HashSet<ObjId>,
    checks: HashMap<NodeId, NodeId>,
    init_checks: HashSet<NodeId>,
    /// Mentions of error variables inside checks.
    allowed: HashSet<NodeId>,
    errs: HashSet<ObjId>,
}

impl Checks<'_> {
    /// The statement lists nested in `s`, scanned for checks.
    fn lists_of(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Block(b) => self.list(&b.stmts),
            StmtKind::If { then, .. } => self.list(&then.stmts),
            StmtKind::For { body, .. } | StmtKind::Range { body, .. } => self.list(&body.stmts),
            StmtKind::Switch { clauses, .. } => {
                for c in clauses {
                    self.list(&c.body);
                }
            }
            StmtKind::TypeSwitch { clauses, .. } => {
                for c in clauses {
                    self.list(&c.body);
                }
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    self.list(&c.body);
                }
            }
            _ => {}
        }
    }

    fn list(&mut self, list: &[Stmt]) {
        for (i, s) in list.iter().enumerate() {
            if let StmtKind::If {
                init: Some(init),
                cond,
                then,
                els: None,
            } = &s.kind
            {
                if let Some((err, lhs_ids)) = self.site(init, cond, then, true) {
                    self.init_checks.insert(s.id);
                    self.accept(err, lhs_ids, cond, then);
                }
            }
            let Some(next) = list.get(i + 1) else {
                continue;
            };
            if let StmtKind::If {
                init: None,
                cond,
                then,
                els: None,
            } = &next.kind
            {
                if let Some((err, lhs_ids)) = self.site(s, cond, then, false) {
                    self.checks.insert(s.id, next.id);
                    self.accept(err, lhs_ids, cond, then);
                }
            }
        }
    }

    fn accept(&mut self, err: ObjId, lhs: NodeId, cond: &Expr, then: &Block) {
        self.errs.insert(err);
        self.allowed.insert(lhs);
        if let ExprKind::Binary { x, .. } = &strip_parens(cond).kind {
            self.allowed.insert(strip_parens(x).id);
        }
        struct Inside<'a>(&'a Info, ObjId, &'a mut HashSet<NodeId>);
        impl Visitor for Inside<'_> {
            fn expr(&mut self, e: &Expr) -> bool {
                if matches!(e.kind, ExprKind::Ident(_))
                    && self.0.uses.get(&e.id).or(self.0.defs.get(&e.id)) == Some(&self.1)
                {
                    self.2.insert(e.id);
                }
                true
            }
        }
        let mut v = Inside(self.info, err, &mut self.allowed);
        goxide_ast::visit::walk_block(&mut v, then);
    }

    /// `v, err := f(…)` (or `=`) of a converted `f` checked by `err != nil`: the error
    /// variable and the id of its mention in the assignment.
    fn site(
        &self,
        assign: &Stmt,
        cond: &Expr,
        _then: &Block,
        init: bool,
    ) -> Option<(ObjId, NodeId)> {
        let StmtKind::Assign {
            lhs,
            op: AssignOp::Define | AssignOp::Assign,
            rhs,
        } = &assign.kind
        else {
            return None;
        };
        let [call] = rhs.as_slice() else {
            return None;
        };
        let f = direct_callee(self.prog, self.info, call).filter(|f| self.fns.contains(f))?;
        let Type::Func(sig) = self.prog.types.under(self.prog.obj(f).ty) else {
            return None;
        };
        if lhs.len() != sig.results.len() {
            return None;
        }
        let (last, values) = lhs.split_last()?;
        if init && values.iter().any(|v| !is_blank(v)) {
            return None;
        }
        let ExprKind::Ident(_) = &last.kind else {
            return None;
        };
        let err = self
            .info
            .defs
            .get(&last.id)
            .or_else(|| self.info.uses.get(&last.id))
            .copied()?;
        if !matches!(
            self.prog.obj(err).kind,
            ObjKind::Var {
                global: false,
                param: false
            }
        ) {
            return None;
        }
        // `err != nil`
        let ExprKind::Binary {
            op: BinaryOp::Ne,
            x,
            y,
        } = &strip_parens(cond).kind
        else {
            return None;
        };
        let x = strip_parens(x);
        if self.info.uses.get(&x.id) != Some(&err) || !is_nil_ident(self.prog, self.info, y) {
            return None;
        }
        Some((err, last.id))
    }
}

fn is_blank(e: &Expr) -> bool {
    matches!(&e.kind, ExprKind::Ident(n) if n == "_")
}

impl Visitor for Checks<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        self.lists_of(s);
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        if let ExprKind::FuncLit { body, .. } = &e.kind {
            if !has_goto(body) {
                self.list(&body.stmts);
            }
        }
        true
    }
}
