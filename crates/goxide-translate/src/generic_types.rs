//! Generic struct types, one Rust struct per instantiation (as generic functions are):
//! `type Box[T any] struct{ v T }` used as `Box[int]` and `Box[string]` becomes
//! `struct BoxI64 { v: i64 }` and `struct BoxString { v: String }`, each with the generic
//! type's methods translated for its type arguments.
//!
//! An instantiation is registered the first time its Rust type is asked for (with the type
//! arguments of the generic code being translated then, so `Box[T]` inside `f[int]` is
//! `BoxI64`); the package emits the registered instantiations, and the ones they register in
//! turn, after its declarations.

use crate::names;
use goxide_ast::ast::*;
use goxide_types::{ObjId, Type, TypeId};
use std::collections::HashMap;
use syn::parse_quote;

/// One instantiation of a generic struct type.
#[derive(Clone)]
pub struct TypeInstance {
    /// The instantiated type (a `Type::Named` with type arguments).
    pub t: TypeId,
    /// Its Rust name (`BoxI64`).
    pub name: syn::Ident,
    /// The type-parameter substitution in force where it was met.
    pub subst: HashMap<TypeId, TypeId>,
    /// Emitted already.
    pub done: bool,
}

/// Methods of the package's generic types, by the type's object.
pub type GenericMethods<'f> = HashMap<ObjId, Vec<(&'f Decl, &'f FuncDecl)>>;

/// The methods declared on each generic type of `files`.
pub fn generic_methods<'f>(
    prog: &goxide_types::Program,
    info: &goxide_types::Info,
    files: &[&'f File],
) -> GenericMethods<'f> {
    let mut out: GenericMethods<'f> = HashMap::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(r) = &fd.recv else { continue };
            let Some(rt) = info.type_of(r.ty.id) else {
                continue;
            };
            let base = match prog.types.get(rt) {
                Type::Pointer(b) => *b,
                _ => rt,
            };
            if let Type::Named(n) = prog.types.get(base) {
                if !n.type_args.is_empty() || !n.type_params.is_empty() {
                    out.entry(n.obj).or_default().push((d, fd));
                }
            }
        }
    }
    out
}

