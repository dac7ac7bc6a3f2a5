//! Go types → Rust types, zero values, and the properties translation needs (`Copy`,
//! comparability).
//!
//! | Go | Rust |
//! |----|------|
//! | `int`, `int64`, … `uint8` | `i64`, `i64`, … `u8` |
//! | `float64`, `string`, `bool` | `f64`, `String`, `bool` |
//! | `[]T`, `[N]T`, `map[K]V` | `Vec<T>`, `[T; N]`, `HashMap<K, V>` |
//! | `*T` | `Option<Rc<RefCell<T>>>` (shared; ownership TODO) |
//! | `func(A) R` | `Rc<dyn Fn(A) -> R>` (`Arc<dyn Fn(A) -> R + Send + Sync>` with goroutines) |
//! | `chan T` (any direction) | `support::chan::Chan<T>` |
//! | `sync.WaitGroup`, `Mutex`, `RWMutex`, `Once` | `support::sync::…` |
//! | named type `T` | `T` |

use crate::ctx::Ctx;
use goxide_types::{BasicKind, Type, TypeId};
use syn::parse_quote;

pub fn basic_type(k: BasicKind) -> Option<syn::Type> {
    use BasicKind::*;
    Some(match k {
        Bool | UntypedBool => parse_quote!(bool),
        Int | Int64 | UntypedInt => parse_quote!(i64),
        Int8 => parse_quote!(i8),
        Int16 => parse_quote!(i16),
        Int32 | UntypedRune => parse_quote!(i32),
        Uint | Uint64 => parse_quote!(u64),
        Uint8 => parse_quote!(u8),
        Uint16 => parse_quote!(u16),
        Uint32 => parse_quote!(u32),
        Uintptr | UnsafePointer => parse_quote!(usize),
        Float32 => parse_quote!(f32),
        Float64 | UntypedFloat => parse_quote!(f64),
        String | UntypedString => parse_quote!(String),
        Complex64 | Complex128 | UntypedComplex | Invalid | UntypedNil => return None,
    })
}

