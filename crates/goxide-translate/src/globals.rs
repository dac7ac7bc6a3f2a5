//! Read-only package variables: those that nothing changes after their initializer (and, at
//! the end, [`write_only_vars`]: those nothing reads at all).
//!
//! Such a variable needs no cell: goxide declares it as an immutable static initialized on first
//! use (`static PRIMES: LazyLock<Vec<i64>> = …`) and reads it in place. The analysis is
//! conservative: every use of a package variable is classified by the expression or statement
//! around it, and only uses in a known reading position count as reads. Anything else (an
//! assignment, `&x`, a pointer-receiver call, `append`/`delete`/`copy`/`clear` on it, or a copy
//! of a slice or map that could alias it and be written later) makes it not read-only.
//!
//! Candidates are limited to variables whose type holds only numbers, strings, booleans,
//! arrays, slices, maps and structs of these (so that their Rust form is `Sync`), and whose
//! initializer has no side effect: no function calls other than conversions and pure builtins,
//! and no other package variable than read-only ones (a static computed on first use then gives
//! the value Go computes before `main`).

use crate::analysis::SliceMode;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{
    BasicKind, Builtin, Info, Mode, ObjId, ObjKind, PkgId, Program, SelectionKind, Type, TypeId,
};
use std::collections::{HashMap, HashSet};
use syn::visit_mut::VisitMut;

/// What the analysis found about the package variables of one package.
#[derive(Default, Debug)]
pub struct GlobalFacts {
    /// Package variables never changed after their initializer.
    pub readonly: HashSet<ObjId>,
    /// Package variables nothing changes that cannot be `readonly` statics: of a type whose
    /// copies share what they refer to (an interface, a pointer, a function, a channel: a copy
    /// is the variable) and never assigned, or of a candidate type, never changed and never
    /// aliased, whose initializer must run at start-up (it has side effects or reads a
    /// variable that changes). Without goroutines each is a thread-local value read by cloning,
    /// with no cell; its initializer keeps its start-up order.
    pub thread_values: HashSet<ObjId>,
    /// Pointer package variables made fresh (`&T{…}`, `new(T)`) or left nil, never assigned,
    /// and only ever reached through for reading (`p.f`, `p[i]`, `*p` copied, `&self` methods,
    /// `&T` parameters; `p == nil` for a nil one): their pointee is an immutable static,
    /// `static P: LazyLock<T>` (`LazyLock<Option<T>>` when nil), with no cell. `T` is a
    /// `readonly` candidate type, and the initializer reads only read-only variables.
    pub readonly_ptrs: HashSet<ObjId>,
    /// Of those, the ones declared nil.
    pub nil_ptrs: HashSet<ObjId>,
    /// Package variables never read: only ever the whole target of `x = v` (or not used at
    /// all), with an initializer without side effects, if any. goxide declares no storage for
    /// them; each assignment evaluates its value and drops it (`let _ = v;`).
    pub write_only: HashSet<ObjId>,
    /// Package variables written directly, with the first function (in source order) that
    /// writes them.
    pub written: HashMap<ObjId, String>,
    /// Package variables that may be written through an alias (a copy of a slice or map, a
    /// value passed where the callee may write it), with the first function doing so.
    pub aliased: HashMap<ObjId, String>,
}

impl GlobalFacts {
    /// Why a package variable that keeps its cell is not read-only, when it is changed (or may
    /// be): the text of its ownership marker.
    pub fn cell_reason(&self, obj: ObjId, name: &str, cell: &str) -> Option<String> {
        if let Some(f) = self.written.get(&obj) {
            return Some(format!(
                "`{name}` is changed from `{f}` (a package variable reachable from every \
                 function), so it lives in a {cell}"
            ));
        }
        self.aliased.get(&obj).map(|f| {
            format!(
                "`{name}` may be changed through an alias made in `{f}` (a copy that shares its \
                 elements, or a call that may write it), so it lives in a {cell}"
            )
        })
    }
}

/// How an expression's value is used by what surrounds it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    /// Only read; nothing keeps an alias of it.
    Read,
    /// Written (assigned, incremented, its address taken, a pointer method called on it…).
    Write,
    /// Kept or passed where it may be written later (unknown uses count as this).
    Alias,
}

/// What the pointer analysis (`ptr_params`) decided that read-only pointers depend on.
#[derive(Clone, Copy)]
pub struct PtrFacts<'a> {
    /// Per function: the mode of each borrowed pointer parameter.
    pub modes: &'a HashMap<ObjId, Vec<Option<SliceMode>>>,
    /// Pointer-receiver methods that take `&self`.
    pub readonly_methods: &'a HashSet<ObjId>,
    /// Methods that use their receiver as a pointer value (copy or keep it).
    pub ptr_value_methods: &'a HashSet<ObjId>,
}

