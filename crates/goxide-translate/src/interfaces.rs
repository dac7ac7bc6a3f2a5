//! Go interfaces with methods → Rust traits.
//!
//! A named interface type `I` becomes `trait I` (its methods, with `&self`, plus `as_any` for
//! type assertions); an interface value is `Option<Rc<dyn I>>` (`None` is nil; in a package
//! with `go` statements `Option<Arc<dyn I>>` with `trait I: Send + Sync`, when every type
//! implementing `I` may cross threads). Every named
//! struct type `T` of the package whose method set satisfies `I` gets `impl I for T`, and when
//! `*T` satisfies it (Go's `*T` has `T`'s methods too) an impl for the pointer representation
//! `Option<Rc<RefCell<T>>>`. Named non-struct types with methods (Rust aliases) get the same
//! impls when no other such type shares their Rust type. Converting a value to `I` boxes it:
//! `Some(Rc::new(v) as Rc<dyn I>)`; converting another interface value finds its dynamic value
//! by downcasting to each implementing type.
//!
//! A struct type with an `Error() string` method (value receiver) also implements
//! `std::error::Error` (and `Display` through that method), so it converts to Go's `error`.

use crate::ctx::Ctx;
use crate::names;
use goxide_types::{ObjKind, Type, TypeId};
use syn::parse_quote;

