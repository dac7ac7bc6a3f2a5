//! Values of named non-struct types in `interface{}` values, and `fmt.Stringer` values.
//!
//! A named type whose underlying type is a basic one (`type Level int`, `type Celsius
//! float64`) is a Rust alias of that type (`type Level = i64;`), with its methods on an
//! extension trait. In an interface value Go keeps the named type: `%T` prints `main.Level`,
//! `x.(int)` fails, a type switch tells `Level` from `int`, and printing calls `String()`. So
//! such a value goes into the interface as `iface::Named { value, go_type, text }`
//! (`iface::new_stringer(1_i64, "main.Level", LevelMethods::string)`), and assertions, type
//! switches and comparisons of interface values with it name the type:
//! `iface::downcast_named::<Level>(&x, "main.Level")`.

use crate::ctx::Ctx;
use goxide_types::{Type, TypeId};
use syn::parse_quote;

impl Ctx<'_> {
    /// The Go name of `t` when it is a named type of this package whose Rust form is an alias
    /// of a basic type (see the module documentation).
    pub fn alias_named(&self, t: TypeId) -> Option<String> {
        // (A type parameter of a monomorphized instantiation stands for its type argument.)
        let t = self.resolve(t);
        let Type::Named(n) = self.ty(t) else {
            return None;
        };
        let basic = matches!(self.under(t), Type::Basic(k) if !k.is_untyped());
        let own = self.obj(n.obj).pkg == Some(self.pkg);
        (basic && own && n.type_args.is_empty() && !self.rust_params.contains_key(&t))
            .then(|| self.prog.type_string(t))
    }

    /// Whether `t` is `fmt.Stringer`. Its values are held as `interface{}` values
    /// (`iface::Iface`): a value converted to it is stored as it would be in an `interface{}`,
    /// `s.String()` is `iface::string_of(&s)`, and `x.(fmt.Stringer)` (or a type switch's
    /// `case fmt.Stringer:`) keeps a value whose method set has `String() string`
    /// (`iface::as_stringer`).
    pub fn is_std_stringer(&self, t: TypeId) -> bool {
        let Type::Named(n) = self.ty(t) else {
            return false;
        };
        let o = self.obj(n.obj);
        o.name == "Stringer" && o.pkg.is_some_and(|p| self.prog.pkg(p).path == "fmt")
    }

    /// `e` converted to `fmt.Stringer` (see [`Ctx::is_std_stringer`]).
    pub fn std_stringer_value(&mut self, e: &goxide_ast::ast::Expr) -> syn::Expr {
        match self.type_of(e) {
            Some(src) if self.is_std_stringer(src) || self.is_empty_interface(src) => self.value(e),
            Some(src) if self.is_trait_iface(src) => {
                let v = self.borrowed(e);
                match self.trait_to_any(&v, src) {
                    Some(conv) => conv,
                    None => self.unsupported(e, "conversion to fmt.Stringer of this type"),
                }
            }
            Some(src) if !self.is_interface(src) => self.boxed_any(e, src),
            _ => self.unsupported(e, "conversion to fmt.Stringer of this type"),
        }
    }

    /// `v` (of the type `t`, see [`Ctx::alias_named`]) stored in an `interface{}` value with its
    /// named type and its `String()`/`Error()` method.
    pub fn boxed_named(&mut self, v: syn::Expr, t: TypeId) -> Option<syn::Expr> {
        let t = self.resolve(t);
        let go = self.alias_named(t)?;
        let ty = self.rust_type(t)?;
        let v = crate::builtins::typed_value(v, ty);
        self.use_support("iface");
        self.use_support("fmt");
        Some(match self.stringer_parts(t) {
            Some((tr, m)) if m == "string" => {
                parse_quote!(crate::support::iface::new_stringer(#v, #go, #tr::#m))
            }
            Some((tr, m)) => parse_quote!(crate::support::iface::new_error_text(#v, #go, #tr::#m)),
            None => parse_quote!(crate::support::iface::new_named(#v, #go)),
        })
    }

    /// `panic(v)` for `v` of the named type `t`: the panic carries the value with its type
    /// and `String()` method, as an interface value holds it.
    pub fn panic_named(&mut self, v: syn::Expr, t: TypeId) -> Option<syn::Expr> {
        let t = self.resolve(t);
        let go = self.alias_named(t)?;
        let ty = self.rust_type(t)?;
        let (text, stringer): (syn::Expr, bool) = match self.stringer_parts(t) {
            Some((tr, m)) => (parse_quote!(Some(#tr::#m)), m == "string"),
            None => (parse_quote!(None), false),
        };
        self.use_support("iface");
        self.use_support("fmt");
        self.use_support("rt");
        Some(parse_quote!(
            crate::support::iface::panic_named::<#ty>(#v, #go, #text, #stringer)
        ))
    }

    /// The Go name and Rust type of the named type `t` (see [`Ctx::alias_named`]), for the
    /// `iface` functions that name it.
    fn named_parts(&mut self, t: TypeId) -> Option<(String, syn::Type)> {
        let go = self.alias_named(t)?;
        let ty = self.rust_type(t)?;
        self.use_support("iface");
        Some((go, ty))
    }

    /// `Option<T>`: the dynamic value of `interface{}` value `v` when it is of the named type
    /// `t` (see [`Ctx::alias_named`]).
    pub fn downcast_named(&mut self, v: &syn::Expr, t: TypeId) -> Option<syn::Expr> {
        let (go, ty) = self.named_parts(t)?;
        Some(parse_quote!(crate::support::iface::downcast_named::<#ty>(&#v, #go)))
    }

    /// Whether `interface{}` value `v` holds a value of the named type `t` (a type switch case).
    pub fn is_named_value(&mut self, v: &syn::Expr, t: TypeId) -> Option<syn::Expr> {
        let (go, ty) = self.named_parts(t)?;
        Some(parse_quote!(crate::support::iface::is_named::<#ty>(&#v, #go)))
    }

    /// `x.(T)` for the named type `t`: the value, or Go's panic.
    pub fn assert_named(&mut self, v: &syn::Expr, t: TypeId) -> Option<syn::Expr> {
        let (go, ty) = self.named_parts(t)?;
        Some(parse_quote!(crate::support::iface::assert_named::<#ty>(&#v, #go)))
    }

    /// `x == v` for `interface{}` value `x` and `v` of the named type `t`.
    pub fn eq_named(&mut self, x: &syn::Expr, v: &syn::Expr, t: TypeId) -> Option<syn::Expr> {
        let (go, ty) = self.named_parts(t)?;
        Some(parse_quote!(crate::support::iface::eq_named::<#ty>(&#x, &#v, #go)))
    }
}
