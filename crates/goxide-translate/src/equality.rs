//! Go's `==` on values whose Rust type has no `PartialEq` that means the same thing: pointers
//! (identity), interface values (same dynamic type and equal dynamic values), and structs and
//! arrays holding them (field by field, element by element).
//!
//! Two values of a trait interface type compare by downcasting both to each type of the
//! package that implements the interface; a dynamic type that Go cannot compare (a struct
//! holding a slice) panics as Go does: `runtime error: comparing uncomparable type T`.

use crate::ctx::Ctx;
use goxide_types::{Type, TypeId};
use syn::parse_quote;

impl Ctx<'_> {
    /// Go's `a == b` for two values of type `t`, given as expressions of type `&T`. `None` when
    /// the type cannot be compared (or has no Rust form).
    pub fn go_eq(&mut self, a: syn::Expr, b: syn::Expr, t: TypeId) -> Option<syn::Expr> {
        self.go_eq_depth(a, b, t, 0)
    }

    fn go_eq_depth(
        &mut self,
        a: syn::Expr,
        b: syn::Expr,
        t: TypeId,
        depth: usize,
    ) -> Option<syn::Expr> {
        if depth > 8 {
            return None;
        }
        if self.is_comparable(t) {
            self.rust_type(t)?;
            return Some(parse_quote!(#a == #b));
        }
        if self.is_empty_interface(t) {
            self.use_support("iface");
            return Some(parse_quote!(crate::support::iface::eq(#a, #b)));
        }
        if self.is_error(t) {
            self.use_support("errors");
            return Some(parse_quote!(crate::support::errors::same(#a, #b)));
        }
        if self.is_trait_iface(t) {
            return self.trait_eq(a, b, t, depth);
        }
        match self.under(t).clone() {
            Type::Pointer(p) => Some(self.ptr_eq_expr(a, b, p)),
            Type::Struct(fields) => {
                self.rust_type(t)?;
                let mut conds: Vec<syn::Expr> = Vec::new();
                for (i, f) in fields.iter().enumerate() {
                    if f.name == "_" {
                        continue;
                    }
                    let name = crate::names::ident(&self.field_name_at(f, i));
                    conds.push(self.go_eq_depth(
                        parse_quote!(&p.#name),
                        parse_quote!(&q.#name),
                        f.ty,
                        depth + 1,
                    )?);
                }
                if conds.is_empty() {
                    return Some(parse_quote!({
                        let _ = (#a, #b);
                        true
                    }));
                }
                Some(parse_quote!({
                    let (p, q) = (#a, #b);
                    #(#conds)&&*
                }))
            }
            Type::Array(_, e) => {
                let rt = self.rust_type(t)?;
                let eq = self.go_eq_depth(parse_quote!(p), parse_quote!(q), e, depth + 1)?;
                Some(parse_quote!({
                    let (p, q): (&#rt, &#rt) = (#a, #b);
                    p.iter().zip(q.iter()).all(|(p, q)| #eq)
                }))
            }
            _ => None,
        }
    }

    /// Pointer identity for two `&*T` values (of whichever representation `*T` has).
    pub fn ptr_eq_expr(&mut self, a: syn::Expr, b: syn::Expr, elem: TypeId) -> syn::Expr {
        if self.threaded {
            self.use_support("sync");
            parse_quote!(crate::support::sync::ptr_eq(#a, #b))
        } else if self.is_place_ptr(elem) {
            self.use_support("ptr");
            parse_quote!(crate::support::ptr::eq(#a, #b))
        } else {
            self.use_support("rt");
            parse_quote!(crate::support::rt::ptr_eq(#a, #b))
        }
    }

    /// `==` on two values of trait interface type `t` (`&Option<Rc<dyn I>>` expressions): both
    /// nil, or the same dynamic type with equal values. The comparison is `<dyn I>::go_eq`,
    /// declared once per trait.
    fn trait_eq(
        &mut self,
        a: syn::Expr,
        b: syn::Expr,
        t: TypeId,
        depth: usize,
    ) -> Option<syn::Expr> {
        let tr = self.trait_ident(t)?;
        let key = tr.to_string();
        if !self.iface_eqs.contains_key(&key) {
            self.iface_eqs.insert(key.clone(), None);
            let item = self.trait_eq_item(&tr, t, depth);
            if item.is_none() {
                self.iface_eqs.remove(&key);
                return None;
            }
            self.iface_eqs.insert(key, item);
        }
        Some(parse_quote!(<dyn #tr>::go_eq(#a, #b)))
    }

    /// `impl dyn I { fn go_eq(a, b) -> bool }`: downcasts both values to each type of the
    /// package that implements `I`.
    fn trait_eq_item(&mut self, tr: &syn::Ident, t: TypeId, depth: usize) -> Option<syn::Item> {
        let it = self.iface_rust_type(t)?;
        let mut arms: Vec<syn::Stmt> = Vec::new();
        for c in self.concrete_types.clone() {
            if self.stub_types.contains(&c) {
                continue;
            }
            let ptr = self.prog.types.intern_lookup_pointer(c);
            for src in std::iter::once(c).chain(ptr) {
                if !self.prog.implements(src, t) {
                    continue;
                }
                if src != c && self.wrapped_types.contains(&c) {
                    continue;
                }
                let (rt, unwrap) = (self.dyn_type(src)?, self.dyn_unwrap(src));
                let eq = match self.go_eq_depth(parse_quote!(p), parse_quote!(q), src, depth + 1) {
                    Some(eq) => eq,
                    None => {
                        let msg =
                            format!("comparing uncomparable type {}", self.prog.type_string(src));
                        self.use_support("rt");
                        parse_quote!(crate::support::rt::runtime_error(#msg))
                    }
                };
                arms.push(parse_quote!(
                    if let (Some(p), Some(q)) = (x.downcast_ref::<#rt>()#unwrap, y.downcast_ref::<#rt>()#unwrap) {
                        return #eq;
                    }
                ));
            }
        }
        let doc = format!(
            " Go's `==` on `{}` values: both nil, or the same dynamic type with equal values.",
            self.prog.type_string(t)
        );
        let vis: syn::Visibility = if self.multi_file {
            parse_quote!(pub(crate))
        } else {
            syn::Visibility::Inherited
        };
        Some(parse_quote!(
            impl dyn #tr {
                #[doc = #doc]
                #vis fn go_eq(a: &#it, b: &#it) -> bool {
                    match (a.as_ref().map(|v| v.as_any()), b.as_ref().map(|v| v.as_any())) {
                        (None, None) => true,
                        (Some(x), Some(y)) => {
                            #(#arms)*
                            let _ = (x, y);
                            false
                        }
                        _ => false,
                    }
                }
            }
        ))
    }

    /// Go's `x == v` for a value `x` of interface type `it` (given as `&I`) and a value `v`
    /// of concrete type `vt` (given as `&T`): `x` holds a `T` equal to `v`.
    pub fn iface_value_eq(
        &mut self,
        x: syn::Expr,
        it: TypeId,
        v: syn::Expr,
        vt: TypeId,
    ) -> Option<syn::Expr> {
        if !(self.is_empty_interface(it) || self.is_trait_iface(it)) {
            return None;
        }
        // (An `interface{}` holds a wrapped type's value as it is.)
        let (rt, unwrap) = if self.is_trait_iface(it) {
            (self.dyn_type(vt)?, self.dyn_unwrap(vt))
        } else {
            (self.rust_type(vt)?, quote::quote!())
        };
        let eq = self.go_eq(parse_quote!(p), parse_quote!(v), vt)?;
        Some(parse_quote!({
            let (x, v) = (#x, #v);
            x.as_ref().and_then(|x| x.as_any().downcast_ref::<#rt>()#unwrap).is_some_and(|p| #eq)
        }))
    }
}