struct Walker<'a> {
    prog: &'a Program,
    info: &'a Info,
    pkg: PkgId,
    modes: &'a HashMap<ObjId, Vec<Option<SliceMode>>>,
    ptrs: Option<PtrFacts<'a>>,
    /// The use of each expression, set by its parent before the walk reaches it.
    uses: HashMap<NodeId, Use>,
    /// Read-only pointer candidates (see [`GlobalFacts::readonly_ptrs`]), with whether each
    /// is declared nil.
    ptr_cands: HashMap<ObjId, bool>,
    /// For candidate pointers reached through, the use of the pointee: the pointer's own use
    /// (the pointer copied) is in `uses`.
    ptr_uses: HashMap<NodeId, Use>,
    /// Candidates used otherwise than by reading through them.
    ptr_bad: HashSet<ObjId>,
    /// The function (or initializer) being walked.
    func: String,
    out: GlobalFacts,
}

/// Finds the read-only package variables of a package.
pub fn find(
    prog: &Program,
    info: &Info,
    pkg: PkgId,
    files: &[&File],
    modes: &HashMap<ObjId, Vec<Option<SliceMode>>>,
    ptrs: PtrFacts<'_>,
) -> GlobalFacts {
    let mut w = Walker {
        prog,
        info,
        pkg,
        modes,
        ptrs: Some(ptrs),
        uses: HashMap::new(),
        ptr_cands: HashMap::new(),
        ptr_uses: HashMap::new(),
        ptr_bad: HashSet::new(),
        func: String::new(),
        out: GlobalFacts::default(),
    };
    // Read-only pointer candidates, with the package variables their initializer reads.
    let mut ptr_deps: Vec<(ObjId, Vec<ObjId>)> = Vec::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Var(specs) = &d.kind else {
                continue;
            };
            for s in specs {
                for (i, n) in s.names.iter().enumerate() {
                    let Some(&o) = info.defs.get(&n.id) else {
                        continue;
                    };
                    if n.is_blank() || (!s.values.is_empty() && s.values.len() != s.names.len()) {
                        continue;
                    }
                    let Type::Pointer(e) = prog.types.get(prog.obj(o).ty) else {
                        continue;
                    };
                    if !w.plain(*e, 0) {
                        continue;
                    }
                    let mut deps = Vec::new();
                    let nil = match s.values.get(i) {
                        None => true,
                        Some(v) => match w.fresh_init(v, &mut deps) {
                            Some(nil) => nil,
                            None => continue,
                        },
                    };
                    w.ptr_cands.insert(o, nil);
                    ptr_deps.push((o, deps));
                }
            }
        }
    }
    // Candidates, with the package variables their initializer reads.
    let mut candidates: Vec<(ObjId, Vec<ObjId>)> = Vec::new();
    let mut impure: HashSet<ObjId> = HashSet::new();
    let mut sharing_vars: Vec<ObjId> = Vec::new();
    let mut clonable_vars: Vec<ObjId> = Vec::new();
    for f in files {
        for d in &f.decls {
            match &d.kind {
                DeclKind::Func(fd) => {
                    let Some(body) = &fd.body else {
                        continue;
                    };
                    w.func = crate::ownership::func_name(fd);
                    visit::walk_block(&mut w, body);
                }
                DeclKind::Var(specs) => {
                    for s in specs {
                        w.func = "the package initializer".into();
                        for v in &s.values {
                            w.copy(v);
                            visit::walk_expr(&mut w, v);
                        }
                        if !s.values.is_empty() && s.values.len() != s.names.len() {
                            continue;
                        }
                        for (i, n) in s.names.iter().enumerate() {
                            let Some(&o) = info.defs.get(&n.id) else {
                                continue;
                            };
                            if !n.is_blank() && sharing(prog, prog.obj(o).ty) {
                                sharing_vars.push(o);
                            }
                            if !n.is_blank()
                                && !w.plain(prog.obj(o).ty, 0)
                                && w.clonable(prog.obj(o).ty, 0)
                            {
                                clonable_vars.push(o);
                            }
                            if n.is_blank() || !w.plain(prog.obj(o).ty, 0) {
                                continue;
                            }
                            let mut deps = Vec::new();
                            if let Some(v) = s.values.get(i) {
                                if !w.pure_init(v, &mut deps) {
                                    // (Its type fits, but it keeps its start-up order.)
                                    impure.insert(o);
                                }
                            }
                            candidates.push((o, deps));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    let mut readonly: HashSet<ObjId> = candidates
        .iter()
        .map(|(o, _)| *o)
        .filter(|o| {
            !impure.contains(o) && !w.out.written.contains_key(o) && !w.out.aliased.contains_key(o)
        })
        .collect();
    // An initializer that reads a variable that changes (or that starts up eagerly) would see
    // another value when run on first use.
    loop {
        let before = readonly.len();
        for (o, deps) in &candidates {
            if deps.iter().any(|d| !readonly.contains(d)) {
                readonly.remove(o);
            }
        }
        if readonly.len() == before {
            break;
        }
    }
    w.out.readonly = readonly;
    let unchanged_plain = candidates.iter().map(|(o, _)| *o).filter(|o| {
        !w.out.readonly.contains(o)
            && !w.out.written.contains_key(o)
            && !w.out.aliased.contains_key(o)
    });
    // Values holding interfaces or functions (not `Sync`, so no `LazyLock`), never changed
    // and never aliased: thread-local values too.
    let unchanged_clonable = clonable_vars
        .into_iter()
        .filter(|o| !w.out.written.contains_key(o) && !w.out.aliased.contains_key(o));
    w.out.thread_values = sharing_vars
        .into_iter()
        .filter(|o| !w.out.written.contains_key(o))
        .chain(unchanged_plain)
        .chain(unchanged_clonable)
        .collect();
    w.out.readonly_ptrs = ptr_deps
        .iter()
        .filter(|(o, deps)| {
            !w.ptr_bad.contains(o)
                && !w.out.written.contains_key(o)
                && deps.iter().all(|d| w.out.readonly.contains(d))
        })
        .map(|(o, _)| *o)
        .collect();
    w.out.nil_ptrs = w
        .out
        .readonly_ptrs
        .iter()
        .copied()
        .filter(|o| w.ptr_cands.get(o) == Some(&true))
        .collect();
    w.out.write_only = write_only_vars(prog, info, files);
    // (For other types, a copy shares what their pointers point to, not the variable.)
    let plain: HashSet<ObjId> = candidates.iter().map(|(o, _)| *o).collect();
    w.out.aliased.retain(|o, _| plain.contains(o));
    w.out
}

/// The package variables never read (see [`GlobalFacts::write_only`]).
pub fn write_only_vars(prog: &Program, info: &Info, files: &[&File]) -> HashSet<ObjId> {
    let modes = HashMap::new();
    let mut w: Option<Walker<'_>> = None;
    // Candidates: package variables whose initializer, if any, has no side effects.
    let mut candidates: HashSet<ObjId> = HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Var(specs) = &d.kind else {
                continue;
            };
            for s in specs {
                if !s.values.is_empty() && s.values.len() != s.names.len() {
                    continue;
                }
                for (i, n) in s.names.iter().enumerate() {
                    let Some(&o) = info.defs.get(&n.id) else {
                        continue;
                    };
                    let Some(pkg) = prog.obj(o).pkg else {
                        continue;
                    };
                    let w = w.get_or_insert_with(|| Walker {
                        prog,
                        info,
                        pkg,
                        modes: &modes,
                        ptrs: None,
                        uses: HashMap::new(),
                        ptr_cands: HashMap::new(),
                        ptr_uses: HashMap::new(),
                        ptr_bad: HashSet::new(),
                        func: String::new(),
                        out: GlobalFacts::default(),
                    });
                    if !n.is_blank()
                        && s.values
                            .get(i)
                            .is_none_or(|v| w.pure_init(v, &mut Vec::new()))
                    {
                        candidates.insert(o);
                    }
                }
            }
        }
    }
    struct Uses<'a> {
        info: &'a Info,
        candidates: HashSet<ObjId>,
        /// Identifiers that are the whole target of `x = v`.
        targets: HashSet<NodeId>,
        read: HashSet<ObjId>,
    }
    impl Visitor for Uses<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if let StmtKind::Assign {
                lhs,
                op: AssignOp::Assign,
                rhs,
            } = &s.kind
            {
                if let ([l], [_]) = (lhs.as_slice(), rhs.as_slice()) {
                    if matches!(l.kind, ExprKind::Ident(_)) {
                        self.targets.insert(l.id);
                    }
                }
            }
            true
        }
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::Ident(_) = e.kind {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    if self.candidates.contains(&o) && !self.targets.contains(&e.id) {
                        self.read.insert(o);
                    }
                }
            }
            true
        }
    }
    let mut u = Uses {
        info,
        candidates,
        targets: HashSet::new(),
        read: HashSet::new(),
    };
    for f in files {
        for d in &f.decls {
            visit::walk_decl(&mut u, d);
        }
    }
    let Uses {
        candidates, read, ..
    } = u;
    candidates
        .into_iter()
        .filter(|o| !read.contains(o))
        .collect()
}