impl Ctx<'_> {
    /// What a slice with element type `et` holds: the pointee `T` for a `*T` whose slices
    /// hold the values (see `owned_elems`), else `et` itself.
    pub fn slot(&self, et: TypeId) -> TypeId {
        match self.ty(et) {
            Type::Pointer(p) if self.analysis.owned_elems.types.contains(p) => *p,
            _ => et,
        }
    }

    /// What a map with value type `vt` holds: the pointee `T` for a `*T` whose maps hold the
    /// values (see `owned_elems`, which keys them by the pointer type), else `vt` itself.
    pub fn map_slot(&self, vt: TypeId) -> TypeId {
        match self.ty(vt) {
            Type::Pointer(p) if self.analysis.owned_elems.types.contains(&vt) => *p,
            _ => vt,
        }
    }

    /// The Rust type for a Go type; `None` when goxide cannot express it yet.
    pub fn rust_type(&mut self, t: TypeId) -> Option<syn::Type> {
        self.rust_type_depth(t, 0)
    }

    fn rust_type_depth(&mut self, t: TypeId, depth: u32) -> Option<syn::Type> {
        if depth > 20 {
            return None;
        }
        let t = self.resolve(t);
        let d = depth + 1;
        Some(match self.ty(t) {
            Type::Basic(k) if k.is_complex() => {
                self.use_support("complex");
                parse_quote!(crate::support::complex::Complex128)
            }
            Type::Basic(k) => basic_type(*k)?,
            Type::Named(n) => {
                let obj = self.obj(n.obj);
                if obj.pkg.is_none() {
                    // Predeclared named types: `error` (and `comparable`).
                    if obj.name == "error" {
                        self.use_support("errors");
                        return Some(parse_quote!(crate::support::errors::Error));
                    }
                    return None;
                }
                if !n.type_params.is_empty() && n.type_args.is_empty() {
                    // A generic type itself (not instantiated): generic types have no Rust
                    // form yet.
                    return None;
                }
                if obj.pkg == Some(self.pkg) && !n.type_args.is_empty() && self.is_interface(t) {
                    // An instantiation of a generic interface: `interface{}` or a trait.
                    if self.is_empty_interface(t) {
                        self.use_support("iface");
                        self.use_support("fmt");
                        return Some(parse_quote!(crate::support::iface::Iface));
                    }
                    if self.is_generic_iface(t) {
                        return self.iface_rust_type(t);
                    }
                    return None;
                }
                if obj.pkg == Some(self.pkg) && self.is_generic_instance(t) {
                    let id = self.generic_instance_ident(t)?;
                    return Some(parse_quote!(#id));
                }
                if obj.pkg != Some(self.pkg) || !n.type_args.is_empty() {
                    let pkg = obj.pkg.map(|p| self.prog.pkg(p).path.as_str());
                    return match (pkg, obj.name.as_str()) {
                        (Some("strings"), "Builder") => Some(parse_quote!(String)),
                        (Some("fmt"), "Stringer") => {
                            self.use_support("iface");
                            self.use_support("fmt");
                            Some(parse_quote!(crate::support::iface::Iface))
                        }
                        (Some("bytes"), "Buffer") => Some(parse_quote!(Vec<u8>)),
                        (Some("net/url"), "Values") => {
                            Some(parse_quote!(std::collections::HashMap<String, Vec<String>>))
                        }
                        (Some("runtime"), "MemStats") => {
                            self.use_support("runtime");
                            Some(parse_quote!(crate::support::runtime::MemStats))
                        }
                        (Some("time"), name) => self.time_type(name),
                        (Some("reflect"), name) => self.reflect_rust_type(name),
                        (Some("context"), _) => self.context_type(t),
                        (Some("sync"), _) => {
                            let id = self.sync_type(t)?;
                            self.use_support("sync");
                            Some(parse_quote!(crate::support::sync::#id))
                        }
                        _ => None,
                    };
                }
                if self.is_trait_iface(t) {
                    return self.iface_rust_type(t);
                }
                // A defined non-struct type is a Rust alias of its underlying type's Rust form;
                // without one, it has no Rust item either.
                let u = self.prog.types.underlying(t);
                let alias_like = matches!(
                    self.ty(u),
                    Type::Basic(_)
                        | Type::Slice(_)
                        | Type::Map(..)
                        | Type::Array(..)
                        | Type::Func(_)
                        | Type::Pointer(_)
                        | Type::Chan(..)
                );
                if alias_like
                    && !self.stub_types.contains(&t)
                    && !self.named_in_progress.contains(&t)
                {
                    self.named_in_progress.push(t);
                    let target = self.rust_type_depth(u, d);
                    self.named_in_progress.pop();
                    target?;
                }
                let id = self.type_name(n.obj);
                parse_quote!(#id)
            }
            Type::Pointer(_) if crate::stdlib::std_handle(self.prog, t).is_some() => {
                let (pkg, name) = crate::stdlib::std_handle(self.prog, t)?;
                let (module, ty) = crate::stdlib::std_handle_type(pkg, name);
                self.use_support(module);
                let (module, ty) = (crate::stdlib::ident(module), crate::stdlib::ident(ty));
                return Some(parse_quote!(crate::support::#module::#ty));
            }
            Type::Pointer(e) if self.sync_type(*e).is_some() => {
                // A pointer to a `sync` value is the same shared handle.
                return self.rust_type_depth(*e, d);
            }
            Type::Pointer(e) if self.is_link(*e) => {
                // A pointer of a linked type: an owning box (see `links`).
                let e = self.rust_type_depth(*e, d)?;
                parse_quote!(Option<Box<#e>>)
            }
            Type::Pointer(e) if self.is_frozen(*e) => {
                // A pointer to a value nothing changes: the value itself (see `frozen`).
                let e = self.rust_type_depth(*e, d)?;
                parse_quote!(Option<#e>)
            }
            Type::Pointer(e) => {
                let place = self.is_place_ptr(*e);
                let e = self.rust_type_depth(*e, d)?;
                if place {
                    return Some(self.place_ptr_type(e));
                }
                self.ptr_type(e)
            }
            Type::Slice(e) => {
                // (A slice holding its pointers' values: `Vec<T>`, see `owned_elems`.)
                let e = self.rust_type_depth(self.slot(*e), d)?;
                parse_quote!(Vec<#e>)
            }
            Type::Array(n, e) => {
                let e = self.rust_type_depth(*e, d)?;
                let n = proc_macro2::Literal::usize_unsuffixed(*n as usize);
                parse_quote!([#e; #n])
            }
            Type::Map(k, v) => {
                // Keys must hash and compare by value in Rust as in Go: floats, pointers,
                // interfaces and functions do not (yet).
                if self.rust_params.contains_key(k) {
                    self.need_bound(*k, "Eq");
                    self.need_bound(*k, "Hash");
                } else if !self.is_hashable(*k) && !self.is_identity_key(*k) {
                    return None;
                }
                let map = self.map_path(*k);
                let k = self.rust_type_depth(*k, d)?;
                // (A map holding its pointers' values: `HashMap<K, T>`, see `owned_elems`.)
                let v = self.rust_type_depth(self.map_slot(*v), d)?;
                parse_quote!(#map<#k, #v>)
            }
            Type::Func(sig) => {
                if sig.variadic {
                    return None;
                }
                let sig = sig.clone();
                let mut ps = Vec::new();
                for p in &sig.params {
                    ps.push(self.rust_type_depth(*p, d)?);
                }
                let r = self.results_type(&sig.results, d)?;
                if self.threaded {
                    parse_quote!(std::sync::Arc<dyn Fn(#(#ps),*) #r + Send + Sync>)
                } else {
                    parse_quote!(std::rc::Rc<dyn Fn(#(#ps),*) #r>)
                }
            }
            Type::Tuple(ts) => {
                let ts = ts.clone();
                let mut out = Vec::new();
                for t in ts {
                    out.push(self.rust_type_depth(t, d)?);
                }
                parse_quote!((#(#out),*))
            }
            Type::Struct(fields) => {
                // An anonymous struct type: a named Rust struct declared once per package
                // (not inside generic code, where its field types vary by instantiation).
                if crate::decl::mentions_type_param(self.prog, t, 0)
                    || crate::decl::mentions_local_type(self.prog, t, 0)
                {
                    return None;
                }
                let fields = fields.clone();
                for f in &fields {
                    self.rust_type_depth(f.ty, d)?;
                }
                let id = self.anon_struct_name(t);
                parse_quote!(#id)
            }
            Type::Interface(_) if self.is_empty_interface(t) => {
                self.use_support("iface");
                self.use_support("fmt");
                parse_quote!(crate::support::iface::Iface)
            }
            Type::Interface(_) if self.is_anon_iface(t) => {
                // An interface with methods written in place: a trait declared once per package.
                return self.iface_rust_type(t);
            }
            Type::TypeParam { .. } if self.subst.contains_key(&t) => {
                return self.rust_type_depth(self.resolve(t), d);
            }
            Type::TypeParam { .. } if self.rust_params.contains_key(&t) => {
                let id = &self.rust_params[&t];
                parse_quote!(#id)
            }
            Type::Chan(_, e) => {
                let e = self.rust_type_depth(*e, d)?;
                self.use_support("chan");
                // (`support::sync` holds the channel's `Format`, for printing it.)
                self.use_support("sync");
                parse_quote!(crate::support::chan::Chan<#e>)
            }
            Type::Interface(_) | Type::TypeParam { .. } => return None,
        })
    }

    /// The Rust name of an anonymous struct type (`AnonStruct1`, …), registering it.
    pub fn anon_struct_name(&mut self, t: TypeId) -> syn::Ident {
        let n = match self.anon_structs.iter().position(|(u, _)| *u == t) {
            Some(i) => i + 1,
            None => {
                self.anon_structs.push((t, false));
                self.anon_structs.len()
            }
        };
        syn::Ident::new(&format!("AnonStruct{n}"), proc_macro2::Span::call_site())
    }

    /// `-> R` for a result list (empty for none, a tuple for several).
    pub fn results_type(&mut self, results: &[TypeId], depth: u32) -> Option<syn::ReturnType> {
        match results {
            [] => Some(syn::ReturnType::Default),
            [t] => {
                let t = self.rust_type_depth(*t, depth)?;
                Some(parse_quote!(-> #t))
            }
            ts => {
                let mut out = Vec::new();
                for t in ts {
                    out.push(self.rust_type_depth(*t, depth)?);
                }
                Some(parse_quote!(-> (#(#out),*)))
            }
        }
    }

    /// `strings.Builder`, which is a `String` here.
    pub fn is_strings_builder(&self, t: TypeId) -> bool {
        match self.ty(t) {
            Type::Named(n) => {
                let o = self.obj(n.obj);
                o.name == "Builder" && o.pkg.is_some_and(|p| self.prog.pkg(p).path == "strings")
            }
            _ => false,
        }
    }

    /// `bytes.Buffer`, which is a `Vec<u8>` here.
    pub fn is_bytes_buffer(&self, t: TypeId) -> bool {
        match self.ty(t) {
            Type::Named(n) => {
                let o = self.obj(n.obj);
                o.name == "Buffer" && o.pkg.is_some_and(|p| self.prog.pkg(p).path == "bytes")
            }
            _ => false,
        }
    }

    /// `interface{}` / `any` (no methods, no type set).
    pub fn is_empty_interface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(i) if i.all_methods.is_empty() && i.methods.is_empty() && i.embeds.is_empty() && i.terms.is_none())
    }

    pub fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Interface(_))
    }

    /// Go's predeclared `error`.
    pub fn is_error(&self, t: TypeId) -> bool {
        match self.ty(t) {
            Type::Named(n) => {
                let o = self.obj(n.obj);
                o.pkg.is_none() && o.name == "error"
            }
            _ => false,
        }
    }

    pub fn basic(&self, t: TypeId) -> Option<BasicKind> {
        match self.under(t) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }

    pub fn is_string(&self, t: TypeId) -> bool {
        self.basic(t).is_some_and(|k| k.is_string())
    }

    /// Whether the Rust type implements `Default` (long arrays and closures do not).
    pub fn has_default(&self, t: TypeId) -> bool {
        self.has_default_depth(t, 0)
    }

    fn has_default_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 20 {
            return false;
        }
        match self.under(t) {
            Type::Array(n, e) => *n <= 32 && self.has_default_depth(*e, depth + 1),
            Type::Func(_) => false,
            _ => true,
        }
    }

    /// Whether values of this type are `Copy` in Rust (no `.clone()` needed).
    pub fn is_copy(&self, t: TypeId) -> bool {
        self.is_copy_depth(t, 0)
    }

    fn is_copy_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 20 || self.sync_type(t).is_some() {
            return false;
        }
        match self.under(t) {
            Type::Basic(k) => !k.is_string(),
            Type::Array(_, e) => self.is_copy_depth(*e, depth + 1),
            Type::Struct(fields) => fields.iter().all(|f| self.is_copy_depth(f.ty, depth + 1)),
            _ => false,
        }
    }

    /// Whether the Rust type can derive `Debug` (no closures or trait objects inside).
    pub fn is_debuggable(&self, t: TypeId) -> bool {
        self.is_debuggable_depth(t, 0)
    }

    fn is_debuggable_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 20 {
            return false;
        }
        let d = depth + 1;
        match self.under(t) {
            Type::Func(_) => false,
            Type::Interface(_) => self.is_error(t),
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) => {
                self.is_debuggable_depth(*e, d)
            }
            Type::Map(k, v) => self.is_debuggable_depth(*k, d) && self.is_debuggable_depth(*v, d),
            Type::Struct(fields) => fields.iter().all(|f| self.is_debuggable_depth(f.ty, d)),
            _ => true,
        }
    }

    /// Whether values of the type implement `support::fmt::Format` (and so can be stored in an
    /// `interface{}`): no closures or trait objects inside.
    pub fn is_formattable(&self, t: TypeId) -> bool {
        self.is_formattable_in(t, &mut Vec::new())
    }

    /// (`named` holds the named types being looked at: a type that refers to itself through a
    /// pointer, a slice or a map is formattable when the rest of it is.)
    fn is_formattable_in(&self, t: TypeId, named: &mut Vec<TypeId>) -> bool {
        if named.len() > 40 {
            return false;
        }
        let is_named = matches!(self.ty(t), Type::Named(_));
        if is_named {
            if self.stub_types.contains(&t) {
                return false;
            }
            if named.contains(&t) {
                return true;
            }
            named.push(t);
        }
        let ok = match self.under(t).clone() {
            Type::Func(_) => false,
            Type::Interface(_) => self.is_error(t) || self.is_empty_interface(t),
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) => {
                self.is_formattable_in(e, named)
            }
            Type::Map(k, v) => self.is_formattable_in(k, named) && self.is_formattable_in(v, named),
            Type::Struct(fields) => fields.iter().all(|f| self.is_formattable_in(f.ty, named)),
            _ => true,
        };
        if is_named {
            named.pop();
        }
        ok
    }

    /// Whether values of the type can move to another thread (`Send`): no `Rc` inside (no
    /// pointers, interfaces, closures or channels).
    pub fn is_sendable(&self, t: TypeId) -> bool {
        self.is_sendable_depth(t, 0)
    }

    fn is_sendable_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 20 || self.sync_type(t).is_some() {
            return false;
        }
        let d = depth + 1;
        match self.under(t) {
            Type::Basic(_) => true,
            Type::Slice(e) | Type::Array(_, e) => self.is_sendable_depth(*e, d),
            Type::Map(k, v) => self.is_sendable_depth(*k, d) && self.is_sendable_depth(*v, d),
            Type::Struct(fields) => fields.iter().all(|f| self.is_sendable_depth(f.ty, d)),
            _ => false,
        }
    }

    /// Whether Go compares map keys of type `t` by identity where Rust has no `Hash` for them:
    /// pointers held in shared cells, and channels. Maps with such keys are
    /// `support::ptrmap::PtrMap`s, keyed by address.
    pub fn is_identity_key(&self, t: TypeId) -> bool {
        match self.under(t) {
            Type::Chan(..) => true,
            Type::Pointer(e) => {
                let e = *e;
                crate::stdlib::std_handle(self.prog, t).is_none()
                    && self.sync_type(e).is_none()
                    && !self.is_link(e)
                    && !self.is_frozen(e)
                    && !self.is_place_ptr(e)
            }
            _ => false,
        }
    }

    /// The Rust map type for Go maps with key type `k`: `std::collections::HashMap`, or
    /// `support::ptrmap::PtrMap` for keys compared by identity (see [`Ctx::is_identity_key`]).
    pub fn map_path(&mut self, k: TypeId) -> syn::Path {
        if !self.rust_params.contains_key(&k) && self.is_identity_key(k) {
            self.use_support("ptrmap");
            self.use_support("rt");
            parse_quote!(crate::support::ptrmap::PtrMap)
        } else {
            parse_quote!(std::collections::HashMap)
        }
    }

    /// Whether the Rust type can derive `Eq` and `Hash` (no floats, pointers, interfaces).
    pub fn is_hashable(&self, t: TypeId) -> bool {
        self.is_hashable_depth(t, 0)
    }

    fn is_hashable_depth(&self, t: TypeId, depth: u32) -> bool {
        if depth > 20 || self.sync_type(t).is_some() {
            return false;
        }
        match self.under(t) {
            Type::Basic(k) => !k.is_float() && !k.is_complex(),
            Type::Array(_, e) => self.is_hashable_depth(*e, depth + 1),
            Type::Struct(fields) => fields
                .iter()
                .all(|f| self.is_hashable_depth(f.ty, depth + 1)),
            _ => false,
        }
    }

    /// Whether `==` is defined (derive `PartialEq`).
    pub fn is_comparable(&self, t: TypeId) -> bool {
        if self.sync_type(t).is_some() {
            return false;
        }
        match self.under(t) {
            // Pointers and interfaces compare by identity / dynamic value in Go: the derived
            // `PartialEq` would compare differently (or not exist), so they are left out.
            Type::Basic(_) | Type::Chan(..) => true,
            Type::TypeParam { .. } => self.rust_params.contains_key(&t),
            Type::Array(_, e) => self.is_comparable(*e),
            Type::Struct(fields) => fields.iter().all(|f| self.is_comparable(f.ty)),
            _ => false,
        }
    }

    /// The zero value of a type, as an expression.
    pub fn zero_value(&mut self, t: TypeId) -> Option<syn::Expr> {
        if self.stub_types.contains(&t) {
            return None;
        }
        if let Some(id) = self.rust_params.get(&t).cloned() {
            self.need_bound(t, "Default");
            return Some(parse_quote!(#id::default()));
        }
        // No Rust type, no zero value (an interface written in place is the exception: its
        // zero is `None`, whose type inference finds).
        if !self.is_interface(t) && !self.is_error(t) {
            self.rust_type(t)?;
        }
        Some(match self.under(t) {
            Type::Basic(k) => {
                use BasicKind::*;
                match k {
                    Bool | UntypedBool => parse_quote!(false),
                    String | UntypedString => parse_quote!(String::new()),
                    k if k.is_float() => parse_quote!(0.0),
                    k if k.is_integer() => parse_quote!(0),
                    k if k.is_complex() => {
                        self.use_support("complex");
                        parse_quote!(crate::support::complex::Complex128::new(0.0, 0.0))
                    }
                    UnsafePointer => parse_quote!(0),
                    _ => return None,
                }
            }
            Type::Pointer(e) if self.sync_type(*e).is_some() => {
                let ty = self.rust_type(t)?;
                parse_quote!(#ty::default())
            }
            Type::Pointer(_) if crate::stdlib::nullable_handle(self.prog, t).is_some() => {
                let ty = self.rust_type(t)?;
                parse_quote!(#ty::nil())
            }
            // A nil `*os.File`, `*big.Int` or `*regexp.Regexp` is the handle's default; a nil `*bufio.Scanner` has no
            // Rust value.
            Type::Pointer(_) if crate::stdlib::std_handle(self.prog, t) == Some(("os", "File")) => {
                self.use_support("os");
                parse_quote!(crate::support::os::File::default())
            }
            Type::Pointer(_)
                if crate::stdlib::std_handle(self.prog, t) == Some(("math/big", "Int")) =>
            {
                self.use_support("big");
                parse_quote!(crate::support::big::Int::default())
            }
            Type::Pointer(_)
                if crate::stdlib::std_handle(self.prog, t) == Some(("regexp", "Regexp")) =>
            {
                self.use_support("regexp");
                parse_quote!(crate::support::regexp::Regexp::default())
            }
            Type::Pointer(_) if crate::stdlib::std_handle(self.prog, t).is_some() => return None,
            Type::Pointer(_) => parse_quote!(None),
            Type::Interface(_)
                if self.is_error(t) || self.is_empty_interface(t) || self.is_trait_iface(t) =>
            {
                parse_quote!(None)
            }
            Type::Interface(_) if self.ty(t) != self.under(t) => {
                let ty = self.rust_type(t)?;
                default_of(&ty)
            }
            Type::Slice(_) => parse_quote!(Vec::new()),
            Type::Func(sig) => {
                // Go's nil function: calling it panics as Go does (there is no nil `Rc<dyn Fn>`).
                let sig = sig.clone();
                let mut ps = Vec::new();
                for p in &sig.params {
                    ps.push(self.rust_type(*p)?);
                }
                let ret = self.results_type(&sig.results, 0)?;
                let fty = self.rust_type(t)?;
                self.use_support("rt");
                let rc = self.rc_path();
                // One closure per function type, which `f == nil` recognizes by its address.
                let make: syn::Expr = parse_quote!(
                    || -> #fty { #rc::new(|#(_: #ps),*| #ret { crate::support::rt::nil_deref() }) }
                );
                if self.threaded {
                    parse_quote!(crate::support::rt::nil_func_sync(#make))
                } else {
                    parse_quote!(crate::support::rt::nil_func(#make))
                }
            }
            Type::Map(k, _) => {
                let map = self.map_path(*k);
                parse_quote!(#map::new())
            }
            Type::Array(n, e) => {
                let (n, e) = (proc_macro2::Literal::usize_unsuffixed(*n as usize), *e);
                let z = self.zero_value(e)?;
                if self.is_copy(e) {
                    parse_quote!([#z; #n])
                } else if matches!(self.under(e), Type::Func(_)) {
                    // A closure's `Rc` is coerced to `Rc<dyn Fn…>` only where a type says so.
                    let ety = self.rust_type(e)?;
                    parse_quote!(std::array::from_fn(|_| -> #ety { #z }))
                } else {
                    parse_quote!(std::array::from_fn(|_| #z))
                }
            }
            Type::Struct(_) if self.is_strings_builder(t) => parse_quote!(String::new()),
            Type::Struct(_) if self.is_bytes_buffer(t) => parse_quote!(Vec::<u8>::new()),
            Type::Struct(_) if self.sync_type(t).is_some() => {
                let ty = self.rust_type(t)?;
                parse_quote!(#ty::default())
            }
            Type::Chan(..) => {
                self.use_support("chan");
                parse_quote!(crate::support::chan::Chan::default())
            }
            Type::Struct(_) => {
                let ty = self.rust_type(t)?;
                default_of(&ty)
            }
            _ => return None,
        })
    }
}

/// `T::default()`, or `<T>::default()` when `T` is not a plain path.
fn default_of(ty: &syn::Type) -> syn::Expr {
    match ty {
        syn::Type::Path(p)
            if p.qself.is_none()
                && p.path
                    .segments
                    .iter()
                    .all(|s| matches!(s.arguments, syn::PathArguments::None)) =>
        {
            parse_quote!(#ty::default())
        }
        _ => parse_quote!(<#ty>::default()),
    }
}
