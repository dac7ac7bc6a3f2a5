//! Expressions: names, operators, selectors, indexing, slicing, conversions of untyped values,
//! and function literals. Calls live in [`crate::builtins`] and [`crate::stdlib`].
//!
//! Three ways to translate an expression:
//! - [`Ctx::value`]: an owned value (a place of a non-`Copy` type is cloned, as Go copies it);
//! - [`Ctx::borrowed`]: for reading without taking ownership (printing, `len`, comparisons);
//! - [`Ctx::place`]: the assignable place.

use crate::ctx::{Ctx, RECEIVER};
use crate::names;
use goxide_ast::ast::{BinaryOp, Expr, ExprKind, UnaryOp};
use goxide_types::{Mode, ObjId, ObjKind, SelectionKind, Type, TypeId};
use syn::parse_quote;

impl Ctx<'_> {
    /// Records an unsupported construct and returns a compiling `todo!()`.
    pub fn unsupported(&mut self, e: &Expr, what: &str) -> syn::Expr {
        let snippet = self.snippet(e.span);
        self.marker(format!("unsupported: {what}: `{snippet}`"));
        parse_quote!(todo!())
    }

    /// Queues a TODO marker for the statement being translated.
    pub fn marker(&mut self, text: String) {
        self.pending_markers
            .push(format!("{} {}", crate::MARKER, text));
    }

    /// The Rust name of a local or package-level object.
    /// The Rust name of method `m` (Go name `name`): renamed when another method of its type
    /// differs from it only in case (see `decl::method_renames`).
    pub fn method_ident(&self, m: ObjId, name: &str) -> syn::Ident {
        match self.global_names.get(&m) {
            Some(n) => names::ident(n),
            None => names::value_ident(name),
        }
    }

    pub fn var_name(&self, obj: ObjId) -> syn::Ident {
        if let Some(n) = self.local_names.get(&obj) {
            if n == RECEIVER {
                return syn::Ident::new("self", proc_macro2::Span::call_site());
            }
            return names::ident(n);
        }
        if let Some(n) = self.global_names.get(&obj) {
            return names::ident(n);
        }
        let o = self.obj(obj);
        match &o.kind {
            ObjKind::Var { global: true, .. } => names::const_ident(&o.name),
            ObjKind::Const(_) => names::const_ident(&o.name),
            ObjKind::TypeName => self.type_name(obj),
            _ => names::value_ident(&o.name),
        }
    }

    pub fn is_global_var(&self, obj: ObjId) -> bool {
        matches!(self.obj(obj).kind, ObjKind::Var { global: true, .. })
    }

    /// A package variable never changed after its initializer, or a package pointer only
    /// read through: an immutable static (of the pointee, for a pointer; see `globals`).
    pub fn is_readonly_global(&self, obj: ObjId) -> bool {
        self.analysis.globals.readonly.contains(&obj)
            || self.analysis.globals.readonly_ptrs.contains(&obj)
    }

    /// The parameter object when `e` names a slice parameter passed by reference.
    pub fn slice_param_of(&self, e: &Expr) -> Option<ObjId> {
        let e = crate::builtins::strip_parens(e);
        if !matches!(e.kind, ExprKind::Ident(_)) {
            return None;
        }
        let o = self.obj_of(e)?;
        self.analysis.slice_params.contains_key(&o).then_some(o)
    }

    /// Whether a value-receiver method takes `self` by value (it mutates its copy).
    pub fn value_receiver_moves(&self, method: ObjId) -> bool {
        self.by_value_methods.contains(&method)
    }

    /// A marker where a method value or expression calls a value method that writes through a
    /// map field on a copy of its receiver: Go's copy names the same map, goxide's does not.
    pub fn map_write_copy_marker(&mut self, method: ObjId) {
        if self.map_write_methods.contains(&method) {
            let name = self.obj(method).name.clone();
            self.marker(format!(
                "semantics: `{name}` writes to a map field of a copy of its receiver; in Go the \
                 copy shares the map, so the write is seen by the original"
            ));
        }
    }

    /// The `&str` parameter `e` names (see `str_params`).
    pub fn str_param_of(&self, e: &Expr) -> Option<ObjId> {
        let e = crate::builtins::strip_parens(e);
        if !matches!(e.kind, ExprKind::Ident(_)) {
            return None;
        }
        self.obj_of(e)
            .filter(|o| self.analysis.str_params.params.contains(o))
    }

    /// A call argument for a `&str` parameter, from its translation as an owned `String`
    /// (`v`): a constant is its literal, a `&str` parameter itself, anything else borrowed.
    pub fn str_param_arg(&mut self, a: &Expr, v: syn::Expr) -> syn::Expr {
        if let Some(s) = self.const_str(a) {
            return parse_quote!(#s);
        }
        if let Some(p) = self.str_param_of(a) {
            let id = self.var_name(p);
            return parse_quote!(#id);
        }
        if let Some(part) = str_slice_copy(&v) {
            return parse_quote!(&#part);
        }
        match v {
            syn::Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => {
                let r = &m.receiver;
                parse_quote!(&#r)
            }
            v => parse_quote!(&#v),
        }
    }

    /// Whether `x` names the value receiver of a struct type that the method takes as `&self`
    /// (a receiver the method changes is taken by value, `mut self`).
    pub fn is_ref_receiver(&self, x: &Expr) -> bool {
        let x = crate::builtins::strip_parens(x);
        matches!(x.kind, ExprKind::Ident(_))
            && self.obj_of(x).is_some_and(|o| {
                self.local_names.get(&o).is_some_and(|n| n == RECEIVER)
                    && !self.analysis.mutated.contains(&o)
                    && matches!(self.under(self.obj(o).ty), Type::Struct(_))
            })
    }

    /// Whether `x` names a pointer that is a Rust reference: the pointer receiver of the method
    /// being translated (`&mut self`) or a borrowed pointer parameter (`p: &mut T`).
    pub fn is_self_ptr(&self, x: &Expr) -> bool {
        let x = crate::builtins::strip_parens(x);
        if self.is_elem_index(x) {
            return true;
        }
        matches!(x.kind, ExprKind::Ident(_))
            && self.obj_of(x).is_some_and(|o| {
                self.local_names.get(&o).is_some_and(|n| n == RECEIVER)
                    || self.analysis.ptr_params.params.contains_key(&o)
                    || self.analysis.links.mut_views.contains(&o)
                    || self.analysis.ptr_params.owned.contains_key(&o)
                        && self.analysis.ptr_params.moves.get(&o) != Some(&x.id)
            })
            && self
                .type_of(x)
                .is_some_and(|t| matches!(self.ty(t), Type::Pointer(_)))
    }

    /// Whether `x` names a pointer-to-slice or pointer-to-map parameter that only reads: `&[T]`
    /// or `&HashMap<K, V>`, whose `*x` is the reference itself (`x[i]`, `x.len()`, `&x` for
    /// fmt); a slice copies with `x.to_vec()`.
    pub fn is_slice_ref_param(&self, x: &Expr) -> bool {
        let x = crate::builtins::strip_parens(x);
        matches!(x.kind, ExprKind::Ident(_))
            && self.obj_of(x).is_some_and(|o| {
                self.analysis.ptr_params.params.get(&o) == Some(&crate::analysis::SliceMode::Ref)
                    && !self.analysis.ptr_params.optional.contains(&o)
                    && matches!(self.ty(self.obj(o).ty), Type::Pointer(e)
                        if matches!(self.under(*e), Type::Slice(_) | Type::Map(..)))
            })
    }

    /// Whether `x` is an element `s[i]` of a slice holding its pointers' values: the place of
    /// the value itself.
    pub fn is_elem_index(&self, x: &Expr) -> bool {
        match &crate::builtins::strip_parens(x).kind {
            ExprKind::Index { x: s, .. } => self
                .type_of(s)
                .is_some_and(|t| self.analysis.owned_elems.elem_of(self.prog, t).is_some()),
            _ => false,
        }
    }

    /// Whether `x` is a value `m[k]` of a map holding its pointers' values.
    pub fn is_map_value_index(&self, x: &Expr) -> bool {
        self.is_elem_index(x)
            && matches!(&crate::builtins::strip_parens(x).kind,
                ExprKind::Index { x: m, .. } if self.type_of(m).is_some_and(|t| matches!(self.under(t), Type::Map(..))))
    }

    /// Whether `x` names a local pointer that owns its value (see `ptr_params`): it is the
    /// value itself, not a reference.
    pub fn is_owned_ptr(&self, x: &Expr) -> bool {
        self.is_elem_index(x)
            || self
                .obj_of(crate::builtins::strip_parens(x))
                .is_some_and(|o| {
                    self.analysis.ptr_params.owned.contains_key(&o)
                        || self.analysis.ptr_params.aliases.contains_key(&o)
                })
    }

    /// The Rust reference a pointer of [`Ctx::is_self_ptr`] names (`self`, `p`).
    pub fn ref_ptr(&mut self, x: &Expr) -> syn::Expr {
        if self.is_elem_index(x) {
            // An element of a slice holding its values: the element in place.
            return as_base(self.place(x));
        }
        match self.obj_of(crate::builtins::strip_parens(x)) {
            Some(o) if self.analysis.ptr_params.aliases.contains_key(&o) => {
                // A pointer standing for a place: the place.
                let place = self.analysis.ptr_params.aliases[&o].clone();
                as_base(self.place(&place))
            }
            Some(o) if self.is_optional_param(o) => self.optional_deref(o),
            Some(o) => {
                let id = self.var_name(o);
                if self.analysis.ptr_params.nullable.contains(&o) {
                    // (The declaration made `rt` used.)
                    if self.analysis.ptr_params.owned.get(&o) == Some(&false) {
                        return parse_quote!((*crate::support::rt::some_ref(&#id)));
                    }
                    return parse_quote!((*crate::support::rt::some_mut(&mut #id)));
                }
                parse_quote!(#id)
            }
            None => parse_quote!(self),
        }
    }

    /// Whether `o` is a pointer parameter that may be nil here, `Option<&T>` / `Option<&mut T>`
    /// (see `ptr_params`; past its nil guard it is a plain borrow, see `nil_guards`).
    pub fn is_optional_param(&self, o: ObjId) -> bool {
        self.analysis.ptr_params.optional.contains(&o) && !self.narrowed.contains(&o)
    }

    /// The reference an optional borrowed parameter holds (see `ptr_params`):
    /// `rt::opt_mut(&mut p)`, panicking as Go does when it is nil.
    pub fn optional_deref(&mut self, o: ObjId) -> syn::Expr {
        let id = self.var_name(o);
        self.use_support("rt");
        if self.analysis.ptr_params.params.get(&o) == Some(&crate::analysis::SliceMode::MutRef) {
            parse_quote!(crate::support::rt::opt_mut(&mut #id))
        } else {
            parse_quote!(crate::support::rt::opt_ref(&#id))
        }
    }

    /// The value the pointer `x` points to, borrowed: `(*self)` for a pointer receiver
    /// (`&mut self`), else `x.as_ref().unwrap().borrow()` (`borrow_mut()` when `mutable`).
    pub fn pointee(&mut self, x: &Expr, mutable: bool) -> syn::Expr {
        if !mutable {
            if let Some(v) = self.ctor_temporary(x) {
                return parse_quote!((#v));
            }
        }
        if self.is_nullable(x) {
            return self.nullable_deref(x, mutable);
        }
        if self.is_box_ptr(x) {
            return self.link_deref(x, mutable);
        }
        if !mutable && self.is_slice_ref_param(x) {
            return self.ref_ptr(x);
        }
        if !mutable && self.is_map_value_index(x) {
            // (Read in place: `m.get(&k)`, where the receiver may be `&self`.)
            return self.borrowed(x);
        }
        if self.is_self_ptr(x) {
            let r = self.ref_ptr(x);
            if self.is_owned_ptr(x) {
                return r;
            }
            return parse_quote!((*#r));
        }
        let p = as_base(self.borrowed(x));
        if self.is_frozen_ptr(x) {
            parse_quote!(#p.as_ref().unwrap())
        } else if mutable {
            parse_quote!(#p.as_ref().unwrap().borrow_mut())
        } else {
            parse_quote!(#p.as_ref().unwrap().borrow())
        }
    }

    /// A fresh pointer made to be the element of a slice that holds its values (see
    /// `owned_elems`): the value itself (`Item { … }` for `&Item{…}`, the zero value for
    /// `new(T)`, the call of a constructor, an owned local at its last use). Made for a field
    /// that owns its pointee, or for a parameter taking a box (see `owned_fields`): that value
    /// boxed, `Some(Box::new(…))`; such a parameter handed on: the parameter itself.
    fn owned_elem_value(&mut self, e: &Expr) -> Option<syn::Expr> {
        let e = crate::builtins::strip_parens(e);
        if self.analysis.owned_fields.passed.contains(&e.id) {
            // A parameter's box moved on as it is (see `owned_fields`).
            let id = self.var_name(self.obj_of(e)?);
            return Some(parse_quote!(#id));
        }
        // (A value stored in a field owning its pointee is boxed, see `owned_fields`.)
        let boxed = self.analysis.owned_fields.inputs.contains(&e.id);
        if !boxed && !self.analysis.owned_elems.inputs.contains(&e.id) {
            return None;
        }
        let v = match &e.kind {
            ExprKind::Unary { x, .. } => self.value(x),
            ExprKind::CompositeLit { .. } => self.composite_lit(e),
            // `new(T)`, a constructor's call, an owned local moved here.
            _ => self.ctor_value(e)?,
        };
        Some(if boxed {
            parse_quote!(Some(Box::new(#v)))
        } else {
            v
        })
    }

    /// `f()` of a constructor reached through at once (`f().x`, `*f()`): the value it returns,
    /// a temporary, with no cell around it.
    fn ctor_temporary(&mut self, x: &Expr) -> Option<syn::Expr> {
        if !self.is_ctor_call(x) {
            return None;
        }
        self.ctor_value(x)
    }

    /// `e` evaluated only for its effects (`let _ = …;`): a constructor call is left as the
    /// call, not made into a pointer.
    pub fn for_effects(&mut self, e: &Expr) -> syn::Expr {
        if matches!(
            &crate::builtins::strip_parens(e).kind,
            ExprKind::Call { .. }
        ) {
            if let Some(v) = self.ctor_value(e) {
                return v;
            }
        }
        self.borrowed(e)
    }

    /// An owned value of `e`.
    pub fn value(&mut self, e: &Expr) -> syn::Expr {
        if let Some(v) = self.owned_elem_value(e) {
            return v;
        }
        if let Some(v) = self.thread_value_part(e) {
            return v;
        }
        if let Some(p) = self.str_param_of(e) {
            let id = self.var_name(p);
            return parse_quote!(#id.to_string());
        }
        if let Some(v) = self.moved_into_pointer(e) {
            return v;
        }
        if let Some(v) = self.link_value(e) {
            return v;
        }
        if let ExprKind::Star(x) = &crate::builtins::strip_parens(e).kind {
            if self.is_slice_ref_param(x)
                && matches!(self.type_of(e).map(|t| self.under(t)), Some(Type::Slice(_)))
            {
                let r = self.ref_ptr(x);
                return parse_quote!(#r.to_vec());
            }
        }
        if let Some(p) = self.slice_param_of(e) {
            let b = as_base(self.borrowed(e));
            return match self.under(self.obj(p).ty) {
                Type::Map(..) => parse_quote!(#b.clone()),
                _ => parse_quote!(#b.to_vec()),
            };
        }
        if self.is_self_ptr(e) {
            // `&mut self` is not an `Option<Rc<RefCell<T>>>`: a copy would lose the aliasing.
            return self.unsupported(e, "a pointer receiver used as a pointer value");
        }
        if let Some(o) = self
            .obj_of(e)
            .filter(|o| matches!(e.kind, ExprKind::Ident(_)) && self.borrowed_range.contains(o))
        {
            // A copy of the element a range variable refers to.
            let id = self.var_name(o);
            return parse_quote!(#id.clone());
        }
        let b = self.borrowed(e);
        if self.analysis.last_uses.contains(&e.id) && matches!(e.kind, ExprKind::Ident(_)) {
            // A local's last use: the value moves (see `last_use`).
            return b;
        }
        if self.is_ref_receiver(e) && self.type_of(e).is_some_and(|t| self.is_copy(t)) {
            // A `Copy` struct taken as `&self`: its value.
            return parse_quote!(*self);
        }
        if self.is_place(e) && !self.type_of(e).is_some_and(|t| self.is_copy(t)) {
            let b = as_base(b);
            parse_quote!(#b.clone())
        } else {
            b
        }
    }

    /// An owned value of `e`, converted to type `target` (untyped constants, `nil`).
    pub fn value_as(&mut self, e: &Expr, target: TypeId) -> syn::Expr {
        if let Some(v) = self.owned_elem_value(e) {
            return v;
        }
        if self.is_untyped_nil(e)
            || matches!(&e.kind, ExprKind::Ident(n) if n == "nil") && self.obj_of(e).is_none()
        {
            return match self.zero_value(target) {
                Some(z) if !matches!(self.under(target), Type::Basic(_)) => z,
                _ => self.unsupported(e, "nil of this type"),
            };
        }
        if self.stub_types.contains(&target) && self.type_of(e) != Some(target) {
            return self.unsupported(e, "value of a type goxide cannot translate yet");
        }
        if self.is_interface(target) && self.is_self_ptr(e) {
            return self.unsupported(e, "a pointer receiver used as an interface value");
        }
        if self.is_std_stringer(target) {
            return self.std_stringer_value(e);
        }
        if self.is_interface(target)
            && !self.is_empty_interface(target)
            && !self.is_error(target)
            && self.type_of(e) != Some(target)
        {
            if let Some(src) = self.type_of(e) {
                if self.is_trait_iface(src) && self.trait_ident(src) == self.trait_ident(target) {
                    // Two instantiations translated as one trait (`I[T]` with `T = int`, and
                    // `I[int]`).
                    return self.value(e);
                }
                if self.is_trait_iface(src) {
                    // Between two traits: the dynamic value, found by downcasting.
                    let v = self.borrowed(e);
                    if let Some(conv) = self.iface_to_iface(&v, src, target) {
                        return conv;
                    }
                    return self.unsupported(e, "conversion to an interface type");
                }
                // A constant of a named type (`Celsius(100)`) keeps its Rust type.
                let v = match self.info.const_value(e.id).cloned() {
                    Some(c) => self
                        .const_expr(&c, src, true)
                        .unwrap_or_else(|| self.unsupported(e, "constant")),
                    None => self.value(e),
                };
                if let Some(obj) = self.boxed_trait_object(v, src, target) {
                    return obj;
                }
            }
            return self.unsupported(e, "conversion to an interface type");
        }
        if self.is_error(target) && self.type_of(e).is_some_and(|s| !self.is_error(s)) {
            if let Some(src) = self.type_of(e) {
                let v = self.value(e);
                if let Some(err) = self.boxed_error(v, src) {
                    return err;
                }
            }
            return self.unsupported(e, "conversion of a value to error");
        }
        if self.is_empty_interface(target) {
            if let Some(src) = self.type_of(e) {
                if self.is_trait_iface(src) {
                    let v = self.borrowed(e);
                    return match self.trait_to_any(&v, src) {
                        Some(conv) => conv,
                        None => self.unsupported(e, "conversion to interface{} of this type"),
                    };
                }
                if !self.is_empty_interface(src) {
                    return self.boxed_any(e, src);
                }
            }
        }
        if let Some(v) = self.info.const_value(e.id).cloned() {
            if self.basic(target).is_some() && !self.named_const_matches(e, target) {
                return self
                    .const_expr_of(e, &v, target, false)
                    .unwrap_or_else(|| self.unsupported(e, "constant"));
            }
        }
        self.value(e)
    }

    /// `e` (of the non-interface type `src`) boxed into an `interface{}` value, whose dynamic
    /// type is the (default) type of `e`.
    pub fn boxed_any(&mut self, e: &Expr, src: TypeId) -> syn::Expr {
        let src = goxide_types::default_type(&self.prog.types, src);
        let v = match self.info.const_value(e.id).cloned() {
            Some(c) => self
                .const_expr(&c, src, true)
                .unwrap_or_else(|| self.unsupported(e, "constant")),
            None => self.value(e),
        };
        let Some(ty) = self.rust_type(src) else {
            return self.unsupported(e, "conversion to interface{} of this type");
        };
        let func_ok = self.func_boxable(src);
        // Channels print as their address.
        let chan_ok =
            matches!(self.under(src).clone(), Type::Chan(_, el) if self.is_formattable(el));
        if !func_ok
            && !chan_ok
            && (!self.is_formattable(src)
                || matches!(
                    self.under(src),
                    Type::Func(_) | Type::Chan(..) | Type::Tuple(_)
                ))
        {
            return self.unsupported(e, "conversion to interface{} of this type");
        }
        self.use_support("iface");
        self.use_support("fmt");
        if func_ok {
            // A function named as a value becomes an `Rc<dyn Fn…>` by coercion.
            return parse_quote!(crate::support::iface::new::<#ty>(#v));
        }
        // `iface::new` is generic: an empty `X::new()` or `None` needs its type.
        let v = crate::builtins::typed_value(v, ty);
        if let Some(named) = self.boxed_named(v.clone(), src) {
            return named;
        }
        parse_quote!(crate::support::iface::new(#v))
    }

    /// Whether a function value of type `t` can be held in an `interface{}` value: an
    /// `Rc<dyn Fn(…) -> R>` (not shared with goroutines) of at most four parameters and three
    /// results, all of types fmt can name.
    pub fn func_boxable(&self, t: TypeId) -> bool {
        self.func_boxable_depth(t, 0)
    }

    fn func_boxable_depth(&self, t: TypeId, depth: u32) -> bool {
        let Type::Func(sig) = self.under(t) else {
            return false;
        };
        depth < 4
            && !self.threaded
            && !sig.variadic
            && sig.params.len() <= 4
            && sig.results.len() <= 3
            && sig
                .params
                .iter()
                .chain(&sig.results)
                .all(|&p| self.is_formattable(p) || self.func_boxable_depth(p, depth + 1))
    }

    /// `x.(T)` on an `interface{}` value.
    fn type_assert(&mut self, e: &Expr, x: &Expr) -> syn::Expr {
        let (Some(xt), Some(t)) = (self.type_of(x), self.type_of(e)) else {
            return self.unsupported(e, "type assertion");
        };
        if self.is_error(t) && self.is_empty_interface(xt) {
            let v = self.borrowed(x);
            self.use_support("iface");
            self.use_support("errors");
            return parse_quote!(crate::support::iface::assert_error(&#v));
        }
        if self.is_empty_interface(t) && self.is_trait_iface(xt) {
            // `x.(any)`: the dynamic value; a nil `x` panics.
            let v = self.borrowed(x);
            if let Some(conv) = self.trait_to_any(&v, xt) {
                let msg = "interface conversion: interface is nil, not interface {}";
                self.use_support("rt");
                return parse_quote!(match #conv {
                    v if v.is_some() => v,
                    _ => crate::support::rt::runtime_error(#msg),
                });
            }
        }
        if self.is_interface(t) {
            let v = self.borrowed(x);
            if let Some(conv) = self.iface_to_iface(&v, xt, t) {
                let msg = format!(
                    "interface conversion: interface is not {}",
                    self.go_type_string(t)
                );
                self.use_support("rt");
                return parse_quote!(match #conv {
                    Some(v) => Some(v),
                    None => crate::support::rt::runtime_error(#msg),
                });
            }
        }
        if self.is_std_stringer(t) && self.is_empty_interface(xt) {
            let v = as_base(self.borrowed(x));
            self.use_support("iface");
            return parse_quote!(crate::support::iface::assert_stringer(&#v));
        }
        if self.is_interface(t) || !(self.is_empty_interface(xt) || self.is_trait_iface(xt)) {
            return self.unsupported(e, "type assertion");
        }
        let Some(rt) = self.rust_type(t) else {
            return self.unsupported(e, "type assertion to this type");
        };
        let v = as_base(self.borrowed(x));
        let go = self.prog.type_string(t);
        if self.is_trait_iface(xt) {
            let msg = format!(
                "interface conversion: {} is not {go}",
                self.prog.type_string(xt)
            );
            self.use_support("rt");
            let Some(held) = self.dyn_type(t) else {
                return self.unsupported(e, "type assertion to this type");
            };
            let unwrap = self.dyn_unwrap(t);
            return parse_quote!(match #v.as_ref().and_then(|v| v.as_any().downcast_ref::<#held>()#unwrap) {
                Some(v) => v.clone(),
                None => crate::support::rt::runtime_error(#msg),
            });
        }
        if let Some(a) = self.assert_named(&v, t) {
            return a;
        }
        self.use_support("iface");
        parse_quote!(crate::support::iface::assert::<#rt>(&#v, #go))
    }

    /// `Option<T>`: the dynamic value of interface value `v` (of type `xt`) when it is a `rt`.
    pub fn downcast_expr(&mut self, v: &syn::Expr, xt: TypeId, t: TypeId) -> Option<syn::Expr> {
        if self.is_empty_interface(xt) {
            let rt = self.rust_type(t)?;
            self.use_support("iface");
            return Some(parse_quote!(crate::support::iface::downcast::<#rt>(&#v)));
        }
        if self.is_trait_iface(xt) {
            let (held, unwrap) = (self.dyn_type(t)?, self.dyn_unwrap(t));
            return Some(
                parse_quote!(#v.as_ref().and_then(|v| v.as_any().downcast_ref::<#held>()#unwrap).cloned()),
            );
        }
        None
    }

    /// Whether `e` is a constant identifier whose declared Rust type is `target`'s.
    fn named_const_matches(&self, e: &Expr, target: TypeId) -> bool {
        let ExprKind::Ident(_) = &e.kind else {
            return false;
        };
        let Some(obj) = self.obj_of(e) else {
            return false;
        };
        let o = self.obj(obj);
        matches!(o.kind, ObjKind::Const(_)) && self.declared_const_type(obj) == Some(target)
    }

    /// The Rust type a constant object was declared with (its Go type, or the default type of an
    /// untyped constant).
    pub fn declared_const_type(&self, obj: ObjId) -> Option<TypeId> {
        let o = self.obj(obj);
        if o.pkg != Some(self.pkg) {
            return None;
        }
        Some(goxide_types::default_type(&self.prog.types, o.ty))
    }

    /// Whether an expression denotes a place (variable, field, element) rather than a value.
    pub fn is_place(&self, e: &Expr) -> bool {
        if self
            .synthetic
            .get(&e.id)
            .is_some_and(|(n, _)| !n.is_empty())
        {
            return true;
        }
        match &e.kind {
            ExprKind::Ident(_) => self.obj_of(e).is_some_and(|o| {
                matches!(self.obj(o).kind, ObjKind::Var { .. })
                    && self.analysis.ptr_params.moves.get(&o) != Some(&e.id)
            }),
            ExprKind::Paren(x) => self.is_place(x),
            ExprKind::Selector { x, .. } => {
                self.info
                    .selections
                    .get(&e.id)
                    .is_some_and(|s| s.kind == SelectionKind::FieldVal)
                    && self
                        .type_of(x)
                        .is_none_or(|t| crate::stdlib::std_handle(self.prog, t).is_none())
            }
            ExprKind::Index { x, .. } => !self
                .type_of(x)
                .is_some_and(|t| self.is_string(t) || matches!(self.under(t), Type::Map(..))),
            ExprKind::Star(_) => true,
            _ => false,
        }
    }

    /// `e` for reading, without cloning.
    pub fn borrowed(&mut self, e: &Expr) -> syn::Expr {
        if self
            .type_of(e)
            .is_some_and(|t| self.stub_types.contains(&t))
            && !matches!(self.mode_of(e), Some(Mode::Type))
        {
            return self.unsupported(e, "value of a type goxide cannot translate yet");
        }
        if let Some(v) = self.moved_into_pointer(e) {
            return v;
        }
        if let Some(c) = self.const_of(e, false) {
            if !matches!(&e.kind, ExprKind::Ident(_)) || !self.const_ident_usable(e) {
                return c.unwrap_or_else(|| self.unsupported(e, "constant value"));
            }
        }
        // `nil` in a typed context: the zero value of that type.
        if self.is_untyped_nil(e) {
            if let Some(t) = self
                .type_of(e)
                .filter(|&t| !matches!(self.under(t), Type::Basic(_)))
            {
                if let Some(z) = self.zero_value(t) {
                    return z;
                }
            }
        }
        if let Some((name, _)) = self.synthetic.get(&e.id).filter(|(n, _)| !n.is_empty()) {
            let id = syn::Ident::new(name, proc_macro2::Span::call_site());
            return parse_quote!(#id);
        }
        match &e.kind {
            ExprKind::Ident(_) => self.ident_expr(e),
            ExprKind::BasicLit(_) => self.unsupported(e, "literal"),
            ExprKind::Paren(x) => {
                let x = self.borrowed(x);
                parse_quote!((#x))
            }
            ExprKind::CompositeLit { .. } => self.composite_lit(e),
            ExprKind::FuncLit { .. } => self.func_lit(e),
            ExprKind::Selector { x, sel } => self.selector(e, x, &sel.name, false),
            ExprKind::Index { x, .. } if self.generic_fn(x).is_some() => {
                // `Max[int]` as a value: the instantiation's function.
                match self.generic_fn(x) {
                    Some(obj) => self.fn_value(e, obj, Some(x)),
                    None => self.unsupported(e, "function value"),
                }
            }
            ExprKind::Index { x, indices } => self.index(e, x, indices, false),
            ExprKind::Slice { x, lo, hi, max, .. } => {
                self.slice_expr(e, x, lo.as_deref(), hi.as_deref(), max.as_deref())
            }
            ExprKind::Call { .. } => self.call(e),
            ExprKind::Star(x) => self.deref(e, x, false),
            ExprKind::Unary { op, x } => self.unary(e, *op, x),
            ExprKind::Binary { op, x, y } => self.binary(e, *op, x, y),
            ExprKind::TypeAssert { x, .. } => self.type_assert(e, x),
            _ => self.unsupported(e, "expression"),
        }
    }

    /// Whether a constant identifier can be emitted by name (same Rust type as declared).
    fn const_ident_usable(&self, e: &Expr) -> bool {
        let Some(obj) = self.obj_of(e) else {
            return false;
        };
        let Some(t) = self.type_of(e) else {
            return false;
        };
        let t = goxide_types::default_type(&self.prog.types, t);
        self.declared_const_type(obj) == Some(t) && self.declared_consts.contains(&obj)
    }

    /// A local variable whose Go type has no Rust form.
    pub fn untranslatable_local(&mut self, obj: ObjId) -> bool {
        let o = self.obj(obj);
        // (Interfaces written in place have no type to write down, but their values work.)
        matches!(o.kind, ObjKind::Var { global: false, .. })
            && !self.is_interface(o.ty)
            && !self.analysis.local_closure_vars.contains_key(&obj)
            && self.rust_type(o.ty).is_none()
    }

    fn ident_expr(&mut self, e: &Expr) -> syn::Expr {
        let Some(obj) = self.obj_of(e) else {
            return self.unsupported(e, "unresolved name");
        };
        let o = self.obj(obj);
        match &o.kind {
            ObjKind::Var { .. } => {
                if self.untranslatable_local(obj) {
                    // Declared as `let x = todo!();`: its uses have no Rust type to work with.
                    return self.unsupported(e, "variable of a type goxide cannot translate yet");
                }
                if self.analysis.ptr_params.nullable.contains(&obj) {
                    // An owned value or nothing: the pointee, or Go's nil-dereference panic.
                    return self.nullable_deref(e, false);
                }
                if self.is_optional_param(obj) {
                    return self.optional_deref(obj);
                }
                if let Some(place) = self.analysis.ptr_params.aliases.get(&obj).cloned() {
                    // A pointer standing for a place (see `local_borrows`): the place.
                    return self.borrowed(&place);
                }
                let id = self.var_name(obj);
                if self.global_override == Some(obj) {
                    return parse_quote!((*g));
                }
                if self.deref_vars.contains(&obj) {
                    return parse_quote!((*#id));
                }
                if self.is_global_var(obj) {
                    if self.rust_type(o.ty).is_none() {
                        return self.unsupported(e, "package variable of this type");
                    }
                    if self.is_readonly_global(obj) {
                        // An immutable static: read in place, like an immutable local.
                        return parse_quote!((*#id));
                    }
                    let copy = self.is_copy(o.ty);
                    self.global_read(&id, copy)
                } else if self.analysis.boxed.contains(&obj) {
                    parse_quote!(*#id.borrow())
                } else if self.borrowed_range.contains(&obj) {
                    // A reference to the element ranged over: the element, in place.
                    parse_quote!((*#id))
                } else {
                    parse_quote!(#id)
                }
            }
            ObjKind::Const(_) => {
                if !self.declared_consts.contains(&obj) && !self.const_representable(obj) {
                    // No Rust constant was declared for it, and its value was not folded here.
                    return self.unsupported(e, "constant goxide cannot represent");
                }
                let id = self.var_name(obj);
                parse_quote!(#id)
            }
            ObjKind::Func { .. } => {
                if o.pkg != Some(self.pkg) {
                    return self.unsupported(e, "function value from another package");
                }
                self.fn_value(e, obj, None)
            }
            ObjKind::Nil => self.unsupported(e, "untyped nil"),
            _ => self.unsupported(e, "name"),
        }
    }

    /// The generic function of this package that `x` names, if any.
    fn generic_fn(&self, x: &Expr) -> Option<ObjId> {
        if !matches!(x.kind, ExprKind::Ident(_)) {
            return None;
        }
        self.obj_of(x).filter(|o| {
            matches!(self.obj(*o).kind, ObjKind::Func { .. })
                && self.obj(*o).pkg == Some(self.pkg)
                && self.prog.func_type_params.contains_key(o)
        })
    }

    /// Function `obj` of this package as a value (`e`; for a generic function, one of its
    /// instantiations, whose type arguments are recorded at `e` or at `ident`).
    fn fn_value(&mut self, e: &Expr, obj: ObjId, ident: Option<&Expr>) -> syn::Expr {
        let id = if self.prog.func_type_params.contains_key(&obj) {
            let id = self
                .instance_ident(e, obj)
                .or_else(|| ident.and_then(|x| self.instance_ident(x, obj)));
            match id {
                Some(id) => id,
                None => return self.unsupported(e, "generic function value"),
            }
        } else {
            self.var_name(obj)
        };
        let rc = self.rc_path();
        let modes = self.analysis.fn_param_modes.get(&obj).cloned();
        if let Some(modes) = modes.filter(|m| m.iter().any(Option::is_some)) {
            // Its slice parameters are borrowed (`&[T]`); a function value takes them
            // by value (`Vec<T>`), and lends them.
            return self.borrowing_fn_value(e, obj, &id, &modes);
        }
        parse_quote!(#rc::new(#id))
    }

    /// `f` as a value when it borrows slice parameters: `Rc::new(|a0: Vec<T>| f(&a0))`.
    fn borrowing_fn_value(
        &mut self,
        e: &Expr,
        obj: ObjId,
        id: &syn::Ident,
        modes: &[Option<crate::analysis::SliceMode>],
    ) -> syn::Expr {
        // (The value's type: a generic function's signature for its type arguments.)
        let ft = self.type_of(e).unwrap_or(self.obj(obj).ty);
        let Type::Func(sig) = self.under(ft).clone() else {
            return self.unsupported(e, "function value");
        };
        if sig.variadic || modes.contains(&Some(crate::analysis::SliceMode::MutRef)) {
            return self.unsupported(
                e,
                "function value of a function that writes a slice argument",
            );
        }
        let mut params = Vec::new();
        let mut args: Vec<syn::Expr> = Vec::new();
        for (i, &p) in sig.params.iter().enumerate() {
            let Some(ty) = self.rust_type(p) else {
                return self.unsupported(e, "function value");
            };
            let a = quote::format_ident!("a{i}");
            params.push(quote::quote!(#a: #ty));
            args.push(match modes.get(i) {
                Some(Some(_)) => parse_quote!(&#a),
                _ => parse_quote!(#a),
            });
        }
        let rc = self.rc_path();
        parse_quote!(#rc::new(move |#(#params),*| #id(#(#args),*)))
    }

    /// A field or element of a package variable that is a thread-local value with no cell
    /// (see `globals`), read where it is: `CASES.with(|g| g[1].name.clone())`, not a copy of
    /// the whole table first.
    pub fn thread_value_part(&mut self, e: &Expr) -> Option<syn::Expr> {
        let e = crate::builtins::strip_parens(e);
        let part = match &e.kind {
            ExprKind::Index { .. } => true,
            ExprKind::Selector { .. } => self
                .info
                .selections
                .get(&e.id)
                .is_some_and(|s| s.kind == goxide_types::SelectionKind::FieldVal),
            _ => false,
        };
        if !part || !self.in_read_only_table(e) {
            return None;
        }
        Some(self.through_global(e, |ctx| ctx.value(e)))
    }

    /// Whether `e` is (a part of) a read-only package table held as a thread-local value,
    /// read from outside its closure: a part of it is best read in place,
    /// `TABLE.with(|g| g.get(k).cloned())`, not after copying the whole table.
    pub fn in_read_only_table(&self, e: &Expr) -> bool {
        self.global_root(e)
            .is_some_and(|r| self.global_override != Some(r) && self.thread_value_global(r))
    }

    fn global_read(&mut self, id: &syn::Ident, copy: bool) -> syn::Expr {
        if self.is_thread_value_global(id) {
            return if copy {
                parse_quote!(#id.with(|v| *v))
            } else {
                parse_quote!(#id.with(|v| v.clone()))
            };
        }
        if self.boxed_global(id) {
            return if copy {
                parse_quote!(#id.with(|c| *c.borrow()))
            } else {
                parse_quote!(#id.with(|c| c.borrow().clone()))
            };
        }
        if copy {
            parse_quote!(#id.with_borrow(|v| *v))
        } else {
            parse_quote!(#id.with_borrow(|v| v.clone()))
        }
    }

    /// Whether package variable `obj` is a thread-local value with no cell (nothing changes
    /// it: see `globals::GlobalFacts::thread_values`), in a program whose package variables
    /// are thread-local.
    pub fn thread_value_global(&self, obj: ObjId) -> bool {
        self.analysis.globals.thread_values.contains(&obj)
            && !self.analysis.address_taken.contains(&obj)
            && !(self.threaded && self.thread_blocker.is_none())
    }

    /// [`Ctx::thread_value_global`] of the package variable named `id`.
    fn is_thread_value_global(&self, id: &syn::Ident) -> bool {
        self.global_names
            .iter()
            .any(|(o, n)| id == n && self.thread_value_global(*o))
    }

    /// A map key to look up by reference (`m.get(&k)`): a string variable as it is, other keys
    /// as values of the key type.
    pub fn map_key(&mut self, k: &Expr, kt: TypeId) -> syn::Expr {
        let plain_string_var = matches!(k.kind, ExprKind::Ident(_))
            && self.type_of(k) == Some(kt)
            && matches!(self.under(kt), Type::Basic(b) if b.is_string())
            && self.obj_of(k).is_some_and(|o| {
                matches!(self.obj(o).kind, ObjKind::Var { global: false, .. })
                    && !self.analysis.boxed.contains(&o)
                    && !self.is_bytestr(k)
            });
        if plain_string_var {
            let b = self.borrowed(k);
            if matches!(b, syn::Expr::Path(_)) {
                return b;
            }
        }
        // A string field of a local (`it.sku`): the key is only borrowed for the lookup.
        let string_field = matches!(k.kind, ExprKind::Selector { .. })
            && self.type_of(k) == Some(kt)
            && matches!(self.under(kt), Type::Basic(b) if b.is_string())
            && !self.is_bytestr(k);
        if string_field {
            fn plain(e: &syn::Expr) -> bool {
                match e {
                    syn::Expr::Path(_) => true,
                    syn::Expr::Field(f) => plain(&f.base),
                    _ => false,
                }
            }
            let b = self.borrowed(k);
            if matches!(&b, syn::Expr::Field(_)) && plain(&b) {
                return b;
            }
        }
        paren_if_needed(self.value_as(k, kt))
    }

    /// A map key as the lookup borrows it (`m.get(k)`): a string constant is the `&str`
    /// itself (`m.get("bob")`), a field or element is borrowed where it is (`m.get(&it.sku)`,
    /// not `&it.sku.clone()`), other keys are borrowed values of the key type.
    pub fn map_key_ref(&mut self, k: &Expr, kt: TypeId) -> syn::Expr {
        if matches!(self.under(kt), Type::Basic(b) if b.is_string()) {
            if let Some(lit) = self.const_str(k) {
                return parse_quote!(#lit);
            }
            if let Some(p) = self.str_param_of(k) {
                let id = self.var_name(p);
                return parse_quote!(#id);
            }
        }
        // A range variable bound to a reference to the element: that reference.
        if let Some(o) = self.obj_of(k).filter(|o| {
            matches!(k.kind, ExprKind::Ident(_))
                && self.borrowed_range.contains(o)
                && self.type_of(k) == Some(kt)
        }) {
            let id = self.var_name(o);
            return parse_quote!(#id);
        }
        match self.map_key(k, kt) {
            syn::Expr::MethodCall(m)
                if m.method == "clone"
                    && m.args.is_empty()
                    && matches!(
                        &*m.receiver,
                        syn::Expr::Field(_) | syn::Expr::Index(_) | syn::Expr::Path(_)
                    ) =>
            {
                let r = &m.receiver;
                parse_quote!(&#r)
            }
            k => parse_quote!(&#k),
        }
    }

    /// Whether the package variable named `id` lives in a shared cell (its address is taken).
    pub fn boxed_global(&self, id: &syn::Ident) -> bool {
        self.global_names
            .iter()
            .any(|(o, n)| id == n && self.analysis.address_taken.contains(o))
    }

    /// The assignable place for `e` (`None` for a global variable, which is assigned through
    /// its cell: see [`Ctx::assign_to`]).
    pub fn place(&mut self, e: &Expr) -> syn::Expr {
        if self
            .type_of(e)
            .is_some_and(|t| self.stub_types.contains(&t))
        {
            return self.unsupported(e, "value of a type goxide cannot translate yet");
        }
        match &e.kind {
            ExprKind::Ident(_) => {
                let Some(obj) = self.obj_of(e) else {
                    return self.unsupported(e, "assignment target");
                };
                if self.untranslatable_local(obj) {
                    return self.unsupported(e, "variable of a type goxide cannot translate yet");
                }
                if self.analysis.ptr_params.nullable.contains(&obj) {
                    return self.nullable_deref(e, true);
                }
                if let Some(place) = self.analysis.ptr_params.aliases.get(&obj).cloned() {
                    return self.place(&place);
                }
                let id = self.var_name(obj);
                if self.global_override == Some(obj) || self.deref_vars.contains(&obj) {
                    return if self.deref_vars.contains(&obj) {
                        parse_quote!((*#id))
                    } else {
                        parse_quote!((*g))
                    };
                }
                if self.is_readonly_global(obj) {
                    // (Never written: the analysis found no write through this place.)
                    return parse_quote!((*#id));
                }
                if self.is_global_var(obj) {
                    // Written only inside its cell (see `Ctx::through_global`).
                    return self.unsupported(e, "package variable as a place here");
                }
                if self.analysis.boxed.contains(&obj) {
                    parse_quote!(*#id.borrow_mut())
                } else {
                    parse_quote!(#id)
                }
            }
            ExprKind::Paren(x) => self.place(x),
            ExprKind::Selector { x, sel } => self.selector(e, x, &sel.name, true),
            ExprKind::Index { x, indices } => self.index(e, x, indices, true),
            ExprKind::Star(x) => self.deref(e, x, true),
            _ => self.unsupported(e, "assignment target"),
        }
    }

    /// `build` run with the place `d` reachable: when `d` is (inside) a package-level
    /// variable, inside that variable's cell (`X.with_borrow_mut(|g| …)`, the root renamed to
    /// `g`), which is borrowed for writing while `build`'s expression runs.
    pub fn through_global(
        &mut self,
        d: &Expr,
        build: impl FnOnce(&mut Self) -> syn::Expr,
    ) -> syn::Expr {
        let Some(root) = self
            .global_root(d)
            .filter(|&r| self.global_override != Some(r))
        else {
            return build(self);
        };
        if self.rust_type(self.obj(root).ty).is_none() {
            return self.unsupported(d, "package variable of this type");
        }
        let gid = self.var_name(root);
        let prev = self.global_override.replace(root);
        let mut body = build(self);
        self.global_override = prev;
        // (`(*g).f`, `(*g)[i]`, `(*g).push(v)` are `g.f`, `g[i]`, `g.push(v)`.)
        crate::globals::tidy_reads_in(&mut body, &std::iter::once("g".to_string()).collect());
        if self.is_thread_value_global(&gid) {
            return parse_quote!(#gid.with(|g| #body));
        }
        if self.boxed_global(&gid) {
            return parse_quote!(#gid.with(|c| {
                let g = &mut *c.borrow_mut();
                #body
            }));
        }
        parse_quote!(#gid.with_borrow_mut(|g| #body))
    }

    /// Whether the root variable of a place is a package-level variable.
    pub fn global_root(&self, e: &Expr) -> Option<ObjId> {
        match &e.kind {
            ExprKind::Ident(_) => self
                .obj_of(e)
                .filter(|&o| self.is_global_var(o) && !self.is_readonly_global(o)),
            ExprKind::Paren(x) => self.global_root(x),
            ExprKind::Selector { x, .. }
                if !self
                    .type_of(x)
                    .is_some_and(|t| matches!(self.under(t), Type::Pointer(_))) =>
            {
                self.global_root(x)
            }
            ExprKind::Index { x, .. } => self.global_root(x),
            // `copy(g[a:], …)` writes `g`'s elements.
            ExprKind::Slice { x, .. } => self.global_root(x),
            _ => None,
        }
    }

    fn deref(&mut self, e: &Expr, x: &Expr, mutable: bool) -> syn::Expr {
        if matches!(self.mode_of(e), Some(Mode::Type)) {
            return self.unsupported(e, "pointer type in expression");
        }
        if !mutable {
            if let Some(v) = self.ctor_temporary(x) {
                return v;
            }
        }
        if self.is_nullable(x) {
            return self.nullable_deref(x, mutable);
        }
        if self.is_box_ptr(x) {
            return self.link_deref(x, mutable);
        }
        if !mutable && self.is_slice_ref_param(x) {
            return self.ref_ptr(x);
        }
        if !mutable && self.is_map_value_index(x) {
            // (Read in place: `m.get(&k)`, where the receiver may be `&self`.)
            return self.borrowed(x);
        }
        if self.is_self_ptr(x) {
            let r = self.ref_ptr(x);
            if self.is_owned_ptr(x) {
                return r;
            }
            return parse_quote!((*#r));
        }
        let mut p = as_base(self.borrowed(x));
        if matches!(&p, syn::Expr::Path(n) if n.path.is_ident("None")) {
            // `*(*T)(nil)`: a nil pointer of a known type, dereferenced (it panics as in Go).
            if let Some(pt) = self.type_of(x).and_then(|t| self.rust_type(t)) {
                p = parse_quote!((None as #pt));
            }
        }
        if self.is_frozen_ptr(x) {
            parse_quote!(*#p.as_ref().unwrap())
        } else if mutable {
            parse_quote!(*#p.as_ref().unwrap().borrow_mut())
        } else {
            parse_quote!(*#p.as_ref().unwrap().borrow())
        }
    }

    fn selector(&mut self, e: &Expr, x: &Expr, sel: &str, mutable: bool) -> syn::Expr {
        let Some(selection) = self.info.selections.get(&e.id).cloned() else {
            // A qualified identifier `pkg.Name` that is not a constant (constants were folded).
            return self.qualified_value(e);
        };
        if selection.kind == SelectionKind::MethodVal && selection.path.is_empty() {
            return self.method_value(e, x, sel, selection.obj);
        }
        if selection.kind == SelectionKind::MethodExpr && selection.path.is_empty() {
            return self.method_expr(e, x, sel, selection.obj);
        }
        if selection.kind != SelectionKind::FieldVal {
            return self.unsupported(e, "method value");
        }
        let Some(xt) = self.type_of(x) else {
            return self.unsupported(e, "selector");
        };
        if crate::stdlib::std_handle(self.prog, xt).is_some() {
            // A field of a standard-library handle (`e.Value` of a `*list.Element`, `r.Comma`
            // of a `*csv.Reader`): a getter (assignments go to a setter, `set_value`).
            if mutable {
                return self.unsupported(e, "this use of a field of a standard-library type");
            }
            let h = as_base(paren_if_needed(self.borrowed(x)));
            let getter = names::ident(&names::snake(sel));
            return parse_quote!(#h.#getter());
        }
        // Writing through a pointer writes its pointee: the pointer itself is only read.
        let through_ptr = matches!(self.under(xt), Type::Pointer(_));
        // (A view past its nil guard is a plain reference too, see `nil_guards`.)
        let mut self_ptr = self.is_self_ptr(x)
            || self
                .obj_of(crate::builtins::strip_parens(x))
                .is_some_and(|o| self.narrowed.contains(&o));
        let temporary = if through_ptr && !mutable {
            self.ctor_temporary(x)
        } else {
            None
        };
        let mut base = if let Some(v) = temporary {
            // `f().x` of a constructor: the field of the value it returns.
            self_ptr = true;
            as_base(v)
        } else {
            as_base(if self.is_nullable(x) {
                self.nullable_deref(x, mutable)
            } else if mutable && (!through_ptr || self.is_box_ptr(x) || self.is_elem_index(x)) {
                self.place(x)
            } else {
                self.borrowed(x)
            })
        };
        let mut t = xt;
        let _ = sel;
        // (A field owning its pointee is reached through as a link is.)
        let mut boxed = self.is_owned_field(x);
        for (i, &idx) in selection.path.iter().enumerate() {
            // Through a pointer: borrow the pointee (a pointer receiver is `&mut self`).
            if let Type::Pointer(elem) = self.under(t).clone() {
                base = if std::mem::take(&mut self_ptr) {
                    base
                } else if std::mem::take(&mut boxed) || self.is_link(elem) {
                    self.link_through(base, mutable)
                } else if self.is_frozen(elem) {
                    // A frozen pointee is read in place (nothing writes through it).
                    parse_quote!(#base.as_ref().unwrap())
                } else if mutable {
                    parse_quote!(#base.as_ref().unwrap().borrow_mut())
                } else {
                    parse_quote!(#base.as_ref().unwrap().borrow())
                };
                t = elem;
            }
            let Type::Struct(fields) = self.under(t).clone() else {
                return self.unsupported(e, "field of non-struct");
            };
            let Some(f) = fields.get(idx) else {
                return self.unsupported(e, "field");
            };
            let name = names::ident(&self.field_name_at(f, idx));
            base = parse_quote!(#base.#name);
            t = f.ty;
            let _ = i;
        }
        base
    }

    /// `x.M` as a value: a closure that calls the method on (a copy of) `x`, bound now.
    fn method_value(&mut self, e: &Expr, x: &Expr, name: &str, m: ObjId) -> syn::Expr {
        let mo = self.obj(m);
        // The value's type: the method's signature for the receiver's type arguments.
        let ft = self.type_of(e).unwrap_or(mo.ty);
        let Type::Func(sig) = self.under(ft).clone() else {
            return self.unsupported(e, "method value");
        };
        let Some(xt) = self.type_of(x) else {
            return self.unsupported(e, "method value");
        };
        if sig.variadic
            || mo.pkg != Some(self.pkg)
            || !self.sig_translatable(&sig)
            || self.rust_type(xt).is_none()
        {
            return self.unsupported(e, "method value");
        }
        if self.threaded && !self.sendable(xt) {
            // The closure holds the receiver and must be `Send`.
            return self.unsupported(e, "method value of a receiver that cannot cross threads");
        }
        if self.analysis.ptr_value_methods.contains(&m) {
            return self.unsupported(
                e,
                "method value of a method that takes its receiver as a pointer",
            );
        }
        let rc = self.rc_path();
        let ptr_recv = matches!(&mo.kind, ObjKind::Func { recv: Some(r) } if matches!(self.ty(*r), Type::Pointer(_)));
        let x_is_ptr = matches!(self.under(xt), Type::Pointer(_));
        let mid = self.method_ident(m, name);
        let mut params = Vec::new();
        let mut args = Vec::new();
        for (i, &p) in sig.params.iter().enumerate() {
            let Some(ty) = self.rust_type(p) else {
                return self.unsupported(e, "method value");
            };
            let a = syn::Ident::new(&format!("a{i}"), proc_macro2::Span::call_site());
            params.push(quote::quote!(#a: #ty));
            args.push(a);
        }
        let Some(ret) = self.results_type(&sig.results, 0) else {
            return self.unsupported(e, "method value");
        };
        self.map_write_copy_marker(m);
        let call: syn::Expr = if self.is_trait_iface(xt) {
            parse_quote!(r.as_ref().unwrap().#mid(#(#args),*))
        } else if ptr_recv && x_is_ptr && self.readonly_ptr_methods.contains(&m) {
            parse_quote!(r.as_ref().unwrap().borrow().#mid(#(#args),*))
        } else if ptr_recv && x_is_ptr {
            parse_quote!(r.as_ref().unwrap().borrow_mut().#mid(#(#args),*))
        } else if ptr_recv {
            // `v.M` is `(&v).M`: the closure holds `v`'s cell.
            let ptr = match &crate::builtins::strip_parens(x).kind {
                ExprKind::Ident(_)
                    if self.obj_of(x).is_some_and(|o| {
                        self.analysis.boxed.contains(&o) && !self.is_global_var(o)
                    }) =>
                {
                    self.address_of(e, x)
                }
                _ => return self.unsupported(e, "method value of a pointer method on a value"),
            };
            let ret = match ret {
                syn::ReturnType::Default => quote::quote!(),
                r => quote::quote!(#r),
            };
            let call: syn::Expr = if self.readonly_ptr_methods.contains(&m) {
                parse_quote!(r.as_ref().unwrap().borrow().#mid(#(#args),*))
            } else {
                parse_quote!(r.as_ref().unwrap().borrow_mut().#mid(#(#args),*))
            };
            let call = self.ext_method_call(call, xt, m);
            return parse_quote!({
                let r = #ptr;
                #rc::new(move |#(#params),*| #ret { #call })
            });
        } else if x_is_ptr {
            // Go copies `*p` when the method value is made.
            let v = as_base(self.borrowed(x));
            let call: syn::Expr = if self.value_receiver_moves(m) {
                parse_quote!(r.clone().#mid(#(#args),*))
            } else {
                parse_quote!(r.#mid(#(#args),*))
            };
            let call = match self.under(xt).clone() {
                Type::Pointer(elem) => self.ext_method_call(call, elem, m),
                _ => call,
            };
            let ret = match ret {
                syn::ReturnType::Default => quote::quote!(),
                r => quote::quote!(#r),
            };
            return parse_quote!({
                let r = #v.as_ref().unwrap().borrow().clone();
                #rc::new(move |#(#params),*| #ret { #call })
            });
        } else if self.value_receiver_moves(m) {
            parse_quote!(r.clone().#mid(#(#args),*))
        } else {
            parse_quote!(r.#mid(#(#args),*))
        };
        let call = match self.under(xt).clone() {
            Type::Pointer(elem) => self.ext_method_call(call, elem, m),
            _ => self.ext_method_call(call, xt, m),
        };
        let v = self.value(x);
        let ret = match ret {
            syn::ReturnType::Default => quote::quote!(),
            r => quote::quote!(#r),
        };
        parse_quote!({
            let r = #v;
            #rc::new(move |#(#params),*| #ret { #call })
        })
    }

    /// `recv.m(args)` as `<T as TMethods>::m(recv, args)` when `m` is a method of a named
    /// non-struct type `t` (a type alias with an extension trait): two such types over one
    /// Rust type may both have a method `m`, which the method-call syntax cannot tell apart.
    fn ext_method_call(&mut self, call: syn::Expr, t: goxide_types::TypeId, m: ObjId) -> syn::Expr {
        if matches!(
            self.under(t),
            Type::Struct(_) | Type::Pointer(_) | Type::Interface(_)
        ) {
            return call;
        }
        let syn::Expr::MethodCall(mc) = &call else {
            return call;
        };
        let (Some(name), Some(tr)) = (self.named_type_ident(t), self.ext_trait_ident(t)) else {
            return call;
        };
        let ptr_recv = matches!(&self.obj(m).kind, ObjKind::Func { recv: Some(r) } if matches!(self.ty(*r), Type::Pointer(_)));
        let r = &mc.receiver;
        let recv: syn::Expr = if ptr_recv && self.readonly_ptr_methods.contains(&m) {
            parse_quote!(&*#r)
        } else if ptr_recv {
            parse_quote!(&mut *#r)
        } else if self.is_copy(t) || self.value_receiver_moves(m) {
            (**r).clone()
        } else {
            parse_quote!(&#r)
        };
        let mid = &mc.method;
        let args = &mc.args;
        if ptr_recv {
            // (Naming the type lets a `RefMut` coerce to `&mut T`.)
            parse_quote!(<#name as #tr>::#mid(#recv, #args))
        } else {
            parse_quote!(#tr::#mid(#recv, #args))
        }
    }

    /// `T.M` / `(*T).M`: a function taking the receiver first.
    fn method_expr(&mut self, e: &Expr, x: &Expr, name: &str, m: ObjId) -> syn::Expr {
        let (Some(ft), Some(rt)) = (self.type_of(e), self.type_of(x)) else {
            return self.unsupported(e, "method expression");
        };
        let Type::Func(sig) = self.under(ft).clone() else {
            return self.unsupported(e, "method expression");
        };
        match self.method_expr_of(&sig, rt, name, m) {
            Ok(x) => x,
            Err(what) => self.unsupported(e, what),
        }
    }

    /// The closure of method expression `T.name` (`m`), whose signature `sig` takes the
    /// receiver `rt` first; `Err` names what cannot be translated.
    pub fn method_expr_of(
        &mut self,
        sig: &goxide_types::types::Signature,
        rt: TypeId,
        name: &str,
        m: ObjId,
    ) -> Result<syn::Expr, &'static str> {
        let mo = self.obj(m);
        if sig.variadic || mo.pkg != Some(self.pkg) || !self.sig_translatable(sig) {
            return Err("method expression");
        }
        if self.analysis.ptr_value_methods.contains(&m) {
            return Err("method expression of a method that takes its receiver as a pointer");
        }
        let ptr_recv = matches!(&mo.kind, ObjKind::Func { recv: Some(r) } if matches!(self.ty(*r), Type::Pointer(_)));
        let x_is_ptr = matches!(self.under(rt), Type::Pointer(_));
        let base = match self.under(rt) {
            Type::Pointer(b) => *b,
            _ => rt,
        };
        // Methods of a named non-struct type live in its extension trait: the call names it.
        let ext = if matches!(self.under(base), Type::Struct(_)) || self.is_trait_iface(rt) {
            None
        } else {
            match (self.named_type_ident(base), self.ext_trait_ident(base)) {
                (Some(n), Some(t)) => Some((n, t)),
                _ => return Err("method expression on this type"),
            }
        };
        if ext.is_some() && !ptr_recv && self.map_write_methods.contains(&m) {
            return Err("method expression on this type");
        }
        let mid = self.method_ident(m, name);
        let mut params = Vec::new();
        let mut args = Vec::new();
        for (i, &p) in sig.params.iter().enumerate() {
            let Some(ty) = self.rust_type(p) else {
                return Err("method expression");
            };
            let a = syn::Ident::new(&format!("a{i}"), proc_macro2::Span::call_site());
            params.push(quote::quote!(#a: #ty));
            args.push(a);
        }
        let Some(ret) = self.results_type(&sig.results, 0) else {
            return Err("method expression");
        };
        let (r, rest) = args
            .split_first()
            .map(|(r, rest)| (r.clone(), rest.to_vec()))
            .unwrap_or_else(|| {
                (
                    syn::Ident::new("a0", proc_macro2::Span::call_site()),
                    vec![],
                )
            });
        self.map_write_copy_marker(m);
        let call: syn::Expr = if let Some((name, tr)) = ext {
            let moves = self.is_copy(base) || self.value_receiver_moves(m);
            let recv: syn::Expr = if ptr_recv && self.readonly_ptr_methods.contains(&m) {
                parse_quote!(&*#r.as_ref().unwrap().borrow())
            } else if ptr_recv {
                parse_quote!(&mut *#r.as_ref().unwrap().borrow_mut())
            } else if x_is_ptr && moves {
                parse_quote!(#r.as_ref().unwrap().borrow().clone())
            } else if x_is_ptr {
                parse_quote!(&*#r.as_ref().unwrap().borrow())
            } else if moves {
                parse_quote!(#r)
            } else {
                parse_quote!(&#r)
            };
            parse_quote!(<#name as #tr>::#mid(#recv, #(#rest),*))
        } else if self.is_trait_iface(rt) {
            parse_quote!(#r.as_ref().unwrap().#mid(#(#rest),*))
        } else if ptr_recv && self.readonly_ptr_methods.contains(&m) {
            parse_quote!(#r.as_ref().unwrap().borrow().#mid(#(#rest),*))
        } else if ptr_recv {
            parse_quote!(#r.as_ref().unwrap().borrow_mut().#mid(#(#rest),*))
        } else if x_is_ptr {
            parse_quote!(#r.as_ref().unwrap().borrow().clone().#mid(#(#rest),*))
        } else {
            parse_quote!(#r.clone().#mid(#(#rest),*))
        };
        let ret = match ret {
            syn::ReturnType::Default => quote::quote!(),
            r => quote::quote!(#r),
        };
        let rc = self.rc_path();
        Ok(parse_quote!(#rc::new(|#(#params),*| #ret { #call })))
    }

    /// A usize index expression for `i`.
    pub fn index_usize(&mut self, i: &Expr) -> syn::Expr {
        if let Some(goxide_types::ConstValue::Int(v)) = self.info.const_value(i.id) {
            if let Ok(n) = usize::try_from(v.clone()) {
                let lit = proc_macro2::Literal::usize_unsuffixed(n);
                return parse_quote!(#lit);
            }
        }
        let v = paren_if_needed(self.borrowed(i));
        let plain = crate::builtins::strip_parens(i);
        if matches!(plain.kind, ExprKind::Ident(_))
            && self
                .obj_of(plain)
                .is_some_and(|o| self.usize_vars.contains(&o))
        {
            return v;
        }
        if self.type_of(i).and_then(|t| self.basic(t)) == Some(goxide_types::BasicKind::Uintptr) {
            return v;
        }
        if let Some(len) = self.std_len(i, &v) {
            return len;
        }
        parse_quote!(#v as usize)
    }

    /// `len(x)` of a string, slice, array or map, translated `x.len() as i64`: the `usize`
    /// that `x.len()` already is (`Vec::with_capacity(xs.len())`, not `xs.len() as i64 as
    /// usize`).
    fn std_len(&self, i: &Expr, v: &syn::Expr) -> Option<syn::Expr> {
        let ExprKind::Call { func, args, .. } = &crate::builtins::strip_parens(i).kind else {
            return None;
        };
        let f = crate::builtins::strip_parens(func);
        let builtin = self
            .obj_of(f)
            .is_some_and(|o| matches!(self.obj(o).kind, ObjKind::Builtin(_)));
        let [x] = args.as_slice() else { return None };
        let std_len = builtin
            && matches!(&f.kind, ExprKind::Ident(n) if n == "len")
            && self.type_of(x).is_some_and(|t| match self.under(t) {
                Type::Basic(k) => k.is_string(),
                Type::Slice(_) | Type::Array(..) | Type::Map(..) => true,
                _ => false,
            });
        if !std_len {
            return None;
        }
        let mut v = v;
        while let syn::Expr::Paren(p) = v {
            v = &p.expr;
        }
        let syn::Expr::Cast(c) = v else { return None };
        let syn::Expr::MethodCall(m) = &*c.expr else {
            return None;
        };
        (m.method == "len" && m.args.is_empty()).then(|| syn::Expr::MethodCall(m.clone()))
    }

    fn index(&mut self, e: &Expr, x: &Expr, indices: &[Expr], mutable: bool) -> syn::Expr {
        let [i] = indices else {
            return self.unsupported(e, "generic instantiation");
        };
        let Some(xt) = self.type_of(x) else {
            return self.unsupported(e, "index");
        };
        match self.under(xt).clone() {
            Type::Basic(k) if k.is_string() => {
                let s = as_base(self.borrowed(x));
                let i = self.index_usize(i);
                if self.is_bytestr(x) {
                    return parse_quote!(#s[#i]);
                }
                parse_quote!(#s.as_bytes()[#i])
            }
            Type::Slice(_) | Type::Array(..) => {
                let base = as_base(if mutable {
                    self.place(x)
                } else {
                    self.borrowed(x)
                });
                let i = self.index_usize(i);
                parse_quote!(#base[#i])
            }
            Type::Pointer(p) if matches!(self.under(p), Type::Array(..)) => {
                let base = self.pointee(x, mutable);
                let i = self.index_usize(i);
                parse_quote!(#base[#i])
            }
            Type::Map(kt, _) if self.is_elem_index(e) => {
                // A value a map holds (see `owned_elems`): in place; a missing key is Go's nil
                // pointer, dereferenced (`unwrap` panics with Go's message).
                let k = self.map_key_ref(i, kt);
                if mutable {
                    let m = as_base(self.place(x));
                    return parse_quote!((*#m.get_mut(#k).unwrap()));
                }
                let m = as_base(self.borrowed(x));
                parse_quote!((*#m.get(#k).unwrap()))
            }
            Type::Map(kt, _) => {
                if mutable {
                    // `m[k][i] = v`: the element, created empty when missing (Go indexes the
                    // zero value, so a missing slice panics on the index as here).
                    let root = self.global_root(x);
                    if root.is_some() && root != self.global_override {
                        return self.unsupported(e, "map element of a package variable as a place");
                    }
                    let m = as_base(self.place(x));
                    let k = paren_if_needed(self.value_as(i, kt));
                    return parse_quote!((*#m.entry(#k).or_default()));
                }
                let m = as_base(self.borrowed(x));
                let k = self.map_key_ref(i, kt);
                let vt = match self.under(self.type_of(x).unwrap_or(kt)) {
                    Type::Map(_, v) => *v,
                    _ => kt,
                };
                // (A `Copy` value is copied out: `copied()`.)
                let take: syn::Ident = if self.is_copy(vt) {
                    parse_quote!(copied)
                } else {
                    parse_quote!(cloned)
                };
                if !self.has_default(vt) {
                    if let Some(z) = self.zero_value(vt) {
                        return parse_quote!(#m.get(#k).#take().unwrap_or_else(|| #z));
                    }
                }
                parse_quote!(#m.get(#k).#take().unwrap_or_default())
            }
            _ => self.unsupported(e, "index expression"),
        }
    }

    /// `x[a:b]` passed to a `&[T]` / `&mut [T]` parameter: a borrow of the elements
    /// (`&mut x[a..b]`), so the callee's writes reach `x` as in Go. `None` for other forms.
    pub fn slice_arg(&mut self, e: &Expr, mutable: bool) -> Option<syn::Expr> {
        let ExprKind::Slice {
            x,
            lo,
            hi,
            max: None,
            ..
        } = &crate::builtins::strip_parens(e).kind
        else {
            return None;
        };
        let xt = self.type_of(x)?;
        let lo = lo.as_deref().map(|l| self.index_usize(l));
        let hi = hi.as_deref().map(|h| self.index_usize(h));
        let range: syn::Expr = match (lo, hi) {
            (Some(l), Some(h)) => parse_quote!(#l..#h),
            (Some(l), None) => parse_quote!(#l..),
            (None, Some(h)) => parse_quote!(..#h),
            (None, None) => parse_quote!(..),
        };
        let base = match self.under(xt).clone() {
            Type::Slice(_) | Type::Array(..)
                if self
                    .global_root(x)
                    .is_none_or(|r| mutable && self.global_override == Some(r)) =>
            {
                as_base(if mutable {
                    self.place(x)
                } else {
                    self.borrowed(x)
                })
            }
            Type::Pointer(a) if matches!(self.under(a), Type::Array(..)) => {
                self.pointee(x, mutable)
            }
            _ => return None,
        };
        Some(if mutable {
            parse_quote!(&mut #base[#range])
        } else {
            parse_quote!(&#base[#range])
        })
    }

    fn slice_expr(
        &mut self,
        e: &Expr,
        x: &Expr,
        lo: Option<&Expr>,
        hi: Option<&Expr>,
        max: Option<&Expr>,
    ) -> syn::Expr {
        let Some(xt) = self.type_of(x) else {
            return self.unsupported(e, "slice expression");
        };
        if let (Some(hi), Some(max)) = (hi, max) {
            return self.slice3(e, x, xt, lo, hi, max);
        }
        let lo = lo.map(|l| self.index_usize(l));
        let hi = hi.map(|h| self.index_usize(h));
        let range: syn::Expr = match (lo, hi) {
            (Some(l), Some(h)) => parse_quote!(#l..#h),
            (Some(l), None) => parse_quote!(#l..),
            (None, Some(h)) => parse_quote!(..#h),
            (None, None) => parse_quote!(..),
        };
        match self.under(xt) {
            Type::Basic(k) if k.is_string() => {
                let base = as_base(self.borrowed(x));
                parse_quote!(#base[#range].to_string())
            }
            Type::Slice(_) | Type::Array(..) => {
                let base = as_base(self.borrowed(x));
                parse_quote!(#base[#range].to_vec())
            }
            // `p[a:b]` on a pointer to an array slices the pointee.
            Type::Pointer(a) if matches!(self.under(*a), Type::Array(..)) => {
                let base = self.pointee(x, false);
                parse_quote!(#base[#range].to_vec())
            }
            _ => self.unsupported(e, "slice of this type"),
        }
    }

    /// `x[lo:hi:max]`: `support::rt::slice3(&x, lo, hi, max, …)`, a new vector of capacity
    /// `max - lo` (Go's bounds checks and panic texts).
    fn slice3(
        &mut self,
        e: &Expr,
        x: &Expr,
        xt: TypeId,
        lo: Option<&Expr>,
        hi: &Expr,
        max: &Expr,
    ) -> syn::Expr {
        let (base, what): (syn::Expr, &str) = match self.under(xt) {
            Type::Slice(_) => (as_base(self.borrowed(x)), "capacity"),
            Type::Array(..) => (as_base(self.borrowed(x)), "length"),
            Type::Pointer(a) if matches!(self.under(*a), Type::Array(..)) => {
                (self.pointee(x, false), "length")
            }
            _ => return self.unsupported(e, "3-index slice of this type"),
        };
        let lo: syn::Expr = match lo {
            Some(l) => self.index_usize(l),
            None => parse_quote!(0),
        };
        let hi = self.index_usize(hi);
        let max = self.index_usize(max);
        self.use_support("rt");
        parse_quote!(crate::support::rt::slice3(&#base[..], #lo, #hi, #max, #what))
    }

    fn unary(&mut self, e: &Expr, op: UnaryOp, x: &Expr) -> syn::Expr {
        match op {
            UnaryOp::Pos => self.value(x),
            UnaryOp::Neg => {
                let v = self.value(x);
                // Go's `-x` on an unsigned integer wraps (`-uint16(1)` is 0xffff); Rust has
                // no unary minus there.
                let unsigned = self
                    .type_of(x)
                    .and_then(|t| self.basic(t))
                    .is_some_and(|k| k.is_integer() && k.is_unsigned());
                if unsigned {
                    let v = as_base(v);
                    return parse_quote!(#v.wrapping_neg());
                }
                parse_quote!(-#v)
            }
            UnaryOp::Not | UnaryOp::BitNot => {
                let v = self.value(x);
                parse_quote!(!#v)
            }
            UnaryOp::Addr => self.address_of(e, x),
            UnaryOp::Recv => self.chan_recv(e, x),
        }
    }

    pub fn address_of(&mut self, e: &Expr, x: &Expr) -> syn::Expr {
        if self.type_of(x).is_some_and(|t| self.sync_type(t).is_some()) {
            // `&wg`: the same `sync` handle.
            let v = paren_if_needed(self.borrowed(x));
            return parse_quote!(#v.clone());
        }
        let inner = match &x.kind {
            ExprKind::Paren(p) => p,
            _ => x,
        };
        let place = self.type_of(x).is_some_and(|t| self.is_place_ptr(t));
        match &inner.kind {
            ExprKind::CompositeLit { .. } => {
                let v = self.composite_lit(inner);
                if place {
                    self.use_support("ptr");
                    self.marker("ownership: a pointer is shared through Rc<dyn Place<…>> (support::ptr); an owned value or a borrow may do".into());
                    return parse_quote!(crate::support::ptr::new(#v));
                }
                let elem = self.type_of(inner);
                self.ptr_new_of(v, elem)
            }
            ExprKind::Ident(_) => {
                let Some(obj) = self.obj_of(inner) else {
                    return self.unsupported(e, "address of");
                };
                let cell: syn::Expr =
                    if self.is_global_var(obj) && self.analysis.address_taken.contains(&obj) {
                        let id = self.var_name(obj);
                        parse_quote!(#id.with(|c| c.clone()))
                    } else if !self.analysis.boxed.contains(&obj) || self.is_global_var(obj) {
                        return self.unsupported(e, "address of this variable");
                    } else {
                        let id = self.var_name(obj);
                        parse_quote!(#id.clone())
                    };
                if place {
                    self.use_support("ptr");
                    return parse_quote!(crate::support::ptr::cell(#cell));
                }
                parse_quote!(Some(#cell))
            }
            // `&*p` is `p`, once checked for nil.
            ExprKind::Star(p) if !self.is_self_ptr(p) => {
                let v = self.value(p);
                self.use_support("rt");
                parse_quote!({
                    let p = #v;
                    if p.is_none() {
                        crate::support::rt::nil_deref();
                    }
                    p
                })
            }
            _ => match self.address_of_part(inner) {
                Some(p) => p,
                None => self.unsupported(e, "address of a field or element"),
            },
        }
    }

    /// Whether `e` is the integer constant 0.
    pub fn is_const_zero(&self, e: &Expr) -> bool {
        matches!(self.info.const_value(e.id), Some(goxide_types::ConstValue::Int(v))
            if v.sign() == num_bigint::Sign::NoSign)
    }

    /// Whether `o` is a local variable only this function's own code reaches: no cell (hence
    /// no address taken), no closure capturing it, no goroutine sharing it.
    pub fn plain_local(&self, o: ObjId) -> bool {
        let an = &self.analysis;
        matches!(self.obj(o).kind, ObjKind::Var { global: false, .. })
            && !an.boxed.contains(&o)
            && !an.captured.contains(&o)
            && !an.go_shared.contains(&o)
    }

    /// `len(s) == 0`, `len(s) > 0`, `len(s) != 0` (either way round) of a string, slice or
    /// map: `s.is_empty()` / `!s.is_empty()`.
    fn emptiness_test(&mut self, op: BinaryOp, x: &Expr, y: &Expr) -> Option<syn::Expr> {
        // (`len(s) OP 0` as `empty?`: `Some(true)` for empty, `Some(false)` for non-empty.)
        let (arg, empty) = match (op, self.is_const_zero(x), self.is_const_zero(y)) {
            (BinaryOp::Eq, false, true) => (x, true),
            (BinaryOp::Ne | BinaryOp::Gt, false, true) => (x, false),
            (BinaryOp::Eq, true, false) => (y, true),
            (BinaryOp::Ne | BinaryOp::Lt, true, false) => (y, false),
            _ => return None,
        };
        let ExprKind::Call { func, args, .. } = &crate::builtins::strip_parens(arg).kind else {
            return None;
        };
        let [s] = args.as_slice() else {
            return None;
        };
        let is_len = self
            .obj_of(crate::builtins::strip_parens(func))
            .is_some_and(|f| {
                matches!(
                    self.obj(f).kind,
                    ObjKind::Builtin(goxide_types::Builtin::Len)
                )
            });
        let st = self.type_of(s)?;
        let sized = self.is_string(st) || matches!(self.under(st), Type::Slice(_) | Type::Map(..));
        if !is_len || !sized || self.info.const_value(arg.id).is_some() {
            return None;
        }
        let v = as_base(paren_if_needed(self.borrowed(s)));
        Some(if empty {
            parse_quote!(#v.is_empty())
        } else {
            parse_quote!(!#v.is_empty())
        })
    }

    fn binary(&mut self, e: &Expr, op: BinaryOp, x: &Expr, y: &Expr) -> syn::Expr {
        let Some(xt) = self.type_of(x) else {
            return self.unsupported(e, "binary expression");
        };
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            self.need_bound(xt, "PartialEq");
        }
        if let Some(empty) = self.emptiness_test(op, x, y) {
            return empty;
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne)
            && !self.is_untyped_nil(x)
            && !self.is_untyped_nil(y)
        {
            if let Some(eq) = self.iface_comparison(x, y) {
                return if op == BinaryOp::Eq {
                    eq
                } else {
                    parse_quote!(!#eq)
                };
            }
        }
        // (A string compared with an interface value holding one is an interface comparison.)
        let string_operands = (self.is_string(xt)
            || self.type_of(y).is_some_and(|t| self.is_string(t)))
            && !self.is_interface(xt)
            && !self.type_of(y).is_some_and(|t| self.is_interface(t));
        if string_operands && op == BinaryOp::Add {
            return self.concat(e);
        }
        if string_operands && matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            // `s == ""` is `s.is_empty()`.
            let empty = |c: &Self, o: &Expr| c.const_str(o).is_some_and(|l| l.value().is_empty());
            let other = if empty(self, y) && !empty(self, x) {
                Some(x)
            } else if empty(self, x) && !empty(self, y) {
                Some(y)
            } else {
                None
            };
            if let Some(o) = other {
                let v = as_base(self.borrowed(o));
                return if op == BinaryOp::Eq {
                    parse_quote!(#v.is_empty())
                } else {
                    parse_quote!(!#v.is_empty())
                };
            }
        }
        if string_operands && op.is_comparison() {
            let a = self.str_operand(x);
            let b = self.str_operand(y);
            return comparison(op, a, b);
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne)
            && (self.is_untyped_nil(x) || self.is_untyped_nil(y))
            && [x, y].iter().any(|o| {
                self.type_of(o)
                    .is_some_and(|t| matches!(self.under(t), Type::Func(_)))
            })
        {
            // Go's nil function is one closure per function type (see `zero_value`), told
            // apart by its address.
            let f = if self.is_untyped_nil(x) { y } else { x };
            let v = self.borrowed(f);
            self.use_support("rt");
            let test: syn::Expr = parse_quote!(crate::support::rt::is_nil_func(&#v));
            return if op == BinaryOp::Eq {
                test
            } else {
                parse_quote!(!#test)
            };
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            if let Some(c) = self.nil_comparison(op, x, y) {
                return c;
            }
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne)
            && [x, y].iter().all(|o| {
                self.type_of(o)
                    .is_some_and(|t| crate::stdlib::nullable_handle(self.prog, t).is_some())
            })
        {
            // Handles of `container/list` and `container/ring` compare by identity.
            let (a, b) = (self.borrowed(x), self.borrowed(y));
            return comparison(op, a, b);
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne)
            && [x, y].iter().all(|o| {
                self.type_of(o)
                    .is_some_and(|t| matches!(self.under(t), Type::Pointer(_)))
            })
        {
            let (a, b) = (self.borrowed(x), self.borrowed(y));
            self.use_support("rt");
            let eq: syn::Expr = if self.threaded
                && self
                    .type_of(x)
                    .is_some_and(|t| matches!(self.under(t), Type::Pointer(_)))
            {
                self.use_support("sync");
                parse_quote!(crate::support::sync::ptr_eq(&#a, &#b))
            } else if [x, y].iter().any(|o| {
                self.type_of(o)
                    .is_some_and(|t| match self.under(t).clone() {
                        Type::Pointer(p) => self.is_place_ptr(p),
                        _ => false,
                    })
            }) {
                self.use_support("ptr");
                parse_quote!(crate::support::ptr::eq(&#a, &#b))
            } else {
                parse_quote!(crate::support::rt::ptr_eq(&#a, &#b))
            };
            return if op == BinaryOp::Eq {
                eq
            } else {
                parse_quote!(!#eq)
            };
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            if let Some(eq) = self.iface_comparison(x, y) {
                return if op == BinaryOp::Eq {
                    eq
                } else {
                    parse_quote!(!#eq)
                };
            }
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne)
            && matches!(self.under(xt), Type::Chan(..))
            && !self.type_of(y).is_some_and(|t| self.is_interface(t))
        {
            // Channels compare by identity (`Chan: PartialEq`); `c == nil` is `c.is_nil()`.
            let eq: syn::Expr = if self.is_untyped_nil(y) {
                let a = paren_if_needed(self.borrowed(x));
                parse_quote!(#a.is_nil())
            } else if self.is_untyped_nil(x) {
                let b = paren_if_needed(self.borrowed(y));
                parse_quote!(#b.is_nil())
            } else {
                let (a, b) = (self.borrowed(x), self.borrowed(y));
                if op == BinaryOp::Ne {
                    return parse_quote!(#a != #b);
                }
                parse_quote!(#a == #b)
            };
            return if op == BinaryOp::Eq {
                eq
            } else {
                parse_quote!(!#eq)
            };
        }
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            if let Some(eq) = self.go_eq_operands(x, y) {
                return if op == BinaryOp::Eq {
                    eq
                } else {
                    parse_quote!(!#eq)
                };
            }
        }
        if op.is_comparison()
            && [x, y].iter().any(|o| {
                self.type_of(o).is_some_and(|t| {
                    self.is_interface(t)
                        || matches!(
                            self.under(t),
                            Type::Pointer(_) | Type::Func(_) | Type::Chan(..)
                        )
                })
            })
        {
            return self.unsupported(e, "comparison of interface, pointer or function values");
        }
        if op.is_comparison() {
            if matches!(self.under(xt), Type::Struct(_) | Type::Array(..))
                && !self.is_comparable(xt)
                && op.is_comparison()
            {
                return self.unsupported(
                    e,
                    "comparison of structs or arrays holding pointers or interfaces",
                );
            }
            let a = self.compared(x, y);
            let b = self.compared(y, x);
            if borrows_conflict(&a, &b) {
                let cmp = comparison(op, parse_quote!(l), b);
                return parse_quote!({
                    let l = #a;
                    #cmp
                });
            }
            return comparison(op, a, b);
        }
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(e, op, x, y);
        }
        let mut a = self.operand(x, y);
        let b = self.operand(y, x);
        // The left operand's cell borrow ends before the right one borrows the same cell.
        let mut left: Option<syn::Expr> = None;
        if !matches!(op, BinaryOp::LogAnd | BinaryOp::LogOr) && borrows_conflict(&a, &b) {
            left = Some(std::mem::replace(&mut a, parse_quote!(l)));
        }
        let v = self.arith(e, op, y, a, b);
        match left {
            Some(l) => parse_quote!({
                let l = #l;
                #v
            }),
            None => v,
        }
    }

    /// `a op b` for operands already translated.
    fn arith(&mut self, e: &Expr, op: BinaryOp, y: &Expr, a: syn::Expr, b: syn::Expr) -> syn::Expr {
        if matches!(op, BinaryOp::Div | BinaryOp::Rem) && self.needs_go_division(e, y) {
            self.use_support("rt");
            // Call arguments need no precedence parentheses.
            let unparen = |x: syn::Expr| match x {
                syn::Expr::Paren(p) => *p.expr,
                x => x,
            };
            let (a, b) = (unparen(a), unparen(b));
            return if op == BinaryOp::Div {
                parse_quote!(crate::support::rt::div(#a, #b))
            } else {
                parse_quote!(crate::support::rt::rem(#a, #b))
            };
        }
        if self.type_of(e).and_then(|t| self.basic(t)) == Some(goxide_types::BasicKind::Complex64) {
            // `complex64` values are `Complex128`s whose parts are rounded to `f32`.
            let v: syn::Expr = match op {
                BinaryOp::Add => parse_quote!(#a + #b),
                BinaryOp::Sub => parse_quote!(#a - #b),
                BinaryOp::Mul => parse_quote!(#a * #b),
                BinaryOp::Div => parse_quote!(#a / #b),
                _ => return self.unsupported(e, "operator"),
            };
            return parse_quote!((#v).to_complex64());
        }
        match op {
            BinaryOp::Add => parse_quote!(#a + #b),
            BinaryOp::Sub => parse_quote!(#a - #b),
            BinaryOp::Mul => parse_quote!(#a * #b),
            BinaryOp::Div => parse_quote!(#a / #b),
            BinaryOp::Rem => parse_quote!(#a % #b),
            BinaryOp::And => parse_quote!(#a & #b),
            BinaryOp::Or => parse_quote!(#a | #b),
            BinaryOp::Xor => parse_quote!(#a ^ #b),
            BinaryOp::AndNot => parse_quote!(#a & !#b),
            BinaryOp::LogAnd => parse_quote!(#a && #b),
            BinaryOp::LogOr => parse_quote!(#a || #b),
            _ => self.unsupported(e, "operator"),
        }
    }

    /// `==` with an `interface{}` operand: dynamic type and value (support::iface).
    fn iface_comparison(&mut self, x: &Expr, y: &Expr) -> Option<syn::Expr> {
        let (xt, yt) = (self.type_of(x)?, self.type_of(y)?);
        let (xi, yi) = (self.is_empty_interface(xt), self.is_empty_interface(yt));
        if !xi && !yi {
            return None;
        }
        self.use_support("iface");
        if xi && yi {
            let (a, b) = (self.borrowed(x), self.borrowed(y));
            return Some(parse_quote!(crate::support::iface::eq(&#a, &#b)));
        }
        let (i, v, vt) = if xi { (x, y, yt) } else { (y, x, xt) };
        if self.is_trait_iface(vt) {
            // A trait interface value compared with an `interface{}`: its dynamic value.
            let tv = self.borrowed(v);
            let tv = self.trait_to_any(&tv, vt)?;
            let iv = self.borrowed(i);
            return Some(parse_quote!(crate::support::iface::eq(&#iv, &#tv)));
        }
        if self.is_error(vt) {
            // An error value compared with an `interface{}`: the error as an `interface{}`.
            let it = if xi { xt } else { yt };
            let tv = self.value_as(v, it);
            let iv = self.borrowed(i);
            return Some(parse_quote!(crate::support::iface::eq(&#iv, &#tv)));
        }
        if self.is_interface(vt) || !self.is_comparable(vt) {
            return None;
        }
        let vt = goxide_types::default_type(&self.prog.types, vt);
        let vv = self.value_as(v, vt);
        let rt = self.rust_type(vt)?;
        let iv = self.borrowed(i);
        if let Some(eq) = self.eq_named(&iv, &vv, vt) {
            return Some(eq);
        }
        Some(parse_quote!(crate::support::iface::eq_value::<#rt>(&#iv, &#vv)))
    }

    /// `x == y` by [`Ctx::go_eq`]: operands of one type (pointers, interfaces, structs and
    /// arrays holding them), or an interface value and a value of a concrete type.
    fn go_eq_operands(&mut self, x: &Expr, y: &Expr) -> Option<syn::Expr> {
        if self.is_untyped_nil(x) || self.is_untyped_nil(y) {
            return None;
        }
        let (xt, yt) = (self.type_of(x)?, self.type_of(y)?);
        let (xi, yi) = (self.is_interface(xt), self.is_interface(yt));
        if !xi && !yi && self.is_comparable(xt) {
            return None;
        }
        if xi != yi {
            let (i, it, v, vt) = if xi { (x, xt, y, yt) } else { (y, yt, x, xt) };
            if self.is_error(it) {
                let ev = self.value_as(v, it);
                let iv = self.borrowed(i);
                self.use_support("errors");
                return Some(parse_quote!(crate::support::errors::same(&#iv, &#ev)));
            }
            let vt = goxide_types::default_type(&self.prog.types, vt);
            let vv = self.value_as(v, vt);
            let iv = self.borrowed(i);
            return self.iface_value_eq(parse_quote!(&#iv), it, parse_quote!(&#vv), vt);
        }
        let t = if xi && self.is_empty_interface(yt) {
            yt
        } else {
            xt
        };
        if matches!(
            self.under(t),
            Type::Func(_) | Type::Map(..) | Type::Slice(_)
        ) {
            return None;
        }
        let (a, b) = (self.borrowed(x), self.borrowed(y));
        self.go_eq(parse_quote!(&#a), parse_quote!(&#b), t)
    }

    /// Whether a signed integer division needs Go's rules (`MIN / -1` is `MIN`, not a panic):
    /// unless the divisor is a constant other than -1.
    pub fn needs_go_division(&self, e: &Expr, divisor: &Expr) -> bool {
        let signed = self
            .type_of(e)
            .and_then(|t| self.basic(t))
            .is_some_and(|k| k.is_integer() && !k.is_unsigned());
        if !signed {
            return false;
        }
        !matches!(self.info.const_value(divisor.id), Some(goxide_types::ConstValue::Int(v)) if *v != num_bigint::BigInt::from(-1))
    }

    /// `x == nil` and `x != nil`, and `==` on error values.
    fn nil_comparison(&mut self, op: BinaryOp, x: &Expr, y: &Expr) -> Option<syn::Expr> {
        let (val, nil) = if self.is_untyped_nil(y) {
            (x, true)
        } else if self.is_untyped_nil(x) {
            (y, true)
        } else {
            (x, false)
        };
        let t = self.type_of(val)?;
        if !nil {
            // error == error: the same error value.
            if self.is_error(t) && self.type_of(y).is_some_and(|u| self.is_error(u)) {
                let a = self.borrowed(x);
                let b = self.borrowed(y);
                self.use_support("errors");
                let same: syn::Expr = parse_quote!(crate::support::errors::same(&#a, &#b));
                return Some(if op == BinaryOp::Eq {
                    same
                } else {
                    parse_quote!(!#same)
                });
            }
            return None;
        }
        if let Some(c) = self.nullable_nil_cmp(op, val) {
            return Some(c);
        }
        if self
            .obj_of(crate::builtins::strip_parens(val))
            .is_some_and(|o| self.narrowed.contains(&o))
        {
            // Past its nil guard (see `nil_guards`): never nil.
            return Some(if op == BinaryOp::Eq {
                parse_quote!(false)
            } else {
                parse_quote!(true)
            });
        }
        if let Some(o) = self
            .obj_of(crate::builtins::strip_parens(val))
            .filter(|&o| self.is_optional_param(o))
        {
            // An optional borrow (see `ptr_params`).
            let id = self.var_name(o);
            return Some(if op == BinaryOp::Eq {
                parse_quote!(#id.is_none())
            } else {
                parse_quote!(#id.is_some())
            });
        }
        if self.is_self_ptr(val) {
            // A pointer receiver is `&self`/`&mut self`, which is never nil (a call through a
            // nil pointer stops at the call site, where Go would run the method).
            let name = self.snippet(val.span);
            self.marker(format!(
                "semantics: receiver `{name}` is never nil here; Go can call this method \
                 through a nil pointer, which panics at the call site in Rust"
            ));
            return Some(if op == BinaryOp::Eq {
                parse_quote!(false)
            } else {
                parse_quote!(true)
            });
        }
        let v = as_base(self.borrowed(val));
        if crate::stdlib::nullable_handle(self.prog, t).is_some() {
            return Some(if op == BinaryOp::Eq {
                parse_quote!(#v.is_nil())
            } else {
                parse_quote!(!#v.is_nil())
            });
        }
        let is_nil: syn::Expr = match self.under(t) {
            Type::Pointer(_) | Type::Func(_) | Type::Interface(_) => {
                if op == BinaryOp::Eq {
                    return Some(parse_quote!(#v.is_none()));
                }
                return Some(parse_quote!(#v.is_some()));
            }
            Type::Slice(_) | Type::Map(..) => parse_quote!(#v.is_empty()),
            _ => return None,
        };
        Some(if op == BinaryOp::Eq {
            is_nil
        } else {
            parse_quote!(!#is_nil)
        })
    }

    /// An operand of a binary operation, converted to the other operand's type if untyped.
    fn operand(&mut self, x: &Expr, other: &Expr) -> syn::Expr {
        let v = match (self.type_of(x), self.type_of(other)) {
            (Some(t), _) if self.info.const_value(x.id).is_some() => self.value_as(x, t),
            (_, Some(t)) if self.is_untyped_nil(x) => self.value_as(x, t),
            _ => self.value(x),
        };
        paren_if_needed(v)
    }

    /// An operand of `==`, `<`, …: a struct, array or string held by a plain local (or a
    /// field of one) is compared where it is, without a copy (`sq == cp`), as the operators
    /// only borrow.
    fn compared(&mut self, x: &Expr, other: &Expr) -> syn::Expr {
        let v = self.operand(x, other);
        if !self.plain_local_place(x) {
            return v;
        }
        match v {
            syn::Expr::MethodCall(m) if m.method == "clone" && m.args.is_empty() => *m.receiver,
            v => v,
        }
    }

    /// `x`, or `x.f.g`, of a local variable that holds its value itself: not a parameter, a
    /// package variable, a cell, a loop variable borrowing its element, nor a reference.
    pub(crate) fn plain_local_place(&self, x: &Expr) -> bool {
        let x = crate::builtins::strip_parens(x);
        match &x.kind {
            ExprKind::Selector { x: base, .. } => {
                self.info
                    .selections
                    .get(&x.id)
                    .is_some_and(|s| s.kind == SelectionKind::FieldVal && !s.indirect)
                    && self.plain_local_place(base)
            }
            ExprKind::Ident(_) => self.obj_of(x).is_some_and(|o| {
                matches!(
                    self.obj(o).kind,
                    ObjKind::Var {
                        global: false,
                        param: false
                    }
                ) && !matches!(self.under(self.obj(o).ty), Type::Pointer(_))
                    && !self.analysis.boxed.contains(&o)
                    && !self.analysis.captured.contains(&o)
                    && !self.deref_vars.contains(&o)
                    && !self.borrowed_range.contains(&o)
                    && !self.func.named_results.contains(&o)
            }),
            _ => false,
        }
    }

    /// A string operand for comparison: a literal stays `"…"`, a `String` is borrowed.
    fn str_operand(&mut self, x: &Expr) -> syn::Expr {
        if let Some(s) = self.const_str(x) {
            return parse_quote!(#s);
        }
        if let Some(p) = self.str_param_of(x) {
            let id = self.var_name(p);
            return parse_quote!(#id);
        }
        let v = as_base(self.borrowed(x));
        parse_quote!(#v.as_str())
    }

    fn shift(&mut self, e: &Expr, op: BinaryOp, x: &Expr, y: &Expr) -> syn::Expr {
        let Some(t) = self.type_of(e) else {
            return self.unsupported(e, "shift");
        };
        let Some(k) = self.basic(t) else {
            return self.unsupported(e, "shift");
        };
        let bits = k.bits().unwrap_or(64) as u64;
        let a = if let Some(c) = self.info.const_value(x.id).cloned() {
            self.const_expr(&c, t, true)
                .unwrap_or_else(|| self.value_as(x, t))
        } else {
            self.value(x)
        };
        let a = paren_if_needed(a);
        if let Some(goxide_types::ConstValue::Int(n)) = self.info.const_value(y.id) {
            if let Ok(n) = u64::try_from(n.clone()) {
                if n < bits {
                    let n = n as u32;
                    return if op == BinaryOp::Shl {
                        parse_quote!(#a << #n)
                    } else {
                        parse_quote!(#a >> #n)
                    };
                }
            }
        }
        let n = self.value(y);
        let n = paren_if_needed(n);
        self.use_support("rt");
        if op == BinaryOp::Shl {
            parse_quote!(crate::support::rt::shl(#a, #n as u64))
        } else {
            parse_quote!(crate::support::rt::shr(#a, #n as u64))
        }
    }

    /// Whether `e` calls function `name` of standard-library package `pkg` (`strconv.Itoa(n)`).
    pub fn is_std_call(&self, e: &Expr, pkg: &str, name: &str) -> bool {
        let ExprKind::Call { func, .. } = &crate::builtins::strip_parens(e).kind else {
            return false;
        };
        let ExprKind::Selector { x, sel } = &crate::builtins::strip_parens(func).kind else {
            return false;
        };
        sel.name == name
            && self.obj_of(x).is_some_and(
                |o| matches!(self.obj(o).kind, ObjKind::PkgName(p) if self.prog.pkg(p).path == pkg),
            )
    }

    /// `a + b + c` on strings → `format!("{}{}{}", a, b, c)`.
    fn concat(&mut self, e: &Expr) -> syn::Expr {
        let mut parts = Vec::new();
        flatten_concat(e, &mut parts);
        let mut fmt = String::new();
        let mut args = Vec::new();
        for p in parts {
            if let Some(s) = self.const_str(p) {
                fmt.push_str(&s.value().replace('{', "{{").replace('}', "}}"));
            } else {
                fmt.push_str("{}");
                let v = self.borrowed(p);
                // `strconv.Itoa(n)` / `strconv.FormatBool(b)` formats as `n` itself does.
                let v = match v {
                    syn::Expr::MethodCall(m)
                        if m.method == "to_string"
                            && m.args.is_empty()
                            && (self.is_std_call(p, "strconv", "Itoa")
                                || self.is_std_call(p, "strconv", "FormatBool")) =>
                    {
                        *m.receiver
                    }
                    v => v,
                };
                args.push(v);
            }
        }
        if args.is_empty() {
            let lit = syn::LitStr::new(
                &fmt.replace("{{", "{").replace("}}", "}"),
                proc_macro2::Span::call_site(),
            );
            return parse_quote!(String::from(#lit));
        }
        let lit = syn::LitStr::new(&fmt, proc_macro2::Span::call_site());
        parse_quote!(format!(#lit, #(#args),*))
    }

    /// `func(...) {...}` as a value: a reference-counted closure (`Arc`, and `Send`, in a
    /// package with `go` statements: what it captures must then be able to cross threads).
    pub fn func_lit(&mut self, e: &Expr) -> syn::Expr {
        if self.analysis.local_closures.contains_key(&e.id) {
            // (A closure that borrows what it uses, bound to a local: see `local_closures`.)
            return match self.closure(e) {
                Some(c) => c,
                None => self.unsupported(e, "function literal"),
            };
        }
        if self.threaded {
            for obj in self
                .analysis
                .free_vars
                .get(&e.id)
                .cloned()
                .unwrap_or_default()
            {
                if !self.sendable(self.obj(obj).ty) {
                    let what = format!(
                        "function literal capturing `{}`, which cannot cross threads",
                        self.obj(obj).name
                    );
                    return self.unsupported(e, &what);
                }
            }
        }
        let Some(closure) = self.closure(e) else {
            return self.unsupported(e, "function literal");
        };
        let rc = self.rc_path();
        parse_quote!(#rc::new(#closure))
    }
}

fn flatten_concat<'e>(e: &'e Expr, out: &mut Vec<&'e Expr>) {
    match &e.kind {
        ExprKind::Binary {
            op: BinaryOp::Add,
            x,
            y,
        } => {
            flatten_concat(x, out);
            flatten_concat(y, out);
        }
        ExprKind::Paren(x)
            if matches!(
                x.kind,
                ExprKind::Binary {
                    op: BinaryOp::Add,
                    ..
                }
            ) =>
        {
            flatten_concat(x, out)
        }
        _ => out.push(e),
    }
}

/// Parenthesizes a dereference (`*x.borrow()`) used as the base of a field access, index or
/// method call.
/// The part `s[a..b]` of a string that `s[a..b].to_string()` copies (a substring), where a
/// `&str` will do.
pub fn str_slice_copy(v: &syn::Expr) -> Option<&syn::Expr> {
    match v {
        syn::Expr::MethodCall(m)
            if m.method == "to_string"
                && m.args.is_empty()
                && matches!(&*m.receiver, syn::Expr::Index(ix)
                    if matches!(&*ix.index, syn::Expr::Range(_))) =>
        {
            Some(&m.receiver)
        }
        _ => None,
    }
}

pub fn as_base(e: syn::Expr) -> syn::Expr {
    match e {
        syn::Expr::Unary(_) | syn::Expr::Binary(_) | syn::Expr::Cast(_) => parse_quote!((#e)),
        e => e,
    }
}

pub fn paren_if_needed(e: syn::Expr) -> syn::Expr {
    match e {
        syn::Expr::Binary(_) | syn::Expr::Cast(_) | syn::Expr::Unary(_) | syn::Expr::Range(_) => {
            parse_quote!((#e))
        }
        e => e,
    }
}

fn comparison(op: BinaryOp, a: syn::Expr, b: syn::Expr) -> syn::Expr {
    let (a, b) = (paren_if_needed(a), paren_if_needed(b));
    match op {
        BinaryOp::Eq => parse_quote!(#a == #b),
        BinaryOp::Ne => parse_quote!(#a != #b),
        BinaryOp::Lt => parse_quote!(#a < #b),
        BinaryOp::Le => parse_quote!(#a <= #b),
        BinaryOp::Gt => parse_quote!(#a > #b),
        _ => parse_quote!(#a >= #b),
    }
}

/// Whether one operand borrows a cell mutably and the other reads a cell: evaluated in one
/// expression, the first borrow would still be alive (a `RefCell` panic).
pub(crate) fn borrows_conflict(a: &syn::Expr, b: &syn::Expr) -> bool {
    let (a, b) = (
        quote::ToTokens::to_token_stream(a).to_string(),
        quote::ToTokens::to_token_stream(b).to_string(),
    );
    (a.contains("borrow_mut") && b.contains("borrow"))
        || (b.contains("borrow_mut") && a.contains("borrow"))
}

/// Whether generated code reads through a shared cell (`x.borrow()`, `x.borrow_mut()`): such
/// a borrow must end before an assignment, a mutable borrow of the same cell, or a blocking
/// channel operation.
pub fn reads_cell(e: &impl quote::ToTokens) -> bool {
    e.to_token_stream().to_string().contains("borrow")
}

/// Whether generated code reaches through a shared cell or a nullable owned pointer
/// (`some_ref(&p)`, `some_mut(&mut p)`).
pub fn reaches_cell(e: &impl quote::ToTokens) -> bool {
    let s = e.to_token_stream().to_string();
    s.contains("borrow") || s.contains("some_ref") || s.contains("some_mut")
}

/// Whether a place holds a mutable borrow of a cell or of a nullable owned pointer while the
/// rest of its expression is evaluated (`x.borrow_mut().m`, `some_mut(&mut p).m`).
pub fn borrows_for_write(e: &impl quote::ToTokens) -> bool {
    let s = e.to_token_stream().to_string();
    s.contains("borrow_mut") || s.contains("some_mut")
}