impl Ctx<'_> {
    /// Whether `t` is an interface type translated as a trait.
    pub fn is_trait_iface(&self, t: TypeId) -> bool {
        self.ifaces.contains(&self.resolve(t)) || self.is_anon_iface(t) || self.is_generic_iface(t)
    }

    /// An interface type written in place (`interface{ M() }`) with methods only: a trait
    /// named `AnonIface1`, … declared once per package.
    pub fn is_anon_iface(&self, t: TypeId) -> bool {
        let t = self.resolve(t);
        // (One written in generic code with methods mentioning type parameters would need a
        // trait per instantiation.)
        matches!(self.prog.types.get(t), Type::Interface(i)
            if i.terms.is_none() && !i.comparable && !i.all_methods.is_empty()
                && i.embeds.iter().all(|&e| matches!(self.prog.types.under(e), Type::Interface(_)))
                && !i.all_methods.iter().any(|m| crate::decl::mentions_type_param(self.prog, m.sig, 0)))
    }

    /// The trait's name for an interface type.
    pub fn trait_ident(&mut self, t: TypeId) -> Option<syn::Ident> {
        if self.is_generic_iface(t) {
            return self.generic_iface_ident(t);
        }
        match self.ty(t) {
            // (An interface declared in a function is not a trait.)
            Type::Named(n)
                if self.ifaces.contains(&t) || self.ifaces.contains(&self.resolve(t)) =>
            {
                Some(self.type_name(n.obj))
            }
            Type::Interface(_) if self.is_anon_iface(t) => {
                let t = self.resolve(t);
                // (Identical interfaces written in several places are one trait.)
                let n = match self
                    .anon_ifaces
                    .iter()
                    .position(|(u, _)| *u == t || self.prog.identical(*u, t))
                {
                    Some(i) => i + 1,
                    None => {
                        self.anon_ifaces.push((t, false));
                        self.anon_ifaces.len()
                    }
                };
                Some(syn::Ident::new(
                    &format!("AnonIface{n}"),
                    proc_macro2::Span::call_site(),
                ))
            }
            _ => None,
        }
    }

    /// `Option<Rc<dyn I>>` (`Option<Arc<dyn I>>` when the values may cross threads).
    pub fn iface_rust_type(&mut self, t: TypeId) -> Option<syn::Type> {
        let id = self.trait_ident(t)?;
        let rc = self.trait_rc(t);
        Some(parse_quote!(Option<#rc<dyn #id>>))
    }

    /// `std::rc::Rc`, or `std::sync::Arc` for the values of an interface that may cross
    /// threads (see [`Ctx::sync_ifaces`]).
    pub fn trait_rc(&self, t: TypeId) -> syn::Path {
        if self.sync_ifaces.contains(&t) {
            parse_quote!(std::sync::Arc)
        } else {
            parse_quote!(std::rc::Rc)
        }
    }

    /// The methods of a trait interface whose signatures translate (for an instantiation of a
    /// generic interface, as registered).
    pub fn trait_methods(&mut self, t: TypeId) -> Vec<crate::generic_ifaces::TraitMethod> {
        if self.is_generic_iface(t) {
            return self.generic_iface_methods(t);
        }
        self.trait_methods_of(t)
    }

    /// The methods of an interface whose signatures translate: (Go name, Rust signature
    /// without receiver parts, parameter names).
    pub fn trait_methods_of(&mut self, t: TypeId) -> Vec<crate::generic_ifaces::TraitMethod> {
        let Type::Interface(it) = self.under(t).clone() else {
            return vec![];
        };
        let mut out = Vec::new();
        for m in &it.all_methods {
            let Type::Func(sig) = self.ty(m.sig).clone() else {
                continue;
            };
            let mut tys = Vec::new();
            let mut ok = true;
            for &p in &sig.params {
                match self.rust_type(p) {
                    Some(ty) => tys.push(ty),
                    None => ok = false,
                }
            }
            let Some(ret) = self.results_type(&sig.results, 0) else {
                continue;
            };
            if !ok {
                continue;
            }
            let names = param_idents(&sig.param_names, tys.len());
            out.push((m.name.clone(), names, tys, ret));
        }
        out
    }
    /// `trait I { … }` for a named interface type.
    pub fn trait_decl(
        &mut self,
        t: TypeId,
        attrs: Vec<syn::Attribute>,
        vis: syn::Visibility,
    ) -> Vec<syn::Item> {
        let Some(id) = self.trait_ident(t) else {
            return vec![];
        };
        let methods = self.trait_methods(t);
        let supertraits = if self.sync_ifaces.contains(&t) {
            quote::quote!(: Send + Sync)
        } else {
            quote::quote!()
        };
        vec![crate::generic_ifaces::trait_item(
            &id,
            &methods,
            attrs,
            vis,
            supertraits,
        )]
    }

    /// `impl I for T` (or for `*T`'s representation) for each interface `T` satisfies.
    pub fn trait_impls(&mut self, concrete: TypeId) -> Vec<syn::Item> {
        if self.stub_types.contains(&concrete) {
            return vec![];
        }
        let mut ifaces: Vec<TypeId> = self.ifaces.iter().copied().collect();
        ifaces.sort();
        let mut out = self.trait_impls_for(concrete, &ifaces);
        if self.ptr_error_types.contains(&concrete) && !self.threaded {
            if let (Some(name), Some(m)) =
                (self.rust_type(concrete), self.method_obj(concrete, "Error"))
            {
                if self.readonly_ptr_methods.contains(&m) {
                    self.use_support("errors");
                    // `Unwrap() error`, which `errors.Is` and `errors.As` follow.
                    let unwrap = self.error_unwrap_method(concrete).map(|u| {
                        quote::quote!(
                            fn go_unwrap(&self) -> crate::support::errors::Error {
                                self.#u()
                            }
                        )
                    });
                    out.push(parse_quote!(
                        impl crate::support::errors::GoError for #name {
                            fn go_error(&self) -> String {
                                self.error()
                            }
                            #unwrap
                        }
                    ));
                }
            }
        }
        if self.error_types.contains(&concrete)
            && self.is_debuggable(concrete)
            && !self.wrapped_types.contains(&concrete)
        {
            let Some(concrete_name) = self.rust_type(concrete) else {
                return out;
            };
            out.push(parse_quote!(
                impl std::fmt::Display for #concrete_name {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(&self.error())
                    }
                }
            ));
            // `Unwrap() error` returning a field: the error's `source`, which `errors.Is` and
            // `errors.As` follow.
            let field = self.unwrap_fields.get(&concrete).copied().and_then(|i| {
                let Type::Struct(fields) = self.under(concrete).clone() else {
                    return None;
                };
                let f = fields.get(i)?.clone();
                Some(names::ident(&self.field_name_at(&f, i)))
            });
            out.push(match field {
                Some(f) => parse_quote!(
                    impl std::error::Error for #concrete_name {
                        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
                            self.#f.as_deref()
                        }
                    }
                ),
                None => parse_quote!(impl std::error::Error for #concrete_name {}),
            });
        }
        out
    }

    /// `impl I for T` for each of `ifaces` that `T` satisfies, and `impl I for` `*T`'s
    /// representation for each that `*T` satisfies (Go's `*T` has `T`'s methods too).
    pub fn trait_impls_for(&mut self, concrete: TypeId, ifaces: &[TypeId]) -> Vec<syn::Item> {
        let mut out = Vec::new();
        let ptr = self.prog.types.intern_lookup_pointer(concrete);
        // (A wrapped type's pointers share their representation with another type's too.)
        let wrapped = self.wrapped_types.contains(&concrete);
        for &i in ifaces {
            let mut targets = Vec::new();
            if self.prog.implements(concrete, i) {
                targets.push(false);
            }
            if !wrapped && ptr.is_some_and(|p| self.prog.implements(p, i)) {
                targets.push(true);
            }
            let Some(tr) = self.trait_ident(i) else {
                continue;
            };
            let Some(tname) = self.dyn_type(concrete) else {
                continue;
            };
            let methods = self.trait_methods(i);
            if wrapped && !targets.is_empty() {
                out.extend(self.wrapper_decl(concrete));
            }
            for via_ptr in targets {
                let target: syn::Type = if via_ptr {
                    self.ptr_repr(concrete, parse_quote!(#tname))
                } else {
                    tname.clone()
                };
                out.push(self.trait_impl_item(concrete, via_ptr, &tr, &methods, target));
            }
        }
        out
    }

    /// `impl Trait for Target { … }`: each of `methods` calls Go's method of `concrete` (of
    /// `*concrete` with `via_ptr`; `target` is its Rust type).
    pub fn trait_impl_item(
        &mut self,
        concrete: TypeId,
        via_ptr: bool,
        tr: &syn::Ident,
        methods: &[crate::generic_ifaces::TraitMethod],
        target: syn::Type,
    ) -> syn::Item {
        let tname = self.rust_type(concrete).unwrap_or_else(|| target.clone());
        let mut fns: Vec<proc_macro2::TokenStream> = Vec::new();
        for (name, ps, tys, ret) in methods {
            let m = names::value_ident(name);
            let body = self
                .impl_method_body(concrete, name, via_ptr, ps)
                .unwrap_or_else(|| parse_quote!(#tname::#m(self, #(#ps),*)));
            fns.push(quote::quote!(fn #m(&self, #(#ps: #tys),*) #ret { #body }));
        }
        parse_quote!(
            impl #tr for #target {
                #(#fns)*
                fn as_any(&self) -> &dyn std::any::Any {
                    self
                }
            }
        )
    }

    /// The body of method `name` in `impl I for T` (with `via_ptr`, in the impl for `*T`'s
    /// representation): Go's method called on `self`, through the embedded fields it is
    /// promoted from (borrowing through pointers on the way). Methods of a named non-struct
    /// type (an alias in Rust) are called through its extension trait, named because the trait
    /// being implemented has a method of the same name.
    fn impl_method_body(
        &mut self,
        concrete: TypeId,
        name: &str,
        via_ptr: bool,
        args: &[syn::Ident],
    ) -> Option<syn::Expr> {
        let (m, path, _) = self.prog.lookup_field_or_method(concrete, name)?;
        let stub_recv = match &self.obj(m).kind {
            ObjKind::Func { recv: Some(r) } => {
                let base = match self.ty(*r) {
                    Type::Pointer(b) => *b,
                    _ => *r,
                };
                self.stub_types.contains(&base)
            }
            _ => false,
        };
        if stub_recv {
            let text = format!(
                "{} unsupported: method `{name}` of a type goxide cannot translate yet",
                crate::MARKER
            );
            let lit = syn::LitStr::new(&text, proc_macro2::Span::call_site());
            return Some(parse_quote!({
                __goxide_comment!(#lit);
                todo!()
            }));
        }
        // (A method of an embedded interface has no receiver.)
        let ptr_method = matches!(&self.obj(m).kind, ObjKind::Func { recv: Some(r) } if matches!(self.ty(*r), Type::Pointer(_)));
        let mutating = ptr_method && !self.readonly_ptr_methods.contains(&m);
        let by_value = self.by_value_methods.contains(&m);
        let mid = self.method_ident(m, name);
        if self.analysis.ptr_value_methods.contains(&m) {
            // The method takes the pointer itself (see `ptr_receivers`).
            if !via_ptr || !path.is_empty() {
                // A promoted method would need a pointer to the embedded field.
                let text = format!(
                    "{} unsupported: method `{name}` promoted from an embedded field takes its receiver as a pointer",
                    crate::MARKER
                );
                let lit = syn::LitStr::new(&text, proc_macro2::Span::call_site());
                return Some(parse_quote!({
                    __goxide_comment!(#lit);
                    todo!()
                }));
            }
            let ty = self.rust_type(concrete)?;
            let ty = crate::builtins::type_qualifier(&ty);
            return Some(parse_quote!(#ty::#mid(self.clone(), #(#args),*)));
        }
        let frozen = via_ptr && self.is_frozen(concrete);
        let deref = |e: syn::Expr| -> syn::Expr {
            if frozen {
                parse_quote!(#e.as_ref().unwrap())
            } else if mutating {
                parse_quote!(#e.as_ref().unwrap().borrow_mut())
            } else {
                parse_quote!(#e.as_ref().unwrap().borrow())
            }
        };
        // `e` is a place of type `cur`, except that plain `self` is a reference to one and a
        // borrow through a pointer (`smart`) is a `Ref`/`RefMut`. (A wrapper's value is
        // `self.0`, see `dyn_wrappers`.)
        let wrapped = !via_ptr && self.wrapped_types.contains(&concrete);
        let plain_self = !via_ptr && path.is_empty() && !wrapped;
        let mut smart = via_ptr;
        let mut e: syn::Expr = if via_ptr && !ptr_method && path.is_empty() {
            // Go's `*T` wrapper of a value method panics with its own message on nil.
            let Type::Named(n) = self.ty(concrete) else {
                return None;
            };
            let ty = self.obj(n.obj).name.clone();
            let method = format!("{}.{ty}.{name}", self.prog.pkg(self.pkg).path);
            self.use_support("rt");
            if frozen {
                parse_quote!(crate::support::rt::value_receiver(self, #method, #ty))
            } else {
                parse_quote!(crate::support::rt::value_receiver(self, #method, #ty).borrow())
            }
        } else if via_ptr {
            deref(parse_quote!(self))
        } else if wrapped {
            parse_quote!(self.0)
        } else {
            parse_quote!(self)
        };
        let mut cur = concrete;
        for idx in path {
            let Type::Struct(fields) = self.under(cur) else {
                return None;
            };
            let f = fields.get(idx)?.clone();
            let fname = names::ident(&self.field_name_at(&f, idx));
            e = parse_quote!(#e.#fname);
            cur = f.ty;
            smart = false;
            if let Type::Pointer(elem) = self.under(cur) {
                e = deref(e);
                cur = *elem;
                smart = true;
            }
        }
        if self.is_trait_iface(cur) {
            // Promoted from an embedded interface field.
            return Some(parse_quote!(#e.as_ref().unwrap().#mid(#(#args),*)));
        }
        if !matches!(self.ty(cur), Type::Named(_)) {
            return None;
        }
        if matches!(self.under(cur), Type::Struct(_)) {
            let tname = self.named_type_ident(cur)?;
            return Some(if by_value {
                parse_quote!(#e.clone().#mid(#(#args),*))
            } else if plain_self {
                parse_quote!(#tname::#mid(self, #(#args),*))
            } else {
                parse_quote!(#e.#mid(#(#args),*))
            });
        }
        let tr = self.ext_trait_ident(cur)?;
        let recv: syn::Expr = if mutating && smart {
            parse_quote!(&mut *#e)
        } else if mutating {
            parse_quote!(&mut #e)
        } else if ptr_method && smart {
            parse_quote!(&*#e)
        } else if ptr_method {
            parse_quote!(&#e)
        } else if self.is_copy(cur) {
            if plain_self {
                parse_quote!(*self)
            } else if smart {
                parse_quote!(*#e)
            } else {
                e
            }
        } else if by_value {
            parse_quote!(#e.clone())
        } else if plain_self {
            e
        } else if smart {
            parse_quote!(&*#e)
        } else {
            parse_quote!(&#e)
        };
        Some(parse_quote!(#tr::#mid(#recv, #(#args),*)))
    }

    /// The Rust name of `t`'s method `Unwrap() error` (value receiver, or a pointer receiver
    /// that only reads), when it has one.
    fn error_unwrap_method(&self, t: TypeId) -> Option<syn::Ident> {
        let m = self.method_obj(t, "Unwrap")?;
        let ObjKind::Func { recv: Some(r) } = &self.obj(m).kind else {
            return None;
        };
        if matches!(self.ty(*r), Type::Pointer(_)) && !self.readonly_ptr_methods.contains(&m)
            || self.analysis.ptr_value_methods.contains(&m)
        {
            return None;
        }
        let Type::Func(sig) = self.ty(self.obj(m).ty) else {
            return None;
        };
        let returns_error =
            sig.params.is_empty() && matches!(sig.results.as_slice(), [e] if self.is_error(*e));
        returns_error.then(|| self.method_ident(m, "Unwrap"))
    }

    fn method_obj(&self, t: TypeId, name: &str) -> Option<goxide_types::ObjId> {
        self.prog
            .methods_of(t)
            .into_iter()
            .find(|&m| self.obj(m).name == name)
    }

    /// Converts a value of concrete type `src` to interface type `target` (a trait object),
    /// when `src` implements it.
    pub fn boxed_trait_object(
        &mut self,
        v: syn::Expr,
        src: TypeId,
        target: TypeId,
    ) -> Option<syn::Expr> {
        let src = self.resolve(src);
        let (base, via_ptr) = match self.ty(src) {
            Type::Pointer(e) => (self.resolve(*e), true),
            _ => (src, false),
        };
        let generic_src = self.is_generic_instance(base);
        let src_ok = (self.concrete_types.contains(&base) || generic_src)
            && !self.stub_types.contains(&base);
        if !src_ok
            || !self.implements_trait(base, via_ptr, target)
            || via_ptr && self.wrapped_types.contains(&base)
        {
            return None;
        }
        let tr = self.trait_ident(target)?;
        let rc = self.trait_rc(target);
        // A new function value (`Rc::new(closure)`) takes its declared type before it is
        // boxed; a variable of that type already has it.
        let fresh_fn = matches!(&v, syn::Expr::Call(c)
            if matches!(&*c.func, syn::Expr::Path(p)
                if p.path.segments.last().is_some_and(|s| s.ident == "new")));
        let v = if matches!(self.under(src), Type::Func(_)) && fresh_fn {
            let ty = self.rust_type(src)?;
            parse_quote!((#v as #ty))
        } else {
            v
        };
        let v = self.dyn_wrap(v, src);
        Some(parse_quote!(Some(#rc::new(#v) as #rc<dyn #tr>)))
    }

    /// `x.(I)` for a trait interface `I`, from an interface value `v` (a trait object or
    /// `interface{}`): `Option<Rc<dyn I>>`, `None` when the dynamic value does not implement
    /// `I` (or is nil). The dynamic value is found by trying each type of the package that
    /// implements `I`.
    pub fn iface_to_iface(&mut self, v: &syn::Expr, xt: TypeId, t: TypeId) -> Option<syn::Expr> {
        if !self.is_trait_iface(t) || !(self.is_trait_iface(xt) || self.is_empty_interface(xt)) {
            return None;
        }
        let tr = self.trait_ident(t)?;
        let rc = self.trait_rc(t);
        if self.deferred_dynamic(t) || self.deferred_dynamic(xt) {
            // Instantiations of generic types may still be met: a function declared after
            // them all tries each.
            let f = self.deferred_converter(t, self.is_empty_interface(xt), false)?;
            return Some(dynamic_value(v, parse_quote!(#f(any))));
        }
        let mut arms: Vec<syn::Expr> = Vec::new();
        for (c, via_ptr, rt, _) in self.dynamic_types(t) {
            // In an `interface{}`, a named basic type's value (a Rust alias) is an
            // `iface::Named` (see `named_ifaces`); other named non-struct types' values look like
            // values of their underlying types.
            if self.is_empty_interface(xt) && !matches!(self.under(c), Type::Struct(_)) {
                let go = self.alias_named(c)?;
                // (`rt` is the wrapper of a wrapped type: the `Named` holds the alias's value.)
                let alias = match self.wrapped_types.contains(&c) && !via_ptr {
                    true => self.rust_type(c)?,
                    false => rt,
                };
                let held = self.dyn_wrap(parse_quote!(n.value.clone()), c);
                arms.push(parse_quote!(any
                    .and_then(|a| a.downcast_ref::<crate::support::iface::Named<#alias>>())
                    .filter(|n| n.go_type == #go)
                    .map(|n| #rc::new(#held) as #rc<dyn #tr>)));
                continue;
            }
            arms.push(parse_quote!(any.and_then(|a| a.downcast_ref::<#rt>()).map(|c| #rc::new(c.clone()) as #rc<dyn #tr>)));
        }
        // With no candidate, the `None` alone must name its type.
        let mut chain: syn::Expr = if arms.is_empty() {
            parse_quote!(None::<#rc<dyn #tr>>)
        } else {
            parse_quote!(None)
        };
        for a in arms.into_iter().rev() {
            chain = parse_quote!(#a.or_else(|| #chain));
        }
        Some(dynamic_value(v, parse_quote!(#chain)))
    }

    /// A trait interface value `v` (of type `xt`) as an `interface{}` holding the same dynamic
    /// value, found by trying each type of the package that implements the trait (nil stays
    /// nil). `None` when one of them cannot be stored in an `interface{}`.
    pub fn trait_to_any(&mut self, v: &syn::Expr, xt: TypeId) -> Option<syn::Expr> {
        if self.deferred_dynamic(xt) {
            let f = self.deferred_converter(xt, false, true)?;
            self.use_support("iface");
            self.use_support("fmt");
            return Some(dynamic_value(v, parse_quote!(#f(any))));
        }
        let mut arms: Vec<syn::Expr> = Vec::new();
        for (c, via_ptr, rt, subst) in self.dynamic_types(xt) {
            let saved = std::mem::replace(&mut self.subst, subst);
            let src = if via_ptr {
                self.prog.types.intern_lookup_pointer(c)
            } else {
                Some(c)
            };
            let ok = src.is_some_and(|s| self.is_formattable(s));
            self.subst = saved;
            if !ok {
                return None;
            }
            let held = self.dyn_inner(parse_quote!(c), c);
            let boxed = match via_ptr {
                false => self.boxed_named(parse_quote!(#held.clone()), c),
                true => None,
            }
            .unwrap_or_else(|| parse_quote!(crate::support::iface::new(#held.clone())));
            arms.push(parse_quote!(any.and_then(|a| a.downcast_ref::<#rt>()).map(|c| #boxed)));
        }
        self.use_support("iface");
        self.use_support("fmt");
        let mut chain: syn::Expr = parse_quote!(None);
        for a in arms.into_iter().rev() {
            chain = parse_quote!(#a.or_else(|| #chain));
        }
        Some(dynamic_value(v, parse_quote!(#chain.unwrap_or(None))))
    }

    /// Whether `*t` is an error whose pointer can be boxed as one (`support::errors::PtrError`).
    pub fn ptr_error(&self, t: TypeId) -> bool {
        self.ptr_error_types.contains(&t)
            && !self.threaded
            && self
                .method_obj(t, "Error")
                .is_some_and(|m| self.readonly_ptr_methods.contains(&m))
    }

    /// Converts a value of a struct type with an `Error()` method to Go's `error`.
    pub fn boxed_error(&mut self, v: syn::Expr, src: TypeId) -> Option<syn::Expr> {
        if let Type::Pointer(base) = self.ty(src).clone() {
            if self.ptr_error(base) {
                self.use_support("errors");
                if let Some(bt) = self.rust_type(base) {
                    return Some(parse_quote!(crate::support::errors::from_ptr::<#bt>(#v)));
                }
                return Some(parse_quote!(crate::support::errors::from_ptr(#v)));
            }
        }
        if !self.error_types.contains(&src) {
            return None;
        }
        self.use_support("errors");
        Some(parse_quote!(Some(std::rc::Rc::new(#v) as std::rc::Rc<dyn std::error::Error>)))
    }
}

/// `{ let any = …as_any(); tail }`: the dynamic value of interface value `v` as `Option<&dyn
/// Any>` (`None` for nil), for `tail` to downcast; a `v` other than a name is bound first, so
/// that temporaries live long enough.
fn dynamic_value(v: &syn::Expr, tail: syn::Expr) -> syn::Expr {
    if matches!(v, syn::Expr::Path(_)) {
        return parse_quote!({
            let any: Option<&dyn std::any::Any> = #v.as_ref().map(|v| v.as_any());
            #tail
        });
    }
    parse_quote!({
        let x = &#v;
        let any: Option<&dyn std::any::Any> = x.as_ref().map(|v| v.as_any());
        #tail
    })
}

/// Which interface types become traits, which concrete types (`T` or `*T`) implement them, and
/// which struct types are errors.
pub fn plan(
    prog: &goxide_types::Program,
    info: &goxide_types::Info,
    files: &[&goxide_ast::ast::File],
) -> InterfacePlan {
    use goxide_ast::ast::DeclKind;
    let mut ifaces = std::collections::HashSet::new();
    let mut concrete = Vec::new();
    let mut errors = std::collections::HashSet::new();
    let mut ptr_errors = std::collections::HashSet::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Type(specs) = &d.kind else {
                continue;
            };
            for s in specs {
                if !s.type_params.is_empty() || s.alias {
                    continue;
                }
                let Some(&o) = info.defs.get(&s.name.id) else {
                    continue;
                };
                let t = prog.obj(o).ty;
                match prog.types.under(t) {
                    Type::Interface(i) => {
                        let plain = i.terms.is_none()
                            && !i.comparable
                            && !i.all_methods.is_empty()
                            && i.embeds
                                .iter()
                                .all(|&e| matches!(prog.types.under(e), Type::Interface(_)));
                        if plain {
                            ifaces.insert(t);
                        }
                    }
                    Type::Struct(_) => concrete.push(t),
                    // A named non-struct type with methods (`type Celsius float64`) can be
                    // the dynamic value of an interface too.
                    _ if !prog.methods_of(t).is_empty() => concrete.push(t),
                    _ => {}
                }
            }
        }
    }
    for &t in &concrete {
        // Error() string with a value receiver.
        let is_error = prog.methods_of(t).into_iter().any(|m| {
            let o = prog.obj(m);
            o.name == "Error"
                && matches!(&o.kind, ObjKind::Func { recv: Some(r) } if !matches!(prog.types.get(*r), Type::Pointer(_)))
                && matches!(prog.types.get(o.ty), Type::Func(sig) if sig.params.is_empty() && sig.results.len() == 1 && matches!(prog.types.under(sig.results[0]), Type::Basic(k) if k.is_string()))
        });
        if is_error {
            errors.insert(t);
        }
        // Error() string with a pointer receiver: `*T` is the error.
        let is_ptr_error = prog.methods_of(t).into_iter().any(|m| {
            let o = prog.obj(m);
            o.name == "Error"
                && matches!(&o.kind, ObjKind::Func { recv: Some(r) } if matches!(prog.types.get(*r), Type::Pointer(_)))
                && matches!(prog.types.get(o.ty), Type::Func(sig) if sig.params.is_empty() && sig.results.len() == 1 && matches!(prog.types.under(sig.results[0]), Type::Basic(k) if k.is_string()))
        });
        if is_ptr_error && !is_error {
            ptr_errors.insert(t);
        }
    }
    let unwrap_fields = unwrap_fields(prog, info, files, &errors);
    InterfacePlan {
        ifaces,
        errors,
        ptr_errors,
        concrete,
        unwrap_fields,
    }
}

/// Error types (`Error()` on the value) whose value-receiver `Unwrap() error` returns one of
/// their fields, `func (e OpError) Unwrap() error { return e.Err }`: by type, the field's
/// index. Their `std::error::Error` impl gives that field as its `source`, which `errors.Is`
/// and `errors.As` follow.
fn unwrap_fields(
    prog: &goxide_types::Program,
    info: &goxide_types::Info,
    files: &[&goxide_ast::ast::File],
    errors: &std::collections::HashSet<TypeId>,
) -> std::collections::HashMap<TypeId, usize> {
    use goxide_ast::ast::{DeclKind, ExprKind, StmtKind};
    let mut out = std::collections::HashMap::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(r), Some(body)) = (&fd.recv, &fd.body) else {
                continue;
            };
            let Some(recv) = r.name.as_ref().and_then(|n| info.defs.get(&n.id)) else {
                continue;
            };
            let rt = prog.obj(*recv).ty;
            if fd.name.name != "Unwrap" || !errors.contains(&rt) {
                continue;
            }
            let [stmt] = body.stmts.as_slice() else {
                continue;
            };
            let StmtKind::Return(vals) = &stmt.kind else {
                continue;
            };
            let [v] = vals.as_slice() else {
                continue;
            };
            let ExprKind::Selector { x, .. } = &v.kind else {
                continue;
            };
            let on_recv =
                matches!(&x.kind, ExprKind::Ident(_)) && info.object_of(x.id) == Some(*recv);
            let field = info
                .selections
                .get(&v.id)
                .filter(|s| s.kind == goxide_types::SelectionKind::FieldVal && s.path.len() == 1);
            let is_error = info
                .type_of(v.id)
                .is_some_and(|t| crate::results::is_error(prog, t));
            if let (true, Some(sel), true) = (on_recv, field, is_error) {
                out.insert(rt, sel.path[0]);
            }
        }
    }
    out
}

/// What [`plan`] found: named interfaces that become traits, struct types that are errors,
/// and the package's named struct types and named non-struct types with methods.
pub struct InterfacePlan {
    pub ifaces: std::collections::HashSet<TypeId>,
    pub errors: std::collections::HashSet<TypeId>,
    /// Struct types whose `Error()` has a pointer receiver (`*T` is the error).
    pub ptr_errors: std::collections::HashSet<TypeId>,
    pub concrete: Vec<TypeId>,
    /// Error types whose `Unwrap` returns a field, with the field's index.
    pub unwrap_fields: std::collections::HashMap<TypeId, usize>,
}

/// The parameters of a trait method: Go's names where every parameter has a distinct one
/// (`fn put(&self, tag: String, vals: Vec<i64>)`), else `a0`, `a1`, ….
pub(crate) fn param_idents(go_names: &[String], n: usize) -> Vec<syn::Ident> {
    let named: Vec<String> = go_names
        .iter()
        .map(|g| names::value_ident(g).to_string())
        .collect();
    let distinct = named.len() == n
        && go_names.iter().all(|g| !g.is_empty() && g != "_")
        && named.iter().all(|a| a != "self" && !a.starts_with("r#"))
        && (1..named.len()).all(|i| !named[..i].contains(&named[i]));
    if distinct {
        return named.iter().map(|a| names::ident(a)).collect();
    }
    (0..n)
        .map(|i| syn::Ident::new(&format!("a{i}"), proc_macro2::Span::call_site()))
        .collect()
}
