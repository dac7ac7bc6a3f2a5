//! Constants and literals: Go constant values (exact, from the type checker) → Rust literals of
//! the right type; string literals; composite literals (structs, arrays, slices, maps).

use crate::ctx::Ctx;
use goxide_ast::ast::{Expr, ExprKind};
use goxide_types::{BasicKind, ConstValue, Type, TypeId};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use proc_macro2::{Literal, Span};
use syn::parse_quote;

/// A Rust string literal expression for Go string bytes; `None` when the bytes are not UTF-8
/// (a Rust `String` cannot hold them).
pub fn str_lit(bytes: &[u8]) -> Option<syn::LitStr> {
    let s = std::str::from_utf8(bytes).ok()?;
    Some(syn::LitStr::new(s, Span::call_site()))
}

fn int_lit(v: &BigInt, k: BasicKind, suffix: bool) -> Option<syn::Expr> {
    use BasicKind::*;
    let (min, max, name): (BigInt, BigInt, &str) = match k {
        Int | Int64 | UntypedInt => (i64::MIN.into(), i64::MAX.into(), "i64"),
        Int8 => (i8::MIN.into(), i8::MAX.into(), "i8"),
        Int16 => (i16::MIN.into(), i16::MAX.into(), "i16"),
        Int32 | UntypedRune => (i32::MIN.into(), i32::MAX.into(), "i32"),
        Uint | Uint64 => (0.into(), u64::MAX.into(), "u64"),
        Uint8 => (0.into(), u8::MAX.into(), "u8"),
        Uint16 => (0.into(), u16::MAX.into(), "u16"),
        Uint32 => (0.into(), u32::MAX.into(), "u32"),
        Uintptr | UnsafePointer => (0.into(), u64::MAX.into(), "usize"),
        _ => return None,
    };
    if *v < min || *v > max {
        return None;
    }
    let ty = syn::Ident::new(name, Span::call_site());
    if *v == min && !min.is_zero() {
        return Some(parse_quote!(#ty::MIN));
    }
    if *v == max && k != Uint8 && k != Int8 {
        return Some(parse_quote!(#ty::MAX));
    }
    let abs = if *v < BigInt::zero() {
        -v.clone()
    } else {
        v.clone()
    };
    let text = abs.to_string();
    let lit = if suffix {
        Literal::parse_lit(&format!("{text}_{name}"))
    } else {
        Literal::parse_lit(&text)
    };
    let lit = syn::Expr::Lit(syn::ExprLit {
        attrs: vec![],
        lit: syn::Lit::new(lit),
    });
    Some(if *v < BigInt::zero() {
        parse_quote!(-#lit)
    } else {
        lit
    })
}

trait LiteralExt {
    fn parse_lit(s: &str) -> Literal;
}
impl LiteralExt for Literal {
    fn parse_lit(s: &str) -> Literal {
        s.parse::<Literal>()
            .unwrap_or_else(|_| Literal::i64_unsuffixed(0))
    }
}

fn float_lit(x: f64, k: BasicKind, suffix: bool) -> syn::Expr {
    let (text, name) = if k == BasicKind::Float32 {
        let f = x as f32;
        (format!("{f:?}"), "f32")
    } else {
        (format!("{x:?}"), "f64")
    };
    if text == "inf" || text == "-inf" || text == "NaN" {
        let ty = syn::Ident::new(name, Span::call_site());
        return match text.as_str() {
            "inf" => parse_quote!(#ty::INFINITY),
            "-inf" => parse_quote!(#ty::NEG_INFINITY),
            _ => parse_quote!(#ty::NAN),
        };
    }
    let neg = text.starts_with('-');
    let body = text.trim_start_matches('-');
    let body = if body.contains('.') || body.contains('e') {
        body.to_string()
    } else {
        format!("{body}.0")
    };
    let body = if suffix {
        format!("{body}_{name}")
    } else {
        body
    };
    let lit = Literal::parse_lit(&body);
    let lit = syn::Expr::Lit(syn::ExprLit {
        attrs: vec![],
        lit: syn::Lit::new(lit),
    });
    if neg {
        parse_quote!(-#lit)
    } else {
        lit
    }
}

impl Ctx<'_> {
    /// The Rust expression for a constant value of Go type `t`. `suffix` forces typed literals
    /// (where Rust could not infer the type).
    pub fn const_expr(&mut self, v: &ConstValue, t: TypeId, suffix: bool) -> Option<syn::Expr> {
        let t = goxide_types::default_type(&self.prog.types, t);
        let k = self.basic(t)?;
        if k.is_complex() {
            let (re, im) = match v {
                ConstValue::Int(i) => (i.to_f64()?, 0.0),
                ConstValue::Float(r) => (r.to_f64()?, 0.0),
                ConstValue::Complex(re, im) => (re.to_f64()?, im.to_f64()?),
                _ => return None,
            };
            let (re, im) = if k == BasicKind::Complex64 {
                ((re as f32) as f64, (im as f32) as f64)
            } else {
                (re, im)
            };
            let (re, im) = (
                float_lit(re, BasicKind::Float64, false),
                float_lit(im, BasicKind::Float64, false),
            );
            self.use_support("complex");
            return Some(parse_quote!(crate::support::complex::Complex128::new(#re, #im)));
        }
        Some(match v {
            ConstValue::Bool(b) => parse_quote!(#b),
            ConstValue::String(bytes) => {
                let s = str_lit(bytes)?;
                parse_quote!(String::from(#s))
            }
            ConstValue::Int(i) => {
                if k.is_float() {
                    float_lit(i.to_f64()?, k, suffix)
                } else {
                    int_lit(i, k, suffix)?
                }
            }
            ConstValue::Float(r) => {
                if k.is_integer() {
                    if !r.is_integer() {
                        return None;
                    }
                    int_lit(&r.to_integer(), k, suffix)?
                } else {
                    float_lit(r.to_f64()?, k, suffix)
                }
            }
            ConstValue::Complex(..) | ConstValue::Unknown => return None,
        })
    }

    /// A constant-valued expression, if the checker folded it.
    pub fn const_of(&mut self, e: &Expr, suffix: bool) -> Option<Option<syn::Expr>> {
        let v = self.info.const_value(e.id)?.clone();
        let t = self.type_of(e)?;
        Some(self.const_expr_of(e, &v, t, suffix))
    }

    /// [`Ctx::const_expr`] of the constant expression `e`, whose source shows through where
    /// Rust has a literal for it (`b'('`, see [`Ctx::byte_char`]).
    pub fn const_expr_of(
        &mut self,
        e: &Expr,
        v: &ConstValue,
        t: TypeId,
        suffix: bool,
    ) -> Option<syn::Expr> {
        self.byte_char(e, v, t)
            .or_else(|| self.const_expr(v, t, suffix))
    }

    /// A rune literal of an ASCII character used as a `byte` (`c == '('`, `case '\n':`,
    /// `byte('a')`): Rust's byte literal, `b'('`, rather than its number. (It is a pattern
    /// too, so `switch` cases keep it.)
    fn byte_char(&self, e: &Expr, v: &ConstValue, t: TypeId) -> Option<syn::Expr> {
        let t = goxide_types::default_type(&self.prog.types, t);
        if self.basic(t)? != BasicKind::Uint8 {
            return None;
        }
        let mut x = crate::builtins::strip_parens(e);
        if let ExprKind::Call { func, args, .. } = &x.kind {
            // `byte('a')`: a conversion of the literal.
            if !matches!(self.mode_of(func), Some(goxide_types::Mode::Type)) || args.len() != 1 {
                return None;
            }
            x = crate::builtins::strip_parens(&args[0]);
        }
        let ExprKind::BasicLit(l) = &x.kind else {
            return None;
        };
        if l.kind != goxide_ast::ast::LitKind::Rune {
            return None;
        }
        let ConstValue::Int(i) = v else {
            return None;
        };
        let b = i
            .to_u8()
            .filter(|b| b.is_ascii() && (!b.is_ascii_control() || b"\n\t\r\0".contains(b)))?;
        let lit = syn::LitByte::new(b, Span::call_site());
        Some(parse_quote!(#lit))
    }

    /// A string constant as a `&'static str` literal (for comparisons and formatting).
    pub fn const_str(&self, e: &Expr) -> Option<syn::LitStr> {
        match self.info.const_value(e.id)? {
            ConstValue::String(b) => str_lit(b),
            _ => None,
        }
    }

    /// `T{...}`, `[N]T{...}`, `[]T{...}`, `map[K]V{...}`.
    pub fn composite_lit(&mut self, e: &Expr) -> syn::Expr {
        let Some(t) = self.type_of(e) else {
            return self.unsupported(e, "untyped composite literal");
        };
        // An element literal whose `&T` is elided (`[]*T{{1}, {2}}`): a pointer to a new `T`.
        if let Type::Pointer(pointee) = self.under(t).clone() {
            let v = self.composite_lit_of(e, pointee);
            if self.analysis.owned_elems.inputs.contains(&e.id) {
                // (The element of a slice holding its values: the value itself.)
                return v;
            }
            if self.is_place_ptr(pointee) {
                self.use_support("ptr");
                self.marker("ownership: a pointer is shared through Rc<dyn Place<…>> (support::ptr); an owned value or a borrow may do".into());
                return parse_quote!(crate::support::ptr::new(#v));
            }
            return self.ptr_new_of(v, Some(pointee));
        }
        self.composite_lit_of(e, t)
    }

    /// The composite literal `e` as a value of type `t`.
    fn composite_lit_of(&mut self, e: &Expr, t: TypeId) -> syn::Expr {
        let ExprKind::CompositeLit { elems, .. } = &e.kind else {
            return self.unsupported(e, "composite literal");
        };
        if self.stub_types.contains(&t) {
            return self.unsupported(e, "value of a type goxide cannot translate yet");
        }
        let ut = self.prog.types.underlying(t);
        match self.ty(ut).clone() {
            Type::Struct(fields) => {
                let Some(ty) = self.rust_type(t) else {
                    return self.unsupported(e, "struct literal of this type");
                };
                // A Go struct that is not a Rust struct here (`bytes.Buffer` is a `Vec<u8>`).
                let plain_struct = matches!(&ty, syn::Type::Path(p) if p.qself.is_none()
                    && p.path.segments.iter().all(|s| s.arguments.is_none()))
                    && !self.is_strings_builder(t);
                if !plain_struct {
                    return match self.zero_value(t) {
                        Some(z) if elems.is_empty() => z,
                        _ => self.unsupported(e, "struct literal of this type"),
                    };
                }
                let keyed = elems.iter().any(|el| el.key.is_some());
                let mut inits = Vec::new();
                for (i, el) in elems.iter().enumerate() {
                    let idx = if keyed {
                        let Some(ExprKind::Ident(name)) = el.key.as_ref().map(|k| &k.kind) else {
                            return self.unsupported(e, "struct literal key");
                        };
                        match fields.iter().position(|f| &f.name == name) {
                            Some(i) => i,
                            None => return self.unsupported(e, "struct literal key"),
                        }
                    } else {
                        i
                    };
                    let Some(f) = fields.get(idx) else {
                        return self.unsupported(e, "struct literal");
                    };
                    let name = crate::names::ident(&self.field_name_at(f, idx));
                    self.field_copy_marker(&el.value, &[f.obj], false);
                    let v = self.value_as(&el.value, f.ty);
                    inits.push(quote::quote!(#name: #v));
                }
                if inits.len() < fields.len() {
                    parse_quote!(#ty { #(#inits,)* ..Default::default() })
                } else {
                    parse_quote!(#ty { #(#inits),* })
                }
            }
            Type::Slice(et) => {
                let mut vals = Vec::new();
                if elems.iter().any(|el| el.key.is_some()) {
                    return self.keyed_array(e, elems, et, None);
                }
                for el in elems {
                    vals.push(self.elem_value(&el.value, et));
                }
                self.suffix_first(&mut vals, elems, et);
                if vals.is_empty() {
                    if let Some(ty) = self.rust_type(self.slot(et)) {
                        return parse_quote!(Vec::<#ty>::new());
                    }
                }
                parse_quote!(vec![#(#vals),*])
            }
            Type::Array(n, et) => self.keyed_array(e, elems, et, Some(n)),
            Type::Map(..) if self.rust_type(t).is_none() => {
                self.unsupported(e, "map literal with this key or value type")
            }
            Type::Map(kt, vt) => {
                let mut pairs = Vec::new();
                for el in elems {
                    let Some(k) = &el.key else {
                        return self.unsupported(e, "map literal");
                    };
                    let k = self.elem_value(k, kt);
                    let mut v = self.elem_value(&el.value, vt);
                    if pairs.is_empty() && matches!(self.under(vt), Type::Func(_)) {
                        // Each closure has a type of its own: the first value names the
                        // map's (`Rc<dyn Fn…>`), to which the others then coerce.
                        if let (syn::Expr::Call(_), Some(ty)) = (&v, self.rust_type(vt)) {
                            v = parse_quote!(#v as #ty);
                        }
                    }
                    pairs.push(quote::quote!((#k, #v)));
                }
                let map = self.map_path(kt);
                if pairs.is_empty() {
                    match (self.rust_type(kt), self.rust_type(self.map_slot(vt))) {
                        (Some(k), Some(v)) => parse_quote!(#map::<#k, #v>::new()),
                        _ => parse_quote!(#map::new()),
                    }
                } else {
                    parse_quote!(#map::from([#(#pairs),*]))
                }
            }
            _ => self.unsupported(e, "composite literal of this type"),
        }
    }

    /// Types the first element of an all-constant literal (`vec![1_i64, 2]`), so that Rust does
    /// not fall back to `i32` where nothing else fixes the element type.
    fn suffix_first(
        &mut self,
        vals: &mut [syn::Expr],
        elems: &[goxide_ast::ast::Element],
        et: TypeId,
    ) {
        if let (Some(first), Some(el)) = (vals.first_mut(), elems.first()) {
            if let Some(c) = self.info.const_value(el.value.id).cloned() {
                if let Some(v) = self.const_expr_of(&el.value, &c, et, true) {
                    *first = v;
                }
            }
        }
    }

    /// Array or slice literal with optional index keys and implicit zero elements.
    fn keyed_array(
        &mut self,
        e: &Expr,
        elems: &[goxide_ast::ast::Element],
        et: TypeId,
        len: Option<u64>,
    ) -> syn::Expr {
        let mut slots: Vec<Option<syn::Expr>> = Vec::new();
        let mut next: usize = 0;
        // Go evaluates the elements in source order: when keys put them out of order and more
        // than one has effects, each is bound first.
        let mut in_order = true;
        let mut last: Option<usize> = None;
        let mut temps: Vec<syn::Stmt> = Vec::new();
        let effects = elems
            .iter()
            .filter(|el| crate::decl::contains_call(&el.value))
            .count();
        for el in elems {
            if let Some(k) = &el.key {
                match self.info.const_value(k.id) {
                    Some(ConstValue::Int(i)) => match i.to_usize() {
                        Some(i) => next = i,
                        None => return self.unsupported(e, "array literal index"),
                    },
                    _ => return self.unsupported(e, "array literal index"),
                }
            }
            if next > 1 << 20 {
                return self.unsupported(e, "huge array literal");
            }
            if slots.len() <= next {
                slots.resize(next + 1, None);
            }
            if last.is_some_and(|l| next < l) {
                in_order = false;
            }
            last = Some(next);
            slots[next] = Some(self.elem_value(&el.value, et));
            next += 1;
        }
        if !in_order && effects > 1 {
            let mut order: Vec<usize> = Vec::new();
            let mut next = 0usize;
            for el in elems {
                if let Some(Some(ConstValue::Int(i))) =
                    el.key.as_ref().map(|k| self.info.const_value(k.id))
                {
                    next = i.to_usize().unwrap_or(next);
                }
                order.push(next);
                next += 1;
            }
            for (k, i) in order.into_iter().enumerate() {
                if let Some(v) = slots.get_mut(i).and_then(Option::take) {
                    let id = syn::Ident::new(&format!("e{k}"), proc_macro2::Span::call_site());
                    temps.push(parse_quote!(let #id = #v;));
                    slots[i] = Some(parse_quote!(#id));
                }
            }
        }
        let n = len.map(|n| n as usize).unwrap_or(slots.len());
        if slots.iter().all(Option::is_none) && len.is_some() {
            return self
                .zero_value(self.type_of(e).unwrap_or(et))
                .unwrap_or_else(|| self.unsupported(e, "array literal"));
        }
        if n > 4096 {
            return self.unsupported(e, "huge array literal");
        }
        let mut vals = Vec::new();
        for i in 0..n {
            match slots.get(i).cloned().flatten() {
                Some(v) => vals.push(v),
                None => match self.zero_value(et) {
                    Some(z) => vals.push(z),
                    None => return self.unsupported(e, "array literal element zero value"),
                },
            }
        }
        let lit: syn::Expr = if len.is_some() {
            parse_quote!([#(#vals),*])
        } else {
            parse_quote!(vec![#(#vals),*])
        };
        if temps.is_empty() {
            lit
        } else {
            parse_quote!({ #(#temps)* #lit })
        }
    }

    /// The Rust field name for a Go field (embedded fields are named after their type).
    pub fn field_name(&self, go_name: &str, _embedded: bool, _ty: TypeId) -> String {
        crate::names::snake(go_name)
    }

    /// The Rust name of field `idx` of a struct: blank (`_`) fields, of which a struct may
    /// have several, are numbered.
    pub fn field_name_at(&self, f: &goxide_types::types::Field, idx: usize) -> String {
        if f.name == "_" {
            return format!("_blank{idx}");
        }
        self.field_name(&f.name, f.embedded, f.ty)
    }

    /// An element of a slice, array or map literal: a function named as a value is cast to
    /// the element's `Rc<dyn Fn…>` type, as nothing else coerces it there.
    fn elem_value(&mut self, e: &Expr, t: TypeId) -> syn::Expr {
        let v = self.value_as(e, t);
        // (A declared function or a package's function: `f`, `strings.ToUpper`.)
        let named = match &crate::builtins::strip_parens(e).kind {
            ExprKind::Ident(_) => self.obj_of(e),
            ExprKind::Selector { sel, .. } => self.info.object_of(sel.id),
            _ => None,
        };
        let named_func =
            named.is_some_and(|o| matches!(self.obj(o).kind, goxide_types::ObjKind::Func { .. }));
        if named_func && matches!(self.under(t), Type::Func(_)) {
            if let Some(ty) = self.rust_type(t) {
                return parse_quote!((#v as #ty));
            }
        }
        v
    }

    pub fn is_untyped_nil(&self, e: &Expr) -> bool {
        matches!(self.mode_of(e), Some(goxide_types::Mode::Nil))
            || matches!(&e.kind, ExprKind::Ident(n) if n == "nil" && self.obj_of(e).is_some_and(|o| matches!(self.obj(o).kind, goxide_types::ObjKind::Nil)))
    }
}
