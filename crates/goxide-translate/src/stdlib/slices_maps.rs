//! `slices` and `maps` (Go 1.21–1.23) on `Vec<T>` and `HashMap<K, V>`: Rust's own methods
//! (`s.sort()`, `s.contains(&v)`, `s.dedup()`, `s.retain(…)`, `m.retain(…)`) where they behave
//! as Go's functions do, and Go's rules written out where Rust's differ: floats sort NaNs first,
//! `Max` and `Min` propagate NaNs and panic on an empty slice with Go's text, `BinarySearch`
//! finds the first of equal elements, `Insert` and `Delete` check their bounds as Go does.
//!
//! Functions that rearrange a slice in place (`Sort`, `Reverse`) write the caller's variable
//! (a local, a field, a package variable, a borrowed parameter, a re-slice `s[i:j]`). Those
//! that return the slice (`Insert`, `Delete`, `DeleteFunc`, `Compact`) edit the variable in
//! place when the result is assigned back to it (`s = slices.Delete(s, i, j)` →
//! `s.drain(…)`), and are otherwise a new `Vec`. Go 1.23's iterators are matched by shape:
//! `slices.Sorted(maps.Keys(m))`, `slices.Collect(maps.Values(m))`, `slices.Sorted(slices.Values(s))`.

use crate::ctx::Ctx;
use crate::expr::{as_base, paren_if_needed};
use goxide_ast::ast::{Expr, ExprKind, StmtKind};
use goxide_ast::visit::{self, Visitor};
use goxide_types::{ObjId, Type, TypeId};
use syn::parse_quote;

use super::{ident, is_simple};

/// What `slices.Max` (or `Min`) of an empty slice panics with.
fn empty_list(name: &str) -> String {
    format!("slices.{name}: empty list")
}