impl Walker<'_> {
    fn type_of(&self, e: &Expr) -> Option<TypeId> {
        self.info.type_of(e.id)
    }

    fn set(&mut self, e: &Expr, u: Use) {
        self.uses.insert(e.id, u);
    }

    /// The read-only pointer candidate `e` names, if any.
    fn ptr_cand(&self, e: &Expr) -> Option<ObjId> {
        let e = crate::builtins::strip_parens(e);
        if !matches!(e.kind, ExprKind::Ident(_)) {
            return None;
        }
        self.info
            .object_of(e.id)
            .filter(|o| self.ptr_cands.contains_key(o))
    }

    /// For a candidate pointer `e`, the use of what it points to.
    fn ptr_set(&mut self, e: &Expr, u: Use) {
        if self.ptr_cand(e).is_some() {
            self.ptr_uses.insert(crate::builtins::strip_parens(e).id, u);
        }
    }

    /// A candidate's initializer: `Some(false)` for `&T{…}` (without side effects, reading the
    /// package variables collected into `deps`) or `new(T)`, `Some(true)` for `nil`.
    fn fresh_init(&self, v: &Expr, deps: &mut Vec<ObjId>) -> Option<bool> {
        let v = crate::builtins::strip_parens(v);
        match &v.kind {
            _ if self.is_nil(v) => Some(true),
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } if matches!(
                crate::builtins::strip_parens(x).kind,
                ExprKind::CompositeLit { .. }
            ) =>
            {
                self.pure_init(x, deps).then_some(false)
            }
            ExprKind::Call { func, args, .. } if args.len() == 1 => self
                .info
                .object_of(crate::builtins::strip_parens(func).id)
                .is_some_and(|f| matches!(self.prog.obj(f).kind, ObjKind::Builtin(Builtin::New)))
                .then_some(false),
            _ => None,
        }
    }

    /// Whether `e` is `nil`.
    fn is_nil(&self, e: &Expr) -> bool {
        let e = crate::builtins::strip_parens(e);
        matches!(e.kind, ExprKind::Ident(_))
            && self
                .info
                .object_of(e.id)
                .is_some_and(|o| matches!(self.prog.obj(o).kind, ObjKind::Nil))
    }

    /// `e`'s value is copied into something that lives on: a read when the copy shares nothing.
    fn copy(&mut self, e: &Expr) {
        let u = if self.type_of(e).is_some_and(|t| self.deep(t, 0)) {
            Use::Read
        } else {
            Use::Alias
        };
        self.set(e, u);
    }

    /// `e`'s elements are copied out (`range`, `copy`'s source): a read when they share nothing.
    fn elems_copied(&mut self, e: &Expr) {
        let elem = self
            .type_of(e)
            .and_then(|t| match self.prog.types.under(t) {
                Type::Slice(el) | Type::Array(_, el) => Some(*el),
                Type::Basic(BasicKind::String) => Some(t),
                _ => None,
            });
        let u = if elem.is_some_and(|t| self.deep(t, 0)) {
            Use::Read
        } else {
            Use::Alias
        };
        self.set(e, u);
    }

    /// A value of type `t` shares nothing of the variable it is copied from with its copies
    /// (no slices, maps, pointers…). An interface, function or channel value shares what it
    /// refers to, never the variable holding it: Go cannot write through one into that variable.
    fn deep(&self, t: TypeId, depth: u32) -> bool {
        if depth > 20 {
            return false;
        }
        match self.prog.types.get(t) {
            Type::Basic(k) => !matches!(k, BasicKind::UnsafePointer | BasicKind::Invalid),
            Type::Interface(_) | Type::Func(_) | Type::Chan(..) => true,
            Type::Named(n) => n.underlying != t && self.deep(n.underlying, depth + 1),
            Type::Array(_, e) => self.deep(*e, depth + 1),
            Type::Struct(fs) => fs.iter().all(|f| self.deep(f.ty, depth + 1)),
            Type::Tuple(ts) => ts.iter().all(|&t| self.deep(t, depth + 1)),
            _ => false,
        }
    }

    /// A candidate type: numbers, strings, booleans, and arrays, slices, maps and structs of
    /// them (declared in this package), whose Rust form is `Sync`.
    fn plain(&self, t: TypeId, depth: u32) -> bool {
        if depth > 20 {
            return false;
        }
        match self.prog.types.get(t) {
            Type::Basic(k) => {
                !matches!(
                    k,
                    BasicKind::UnsafePointer
                        | BasicKind::Invalid
                        | BasicKind::Complex64
                        | BasicKind::Complex128
                        | BasicKind::UntypedNil
                ) && !k.is_untyped()
            }
            Type::Named(n) => {
                let own = self.prog.obj(n.obj).pkg == Some(self.pkg);
                let basic = matches!(self.prog.types.get(n.underlying), Type::Basic(_));
                n.type_args.is_empty()
                    && n.type_params.is_empty()
                    && (own || basic)
                    && n.underlying != t
                    && self.plain(n.underlying, depth + 1)
            }
            Type::Array(_, e) | Type::Slice(e) => self.plain(*e, depth + 1),
            Type::Map(k, v) => self.plain(*k, depth + 1) && self.plain(*v, depth + 1),
            Type::Struct(fs) => fs.iter().all(|f| self.plain(f.ty, depth + 1)),
            _ => false,
        }
    }

    /// A type like [`Walker::plain`]'s whose leaves may also be interfaces and functions, whose
    /// copies share what they refer to: its Rust form clones, but is not `Sync`.
    fn clonable(&self, t: TypeId, depth: u32) -> bool {
        if depth > 20 {
            return false;
        }
        match self.prog.types.get(t) {
            Type::Interface(_) | Type::Func(_) => true,
            Type::Named(n) if matches!(self.prog.types.get(n.underlying), Type::Interface(_)) => {
                n.type_args.is_empty()
            }
            Type::Named(n) => {
                let own = self.prog.obj(n.obj).pkg == Some(self.pkg);
                n.type_args.is_empty()
                    && n.type_params.is_empty()
                    && own
                    && n.underlying != t
                    && self.clonable(n.underlying, depth + 1)
            }
            Type::Array(_, e) | Type::Slice(e) => self.clonable(*e, depth + 1),
            Type::Map(k, v) => self.plain(*k, depth + 1) && self.clonable(*v, depth + 1),
            Type::Struct(fs) => fs.iter().all(|f| self.clonable(f.ty, depth + 1)),
            _ => self.plain(t, depth),
        }
    }

    fn package_var(&self, o: ObjId) -> bool {
        let obj = self.prog.obj(o);
        matches!(obj.kind, ObjKind::Var { global: true, .. }) && obj.pkg == Some(self.pkg)
    }

    /// An initializer without side effects: literals, constants, operators, conversions, pure
    /// builtins, and package variables (collected into `deps`).
    fn pure_init(&self, e: &Expr, deps: &mut Vec<ObjId>) -> bool {
        struct Pure<'a, 'b> {
            w: &'a Walker<'b>,
            deps: &'a mut Vec<ObjId>,
            ok: bool,
        }
        impl Visitor for Pure<'_, '_> {
            fn expr(&mut self, e: &Expr) -> bool {
                if !self.ok {
                    return false;
                }
                let w = self.w;
                match &e.kind {
                    ExprKind::Ident(_) => {
                        if let Some(o) = w.info.object_of(e.id) {
                            match &w.prog.obj(o).kind {
                                ObjKind::Var { .. } if w.package_var(o) => self.deps.push(o),
                                ObjKind::Var { .. } | ObjKind::Func { .. } => self.ok = false,
                                _ => {}
                            }
                        }
                    }
                    ExprKind::Selector { x, .. } => {
                        // A qualified constant or type (`math.MaxInt8`), or a field.
                        if let Some(o) = w.info.object_of(e.id) {
                            if !matches!(
                                w.prog.obj(o).kind,
                                ObjKind::Const(_) | ObjKind::TypeName | ObjKind::Field { .. }
                            ) {
                                self.ok = false;
                            }
                        } else if !w.info.selections.contains_key(&e.id) {
                            self.ok = false;
                        }
                        if matches!(&x.kind, ExprKind::Ident(_))
                            && w.info
                                .object_of(x.id)
                                .is_some_and(|o| matches!(w.prog.obj(o).kind, ObjKind::PkgName(_)))
                        {
                            return false;
                        }
                    }
                    ExprKind::Call { func, .. } => {
                        let conversion = matches!(
                            w.info.types.get(&func.id).map(|t| &t.mode),
                            Some(Mode::Type)
                        );
                        let builtin = strip(func)
                            .and_then(|f| w.info.object_of(f.id))
                            .is_some_and(|o| {
                                matches!(
                                    w.prog.obj(o).kind,
                                    ObjKind::Builtin(
                                        Builtin::Len
                                            | Builtin::Cap
                                            | Builtin::Make
                                            | Builtin::Append
                                            | Builtin::Min
                                            | Builtin::Max
                                    )
                                )
                            });
                        if !conversion && !builtin {
                            self.ok = false;
                        }
                    }
                    ExprKind::FuncLit { .. }
                    | ExprKind::Star(_)
                    | ExprKind::TypeAssert { .. }
                    | ExprKind::Bad => self.ok = false,
                    ExprKind::Unary {
                        op: UnaryOp::Addr | UnaryOp::Recv,
                        ..
                    } => self.ok = false,
                    _ => {}
                }
                self.ok
            }
        }
        let mut p = Pure {
            w: self,
            deps,
            ok: true,
        };
        visit::walk_expr(&mut p, e);
        p.ok
    }

    /// Candidate pointers passed to a call: read through only by `len`/`cap` and by a
    /// borrowed `&T` parameter.
    fn ptr_args(&mut self, func: &Expr, args: &[Expr], ellipsis: bool, conversion: bool) {
        let Some(p) = self.ptrs else {
            return;
        };
        if !args.iter().any(|a| self.ptr_cand(a).is_some()) {
            return;
        }
        let callee = strip(func).and_then(|f| self.info.object_of(f.id));
        let kind = callee.map(|o| self.prog.obj(o).kind.clone());
        for (i, a) in args.iter().enumerate() {
            let read = match &kind {
                _ if conversion || ellipsis => false,
                Some(ObjKind::Builtin(b)) => matches!(b, Builtin::Len | Builtin::Cap),
                Some(_) => {
                    callee
                        .and_then(|c| p.modes.get(&c))
                        .and_then(|m| m.get(i).copied().flatten())
                        == Some(SliceMode::Ref)
                }
                None => false,
            };
            self.ptr_set(a, if read { Use::Read } else { Use::Alias });
        }
    }

    fn record(&mut self, o: ObjId, u: Use) {
        let map = match u {
            Use::Read => return,
            Use::Write => &mut self.out.written,
            Use::Alias => &mut self.out.aliased,
        };
        map.entry(o).or_insert_with(|| self.func.clone());
    }

    /// The package a call's function comes from, when it is `pkg.F`.
    fn std_pkg(&self, func: &Expr) -> Option<String> {
        let ExprKind::Selector { x, .. } = &func.kind else {
            return None;
        };
        let o = self.info.object_of(x.id)?;
        match self.prog.obj(o).kind {
            ObjKind::PkgName(p) => Some(self.prog.pkg(p).path.clone()),
            _ => None,
        }
    }

    fn call(&mut self, u: Use, func: &Expr, args: &[Expr], ellipsis: bool) {
        self.set(func, Use::Read);
        let conversion = matches!(
            self.info.types.get(&func.id).map(|t| &t.mode),
            Some(Mode::Type)
        );
        self.ptr_args(func, args, ellipsis, conversion);
        if conversion {
            // A conversion: the result is the operand's value.
            for a in args {
                if u == Use::Alias {
                    self.copy(a);
                } else {
                    self.set(a, u);
                }
            }
            return;
        }
        let callee = strip(func).and_then(|f| self.info.object_of(f.id));
        if let Some(ObjKind::Builtin(b)) = callee.map(|o| self.prog.obj(o).kind.clone()) {
            for (i, a) in args.iter().enumerate() {
                match (b, i) {
                    (Builtin::Len | Builtin::Cap | Builtin::Print | Builtin::Println, _) => {
                        self.set(a, Use::Read)
                    }
                    (
                        Builtin::Append
                        | Builtin::Copy
                        | Builtin::Delete
                        | Builtin::Clear
                        | Builtin::Close,
                        0,
                    ) => self.set(a, Use::Write),
                    (Builtin::Copy, 1) => self.elems_copied(a),
                    _ => self.copy(a),
                }
            }
            return;
        }
        let read_only_pkg = self.std_pkg(func).is_some_and(|p| {
            matches!(
                p.as_str(),
                "fmt" | "strings" | "strconv" | "math" | "unicode" | "unicode/utf8" | "errors"
            )
        });
        // A package function that borrows its slice and map parameters (`&[T]`).
        let modes = callee
            .filter(|&o| self.prog.obj(o).pkg == Some(self.pkg))
            .and_then(|o| self.modes.get(&o));
        for (i, a) in args.iter().enumerate() {
            let borrowed = !ellipsis
                && modes.and_then(|m| m.get(i)).copied().flatten() == Some(SliceMode::Ref);
            if read_only_pkg || borrowed {
                self.set(a, Use::Read);
            } else {
                self.copy(a);
            }
        }
    }
}

