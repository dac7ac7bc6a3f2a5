//! The fmt package: `Println`, `Print`, `Printf`, `Sprintf`, `Sprint`, `Sprintln`.
//!
//! Where every argument prints the same through Rust's `Display` as through Go's `%v`
//! (integers, booleans, strings) and every verb has an exact Rust equivalent, the call becomes
//! `println!`/`print!`/`format!`; otherwise it goes through the emitted `support::fmt` module,
//! which implements Go's formatting rules.

use crate::ctx::Ctx;
use goxide_ast::ast::{Expr, ExprKind, UnaryOp};
use goxide_types::{Type, TypeId};
use syn::parse_quote;

/// One piece of a parsed Go format string.
enum Piece {
    Text(String),
    Verb {
        flags: String,
        width: Option<usize>,
        prec: Option<usize>,
        verb: char,
    },
}

fn parse_format(f: &str) -> Option<Vec<Piece>> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut chars = f.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '%' {
            text.push(c);
            continue;
        }
        let mut flags = String::new();
        while let Some(&c) = chars.peek() {
            if "+-# 0".contains(c) {
                flags.push(c);
                chars.next();
            } else {
                break;
            }
        }
        let num = |chars: &mut std::iter::Peekable<std::str::Chars>| {
            let mut s = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_ascii_digit() {
                    s.push(c);
                    chars.next();
                } else {
                    break;
                }
            }
            s
        };
        let w = num(&mut chars);
        let mut prec = None;
        if chars.peek() == Some(&'.') {
            chars.next();
            let p = num(&mut chars);
            prec = Some(p.parse().unwrap_or(0));
        }
        let verb = chars.next()?;
        if matches!(verb, '*' | '[') {
            return None;
        }
        if verb == '%' {
            text.push('%');
            continue;
        }
        if !text.is_empty() {
            out.push(Piece::Text(std::mem::take(&mut text)));
        }
        out.push(Piece::Verb {
            flags,
            width: w.parse().ok(),
            prec,
            verb,
        });
    }
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
    Some(out)
}

fn escape_braces(s: &str) -> String {
    s.replace('{', "{{").replace('}', "}}")
}

