//! Generic functions that stay generic: `func Filter[T any](xs []T, keep func(T) bool) []T`
//! becomes one `fn filter<T: Clone>(xs: &[T], keep: &mut dyn FnMut(T) -> bool) -> Vec<T>`
//! instead of one Rust function per instantiation, with bounds derived from what the body
//! does with its type parameters: `Clone` always (Go copies values), `Default` for a zero
//! value (`var zero T`), `PartialEq` for `==`, `Eq + Hash` for a map key, `fmt::Format` for
//! printing.
//!
//! Only where the translation is known to carry over (found here, before anything is
//! emitted, so that every call site names the function alike): a package function (not a
//! method) whose type parameters are constrained by `any` or `comparable`, every use with
//! concrete type arguments instantiates it with basic types (numbers, strings, booleans:
//! they meet every bound above; no floats for a `comparable` one, which may be a map key),
//! each type parameter appears in a parameter's type (Rust infers it there), and whose
//! signature and body convert nothing to or from a type parameter, hold no interface value
//! and no generic type, assert or switch on no type, call no generic function, and have no
//! function literal, no `unsafe`, `defer`, `go` or `select`. Other generic functions are
//! translated per instantiation.

use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, Program, Type, TypeId};
use std::collections::{HashMap, HashSet};

/// The generic functions of `files` translated as Rust generic functions.
pub fn find(
    prog: &Program,
    info: &Info,
    files: &[&File],
    instances: &HashMap<ObjId, Vec<Vec<TypeId>>>,
) -> HashSet<ObjId> {
    let mut out = HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(body), None) = (&fd.body, &fd.recv) else {
                continue;
            };
            if fd.type_params.is_empty() {
                continue;
            }
            let Some(&obj) = info.defs.get(&fd.name.id) else {
                continue;
            };
            let Some(tps) = prog.func_type_params.get(&obj) else {
                continue;
            };
            let plain_constraints = tps.iter().all(|&t| match prog.types.get(t) {
                Type::TypeParam { constraint, .. } => {
                    let c = *constraint;
                    let any = matches!(prog.types.under(c), Type::Interface(i)
                        if i.all_methods.is_empty() && i.methods.is_empty()
                            && i.embeds.is_empty() && i.terms.is_none());
                    any || prog.type_string(c) == "comparable"
                }
                _ => false,
            });
            // (A `comparable` one may be a map key: no floats, which Rust cannot hash.)
            let comparable: Vec<bool> = tps
                .iter()
                .map(|&t| match prog.types.get(t) {
                    Type::TypeParam { constraint, .. } => {
                        prog.type_string(*constraint) == "comparable"
                    }
                    _ => false,
                })
                .collect();
            let uses = instances.get(&obj).map(Vec::as_slice).unwrap_or_default();
            let basic_args = !uses.is_empty()
                && uses.iter().all(|args| {
                    args.iter().zip(&comparable).all(|(&a, &c)| {
                        matches!(prog.types.under(a), Type::Basic(k)
                            if !k.is_untyped() && !(c && (k.is_float() || k.is_complex())))
                    })
                });
            // Every type parameter appears in a parameter's type, where Rust infers it from.
            let param_types: Vec<TypeId> = fd
                .sig
                .params
                .iter()
                .filter_map(|g| info.type_of(g.ty.id))
                .collect();
            let inferred = tps
                .iter()
                .all(|&tp| param_types.iter().any(|&t| mentions(prog, t, tp, 0)));
            if !plain_constraints || !basic_args || !inferred {
                continue;
            }
            let mut body_check = Body {
                prog,
                info,
                params: tps.iter().copied().collect(),
                ok: true,
            };
            for g in fd.sig.params.iter().chain(&fd.sig.results) {
                visit::walk_expr(&mut body_check, &g.ty);
            }
            visit::walk_block(&mut body_check, body);
            if body_check.ok {
                out.insert(obj);
            }
        }
    }
    out
}

/// Whether a generic function's body keeps to what carries over (see the module docs).
struct Body<'a> {
    prog: &'a Program,
    info: &'a Info,
    params: HashSet<TypeId>,
    ok: bool,
}

impl Body<'_> {
    fn is_param(&self, t: TypeId) -> bool {
        self.params.contains(&t)
    }
}

