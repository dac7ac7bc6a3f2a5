//! Generic interface types, one Rust trait per instantiation (as generic struct types are one
//! struct per instantiation): `type Getter[T any] interface{ Get() T }` used as `Getter[int]`
//! and `Getter[string]` becomes `trait GetterI64 { fn get(&self) -> i64; … }` and
//! `trait GetterString { … }`; their values are `Option<Rc<dyn GetterI64>>`, as for any trait
//! interface.
//!
//! An instantiation is registered the first time its trait is asked for, with its methods'
//! Rust signatures under the type arguments in force then. After the package's declarations,
//! each registered trait is declared, and every type that may be an interface's dynamic value
//! (the package's named types and the instantiations of its generic types, and pointers to
//! them) gets `impl Trait for T` when its method set has each of the trait's methods with the
//! same Rust signature. Instantiations of generic types get impls of the package's ordinary
//! traits the same way.

use crate::ctx::Ctx;
use crate::names;
use goxide_types::{ObjKind, Type, TypeId};
use std::collections::HashMap;
use syn::parse_quote;

/// An interface method as a trait method: Go name, parameter names, parameter types, result.
pub type TraitMethod = (String, Vec<syn::Ident>, Vec<syn::Type>, syn::ReturnType);

/// One instantiation of a generic interface type.
#[derive(Clone)]
pub struct IfaceInstance {
    /// The trait's name (`GetterI64`).
    pub name: syn::Ident,
    /// The trait's methods (`None` while they are being computed).
    pub methods: Option<Vec<TraitMethod>>,
    /// Go's name for it (`main.Getter[int]`).
    pub go_name: String,
    /// Declared already.
    pub done: bool,
}

/// A function finding an interface value's dynamic value among the types that may be one,
/// declared after every instantiation is known: `to_getter_i64(any)` (to a trait) or
/// `getter_i64_to_any(any)` (to `interface{}`).
#[derive(Clone)]
pub struct Converter {
    pub name: syn::Ident,
    /// The trait interface converted to, or (with `to_any`) from.
    pub iface: TypeId,
    pub subst: HashMap<TypeId, TypeId>,
    /// From an `interface{}`: named non-struct types are not tried (see `iface_to_iface`).
    pub from_empty: bool,
    pub to_any: bool,
}

/// A type that may be the dynamic value of an interface: the type, and for an instantiation
/// of a generic type the type-parameter substitution it was registered with.
type Candidate = (TypeId, Option<HashMap<TypeId, TypeId>>);

