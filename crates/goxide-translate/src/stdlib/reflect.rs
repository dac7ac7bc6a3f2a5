//! `reflect`: `DeepEqual` on two values of one static type whose Rust `==` compares the way
//! `DeepEqual` does (elements, fields and pointees compared deeply).

use super::Args;
use crate::ctx::Ctx;
use goxide_types::{Type, TypeId};
use syn::parse_quote;

/// What Rust's `==` cannot tell apart where `DeepEqual` can, for a type it otherwise compares
/// as `DeepEqual` does.
#[derive(Default)]
struct Caveats {
    /// A slice or map: goxide holds nil and empty ones alike.
    nil_empty: bool,
    /// A float behind a pointer, slice or map: `DeepEqual` takes one pointer (or one backing
    /// array) as equal to itself without comparing, so NaN inside is equal there.
    nan_alias: bool,
}

impl Ctx<'_> {
    pub(super) fn reflect_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        match (name, a.len()) {
            ("DeepEqual", 2) => self.deep_equal(a),
            _ => None,
        }
    }

    fn deep_equal(&mut self, a: &Args) -> Option<syn::Expr> {
        let t = self.resolve(self.type_of(&a.exprs[0])?);
        let u = self.resolve(self.type_of(&a.exprs[1])?);
        // Both arguments become `interface{}` values: with one static (non-interface) type,
        // their dynamic types are the same.
        if t != u {
            return None;
        }
        let mut cav = Caveats::default();
        if !self.deep_eq_is_rust_eq(t, false, &mut cav, 0) {
            return None;
        }
        if cav.nil_empty {
            self.marker(
                "semantics: reflect.DeepEqual: nil and empty slices and maps compare equal here (Go tells them apart)".into(),
            );
        }
        if cav.nan_alias {
            self.marker(
                "semantics: reflect.DeepEqual: a NaN reached through one shared pointer or slice is unequal to itself here (Go skips the comparison)".into(),
            );
        }
        let (x, y) = (a.v(0), a.v(1));
        Some(if matches!(self.under(t), Type::Slice(_)) {
            parse_quote!((#x[..] == #y[..]))
        } else {
            parse_quote!((#x == #y))
        })
    }

    /// Whether Rust's `==` on the translation of `t` is `DeepEqual` (up to `cav`).
    fn deep_eq_is_rust_eq(&self, t: TypeId, shared: bool, cav: &mut Caveats, d: u32) -> bool {
        if d > 20 || self.sync_type(t).is_some() {
            return false;
        }
        let t = self.resolve(t);
        match self.under(t) {
            Type::Basic(k) => {
                if k.is_float() || k.is_complex() {
                    cav.nan_alias |= shared;
                }
                !k.is_untyped() && !matches!(k, goxide_types::BasicKind::UnsafePointer)
            }
            // Channels compare by identity, in Go's `DeepEqual` as in `Chan`'s `PartialEq`.
            Type::Chan(..) => true,
            Type::Array(_, e) => self.deep_eq_is_rust_eq(*e, shared, cav, d + 1),
            // A struct derives `PartialEq` only when every field is comparable by value.
            Type::Struct(fields) => {
                self.is_comparable(t)
                    && fields
                        .iter()
                        .all(|f| self.deep_eq_is_rust_eq(f.ty, shared, cav, d + 1))
            }
            Type::Slice(e) => {
                cav.nil_empty = true;
                self.deep_eq_is_rust_eq(*e, true, cav, d + 1)
            }
            Type::Map(k, v) => {
                cav.nil_empty = true;
                self.is_hashable(*k) && self.deep_eq_is_rust_eq(*v, true, cav, d + 1)
            }
            // `Option<Rc<RefCell<T>>>` compares the pointees; the `Shared` cells of programs
            // with goroutines have no `==`.
            Type::Pointer(e) => !self.threaded && self.deep_eq_is_rust_eq(*e, true, cav, d + 1),
            _ => false,
        }
    }
}