/// A type whose copies share what they refer to: an interface, a pointer, a function or a
/// channel value.
fn sharing(prog: &Program, t: TypeId) -> bool {
    matches!(
        prog.types.under(t),
        Type::Interface(_) | Type::Pointer(_) | Type::Func(_) | Type::Chan(..)
    )
}

fn strip(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Paren(x) => strip(x),
        ExprKind::Ident(_) | ExprKind::Selector { .. } => Some(e),
        _ => None,
    }
}

impl Visitor for Walker<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.set(e, Use::Read),
            StmtKind::Send { chan, value } => {
                self.set(chan, Use::Write);
                self.copy(value);
            }
            StmtKind::IncDec { x, .. } => self.set(x, Use::Write),
            StmtKind::Assign { lhs, rhs, .. } => {
                lhs.iter().for_each(|l| self.set(l, Use::Write));
                rhs.iter().for_each(|r| self.copy(r));
            }
            StmtKind::Return(es) => es.iter().for_each(|e| self.copy(e)),
            StmtKind::If { cond, .. } => self.set(cond, Use::Read),
            StmtKind::For { cond: Some(c), .. } => self.set(c, Use::Read),
            StmtKind::Switch { tag, clauses, .. } => {
                if let Some(t) = tag {
                    self.set(t, Use::Read);
                }
                for c in clauses {
                    c.exprs.iter().for_each(|e| self.set(e, Use::Read));
                }
            }
            StmtKind::TypeSwitch { x, .. } => self.copy(x),
            StmtKind::Range { key, value, x, .. } => {
                key.iter()
                    .chain(value)
                    .for_each(|e| self.set(e, Use::Write));
                let value_used = value
                    .as_ref()
                    .is_some_and(|v| !matches!(&v.kind, ExprKind::Ident(n) if n == "_"));
                match value.as_ref().filter(|_| value_used) {
                    None => self.set(x, Use::Read),
                    Some(v) => {
                        let deep = self
                            .info
                            .object_of(v.id)
                            .map(|o| self.prog.obj(o).ty)
                            .or_else(|| self.type_of(v))
                            .is_some_and(|t| self.deep(t, 0));
                        self.set(x, if deep { Use::Read } else { Use::Alias });
                    }
                }
            }
            StmtKind::Decl(d) => {
                if let DeclKind::Var(specs) = &d.kind {
                    for s in specs {
                        s.values.iter().for_each(|v| self.copy(v));
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        let u = self.uses.get(&e.id).copied().unwrap_or(Use::Alias);
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(o) = self.info.object_of(e.id).filter(|&o| self.package_var(o)) {
                    self.record(o, u);
                    if self.ptr_cands.contains_key(&o)
                        && self.ptr_uses.get(&e.id).copied().unwrap_or(u) != Use::Read
                    {
                        self.ptr_bad.insert(o);
                    }
                }
            }
            ExprKind::Paren(x) => self.set(x, u),
            ExprKind::Selector { x, .. } => match self.info.selections.get(&e.id) {
                Some(sel) if sel.kind == goxide_types::SelectionKind::FieldVal => {
                    let through_ptr = self
                        .type_of(x)
                        .is_some_and(|t| matches!(self.prog.types.under(t), Type::Pointer(_)));
                    if through_ptr || sel.indirect {
                        self.copy(x);
                        // A field of what a candidate points to is used as the field is. (Its
                        // type is plain: no embedded pointer on the way.)
                        self.ptr_set(x, u);
                    } else {
                        self.set(x, u);
                    }
                }
                Some(sel) => {
                    let ptr_recv = matches!(
                        self.prog.obj(sel.obj).kind,
                        ObjKind::Func { recv: Some(r) } if matches!(self.prog.types.get(r), Type::Pointer(_))
                    );
                    let x_ptr = self
                        .type_of(x)
                        .is_some_and(|t| matches!(self.prog.types.under(t), Type::Pointer(_)));
                    if ptr_recv && !x_ptr {
                        self.set(x, Use::Write);
                    } else {
                        self.copy(x);
                    }
                    if let (Some(p), Some(o)) = (self.ptrs, self.ptr_cand(x)) {
                        // A method called through a candidate: it must only read.
                        let pointee = match self.prog.types.get(self.prog.obj(o).ty) {
                            Type::Pointer(t) => *t,
                            _ => self.prog.obj(o).ty,
                        };
                        let reads = if ptr_recv {
                            p.readonly_methods.contains(&sel.obj)
                                && !p.ptr_value_methods.contains(&sel.obj)
                        } else {
                            self.deep(pointee, 0)
                        };
                        let called = u == Use::Read && sel.kind == SelectionKind::MethodVal;
                        self.ptr_set(
                            x,
                            if reads && called {
                                Use::Read
                            } else {
                                Use::Alias
                            },
                        );
                    }
                }
                None => {}
            },
            ExprKind::Index { x, indices } => {
                indices.iter().for_each(|i| self.copy(i));
                self.set(x, u);
            }
            ExprKind::Slice { x, lo, hi, max, .. } => {
                for b in [lo, hi, max].into_iter().flatten() {
                    self.copy(b);
                }
                self.set(x, u);
                self.ptr_set(x, Use::Alias);
            }
            ExprKind::TypeAssert { x, .. } => self.copy(x),
            ExprKind::Star(x) => {
                self.copy(x);
                self.ptr_set(x, u);
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call(u, func, args, *ellipsis),
            ExprKind::CompositeLit { elems, .. } => {
                for el in elems {
                    if let Some(k) = &el.key {
                        self.copy(k);
                    }
                    self.copy(&el.value);
                }
            }
            ExprKind::Unary { op, x } => match op {
                UnaryOp::Addr | UnaryOp::Recv => self.set(x, Use::Write),
                _ => self.set(x, Use::Read),
            },
            ExprKind::Binary { x, y, .. } => {
                self.set(x, Use::Read);
                self.set(y, Use::Read);
                // A candidate compared: only a nil one, with nil.
                for (a, b) in [(x, y), (y, x)] {
                    if let Some(o) = self.ptr_cand(a) {
                        let nil_cmp = self.ptr_cands.get(&o) == Some(&true) && self.is_nil(b);
                        self.ptr_set(a, if nil_cmp { Use::Read } else { Use::Alias });
                    }
                }
            }
            _ => {}
        }
        true
    }
}

