//! Addresses of fields and elements: `&s.f`, `&a[i]`, `&p.list[i].x`.
//!
//! A pointer to a field or element points inside another variable. For every pointee type `F`
//! whose address is taken that way somewhere in the package, `*F` is translated as
//! `Option<Rc<dyn support::ptr::Place<F>>>` (instead of `Option<Rc<RefCell<F>>>`): a place is a
//! whole cell or a projection of one, both borrowed like a `RefCell`, so reads and writes
//! through the pointer are written the same way. `&s.f` becomes
//! `support::ptr::project(s.clone(), |v| &v.f, |v| &mut v.f)`, where `s` is the cell of the
//! variable (its address is taken, so it lives in one) or the pointer the path starts from.
//!
//! Not in packages with goroutines (pointers are `support::sync::Shared` there), and not for
//! pointee types with pointer-receiver methods (their interface impls are written for
//! `Option<Rc<RefCell<F>>>`).

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjKind, Program, SelectionKind, Type, TypeId};
use std::collections::HashSet;
use syn::parse_quote;

/// Where an address expression starts.
enum Root<'e> {
    /// A variable (its cell).
    Var(&'e Expr),
    /// A pointer value the path goes through first (`p.f`, `(*p)[i]`, `p[i]` on `*[N]T`).
    Ptr(&'e Expr),
}

/// One step from the root to the addressed part.
enum Step<'e> {
    /// A field selection `.f` (through embedded fields: one index per struct level).
    Field(TypeId, Vec<usize>),
    /// An element `[i]` of an array or slice.
    Index(&'e Expr),
}

/// `x` (the operand of `&`) as a root and a non-empty path, when goxide can project it.
fn decompose<'e>(prog: &Program, info: &Info, x: &'e Expr) -> Option<(Root<'e>, Vec<Step<'e>>)> {
    let (root, mut steps) = walk(prog, info, strip_parens(x))?;
    if steps.is_empty() {
        return None;
    }
    steps.reverse();
    Some((root, steps))
}