impl Ctx<'_> {
    /// A type whose `Display` output equals Go's `%v` output.
    fn display_like_go(&self, t: TypeId) -> bool {
        if let Type::Named(n) = self.ty(t) {
            if !n.methods.is_empty() {
                return false;
            }
        }
        matches!(self.under(t), Type::Basic(k) if k.is_integer() || k.is_boolean() || k.is_string())
    }

    /// The extension trait and the method that give the `String()` text of a value of type
    /// `t`, when `t` is a named non-struct `Copy` type of the package with a String/Error method
    /// (an alias in Rust, whose own `Format` would print the bare number).
    pub fn stringer_parts(&mut self, t: TypeId) -> Option<(syn::Ident, syn::Ident)> {
        let Type::Named(n) = self.ty(t) else {
            return None;
        };
        if matches!(self.under(t), Type::Struct(_))
            || !self.is_copy(t)
            || self.obj(n.obj).pkg != Some(self.pkg)
        {
            return None;
        }
        let m = crate::names::value_ident(&self.stringer_method(t)?);
        Some((self.ext_trait_ident(t)?, m))
    }

    /// `v` (a value of type `t`, see `stringer_parts`) carrying its `String()` text.
    pub fn with_stringer(&mut self, v: syn::Expr, t: TypeId) -> Option<syn::Expr> {
        let (tr, m) = self.stringer_parts(t)?;
        let go = self.go_type_string(t);
        self.use_support("fmt");
        Some(
            parse_quote!(crate::support::fmt::WithString { text: #tr::#m(#v), value: #v, go_type: #go }),
        )
    }

    /// The text of `a`'s `String()` method, `StateMethods::string(s)` (see `stringer_parts`).
    fn stringer_text(&mut self, a: &Expr, t: TypeId) -> Option<syn::Expr> {
        let (tr, m) = self.stringer_parts(t)?;
        let v = self.value(a);
        Some(parse_quote!(#tr::#m(#v)))
    }

    /// [`Ctx::fmt_arg`] of argument `i` of `args`. A place read before a later argument's call
    /// that may change its variable (`svc.name, svc.Incr()`), where the calls could not be
    /// evaluated first (see [`Ctx::fmt_call`]), is copied out before the call, so that the call
    /// may borrow the variable mutably while the format holds the copy. (Go reads it after
    /// the call: the copy is older when the call changes it.)
    fn fmt_arg_at(&mut self, args: &[Expr], i: usize) -> syn::Expr {
        let a = &args[i];
        let called_later = self.place_root(a).is_some_and(|r| {
            args[i + 1..].iter().any(|b| {
                !self
                    .fmt_temps
                    .contains_key(&crate::builtins::strip_parens(b).id)
                    && self.changes_var(b, r)
            })
        });
        if !called_later || self.info.const_value(a.id).is_some() {
            return self.fmt_arg(a);
        }
        // (A copied value is still a place to the format: the block makes it a temporary.)
        let v = self.value(a);
        if self.type_of(a).is_some_and(|t| self.is_copy(t)) {
            parse_quote!({ #v })
        } else {
            v
        }
    }

    /// An argument for a Rust formatting macro: constants get typed literals.
    /// A trait interface value (`var s Shape`), or a slice of them, printed as Go prints it:
    /// its dynamic value as an `interface{}` (`iface::Iface`, whose `String()` method counts),
    /// nil as `<nil>`.
    fn trait_values_printed(&mut self, a: &Expr) -> Option<syn::Expr> {
        let t = self.type_of(a)?;
        if self.is_trait_iface(t) {
            let v = crate::expr::as_base(self.borrowed(a));
            return Some(
                self.trait_as_any(&v, t)
                    .unwrap_or_else(|| self.unsupported(a, "printing an interface value")),
            );
        }
        let (Type::Slice(el) | Type::Array(_, el)) = self.under(t).clone() else {
            return None;
        };
        if !self.is_trait_iface(el) {
            return None;
        }
        let Some(each) = self.trait_as_any(&parse_quote!(x), el) else {
            return Some(self.unsupported(a, "printing an interface value"));
        };
        let v = crate::expr::as_base(self.borrowed(a));
        Some(parse_quote!(#v.iter().map(|x| #each).collect::<Vec<_>>()))
    }

    /// Trait value `v` as an `interface{}`: through the trait's converter function
    /// (`shape_to_any(…)`, written once), else by trying each implementing type in place.
    fn trait_as_any(&mut self, v: &syn::Expr, t: TypeId) -> Option<syn::Expr> {
        match self.deferred_converter(t, false, true) {
            Some(f) => {
                self.use_support("iface");
                self.use_support("fmt");
                Some(parse_quote!(#f(#v.as_ref().map(|v| v.as_any()))))
            }
            None => self.trait_to_any(v, t),
        }
    }

    fn fmt_arg(&mut self, a: &Expr) -> syn::Expr {
        if let Some(id) = self.fmt_temps.get(&crate::builtins::strip_parens(a).id) {
            // Evaluated first (see `fmt_call`).
            return parse_quote!(#id);
        }
        if let Some(t) = self.type_of(a) {
            self.need_bound(t, "Format");
        }
        if self.is_untyped_nil(a) {
            return parse_quote!(None::<Box<dyn crate::support::fmt::Format>>);
        }
        if let Some(d) = self.duration_fmt_arg(a) {
            return d;
        }
        if let Some(v) = self.thread_value_part(a) {
            return v;
        }
        if let Some(v) = self.trait_values_printed(a) {
            return v;
        }
        // A `reflect.Kind` prints its name.
        if self
            .type_of(a)
            .is_some_and(|t| self.reflect_type_name(t) == Some("Kind"))
        {
            let v = self.value(a);
            return parse_quote!({
                let v = #v;
                crate::support::fmt::WithString {
                    text: crate::support::reflect::kind_string(v),
                    value: v,
                    go_type: "reflect.Kind",
                }
            });
        }
        // A named non-struct type with a String()/Error() method is an alias here: carry the
        // method's text along so fmt prints what Go prints.
        if let Some(t) = self.type_of(a) {
            if matches!(self.ty(t), Type::Named(_)) && !matches!(self.under(t), Type::Struct(_)) {
                if let Some(m) = self.stringer_method(t) {
                    let m = crate::names::value_ident(&m);
                    let go = self.prog.type_string(t);
                    let v = self.value(a);
                    // Copy types call through their extension trait: two named types can share
                    // one Rust type (see `method_call`).
                    let text: syn::Expr = match self.ty(t) {
                        Type::Named(n)
                            if self.is_copy(t) && self.obj(n.obj).pkg == Some(self.pkg) =>
                        {
                            let Some(tr) = self.ext_trait_ident(t) else {
                                return self.unsupported(a, "value of this type");
                            };
                            parse_quote!(#tr::#m(v))
                        }
                        _ => parse_quote!(v.#m()),
                    };
                    return parse_quote!({
                        let v = #v;
                        crate::support::fmt::WithString { text: #text, value: v, go_type: #go }
                    });
                }
            }
        }
        // A slice of such values: each carries its text.
        if let Some(t) = self.type_of(a) {
            if let Type::Slice(el) = self.under(t).clone() {
                if let Some(w) = self.with_stringer(parse_quote!(x), el) {
                    let v = crate::expr::as_base(self.borrowed(a));
                    return parse_quote!(#v.iter().map(|&x| #w).collect::<Vec<_>>());
                }
            }
        }
        // A map whose keys or values are such values: a sorted copy whose entries carry their
        // texts (Go prints `map[INFO:1 WARN:2]`, sorted by the keys' values).
        if let Some(Type::Map(kt, vt)) = self.type_of(a).map(|t| self.under(t).clone()) {
            let (k, v): (syn::Expr, syn::Expr) = (parse_quote!(*k), parse_quote!(v.clone()));
            let wk = self.with_stringer(k.clone(), kt);
            let wv = self.with_stringer(parse_quote!(*v), vt);
            if (wk.is_some() || wv.is_some()) && self.is_hashable(kt) {
                let (wk, wv) = (wk.unwrap_or(k), wv.unwrap_or(v));
                let m = crate::expr::as_base(self.borrowed(a));
                return parse_quote!(#m
                    .iter()
                    .map(|(k, v)| (#wk, #wv))
                    .collect::<std::collections::BTreeMap<_, _>>());
            }
        }
        // A `complex64` is a `Complex128` here: it prints with `float32` precision as Go's does.
        if self.type_of(a).and_then(|t| self.basic(t)) == Some(goxide_types::BasicKind::Complex64) {
            let v = self.value(a);
            self.use_support("fmt");
            return parse_quote!(crate::support::fmt::Complex64(#v));
        }
        if let (Some(v), Some(t)) = (self.info.const_value(a.id).cloned(), self.type_of(a)) {
            let t = goxide_types::default_type(&self.prog.types, t);
            // A string constant prints as the `&str` it is (`&"error:"`).
            if matches!(self.ty(t), Type::Basic(k) if k.is_string()) {
                if let Some(lit) = self.const_str(a) {
                    return parse_quote!(#lit);
                }
            }
            if let Some(c) = self.const_expr(&v, t, true) {
                return c;
            }
        }
        self.borrowed(a)
    }

    /// `&[&a, &b]` for the support fmt functions (each a `&dyn Format` by coercion).
    fn dyn_args(&mut self, args: &[Expr]) -> syn::Expr {
        for a in args {
            if let Some(t) = self.type_of(a) {
                if self.is_interface(t)
                    && !self.is_empty_interface(t)
                    && !self.is_error(t)
                    && !self.is_trait_iface(t)
                {
                    return self.unsupported(a, "printing an interface value");
                }
                if let Some(why) = self.time_fmt_problem(t) {
                    return self.unsupported(a, &why);
                }
            }
        }
        let mut vals: Vec<syn::Expr> = (0..args.len())
            .map(|i| crate::expr::paren_if_needed(self.fmt_arg_at(args, i)))
            .collect();
        crate::builtins::release_borrows(args, &mut vals);
        // (The support functions take `&[&dyn Format]`: each `&v` coerces to it.)
        parse_quote!(&[#(&#vals),*])
    }

    /// `fmt.Sprintf(format, args...)`: the fixed arguments and the spread slice's elements
    /// (interface values) in one argument list.
    fn fmt_spread_call(&mut self, e: &Expr, name: &str, args: &[Expr]) -> syn::Expr {
        let Some((last, fixed)) = args.split_last() else {
            return self.unsupported(e, "fmt call with a spread argument");
        };
        let spread_ok = self.type_of(last).is_some_and(
            |t| matches!(self.under(t), Type::Slice(el) if self.is_empty_interface(*el)),
        );
        let printf = matches!(name, "Printf" | "Sprintf");
        if !spread_ok
            || !matches!(
                name,
                "Print" | "Println" | "Sprint" | "Sprintln" | "Printf" | "Sprintf"
            )
            || printf && fixed.is_empty()
        {
            return self.unsupported(e, "fmt call with a spread argument");
        }
        self.use_support("fmt");
        let (format, fixed) = if printf {
            let f = &fixed[0];
            let fv: syn::Expr = match self.const_str(f) {
                Some(l) => parse_quote!(#l),
                None => {
                    let v = self.borrowed(f);
                    parse_quote!(&#v)
                }
            };
            (Some(fv), &fixed[1..])
        } else {
            (None, fixed)
        };
        let fixed_vals: Vec<syn::Expr> = (0..fixed.len())
            .map(|i| self.fmt_arg_at(fixed, i))
            .collect();
        let spread = self.borrowed(last);
        let func = syn::Ident::new(&name.to_lowercase(), proc_macro2::Span::call_site());
        let args = crate::names::temp_not_in("fmt_args", &quote::quote!(#spread #format));
        let call: syn::Expr = match &format {
            Some(f) => parse_quote!(crate::support::fmt::#func(#f, &#args)),
            None => parse_quote!(crate::support::fmt::#func(&#args)),
        };
        if fixed_vals.is_empty() {
            // Only the spread slice: its elements are the arguments.
            return match format {
                Some(f) => {
                    parse_quote!(crate::support::fmt::#func(#f, &crate::support::fmt::spread(&#spread)))
                }
                None => {
                    parse_quote!(crate::support::fmt::#func(&crate::support::fmt::spread(&#spread)))
                }
            };
        }
        let ids: Vec<syn::Ident> = (0..fixed_vals.len())
            .map(|i| syn::Ident::new(&format!("a{i}"), proc_macro2::Span::call_site()))
            .collect();
        parse_quote!({
            #(let #ids = #fixed_vals;)*
            let mut #args: Vec<&dyn crate::support::fmt::Format> = vec![#(&#ids),*];
            #args.extend(#spread.iter().map(|v| v as &dyn crate::support::fmt::Format));
            #call
        })
    }

    /// `fmt.Sscan(s, &a, &b)` / `Sscanln` / `Sscanf(s, format, &a, …)`: the targets are lent
    /// as `&mut dyn support::scan::Scan` (each a variable of a basic type, no two the same).
    fn sscan_call(&mut self, e: &Expr, name: &str, args: &[Expr]) -> syn::Expr {
        let fixed = if name == "Sscanf" { 2 } else { 1 };
        if args.len() < fixed {
            return self.unsupported(e, "fmt scan call");
        }
        let mut roots = Vec::new();
        let mut targets: Vec<syn::Expr> = Vec::new();
        for a in &args[fixed..] {
            let ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } = &crate::builtins::strip_parens(a).kind
            else {
                return self.unsupported(e, "fmt scan into this target");
            };
            // A variable or a field of one (`&r.name`): disjoint places Rust can lend together.
            let Some(path) = self.field_path(x) else {
                return self.unsupported(e, "fmt scan into this target");
            };
            let basic = self
                .type_of(x)
                .and_then(|t| self.basic(t))
                .is_some_and(|k| !k.is_complex() && !k.is_untyped());
            let overlaps = roots.iter().any(|p: &String| {
                p == &path
                    || path.starts_with(&format!("{p}."))
                    || p.starts_with(&format!("{path}."))
            });
            if !basic || overlaps || self.global_root(x).is_some() || !self.is_place(x) {
                return self.unsupported(e, "fmt scan into this target");
            }
            roots.push(path);
            let p = self.place(x);
            targets.push(parse_quote!(&mut #p as &mut dyn crate::support::scan::Scan));
        }
        let input = self.borrowed(&args[0]);
        let input: syn::Expr = match input {
            syn::Expr::Reference(_) => input,
            i => parse_quote!(&#i),
        };
        self.use_support("scan");
        self.use_support("errors");
        match name {
            "Sscanf" => {
                let f = self.borrowed(&args[1]);
                let f: syn::Expr = match f {
                    syn::Expr::Reference(_) => f,
                    f => parse_quote!(&#f),
                };
                parse_quote!(crate::support::scan::sscanf(#input, #f, &mut [#(#targets),*]))
            }
            _ => {
                let newlines = name == "Sscan";
                parse_quote!(crate::support::scan::sscan(#input, #newlines, &mut [#(#targets),*]))
            }
        }
    }

    /// `v` or `v.f.g` (fields of a struct value, not through a pointer) as text.
    fn field_path(&self, x: &Expr) -> Option<String> {
        let x = crate::builtins::strip_parens(x);
        match &x.kind {
            ExprKind::Ident(n) => Some(n.clone()),
            ExprKind::Selector { x: base, sel } => {
                let field = self.info.selections.get(&x.id).is_some_and(|s| {
                    s.kind == goxide_types::SelectionKind::FieldVal && !s.indirect
                });
                let by_value = self
                    .type_of(base)
                    .is_some_and(|t| !matches!(self.under(t), Type::Pointer(_)));
                if !field || !by_value {
                    return None;
                }
                Some(format!("{}.{}", self.field_path(base)?, sel.name))
            }
            _ => None,
        }
    }

    /// A `fmt` call. Go evaluates the calls among its arguments before it reads the plain
    /// variables among them (`fmt.Println(c.n, c.Inc())` prints the incremented `n`): when a
    /// call may change the variable of an argument read before it (see [`Ctx::changes_var`]),
    /// the calls are evaluated first into locals, in order, `{ let a1 = c.inc();
    /// println!("{} {a1}", c.n) }`, which also lets the call borrow the variable mutably.
    pub fn fmt_call(&mut self, e: &Expr, name: &str, args: &[Expr], ellipsis: bool) -> syn::Expr {
        let hoisted = self.fmt_hoists(args);
        if hoisted.is_empty() {
            return self.fmt_call_inner(e, name, args, ellipsis);
        }
        // (Named apart from every identifier the arguments use.)
        let mut used: Vec<String> = Vec::new();
        for a in args {
            goxide_ast::visit::walk_expr(&mut IdentNames(&mut used), a);
        }
        let mut lets: Vec<syn::Stmt> = Vec::new();
        for &i in &hoisted {
            let a = crate::builtins::strip_parens(&args[i]);
            let v = self.fmt_arg(a);
            let mut taken = used.clone();
            crate::names::idents_in(&v, &mut taken);
            let id = crate::names::temp_not_among(&format!("a{i}"), &taken);
            lets.push(parse_quote!(let #id = #v;));
            self.fmt_temps.insert(a.id, id);
        }
        let call = self.fmt_call_inner(e, name, args, ellipsis);
        for &i in &hoisted {
            self.fmt_temps
                .remove(&crate::builtins::strip_parens(&args[i]).id);
        }
        parse_quote!({ #(#lets)* #call })
    }

    /// The arguments of a `fmt` call to evaluate first (see [`Ctx::fmt_call`]): every call
    /// among them, up to the last one that may change the variable of a plain argument before it;
    /// none when one of them is not a plain number, string or bool (whose formatting needs the
    /// argument itself).
    fn fmt_hoists(&self, args: &[Expr]) -> Vec<usize> {
        let temp = |a: &Expr| {
            self.fmt_temps
                .contains_key(&crate::builtins::strip_parens(a).id)
        };
        if args.iter().any(temp) {
            return Vec::new();
        }
        let last = (0..args.len()).rev().find(|&j| {
            (0..j).any(|i| {
                self.place_root(&args[i])
                    .is_some_and(|r| self.changes_var(&args[j], r))
            })
        });
        let Some(last) = last else {
            return Vec::new();
        };
        let calls: Vec<usize> = (0..=last)
            .filter(|&j| crate::decl::contains_call(&args[j]))
            .collect();
        let plain = calls.iter().all(|&j| {
            self.info.const_value(args[j].id).is_none()
                && self
                    .type_of(&args[j])
                    .is_some_and(|t| matches!(self.ty(t), Type::Basic(_)))
        });
        if plain {
            calls
        } else {
            Vec::new()
        }
    }

    /// Whether `e` holds a call that may change variable `r`: a pointer method that writes,
    /// called on a part of `r`, or a call given `r` as a pointer (`&r.f`, `p` when `r` is the
    /// pointer `p`).
    fn changes_var(&self, e: &Expr, r: goxide_types::ObjId) -> bool {
        struct C<'a, 'c>(&'a Ctx<'c>, goxide_types::ObjId, bool);
        impl goxide_ast::visit::Visitor for C<'_, '_> {
            fn expr(&mut self, e: &Expr) -> bool {
                let ExprKind::Call { func, args, .. } = &e.kind else {
                    return !self.2;
                };
                let (ctx, r) = (self.0, self.1);
                let rooted = |x: &Expr| crate::stmt::root_obj(ctx.info, x) == Some(r);
                // (The standard library's handles change in place, where the format reads
                // them too; only the package's functions and methods are looked at.)
                let f = crate::builtins::strip_parens(func);
                let callee = crate::builtins::called_func(ctx.info, f)
                    .filter(|&c| ctx.prog.obj(c).pkg == Some(ctx.pkg));
                let Some(c) = callee else {
                    return !self.2;
                };
                if let (
                    ExprKind::Selector { x, .. },
                    goxide_types::ObjKind::Func { recv: Some(rt) },
                ) = (&f.kind, &ctx.prog.obj(c).kind)
                {
                    let writes = !ctx.analysis.readonly_methods.contains(&c)
                        && matches!(ctx.prog.types.get(*rt), Type::Pointer(_));
                    self.2 |= writes && rooted(x);
                }
                // (A pointer lent to a parameter that only reads changes nothing.)
                let reads = |i: usize| {
                    let ptr = ctx.analysis.ptr_params.fn_modes.get(&c);
                    let slice = ctx.analysis.fn_param_modes.get(&c);
                    [ptr, slice].into_iter().flatten().any(|m| {
                        m.get(i).copied().flatten() == Some(crate::analysis::SliceMode::Ref)
                    }) || ctx.analysis.links.param_forms.get(&c).is_some_and(|m| {
                        m.get(i).copied().flatten() == Some(crate::links::Form::View)
                    })
                };
                self.2 |= args.iter().enumerate().any(|(i, a)| {
                    let a = crate::builtins::strip_parens(a);
                    let addr = matches!(
                        a.kind,
                        ExprKind::Unary {
                            op: UnaryOp::Addr,
                            ..
                        }
                    );
                    let ptr = ctx
                        .type_of(a)
                        .is_some_and(|t| matches!(ctx.under(t), Type::Pointer(_)));
                    (addr || ptr) && !reads(i) && crate::subslice::mentions(ctx.info, a, r)
                });
                !self.2
            }
        }
        let mut c = C(self, r, false);
        goxide_ast::visit::walk_expr(&mut c, e);
        c.2
    }

    /// The variable at the root of `a` when it is a plain place (`c.n`, `xs[i]`, `v`).
    fn place_root(&self, a: &Expr) -> Option<goxide_types::ObjId> {
        let a = crate::builtins::strip_parens(a);
        match &a.kind {
            ExprKind::Ident(_) | ExprKind::Selector { .. } | ExprKind::Index { .. } => {
                crate::stmt::root_obj(self.info, a)
            }
            _ => None,
        }
    }

    fn fmt_call_inner(&mut self, e: &Expr, name: &str, args: &[Expr], ellipsis: bool) -> syn::Expr {
        if let ("Fprint" | "Fprintln" | "Fprintf", Some((w, rest))) = (name, args.split_first()) {
            return self.fprint_call(e, name, w, rest, ellipsis);
        }
        if matches!(name, "Print" | "Println" | "Printf") && self.stmt_call != Some(e.id) {
            // Its results are used: Go's `(n, err)`, the bytes written and a nil error.
            if let Some(Type::Tuple(ts)) = self.type_of(e).map(|t| self.ty(t).clone()) {
                if let Some(ety) = ts.get(1).and_then(|&t| self.rust_type(t)) {
                    let s = self.fmt_call(e, &format!("Sp{}", &name[1..]), args, ellipsis);
                    let none = crate::builtins::typed_value(parse_quote!(None), ety);
                    return parse_quote!({
                        let s = #s;
                        print!("{s}");
                        (s.len() as i64, #none)
                    });
                }
            }
        }
        if matches!(name, "Sscan" | "Sscanln" | "Sscanf") && !ellipsis {
            return self.sscan_call(e, name, args);
        }
        if ellipsis {
            return self.fmt_spread_call(e, name, args);
        }
        if let Some((bind, temps)) = self.spread_call(args) {
            let call = self.fmt_call(e, name, &temps, false);
            return parse_quote!({
                #bind
                #call
            });
        }
        match name {
            "Println" | "Print" | "Sprint" | "Sprintln" => {
                let ln = name.ends_with("ln");
                let to_string = name.starts_with('S');
                let all_display = args
                    .iter()
                    .all(|a| self.type_of(a).is_some_and(|t| self.display_like_go(t)));
                // Print adds spaces only between operands when neither is a string.
                let spaced = |i: usize, ctx: &Self| -> bool {
                    if ln {
                        return true;
                    }
                    let s = |a: &Expr| ctx.type_of(a).is_some_and(|t| ctx.is_string(t));
                    !s(&args[i - 1]) && !s(&args[i])
                };
                if all_display {
                    let mut fmt = String::new();
                    let mut vals = Vec::new();
                    for (i, a) in args.iter().enumerate() {
                        if i > 0 && spaced(i, self) {
                            fmt.push(' ');
                        }
                        if let Some(s) = self.const_str(a) {
                            fmt.push_str(&escape_braces(&s.value()));
                        } else {
                            fmt.push_str("{}");
                            vals.push(self.fmt_arg_at(args, i));
                        }
                    }
                    let lit = syn::LitStr::new(&fmt, proc_macro2::Span::call_site());
                    return match (to_string, ln) {
                        (false, true) => fmt_macro("println", &lit.value(), vals),
                        (false, false) => fmt_macro("print", &lit.value(), vals),
                        (true, true) => fmt_macro("format", &format!("{fmt}\n"), vals),
                        (true, false) => fmt_macro("format", &lit.value(), vals),
                    };
                }
                self.use_support("fmt");
                let arr = self.dyn_args(args);
                let f = syn::Ident::new(&name.to_lowercase(), proc_macro2::Span::call_site());
                parse_quote!(crate::support::fmt::#f(#arr))
            }
            "Printf" | "Sprintf" => {
                let Some((f, rest)) = args.split_first() else {
                    return self.unsupported(e, "fmt call");
                };
                let Some(lit) = self.const_str(f) else {
                    self.use_support("fmt");
                    let fv = self.borrowed(f);
                    let arr = self.dyn_args(rest);
                    let func =
                        syn::Ident::new(&name.to_lowercase(), proc_macro2::Span::call_site());
                    return parse_quote!(crate::support::fmt::#func(&#fv, #arr));
                };
                if let Some(m) = self.printf_native(&lit.value(), rest, name == "Sprintf") {
                    return m;
                }
                self.use_support("fmt");
                let arr = self.dyn_args(rest);
                let func = syn::Ident::new(&name.to_lowercase(), proc_macro2::Span::call_site());
                parse_quote!(crate::support::fmt::#func(#lit, #arr))
            }
            "Errorf" => {
                let Some((f, rest)) = args.split_first() else {
                    return self.unsupported(e, "fmt.Errorf");
                };
                let Some(lit) = self.const_str(f) else {
                    return self.unsupported(e, "fmt.Errorf with a non-constant format");
                };
                let format = lit.value();
                // `%w` formats like `%v` and marks the error the result wraps.
                let mut wrapped = None;
                let mut argi = 0;
                let mut chars = format.chars().peekable();
                while let Some(c) = chars.next() {
                    if c != '%' {
                        continue;
                    }
                    while chars.peek().is_some_and(|c| "+-# 0123456789.".contains(*c)) {
                        chars.next();
                    }
                    match chars.next() {
                        Some('%') | None => {}
                        Some('w') => {
                            wrapped = rest.get(argi);
                            argi += 1;
                        }
                        Some(_) => argi += 1,
                    }
                }
                self.use_support("errors");
                if wrapped.is_none() {
                    // Nothing wrapped: an error with the formatted text.
                    if let Some(m) = self.printf_native(&format, rest, true) {
                        return parse_quote!(crate::support::errors::new(#m));
                    }
                }
                let format = syn::LitStr::new(&format.replace("%w", "%v"), lit.span());
                self.use_support("fmt");
                let arr = self.dyn_args(rest);
                let text: syn::Expr = parse_quote!(crate::support::fmt::sprintf(#format, #arr));
                match wrapped {
                    Some(w) => {
                        // A concrete error (`&LexError{…}`) becomes an `error` first.
                        let src = self
                            .type_of(w)
                            .filter(|&t| !self.is_error(t) && !self.is_untyped_nil(w));
                        let v = self.value(w);
                        let w = match src {
                            Some(t) => match self.boxed_error(v, t) {
                                Some(b) => b,
                                None => return self.unsupported(e, "%w of this type"),
                            },
                            None => v,
                        };
                        parse_quote!(crate::support::errors::errorf(#text, #w))
                    }
                    None => parse_quote!(crate::support::errors::new(#text)),
                }
            }
            _ => self.unsupported(e, &format!("fmt.{name}")),
        }
    }

    /// `fmt.Fprint`, `Fprintln` and `Fprintf` to `os.Stdout` (as `Print…`), `os.Stderr`
    /// (`eprint!`), or a `strings.Builder` or `bytes.Buffer` (`&b`: appended to it).
    fn fprint_call(
        &mut self,
        e: &Expr,
        name: &str,
        w: &Expr,
        args: &[Expr],
        ellipsis: bool,
    ) -> syn::Expr {
        let print = format!("P{}", &name[2..]);
        let sprint = format!("S{}", &name[1..]);
        if self.is_pkg_member(w, "os", "Stdout") {
            return self.fmt_call(e, &print, args, ellipsis);
        }
        if self.is_pkg_member(w, "os", "Stderr") {
            let out = self.fmt_call(e, &print, args, ellipsis);
            if let syn::Expr::Macro(m) = &out {
                let to_stderr = match m.mac.path.get_ident() {
                    Some(id) if id == "println" => Some("eprintln"),
                    Some(id) if id == "print" => Some("eprint"),
                    Some(id) if id == "todo" => return out,
                    _ => None,
                };
                if let Some(to) = to_stderr {
                    let mut m = m.clone();
                    m.mac.path = syn::Ident::new(to, proc_macro2::Span::call_site()).into();
                    return syn::Expr::Macro(m);
                }
            }
            let s = self.fmt_call(e, &sprint, args, ellipsis);
            return parse_quote!(eprint!("{}", #s));
        }
        if let Some(wt) = self.type_of(w) {
            if matches!(
                crate::stdlib::std_handle(self.prog, wt),
                Some(("text/tabwriter", _))
            ) {
                let s = self.fmt_call(e, &sprint, args, ellipsis);
                let b = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(w)));
                return parse_quote!(#b.write_str(&#s));
            }
        }
        if matches!(
            self.handle_of(w),
            Some(("os", "File") | ("bufio", "Writer"))
        ) {
            let s = self.fmt_call(e, &sprint, args, ellipsis);
            let h = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(w)));
            return parse_quote!(#h.write_string(&#s));
        }
        // A pointer to a builder or buffer: what it points to.
        let pointee = self.type_of(w).and_then(|t| match self.under(t) {
            goxide_types::Type::Pointer(p) => Some(*p),
            _ => None,
        });
        if let Some(p) = pointee.filter(|_| {
            !matches!(
                crate::builtins::strip_parens(w).kind,
                ExprKind::Unary {
                    op: goxide_ast::ast::UnaryOp::Addr,
                    ..
                }
            )
        }) {
            if self.is_strings_builder(p) {
                let s = self.fmt_call(e, &sprint, args, ellipsis);
                let b = crate::expr::as_base(self.pointee(w, true));
                return parse_quote!(#b.push_str(&#s));
            }
            if self.is_bytes_buffer(p) {
                let s = crate::expr::paren_if_needed(self.fmt_call(e, &sprint, args, ellipsis));
                let b = crate::expr::as_base(self.pointee(w, true));
                return parse_quote!(#b.extend_from_slice(#s.as_bytes()));
            }
        }
        if let ExprKind::Unary {
            op: goxide_ast::ast::UnaryOp::Addr,
            x,
        } = &crate::builtins::strip_parens(w).kind
        {
            let t = self.type_of(x);
            if t.is_some_and(|t| self.is_strings_builder(t)) {
                let s = self.fmt_call(e, &sprint, args, ellipsis);
                let b = crate::expr::as_base(self.place(x));
                return parse_quote!(#b.push_str(&#s));
            }
            if t.is_some_and(|t| self.is_bytes_buffer(t)) {
                let s = crate::expr::paren_if_needed(self.fmt_call(e, &sprint, args, ellipsis));
                let b = crate::expr::as_base(self.place(x));
                return parse_quote!(#b.extend_from_slice(#s.as_bytes()));
            }
        }
        self.unsupported(e, &format!("fmt.{name} to this writer"))
    }

    /// `Printf` with a literal format whose verbs all have exact Rust equivalents.
    fn printf_native(&mut self, format: &str, args: &[Expr], to_string: bool) -> Option<syn::Expr> {
        let pieces = parse_format(format)?;
        let mut out = String::new();
        let mut vals = Vec::new();
        let mut next = 0;
        for p in pieces {
            match p {
                Piece::Text(t) => out.push_str(&escape_braces(&t)),
                Piece::Verb {
                    flags,
                    width,
                    prec,
                    verb,
                } => {
                    let a = args.get(next)?;
                    next += 1;
                    let t = self.type_of(a)?;
                    if matches!(verb, 'v' | 's') {
                        // A value whose `String()` method Go calls: its text, padded as a
                        // string is.
                        if let Some(text) = self.stringer_text(a, t) {
                            if prec.is_some() || flags.chars().any(|c| c != '-') {
                                return None;
                            }
                            out.push_str(&match (flags.is_empty(), width) {
                                (_, None) => "{}".to_string(),
                                (true, Some(w)) => format!("{{:>{w}}}"),
                                (false, Some(w)) => format!("{{:<{w}}}"),
                            });
                            vals.push(text);
                            continue;
                        }
                    }
                    let k = match self.under(t) {
                        Type::Basic(k) => *k,
                        _ => return None,
                    };
                    if verb == 'T' {
                        if !flags.is_empty() || width.is_some() {
                            return None;
                        }
                        out.push_str(&escape_braces(
                            &self
                                .prog
                                .type_string(goxide_types::default_type(&self.prog.types, t)),
                        ));
                        continue;
                    }
                    let ok = match verb {
                        'd' => k.is_integer() && self.display_like_go(t),
                        's' => k.is_string() && self.display_like_go(t),
                        'v' => self.display_like_go(t) && prec.is_none(),
                        't' => k.is_boolean(),
                        'f' | 'F' => k.is_float(),
                        'x' | 'X' | 'o' | 'b' => k.is_unsigned() && !flags.contains('#'),
                        _ => false,
                    };
                    if !ok
                        || flags.contains(' ')
                        || flags.contains('#')
                        || (flags.contains('+') && !k.is_numeric())
                    {
                        return None;
                    }
                    if flags.contains('0') && (flags.contains('-') || !k.is_numeric()) {
                        return None;
                    }
                    let mut spec = String::from("{:");
                    if flags.contains('-') {
                        spec.push('<');
                    } else if width.is_some() && !flags.contains('0') {
                        spec.push('>');
                    }
                    if flags.contains('+') {
                        spec.push('+');
                    }
                    if flags.contains('0') {
                        spec.push('0');
                    }
                    if let Some(w) = width {
                        spec.push_str(&w.to_string());
                    }
                    if matches!(verb, 'f' | 'F') {
                        spec.push_str(&format!(".{}", prec.unwrap_or(6)));
                    } else if prec.is_some() {
                        return None;
                    }
                    match verb {
                        'x' => spec.push('x'),
                        'X' => spec.push('X'),
                        'o' => spec.push('o'),
                        'b' => spec.push('b'),
                        _ => {}
                    }
                    spec.push('}');
                    let spec = if spec == "{:}" {
                        "{}".to_string()
                    } else {
                        spec
                    };
                    out.push_str(&spec);
                    if matches!(verb, 'f' | 'F') {
                        // Go prints -0.00 for negative zero rounding results the same way Rust does.
                        if !k.is_float() {
                            return None;
                        }
                    }
                    vals.push(self.fmt_arg_at(args, next - 1));
                }
            }
        }
        if next != args.len() {
            return None;
        }
        Some(fmt_macro(
            if to_string { "format" } else { "print" },
            &out,
            vals,
        ))
    }
}

/// Collects the identifiers an expression names.
struct IdentNames<'a>(&'a mut Vec<String>);

impl goxide_ast::visit::Visitor for IdentNames<'_> {
    fn expr(&mut self, e: &Expr) -> bool {
        if let ExprKind::Ident(n) = &e.kind {
            self.0.push(crate::names::snake(n));
        }
        true
    }
}

/// `name!("…", args)` as a Rust engineer writes it: `print!("…\n")` becomes `println!`, and
/// plain local variables move into the format string (`println!("{x} {y:5}")`).
pub fn fmt_macro(name: &str, format: &str, vals: Vec<syn::Expr>) -> syn::Expr {
    // An argument borrowing a cell mutably beside another reading a cell: all are evaluated
    // first, in order, so that each borrow ends before the next begins.
    let conflict = vals.iter().enumerate().any(|(i, a)| {
        vals[i + 1..]
            .iter()
            .any(|b| crate::expr::borrows_conflict(a, b))
    });
    if conflict {
        let temps: Vec<syn::Ident> = (0..vals.len())
            .map(|i| quote::format_ident!("fmt_a{i}"))
            .collect();
        let call = fmt_macro(
            name,
            format,
            temps.iter().map(|t| parse_quote!(#t)).collect(),
        );
        return parse_quote!({
            #(let #temps = #vals;)*
            #call
        });
    }
    let (name, format) = match (name, format.strip_suffix('\n')) {
        ("print", Some(f)) => ("println", f.to_string()),
        ("eprint", Some(f)) => ("eprintln", f.to_string()),
        (n, _) => (n, format.to_string()),
    };
    // Inline arguments that are plain identifiers into their `{…}` placeholders.
    let mut out = String::new();
    let mut rest: Vec<syn::Expr> = Vec::new();
    let mut args = vals.into_iter();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '{' && chars.peek() == Some(&'{') {
            chars.next();
            out.push_str("{{");
            continue;
        }
        if c == '}' && chars.peek() == Some(&'}') {
            chars.next();
            out.push_str("}}");
            continue;
        }
        if c != '{' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        for d in chars.by_ref() {
            if d == '}' {
                break;
            }
            spec.push(d);
        }
        let Some(arg) = args.next() else {
            out.push('{');
            out.push_str(&spec);
            out.push('}');
            continue;
        };
        let inline = match &arg {
            syn::Expr::Path(p) if p.qself.is_none() && p.path.segments.len() == 1 => {
                let id = p.path.segments[0].ident.to_string();
                (id != "self" && !id.starts_with("r#")).then_some(id)
            }
            _ => None,
        };
        match inline {
            Some(id) => {
                out.push('{');
                out.push_str(&id);
                out.push_str(&spec);
                out.push('}');
            }
            None => {
                out.push('{');
                out.push_str(&spec);
                out.push('}');
                rest.push(arg);
            }
        }
    }
    rest.extend(args);
    let lit = syn::LitStr::new(&out, proc_macro2::Span::call_site());
    let mac = syn::Ident::new(name, proc_macro2::Span::call_site());
    if rest.is_empty() && out.is_empty() && matches!(name, "println" | "eprintln") {
        parse_quote!(#mac!())
    } else if rest.is_empty() {
        parse_quote!(#mac!(#lit))
    } else {
        parse_quote!(#mac!(#lit, #(#rest),*))
    }
}