impl crate::ctx::Ctx<'_> {
    /// Whether `t` is an instantiation of one of this package's generic types other than
    /// interfaces: a struct (one Rust struct per instantiation) or another type (one alias per
    /// instantiation: `type List[T any] []T` used as `List[int]` is `type ListI64 = Vec<i64>;`).
    pub fn is_generic_instance(&self, t: TypeId) -> bool {
        match self.ty(t) {
            Type::Named(n) => {
                !n.type_args.is_empty()
                    && self.obj(n.obj).pkg == Some(self.pkg)
                    && !matches!(self.under(t), Type::Interface(_))
            }
            _ => false,
        }
    }

    /// The Rust name of instantiation `t` (`BoxI64`), registering it; `None` when a type
    /// argument has no Rust form.
    pub fn generic_instance_ident(&mut self, t: TypeId) -> Option<syn::Ident> {
        let Type::Named(n) = self.ty(t).clone() else {
            return None;
        };
        if !matches!(self.under(t), Type::Struct(_)) {
            // A Rust alias cannot refer to itself (`type Src[T any] func() Src[T]`), and its
            // target must have a Rust form.
            let u = self.prog.types.underlying(self.resolve(t));
            if crate::decl::mentions_named(self.prog, u, n.obj, 0) || self.rust_type(u).is_none() {
                return None;
            }
        }
        let mut name = self.type_name(n.obj).to_string();
        for &a in &n.type_args {
            let r = self.rust_type(a)?;
            name.push_str(&type_name_part(&r));
        }
        if let Some(i) = self.type_instances.iter().find(|i| i.name == name) {
            return Some(i.name.clone());
        }
        let id = names::ident(&name);
        self.type_instances.push(TypeInstance {
            t,
            name: id.clone(),
            subst: self.subst.clone(),
            done: false,
        });
        // A struct whose fields have no Rust form has none either (registered first, so that a
        // field referring back to the struct finds it).
        if let Type::Struct(fields) = self.under(t).clone() {
            if !fields.iter().all(|f| self.rust_type(f.ty).is_some()) {
                self.type_instances.retain(|i| i.name != id);
                return None;
            }
        }
        Some(id)
    }

    /// The struct, `Format` impl and methods of every registered instantiation not emitted yet.
    pub fn emit_type_instances(
        &mut self,
        methods: &GenericMethods<'_>,
        multi: bool,
        fmt_used: bool,
    ) -> Vec<syn::Item> {
        let mut items = Vec::new();
        while let Some(i) = self.type_instances.iter().position(|i| !i.done) {
            self.type_instances[i].done = true;
            let inst = self.type_instances[i].clone();
            let saved = std::mem::replace(&mut self.subst, inst.subst.clone());
            items.extend(self.emit_type_instance(&inst, methods, multi, fmt_used));
            self.subst = saved;
        }
        items
    }

    fn emit_type_instance(
        &mut self,
        inst: &TypeInstance,
        methods: &GenericMethods<'_>,
        multi: bool,
        fmt_used: bool,
    ) -> Vec<syn::Item> {
        let Type::Named(n) = self.ty(inst.t).clone() else {
            return vec![];
        };
        let doc: syn::Attribute = {
            let text = format!(" Go's `{}`.", self.go_type_string(inst.t));
            parse_quote!(#[doc = #text])
        };
        let vis: syn::Visibility = if multi {
            parse_quote!(pub(crate))
        } else {
            syn::Visibility::Inherited
        };
        let Type::Struct(fields) = self.under(inst.t).clone() else {
            // Another type: an alias of its Rust form, with its methods in an extension trait
            // (as for a named non-struct type).
            let u = self.prog.types.underlying(inst.t);
            let Some(target) = self.rust_type(u) else {
                return vec![];
            };
            let name = &inst.name;
            let mut items: Vec<syn::Item> = vec![parse_quote!(#doc #vis type #name = #target;)];
            items.extend(self.instance_methods(inst, &n, methods));
            return items;
        };
        let mut items = match self.struct_items(&inst.name, inst.t, &fields, None, vec![doc], vis) {
            Some(s) => s,
            None => {
                return vec![crate::decl::comment_item(&format!(
                    "{} unsupported: struct field type in `{}`",
                    crate::MARKER,
                    self.prog.type_string(inst.t)
                ))]
            }
        };
        if fmt_used {
            self.use_support("fmt");
            if let Some(imp) = self.format_impl_for(&inst.name, inst.t) {
                items.push(imp);
            }
        }
        items.extend(self.instance_methods(inst, &n, methods));
        items
    }

    /// The methods of instantiation `inst`, with the receiver's type parameters bound to its
    /// type arguments.
    fn instance_methods(
        &mut self,
        inst: &TypeInstance,
        n: &goxide_types::types::Named,
        methods: &GenericMethods<'_>,
    ) -> Vec<syn::Item> {
        let _ = inst;
        let mut items = Vec::new();
        for &(d, fd) in methods.get(&n.obj).into_iter().flatten() {
            let Some(recv) = &fd.recv else { continue };
            let Some(rt) = self.info.type_of(recv.ty.id) else {
                continue;
            };
            let base = match self.prog.types.get(rt) {
                Type::Pointer(b) => *b,
                _ => rt,
            };
            let Type::Named(rn) = self.prog.types.get(base) else {
                continue;
            };
            let saved = self.subst.clone();
            for (&p, &a) in rn.type_args.iter().zip(&n.type_args) {
                if p != a {
                    self.subst.insert(p, a);
                }
            }
            self.in_type_instance = true;
            items.extend(self.method_for_instance(d, fd));
            self.in_type_instance = false;
            self.subst = saved;
        }
        items
    }

    /// Go's name for type `t` (`main.Pair[string,int]`), with the type arguments of the
    /// generic code being translated.
    pub fn go_type_string(&self, t: TypeId) -> String {
        let t = self.resolve(t);
        match self.ty(t) {
            Type::Named(n) if !n.type_args.is_empty() => {
                let args: Vec<String> = n
                    .type_args
                    .iter()
                    .map(|&a| self.go_type_string(a))
                    .collect();
                let base = self.prog.type_string(t);
                let base = base.split('[').next().unwrap_or(&base).to_string();
                format!("{base}[{}]", args.join(","))
            }
            // Inside an instantiation, the type parameters in composite types are its type
            // arguments (`func(func(int) bool)`, not `func(func(R) bool)`).
            _ if !self.subst.is_empty() => self.composite_type_string(t),
            _ => self.prog.type_string(t),
        }
    }

    /// Go's spelling of a composite type, with `go_type_string` for its parts.
    fn composite_type_string(&self, t: TypeId) -> String {
        match self.ty(t).clone() {
            Type::Pointer(e) => format!("*{}", self.go_type_string(e)),
            Type::Slice(e) => format!("[]{}", self.go_type_string(e)),
            Type::Array(n, e) => format!("[{n}]{}", self.go_type_string(e)),
            Type::Map(k, v) => format!("map[{}]{}", self.go_type_string(k), self.go_type_string(v)),
            Type::Chan(d, e) => {
                let dir = match d {
                    goxide_ast::ast::ChanDir::Both => "chan ",
                    goxide_ast::ast::ChanDir::Send => "chan<- ",
                    goxide_ast::ast::ChanDir::Recv => "<-chan ",
                };
                format!("{dir}{}", self.go_type_string(e))
            }
            Type::Func(sig) => {
                let n = sig.params.len();
                let params: Vec<String> = sig
                    .params
                    .iter()
                    .enumerate()
                    .map(|(i, &p)| match self.ty(p) {
                        Type::Slice(e) if sig.variadic && i + 1 == n => {
                            format!("...{}", self.go_type_string(*e))
                        }
                        _ => self.go_type_string(p),
                    })
                    .collect();
                let results: Vec<String> = sig
                    .results
                    .iter()
                    .map(|&r| self.go_type_string(r))
                    .collect();
                let res = match results.len() {
                    0 => String::new(),
                    1 => format!(" {}", results[0]),
                    _ => format!(" ({})", results.join(", ")),
                };
                format!("func({}){res}", params.join(", "))
            }
            _ => self.prog.type_string(t),
        }
    }

    /// The extension trait holding the methods of a named non-struct type (`CelsiusMethods`,
    /// `ListI64Methods` for an instantiation).
    pub fn ext_trait_ident(&mut self, t: TypeId) -> Option<syn::Ident> {
        if self.stub_types.contains(&t) {
            // A stand-in type has no methods.
            return None;
        }
        let name = self.named_type_ident(t)?;
        Some(quote::format_ident!("{name}Methods"))
    }

    /// The Rust type name of a named type: its own name, or its instantiation's.
    pub fn named_type_ident(&mut self, t: TypeId) -> Option<syn::Ident> {
        let Type::Named(n) = self.ty(t).clone() else {
            return None;
        };
        if !n.type_args.is_empty() {
            return self.generic_instance_ident(t);
        }
        Some(self.type_name(n.obj))
    }
}

/// `i64` → `I64`, `Vec<String>` → `VecString`, `Option<Rc<RefCell<Node>>>` → `PtrNode`.
pub(crate) fn type_name_part(t: &syn::Type) -> String {
    let text = quote::ToTokens::to_token_stream(t).to_string();
    let text = text
        .replace(
            "Option < std :: rc :: Rc < std :: cell :: RefCell <",
            "Ptr <",
        )
        .replace("crate :: support ::", "");
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() || matches!(word, "std" | "rc" | "cell" | "collections" | "crate") {
            continue;
        }
        let mut cs = word.chars();
        if let Some(c) = cs.next() {
            out.push(c.to_ascii_uppercase());
            out.extend(cs);
        }
    }
    out
}
