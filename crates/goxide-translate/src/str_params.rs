//! String parameters that a function only reads are `&str`, as a Rust engineer would write
//! them: `fn greet(who: &str)`, called `greet(&name)` or `greet("bob")`, instead of taking a
//! `String` that every caller clones.
//!
//! A parameter qualifies when it has Go's `string` type (not a named string type) and every use
//! of it only reads it: an operand, `len`, an index or a slice of it, a map key looked up, a
//! `switch` tag, a `range`, an argument of the standard library (functions, and methods of its
//! types), or an argument for another such parameter (to a fixpoint). A parameter that is
//! stored, returned, copied or inserted as a map key stays an owned `String`, moved where it
//! is kept. It must not be variadic, assigned as a whole, address-taken or captured, and no
//! other variable of the function may have its name (reads are rewritten by name).
//!
//! The function must not be generic, have borrowed pointer parameters (their calls take another
//! path), or be named other than as the callee of direct calls (no function value, `go` or
//! `defer`); outside `package main` it must be unexported, as other packages call exported
//! ones. A method must belong to a named struct type that is neither generic nor embedded, have
//! a name no interface has, and live in a package without `reflect`: trait impls and forwarding
//! methods keep Go's signature.
//!
//! In the body, reads use `who` in place (a use that still needs a `String` is
//! `who.to_string()`). A caller passes a constant as the literal, a `&str` parameter as itself,
//! and anything else borrowed (`&name`, `&format!(…)`).

use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{BasicKind, Info, ObjId, Program, Type};
use std::collections::{HashMap, HashSet};

/// The `&str` parameters, and per function which of its parameters are.
#[derive(Default, Debug, Clone)]
pub struct StrParams {
    pub params: HashSet<ObjId>,
    pub fns: HashMap<ObjId, Vec<bool>>,
}

/// What the rest of the analysis knows about variables.
pub struct Facts<'a> {
    pub whole_assigned: &'a HashSet<ObjId>,
    pub captured: &'a HashSet<ObjId>,
    pub address_taken: &'a HashSet<ObjId>,
    /// Functions whose calls lend pointers (see `ptr_params`).
    pub ptr_fns: &'a HashSet<ObjId>,
    /// Strings held as bytes (see `bytestr`).
    pub bytestrs: &'a HashSet<ObjId>,
}

