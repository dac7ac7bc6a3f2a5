//! Calls: ordinary function and method calls, conversions, and Go's builtin functions
//! (`len cap append make new delete copy panic print println min max`).

use crate::ctx::Ctx;
use crate::expr::paren_if_needed;
use crate::names;
use goxide_ast::ast::{Expr, ExprKind};
use goxide_types::{BasicKind, Builtin, Mode, ObjId, ObjKind, SelectionKind, Type, TypeId};
use syn::parse_quote;

/// Arguments evaluated into one call (or one `fmt` argument list) keep their temporaries until
/// the end of the statement: a method call through a shared cell (`p.borrow_mut().m()`) would
/// still hold its borrow while a later argument borrows the same cell, and panic. When several
/// arguments borrow cells and one borrows mutably, each call argument that borrows mutably is
/// evaluated in a block of its own, `{ let v = p.borrow_mut().m(); v }`, which ends the borrow.
pub fn release_borrows(go_args: &[Expr], vals: &mut [syn::Expr]) {
    let text: Vec<String> = vals
        .iter()
        .map(|v| quote::ToTokens::to_token_stream(v).to_string())
        .collect();
    let borrowing = text.iter().filter(|t| t.contains("borrow")).count();
    if borrowing < 2 || !text.iter().any(|t| t.contains("borrow_mut")) {
        return;
    }
    for ((v, t), a) in vals.iter_mut().zip(&text).zip(go_args) {
        if t.contains("borrow_mut") && matches!(strip_parens(a).kind, ExprKind::Call { .. }) {
            *v = parse_quote!({
                let v = #v;
                v
            });
        }
    }
}