impl Ctx<'_> {
    /// Whether `t` is an instantiation of one of this package's generic interface types with
    /// methods only (translated as one trait per instantiation).
    pub fn is_generic_iface(&self, t: TypeId) -> bool {
        let t = self.resolve(t);
        let Type::Named(n) = self.prog.types.get(t) else {
            return false;
        };
        !n.type_args.is_empty()
            && self.obj(n.obj).pkg == Some(self.pkg)
            && matches!(self.prog.types.under(t), Type::Interface(i)
                if i.terms.is_none() && !i.comparable && !i.all_methods.is_empty()
                    && i.embeds.iter().all(|&e| matches!(self.prog.types.under(e), Type::Interface(_))))
    }

    /// The trait name of generic interface instantiation `t` (`GetterI64`), registering it;
    /// `None` when a type argument has no Rust form.
    pub fn generic_iface_ident(&mut self, t: TypeId) -> Option<syn::Ident> {
        let t = self.resolve(t);
        let Type::Named(n) = self.ty(t).clone() else {
            return None;
        };
        let mut name = self.type_name(n.obj).to_string();
        for &a in &n.type_args {
            let r = self.rust_type(a)?;
            name.push_str(&crate::generic_types::type_name_part(&r));
        }
        if let Some(i) = self.iface_instances.iter().find(|i| i.name == name) {
            return Some(i.name.clone());
        }
        let id = names::ident(&name);
        let go_name = self.go_type_string(t);
        self.iface_instances.push(IfaceInstance {
            name: id.clone(),
            methods: None,
            go_name,
            done: false,
        });
        let methods = self.trait_methods_of(t);
        if let Some(i) = self.iface_instances.iter_mut().find(|i| i.name == id) {
            i.methods = Some(methods);
        }
        Some(id)
    }

    /// The trait methods of a generic interface instantiation, as registered.
    pub fn generic_iface_methods(&mut self, t: TypeId) -> Vec<TraitMethod> {
        let Some(id) = self.generic_iface_ident(t) else {
            return vec![];
        };
        match self.iface_instances.iter().find(|i| i.name == id) {
            Some(IfaceInstance {
                methods: Some(m), ..
            }) => m.clone(),
            _ => self.trait_methods_of(t),
        }
    }

    /// Whether `c` (`*c` with `via_ptr`) has each of `methods` with the same Rust signature
    /// (under the substitution in force).
    pub fn satisfies(&mut self, c: TypeId, via_ptr: bool, methods: &[TraitMethod]) -> bool {
        if methods.is_empty() {
            return false;
        }
        methods.iter().all(|(name, _, tys, ret)| {
            let Some((m, path, indirect)) = self.prog.lookup_field_or_method(c, name) else {
                return false;
            };
            let ptr_recv = match &self.obj(m).kind {
                ObjKind::Func { recv: Some(r) } => matches!(self.ty(*r), Type::Pointer(_)),
                // A method of an embedded interface.
                ObjKind::Func { recv: None } => false,
                _ => return false,
            };
            if ptr_recv && !via_ptr && !indirect {
                return false;
            }
            let Some((ctys, cret)) = self.method_rust_sig(c, m, &path) else {
                return false;
            };
            let text = |t: &dyn quote::ToTokens| t.to_token_stream().to_string();
            ctys.len() == tys.len()
                && ctys.iter().zip(tys).all(|(a, b)| text(a) == text(b))
                && text(&cret) == text(ret)
        })
    }

    /// The Rust parameter and result types of method `m` of `c`, found through the embedded
    /// fields `path`; a method of a generic type has its receiver's type arguments.
    fn method_rust_sig(
        &mut self,
        c: TypeId,
        m: goxide_types::ObjId,
        path: &[usize],
    ) -> Option<(Vec<syn::Type>, syn::ReturnType)> {
        let mut holder = self.resolve(c);
        for &idx in path {
            let Type::Struct(fields) = self.under(holder) else {
                return None;
            };
            holder = self.resolve(fields.get(idx)?.ty);
            if let Type::Pointer(e) = self.under(holder) {
                holder = self.resolve(*e);
            }
        }
        let Type::Func(sig) = self.ty(self.obj(m).ty).clone() else {
            return None;
        };
        let saved = self.subst.clone();
        if let Type::Named(h) = self.ty(holder).clone() {
            if let Some(Type::Named(o)) = h.origin.map(|o| self.prog.types.get(o)) {
                for (&p, &a) in o.type_params.iter().zip(&h.type_args) {
                    self.subst.insert(p, a);
                }
            }
            if let ObjKind::Func { recv: Some(r) } = &self.obj(m).kind {
                let r = match self.prog.types.get(*r) {
                    Type::Pointer(e) => *e,
                    _ => *r,
                };
                if let Type::Named(rn) = self.prog.types.get(r) {
                    for (&p, &a) in rn.type_args.iter().zip(&h.type_args) {
                        if p != a {
                            self.subst.insert(p, a);
                        }
                    }
                }
            }
        }
        let mut tys = Vec::new();
        let mut ok = true;
        for &p in &sig.params {
            match self.rust_type(p) {
                Some(t) => tys.push(t),
                None => ok = false,
            }
        }
        let ret = self.results_type(&sig.results, 0);
        self.subst = saved;
        if !ok || sig.variadic {
            return None;
        }
        Some((tys, ret?))
    }

    /// The types that may be the dynamic value of a trait interface: the package's named types
    /// and the instantiations of its generic types registered so far.
    fn impl_candidates(&self) -> Vec<Candidate> {
        let mut out: Vec<Candidate> = self
            .concrete_types
            .iter()
            .filter(|c| !self.stub_types.contains(c))
            .map(|&c| (c, None))
            .collect();
        for i in &self.type_instances {
            out.push((i.t, Some(i.subst.clone())));
        }
        out
    }

    /// Whether `c` (`*c` with `via_ptr`) implements trait interface `iface`, with the
    /// substitution in force.
    pub fn implements_trait(&mut self, c: TypeId, via_ptr: bool, iface: TypeId) -> bool {
        let c = self.resolve(c);
        if !self.is_generic_iface(iface) && !self.is_generic_instance(c) {
            let src = if via_ptr {
                match self.prog.types.intern_lookup_pointer(c) {
                    Some(p) => p,
                    None => return false,
                }
            } else {
                c
            };
            return self.prog.implements(src, self.resolve(iface));
        }
        let methods = self.trait_methods(iface);
        self.satisfies(c, via_ptr, &methods)
    }

    /// The types whose values may be the dynamic value of trait interface `iface` (under the
    /// substitution in force): (type, through a pointer, Rust type of the value, each
    /// instantiation's substitution to translate it with).
    pub fn dynamic_types(
        &mut self,
        iface: TypeId,
    ) -> Vec<(TypeId, bool, syn::Type, HashMap<TypeId, TypeId>)> {
        let generic = self.is_generic_iface(iface);
        let iface = self.resolve(iface);
        let methods = self.trait_methods(iface);
        let mut out = Vec::new();
        for (c, subst) in self.impl_candidates() {
            let saved = match &subst {
                Some(s) => std::mem::replace(&mut self.subst, s.clone()),
                None => self.subst.clone(),
            };
            for via_ptr in [false, true] {
                let ok = if generic || subst.is_some() {
                    self.satisfies(c, via_ptr, &methods)
                } else {
                    let src = if via_ptr {
                        self.prog.types.intern_lookup_pointer(c)
                    } else {
                        Some(c)
                    };
                    src.is_some_and(|s| self.prog.implements(s, iface))
                };
                if !ok {
                    continue;
                }
                if via_ptr && (self.never_in_iface(c) || self.wrapped_types.contains(&c)) {
                    continue;
                }
                let Some(rt) = self.dyn_type(c) else {
                    continue;
                };
                let rt = if via_ptr { self.ptr_repr(c, rt) } else { rt };
                out.push((c, via_ptr, rt, self.subst.clone()));
            }
            self.subst = saved;
        }
        out
    }

    /// The declarations of the generic interface instantiations registered and not declared
    /// yet, and the impls of every trait (generic instantiations and the package's traits) for
    /// every type that satisfies it and has none yet.
    pub fn emit_iface_instances(&mut self, vis: syn::Visibility) -> Vec<syn::Item> {
        let mut items = Vec::new();
        while let Some(i) = self.iface_instances.iter().position(|i| !i.done) {
            self.iface_instances[i].done = true;
            let inst = self.iface_instances[i].clone();
            let methods = inst.methods.clone().unwrap_or_default();
            let text = format!(" Go's `{}`.", inst.go_name);
            items.push(trait_item(
                &inst.name,
                &methods,
                vec![parse_quote!(#[doc = #text])],
                vis.clone(),
                quote::quote!(),
            ));
        }
        // Impls: generic traits for every candidate; the package's traits for instantiations
        // of generic types (named types get theirs with their declarations).
        let mut traits: Vec<(syn::Ident, Vec<TraitMethod>, bool)> = self
            .iface_instances
            .iter()
            .map(|i| (i.name.clone(), i.methods.clone().unwrap_or_default(), true))
            .collect();
        let mut plain: Vec<TypeId> = self.ifaces.iter().copied().collect();
        plain.sort();
        // (Interfaces written in place, met so far.)
        plain.extend(self.anon_ifaces.iter().map(|(t, _)| *t));
        for t in plain {
            if self.stub_types.contains(&t) {
                continue;
            }
            if let Some(id) = self.trait_ident(t) {
                let methods = self.trait_methods(t);
                traits.push((id, methods, false));
            }
        }
        for (c, subst) in self.impl_candidates() {
            let saved = match &subst {
                Some(s) => std::mem::replace(&mut self.subst, s.clone()),
                None => self.subst.clone(),
            };
            for (tr, methods, generic) in &traits {
                if !generic && subst.is_none() {
                    continue;
                }
                let wrapped = self.wrapped_types.contains(&c);
                for via_ptr in [false, true] {
                    if via_ptr && wrapped || !self.satisfies(c, via_ptr, methods) {
                        continue;
                    }
                    let Some(rt) = self.dyn_type(c) else {
                        continue;
                    };
                    let target = if via_ptr { self.ptr_repr(c, rt) } else { rt };
                    let key = (
                        tr.to_string(),
                        quote::ToTokens::to_token_stream(&target).to_string(),
                    );
                    if !self.impls_done.insert(key) {
                        continue;
                    }
                    items.extend(self.wrapper_decl(c));
                    items.push(self.trait_impl_item(c, via_ptr, tr, methods, target));
                }
            }
            self.subst = saved;
        }
        items
    }
}

impl Ctx<'_> {
    /// Whether the dynamic values of trait interface `t` are found by a converter declared
    /// after the package's instantiations ([`Converter`]): for an instantiation of a generic
    /// interface, and in a package with generic struct types.
    pub fn deferred_dynamic(&self, t: TypeId) -> bool {
        self.is_trait_iface(t) && (self.is_generic_iface(t) || self.has_generic_structs)
    }

    /// The name of the converter to (or with `to_any`, from) trait interface `t`, registering
    /// it; `None` when a named non-struct type of the package implements `t` and the value
    /// comes from (or goes to) an `interface{}`, where its value looks like its underlying
    /// type's.
    pub fn deferred_converter(
        &mut self,
        t: TypeId,
        from_empty: bool,
        to_any: bool,
    ) -> Option<syn::Ident> {
        let tr = self.trait_ident(t)?;
        for c in self.concrete_types.clone() {
            if self.stub_types.contains(&c) || matches!(self.under(c), Type::Struct(_)) {
                continue;
            }
            if (from_empty || to_any)
                && (self.implements_trait(c, false, t) || self.implements_trait(c, true, t))
            {
                return None;
            }
        }
        let snake = names::snake(&tr.to_string());
        let name = match (to_any, from_empty) {
            (true, _) => format!("{snake}_to_any"),
            (false, true) => format!("any_to_{snake}"),
            (false, false) => format!("to_{snake}"),
        };
        let id = names::ident(&name);
        if !self.converters.iter().any(|c| c.name == id) {
            self.converters.push(Converter {
                name: id.clone(),
                iface: t,
                subst: self.subst.clone(),
                from_empty,
                to_any,
            });
        }
        Some(id)
    }

    /// The registered converters (call after every instantiation is emitted).
    pub fn emit_converters(&mut self) -> Vec<syn::Item> {
        let mut items = Vec::new();
        for conv in std::mem::take(&mut self.converters) {
            if !self.converters_done.insert(conv.name.to_string()) {
                continue;
            }
            let saved = std::mem::replace(&mut self.subst, conv.subst.clone());
            let Some(tr) = self.trait_ident(conv.iface) else {
                self.subst = saved;
                continue;
            };
            let rc = self.trait_rc(conv.iface);
            let mut arms: Vec<syn::Expr> = Vec::new();
            for (c, via_ptr, rt, subst) in self.dynamic_types(conv.iface) {
                let inner = std::mem::replace(&mut self.subst, subst);
                let keep = if conv.to_any {
                    let src = if via_ptr {
                        self.prog.types.intern_lookup_pointer(c)
                    } else {
                        Some(c)
                    };
                    src.is_some_and(|s| self.is_formattable(s))
                } else {
                    !conv.from_empty || matches!(self.under(c), Type::Struct(_))
                };
                self.subst = inner;
                if !keep {
                    continue;
                }
                arms.push(if conv.to_any {
                    let held = self.dyn_inner(parse_quote!(c), c);
                    let boxed = match via_ptr {
                        false => self.boxed_named(parse_quote!(#held.clone()), c),
                        true => None,
                    }
                    .unwrap_or_else(|| parse_quote!(crate::support::iface::new(#held.clone())));
                    parse_quote!(any.and_then(|a| a.downcast_ref::<#rt>()).map(|c| #boxed))
                } else {
                    parse_quote!(any.and_then(|a| a.downcast_ref::<#rt>()).map(|c| #rc::new(c.clone()) as #rc<dyn #tr>))
                });
            }
            self.subst = saved;
            let mut chain: syn::Expr = parse_quote!(None);
            for a in arms.into_iter().rev() {
                chain = parse_quote!(#a.or_else(|| #chain));
            }
            let name = &conv.name;
            let vis: syn::Visibility = if self.multi_file {
                parse_quote!(pub(crate))
            } else {
                syn::Visibility::Inherited
            };
            items.push(if conv.to_any {
                parse_quote!(
                    /// The `interface{}` holding the same dynamic value.
                    #vis fn #name(any: Option<&dyn std::any::Any>) -> crate::support::iface::Iface {
                        #chain.unwrap_or(None)
                    }
                )
            } else {
                parse_quote!(
                    /// The dynamic value as a trait object, when its type implements the trait.
                    #vis fn #name(any: Option<&dyn std::any::Any>) -> Option<#rc<dyn #tr>> {
                        #chain
                    }
                )
            });
        }
        items
    }
}

/// `trait Name { fn m(&self, …) -> …; fn as_any(&self) -> &dyn Any; }` (`supertraits`: empty,
/// or `: Send + Sync`).
pub fn trait_item(
    id: &syn::Ident,
    methods: &[TraitMethod],
    attrs: Vec<syn::Attribute>,
    vis: syn::Visibility,
    supertraits: proc_macro2::TokenStream,
) -> syn::Item {
    let sigs: Vec<proc_macro2::TokenStream> = methods
        .iter()
        .map(|(name, ps, tys, ret)| {
            let m = names::value_ident(name);
            quote::quote!(fn #m(&self, #(#ps: #tys),*) #ret;)
        })
        .collect();
    parse_quote!(
        #(#attrs)*
        #vis trait #id #supertraits {
            #(#sigs)*
            /// The dynamic value, for type assertions.
            fn as_any(&self) -> &dyn std::any::Any;
        }
    )
}