/// Reads of read-only statics, `(*X)` as the translator writes them, made plain: as a method
/// receiver, indexed or projected, `X.len()`, `X[i]` and `X.f` (Rust dereferences the
/// `LazyLock` itself there); elsewhere `*X`. Methods that every type has (`clone`, `into`, …)
/// keep the explicit `(*X)`, which names the value rather than the static.
pub fn tidy_reads(items: &mut [syn::Item], statics: &HashSet<String>) {
    if statics.is_empty() {
        return;
    }
    let mut t = Tidy(statics);
    for item in items {
        t.visit_item_mut(item);
    }
}

/// [`tidy_reads`] in one expression: `(*g)` of the reference a package variable's closure
/// gets (`X.with_borrow_mut(|g| …)`) read as `g.f`, `g[i]`, `g.push(v)`.
pub fn tidy_reads_in(e: &mut syn::Expr, names: &HashSet<String>) {
    Tidy(names).visit_expr_mut(e);
}

/// The walk of [`tidy_reads`]: the names whose `(*X)` reads it makes plain.
struct Tidy<'a>(&'a HashSet<String>);

impl Tidy<'_> {
    /// `(*X)` for one of the statics.
    fn is_read(&self, e: &syn::Expr) -> bool {
        let syn::Expr::Paren(p) = e else {
            return false;
        };
        let syn::Expr::Unary(u) = &*p.expr else {
            return false;
        };
        matches!(u.op, syn::UnOp::Deref(_))
            && matches!(&*u.expr, syn::Expr::Path(x)
                    if x.path.get_ident().is_some_and(|i| self.0.contains(&i.to_string())))
    }

    /// A postfix operand: `X` when `strip`, else kept in parentheses.
    fn operand(&mut self, e: &mut syn::Expr, strip: bool) {
        if !self.is_read(e) {
            self.visit_expr_mut(e);
            return;
        }
        if let (true, syn::Expr::Paren(p)) = (strip, &*e) {
            if let syn::Expr::Unary(u) = &*p.expr {
                *e = (*u.expr).clone();
            }
        }
    }
}
impl VisitMut for Tidy<'_> {
    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        const GENERAL: [&str; 16] = [
            "clone",
            "into",
            "into_iter",
            "to_owned",
            "borrow",
            "borrow_mut",
            "type_id",
            "as_ref",
            "as_mut",
            "fmt",
            "eq",
            "ne",
            "cmp",
            "partial_cmp",
            "hash",
            "to_string",
        ];
        match e {
            syn::Expr::MethodCall(m) => {
                let strip = !GENERAL.contains(&m.method.to_string().as_str());
                self.operand(&mut m.receiver, strip);
                m.args.iter_mut().for_each(|a| self.visit_expr_mut(a));
            }
            syn::Expr::Index(i) => {
                self.operand(&mut i.expr, true);
                self.visit_expr_mut(&mut i.index);
            }
            syn::Expr::Field(f) => self.operand(&mut f.base, true),
            syn::Expr::Try(t) => self.operand(&mut t.expr, false),
            syn::Expr::Call(c) => {
                self.operand(&mut c.func, false);
                c.args.iter_mut().for_each(|a| self.visit_expr_mut(a));
            }
            _ if self.is_read(e) => {
                if let syn::Expr::Paren(p) = e {
                    *e = (*p.expr).clone();
                }
            }
            _ => syn::visit_mut::visit_expr_mut(self, e),
        }
    }

    /// Arguments of `println!`, `format!`, `vec!`….
    fn visit_macro_mut(&mut self, m: &mut syn::Macro) {
        use syn::parse::Parser;
        let parser = syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        let Ok(mut args) = parser.parse2(m.tokens.clone()) else {
            return;
        };
        let before = args.clone();
        args.iter_mut().for_each(|a| self.visit_expr_mut(a));
        if args != before {
            m.tokens = quote::ToTokens::to_token_stream(&args);
        }
    }
}
