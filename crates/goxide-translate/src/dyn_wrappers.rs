//! Named non-struct types that share their Rust type, as trait objects.
//!
//! A named type over a basic, slice, map or function type is a Rust alias (`type Celsius =
//! f64;`), and the traits it satisfies are implemented for the alias. Two such types over the
//! same Rust type (`type Celsius float64` and `type Fahrenheit float64`, or `type Status int`
//! and `type Priority int`, both with a `Label()` method) cannot both implement one trait for
//! `f64`, and a downcast could not tell them apart. So each of those gets a wrapper of its own
//! for its interface values: `struct CelsiusValue(Celsius);`, which implements the traits
//! (calling the alias's methods on `self.0`). Boxing wraps (`Rc::new(CelsiusValue(c)) as
//! Rc<dyn Temp>`), and type assertions, type switches and comparisons downcast to the wrapper
//! and unwrap (`downcast_ref::<CelsiusValue>().map(|w| &w.0)`).

use crate::ctx::Ctx;
use goxide_types::{Type, TypeId};
use syn::parse_quote;

impl Ctx<'_> {
    /// Splits the named types that implement the package's traits: those whose Rust type is
    /// theirs alone (structs, and aliases no other of them shares), and the aliases that
    /// share their Rust type with another (see the module documentation). Types with no Rust
    /// type, named pointer types and named interface types are in neither.
    pub fn split_concrete(&mut self, all: &[TypeId]) -> (Vec<TypeId>, Vec<TypeId>) {
        let support = self.support.clone();
        let mut keys: Vec<Option<String>> = Vec::new();
        for &t in all {
            let key = if matches!(self.under(t), Type::Struct(_)) {
                None
            } else {
                Some(
                    self.rust_type(self.prog.types.underlying(t))
                        .map_or(String::new(), |ty| quote::quote!(#ty).to_string()),
                )
            };
            keys.push(key);
        }
        self.support = support;
        let (mut own, mut wrapped) = (Vec::new(), Vec::new());
        for (&t, k) in all.iter().zip(&keys) {
            match k {
                None => own.push(t),
                Some(k) if k.is_empty() => {}
                Some(k) if keys.iter().filter(|o| o.as_ref() == Some(k)).count() == 1 => {
                    own.push(t)
                }
                Some(_) => {
                    let wrappable = matches!(self.ty(t), Type::Named(n) if n.type_args.is_empty())
                        && !matches!(self.under(t), Type::Pointer(_) | Type::Interface(_));
                    if wrappable {
                        wrapped.push(t);
                    }
                }
            }
        }
        (own, wrapped)
    }

    /// The wrapper type of `t` in interface values (`CelsiusValue`), when it has one.
    pub fn wrapper_ident(&mut self, t: TypeId) -> Option<syn::Ident> {
        // (A type parameter of a monomorphized instantiation stands for its type argument.)
        let t = self.resolve(t);
        if !self.wrapped_types.contains(&t) {
            return None;
        }
        let name = self.named_type_ident(t)?;
        Some(quote::format_ident!("{name}Value"))
    }

    /// The Rust type a trait object holds for a value of `t`: the wrapper, or `t`'s own.
    pub fn dyn_type(&mut self, t: TypeId) -> Option<syn::Type> {
        match self.wrapper_ident(t) {
            Some(w) => Some(parse_quote!(#w)),
            None => self.rust_type(t),
        }
    }

    /// What follows a downcast to [`Ctx::dyn_type`] (`Option<&Held>`) to give `Option<&T>`:
    /// `.map(|w| &w.0)` for a wrapper, nothing otherwise.
    pub fn dyn_unwrap(&self, t: TypeId) -> proc_macro2::TokenStream {
        if self.wrapped_types.contains(&self.resolve(t)) {
            quote::quote!(.map(|w| &w.0))
        } else {
            quote::quote!()
        }
    }

    /// `c`, a reference to the held value of a trait object whose dynamic type is `t`, as a
    /// place of `t`'s value to copy or clone (`c.0` for a wrapper).
    pub fn dyn_inner(&self, c: syn::Expr, t: TypeId) -> syn::Expr {
        if self.wrapped_types.contains(&self.resolve(t)) {
            parse_quote!(#c.0)
        } else {
            c
        }
    }

    /// A value `v` of `t` as the value a trait object holds (`CelsiusValue(v)`).
    pub fn dyn_wrap(&mut self, v: syn::Expr, t: TypeId) -> syn::Expr {
        match self.wrapper_ident(t) {
            Some(w) => parse_quote!(#w(#v)),
            None => v,
        }
    }

    /// `struct CelsiusValue(Celsius);` for a wrapped type, the first time it is asked for.
    pub fn wrapper_decl(&mut self, t: TypeId) -> Option<syn::Item> {
        let t = self.resolve(t);
        let w = self.wrapper_ident(t)?;
        if !self.wrappers_done.insert(t) {
            return None;
        }
        let inner = self.rust_type(t)?;
        let doc = format!(
            " Go's `{}` in interface values: another named type has its underlying type \
             (`{}`), so each has a type of its own there.",
            self.prog.type_string(t),
            self.prog.type_string(self.prog.types.underlying(t))
        );
        let vis: syn::Visibility = if self.multi_file {
            parse_quote!(pub(crate))
        } else {
            syn::Visibility::Inherited
        };
        Some(if self.is_copy(t) {
            parse_quote!(
                #[doc = #doc]
                #[derive(Clone, Copy)]
                #vis struct #w(#vis #inner);
            )
        } else {
            parse_quote!(
                #[doc = #doc]
                #[derive(Clone)]
                #vis struct #w(#vis #inner);
            )
        })
    }
}