pub fn find(prog: &Program, info: &Info, files: &[&File], facts: &Facts<'_>) -> StrParams {
    let mut out = StrParams::default();
    let not_only_called = crate::results::not_only_called(prog, info, files);
    let main_pkg = files.first().is_some_and(|f| f.package.name == "main");
    // Methods whose name an interface has (their trait impls keep Go's signature), and types
    // that another struct embeds (its forwarding methods do too).
    let mut iface_names: HashSet<String> = crate::ptr_params::interface_method_names(files);
    let mut embedded: HashSet<goxide_types::TypeId> = HashSet::new();
    for i in 0..prog.types.len() {
        match prog.types.get(goxide_types::TypeId(i as u32)) {
            Type::Interface(it) => {
                iface_names.extend(
                    it.all_methods
                        .iter()
                        .chain(&it.methods)
                        .map(|m| m.name.clone()),
                );
            }
            Type::Struct(fields) => {
                for f in fields.iter().filter(|f| f.embedded) {
                    embedded.insert(match prog.types.get(f.ty) {
                        Type::Pointer(b) => *b,
                        _ => f.ty,
                    });
                }
            }
            _ => {}
        }
    }
    let reflect = files
        .iter()
        .any(|f| f.imports.iter().any(|i| i.path == "reflect"));
    let mut pkg = None;
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(body) = &fd.body else { continue };
            if !fd.type_params.is_empty() || fd.name.name == "main" {
                continue;
            }
            if let Some(r) = &fd.recv {
                // A method of a named struct type that is not generic and not embedded.
                let Some(rt) = info.type_of(r.ty.id) else {
                    continue;
                };
                let base = match prog.types.get(rt) {
                    Type::Pointer(b) => *b,
                    _ => rt,
                };
                let plain = matches!(prog.types.get(base), Type::Named(n)
                    if n.type_params.is_empty() && n.type_args.is_empty())
                    && matches!(prog.types.under(base), Type::Struct(_));
                if !plain
                    || reflect
                    || embedded.contains(&base)
                    || iface_names.contains(&fd.name.name)
                {
                    continue;
                }
            }
            let exported = fd.name.name.chars().next().is_some_and(char::is_uppercase);
            if exported && !main_pkg {
                continue;
            }
            let Some(&fobj) = info.defs.get(&fd.name.id) else {
                continue;
            };
            pkg = prog.obj(fobj).pkg;
            if not_only_called.contains(&fobj) || facts.ptr_fns.contains(&fobj) {
                continue;
            }
            let names = local_names(info, body);
            let mut flags = Vec::new();
            for g in &fd.sig.params {
                if g.names.is_empty() {
                    flags.push(false);
                    continue;
                }
                for n in &g.names {
                    let ok = info.defs.get(&n.id).copied().is_some_and(|p| {
                        !g.variadic
                            && n.name != "_"
                            && matches!(
                                prog.types.get(prog.obj(p).ty),
                                Type::Basic(BasicKind::String)
                            )
                            && !facts.whole_assigned.contains(&p)
                            && !facts.captured.contains(&p)
                            && !facts.address_taken.contains(&p)
                            && !facts.bytestrs.contains(&p)
                            && !names.contains(&n.name)
                    });
                    if ok {
                        if let Some(&p) = info.defs.get(&n.id) {
                            out.params.insert(p);
                        }
                    }
                    flags.push(ok);
                }
            }
            if flags.contains(&true) {
                out.fns.insert(fobj, flags);
            }
        }
    }
    // Parameters with a use that is not a read keep `String` (to a fixpoint: passing one on
    // to a parameter that keeps `String` is not a read).
    let uses: Vec<(NodeId, ObjId)> = info
        .uses
        .iter()
        .filter(|(_, o)| out.params.contains(o))
        .map(|(&n, &o)| (n, o))
        .collect();
    loop {
        let mut r = Reads {
            prog,
            info,
            fns: &out.fns,
            pkg,
            reads: HashSet::new(),
            inserted: HashSet::new(),
        };
        for f in files {
            for d in &f.decls {
                visit::walk_decl(&mut r, d);
            }
        }
        let owned: HashSet<ObjId> = uses
            .iter()
            .filter(|(n, o)| {
                out.params.contains(o) && (!r.reads.contains(n) || r.inserted.contains(n))
            })
            .map(|&(_, o)| o)
            .collect();
        if owned.is_empty() {
            break;
        }
        out.params.retain(|p| !owned.contains(p));
        for f in files {
            for d in &f.decls {
                let DeclKind::Func(fd) = &d.kind else {
                    continue;
                };
                let Some(fobj) = info.defs.get(&fd.name.id) else {
                    continue;
                };
                if let Some(flags) = out.fns.get_mut(fobj) {
                    let ps = fd.sig.params.iter().flat_map(|g| {
                        let n = g.names.len().max(1);
                        (0..n).map(move |i| g.names.get(i))
                    });
                    for (flag, n) in flags.iter_mut().zip(ps) {
                        if n.and_then(|n| info.defs.get(&n.id))
                            .is_some_and(|p| owned.contains(p))
                        {
                            *flag = false;
                        }
                    }
                }
            }
        }
        out.fns.retain(|_, flags| flags.contains(&true));
    }
    out
}

/// The identifiers in a reading position (see the module documentation).
struct Reads<'a> {
    prog: &'a Program,
    info: &'a Info,
    fns: &'a HashMap<ObjId, Vec<bool>>,
    pkg: Option<goxide_types::PkgId>,
    reads: HashSet<NodeId>,
    /// Keys of map entries assigned to (inserted).
    inserted: HashSet<NodeId>,
}

impl Reads<'_> {
    /// The function or method `f` names as a callee.
    fn callee(&self, f: &Expr) -> Option<ObjId> {
        match &f.kind {
            ExprKind::Ident(_) => self.info.uses.get(&f.id).copied(),
            ExprKind::Selector { .. } => self
                .info
                .selections
                .get(&f.id)
                .filter(|s| s.kind == goxide_types::SelectionKind::MethodVal)
                .map(|s| s.obj),
            _ => None,
        }
    }

    fn target(&mut self, t: &Expr) {
        if let ExprKind::Index { indices, .. } = &crate::builtins::strip_parens(t).kind {
            for i in indices {
                self.inserted.insert(crate::builtins::strip_parens(i).id);
            }
        }
    }

    fn read(&mut self, e: &Expr) {
        let e = crate::builtins::strip_parens(e);
        if matches!(e.kind, ExprKind::Ident(_)) {
            self.reads.insert(e.id);
        }
    }
}