impl Ctx<'_> {
    pub(super) fn slices_maps_call(
        &mut self,
        e: &Expr,
        pkg: &str,
        name: &str,
        args: &[Expr],
        ellipsis: bool,
    ) -> syn::Expr {
        let mapped = match pkg {
            "slices" => self.slices_call(name, args, ellipsis),
            _ if ellipsis => None,
            "cmp" => self.cmp_call(name, args),
            _ => self.maps_call(name, args),
        };
        match mapped {
            Some(x) => x,
            None => self.unsupported(e, &format!("standard library function {pkg}.{name}")),
        }
    }

    fn slices_call(&mut self, name: &str, args: &[Expr], ellipsis: bool) -> Option<syn::Expr> {
        if ellipsis && !matches!(name, "Insert" | "Concat") {
            return None;
        }
        match (name, args) {
            ("Sort" | "Reverse", [s]) => {
                let elem = self.slice_elem(s)?;
                if !self.writable_slice(s) {
                    return None;
                }
                let float = self.is_float(elem);
                Some(self.in_place(s, Vec::new(), |p| match name {
                    "Reverse" => parse_quote!(#p.reverse()),
                    _ if float => parse_quote!(#p.sort_by(|a, b| a
                        .partial_cmp(b)
                        .unwrap_or_else(|| b.is_nan().cmp(&a.is_nan())))),
                    _ => parse_quote!(#p.sort()),
                }))
            }
            ("SortFunc" | "SortStableFunc", [s, f]) => {
                let elem = self.slice_elem(s)?;
                if !self.writable_slice(s) {
                    return None;
                }
                let root = self.slice_root(s);
                let (pre, cmp) = self.callback(f, "cmp", root)?;
                let (a, b) = (self.pass(&ident("a"), elem), self.pass(&ident("b"), elem));
                // Rust's `sort_by` is stable: a valid order for both (Go's `SortFunc` may
                // leave equal elements in another order).
                Some(self.in_place(
                    s,
                    pre,
                    |p| parse_quote!(#p.sort_by(|a, b| #cmp(#a, #b).cmp(&0))),
                ))
            }
            ("IsSorted", [s]) => {
                let elem = self.slice_elem(s)?;
                let x = self.recv(s);
                Some(if self.is_float(elem) {
                    parse_quote!(#x
                        .windows(2)
                        .all(|w| !(w[1] < w[0] || (w[1].is_nan() && !w[0].is_nan()))))
                } else {
                    parse_quote!(#x.is_sorted())
                })
            }
            ("Contains", [s, v]) => {
                let elem = self.slice_elem(s)?;
                let x = self.recv(s);
                if let Some(l) = self.const_str(v) {
                    return Some(parse_quote!(#x.iter().any(|x| x == #l)));
                }
                let v = self.compared_value(v, elem);
                Some(parse_quote!(#x.contains(&#v)))
            }
            ("Index", [s, v]) => {
                let elem = self.slice_elem(s)?;
                let x = self.recv(s);
                if let Some(l) = self.const_str(v) {
                    return Some(
                        parse_quote!(#x.iter().position(|x| x == #l).map_or(-1, |i| i as i64)),
                    );
                }
                let v = self.compared_value(v, elem);
                if is_simple(&v) {
                    return Some(
                        parse_quote!(#x.iter().position(|x| *x == #v).map_or(-1, |i| i as i64)),
                    );
                }
                let t = self.temp_name("v");
                Some(parse_quote!({
                    let #t = #v;
                    #x.iter().position(|x| *x == #t).map_or(-1, |i| i as i64)
                }))
            }
            ("ContainsFunc" | "IndexFunc", [s, f]) => {
                let elem = self.slice_elem(s)?;
                let x = self.recv(s);
                let adapt = if self.is_copy(elem) {
                    quote::quote!(copied)
                } else {
                    quote::quote!(cloned)
                };
                let f = self.element_fn(f)?;
                Some(match name {
                    "ContainsFunc" => parse_quote!(#x.iter().#adapt().any(#f)),
                    _ => parse_quote!(#x.iter().#adapt().position(#f).map_or(-1, |i| i as i64)),
                })
            }
            ("Equal", [a, b]) => {
                self.slice_elem(a)?;
                let (a, b) = (self.std_arg(a), self.std_arg(b));
                let (a, b) = (paren_if_needed(a), paren_if_needed(b));
                Some(parse_quote!(#a == #b))
            }
            ("Max" | "Min", [s]) => {
                let elem = self.slice_elem(s)?;
                let x = self.recv(s);
                self.use_support("rt");
                let msg = empty_list(name);
                let empty: syn::Expr = parse_quote!(crate::support::rt::go_panic(#msg));
                if self.is_float(elem) {
                    // Go's `max`/`min` of floats: a NaN wins, +0 is above -0.
                    self.use_support("math");
                    let f = ident(&name.to_lowercase());
                    let wide = self.is_f32(elem);
                    let step: syn::Expr = if wide {
                        parse_quote!(|a, b| crate::support::math::#f(f64::from(a), f64::from(b)) as f32)
                    } else {
                        parse_quote!(crate::support::math::#f)
                    };
                    return Some(parse_quote!(#x
                        .iter()
                        .copied()
                        .reduce(#step)
                        .unwrap_or_else(|| #empty)));
                }
                let f = ident(&name.to_lowercase());
                let own = if self.is_copy(elem) {
                    quote::quote!(copied)
                } else {
                    quote::quote!(cloned)
                };
                Some(parse_quote!(#x.iter().#f().#own().unwrap_or_else(|| #empty)))
            }
            ("BinarySearch", [s, target]) => {
                let elem = self.slice_elem(s)?;
                let x = self.std_arg(s);
                let t = self.compared_value(target, elem);
                // The first position whose element is not below the target (Rust's
                // `binary_search` may find any of equal elements).
                Some(if self.is_float(elem) {
                    parse_quote!({
                        let (s, t) = (&#x, #t);
                        let i = s.partition_point(|x| *x < t || (x.is_nan() && !t.is_nan()));
                        (i as i64, i < s.len() && (s[i] == t || (s[i].is_nan() && t.is_nan())))
                    })
                } else {
                    parse_quote!({
                        let (s, t) = (&#x, #t);
                        let i = s.partition_point(|x| *x < t);
                        (i as i64, i < s.len() && s[i] == t)
                    })
                })
            }
            ("Insert", [s, i, vs @ ..]) => {
                let elem = self.slice_elem(s)?;
                self.new_slice_marker(name, s);
                let out = self.temp_name("out");
                let sv = self.value(s);
                let edit = self.insert_edit(&out, i, vs, elem, ellipsis)?;
                Some(parse_quote!({
                    let mut #out = #sv;
                    #edit
                    #out
                }))
            }
            ("Delete" | "DeleteFunc" | "Compact", _) => {
                let s = args.first()?;
                self.slice_elem(s)?;
                self.new_slice_marker(name, s);
                let out = self.temp_name("out");
                let sv = self.value(s);
                let (pre, edit) = self.shrink_edit(name, &out, args)?;
                Some(parse_quote!({
                    #(#pre)*
                    let mut #out = #sv;
                    #edit
                    #out
                }))
            }
            ("Clone", [s]) => {
                self.slice_elem(s)?;
                Some(self.value(s))
            }
            ("Concat", [parts]) if ellipsis => {
                let p = self.recv(parts);
                Some(parse_quote!(#p.concat()))
            }
            ("Concat", [_, ..]) => {
                let mut parts: Vec<syn::Expr> = Vec::new();
                for a in args {
                    self.slice_elem(a)?;
                    let v = as_base(self.std_arg(a));
                    parts.push(parse_quote!(&#v[..]));
                }
                Some(parse_quote!([#(#parts),*].concat()))
            }
            ("Sorted" | "Collect", [seq]) => {
                let (items, elem, kind) = self.seq_items(seq)?;
                let ty = self.rust_type(elem)?;
                let items: syn::Expr = match items {
                    Items::Iter(it) if name == "Collect" => {
                        return Some(parse_quote!(#it.collect::<Vec<#ty>>()))
                    }
                    Items::Iter(it) => parse_quote!(#it.collect()),
                    Items::Vec(v) if name == "Collect" => return Some(v),
                    Items::Vec(v) => v,
                };
                let v = ident(kind);
                let sort: syn::Expr = if self.is_float(elem) {
                    parse_quote!(#v.sort_by(|a, b| a
                        .partial_cmp(b)
                        .unwrap_or_else(|| b.is_nan().cmp(&a.is_nan()))))
                } else {
                    parse_quote!(#v.sort())
                };
                Some(parse_quote!({
                    let mut #v: Vec<#ty> = #items;
                    #sort;
                    #v
                }))
            }
            _ => None,
        }
    }

    fn maps_call(&mut self, name: &str, args: &[Expr]) -> Option<syn::Expr> {
        match (name, args) {
            ("Clone", [m]) => {
                self.map_types(m)?;
                Some(self.value(m))
            }
            ("Equal", [a, b]) => {
                self.map_types(a)?;
                let (a, b) = (self.std_arg(a), self.std_arg(b));
                let (a, b) = (paren_if_needed(a), paren_if_needed(b));
                Some(parse_quote!(#a == #b))
            }
            ("Copy", [dst, src]) => {
                self.map_types(dst)?;
                if !self.is_place(dst) {
                    return None;
                }
                let sv = self.value(src);
                if self.global_root(dst).is_none() {
                    let d = as_base(self.place(dst));
                    return Some(parse_quote!(#d.extend(#sv)));
                }
                // The source is read before the package variable's cell is borrowed.
                let pre: Vec<syn::Stmt> = vec![parse_quote!(let src = #sv;)];
                Some(self.in_place_map(dst, pre, |d| parse_quote!(#d.extend(src))))
            }
            ("DeleteFunc", [m, f]) => {
                let (kt, vt) = self.map_types(m)?;
                if !self.is_place(m) {
                    return None;
                }
                let root = self.slice_root(m);
                let (pre, del) = self.callback(f, "del", root)?;
                let (k, v) = (self.pass(&ident("k"), kt), self.pass(&ident("v"), vt));
                Some(self.in_place_map(m, pre, |d| parse_quote!(#d.retain(|k, v| !#del(#k, #v)))))
            }
            _ => None,
        }
    }

    /// `cmp.Compare(a, b)` (-1, 0 or +1; a NaN is below every other float and equal to a NaN)
    /// and `cmp.Less(a, b)`, the orders `slices` sorts by.
    fn cmp_call(&mut self, name: &str, args: &[Expr]) -> Option<syn::Expr> {
        let [a, b] = args else { return None };
        let t = self.type_of(a)?;
        let float = self.is_float(t);
        let (a, b) = (self.std_arg(a), self.std_arg(b));
        let a = paren_if_needed(a);
        Some(match (name, float) {
            ("Compare", false) => parse_quote!(#a.cmp(&#b) as i64),
            ("Less", false) => parse_quote!(#a < #b),
            ("Compare", true) => parse_quote!({
                let (a, b) = (#a, #b);
                a.partial_cmp(&b)
                    .unwrap_or_else(|| b.is_nan().cmp(&a.is_nan())) as i64
            }),
            ("Less", true) => parse_quote!({
                let (a, b) = (#a, #b);
                a < b || (a.is_nan() && !b.is_nan())
            }),
            _ => return None,
        })
    }

    /// `s = slices.Insert(s, …)`, `s = slices.Delete(s, i, j)`, `s = slices.DeleteFunc(s, f)`,
    /// `s = slices.Compact(s)` with `s` a local or a field (not a package variable or a borrowed
    /// parameter): the edit done in place (`s.insert(i, v)`, `s.drain(…)`, `s.retain(…)`,
    /// `s.dedup()`), which leaves `s` what Go's assignment leaves in it.
    pub(crate) fn slices_assign_in_place(&mut self, l: &Expr, r: &Expr) -> Option<Vec<syn::Stmt>> {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &crate::builtins::strip_parens(r).kind
        else {
            return None;
        };
        let (pkg, name) = self.std_func(func)?;
        if pkg != "slices" || !matches!(name, "Insert" | "Delete" | "DeleteFunc" | "Compact") {
            return None;
        }
        let first = args.first()?;
        if !crate::stmt::same_place(l, first)
            || self.global_root(l).is_some()
            || self.slice_param_of(l).is_some()
            || self
                .slice_root(l)
                .is_some_and(|o| self.analysis.subslices.contains_key(&o))
            || (*ellipsis && name != "Insert")
        {
            return None;
        }
        let elem = self.slice_elem(first)?;
        if !self.is_place(l) {
            return None;
        }
        let target = as_base(self.place(l));
        if !is_simple(&target) {
            return None;
        }
        let target = paren_if_needed(target);
        let name = name.to_string();
        let stmts: Vec<syn::Stmt> = if name == "Insert" {
            let [_, i, vs @ ..] = args.as_slice() else {
                return None;
            };
            match self.insert_edit(&target, i, vs, elem, *ellipsis)? {
                syn::Stmt::Expr(syn::Expr::Block(b), _) => b.block.stmts,
                s => vec![s],
            }
        } else {
            let (mut pre, edit) = self.shrink_edit(&name, &target, args)?;
            pre.push(edit);
            pre
        };
        Some(match stmts.len() {
            1 => stmts,
            _ => vec![parse_quote!({ #(#stmts)* })],
        })
    }

    /// The statement inserting `vs` at `i` into the vector `out`.
    fn insert_edit(
        &mut self,
        out: &impl quote::ToTokens,
        i: &Expr,
        vs: &[Expr],
        elem: TypeId,
        ellipsis: bool,
    ) -> Option<syn::Stmt> {
        self.use_support("slices");
        let i = self.int_value(i);
        if ellipsis {
            let [more] = vs else { return None };
            let more = self.value(more);
            let at = self.temp_name("at");
            return Some(parse_quote!({
                let #at = crate::support::slices::insert_index(#i, #out.len());
                #out.splice(#at..#at, #more);
            }));
        }
        let vals: Vec<syn::Expr> = vs.iter().map(|v| self.value_as(v, elem)).collect();
        Some(match vals.as_slice() {
            [] => parse_quote!(crate::support::slices::insert_index(#i, #out.len());),
            [v] => {
                parse_quote!(#out.insert(crate::support::slices::insert_index(#i, #out.len()), #v);)
            }
            _ => {
                let at = self.temp_name("at");
                parse_quote!({
                    let #at = crate::support::slices::insert_index(#i, #out.len());
                    #out.splice(#at..#at, [#(#vals),*]);
                })
            }
        })
    }

    /// The statements before, and the statement doing, `Delete`, `DeleteFunc` or `Compact` on
    /// the vector `out`.
    fn shrink_edit(
        &mut self,
        name: &str,
        out: &impl quote::ToTokens,
        args: &[Expr],
    ) -> Option<(Vec<syn::Stmt>, syn::Stmt)> {
        let elem = self.slice_elem(args.first()?)?;
        match (name, args) {
            ("Delete", [_, i, j]) => {
                self.use_support("slices");
                let (i, j) = (self.int_value(i), self.int_value(j));
                Some((
                    Vec::new(),
                    parse_quote!(#out.drain(crate::support::slices::delete_range(#i, #j, #out.len()));),
                ))
            }
            ("DeleteFunc", [s, f]) => {
                let root = self.slice_root(s);
                let (pre, del) = self.callback(f, "del", root)?;
                let x = self.pass(&ident("x"), elem);
                Some((pre, parse_quote!(#out.retain(|x| !#del(#x));)))
            }
            ("Compact", [_]) => Some((Vec::new(), parse_quote!(#out.dedup();))),
            _ => None,
        }
    }

    /// A `semantics` marker where `Insert`, `Delete`, `DeleteFunc` or `Compact` of a variable
    /// becomes a new vector: Go's result shares the variable's elements and rearranges them.
    fn new_slice_marker(&mut self, name: &str, s: &Expr) {
        if !self.is_place(s) {
            return;
        }
        let snippet = self.snippet(s.span);
        let how = if name == "Insert" {
            "may shift"
        } else {
            "shifts"
        };
        self.marker(format!(
            "semantics: slices.{name} returns a new Vec here and leaves `{snippet}` as it was; \
             Go's result shares `{snippet}`'s elements and {how} them"
        ));
    }

    /// `build(place)` on the slice `s` is written in place: inside its cell for a package
    /// variable; `pre` (a callback's binding) comes first.
    fn in_place(
        &mut self,
        s: &Expr,
        pre: Vec<syn::Stmt>,
        build: impl FnOnce(&syn::Expr) -> syn::Expr,
    ) -> syn::Expr {
        let body = self.through_global(s, |c| {
            let p = match c.slice_target(s) {
                // `(s[1..4])` needs no parentheses as a receiver.
                syn::Expr::Paren(p) if matches!(*p.expr, syn::Expr::Index(_)) => *p.expr,
                p => paren_if_needed(p),
            };
            build(&p)
        });
        prefixed(pre, body)
    }

    /// [`Ctx::in_place`] for a map.
    fn in_place_map(
        &mut self,
        m: &Expr,
        pre: Vec<syn::Stmt>,
        build: impl FnOnce(&syn::Expr) -> syn::Expr,
    ) -> syn::Expr {
        let body = self.through_global(m, |c| {
            let p = paren_if_needed(as_base(c.place(m)));
            build(&p)
        });
        prefixed(pre, body)
    }

    /// A function argument called with elements (`cmp(a, b)`, `del(x)`): a function literal
    /// bound to a name (borrowing what it uses; `None` when it names `root`, the variable
    /// being rearranged), or a function value. Returns the binding and what to call.
    fn callback(
        &mut self,
        f: &Expr,
        base: &str,
        root: Option<ObjId>,
    ) -> Option<(Vec<syn::Stmt>, syn::Expr)> {
        let lit = crate::builtins::strip_parens(f);
        if matches!(lit.kind, ExprKind::FuncLit { .. }) {
            if root.is_some_and(|o| crate::subslice::mentions(self.info, lit, o)) {
                return None;
            }
            let c = self.borrowing_closure(lit, None)?;
            let name = self.temp_name(base);
            let binding: syn::Stmt = if self.writes_captures(lit) {
                parse_quote!(let mut #name = #c;)
            } else {
                parse_quote!(let #name = #c;)
            };
            return Some((vec![binding], parse_quote!(#name)));
        }
        let v = self.borrowed(f);
        if let Some(path) = plain_fn(&v) {
            return Some((Vec::new(), path));
        }
        if is_simple(&v) {
            return Some((Vec::new(), v));
        }
        let name = self.temp_name(base);
        Some((vec![parse_quote!(let #name = #v;)], parse_quote!(#name)))
    }

    /// A `func(E) bool` argument as something `Iterator::any` and `position` take: a function
    /// literal's closure as it is, a function value called through a closure.
    fn element_fn(&mut self, f: &Expr) -> Option<syn::Expr> {
        let lit = crate::builtins::strip_parens(f);
        if matches!(lit.kind, ExprKind::FuncLit { .. }) {
            return self.borrowing_closure(lit, None);
        }
        let v = self.borrowed(f);
        if let Some(path) = plain_fn(&v) {
            return Some(path);
        }
        let v = paren_if_needed(v);
        Some(parse_quote!(|x| #v(x)))
    }

    /// Whether a function literal assigns to a variable it captures (its closure is `FnMut`).
    fn writes_captures(&self, lit: &Expr) -> bool {
        let Some(free) = self.analysis.free_vars.get(&lit.id) else {
            return false;
        };
        let ExprKind::FuncLit { body, .. } = &lit.kind else {
            return false;
        };
        struct Writes<'a> {
            info: &'a goxide_types::Info,
            free: &'a [ObjId],
            found: bool,
        }
        impl Visitor for Writes<'_> {
            fn stmt(&mut self, s: &goxide_ast::ast::Stmt) -> bool {
                let targets: Vec<&Expr> = match &s.kind {
                    StmtKind::Assign { lhs, .. } => lhs.iter().collect(),
                    StmtKind::IncDec { x, .. } => vec![x],
                    _ => Vec::new(),
                };
                for t in targets {
                    let mut t = t;
                    while let ExprKind::Paren(x)
                    | ExprKind::Selector { x, .. }
                    | ExprKind::Index { x, .. }
                    | ExprKind::Star(x) = &t.kind
                    {
                        t = x;
                    }
                    if let Some(o) = self.info.uses.get(&t.id) {
                        self.found |= self.free.contains(o);
                    }
                }
                !self.found
            }
        }
        let mut w = Writes {
            info: self.info,
            free,
            found: false,
        };
        visit::walk_block(&mut w, body);
        w.found
    }

    /// The elements of a Go 1.23 sequence, their type, and a name for them: `maps.Keys(m)`,
    /// `maps.Values(m)`, `slices.Values(s)`.
    fn seq_items(&mut self, seq: &Expr) -> Option<(Items, TypeId, &'static str)> {
        let ExprKind::Call {
            func,
            args,
            ellipsis: false,
        } = &crate::builtins::strip_parens(seq).kind
        else {
            return None;
        };
        let (pkg, name) = self.std_func(func)?;
        let [x] = args.as_slice() else {
            return None;
        };
        match (pkg, name) {
            ("maps", "Keys" | "Values") => {
                let (kt, vt) = self.map_types(x)?;
                let (elem, what, kind) = if name == "Keys" {
                    (kt, quote::quote!(keys), "keys")
                } else {
                    (vt, quote::quote!(values), "values")
                };
                let own = if self.is_copy(elem) {
                    quote::quote!(copied)
                } else {
                    quote::quote!(cloned)
                };
                // In the map's order, which Go leaves unspecified too.
                let m = self.recv(x);
                Some((Items::Iter(parse_quote!(#m.#what().#own())), elem, kind))
            }
            ("slices", "Values") => {
                let elem = self.slice_elem(x)?;
                Some((Items::Vec(self.value(x)), elem, "values"))
            }
            _ => None,
        }
    }

    /// The element type of a slice-typed argument.
    fn slice_elem(&self, s: &Expr) -> Option<TypeId> {
        match self.under(self.type_of(s)?) {
            Type::Slice(e) => Some(*e),
            _ => None,
        }
    }

    /// The key and value types of a map-typed argument.
    fn map_types(&self, m: &Expr) -> Option<(TypeId, TypeId)> {
        match self.under(self.type_of(m)?) {
            Type::Map(k, v) => Some((*k, *v)),
            _ => None,
        }
    }

    fn is_float(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Basic(k) if k.is_float())
    }

    fn is_f32(&self, t: TypeId) -> bool {
        matches!(self.under(t), Type::Basic(goxide_types::BasicKind::Float32))
    }

    /// Whether `s` (or the base of the re-slice `s[i:j]`) is a place that can be written.
    fn writable_slice(&self, s: &Expr) -> bool {
        match &crate::builtins::strip_parens(s).kind {
            ExprKind::Slice { x, max: None, .. } => self.is_place(x),
            ExprKind::Slice { .. } => false,
            _ => self.is_place(s),
        }
    }

    /// The variable at the root of a place (`s`, `p.xs`, `s[1:]`).
    fn slice_root(&self, s: &Expr) -> Option<ObjId> {
        let mut t = crate::builtins::strip_parens(s);
        loop {
            match &t.kind {
                ExprKind::Paren(x)
                | ExprKind::Selector { x, .. }
                | ExprKind::Index { x, .. }
                | ExprKind::Slice { x, .. }
                | ExprKind::Star(x) => t = x,
                ExprKind::Ident(_) => return self.obj_of(t),
                _ => return None,
            }
        }
    }

    /// An argument as the receiver of a method call.
    fn recv(&mut self, e: &Expr) -> syn::Expr {
        paren_if_needed(as_base(self.std_arg(e)))
    }

    /// A value compared with elements of type `elem`: borrowed when it has that type already.
    fn compared_value(&mut self, v: &Expr, elem: TypeId) -> syn::Expr {
        if self.info.const_value(v.id).is_none() && self.type_of(v) == Some(elem) {
            return self.borrowed(v);
        }
        self.value_as(v, elem)
    }

    /// An `int` argument as an `i64`.
    fn int_value(&mut self, i: &Expr) -> syn::Expr {
        let t = self.prog.types.basic(goxide_types::BasicKind::Int);
        self.value_as(i, t)
    }

    /// The element behind the reference `x` passed by value: `*x`, or `x.clone()`.
    fn pass(&self, x: &syn::Ident, elem: TypeId) -> syn::Expr {
        if self.is_copy(elem) {
            parse_quote!(*#x)
        } else {
            parse_quote!(#x.clone())
        }
    }
}

/// The elements of a sequence: an iterator over owned elements, or a new `Vec`.
enum Items {
    Iter(syn::Expr),
    Vec(syn::Expr),
}

/// The function a function value wraps (`Rc::new(is_even)` → `is_even`), called directly.
fn plain_fn(v: &syn::Expr) -> Option<syn::Expr> {
    let syn::Expr::Call(c) = v else {
        return None;
    };
    let syn::Expr::Path(f) = &*c.func else {
        return None;
    };
    if f.path.segments.last()?.ident != "new" || c.args.len() != 1 {
        return None;
    }
    match c.args.first()? {
        p @ syn::Expr::Path(_) => Some(p.clone()),
        _ => None,
    }
}

/// `body` after the statements `pre` (a callback's binding), as one expression.
fn prefixed(pre: Vec<syn::Stmt>, body: syn::Expr) -> syn::Expr {
    if pre.is_empty() {
        return body;
    }
    parse_quote!({
        #(#pre)*
        #body;
    })
}
