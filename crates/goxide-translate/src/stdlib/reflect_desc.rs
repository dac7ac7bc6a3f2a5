//! `reflect` type descriptions: the `support::reflect::Desc` of a static Go type, written out
//! where a program reflects on a value of that type.

use crate::ctx::Ctx;
use crate::names;
use goxide_types::{BasicKind, Type, TypeId};
use syn::parse_quote;

/// Nesting past which a description stops (a recursive type describes itself lazily in Go;
/// here its deeper parts are left out).
const MAX_DEPTH: u32 = 4;

impl Ctx<'_> {
    /// `support::reflect::Desc::new(…)…done()`: the description of `t`.
    pub(crate) fn type_desc(&mut self, t: TypeId, depth: u32) -> syn::Expr {
        // Values held by a `reflect.Value` are `interface{}` values: struct types need their
        // `Format` implementations.
        self.use_support("reflect");
        self.use_support("iface");
        self.use_support("fmt");
        let t = goxide_types::default_type(&self.prog.types, self.resolve(t));
        let s = self.go_type_string(t);
        let kind = names::ident(reflect_kind(self.under(t)));
        let mut x: syn::Expr =
            parse_quote!(crate::support::reflect::Desc::new(#s, crate::support::reflect::#kind));
        if matches!(self.ty(t), Type::Basic(BasicKind::UnsafePointer)) {
            x = parse_quote!(#x.named("Pointer", "unsafe"));
        }
        if let Type::Named(n) = self.ty(t).clone() {
            let o = self.obj(n.obj);
            let pkg = o
                .pkg
                .map(|p| self.prog.pkg(p).path.clone())
                .unwrap_or_default();
            // `main.Pair[int]` is named `Pair[int]`.
            let name = match s.find('.') {
                Some(i) if !pkg.is_empty() => s[i + 1..].to_string(),
                _ => s.clone(),
            };
            x = parse_quote!(#x.named(#name, #pkg));
        }
        if depth >= MAX_DEPTH {
            return parse_quote!(#x.done());
        }
        // Methods only for the type reflected on itself (not for the types inside it): each
        // is a closure written out here.
        if depth == 0 && self.reflect_can_hold(t) {
            for m in self.method_descs(t, depth + 1) {
                x = parse_quote!(#x.method(#m));
            }
        }
        let d = depth + 1;
        match self.under(t).clone() {
            Type::Pointer(e) => {
                let et = self.type_desc(e, d);
                x = parse_quote!(#x.elem(#et));
                if let Some(g) = self.pointee_getter(t, e) {
                    x = parse_quote!(#x.deref(#g));
                }
            }
            Type::Slice(e) | Type::Chan(_, e) => {
                let et = self.type_desc(e, d);
                x = parse_quote!(#x.elem(#et));
                let is_slice = matches!(self.under(t), Type::Slice(_));
                if is_slice && !self.threaded && self.reflect_can_hold(e) {
                    if let Some(r) = self.rust_type(e) {
                        x = parse_quote!(#x.seq(
                            crate::support::reflect::slice_len::<#r>,
                            crate::support::reflect::slice_index::<#r>
                        ));
                    }
                }
            }
            Type::Array(n, e) => {
                let et = self.type_desc(e, d);
                let n = proc_macro2::Literal::usize_unsuffixed(n as usize);
                x = parse_quote!(#x.elem(#et).len(#n));
            }
            Type::Map(k, v) => {
                let (kt, vt) = (self.type_desc(k, d), self.type_desc(v, d));
                x = parse_quote!(#x.key(#kt).elem(#vt));
                if !self.threaded && self.reflect_can_hold(k) && self.reflect_can_hold(v) {
                    let map_ty = self.rust_type(t);
                    let text = map_ty
                        .map(|m| quote::quote!(#m).to_string().replace(' ', ""))
                        .unwrap_or_default();
                    if text.starts_with("std::collections::HashMap<") {
                        if let (Some(kr), Some(vr)) = (self.rust_type(k), self.rust_type(v)) {
                            x = parse_quote!(#x.entries(crate::support::reflect::map_entries::<#kr, #vr>));
                        }
                    }
                }
            }
            Type::Struct(fields) => {
                let rust = self.rust_type(t);
                for (i, f) in fields.iter().enumerate() {
                    let name = &f.name;
                    let exported = f.name.chars().next().is_some_and(char::is_uppercase);
                    let pkg = match self.obj(f.obj).pkg {
                        Some(p) if !exported => self.prog.pkg(p).path.clone(),
                        _ => String::new(),
                    };
                    let ft = self.type_desc(f.ty, d);
                    let tag = f.tag.clone().unwrap_or_default();
                    let embedded = f.embedded;
                    let get: syn::Expr = match &rust {
                        // A blank field reads as its zero value: Go never stores into it.
                        Some(r) if f.name == "_" && self.reflect_can_hold(f.ty) => {
                            match self.zero_value(f.ty) {
                                Some(z) => {
                                    parse_quote!(Some(|v| crate::support::reflect::get_field(v, |_: &#r| #z)))
                                }
                                None => parse_quote!(None),
                            }
                        }
                        Some(r) if self.reflect_can_hold(f.ty) => {
                            let fname = names::ident(&self.field_name_at(f, i));
                            let read: syn::Expr = if self.is_copy(f.ty) {
                                parse_quote!(s.#fname)
                            } else {
                                parse_quote!(s.#fname.clone())
                            };
                            parse_quote!(Some(|v| crate::support::reflect::get_field(v, |s: &#r| #read)))
                        }
                        _ => parse_quote!(None),
                    };
                    x = parse_quote!(#x.field(#name, #pkg, #ft, #tag, #embedded, #get));
                }
            }
            _ => {}
        }
        parse_quote!(#x.done())
    }

    /// The arguments of `Desc::method` for each exported method in the method set of `t` (a
    /// named type, or a pointer to one), in name order.
    fn method_descs(&mut self, t: TypeId, depth: u32) -> Vec<proc_macro2::TokenStream> {
        let (base, ptr) = match self.under(t) {
            Type::Pointer(b) => (*b, true),
            _ => (t, false),
        };
        if !matches!(self.ty(base), Type::Named(_)) || (ptr && self.ty(t) != &Type::Pointer(base)) {
            return Vec::new();
        }
        let mut methods: Vec<(String, goxide_types::ObjId)> = self
            .prog
            .methods_of(base)
            .into_iter()
            .filter_map(|m| {
                let o = self.obj(m);
                let value_recv = match &o.kind {
                    goxide_types::ObjKind::Func { recv: Some(r) } => {
                        !matches!(self.ty(*r), Type::Pointer(_))
                    }
                    _ => return None,
                };
                let exported = o.name.chars().next().is_some_and(char::is_uppercase);
                (exported && (ptr || value_recv)).then(|| (o.name.clone(), m))
            })
            .collect();
        methods.sort();
        methods
            .into_iter()
            .map(|(name, m)| self.method_desc(t, &name, m, depth))
            .collect()
    }

    /// `name, expression type, bound type, method expression, binder` of method `m` of `t`.
    fn method_desc(
        &mut self,
        t: TypeId,
        name: &str,
        m: goxide_types::ObjId,
        depth: u32,
    ) -> proc_macro2::TokenStream {
        let mt = self.obj(m).ty;
        let Type::Func(msig) = self.ty(mt).clone() else {
            return quote::quote!(#name, Default::default(), Default::default(), None, None);
        };
        let bound_ty = self.type_desc(mt, depth);
        // The method expression's signature: the receiver, then the parameters.
        let mut sig = msig.clone();
        sig.params.insert(0, t);
        sig.param_names.insert(0, String::new());
        let go = self.go_type_string(mt);
        let recv = self.go_type_string(t);
        let expr_go = match go.strip_prefix("func(") {
            Some(rest) if rest.starts_with(')') => format!("func({recv}{rest}"),
            Some(rest) => format!("func({recv}, {rest}"),
            None => go.clone(),
        };
        let expr_ty: syn::Expr = parse_quote!(crate::support::reflect::Desc::new(#expr_go, crate::support::reflect::FUNC).done());
        let boxable = !self.threaded
            && !sig.variadic
            && sig.params.len() <= 4
            && sig.results.len() <= 3
            && sig
                .params
                .iter()
                .chain(&sig.results)
                .all(|&p| self.is_formattable(p) || self.func_boxable(p));
        let parts = if boxable {
            self.method_func_and_binder(&sig, &msig, t, name, m)
        } else {
            None
        };
        match parts {
            Some((func, bind)) => {
                quote::quote!(#name, #expr_ty, #bound_ty, #func, Some(#bind))
            }
            None => quote::quote!(#name, #expr_ty, #bound_ty, None, None),
        }
    }

    /// The method expression of `m` as an interface value, and a getter binding it to a
    /// receiver read from a value (a method value as an interface value).
    fn method_func_and_binder(
        &mut self,
        sig: &goxide_types::types::Signature,
        msig: &goxide_types::types::Signature,
        t: TypeId,
        name: &str,
        m: goxide_types::ObjId,
    ) -> Option<(syn::Expr, syn::Expr)> {
        let closure = self.method_expr_of(sig, t, name, m).ok()?;
        let recv_ty = self.rust_type(t)?;
        let mut ps = Vec::new();
        for p in &msig.params {
            ps.push(self.rust_type(*p)?);
        }
        let ret = self.results_type(&msig.results, 0)?;
        let rc = self.rc_path();
        let fn_ty: syn::Type = parse_quote!(#rc<dyn Fn(#recv_ty #(, #ps)*) #ret>);
        let bound_fn_ty: syn::Type = parse_quote!(#rc<dyn Fn(#(#ps),*) #ret>);
        let args: Vec<syn::Ident> = (0..ps.len())
            .map(|i| quote::format_ident!("a{i}"))
            .collect();
        self.use_support("iface");
        let func = parse_quote!(crate::support::iface::new::<#fn_ty>(#closure));
        let bind = parse_quote!(|v| {
            let recv = v.downcast_ref::<#recv_ty>()?.clone();
            let f: #fn_ty = #closure;
            crate::support::iface::new::<#bound_fn_ty>(#rc::new(move |#(#args: #ps),*| f(recv.clone() #(, #args)*)))
        });
        Some((func, bind))
    }

    /// Whether a value of type `t` can be held in a `reflect.Value` (an `interface{}` value).
    pub(crate) fn reflect_can_hold(&mut self, t: TypeId) -> bool {
        if self.func_boxable(t) {
            return self.rust_type(t).is_some();
        }
        self.is_formattable(t)
            && !matches!(
                self.under(t),
                Type::Func(_) | Type::Chan(..) | Type::Tuple(_)
            )
            && self.rust_type(t).is_some()
    }

    /// `support::reflect::get_pointee::<T>`, reading the pointee of a `*T` held in a value,
    /// when pointers to `T` are `Option<Rc<RefCell<T>>>`.
    fn pointee_getter(&mut self, ptr: TypeId, elem: TypeId) -> Option<syn::Expr> {
        if self.threaded || !self.reflect_can_hold(elem) {
            return None;
        }
        let pt = self.rust_type(ptr)?;
        let text = quote::quote!(#pt).to_string().replace(' ', "");
        if !text.starts_with("Option<std::rc::Rc<std::cell::RefCell<") {
            return None;
        }
        let et = self.rust_type(elem)?;
        Some(parse_quote!(crate::support::reflect::get_pointee::<#et>))
    }
}

/// The `support::reflect` constant of a type's kind.
fn reflect_kind(t: &Type) -> &'static str {
    use BasicKind as B;
    match t {
        Type::Basic(k) => match k {
            B::Bool | B::UntypedBool => "BOOL",
            B::Int | B::UntypedInt => "INT",
            B::Int8 => "INT8",
            B::Int16 => "INT16",
            B::Int32 | B::UntypedRune => "INT32",
            B::Int64 => "INT64",
            B::Uint => "UINT",
            B::Uint8 => "UINT8",
            B::Uint16 => "UINT16",
            B::Uint32 => "UINT32",
            B::Uint64 => "UINT64",
            B::Uintptr => "UINTPTR",
            B::Float32 => "FLOAT32",
            B::Float64 | B::UntypedFloat => "FLOAT64",
            B::Complex64 => "COMPLEX64",
            B::Complex128 | B::UntypedComplex => "COMPLEX128",
            B::String | B::UntypedString => "STRING",
            B::UnsafePointer => "UNSAFE_POINTER",
            B::Invalid | B::UntypedNil => "INVALID",
        },
        Type::Pointer(_) => "POINTER",
        Type::Slice(_) => "SLICE",
        Type::Array(..) => "ARRAY",
        Type::Map(..) => "MAP",
        Type::Chan(..) => "CHAN",
        Type::Struct(_) => "STRUCT",
        Type::Func(_) => "FUNC",
        Type::Interface(_) => "INTERFACE",
        Type::Named(_) | Type::Tuple(_) | Type::TypeParam { .. } => "INVALID",
    }
}