impl Visitor for Body<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        if matches!(
            s.kind,
            StmtKind::Defer(_)
                | StmtKind::Go(_)
                | StmtKind::Select { .. }
                | StmtKind::TypeSwitch { .. }
        ) {
            self.ok = false;
        }
        self.ok
    }

    fn expr(&mut self, e: &Expr) -> bool {
        // Generic types are translated per instantiation: not inside a generic function; nor
        // interface values (a type parameter's value converted to one needs more bounds).
        if self.info.type_of(e.id).is_some_and(|t| {
            generic_named(self.prog, t, 0) || matches!(self.prog.types.under(t), Type::Interface(_))
        }) {
            self.ok = false;
        }
        match &e.kind {
            ExprKind::FuncLit { .. } | ExprKind::TypeAssert { .. } => self.ok = false,
            ExprKind::Call { func, args, .. } => {
                let f = crate::builtins::strip_parens(func);
                // A conversion `T(x)` or `int(t)`.
                let conversion = matches!(
                    self.info.types.get(&f.id).map(|t| &t.mode),
                    Some(goxide_types::Mode::Type)
                );
                if conversion {
                    let to_param = self.info.type_of(f.id).is_some_and(|t| self.is_param(t));
                    let from_param = args
                        .iter()
                        .any(|a| self.info.type_of(a.id).is_some_and(|t| self.is_param(t)));
                    if to_param || from_param {
                        self.ok = false;
                    }
                }
            }
            ExprKind::Ident(_) | ExprKind::Index { .. } => {
                // A use of a generic function (its instantiation).
                let ident = match &e.kind {
                    ExprKind::Index { x, .. } => &**x,
                    _ => e,
                };
                if let Some(o) = self.info.uses.get(&ident.id) {
                    if self.prog.func_type_params.contains_key(o) {
                        self.ok = false;
                    }
                    // (`unsafe.Sizeof(x)` and its kin depend on the type argument.)
                    if matches!(self.prog.obj(*o).kind, goxide_types::ObjKind::PkgName(p)
                        if self.prog.pkg(p).path == "unsafe")
                    {
                        self.ok = false;
                    }
                }
            }
            _ => {}
        }
        self.ok
    }
}

impl crate::ctx::Ctx<'_> {
    /// Records that type parameter `t` needs bound `bound` (`"Default"`, `"PartialEq"`, …).
    pub fn need_bound(&mut self, t: TypeId, bound: &'static str) {
        if self.rust_params.contains_key(&t) {
            self.param_bounds.entry(t).or_default().insert(bound);
        }
    }

    /// Generic function `f` as one Rust generic function (see the module docs).
    pub fn parametric_fn(&mut self, d: &Decl, f: &FuncDecl, obj: ObjId) -> Vec<syn::Item> {
        let tps = self
            .prog
            .func_type_params
            .get(&obj)
            .cloned()
            .unwrap_or_default();
        let idents: Vec<syn::Ident> = f
            .type_params
            .iter()
            .flat_map(|g| &g.names)
            .map(|n| crate::names::type_ident(&n.name))
            .collect();
        if idents.len() != tps.len() {
            return vec![];
        }
        self.rust_params = tps.iter().copied().zip(idents.iter().cloned()).collect();
        self.param_bounds.clear();
        let mut g = f.clone();
        g.type_params.clear();
        let mut items = self.func_decl(d, &g, 0);
        let bounds = std::mem::take(&mut self.param_bounds);
        self.rust_params.clear();
        for item in &mut items {
            let syn::Item::Fn(func) = item else { continue };
            for (t, id) in tps.iter().zip(&idents) {
                let mut b: Vec<syn::TypeParamBound> = vec![syn::parse_quote!(Clone)];
                for &bound in bounds.get(t).into_iter().flatten() {
                    b.push(match bound {
                        "Default" => syn::parse_quote!(Default),
                        "PartialEq" => syn::parse_quote!(PartialEq),
                        "Eq" => syn::parse_quote!(Eq),
                        "Hash" => syn::parse_quote!(std::hash::Hash),
                        _ => {
                            self.use_support("fmt");
                            syn::parse_quote!(crate::support::fmt::Format)
                        }
                    });
                }
                func.sig
                    .generics
                    .params
                    .push(syn::parse_quote!(#id: #(#b)+*));
            }
        }
        items
    }
}

/// Whether type `t` mentions an instantiated generic type (`Box[T]`, `Pair[string, V]`).
fn generic_named(prog: &Program, t: TypeId, depth: u32) -> bool {
    if depth > 12 {
        return true;
    }
    let d = depth + 1;
    match prog.types.get(t) {
        Type::Named(n) => !n.type_args.is_empty() || !n.type_params.is_empty(),
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
            generic_named(prog, *e, d)
        }
        Type::Map(k, v) => generic_named(prog, *k, d) || generic_named(prog, *v, d),
        Type::Func(sig) => sig
            .params
            .iter()
            .chain(&sig.results)
            .any(|&p| generic_named(prog, p, d)),
        Type::Tuple(ts) => ts.iter().any(|&p| generic_named(prog, p, d)),
        Type::Struct(fs) => fs.iter().any(|f| generic_named(prog, f.ty, d)),
        _ => false,
    }
}

/// Whether type `t` mentions type parameter `tp`.
fn mentions(prog: &Program, t: TypeId, tp: TypeId, depth: u32) -> bool {
    if t == tp {
        return true;
    }
    if depth > 12 {
        return false;
    }
    let d = depth + 1;
    match prog.types.get(t) {
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
            mentions(prog, *e, tp, d)
        }
        Type::Map(k, v) => mentions(prog, *k, tp, d) || mentions(prog, *v, tp, d),
        Type::Func(sig) => sig
            .params
            .iter()
            .chain(&sig.results)
            .any(|&p| mentions(prog, p, tp, d)),
        _ => false,
    }
}