impl Ctx<'_> {
    pub fn call(&mut self, e: &Expr) -> syn::Expr {
        let raw = std::mem::take(&mut self.raw_ctor_call);
        let raw_result = std::mem::take(&mut self.raw_result_call);
        let call = self.call_inner(e);
        if let Some(f) = self.result_callee(e) {
            // A function returning `errors::Result`: Go's pair, unless the caller takes the
            // result itself.
            if raw_result || matches!(&call, syn::Expr::Macro(_)) {
                return call;
            }
            return self.result_as_pair(f, call);
        }
        let elem = self.type_of(e).and_then(|t| match self.under(t) {
            Type::Pointer(x) => Some(*x),
            _ => None,
        });
        if let (Some(f), false, Some(_)) = (self.ctor_of_call(e), raw, elem) {
            if !matches!(&call, syn::Expr::Macro(_)) {
                // A constructor returns the value; a caller keeping a pointer makes the cell.
                if self.analysis.ptr_params.nullable_ctors.contains(&f) {
                    return self.ptr_map(call, elem);
                }
                return self.ptr_new_of(call, elem);
            }
        }
        call
    }

    fn call_inner(&mut self, e: &Expr) -> syn::Expr {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &e.kind
        else {
            return self.unsupported(e, "call");
        };
        let callee = strip_parens(func);
        match self.mode_of(callee) {
            Some(Mode::Type) => {
                let [arg] = args.as_slice() else {
                    return self.unsupported(e, "conversion");
                };
                let Some(t) = self.type_of(callee) else {
                    return self.unsupported(e, "conversion");
                };
                return self.conversion(e, arg, t);
            }
            Some(Mode::Builtin) => return self.builtin_call(e, callee, args, *ellipsis),
            _ => {}
        }
        if let ExprKind::Selector { x, sel } = &callee.kind {
            if let Some(selection) = self.info.selections.get(&callee.id).cloned() {
                if selection.kind == SelectionKind::MethodVal {
                    return self.method_call(e, x, &sel.name, &selection, args, *ellipsis);
                }
            } else if matches!(self.mode_of(x), Some(Mode::Package)) {
                let pkg_path = self.obj_of(x).and_then(|o| match self.obj(o).kind {
                    ObjKind::PkgName(p) => Some(self.prog.pkg(p).path.clone()),
                    _ => None,
                });
                if let Some(path) = pkg_path {
                    return self.stdlib_call(e, &path, &sel.name, args, *ellipsis);
                }
            }
        }
        let Some(ft) = self.type_of(callee) else {
            return self.unsupported(e, "call");
        };
        let Type::Func(sig) = self.under(ft).clone() else {
            return self.unsupported(e, "call of non-function");
        };
        if !self.sig_translatable(&sig) || self.generic_iface_in_sig(callee) {
            return self.unsupported(
                e,
                "call of a function whose signature goxide cannot translate yet",
            );
        }
        if sig.params.len() > 1 {
            if let Some((bind, temps)) = self.spread_call(args) {
                let mut call = e.clone();
                if let ExprKind::Call { args, .. } = &mut call.kind {
                    *args = temps;
                }
                // (The outer call makes a result Go's pair.)
                self.raw_result_call = true;
                let c = self.call(&call);
                self.raw_result_call = false;
                return parse_quote!({
                    #bind
                    #c
                });
            }
        }
        // Borrowed pointer parameters of a direct call take their arguments as borrows.
        let ptr_modes = self
            .direct_callee(callee)
            .and_then(|f| self.analysis.ptr_params.fn_modes.get(&f).cloned());
        if let Some(modes) = ptr_modes {
            return self.borrowing_call(e, callee, args, &sig, &modes);
        }
        let Some(args) = self.call_args(e, args, &sig, *ellipsis) else {
            return self.unsupported(e, "call arguments");
        };
        // A direct call of a function declared in this package.
        if let ExprKind::Ident(name) = &callee.kind {
            if let Some(obj) = self.obj_of(callee) {
                if matches!(self.obj(obj).kind, ObjKind::Func { .. })
                    && self.prog.func_type_params.contains_key(&obj)
                {
                    let Some(id) = self.instance_ident(callee, obj) else {
                        return self.unsupported(e, "call of a generic function");
                    };
                    return self.call_lending(e, obj, args, &sig, id);
                }
                if matches!(self.obj(obj).kind, ObjKind::Func { .. }) {
                    let id = if name == "main" {
                        syn::Ident::new("go_main", proc_macro2::Span::call_site())
                    } else {
                        self.var_name(obj)
                    };
                    return self.call_lending(e, obj, args, &sig, id);
                }
            }
        }
        if let ExprKind::Index { x: f, .. } = &callee.kind {
            if let Some(obj) = self
                .obj_of(f)
                .filter(|o| self.prog.func_type_params.contains_key(o))
            {
                let id = self
                    .instance_ident(callee, obj)
                    .or_else(|| self.instance_ident(f, obj));
                let Some(id) = id else {
                    return self.unsupported(e, "call of a generic function");
                };
                return self.call_lending(e, obj, args, &sig, id);
            }
        }
        if let ExprKind::FuncLit { .. } = &callee.kind {
            let Some(c) = self.closure(callee) else {
                return self.unsupported(e, "function literal");
            };
            return parse_quote!((#c)(#(#args),*));
        }
        // A local closure taking captured variables as parameters: each call lends them.
        let mut args = args;
        if let Some(threads) = self
            .obj_of(callee)
            .and_then(|o| self.analysis.closure_threads.get(&o).cloned())
        {
            for (v, changes) in threads {
                let id = self.var_name(v);
                args.push(if changes {
                    parse_quote!(&mut #id)
                } else {
                    parse_quote!(&#id)
                });
            }
        }
        let f = self.borrowed(callee);
        if matches!(&f, syn::Expr::Macro(m) if m.mac.path.is_ident("todo")) {
            return f;
        }
        let f = paren_if_needed(f);
        match f {
            syn::Expr::Path(_) => parse_quote!(#f(#(#args),*)),
            f => parse_quote!((#f)(#(#args),*)),
        }
    }

    /// Call `e` of package function `obj` (named `id`) with its borrowed slice and map
    /// parameters lent. A package variable lent mutably (`fill(nums)`) is lent from inside its
    /// cell, the whole call running in `NUMS.with_borrow_mut(|g| fill(&mut g[..]))`, so that the
    /// callee's writes land in the variable as in Go.
    fn call_lending(
        &mut self,
        e: &Expr,
        obj: goxide_types::ObjId,
        args: Vec<syn::Expr>,
        sig: &goxide_types::types::Signature,
        id: syn::Ident,
    ) -> syn::Expr {
        let args = self.lend_str_args(e, obj, args);
        let build = |ctx: &mut Self| {
            let (binds, args) = ctx.lend_slice_args(e, obj, args, sig);
            with_binds(binds, parse_quote!(#id(#(#args),*)))
        };
        match self.global_lent_mutably(e, obj) {
            Some(a) => self.through_global(a, build),
            None => build(self),
        }
    }

    /// The arguments of call `e` of function `obj`, those of its `&str` parameters borrowed
    /// (see `str_params`).
    fn lend_str_args(
        &mut self,
        e: &Expr,
        obj: goxide_types::ObjId,
        mut args: Vec<syn::Expr>,
    ) -> Vec<syn::Expr> {
        let Some(flags) = self.analysis.str_params.fns.get(&obj).cloned() else {
            return args;
        };
        let ExprKind::Call { args: go_args, .. } = &e.kind else {
            return args;
        };
        for (i, is_str) in flags.into_iter().enumerate() {
            if let (true, Some(a), Some(v)) = (is_str, go_args.get(i), args.get(i).cloned()) {
                args[i] = self.str_param_arg(a, v);
            }
        }
        args
    }

    /// The argument of call `e` that lends a package variable (or part of one) to a `&mut`
    /// slice or map parameter of `obj`, when no other argument names that variable.
    fn global_lent_mutably<'e>(&self, e: &'e Expr, obj: goxide_types::ObjId) -> Option<&'e Expr> {
        let modes = self.analysis.fn_param_modes.get(&obj)?;
        let ExprKind::Call { args, .. } = &e.kind else {
            return None;
        };
        modes.iter().enumerate().find_map(|(i, m)| {
            let a = args.get(i)?;
            let root = self
                .global_root(a)
                .filter(|_| *m == Some(crate::analysis::SliceMode::MutRef))
                .filter(|&r| self.global_override != Some(r))?;
            let alone = args
                .iter()
                .enumerate()
                .all(|(j, b)| j == i || !crate::subslice::mentions(self.info, b, root));
            alone.then_some(a)
        })
    }

    /// The arguments of call `e` of function `obj`, those of its borrowed slice and map
    /// parameters lent (`&xs`, `&mut m`).
    fn lend_slice_args(
        &mut self,
        e: &Expr,
        obj: goxide_types::ObjId,
        mut args: Vec<syn::Expr>,
        sig: &goxide_types::types::Signature,
    ) -> (Vec<syn::Stmt>, Vec<syn::Expr>) {
        let mut binds = Vec::new();
        let Some(modes) = self.analysis.fn_param_modes.get(&obj).cloned() else {
            return (binds, args);
        };
        let ExprKind::Call { args: go_args, .. } = &e.kind else {
            return (binds, args);
        };
        use crate::analysis::SliceMode;
        for (i, m) in modes.iter().enumerate() {
            let (Some(m), true) = (m, i < go_args.len() && i < args.len()) else {
                continue;
            };
            // Another argument lends the same variable mutably (`add(m, m)`): this one reads a
            // copy.
            let aliased = *m == SliceMode::Ref
                && modes.iter().enumerate().any(|(j, mj)| {
                    j != i
                        && *mj == Some(SliceMode::MutRef)
                        && go_args.get(j).is_some_and(|aj| {
                            crate::stmt::root_ident(strip_parens(aj))
                                .and_then(|r| self.obj_of(r))
                                .is_some_and(|o| {
                                    crate::subslice::mentions(self.info, &go_args[i], o)
                                })
                        })
                });
            if aliased {
                let v = match sig.params.get(i) {
                    Some(&pt) => self.value_as(&go_args[i], pt),
                    None => self.value(&go_args[i]),
                };
                // (Bound before the call: the mutable borrow is taken first.)
                let t = quote::format_ident!("copy{i}");
                binds.push(parse_quote!(let #t = #v;));
                args[i] = parse_quote!(&#t);
                continue;
            }
            args[i] = self.slice_param_arg(go_args, i, *m, sig.params.get(i).copied());
        }
        (binds, args)
    }

    /// The Rust name of the instantiation a generic function's use refers to, queueing it for
    /// translation when it was first met inside another instantiation.
    pub fn instance_ident(
        &mut self,
        callee: &Expr,
        obj: goxide_types::ObjId,
    ) -> Option<syn::Ident> {
        if self.parametric.contains(&obj) {
            // One Rust generic function: its type arguments are inferred.
            return Some(self.var_name(obj));
        }
        let args = self.info.instances.get(&callee.id).cloned()?;
        let args: Vec<TypeId> = args.iter().map(|&t| self.resolve(t)).collect();
        if args
            .iter()
            .any(|&t| crate::decl::mentions_local_type(self.prog, t, 0))
        {
            return None;
        }
        if args
            .iter()
            .any(|&t| crate::decl::mentions_type_param(self.prog, t, 0))
        {
            return self.env_instance_ident(obj, args);
        }
        if !self
            .mono_instances
            .get(&obj)
            .is_some_and(|v| v.contains(&args))
        {
            self.mono_instances
                .entry(obj)
                .or_default()
                .push(args.clone());
            self.mono_queue.push((obj, args.clone()));
        }
        self.mono_ident(obj, &args)
    }

    /// The Rust name of an instantiation whose type arguments mention the type parameters of
    /// the instantiation being translated, queueing it with that instantiation's substitution.
    fn env_instance_ident(
        &mut self,
        obj: goxide_types::ObjId,
        args: Vec<TypeId>,
    ) -> Option<syn::Ident> {
        // (Not inside the function itself: its type parameters would stand for themselves.)
        let tps = self.prog.func_type_params.get(&obj).cloned()?;
        if tps.iter().any(|p| self.subst.contains_key(p)) || self.subst.is_empty() {
            return None;
        }
        let name = self.mono_ident(obj, &args)?;
        let text = name.to_string();
        let concrete: Vec<Vec<TypeId>> = self.mono_instances.get(&obj).cloned().unwrap_or_default();
        let taken = concrete
            .iter()
            .any(|a| self.mono_ident(obj, a).is_some_and(|n| n == name));
        if !taken && self.mono_env_names.insert(text) {
            self.mono_env_queue.push((obj, args, self.subst.clone()));
        }
        Some(name)
    }

    /// Whether every parameter and result type has a Rust form.
    /// Whether `callee` is a generic function whose declared signature holds an interface
    /// or struct type written with its type parameters (`interface{ bar() T }`,
    /// `struct{ a, b T }`): its instances have no Rust type for it (see `is_anon_iface`), so
    /// they are stubs.
    fn generic_iface_in_sig(&self, callee: &Expr) -> bool {
        let Some(f) = self.direct_callee(callee) else {
            return false;
        };
        if !self.prog.func_type_params.contains_key(&f) {
            return false;
        }
        let Type::Func(sig) = self.prog.types.under(self.obj(f).ty) else {
            return false;
        };
        sig.params
            .iter()
            .chain(&sig.results)
            .any(|&t| match self.prog.types.get(t) {
                Type::Interface(i) => i
                    .all_methods
                    .iter()
                    .any(|m| crate::decl::mentions_type_param(self.prog, m.sig, 0)),
                Type::Struct(_) => crate::decl::mentions_type_param(self.prog, t, 0),
                _ => false,
            })
    }

    pub fn sig_translatable(&mut self, sig: &goxide_types::types::Signature) -> bool {
        let ts: Vec<TypeId> = sig.params.iter().chain(&sig.results).copied().collect();
        ts.into_iter().all(|t| self.rust_type(t).is_some())
    }

    /// Argument `i` of a call, passed to a borrowed slice or map parameter (`&xs`, `&mut xs`,
    /// `&mut xs[a..b]`).
    fn slice_param_arg(
        &mut self,
        go_args: &[Expr],
        i: usize,
        m: crate::analysis::SliceMode,
        pt: Option<TypeId>,
    ) -> syn::Expr {
        let a = &go_args[i];
        if self.slice_param_of(a).is_some() {
            return self.borrowed(a);
        }
        let mutable = m == crate::analysis::SliceMode::MutRef;
        // A mutable borrow must be the only use of its variable in the call.
        let exclusive = !mutable
            || crate::stmt::root_ident(a)
                .and_then(|r| self.obj_of(r))
                .is_some_and(|o| {
                    go_args
                        .iter()
                        .enumerate()
                        .all(|(j, other)| j == i || !crate::subslice::mentions(self.info, other, o))
                });
        if exclusive {
            if let Some(b) = self.slice_arg(a, mutable) {
                return b;
            }
        }
        let b = crate::expr::as_base(
            if self.is_place(a)
                && self
                    .global_root(a)
                    .is_none_or(|r| self.global_override == Some(r))
            {
                self.place(a)
            } else {
                match pt {
                    Some(pt) => self.value_as(a, pt),
                    None => self.value(a),
                }
            },
        );
        match m {
            crate::analysis::SliceMode::Ref => parse_quote!(&#b),
            crate::analysis::SliceMode::MutRef => parse_quote!(&mut #b),
        }
    }

    /// A call of a package function with borrowed pointer parameters (see `ptr_params`):
    /// `f(&mut v)`, `f(p)` for a pointer that is itself a borrow, `f(&mut *q.borrow_mut())`
    /// for a shared pointer. When an argument names the root of a shared pointer that is lent,
    /// every argument is evaluated into a temporary first, in Go's order, so that no cell is
    /// read while it is lent.
    fn borrowing_call(
        &mut self,
        e: &Expr,
        callee: &Expr,
        args: &[Expr],
        sig: &goxide_types::types::Signature,
        modes: &[Option<crate::analysis::SliceMode>],
    ) -> syn::Expr {
        use crate::analysis::SliceMode;
        let Some(f) = self.direct_callee(callee) else {
            return self.unsupported(e, "call");
        };
        let id = if self.prog.func_type_params.contains_key(&f) {
            let id = self
                .instance_ident(callee, f)
                .or_else(|| match &callee.kind {
                    ExprKind::Index { x, .. } => self.instance_ident(x, f),
                    _ => None,
                });
            let Some(id) = id else {
                return self.unsupported(e, "call of a generic function");
            };
            id
        } else {
            self.var_name(f)
        };
        // (A variadic function's variadic arguments are collected into a slice after the
        // fixed ones, as for any call.)
        let fixed = if sig.variadic {
            sig.params.len().saturating_sub(1)
        } else {
            sig.params.len()
        };
        let ellipsis = matches!(e.kind, ExprKind::Call { ellipsis: true, .. });
        let arity_ok = if sig.variadic {
            args.len() >= fixed && (!ellipsis || args.len() == sig.params.len())
        } else {
            args.len() == sig.params.len()
        };
        if !arity_ok {
            return self.unsupported(e, "call arguments");
        }
        let slice_modes = self
            .analysis
            .fn_param_modes
            .get(&f)
            .cloned()
            .unwrap_or_default();
        // Shared pointers lent here whose root another argument names.
        let clash = args.iter().enumerate().any(|(i, a)| {
            modes.get(i).copied().flatten().is_some()
                && !self.is_self_ptr(a)
                && crate::stmt::root_ident(strip_parens(a))
                    .and_then(|r| self.obj_of(r))
                    .is_some_and(|o| {
                        args.iter().enumerate().any(|(j, other)| {
                            j != i && crate::subslice::mentions(self.info, other, o)
                        })
                    })
        });
        let mut binds: Vec<syn::Stmt> = Vec::new();
        let mut out: Vec<syn::Expr> = Vec::new();
        for (i, a) in args.iter().enumerate().take(fixed) {
            let pt = sig.params[i];
            let Some(mode) = modes.get(i).copied().flatten() else {
                let v = match slice_modes.get(i).copied().flatten() {
                    Some(m) => self.slice_param_arg(args, i, m, Some(pt)),
                    None if self.link_view_arg(e, i) => self.link_view(a),
                    None if self.link_mut_arg(e, i) => self.link_mut(a),
                    None if self.is_callback_arg(e, i) => self.callback_arg(a),
                    None if self.is_handle_arg(e, i) => self.handle_arg(a),
                    None => self.value_as(a, pt),
                };
                if clash {
                    let t = syn::Ident::new(&format!("a{i}"), proc_macro2::Span::call_site());
                    binds.push(parse_quote!(let #t = #v;));
                    out.push(parse_quote!(#t));
                } else {
                    out.push(v);
                }
                continue;
            };
            let a = strip_parens(a);
            // An optional borrow (`Option<&mut T>`, see `ptr_params`): `None` for nil, the
            // caller's own optional borrow passed on, or `Some` of the borrow lent.
            let optional = self
                .analysis
                .ptr_params
                .fn_optional
                .get(&f)
                .and_then(|v| v.get(i).copied())
                .unwrap_or(false);
            let some = |v: syn::Expr| -> syn::Expr {
                if optional {
                    parse_quote!(Some(#v))
                } else {
                    v
                }
            };
            if optional {
                if let Some(v) = self.optional_passed(a, mode) {
                    out.push(v);
                    continue;
                }
            }
            if let Some(lent) = self.lend_without_cell(a, mode) {
                out.push(some(lent));
                continue;
            }
            if self.is_frozen_ptr(a) && mode == SliceMode::Ref && !clash {
                let lent = self.lent_frozen(a);
                out.push(some(lent));
                continue;
            }
            let mut p = crate::expr::as_base(self.borrowed(a));
            if let syn::Expr::Call(c) = &p {
                // `Some(cell)`: the pointer to a variable's cell lends the cell.
                if matches!(&*c.func, syn::Expr::Path(f) if f.path.is_ident("Some"))
                    && c.args.len() == 1
                    && !clash
                {
                    let cell = crate::expr::paren_if_needed(c.args[0].clone());
                    out.push(some(match mode {
                        SliceMode::Ref => parse_quote!(&*#cell.borrow()),
                        SliceMode::MutRef => parse_quote!(&mut *#cell.borrow_mut()),
                    }));
                    continue;
                }
            }
            if matches!(&p, syn::Expr::Path(n) if n.path.is_ident("None")) {
                // A nil pointer of the parameter's type, lent: it panics as Go's dereference.
                if let Some(t) = self.rust_type(pt) {
                    p = parse_quote!((None as #t));
                }
            }
            if clash {
                let t = syn::Ident::new(&format!("a{i}"), proc_macro2::Span::call_site());
                let v = self.value_as(a, pt);
                binds.push(parse_quote!(let #t = #v;));
                p = parse_quote!(#t);
            }
            if optional {
                // A shared pointer that may be nil: its cell borrowed for the call, if any.
                let g = syn::Ident::new(&format!("g{i}"), proc_macro2::Span::call_site());
                let p = crate::expr::paren_if_needed(p);
                match mode {
                    SliceMode::Ref => {
                        binds.push(parse_quote!(let #g = #p.as_ref().map(|c| c.borrow());));
                        out.push(parse_quote!(#g.as_deref()));
                    }
                    SliceMode::MutRef => {
                        binds.push(parse_quote!(let mut #g = #p.as_ref().map(|c| c.borrow_mut());));
                        out.push(parse_quote!(#g.as_deref_mut()));
                    }
                }
                continue;
            }
            out.push(match mode {
                SliceMode::Ref => parse_quote!(&*#p.as_ref().unwrap().borrow()),
                SliceMode::MutRef => parse_quote!(&mut *#p.as_ref().unwrap().borrow_mut()),
            });
        }
        if sig.variadic {
            let rest = match (ellipsis, args.last()) {
                (true, Some(last)) => Some(self.value(last)),
                _ => match self.under(sig.params[fixed]).clone() {
                    Type::Slice(et) => {
                        let rest: Vec<syn::Expr> = args
                            .iter()
                            .skip(fixed)
                            .map(|a| self.value_as(a, et))
                            .collect();
                        Some(parse_quote!(vec![#(#rest),*]))
                    }
                    _ => None,
                },
            };
            let Some(rest) = rest else {
                return self.unsupported(e, "call arguments");
            };
            if clash {
                binds.push(parse_quote!(let rest = #rest;));
                out.push(parse_quote!(rest));
            } else {
                out.push(rest);
            }
        }
        if binds.is_empty() {
            return parse_quote!(#id(#(#out),*));
        }
        // (The call is bound before the block ends: a borrow guard made in the block's last
        // expression would outlive the arguments it borrows.)
        parse_quote!({
            #(#binds)*
            let r = #id(#(#out),*);
            r
        })
    }

    /// Whether `x` calls a chaining method (see `chaining`), which returns `&mut Self`.
    pub fn is_chaining_call(&self, x: &Expr) -> bool {
        let ExprKind::Call { func, .. } = &strip_parens(x).kind else {
            return false;
        };
        self.info
            .selections
            .get(&strip_parens(func).id)
            .is_some_and(|s| {
                s.kind == SelectionKind::MethodVal && self.analysis.chaining.contains(&s.obj)
            })
    }

    /// The function a call names directly: `f(…)`, or `f[T](…)` of a generic one.
    fn direct_callee(&self, callee: &Expr) -> Option<goxide_types::ObjId> {
        match &callee.kind {
            ExprKind::Ident(_) => self.obj_of(callee),
            ExprKind::Index { x, .. } if matches!(x.kind, ExprKind::Ident(_)) => self
                .obj_of(x)
                .filter(|f| self.prog.func_type_params.contains_key(f)),
            _ => None,
        }
    }

    /// A pointer argument lent to a borrowed parameter without a cell: a borrow passed on,
    /// an owned local (`&mut v`), a lent address (`&mut x.f`), a composite (`&mut T { … }`);
    /// `None` for a pointer that only its cell can lend.
    fn lend_without_cell(
        &mut self,
        a: &Expr,
        mode: crate::analysis::SliceMode,
    ) -> Option<syn::Expr> {
        use crate::analysis::SliceMode;
        let a = strip_parens(a);
        if self.is_owned_field(a) {
            // A field owning its pointee lends it (see `owned_fields`): `box_mut(&mut s.f)`,
            // panicking as Go does when it is nil.
            return Some(self.box_lent(a, mode == SliceMode::MutRef));
        }
        if let Some(f) = self.ctor_of_call(a) {
            // A constructor's value, lent for the call (`&mut new_t()`), panicking as Go does
            // when a constructor that may return nil did.
            if !self.analysis.ptr_params.nullable_ctors.contains(&f) {
                let v = self.ctor_value(a)?;
                return Some(match mode {
                    SliceMode::Ref => parse_quote!(&#v),
                    SliceMode::MutRef => parse_quote!(&mut #v),
                });
            }
            let v = self.ctor_some_value(a)?;
            self.use_support("rt");
            return Some(match mode {
                SliceMode::Ref => parse_quote!(crate::support::rt::some_ref(&#v)),
                SliceMode::MutRef => parse_quote!(crate::support::rt::some_mut(&mut #v)),
            });
        }
        if self.is_nullable(a) {
            let r = self.nullable_deref(a, mode == SliceMode::MutRef);
            return Some(match mode {
                SliceMode::Ref => parse_quote!(&#r),
                SliceMode::MutRef => parse_quote!(&mut #r),
            });
        }
        if self.is_self_ptr(a) {
            let r = self.ref_ptr(a);
            return Some(match (self.is_owned_ptr(a), mode) {
                (false, _) => r,
                (true, SliceMode::Ref) => parse_quote!(&#r),
                (true, SliceMode::MutRef) => parse_quote!(&mut #r),
            });
        }
        let ExprKind::Unary {
            op: goxide_ast::ast::UnaryOp::Addr,
            x,
        } = &a.kind
        else {
            return None;
        };
        let x = strip_parens(x);
        let v = if matches!(x.kind, ExprKind::CompositeLit { .. }) {
            self.value(x)
        } else if self.analysis.ptr_params.lent_exprs.contains(&a.id) {
            // Lent for reading: a read of the variable (a cell is borrowed, not borrowed
            // mutably, so other reads in the same expression stay possible).
            match mode {
                SliceMode::Ref => crate::expr::as_base(self.borrowed(x)),
                SliceMode::MutRef => crate::expr::as_base(self.place(x)),
            }
        } else {
            return None;
        };
        Some(match mode {
            SliceMode::Ref => parse_quote!(&#v),
            SliceMode::MutRef => parse_quote!(&mut #v),
        })
    }

    /// A pointer to a frozen value lent to a borrowed parameter (`&T`): the value in the
    /// `Option` (`&T { … }` for a new one).
    fn lent_frozen(&mut self, a: &Expr) -> syn::Expr {
        let p = crate::expr::as_base(self.borrowed(strip_parens(a)));
        if let syn::Expr::Call(c) = &p {
            if matches!(&*c.func, syn::Expr::Path(f) if f.path.is_ident("Some"))
                && c.args.len() == 1
            {
                let v = c.args[0].clone();
                return parse_quote!(&#v);
            }
        }
        if matches!(&p, syn::Expr::Path(n) if n.path.is_ident("None")) {
            if let Some(t) = self.type_of(a).and_then(|t| self.rust_type(t)) {
                return parse_quote!((None as #t).as_ref().unwrap());
            }
        }
        parse_quote!(#p.as_ref().unwrap())
    }

    /// [`Ctx::lend_without_cell`], or else a borrow of the pointer's cell.
    /// The argument of an optional borrowed parameter (see `ptr_params`) when it may be nil
    /// itself: `nil` (`None`), the caller's own optional borrow passed on
    /// (`p.as_deref_mut()`), a local or a constructor's result that may be nil, or a pointer to
    /// a value nothing changes (`p.as_ref()`). `None` for the others, which are lent as `Some`.
    fn optional_passed(&mut self, a: &Expr, mode: crate::analysis::SliceMode) -> Option<syn::Expr> {
        use crate::analysis::SliceMode;
        let a = strip_parens(a);
        if self.is_untyped_nil(a) {
            return Some(parse_quote!(None));
        }
        if self.is_nullable(a) {
            let id = self.var_name(self.obj_of(a)?);
            return Some(match mode {
                SliceMode::Ref => parse_quote!(#id.as_ref()),
                SliceMode::MutRef => parse_quote!(#id.as_mut()),
            });
        }
        if let Some(f) = self.ctor_of_call(a) {
            if !self.analysis.ptr_params.nullable_ctors.contains(&f) {
                return None;
            }
            let v = crate::expr::paren_if_needed(self.ctor_some_value(a)?);
            return Some(match mode {
                SliceMode::Ref => parse_quote!(#v.as_ref()),
                SliceMode::MutRef => parse_quote!(#v.as_mut()),
            });
        }
        if self.is_frozen_ptr(a) && !self.is_self_ptr(a) && mode == SliceMode::Ref {
            let p = crate::expr::as_base(self.borrowed(a));
            return Some(parse_quote!(#p.as_ref()));
        }
        let o = self.obj_of(a).filter(|&o| self.is_optional_param(o))?;
        let id = self.var_name(o);
        let own = self.analysis.ptr_params.params.get(&o).copied();
        Some(match (mode, own) {
            (SliceMode::MutRef, _) => parse_quote!(#id.as_deref_mut()),
            (SliceMode::Ref, Some(SliceMode::MutRef)) => parse_quote!(#id.as_deref()),
            (SliceMode::Ref, _) => parse_quote!(#id),
        })
    }

    fn lent_arg(&mut self, a: &Expr, mode: crate::analysis::SliceMode) -> syn::Expr {
        if let Some(lent) = self.lend_without_cell(a, mode) {
            return lent;
        }
        if self.is_frozen_ptr(a) && mode == crate::analysis::SliceMode::Ref {
            return self.lent_frozen(a);
        }
        let p = crate::expr::as_base(self.borrowed(strip_parens(a)));
        match mode {
            crate::analysis::SliceMode::Ref => parse_quote!(&*#p.as_ref().unwrap().borrow()),
            crate::analysis::SliceMode::MutRef => {
                parse_quote!(&mut *#p.as_ref().unwrap().borrow_mut())
            }
        }
    }

    /// Arguments converted to the parameter types; variadic arguments collected into a `Vec`.
    pub fn call_args(
        &mut self,
        e: &Expr,
        args: &[Expr],
        sig: &goxide_types::types::Signature,
        ellipsis: bool,
    ) -> Option<Vec<syn::Expr>> {
        if args.len() == 1
            && sig.params.len() > 1
            && self
                .type_of(&args[0])
                .is_none_or(|t| matches!(self.ty(t), Type::Tuple(_)))
        {
            return None; // f(g()) with a multi-value g
        }
        let mut out = Vec::new();
        let fixed = if sig.variadic {
            sig.params.len().saturating_sub(1)
        } else {
            sig.params.len()
        };
        let callee = match &e.kind {
            ExprKind::Call { func, .. } => called_func(self.info, func),
            _ => None,
        };
        for (i, a) in args.iter().enumerate().take(fixed) {
            let t = *sig.params.get(i)?;
            if self.link_view_arg(e, i) {
                out.push(self.link_view(a));
                continue;
            }
            if self.link_mut_arg(e, i) {
                out.push(self.link_mut(a));
                continue;
            }
            if self.is_callback_arg(e, i) {
                out.push(self.callback_arg(a));
                continue;
            }
            if self.is_handle_arg(e, i) {
                out.push(self.handle_arg(a));
                continue;
            }
            // (A slice or map the callee stores in a field: see `field_shares`.)
            if let Some(c) = callee {
                let shares = &self.analysis.field_shares;
                let fields: Vec<goxide_types::ObjId> = shares.stored_in(c, i).collect();
                let param_written = shares
                    .param(c, i)
                    .is_some_and(|p| self.analysis.elem_mutated.contains(&p));
                if !fields.is_empty() {
                    self.field_copy_marker(a, &fields, param_written);
                }
            }
            out.push(self.value_as(a, t));
        }
        release_borrows(args, &mut out);
        if sig.variadic {
            let st = *sig.params.last()?;
            if ellipsis {
                out.push(self.value(args.last()?));
            } else {
                let Type::Slice(et) = self.under(st).clone() else {
                    return None;
                };
                let rest: Vec<syn::Expr> = args
                    .iter()
                    .skip(fixed)
                    .map(|a| self.value_as(a, et))
                    .collect();
                out.push(parse_quote!(vec![#(#rest),*]));
            }
        }
        Some(out)
    }

    fn method_call(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        selection: &goxide_types::Selection,
        args: &[Expr],
        ellipsis: bool,
    ) -> syn::Expr {
        // A method of a generic type sees its receiver's type parameters as the type
        // arguments of the instantiation it is called on.
        // `(&v).M()` is `v.M()`: the method gets `v`'s address either way.
        if let ExprKind::Unary {
            op: goxide_ast::ast::UnaryOp::Addr,
            x: inner,
        } = &strip_parens(x).kind
        {
            if matches!(self.mode_of(inner), Some(Mode::Variable))
                && !matches!(strip_parens(inner).kind, ExprKind::CompositeLit { .. })
            {
                return self.method_call(e, inner, name, selection, args, ellipsis);
            }
        }
        if self.anon_struct_receiver(x) {
            return self.unsupported(e, "method promoted through an anonymous struct");
        }
        let mut bind = self.method_instance_subst(selection);
        // In a generic instantiation, the type argument's own method (of a generic type) has
        // its receiver's type parameters.
        let m = self.effective_method(selection.obj, x, name);
        if m != selection.obj {
            bind.extend(self.recv_type_args(m, x));
        }
        if bind.is_empty() {
            return self.method_call_inner(e, x, name, selection, args, ellipsis);
        }
        let saved = self.subst.clone();
        self.subst.extend(bind);
        let call = self.method_call_inner(e, x, name, selection, args, ellipsis);
        self.subst = saved;
        call
    }

    /// Whether `x` is of a type parameter (or a pointer to one) whose type argument is an
    /// anonymous struct type (or a pointer to one): its methods are all promoted from embedded
    /// fields, and its Rust struct has no methods of its own.
    fn anon_struct_receiver(&self, x: &Expr) -> bool {
        let Some(t) = self.type_of(x) else {
            return false;
        };
        let t = match self.prog.types.get(t) {
            Type::Pointer(b) => *b,
            _ => t,
        };
        if !matches!(self.prog.types.get(t), Type::TypeParam { .. }) {
            return false;
        }
        let t = self.resolve(t);
        let t = match self.prog.types.get(t) {
            Type::Pointer(b) => self.resolve(*b),
            _ => t,
        };
        matches!(self.prog.types.get(t), Type::Struct(_))
    }

    /// Receiver type parameter → type argument, for a method of a generic type selected on
    /// an instantiation.
    pub fn method_instance_subst(
        &self,
        selection: &goxide_types::Selection,
    ) -> Vec<(goxide_types::TypeId, goxide_types::TypeId)> {
        let strip = |t| match self.prog.types.get(t) {
            Type::Pointer(b) => *b,
            _ => t,
        };
        let ObjKind::Func { recv } = self.obj(selection.obj).kind else {
            return vec![];
        };
        // The type the method is found on: the receiver, or the embedded field the path leads to.
        let mut t = selection.recv;
        for &idx in &selection.path {
            let Type::Struct(fields) = self.prog.types.under(strip(t)) else {
                return vec![];
            };
            let Some(f) = fields.get(idx) else {
                return vec![];
            };
            t = f.ty;
        }
        let Some(r) = recv else {
            // A method of an interface (an embedded field's, or the receiver's own): its
            // signature mentions the generic interface's type parameters.
            let Type::Named(tn) = self.prog.types.get(strip(t)) else {
                return vec![];
            };
            let Some(Type::Named(o)) = tn.origin.map(|o| self.prog.types.get(o)) else {
                return vec![];
            };
            return o
                .type_params
                .iter()
                .copied()
                .zip(tn.type_args.iter().copied())
                .filter(|(p, a)| p != a)
                .collect();
        };
        let Type::Named(rn) = self.prog.types.get(strip(r)) else {
            return vec![];
        };
        if rn.type_args.is_empty() {
            return vec![];
        }
        match self.prog.types.get(strip(t)) {
            Type::Named(tn) if tn.obj == rn.obj => rn
                .type_args
                .iter()
                .copied()
                .zip(tn.type_args.iter().copied())
                .filter(|(p, a)| p != a)
                .collect(),
            _ => vec![],
        }
    }

    /// Receiver type parameter of method `m` → type argument of `x`'s type (an instantiation
    /// of `m`'s generic type, or a pointer to one).
    fn recv_type_args(
        &self,
        m: goxide_types::ObjId,
        x: &Expr,
    ) -> Vec<(goxide_types::TypeId, goxide_types::TypeId)> {
        let strip = |t| match self.prog.types.get(t) {
            Type::Pointer(b) => *b,
            _ => t,
        };
        let ObjKind::Func { recv: Some(r) } = self.obj(m).kind else {
            return vec![];
        };
        let Some(xt) = self.type_of(x) else {
            return vec![];
        };
        let xt = self.resolve(xt);
        let base = match self.ty(xt) {
            Type::Pointer(b) => self.resolve(*b),
            _ => xt,
        };
        match (self.prog.types.get(strip(r)), self.prog.types.get(base)) {
            (Type::Named(rn), Type::Named(tn)) if rn.obj == tn.obj => rn
                .type_args
                .iter()
                .copied()
                .zip(tn.type_args.iter().copied())
                .filter(|(p, a)| p != a)
                .collect(),
            _ => vec![],
        }
    }

    /// The method a call of `x.name` runs: in a generic instantiation, the selected method may
    /// be the constraint's, and the type argument's own method decides how the receiver is
    /// passed.
    fn effective_method(
        &self,
        selected: goxide_types::ObjId,
        x: &Expr,
        name: &str,
    ) -> goxide_types::ObjId {
        if self.subst.is_empty() {
            return selected;
        }
        let Some(xt) = self.type_of(x) else {
            return selected;
        };
        let xt = self.resolve(xt);
        let base = match self.ty(xt) {
            Type::Pointer(b) => self.resolve(*b),
            _ => xt,
        };
        if !matches!(self.ty(base), Type::Named(_)) {
            return selected;
        }
        self.prog
            .methods_of(base)
            .into_iter()
            .find(|&d| self.obj(d).name == name)
            .unwrap_or(selected)
    }

    fn method_call_inner(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        selection: &goxide_types::Selection,
        args: &[Expr],
        ellipsis: bool,
    ) -> syn::Expr {
        let m = self.effective_method(selection.obj, x, name);
        let mo = self.obj(m);
        if let ObjKind::Func { recv: Some(rt) } = mo.kind {
            // A method promoted from an embedded stand-in type.
            let base = match self.under(rt) {
                Type::Pointer(b) => *b,
                _ => rt,
            };
            if self.stub_types.contains(&base) {
                return self.unsupported(e, "method of a type goxide cannot translate yet");
            }
        }
        if let Some(xt) = self.type_of(x) {
            let base = match self.under(xt) {
                Type::Pointer(b) => *b,
                _ => xt,
            };
            if self.is_strings_builder(base) {
                return self.builder_method(e, x, name, args);
            }
            if self.is_bytes_buffer(base) {
                return self.buffer_method(e, x, name, args);
            }
            match crate::stdlib::std_handle(self.prog, xt) {
                Some(("bufio", "Scanner")) => return self.scanner_method(e, x, name, args),
                Some(("container/list" | "container/ring", _)) => {
                    return self.container_method(e, x, name, args)
                }
                Some(("text/tabwriter", _)) => return self.tabwriter_method(e, x, name, args),
                Some(("encoding/csv", _)) => return self.csv_method(e, x, name, args),
                Some(("net/url", _)) => return self.url_method(e, x, name, args),
                Some(("encoding/base64", _)) => return self.base64_method(e, x, name, args),
                Some(("encoding/json", "Encoder")) => {
                    return self.json_encoder_method(e, x, name, args)
                }
                Some(("math/big", _)) => return self.big_method(e, x, name, args),
                Some(("regexp", _)) => return self.regexp_method(e, x, name, args),
                Some(("text/template", _)) => return self.template_method(e, x, name, args),
                Some(("time", _)) => {
                    if let Some(call) = self.time_method(e, x, name, args) {
                        return call;
                    }
                }
                Some(kind @ (("os", "File") | ("bufio", _))) => {
                    return self.handle_method(e, x, kind, name, args)
                }
                Some(_) => return self.unsupported(e, &format!("method {name} of this type")),
                None => {}
            }
            if crate::stdlib::is_url_values(self.prog, base) {
                return self.url_values_method(e, x, name, args);
            }
            if self.stub_types.contains(&base) {
                return self.unsupported(e, "method of a type goxide cannot translate yet");
            }
        }
        if mo.name == "Error" && self.type_of(x).is_some_and(|t| self.is_error(t)) {
            let v = self.borrowed(x);
            self.use_support("errors");
            return parse_quote!(crate::support::errors::message(&#v));
        }
        if mo.name == "String" && self.type_of(x).is_some_and(|t| self.is_std_stringer(t)) {
            let v = self.borrowed(x);
            self.use_support("iface");
            return parse_quote!(crate::support::iface::string_of(&#v));
        }
        if let Some(call) = self.sync_method(x, name, args) {
            return call;
        }
        if let Some(call) = self.time_method(e, x, name, args) {
            return call;
        }
        if let Some(call) = self.reflect_method(e, x, name, args) {
            return call;
        }
        if let Some(call) = self.context_method(e, x, name, args) {
            return call;
        }
        if let Some(call) = self.byte_order_method(e, x, name, args) {
            return call;
        }
        if let Some(call) = self.std_stream_method(x, name, args) {
            return call;
        }
        // `v.(runtime.Error).Error()` on a recovered value.
        if let ExprKind::TypeAssert {
            x: inner,
            ty: Some(_),
        } = &strip_parens(x).kind
        {
            let runtime_error = self.type_of(x).is_some_and(|t| match self.ty(t) {
                Type::Named(n) => {
                    let o = self.obj(n.obj);
                    o.name == "Error" && o.pkg.is_some_and(|p| self.prog.pkg(p).path == "runtime")
                }
                _ => false,
            });
            if runtime_error
                && name == "Error"
                && args.is_empty()
                && self
                    .type_of(inner)
                    .is_some_and(|t| self.is_empty_interface(t))
            {
                let v = self.borrowed(inner);
                self.use_support("iface");
                return parse_quote!(crate::support::iface::runtime_error_message(&#v));
            }
        }
        if mo.pkg != Some(self.pkg) {
            return self.unsupported(e, "method of another package's type");
        }
        let ptr_recv = matches!(&mo.kind, ObjKind::Func { recv: Some(r) } if matches!(self.ty(*r), Type::Pointer(_)));
        // A pointer method that only reads its receiver is called through a shared borrow; a
        // value method that writes only through map fields is called on the original.
        let ptr_mut = (ptr_recv && !self.readonly_ptr_methods.contains(&m))
            || self.map_write_methods.contains(&m);
        if let Some(xt) = self.type_of(x) {
            let base = match self.under(xt) {
                Type::Pointer(b) => *b,
                _ => xt,
            };
            if self.is_trait_iface(base) {
                // The selector's type: the method's signature for the interface's type
                // arguments (`I[int].M`).
                let selected = match &e.kind {
                    ExprKind::Call { func, .. } => self.type_of(func),
                    _ => None,
                };
                let sig = match selected.map(|t| self.under(t).clone()) {
                    Some(Type::Func(sig)) => sig,
                    _ => sig_of(self, m),
                };
                if !self.sig_translatable(&sig) {
                    return self.unsupported(
                        e,
                        "call of a method whose signature goxide cannot translate yet",
                    );
                }
                let Some(args) = self.call_args(e, args, &sig, ellipsis) else {
                    return self.unsupported(e, "call arguments");
                };
                let recv = crate::expr::as_base(self.borrowed(x));
                let mid = self.method_ident(m, name);
                return parse_quote!(#recv.as_ref().unwrap().#mid(#(#args),*));
            }
            if self.is_interface(base) || self.rust_type(base).is_none() {
                return self.unsupported(e, "method call on an interface value");
            }
        }
        let Type::Func(sig) = self.under(mo.ty).clone() else {
            return self.unsupported(e, "method call");
        };
        if !self.sig_translatable(&sig) {
            return self.unsupported(
                e,
                "call of a method whose signature goxide cannot translate yet",
            );
        }
        let slice_modes = self
            .analysis
            .fn_param_modes
            .get(&m)
            .cloned()
            .unwrap_or_default();
        let args = match self.analysis.ptr_params.fn_modes.get(&m).cloned() {
            // Borrowed pointer parameters (see `ptr_params`): the analysis only lets through
            // arguments that need no cell.
            Some(modes) if !ellipsis && args.len() == sig.params.len() => {
                let mut out = Vec::new();
                let optional = self
                    .analysis
                    .ptr_params
                    .fn_optional
                    .get(&m)
                    .cloned()
                    .unwrap_or_default();
                for (i, a) in args.iter().enumerate() {
                    let opt = optional.get(i).copied().unwrap_or(false);
                    out.push(match modes.get(i).copied().flatten() {
                        Some(mode) if opt => match self.optional_passed(a, mode) {
                            Some(v) => v,
                            None => {
                                let v = self.lent_arg(a, mode);
                                parse_quote!(Some(#v))
                            }
                        },
                        Some(mode) => self.lent_arg(a, mode),
                        None if self.link_view_arg(e, i) => self.link_view(a),
                        None if self.link_mut_arg(e, i) => self.link_mut(a),
                        None if self.is_callback_arg(e, i) => self.callback_arg(a),
                        None if self.is_handle_arg(e, i) => self.handle_arg(a),
                        None => match slice_modes.get(i).copied().flatten() {
                            Some(sm) => self.slice_param_arg(args, i, sm, Some(sig.params[i])),
                            None => self.value_as(a, sig.params[i]),
                        },
                    });
                }
                out
            }
            _ => {
                let Some(args) = self.call_args(e, args, &sig, ellipsis) else {
                    return self.unsupported(e, "call arguments");
                };
                let args = self.lend_str_args(e, m, args);
                // Borrowed slice and map parameters (see `method_slices`), whose arguments
                // name distinct variables: nothing to bind first.
                let (binds, args) = self.lend_slice_args(e, m, args, &sig);
                if !binds.is_empty() {
                    return self.unsupported(e, "call lending one variable to two parameters");
                }
                args
            }
        };
        let Some(xt) = self.type_of(x) else {
            return self.unsupported(e, "method call");
        };
        if self.analysis.ptr_value_methods.contains(&m) {
            return self.ptr_value_method_call(e, x, xt, m, selection, args);
        }
        let x_is_ptr = matches!(self.under(xt), Type::Pointer(_));
        // A chaining call's result is the borrow of its receiver it returns (see `chaining`).
        let chained = self.is_chaining_call(x);
        // Walk embedded fields to the receiver.
        let mut recv = crate::expr::as_base(if chained && self.value_receiver_moves(m) {
            let c = self.borrowed(x);
            parse_quote!((*#c).clone())
        } else if chained {
            self.borrowed(x)
        } else if self.is_nullable(x) {
            self.nullable_deref(x, ptr_mut)
        } else if ptr_mut && (!x_is_ptr || self.is_box_ptr(x) || self.is_map_value_index(x)) {
            self.place(x)
        } else if self.value_receiver_moves(m) && self.is_self_ptr(x) {
            // The method takes a copy of the pointee.
            let r = self.ref_ptr(x);
            if self.is_owned_ptr(x) {
                parse_quote!(#r.clone())
            } else {
                parse_quote!((*#r).clone())
            }
        } else if self.value_receiver_moves(m) {
            self.value(x)
        } else {
            self.borrowed(x)
        });
        let mut t = xt;
        let mut self_ptr = (chained && !self.value_receiver_moves(m)) || self.is_self_ptr(x);
        // (A field owning its pointee is reached through as a link is.)
        let mut boxed = self.is_owned_field(x);
        for &idx in &selection.path {
            if let Type::Pointer(elem) = self.under(t).clone() {
                recv = if std::mem::take(&mut self_ptr) {
                    recv
                } else if std::mem::take(&mut boxed) {
                    self.link_through(recv, ptr_mut)
                } else if self.is_frozen(elem) {
                    parse_quote!(#recv.as_ref().unwrap())
                } else if ptr_mut {
                    parse_quote!(#recv.as_ref().unwrap().borrow_mut())
                } else {
                    parse_quote!(#recv.as_ref().unwrap().borrow())
                };
                t = elem;
            }
            let Type::Struct(fields) = self.under(t).clone() else {
                break;
            };
            let Some(f) = fields.get(idx) else {
                return self.unsupported(e, "method call");
            };
            let fname = names::ident(&self.field_name_at(f, idx));
            recv = parse_quote!(#recv.#fname);
            t = f.ty;
        }
        // The receiver is a `Ref`/`RefMut` or a reference (`self`), not a place (a local
        // pointer owning its value is one).
        let owned = self.is_owned_ptr(x);
        let mut smart = self_ptr && !owned;
        if matches!(self.under(t), Type::Pointer(_)) && !self_ptr {
            smart = true;
            let narrowed = self
                .obj_of(strip_parens(x))
                .is_some_and(|o| self.narrowed.contains(&o))
                && self.type_of(x) == Some(t);
            recv = if narrowed {
                // A view past its nil guard (see `nil_guards`): a plain reference.
                recv
            } else if std::mem::take(&mut boxed) || self.is_link_ptr_type(t) {
                self.link_through(recv, ptr_mut)
            } else if self.is_frozen_ptr_type(t) {
                parse_quote!(#recv.as_ref().unwrap())
            } else if ptr_mut {
                parse_quote!(#recv.as_ref().unwrap().borrow_mut())
            } else {
                parse_quote!(#recv.as_ref().unwrap().borrow())
            };
        }
        let mid = self.method_ident(m, name);
        // A method promoted from an embedded interface field.
        if !selection.path.is_empty() && self.is_trait_iface(t) {
            return parse_quote!(#recv.as_ref().unwrap().#mid(#(#args),*));
        }
        // Methods of a named non-struct type live in its extension trait (taking `self` by
        // value when the type is `Copy`); several such types can share one Rust type
        // (`type A int`, `type B int`), so the call names the trait.
        let t = match self.under(t) {
            Type::Pointer(elem) => self.resolve(*elem),
            _ => self.resolve(t),
        };
        // (In a generic instantiation, `m` may be the constraint's method: the type argument's
        // own method decides how the receiver is passed.)
        let declared = self
            .prog
            .methods_of(t)
            .into_iter()
            .find(|&d| self.obj(d).name == name);
        if let (false, Some(m)) = (
            matches!(
                self.under(t),
                Type::Struct(_) | Type::Pointer(_) | Type::Interface(_)
            ),
            declared,
        ) {
            let ptr_recv = matches!(&self.obj(m).kind, ObjKind::Func { recv: Some(r) } if matches!(self.ty(*r), Type::Pointer(_)));
            let ptr_mut = ptr_recv && !self.readonly_ptr_methods.contains(&m);
            if let (Some(name), Some(tr)) = (self.named_type_ident(t), self.ext_trait_ident(t)) {
                if ptr_recv {
                    // The receiver may be a `RefMut`/`Ref` or a reference: naming the type lets
                    // `&mut recv` coerce to `&mut T`.
                    let recv: syn::Expr = if self_ptr && !owned {
                        recv
                    } else if ptr_mut {
                        parse_quote!(&mut #recv)
                    } else {
                        parse_quote!(&#recv)
                    };
                    return parse_quote!(<#name as #tr>::#mid(#recv, #(#args),*));
                }
                let recv: syn::Expr = if self.is_copy(t) && smart {
                    parse_quote!(*#recv)
                } else if self.value_receiver_moves(m) && smart {
                    parse_quote!(#recv.clone())
                } else if self.is_copy(t) || self.value_receiver_moves(m) {
                    recv
                } else if smart {
                    parse_quote!(&*#recv)
                } else {
                    parse_quote!(&#recv)
                };
                return parse_quote!(#tr::#mid(#recv, #(#args),*));
            }
        }
        // Arguments that read through a RefCell are evaluated before the receiver is borrowed
        // mutably (as Go evaluates them before the call).
        if crate::expr::reads_cell(&recv) && args.iter().any(crate::expr::reads_cell) {
            let temps: Vec<syn::Ident> = (0..args.len())
                .map(|i| syn::Ident::new(&format!("a{i}"), proc_macro2::Span::call_site()))
                .collect();
            return parse_quote!({
                #(let #temps = #args;)*
                #recv.#mid(#(#temps),*)
            });
        }
        parse_quote!(#recv.#mid(#(#args),*))
    }

    /// `x.M(…)` of a method that takes its receiver as a pointer value (see `ptr_receivers`):
    /// `T::m(x.clone(), …)`, or `T::m(Some(v.clone()), …)` for a variable `v` in a shared cell.
    fn ptr_value_method_call(
        &mut self,
        e: &Expr,
        x: &Expr,
        xt: TypeId,
        m: ObjId,
        selection: &goxide_types::Selection,
        args: Vec<syn::Expr>,
    ) -> syn::Expr {
        if !selection.path.is_empty() || self.is_self_ptr(x) {
            return self.unsupported(e, "call of a method that takes its receiver as a pointer");
        }
        let recv = match self.under(xt) {
            Type::Pointer(_) => self.value(x),
            _ if matches!(strip_parens(x).kind, ExprKind::Ident(_))
                && self.obj_of(x).is_some_and(|o| {
                    self.analysis.boxed.contains(&o) && !self.is_global_var(o)
                }) =>
            {
                self.address_of(e, strip_parens(x))
            }
            _ => {
                return self.unsupported(e, "call of a method that takes its receiver as a pointer")
            }
        };
        let base = match self.under(xt) {
            Type::Pointer(b) => *b,
            _ => xt,
        };
        let base = self.resolve(base);
        let Some(ty) = self.rust_type(base) else {
            return self.unsupported(e, "call of a method that takes its receiver as a pointer");
        };
        let mid = self.method_ident(m, &self.obj(m).name);
        let ty = type_qualifier(&ty);
        parse_quote!(#ty::#mid(#recv, #(#args),*))
    }

    /// The destination of `copy`: a slice variable, or a re-slice of one (`dst[1:]`).
    /// `e` without conversions that change nothing in Rust (see [`noop_conversion_arg`]).
    fn unconverted<'e>(&self, mut e: &'e Expr) -> &'e Expr {
        while let Some(x) = noop_conversion_arg(self.info, &self.prog.types, e) {
            e = x;
        }
        e
    }

    pub(crate) fn slice_target(&mut self, d: &Expr) -> syn::Expr {
        let d = self.unconverted(d);
        if let ExprKind::Slice {
            x,
            lo,
            hi,
            max: None,
            ..
        } = &strip_parens(d).kind
        {
            let base = crate::expr::as_base(self.place(x));
            let lo = lo.as_deref().map(|l| self.index_usize(l));
            let hi = hi.as_deref().map(|h| self.index_usize(h));
            return match (lo, hi) {
                (Some(l), Some(h)) => parse_quote!((#base[#l..#h])),
                (Some(l), None) => parse_quote!((#base[#l..])),
                (None, Some(h)) => parse_quote!((#base[..#h])),
                (None, None) => parse_quote!((#base[..])),
            };
        }
        crate::expr::as_base(self.place(d))
    }

    /// The `String`/`Vec<u8>` of a `strings.Builder` or `bytes.Buffer` receiver `x`: the
    /// variable or field itself, or what a pointer to one points to (`mutable`: to write).
    fn buffer_recv(&mut self, x: &Expr, mutable: bool) -> syn::Expr {
        let through_ptr = self
            .type_of(x)
            .is_some_and(|t| matches!(self.under(t), Type::Pointer(_)));
        crate::expr::as_base(match (through_ptr, mutable) {
            (true, _) => self.pointee(x, mutable),
            (false, true) => self.place(x),
            (false, false) => self.borrowed(x),
        })
    }

    /// Methods of `strings.Builder` (a `String`).
    fn builder_method(&mut self, e: &Expr, x: &Expr, name: &str, args: &[Expr]) -> syn::Expr {
        match (name, args) {
            ("WriteString", [s]) => {
                let b = self.buffer_recv(x, true);
                let arg: syn::Expr = match self.const_str(s) {
                    Some(l) => parse_quote!(#l),
                    None => {
                        let v = self.borrowed(s);
                        parse_quote!(&#v)
                    }
                };
                parse_quote!(#b.push_str(#arg))
            }
            ("WriteByte", [c]) => {
                let b = self.buffer_recv(x, true);
                let v = paren_if_needed(self.value(c));
                if let syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Byte(l),
                    ..
                }) = &v
                {
                    // `b.WriteByte('=')`: the character itself.
                    let ch = syn::LitChar::new(l.value() as char, l.span());
                    return parse_quote!(#b.push(#ch));
                }
                parse_quote!(#b.push(#v as char))
            }
            ("WriteRune", [r]) => {
                let b = self.buffer_recv(x, true);
                let v = paren_if_needed(self.value(r));
                parse_quote!(#b.push(char::from_u32(#v as u32).unwrap_or('\u{FFFD}')))
            }
            ("String", []) if self.analysis.last_uses.contains(&strip_parens(x).id) => {
                // The builder's last use (`return b.String()`): its `String` moves out.
                self.value(strip_parens(x))
            }
            ("String", []) => {
                let b = self.buffer_recv(x, false);
                parse_quote!(#b.clone())
            }
            ("Len", []) => {
                let b = self.buffer_recv(x, false);
                parse_quote!(#b.len() as i64)
            }
            ("Reset", []) => {
                let b = self.buffer_recv(x, true);
                parse_quote!(#b.clear())
            }
            _ => self.unsupported(e, &format!("strings.Builder.{name}")),
        }
    }

    /// The value of an integer constant expression.
    fn const_int_of(&self, e: &Expr) -> Option<i64> {
        match self.info.const_value(e.id)? {
            goxide_types::ConstValue::Int(n) => num_traits::ToPrimitive::to_i64(n),
            _ => None,
        }
    }

    /// Methods of `bytes.Buffer` (a `Vec<u8>`) that write to it or read it whole.
    fn buffer_method(&mut self, e: &Expr, x: &Expr, name: &str, args: &[Expr]) -> syn::Expr {
        match (name, args) {
            ("WriteString", [s]) => {
                let b = self.buffer_recv(x, true);
                let arg: syn::Expr = match self.const_str(s) {
                    Some(l) => parse_quote!(#l),
                    None => paren_if_needed(self.borrowed(s)),
                };
                parse_quote!(#b.extend_from_slice(#arg.as_bytes()))
            }
            ("WriteByte", [c]) => {
                let b = self.buffer_recv(x, true);
                let v: syn::Expr = match self.const_int_of(c).and_then(|n| u8::try_from(n).ok()) {
                    Some(n) if n.is_ascii() => {
                        let l = syn::LitByte::new(n, proc_macro2::Span::call_site());
                        parse_quote!(#l)
                    }
                    _ => self.value(c),
                };
                parse_quote!(#b.push(#v))
            }
            ("WriteRune", [r]) => {
                let b = self.buffer_recv(x, true);
                if let Some(c) = self
                    .const_int_of(r)
                    .and_then(|n| u32::try_from(n).ok())
                    .and_then(char::from_u32)
                {
                    let l = syn::LitStr::new(&c.to_string(), proc_macro2::Span::call_site());
                    return parse_quote!(#b.extend_from_slice(#l.as_bytes()));
                }
                let v = paren_if_needed(self.value(r));
                parse_quote!(#b.extend_from_slice(
                    char::from_u32(#v as u32).unwrap_or('\u{FFFD}').encode_utf8(&mut [0; 4]).as_bytes()
                ))
            }
            ("String", []) => {
                let b = self.buffer_recv(x, false);
                parse_quote!(String::from_utf8_lossy(&#b).into_owned())
            }
            ("Bytes", []) => {
                let b = self.buffer_recv(x, false);
                parse_quote!(#b.clone())
            }
            ("Len", []) => {
                let b = self.buffer_recv(x, false);
                parse_quote!(#b.len() as i64)
            }
            ("Reset", []) => {
                let b = self.buffer_recv(x, true);
                parse_quote!(#b.clear())
            }
            _ => self.unsupported(e, &format!("bytes.Buffer.{name}")),
        }
    }

    /// `T(x)`.
    pub fn conversion(&mut self, e: &Expr, arg: &Expr, t: TypeId) -> syn::Expr {
        if self.info.const_value(arg.id).is_some() && self.basic(t).is_some() {
            if let Some(c) = self.const_of(e, false) {
                return c.unwrap_or_else(|| self.unsupported(e, "constant conversion"));
            }
            return self.value_as(arg, t);
        }
        if self.is_untyped_nil(arg) {
            // `(*T)(nil)`, `Map(nil)`: the type is spelled out, as Rust may not infer it.
            let v = self.value_as(arg, t);
            return match self.rust_type(t) {
                Some(ty) => typed_value(v, ty),
                None => v,
            };
        }
        let Some(from) = self.type_of(arg) else {
            return self.unsupported(e, "conversion");
        };
        if self.is_interface(t) {
            // Conversion to an interface type: the same as assigning to one.
            return self.value_as(arg, t);
        }
        let (fu, tu) = (self.under(from).clone(), self.under(t).clone());
        match (&fu, &tu) {
            (Type::Pointer(_), Type::Basic(BasicKind::UnsafePointer)) => self
                .opaque_address(arg)
                .unwrap_or_else(|| self.unsupported(e, "conversion")),
            // Both are `usize` addresses.
            (Type::Basic(BasicKind::UnsafePointer), Type::Basic(BasicKind::Uintptr))
            | (Type::Basic(BasicKind::Uintptr), Type::Basic(BasicKind::UnsafePointer)) => {
                self.value(arg)
            }
            (Type::Basic(fk), Type::Basic(tk)) => {
                if tk.is_string() {
                    if fk.is_string() {
                        return self.value(arg);
                    }
                    if fk.is_integer() {
                        let v = self.value(arg);
                        let v = paren_if_needed(v);
                        return parse_quote!(char::from_u32(#v as u32).unwrap_or('\u{FFFD}').to_string());
                    }
                    return self.unsupported(e, "conversion to string");
                }
                if fk.is_numeric() && tk.is_numeric() {
                    if fk.is_complex() && tk.is_complex() {
                        let v = self.value(arg);
                        if *tk == goxide_types::BasicKind::Complex64
                            && *fk != goxide_types::BasicKind::Complex64
                        {
                            let v = paren_if_needed(v);
                            return parse_quote!(#v.to_complex64());
                        }
                        return v;
                    }
                    if fk.is_complex() || tk.is_complex() {
                        return self.unsupported(e, "complex conversion");
                    }
                    let v = self.value(arg);
                    let v = paren_if_needed(v);
                    let Some(rt) = crate::types::basic_type(*tk) else {
                        return self.unsupported(e, "conversion");
                    };
                    if fk == tk || same_rust(*fk, *tk) {
                        return v;
                    }
                    return parse_quote!(#v as #rt);
                }
                if fk == tk {
                    return self.value(arg);
                }
                self.unsupported(e, "conversion")
            }
            (Type::Slice(el), Type::Basic(tk)) if tk.is_string() => {
                let v = crate::expr::as_base(self.borrowed(arg));
                match self.basic(*el) {
                    Some(BasicKind::Uint8) => {
                        parse_quote!(String::from_utf8_lossy(&#v).into_owned())
                    }
                    Some(BasicKind::Int32) => {
                        parse_quote!(#v.iter().map(|&r| char::from_u32(r as u32).unwrap_or('\u{FFFD}')).collect::<String>())
                    }
                    _ => self.unsupported(e, "conversion to string"),
                }
            }
            (Type::Basic(fk), Type::Slice(el)) if fk.is_string() => {
                // A constant: `b"…".to_vec()` (`"…".as_bytes().to_vec()` beyond ASCII),
                // `"…".chars()`, with no `String` made first.
                let lit = self.const_str(arg);
                if let (Some(l), Some(BasicKind::Uint8)) = (&lit, self.basic(*el)) {
                    if !l.value().is_ascii() {
                        return parse_quote!(#l.as_bytes().to_vec());
                    }
                    let b = syn::LitByteStr::new(l.value().as_bytes(), l.span());
                    return parse_quote!(#b.to_vec());
                }
                let v = match lit {
                    Some(l) => parse_quote!(#l),
                    None => crate::expr::as_base(self.borrowed(arg)),
                };
                match self.basic(*el) {
                    Some(BasicKind::Uint8) => parse_quote!(#v.as_bytes().to_vec()),
                    Some(BasicKind::Int32) => {
                        parse_quote!(#v.chars().map(|c| c as i32).collect::<Vec<i32>>())
                    }
                    _ => self.unsupported(e, "conversion from string"),
                }
            }
            _ => {
                let (a, b) = (self.rust_type(from), self.rust_type(t));
                if a.is_some() && a == b
                    || (self.prog.identical(
                        self.prog.types.underlying(from),
                        self.prog.types.underlying(t),
                    ) && !matches!(tu, Type::Struct(_)))
                {
                    return self.value(arg);
                }
                if self.is_untyped_nil(arg) {
                    return self.value_as(arg, t);
                }
                if let (Type::Struct(ff), Type::Struct(tf), Some(ty)) = (&fu, &tu, b) {
                    // Between struct types with the same fields (tags aside): field by field.
                    if ff.len() == tf.len() {
                        let v = self.value(arg);
                        let mut inits: Vec<proc_macro2::TokenStream> = Vec::new();
                        for (i, (f, g)) in ff.iter().zip(tf.iter()).enumerate() {
                            let from_name = names::ident(&self.field_name_at(f, i));
                            let to_name = names::ident(&self.field_name_at(g, i));
                            inits.push(quote::quote!(#to_name: v.#from_name));
                        }
                        return parse_quote!({
                            let v = #v;
                            #ty { #(#inits),* }
                        });
                    }
                }
                self.unsupported(e, "conversion")
            }
        }
    }

    fn builtin_call(
        &mut self,
        e: &Expr,
        callee: &Expr,
        args: &[Expr],
        ellipsis: bool,
    ) -> syn::Expr {
        // `unsafe.Sizeof`: the builtin is the selected name.
        let name_obj = match &strip_parens(callee).kind {
            ExprKind::Selector { sel, .. } => self.info.object_of(sel.id),
            _ => self.obj_of(callee),
        };
        let Some(b) = name_obj.and_then(|o| match self.obj(o).kind {
            ObjKind::Builtin(b) => Some(b),
            _ => None,
        }) else {
            return self.unsupported(e, "builtin");
        };
        // `append(f())`, `complex(f())` with a multi-value `f`: its results bound first.
        if matches!(b, Builtin::Append | Builtin::Complex) {
            if let Some((bind, spread)) = self.spread_call(args) {
                let call = self.builtin_call(e, callee, &spread, ellipsis);
                return parse_quote!({
                    #bind
                    #call
                });
            }
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                let [x] = args else {
                    return self.unsupported(e, "len");
                };
                if let Some(c) = self.const_of(e, false) {
                    return c.unwrap_or_else(|| self.unsupported(e, "len"));
                }
                let Some(t) = self.type_of(x) else {
                    return self.unsupported(e, "len");
                };
                if b == Builtin::Cap {
                    if let Some(cap) = self.obj_of(x).and_then(|o| self.subslice_caps.get(&o)) {
                        return parse_quote!(#cap);
                    }
                    if self.slice_param_of(x).is_some() {
                        // A borrowed `&[T]` has no spare capacity to report.
                        self.marker(format!(
                            "semantics: `{}` is the length of the borrowed slice; Go's capacity                              may be larger",
                            self.snippet(e.span)
                        ));
                        let v = paren_if_needed(self.borrowed(x));
                        return parse_quote!(#v.len() as i64);
                    }
                }
                if let Type::Pointer(a) = self.under(t) {
                    if let Type::Array(n, _) = self.under(*a) {
                        // A pointer to an array (nil too): the array's length, after `x`'s
                        // effects.
                        let n = proc_macro2::Literal::i64_unsuffixed(*n as i64);
                        let v = self.for_effects(x);
                        return parse_quote!({
                            let _ = #v;
                            #n
                        });
                    }
                }
                // `len(m[k])` of a string, slice or map value: measured in the map, not copied
                // out of it.
                if let (Builtin::Len, ExprKind::Index { x: mx, indices }) =
                    (b, &strip_parens(x).kind)
                {
                    let mt = self.type_of(mx).map(|t| self.under(t).clone());
                    if let (Some(Type::Map(kt, vt)), [k]) = (mt, indices.as_slice()) {
                        let std = match self.under(vt) {
                            Type::Basic(bk) => bk.is_string(),
                            Type::Slice(_) | Type::Map(..) => true,
                            _ => false,
                        };
                        if std && self.global_root(mx).is_none() {
                            let m = crate::expr::as_base(self.borrowed(mx));
                            let k = self.map_key_ref(k, kt);
                            return parse_quote!(#m.get(#k).map_or(0, |v| v.len() as i64));
                        }
                    }
                }
                let v = self.borrowed(x);
                let v = paren_if_needed(v);
                match (b, self.under(t)) {
                    (Builtin::Cap, Type::Slice(_)) => parse_quote!(#v.capacity() as i64),
                    (
                        Builtin::Len,
                        Type::Basic(_) | Type::Slice(_) | Type::Map(..) | Type::Array(..),
                    ) => parse_quote!(#v.len() as i64),
                    (Builtin::Cap, Type::Array(..)) => parse_quote!(#v.len() as i64),
                    (Builtin::Len, Type::Chan(..)) => parse_quote!(#v.len()),
                    (Builtin::Cap, Type::Chan(..)) => parse_quote!(#v.cap()),
                    _ => self.unsupported(e, "len/cap of this type"),
                }
            }
            Builtin::Append => {
                let Some((s, rest)) = args.split_first() else {
                    return self.unsupported(e, "append");
                };
                if rest.is_empty()
                    && self
                        .type_of(s)
                        .is_some_and(|t| matches!(self.ty(t), Type::Tuple(_)))
                {
                    return self.unsupported(e, "append of a multi-value call");
                }
                let Some(st) = self.type_of(e) else {
                    return self.unsupported(e, "append");
                };
                let base = if self.is_untyped_nil(s) {
                    parse_quote!(Vec::new())
                } else {
                    self.value(s)
                };
                let pushes = self.append_items(e, st, rest, ellipsis);
                // The accumulator must not take the name of a variable the items use.
                let items: Vec<syn::Expr> = pushes
                    .iter()
                    .filter_map(|p| match p {
                        syn::Stmt::Expr(syn::Expr::MethodCall(mc), _) => {
                            Some(syn::Expr::MethodCall(syn::ExprMethodCall {
                                receiver: Box::new(parse_quote!(())),
                                ..mc.clone()
                            }))
                        }
                        _ => None,
                    })
                    .collect();
                let acc = crate::names::temp_not_in("v", &quote::quote!(#base #(#items)*));
                let acc_e: syn::Expr = parse_quote!(#acc);
                let pushes: Vec<syn::Stmt> = pushes
                    .into_iter()
                    .map(|p| crate::stmt::rewrite_receiver(p, &acc_e))
                    .collect();
                parse_quote!({
                    let mut #acc = #base;
                    #(#pushes)*
                    #acc
                })
            }
            Builtin::Make => {
                let Some(t) = self.type_of(e) else {
                    return self.unsupported(e, "make");
                };
                match self.under(t).clone() {
                    Type::Slice(et) => {
                        let et = self.slot(et);
                        // (An empty vector with room needs no zero value of a type parameter.)
                        let bounds = self.param_bounds.clone();
                        let Some(z) = self.zero_value(et) else {
                            return self.unsupported(e, "make of this slice");
                        };
                        let n = args.get(1).map(|a| self.index_usize(a));
                        let c = args.get(2).map(|a| self.index_usize(a));
                        let empty = self.is_const_zero(&args[1]);
                        match (n, c) {
                            (Some(n), None) => parse_quote!(vec![#z; #n]),
                            // `make([]T, 0, n)`: an empty vector with room for `n`.
                            (Some(_), Some(c)) if empty => {
                                self.param_bounds = bounds;
                                match self.rust_type(et) {
                                    Some(ty) => parse_quote!(Vec::<#ty>::with_capacity(#c)),
                                    None => parse_quote!(Vec::with_capacity(#c)),
                                }
                            }
                            (Some(n), Some(c))
                                if args[1..]
                                    .iter()
                                    .all(|a| self.info.const_value(a.id).is_some())
                                    || empty =>
                            {
                                parse_quote!({
                                    let mut v = Vec::with_capacity(#c);
                                    v.resize(#n, #z);
                                    v
                                })
                            }
                            (Some(n), Some(c)) => {
                                // A capacity below the length panics as in Go.
                                self.use_support("rt");
                                parse_quote!({
                                    let (n, c) = (#n, #c);
                                    if c < n {
                                        crate::support::rt::runtime_error(
                                            "runtime error: makeslice: cap out of range",
                                        );
                                    }
                                    let mut v = Vec::with_capacity(c);
                                    v.resize(n, #z);
                                    v
                                })
                            }
                            _ => self.unsupported(e, "make"),
                        }
                    }
                    Type::Map(..) if self.rust_type(t).is_none() => {
                        self.unsupported(e, "make of a map with this key or value type")
                    }
                    Type::Map(k, _) => {
                        let map = self.map_path(k);
                        parse_quote!(#map::new())
                    }
                    Type::Chan(_, et) => {
                        if self.rust_type(et).is_none() {
                            return self.unsupported(e, "make of a channel of this type");
                        }
                        self.use_support("chan");
                        let Some(ety) = self.rust_type(et) else {
                            return self.unsupported(e, "make of a channel of this type");
                        };
                        let n: syn::Expr = match args.get(1) {
                            Some(a) => {
                                let v = paren_if_needed(self.value(a));
                                let k = self.type_of(a).and_then(|t| self.basic(t));
                                if matches!(
                                    k,
                                    Some(BasicKind::Int | BasicKind::Int64 | BasicKind::UntypedInt)
                                ) {
                                    v
                                } else {
                                    parse_quote!(#v as i64)
                                }
                            }
                            None => parse_quote!(0),
                        };
                        parse_quote!(crate::support::chan::Chan::<#ety>::new(#n))
                    }
                    _ => self.unsupported(e, "make of this type"),
                }
            }
            Builtin::New => {
                let Some(Type::Pointer(et)) = self.type_of(e).map(|t| self.under(t).clone()) else {
                    return self.unsupported(e, "new");
                };
                if self.is_big_int(et) {
                    self.use_support("big");
                    return parse_quote!(crate::support::big::Int::new());
                }
                let Some(mut z) = self.zero_value(et) else {
                    return self.unsupported(e, "new of this type");
                };
                // A typed zero: nothing else may fix the cell's number type (`new(T)`, `T int`).
                if matches!(self.under(et), Type::Basic(k) if k.is_integer() || k.is_float()) {
                    let zero = goxide_types::ConstValue::Int(Default::default());
                    if let Some(tz) = self.const_expr(&zero, et, true) {
                        z = tz;
                    }
                }
                // No annotation says the length of `from_fn`'s array here.
                if let Type::Array(n, el) = self.under(et).clone() {
                    if !self.is_copy(el) {
                        let ez = self.zero_value(el);
                        let n = proc_macro2::Literal::usize_unsuffixed(n as usize);
                        // The element type too: a `None` element says nothing of it.
                        z = match self.rust_type(el) {
                            Some(ety) => {
                                parse_quote!(std::array::from_fn::<#ety, #n, _>(|_| #ez))
                            }
                            None => parse_quote!(std::array::from_fn::<_, #n, _>(|_| #ez)),
                        };
                    }
                }
                if self.is_place_ptr(et) {
                    self.use_support("ptr");
                    self.marker("ownership: a pointer is shared through Rc<dyn Place<…>> (support::ptr); an owned value or a borrow may do".into());
                    return parse_quote!(crate::support::ptr::new(#z));
                }
                self.ptr_new_of(z, Some(et))
            }
            Builtin::Delete => {
                let [m, key] = args else {
                    return self.unsupported(e, "delete");
                };
                let Some(Type::Map(kt, _)) = self.type_of(m).map(|t| self.under(t).clone()) else {
                    return self.unsupported(e, "delete");
                };
                let fresh = match &strip_parens(m).kind {
                    ExprKind::CompositeLit { .. } => true,
                    ExprKind::Call { func, .. } => {
                        self.obj_of(strip_parens(func)).is_some_and(|f| {
                            matches!(self.obj(f).kind, ObjKind::Builtin(Builtin::Make))
                        })
                    }
                    _ => false,
                };
                if fresh {
                    // A map no one else sees (`delete(make(…), k)`): evaluated for its effects.
                    let k = paren_if_needed(self.value_as(key, kt));
                    let mv = self.value(m);
                    let Some(mt) = self.type_of(m).and_then(|t| self.rust_type(t)) else {
                        return self.unsupported(e, "delete");
                    };
                    return parse_quote!({
                        let mut m: #mt = #mv;
                        m.remove(&#k);
                    });
                }
                if self.global_root(m).is_none() {
                    let mp = crate::expr::as_base(self.place(m));
                    let k = self.map_key_ref(key, kt);
                    return parse_quote!({ #mp.remove(#k); });
                }
                let k = paren_if_needed(self.value_as(key, kt));
                // The key is computed before the package variable's cell is borrowed.
                let remove = self.through_global(m, |c| {
                    let mp = crate::expr::as_base(c.place(m));
                    parse_quote!({ #mp.remove(&k); })
                });
                block_after(parse_quote!(let k = #k;), remove)
            }
            Builtin::Copy => {
                let [d, s] = args else {
                    return self.unsupported(e, "copy");
                };
                // The source is read before a package variable's cell is borrowed for the
                // destination.
                if self.type_of(s).is_some_and(|t| self.is_string(t)) {
                    let sv = self.borrowed(s);
                    let d = self.unconverted(d);
                    let copy = self.through_global(d, |c| {
                        let dp = c.slice_target(d);
                        parse_quote!({
                            let n = #dp.len().min(src.len());
                            #dp[..n].copy_from_slice(&src.as_bytes()[..n]);
                            n as i64
                        })
                    });
                    return block_after(parse_quote!(let src = &#sv;), copy);
                }
                let sv = self.value(s);
                let d = self.unconverted(d);
                let copy = self.through_global(d, |c| {
                    let dp = c.slice_target(d);
                    parse_quote!({
                        let n = #dp.len().min(src.len());
                        #dp[..n].clone_from_slice(&src[..n]);
                        n as i64
                    })
                });
                block_after(parse_quote!(let src = #sv;), copy)
            }
            Builtin::Panic => {
                let [v] = args else {
                    return self.unsupported(e, "panic");
                };
                let Some(t) = self.type_of(v) else {
                    return self.unsupported(e, "panic");
                };
                if self.is_empty_interface(t) || self.is_error(t) {
                    let x = self.borrowed(v);
                    self.use_support("rt");
                    return if self.is_error(t) {
                        self.use_support("errors");
                        parse_quote!(crate::support::rt::go_panic(crate::support::errors::message(&#x)))
                    } else {
                        parse_quote!(crate::support::rt::go_panic(crate::support::iface::panic_message(&#x)))
                    };
                }
                let arg = if let Some(s) = self.const_str(v) {
                    parse_quote!(#s)
                } else {
                    match self.basic(t) {
                        Some(k)
                            if k.is_string()
                                || k.is_integer()
                                || k.is_float()
                                || k.is_boolean() =>
                        {
                            let v = self.value(v);
                            if !self.prog.types.is_named(t) || matches!(self.ty(t), Type::Basic(_))
                            {
                                v
                            } else if let Some(p) = self.panic_named(v.clone(), t) {
                                return p;
                            } else {
                                let tn = self.prog.type_string(t);
                                self.use_support("rt");
                                parse_quote!(crate::support::rt::Named(#tn, #v))
                            }
                        }
                        _ if self.is_sendable(t)
                            && self.is_formattable(t)
                            && self.rust_type(t).is_some() =>
                        {
                            // The value travels with the panic to `recover()`.
                            let v = self.value(v);
                            self.use_support("iface");
                            self.use_support("fmt");
                            return parse_quote!(crate::support::iface::panic_value(#v));
                        }
                        _ => {
                            // Go prints such a value as its type and address; `recover()`
                            // gets the message, not the value.
                            let tn = self.prog.type_string(t);
                            self.marker(format!(
                                "semantics: recover() of this panic returns its message, not the `{tn}` value"
                            ));
                            let msg = format!("({tn}) 0xc000010000");
                            self.use_support("rt");
                            return parse_quote!(crate::support::rt::go_panic(#msg));
                        }
                    }
                };
                self.use_support("rt");
                parse_quote!(crate::support::rt::go_panic(#arg))
            }
            Builtin::Recover => {
                self.use_support("defer");
                self.use_support("iface");
                parse_quote!(crate::support::iface::recovered(
                    crate::support::defer::recover()
                ))
            }
            Builtin::Print | Builtin::Println => self.builtin_print(e, args, b == Builtin::Println),
            Builtin::Complex => {
                let [re, im] = args else {
                    return self.unsupported(e, "complex");
                };
                if let Some(c) = self.const_of(e, false) {
                    return c.unwrap_or_else(|| self.unsupported(e, "complex constant"));
                }
                let f64t = self.prog.types.basic(BasicKind::Float64);
                let (re, im) = (
                    paren_if_needed(self.value_as(re, f64t)),
                    paren_if_needed(self.value_as(im, f64t)),
                );
                self.use_support("complex");
                parse_quote!(crate::support::complex::complex(#re as f64, #im as f64))
            }
            Builtin::Real | Builtin::Imag => {
                let [z] = args else {
                    return self.unsupported(e, "real/imag");
                };
                if let Some(c) = self.const_of(e, false) {
                    return c.unwrap_or_else(|| self.unsupported(e, "complex constant"));
                }
                let zv = crate::expr::as_base(self.value(z));
                let f = if b == Builtin::Real {
                    quote::quote!(re)
                } else {
                    quote::quote!(im)
                };
                let single =
                    self.type_of(e).and_then(|t| self.basic(t)) == Some(BasicKind::Float32);
                if single {
                    parse_quote!(#zv.#f as f32)
                } else {
                    parse_quote!(#zv.#f)
                }
            }
            Builtin::Min | Builtin::Max => {
                let Some(t) = self.type_of(e) else {
                    return self.unsupported(e, "min/max");
                };
                let mut it = args.iter();
                let Some(first) = it.next() else {
                    return self.unsupported(e, "min/max");
                };
                let mut acc = self.value_as(first, t);
                let float = self.basic(t).is_some_and(|k| k.is_float());
                for a in it {
                    let v = self.value_as(a, t);
                    acc = match (b == Builtin::Min, float) {
                        (true, false) => parse_quote!(std::cmp::min(#acc, #v)),
                        (false, false) => parse_quote!(std::cmp::max(#acc, #v)),
                        (true, true) => parse_quote!(#acc.min(#v)),
                        (false, true) => parse_quote!(#acc.max(#v)),
                    };
                }
                acc
            }
            Builtin::Close => {
                let [c] = args else {
                    return self.unsupported(e, "close");
                };
                let v = crate::expr::as_base(self.borrowed(c));
                let v = paren_if_needed(v);
                parse_quote!(#v.close())
            }
            Builtin::Sizeof | Builtin::Alignof | Builtin::Offsetof => self
                .unsafe_layout(b, args)
                .unwrap_or_else(|| self.unsupported(e, "builtin")),
            _ => self.unsupported(e, "builtin function"),
        }
    }

    /// `v.push(x);` statements for `append(s, items...)`.
    pub fn append_items(
        &mut self,
        _e: &Expr,
        st: TypeId,
        rest: &[Expr],
        ellipsis: bool,
    ) -> Vec<syn::Stmt> {
        let et = match self.under(st) {
            Type::Slice(et) => *et,
            _ => st,
        };
        let mut out = Vec::new();
        if ellipsis {
            if let Some(src) = rest.first() {
                if self.type_of(src).is_some_and(|t| self.is_string(t)) {
                    let s = crate::expr::as_base(self.borrowed(src));
                    out.push(parse_quote!(v.extend_from_slice(#s.as_bytes());));
                } else {
                    let s = crate::expr::as_base(self.borrowed(src));
                    if self.is_copy(et) {
                        out.push(parse_quote!(v.extend_from_slice(&#s);));
                    } else {
                        out.push(parse_quote!(v.extend(#s.iter().cloned());));
                    }
                }
            }
        } else {
            for a in rest {
                let x = self.value_as(a, et);
                out.push(parse_quote!(v.push(#x);));
            }
        }
        out
    }

    fn builtin_print(&mut self, e: &Expr, args: &[Expr], ln: bool) -> syn::Expr {
        // `print(f())` with a multi-value `f`: its results bound first.
        if let Some((bind, spread)) = self.spread_call(args) {
            let call = self.builtin_print(e, &spread, ln);
            return parse_quote!({
                #bind
                #call
            });
        }
        let mut fmt = String::new();
        let mut vals = Vec::new();
        for (i, a) in args.iter().enumerate() {
            if ln && i > 0 {
                fmt.push(' ');
            }
            let Some(t) = self.type_of(a) else {
                return self.unsupported(e, "print argument");
            };
            if let Some(s) = self.const_str(a) {
                fmt.push_str(&s.value().replace('{', "{{").replace('}', "}}"));
                continue;
            }
            match self.under(t).clone() {
                Type::Basic(k) if k.is_complex() => {
                    let t = goxide_types::default_type(&self.prog.types, t);
                    let v = self.value_as(a, t);
                    let v = crate::expr::as_base(v);
                    self.use_support("rt");
                    fmt.push_str("{}");
                    vals.push(parse_quote!(crate::support::rt::print_complex(#v.re, #v.im)));
                }
                Type::Basic(k) if k.is_float() => {
                    let v = self.value_as(a, t);
                    let v = paren_if_needed(v);
                    self.use_support("rt");
                    fmt.push_str("{}");
                    if k == BasicKind::Float32 {
                        vals.push(parse_quote!(crate::support::rt::print_float(#v as f64)));
                    } else {
                        vals.push(parse_quote!(crate::support::rt::print_float(#v)));
                    }
                }
                Type::Basic(k) if k.is_integer() || k.is_boolean() || k.is_string() => {
                    fmt.push_str("{}");
                    let v = if self.info.const_value(a.id).is_some() {
                        let t = goxide_types::default_type(&self.prog.types, t);
                        let Some(Some(c)) = self
                            .info
                            .const_value(a.id)
                            .cloned()
                            .map(|v| self.const_expr(&v, t, true))
                        else {
                            return self.unsupported(e, "print argument");
                        };
                        c
                    } else {
                        self.borrowed(a)
                    };
                    vals.push(v);
                }
                Type::Basic(BasicKind::UntypedNil)
                | Type::Pointer(_)
                | Type::Map(..)
                | Type::Chan(..)
                | Type::Func(_)
                    if self.is_untyped_nil(a)
                        || matches!(self.mode_of(a), Some(Mode::Value))
                            && self.info.const_value(a.id).is_none()
                            && self.is_nil_conversion(a) =>
                {
                    fmt.push_str("0x0");
                }
                Type::Slice(_) if self.is_nil_conversion(a) => fmt.push_str("[0/0]0x0"),
                Type::Interface(_) if self.is_nil_conversion(a) => fmt.push_str("(0x0,0x0)"),
                // `unsafe.Pointer` is a `usize` address.
                Type::Basic(BasicKind::UnsafePointer) => {
                    let v = self.value(a);
                    self.use_support("rt");
                    fmt.push_str("{}");
                    vals.push(parse_quote!(crate::support::rt::print_pointer(#v)));
                }
                // Addresses: Go prints where the value lives; only nil-ness is comparable.
                Type::Pointer(_) if self.is_self_ptr(a) => {
                    // A pointer receiver is `&self`/`&mut self`: never nil.
                    self.use_support("rt");
                    fmt.push_str("{}");
                    let r = self.ref_ptr(a);
                    vals.push(parse_quote!(crate::support::rt::print_pointer(
                        std::ptr::from_ref(&*#r) as usize
                    )));
                }
                Type::Pointer(pt) if self.is_place_ptr(pt) => {
                    let v = self.borrowed(a);
                    self.use_support("rt");
                    self.use_support("ptr");
                    fmt.push_str("{}");
                    vals.push(parse_quote!(crate::support::rt::print_pointer(
                        crate::support::ptr::addr(&#v)
                    )));
                }
                Type::Pointer(_) if self.rust_type(t).is_some() => {
                    let v = crate::expr::as_base(self.borrowed(a));
                    self.use_support("rt");
                    fmt.push_str("{}");
                    let addr: syn::Expr = if self.threaded {
                        parse_quote!(p.as_ptr())
                    } else {
                        parse_quote!(std::rc::Rc::as_ptr(p) as usize)
                    };
                    vals.push(parse_quote!(crate::support::rt::print_pointer(#v.as_ref().map_or(0, |p| #addr))));
                }
                Type::Slice(_) if self.rust_type(t).is_some() => {
                    let v = crate::expr::as_base(self.borrowed(a));
                    self.use_support("rt");
                    fmt.push_str("{}");
                    vals.push(parse_quote!(crate::support::rt::print_slice(#v.len(), #v.len(), #v.as_ptr() as usize)));
                }
                Type::Map(..) if self.rust_type(t).is_some() => {
                    let v = crate::expr::as_base(self.borrowed(a));
                    self.use_support("rt");
                    fmt.push_str("{}");
                    vals.push(
                        parse_quote!(crate::support::rt::print_pointer(&#v as *const _ as usize)),
                    );
                }
                Type::Interface(_) if self.rust_type(t).is_some() => {
                    let v = crate::expr::as_base(self.borrowed(a));
                    fmt.push_str("{}");
                    vals.push(parse_quote!(if #v.is_none() { "(0x0,0x0)" } else { "(0x1,0x1)" }));
                }
                _ => return self.unsupported(e, "print of this type"),
            }
        }
        if ln {
            fmt.push('\n');
        }
        crate::fmt_calls::fmt_macro("eprint", &fmt, vals)
    }
}

/// `(T)(nil)`-style conversions of nil.
impl Ctx<'_> {
    /// `nil` or a conversion of `nil` to a type (`[]int(nil)`, `(func())(nil)`).
    pub(crate) fn is_nil_conversion(&self, e: &Expr) -> bool {
        match &strip_parens(e).kind {
            ExprKind::Call { func, args, .. } => {
                args.len() == 1
                    && matches!(self.mode_of(func), Some(Mode::Type))
                    && matches!(&strip_parens(&args[0]).kind, ExprKind::Ident(n) if n == "nil")
            }
            ExprKind::Ident(n) => n == "nil" && self.is_untyped_nil(e),
            _ => false,
        }
    }
}

/// `call`, after `binds` when there are any: `{ let copy1 = m.clone(); f(&mut m, &copy1) }`.
fn with_binds(binds: Vec<syn::Stmt>, call: syn::Expr) -> syn::Expr {
    if binds.is_empty() {
        return call;
    }
    parse_quote!({
        #(#binds)*
        #call
    })
}

fn sig_of(ctx: &Ctx<'_>, m: goxide_types::ObjId) -> goxide_types::types::Signature {
    match ctx.under(ctx.obj(m).ty) {
        Type::Func(s) => s.clone(),
        _ => goxide_types::types::Signature {
            params: vec![],
            param_names: vec![],
            results: vec![],
            result_names: vec![],
            variadic: false,
        },
    }
}

/// `x` when `e` is a conversion `T(x)` that changes nothing in Rust (the same underlying
/// type, not a struct): `my8(buf[a:b])`, so that it can stand for a place.
pub fn noop_conversion_arg<'e>(
    info: &goxide_types::Info,
    types: &goxide_types::TypeTable,
    e: &'e Expr,
) -> Option<&'e Expr> {
    let ExprKind::Call { func, args, .. } = &strip_parens(e).kind else {
        return None;
    };
    let [arg] = args.as_slice() else {
        return None;
    };
    let callee = info.types.get(&strip_parens(func).id)?;
    if callee.mode != Mode::Type {
        return None;
    }
    let (to, from) = (
        types.underlying(callee.ty),
        types.underlying(info.type_of(arg.id)?),
    );
    (to == from && !matches!(types.get(to), Type::Struct(_))).then_some(arg)
}

/// A type as the qualifier of an associated item: `T` for a plain path, else `<T>`.
pub fn type_qualifier(ty: &syn::Type) -> proc_macro2::TokenStream {
    match ty {
        syn::Type::Path(p)
            if p.qself.is_none()
                && p.path
                    .segments
                    .iter()
                    .all(|s| matches!(s.arguments, syn::PathArguments::None)) =>
        {
            quote::quote!(#ty)
        }
        _ => quote::quote!(<#ty>),
    }
}

/// Whether `e` is the predeclared `nil` (not a variable of that name).
pub fn is_nil_ident(prog: &goxide_types::Program, info: &goxide_types::Info, e: &Expr) -> bool {
    let e = strip_parens(e);
    matches!(e.kind, ExprKind::Ident(_))
        && info
            .uses
            .get(&e.id)
            .is_some_and(|&o| matches!(prog.obj(o).kind, ObjKind::Nil))
}

/// The function or method a call's `func` names (`f`, `s.m`); `None` for a function value,
/// a conversion or a method expression.
pub fn called_func(info: &goxide_types::Info, func: &Expr) -> Option<goxide_types::ObjId> {
    let f = strip_parens(func);
    match &f.kind {
        ExprKind::Ident(_) => info.object_of(f.id),
        ExprKind::Selector { .. } => info
            .selections
            .get(&f.id)
            .filter(|s| s.kind == goxide_types::SelectionKind::MethodVal)
            .map(|s| s.obj),
        _ => None,
    }
}

pub fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}

fn same_rust(a: BasicKind, b: BasicKind) -> bool {
    crate::types::basic_type(a) == crate::types::basic_type(b)
}

/// `{ first; …e }`: `first` then `e`, whose statements are spliced in when it is a block.
fn block_after(first: syn::Stmt, e: syn::Expr) -> syn::Expr {
    let mut stmts = vec![first];
    match e {
        syn::Expr::Block(b) if b.attrs.is_empty() && b.label.is_none() => {
            stmts.extend(b.block.stmts)
        }
        e => stmts.push(syn::Stmt::Expr(e, None)),
    }
    parse_quote!({ #(#stmts)* })
}

/// `v` (a zero value: `None`, `X::new()`) with its type `ty` written out: `None::<T>` for
/// `Option<T>`, `(None as T)`, `<T>::new()`; other expressions unchanged.
pub fn typed_value(v: syn::Expr, ty: syn::Type) -> syn::Expr {
    if let syn::Expr::Group(g) = v {
        return typed_value(*g.expr, ty);
    }
    match &v {
        syn::Expr::Path(p) if p.qself.is_none() && p.path.is_ident("None") => {
            if let syn::Type::Path(tp) = &ty {
                let last = tp.path.segments.last();
                if let Some(seg) = last.filter(|s| s.ident == "Option") {
                    if let syn::PathArguments::AngleBracketed(a) = &seg.arguments {
                        if let [syn::GenericArgument::Type(inner)] =
                            a.args.iter().collect::<Vec<_>>().as_slice()
                        {
                            return parse_quote!(None::<#inner>);
                        }
                    }
                }
            }
            parse_quote!((None as #ty))
        }
        syn::Expr::Call(c) if c.args.is_empty() => match &*c.func {
            syn::Expr::Path(p)
                if p.qself.is_none()
                    && p.path.segments.len() > 1
                    && p.path
                        .segments
                        .last()
                        .is_some_and(|s| s.ident == "new" || s.ident == "default") =>
            {
                let f = p.path.segments.last().map(|s| s.ident.clone());
                match &ty {
                    // `Counts::new()`, `Vec::<u8>::new()`
                    syn::Type::Path(tp)
                        if tp.qself.is_none()
                            && tp
                                .path
                                .segments
                                .iter()
                                .rev()
                                .skip(1)
                                .all(|s| s.arguments.is_none()) =>
                    {
                        let mut path = tp.path.clone();
                        if let Some(syn::PathArguments::AngleBracketed(a)) =
                            path.segments.last_mut().map(|s| &mut s.arguments)
                        {
                            a.colon2_token = Some(Default::default());
                        }
                        parse_quote!(#path::#f())
                    }
                    _ => parse_quote!(<#ty>::#f()),
                }
            }
            _ => v,
        },
        _ => v,
    }
}