/// The root and the steps in reverse order.
fn walk<'e>(prog: &Program, info: &Info, x: &'e Expr) -> Option<(Root<'e>, Vec<Step<'e>>)> {
    let under = |e: &Expr| info.type_of(e.id).map(|t| prog.types.under(t).clone());
    match &x.kind {
        ExprKind::Paren(inner) => walk(prog, info, inner),
        ExprKind::Ident(_) => {
            let o = info.uses.get(&x.id)?;
            matches!(prog.obj(*o).kind, ObjKind::Var { .. }).then_some((Root::Var(x), vec![]))
        }
        ExprKind::Star(p) => Some((Root::Ptr(p), vec![])),
        ExprKind::Selector { x: base, .. } => {
            let sel = info.selections.get(&x.id)?;
            if sel.kind != SelectionKind::FieldVal {
                return None;
            }
            let bt = info.type_of(base.id)?;
            // No pointer between the struct levels of an embedded path.
            let (start, root) = match prog.types.under(bt) {
                Type::Pointer(s) => (*s, Some(Root::Ptr(base))),
                _ => (bt, None),
            };
            let mut t = start;
            for (i, &idx) in sel.path.iter().enumerate() {
                let Type::Struct(fields) = prog.types.under(t) else {
                    return None;
                };
                t = fields.get(idx)?.ty;
                if i + 1 < sel.path.len() && matches!(prog.types.under(t), Type::Pointer(_)) {
                    return None;
                }
            }
            let step = Step::Field(start, sel.path.clone());
            match root {
                Some(r) => Some((r, vec![step])),
                None => {
                    let (r, mut steps) = walk(prog, info, base)?;
                    steps.insert(0, step);
                    Some((r, steps))
                }
            }
        }
        ExprKind::Index { x: base, indices } if indices.len() == 1 => {
            let step = Step::Index(&indices[0]);
            match under(base)? {
                Type::Array(..) | Type::Slice(_) => {
                    let (r, mut steps) = walk(prog, info, base)?;
                    steps.insert(0, step);
                    Some((r, steps))
                }
                Type::Pointer(a) if matches!(prog.types.under(a), Type::Array(..)) => {
                    Some((Root::Ptr(base), vec![step]))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether pointers to `t` can be projections (see the module docs).
fn projectable(prog: &Program, t: TypeId) -> bool {
    match prog.types.get(t) {
        Type::Named(n) => !n.methods.iter().any(|&m| match &prog.obj(m).kind {
            ObjKind::Func { recv: Some(r) } => matches!(prog.types.get(*r), Type::Pointer(_)),
            _ => false,
        }),
        Type::TypeParam { .. } => false,
        _ => true,
    }
}

/// The pointee types whose address some `&x.f` / `&a[i]` of `files` takes.
pub fn projected_pointees(
    prog: &Program,
    info: &Info,
    files: &[&File],
    lent: &HashSet<goxide_ast::ast::NodeId>,
) -> HashSet<TypeId> {
    struct Find<'a> {
        prog: &'a Program,
        info: &'a Info,
        lent: &'a HashSet<goxide_ast::ast::NodeId>,
        out: HashSet<TypeId>,
    }
    impl Visitor for Find<'_> {
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } = &e.kind
            {
                if self.lent.contains(&e.id) {
                    // Lent to a borrowed parameter: `&mut x.f`, no pointer made.
                    return true;
                }
                if let Some(t) = self.info.type_of(x.id) {
                    if projectable(self.prog, t) && decompose(self.prog, self.info, x).is_some() {
                        self.out.insert(t);
                    }
                }
            }
            true
        }
    }
    let mut f = Find {
        prog,
        info,
        lent,
        out: HashSet::new(),
    };
    for file in files {
        for d in &file.decls {
            visit::walk_decl(&mut f, d);
        }
    }
    f.out
}

impl crate::ctx::Ctx<'_> {
    /// Whether `*t` is translated as a place pointer (`Option<Rc<dyn Place<t>>>`).
    pub fn is_place_ptr(&self, pointee: TypeId) -> bool {
        !self.threaded && self.analysis.projected.contains(&pointee)
    }

    /// `Option<Rc<dyn support::ptr::Place<T>>>`.
    pub fn place_ptr_type(&mut self, e: syn::Type) -> syn::Type {
        self.use_support("ptr");
        parse_quote!(Option<std::rc::Rc<dyn crate::support::ptr::Place<#e>>>)
    }

    /// `&x.f`, `&a[i]`: a projection of the root's cell; `None` when `x` has no such form.
    pub fn address_of_part(&mut self, x: &Expr) -> Option<syn::Expr> {
        let t = self.type_of(x)?;
        if !self.is_place_ptr(t) {
            return None;
        }
        let (root, steps) = decompose(self.prog, self.info, x)?;
        let mut prelude: Vec<syn::Stmt> = Vec::new();
        let base: syn::Expr = match root {
            Root::Var(v) => {
                let o = self.obj_of(v)?;
                if !self.analysis.boxed.contains(&o) {
                    return None;
                }
                let id = self.var_name(o);
                if self.is_global_var(o) {
                    parse_quote!(#id.with(|c| c.clone()))
                } else {
                    parse_quote!(#id.clone())
                }
            }
            Root::Ptr(p) => {
                if self.is_self_ptr(p) {
                    return None;
                }
                let v = self.value(p);
                parse_quote!(#v.unwrap())
            }
        };
        // The accessor path from the root's value `v`.
        let mut path = quote::quote!(v);
        for (n, step) in steps.iter().enumerate() {
            match step {
                Step::Field(start, idxs) => {
                    let mut st = *start;
                    for &idx in idxs {
                        let Type::Struct(fields) = self.under(st).clone() else {
                            return None;
                        };
                        let f = fields.get(idx)?;
                        let name = crate::names::ident(&self.field_name_at(f, idx));
                        path = quote::quote!(#path.#name);
                        st = f.ty;
                    }
                }
                Step::Index(i) => {
                    let idx = self.index_usize(i);
                    if let syn::Expr::Lit(_) = idx {
                        path = quote::quote!(#path[#idx]);
                    } else {
                        let tmp = quote::format_ident!("i{n}");
                        prelude.push(parse_quote!(let #tmp = #idx;));
                        path = quote::quote!(#path[#tmp]);
                    }
                }
            }
        }
        self.use_support("ptr");
        let project: syn::Expr = parse_quote!(crate::support::ptr::project(
            #base,
            move |v| &#path,
            move |v| &mut #path
        ));
        Some(if prelude.is_empty() {
            project
        } else {
            parse_quote!({
                #(#prelude)*
                #project
            })
        })
    }
}