impl Visitor for Reads<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Switch { tag: Some(t), .. } => self.read(t),
            StmtKind::Range { x, .. } => self.read(x),
            StmtKind::Assign { lhs, .. } => lhs.iter().for_each(|t| self.target(t)),
            StmtKind::IncDec { x, .. } => self.target(x),
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Binary { x, y, .. } => {
                self.read(x);
                self.read(y);
            }
            ExprKind::Slice { x, .. } => self.read(x),
            ExprKind::Index { x, indices } => {
                self.read(x);
                // A map key looked up (an assignment to `m[k]` inserts a key: the
                // assignment's target is no read, see `stmt`).
                let map = self
                    .info
                    .type_of(x.id)
                    .is_some_and(|t| matches!(self.prog.types.under(t), Type::Map(..)));
                if map {
                    indices.iter().for_each(|i| self.read(i));
                }
            }
            ExprKind::Call { func, args, .. } => {
                let f = crate::builtins::strip_parens(func);
                let conversion = self
                    .info
                    .types
                    .get(&f.id)
                    .is_some_and(|t| t.mode == goxide_types::Mode::Type);
                let stdlib = match &f.kind {
                    ExprKind::Selector { x, .. } => self
                        .info
                        .types
                        .get(&x.id)
                        .is_some_and(|t| t.mode == goxide_types::Mode::Package),
                    _ => false,
                };
                let builtin = self.info.uses.get(&f.id).is_some_and(|&b| {
                    matches!(
                        self.prog.obj(b).kind,
                        goxide_types::ObjKind::Builtin(goxide_types::Builtin::Len)
                    )
                });
                // `delete(m, k)` looks the key up.
                let delete = self.info.uses.get(&f.id).is_some_and(|&b| {
                    matches!(
                        self.prog.obj(b).kind,
                        goxide_types::ObjKind::Builtin(goxide_types::Builtin::Delete)
                    )
                });
                if delete {
                    args.iter().skip(1).for_each(|a| self.read(a));
                }
                let to_bytes = conversion
                    && self
                        .info
                        .type_of(e.id)
                        .is_some_and(|t| matches!(self.prog.types.under(t), Type::Slice(_)));
                // A method of another package's type (`sb.WriteString(s)`).
                let foreign = matches!(&f.kind, ExprKind::Selector { .. })
                    && self
                        .callee(f)
                        .is_some_and(|m| self.prog.obj(m).pkg != self.pkg);
                if stdlib || builtin || to_bytes || foreign {
                    args.iter().for_each(|a| self.read(a));
                } else if let Some(flags) = self.callee(f).and_then(|fo| self.fns.get(&fo)) {
                    for (a, &is_str) in args.iter().zip(flags) {
                        if is_str {
                            self.read(a);
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }
}

/// The names of the variables declared in `body`.
fn local_names(info: &Info, body: &Block) -> HashSet<String> {
    struct Names<'a> {
        info: &'a Info,
        out: HashSet<String>,
    }
    impl Visitor for Names<'_> {
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::Ident(n) = &e.kind {
                if self.info.defs.contains_key(&e.id) {
                    self.out.insert(n.clone());
                }
            }
            if let ExprKind::FuncLit { sig, .. } = &e.kind {
                for g in sig.params.iter().chain(&sig.results) {
                    for n in &g.names {
                        self.out.insert(n.name.clone());
                    }
                }
            }
            true
        }
        fn stmt(&mut self, s: &Stmt) -> bool {
            if let StmtKind::TypeSwitch { bind: Some(b), .. } = &s.kind {
                self.out.insert(b.name.clone());
            }
            if let StmtKind::Decl(d) = &s.kind {
                match &d.kind {
                    DeclKind::Var(specs) => {
                        self.out.extend(
                            specs
                                .iter()
                                .flat_map(|sp| sp.names.iter().map(|n| n.name.clone())),
                        );
                    }
                    DeclKind::Const(specs) => {
                        self.out.extend(
                            specs
                                .iter()
                                .flat_map(|sp| sp.names.iter().map(|n| n.name.clone())),
                        );
                    }
                    _ => {}
                }
            }
            true
        }
    }
    let mut n = Names {
        info,
        out: HashSet::new(),
    };
    visit::walk_block(&mut n, body);
    n.out
}

/// Rewrites the reads of the `&str` parameters `names` in a translated body that assume a
/// `String`: `who.as_str()` is `who`, and a map key `m.get(&who)` is `m.get(who)`.
pub fn read_in_place(body: &mut [syn::Stmt], names: &[syn::Ident]) {
    use syn::visit_mut::VisitMut;
    struct Rewrite<'a>(&'a [syn::Ident]);
    impl Rewrite<'_> {
        fn is_param(&self, e: &syn::Expr) -> bool {
            matches!(e, syn::Expr::Path(p) if p.qself.is_none()
                && p.path.get_ident().is_some_and(|i| self.0.contains(i)))
        }
    }
    impl VisitMut for Rewrite<'_> {
        fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, e);
            let syn::Expr::MethodCall(m) = e else {
                return;
            };
            if m.method == "as_str" && m.args.is_empty() && self.is_param(&m.receiver) {
                *e = (*m.receiver).clone();
                return;
            }
            let keyed = ["get", "get_mut", "contains_key", "remove", "get_key_value"];
            if keyed.iter().any(|k| m.method == k) && m.args.len() == 1 {
                if let Some(syn::Expr::Reference(r)) = m.args.first() {
                    if r.mutability.is_none() && self.is_param(&r.expr) {
                        let inner = (*r.expr).clone();
                        m.args[0] = inner;
                    }
                }
            }
        }
    }
    if names.is_empty() {
        return;
    }
    let mut r = Rewrite(names);
    for s in body {
        r.visit_stmt_mut(s);
    }
}
