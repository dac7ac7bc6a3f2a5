//! `reflect`: `DeepEqual` (Rust's `==` on two values of one static type where it compares the
//! way `DeepEqual` does; `support::reflect::deep_equal` on interface values otherwise),
//! `TypeOf` and `ValueOf` (with the description of the static type, or the dynamic type of an
//! interface value), and the methods of `Type`, `Value`, `Kind` and `StructTag`.

use super::Args;
use crate::ctx::Ctx;
use goxide_ast::ast::Expr;
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
            ("DeepEqual", 2) => self.deep_equal(a).or_else(|| self.deep_equal_dynamic(a)),
            _ => None,
        }
    }

    /// `reflect.TypeOf(x)`, `reflect.ValueOf(x)`.
    pub(super) fn reflect_of_call(&mut self, name: &str, args: &[Expr]) -> Option<syn::Expr> {
        match (name, args) {
            ("TypeOf", [x]) => self.reflect_type_of(x),
            ("ValueOf", [x]) => self.reflect_value_of(x),
            _ => None,
        }
    }

    /// `reflect.DeepEqual(x, y)` on values of different static types or of interface types:
    /// both become `interface{}` values, compared at run time.
    fn deep_equal_dynamic(&mut self, a: &Args) -> Option<syn::Expr> {
        let x = self.reflect_any(&a.exprs[0])?;
        let y = self.reflect_any(&a.exprs[1])?;
        self.use_support("reflect");
        let basic = |c: &Self, e: &Expr| {
            c.type_of(e)
                .is_some_and(|t| matches!(c.under(t), Type::Basic(_)))
        };
        if !(basic(self, &a.exprs[0]) || basic(self, &a.exprs[1])) {
            self.marker(
                "semantics: reflect.DeepEqual on interface values: values other than numbers, strings and booleans compare by their %#v text (pointers to them by address; nil and empty slices alike)".into(),
            );
        }
        Some(parse_quote!(crate::support::reflect::deep_equal(&#x, &#y)))
    }

    /// `e` as an `interface{}` value (a `support::iface::Iface`).
    fn reflect_any(&mut self, e: &Expr) -> Option<syn::Expr> {
        if self.is_untyped_nil(e) {
            self.use_support("iface");
            return Some(parse_quote!(crate::support::iface::Iface::None));
        }
        let t = self.type_of(e)?;
        if self.is_empty_interface(t) {
            return Some(self.borrowed(e));
        }
        if self.is_trait_iface(t) {
            let v = self.borrowed(e);
            return self.trait_to_any(&v, t);
        }
        if self.is_interface(t) || !self.reflect_can_hold(t) {
            return None;
        }
        Some(self.boxed_any(e, t))
    }

    /// `reflect.TypeOf(x)`: the description of `x`'s static type, or of the dynamic type of
    /// an interface value.
    fn reflect_type_of(&mut self, e: &Expr) -> Option<syn::Expr> {
        self.use_support("reflect");
        if self.is_untyped_nil(e) {
            return Some(parse_quote!(crate::support::reflect::Type::default()));
        }
        let t = self.type_of(e)?;
        if self.is_interface(t) {
            let x = self.reflect_any(e)?;
            return Some(parse_quote!(crate::support::reflect::type_of(&#x)));
        }
        let desc = self.type_desc(t, 0);
        if self.is_plain_operand(e) {
            return Some(desc);
        }
        // The argument is still evaluated, for what it does.
        let v = self.value(e);
        Some(parse_quote!({
            let _ = #v;
            #desc
        }))
    }

    /// Whether evaluating `e` does nothing but produce its value: names, literals, field
    /// selections, conversions and operators over such operands (no calls, receives or
    /// indexing).
    fn is_plain_operand(&self, e: &Expr) -> bool {
        use goxide_ast::ast::{ExprKind, UnaryOp};
        if self.info.const_value(e.id).is_some() {
            return true;
        }
        match &e.kind {
            ExprKind::Ident(_) | ExprKind::BasicLit(_) | ExprKind::FuncLit { .. } => true,
            ExprKind::Paren(x) => self.is_plain_operand(x),
            ExprKind::Selector { x, .. } => {
                self.obj_of(x)
                    .is_some_and(|o| matches!(self.obj(o).kind, goxide_types::ObjKind::PkgName(_)))
                    || self.is_plain_operand(x)
            }
            ExprKind::CompositeLit { elems, .. } => elems.iter().all(|el| {
                el.key.as_ref().is_none_or(|k| self.is_plain_operand(k))
                    && self.is_plain_operand(&el.value)
            }),
            ExprKind::Unary { op, x } => !matches!(op, UnaryOp::Recv) && self.is_plain_operand(x),
            ExprKind::Call { func, args, .. } => {
                matches!(self.mode_of(func), Some(goxide_types::Mode::Type))
                    && args.iter().all(|a| self.is_plain_operand(a))
            }
            _ => false,
        }
    }

    /// `reflect.ValueOf(x)`: `x` with the description of its static type, or the dynamic
    /// value of an interface value.
    pub(crate) fn reflect_value_of(&mut self, e: &Expr) -> Option<syn::Expr> {
        self.use_support("reflect");
        if self.is_untyped_nil(e) {
            return Some(parse_quote!(crate::support::reflect::Value::default()));
        }
        let t = self.type_of(e)?;
        if self.is_interface(t) {
            let x = self.reflect_any(e)?;
            return Some(parse_quote!(crate::support::reflect::value_of_iface(&#x)));
        }
        if !self.reflect_can_hold(t) {
            return None;
        }
        let ty = self.rust_type(t)?;
        let v = self.value(e);
        let desc = self.type_desc(t, 0);
        Some(parse_quote!(crate::support::reflect::value_of::<#ty>(#v, #desc)))
    }

    /// An `int` argument as an `i64`.
    fn reflect_index(&mut self, e: &Expr) -> syn::Expr {
        if let Some(goxide_types::ConstValue::Int(n)) = self.info.const_value(e.id) {
            if let Some(n) = num_traits::ToPrimitive::to_i64(n) {
                let n = proc_macro2::Literal::i64_unsuffixed(n);
                return parse_quote!(#n);
            }
        }
        let v = self.value(e);
        let is_int = self
            .type_of(e)
            .and_then(|t| self.basic(t))
            .is_some_and(|k| matches!(k, goxide_types::BasicKind::Int));
        if is_int {
            v
        } else {
            parse_quote!((#v) as i64)
        }
    }

    /// The name of a `reflect` type (`Type`, `Value`, `Kind`, `StructField`, `StructTag`), or
    /// `None` for a type of another package.
    pub(crate) fn reflect_type_name(&self, t: TypeId) -> Option<&str> {
        let Type::Named(n) = self.ty(t) else {
            return None;
        };
        let o = self.obj(n.obj);
        let p = o.pkg?;
        (self.prog.pkg(p).path == "reflect").then_some(o.name.as_str())
    }

    /// The Rust form of a `reflect` type.
    pub(crate) fn reflect_rust_type(&mut self, name: &str) -> Option<syn::Type> {
        self.use_support("reflect");
        Some(match name {
            "Type" => parse_quote!(crate::support::reflect::Type),
            "Value" => parse_quote!(crate::support::reflect::Value),
            "Kind" => parse_quote!(crate::support::reflect::Kind),
            "StructField" => parse_quote!(crate::support::reflect::StructField),
            "Method" => parse_quote!(crate::support::reflect::Method),
            "StructTag" => parse_quote!(String),
            _ => return None,
        })
    }

    /// A method call on a value of a `reflect` type: `None` when `x` is of no such type; an
    /// `unsupported` marker for the methods not mapped.
    pub(crate) fn reflect_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> Option<syn::Expr> {
        let xt = self.type_of(x)?;
        let tname = self.reflect_type_name(xt)?.to_string();
        let mapped = self.reflect_method_inner(&tname, x, name, args);
        Some(
            mapped.unwrap_or_else(|| {
                self.unsupported(e, &format!("method (reflect.{tname}).{name}"))
            }),
        )
    }

    fn reflect_method_inner(
        &mut self,
        tname: &str,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> Option<syn::Expr> {
        self.use_support("reflect");
        let recv = self.borrowed(x);
        let m = crate::names::value_ident(name);
        Some(match (tname, name, args) {
            ("Kind", "String", []) => {
                parse_quote!(crate::support::reflect::kind_string(#recv))
            }
            ("StructTag", "Get", [k]) => {
                let k = self.value(k);
                parse_quote!(crate::support::reflect::tag_get(&#recv, &#k))
            }
            (
                "Type",
                "String" | "Name" | "PkgPath" | "Kind" | "Elem" | "Key" | "Len" | "NumField",
                [],
            )
            | (
                "Value",
                "Kind" | "Type" | "Interface" | "Int" | "Uint" | "Float" | "Complex" | "Bool"
                | "String" | "NumField" | "Elem" | "IsNil" | "IsValid" | "CanSet" | "CanInterface",
                [],
            ) => parse_quote!(#recv.#m()),
            ("Type" | "Value", "NumMethod", []) => parse_quote!(#recv.num_method()),
            ("Type" | "Value", "Method", [i]) => {
                let i = self.reflect_index(i);
                parse_quote!(#recv.method(#i))
            }
            ("Type" | "Value", "MethodByName", [n]) => {
                let n = self.value(n);
                parse_quote!(#recv.method_by_name(&#n))
            }
            ("Type" | "Value", "Field", [i]) => {
                let i = self.reflect_index(i);
                parse_quote!(#recv.field(#i))
            }
            ("Type", "FieldByName", [n]) => {
                let n = self.value(n);
                parse_quote!(#recv.field_by_name(&#n))
            }
            ("Type", "AssignableTo", [u]) => {
                let u = self.borrowed(u);
                parse_quote!(#recv.assignable_to(&#u))
            }
            _ => return None,
        })
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
