//! Tuple assignments with a Rust form of their own: `a, b = b, a` is `std::mem::swap`,
//! `xs[i], xs[j] = xs[j], xs[i]` is `xs.swap(j, i)`, `i, j = i+1, j-1` is one assignment
//! after another when no value reads a target assigned before it, and targets held as plain
//! Rust values take a destructuring assignment: `(a, b) = (b, a + b);`,
//! `(n, err) = parse(s);`, `let data; (data, err) = os::read_file(&path);`. (Any other
//! parallel assignment evaluates every value into a temporary first: see `stmt`.)

use crate::builtins::strip_parens;
use crate::ctx::Ctx;
use goxide_ast::ast::*;
use goxide_types::{ObjId, ObjKind, Type, TypeId};
use syn::parse_quote;

impl Ctx<'_> {
    /// `a, b = b, a` of two local variables held the same way (no shared cell, no capture):
    /// `std::mem::swap(&mut a, &mut b);`, which moves the values instead of copying them.
    pub(crate) fn swap(&mut self, lhs: &[Expr], rhs: &[Expr]) -> Option<syn::Stmt> {
        let ([l0, l1], [r0, r1]) = (lhs, rhs) else {
            return None;
        };
        if let Some(s) = self.element_swap(l0, l1, r0, r1) {
            return Some(s);
        }
        let ids: Vec<ObjId> = [l0, l1, r0, r1]
            .iter()
            .map(|e| {
                let e = strip_parens(e);
                match e.kind {
                    ExprKind::Ident(_) => self.obj_of(e),
                    _ => None,
                }
            })
            .collect::<Option<_>>()?;
        let (a, b) = (ids[0], ids[1]);
        if a == b || ids[2] != b || ids[3] != a || self.obj(a).ty != self.obj(b).ty {
            return None;
        }
        let an = &self.analysis;
        // Both held alike: the same Rust type.
        let held = |o: ObjId| {
            (
                an.bytestrs.contains(&o),
                an.subslices.contains_key(&o),
                an.slice_params.get(&o).copied(),
                an.ptr_params.params.get(&o).copied(),
                an.ptr_params.owned.contains_key(&o),
                an.ptr_params.nullable.contains(&o),
            )
        };
        if !self.plain_local(a) || !self.plain_local(b) || held(a) != held(b) {
            return None;
        }
        let (pa, pb) = (self.place(l0), self.place(l1));
        Some(parse_quote!(std::mem::swap(&mut #pa, &mut #pb);))
    }

    /// `xs[a], xs[b] = xs[b], xs[a]` on one slice or array of a local variable (or a field
    /// path of one), with indices that only read variables and constants: `xs.swap(b, a)`
    /// (`b` first, as Go reads `xs[b]` first), which moves the elements instead of copying
    /// them.
    fn element_swap(&mut self, l0: &Expr, l1: &Expr, r0: &Expr, r1: &Expr) -> Option<syn::Stmt> {
        fn index(e: &Expr) -> Option<(&Expr, &Expr)> {
            match &strip_parens(e).kind {
                ExprKind::Index { x, indices } if indices.len() == 1 => Some((&**x, &indices[0])),
                _ => None,
            }
        }
        let ((x0, a), (x1, b), (y0, rb), (y1, ra)) =
            (index(l0)?, index(l1)?, index(r0)?, index(r1)?);
        if ![x1, y0, y1].iter().all(|x| self.same_place(x0, x)) {
            return None;
        }
        if !self.same_place(a, ra) || !self.same_place(b, rb) {
            return None;
        }
        let xt = self.type_of(x0)?;
        if !matches!(self.under(xt), Type::Slice(_) | Type::Array(..)) {
            return None;
        }
        if !self.pure_index(a) || !self.pure_index(b) || !self.local_place(x0) {
            return None;
        }
        let place = crate::expr::as_base(self.place(x0));
        let (ia, ib) = (self.index_usize(a), self.index_usize(b));
        // A named slice type with a `Swap` method of its own (`sort.Interface`): that method
        // is its extension trait's `swap`, which `self.swap(…)` would call; `[..]` names the
        // slice's.
        let own_swap = self
            .prog
            .methods_of(xt)
            .into_iter()
            .any(|m| self.obj(m).name.eq_ignore_ascii_case("swap"));
        if own_swap {
            return Some(parse_quote!(#place[..].swap(#ib, #ia);));
        }
        Some(parse_quote!(#place.swap(#ib, #ia);))
    }

    /// `(a, b) = value;` for targets that are `_` or local variables held as their plain Rust
    /// value, each of its value's Go type; with `:=`, the new ones are declared first
    /// (`let data;`). `None` when a target needs more than a plain assignment (a cell, a
    /// borrow, a conversion).
    pub(crate) fn destructure_assign(
        &mut self,
        lhs: &[Expr],
        define: bool,
        value: &syn::Expr,
        types: &[Option<TypeId>],
    ) -> Option<Vec<syn::Stmt>> {
        if !self.destructurable(lhs, define, types) {
            return None;
        }
        let mut decls: Vec<syn::Stmt> = Vec::new();
        let mut pats: Vec<syn::Expr> = Vec::new();
        let mut news: Vec<(ObjId, &str)> = Vec::new();
        for l in lhs {
            let ExprKind::Ident(n) = &strip_parens(l).kind else {
                return None;
            };
            if n == "_" {
                pats.push(parse_quote!(_));
                continue;
            }
            let o = self.obj_of(l)?;
            if define && self.info.defs.get(&l.id) == Some(&o) {
                news.push((o, n));
                continue;
            }
            let id = self.var_name(o);
            pats.push(parse_quote!(#id));
        }
        // (Bound only once every target is known to fit.)
        let mut k = 0;
        for (i, l) in lhs.iter().enumerate() {
            let Some(&(o, n)) = news.get(k) else { break };
            if self.info.defs.get(&l.id) != Some(&o) {
                continue;
            }
            k += 1;
            let id = self.bind_local(o, n);
            decls.push(if self.analysis.mutated.contains(&o) {
                parse_quote!(let mut #id;)
            } else {
                parse_quote!(let #id;)
            });
            pats.insert(i, parse_quote!(#id));
        }
        decls.push(parse_quote!((#(#pats),*) = #value;));
        Some(decls)
    }

    /// Whether every target of a tuple assignment is `_` or a plain local of its value's
    /// type (see [`Ctx::destructure_assign`]); nothing is emitted.
    pub(crate) fn destructurable(
        &self,
        lhs: &[Expr],
        define: bool,
        types: &[Option<TypeId>],
    ) -> bool {
        lhs.iter().enumerate().all(|(i, l)| {
            let ExprKind::Ident(n) = &strip_parens(l).kind else {
                return false;
            };
            if n == "_" {
                return true;
            }
            let (Some(o), Some(vt)) = (self.obj_of(l), types.get(i).copied().flatten()) else {
                return false;
            };
            let new = define && self.info.defs.get(&l.id) == Some(&o);
            self.plain_target(o, vt) && (new || self.plain_local_place(l))
        })
    }

    /// A local variable of Go type `vt` that Rust holds as its plain value: no cell, no
    /// borrow, no pointer form, no `usize` index, no named result.
    fn plain_target(&self, o: ObjId, vt: TypeId) -> bool {
        let an = &self.analysis;
        let t = self.obj(o).ty;
        matches!(self.obj(o).kind, ObjKind::Var { global: false, .. })
            && self.plain_local(o)
            && self.prog.identical(t, vt)
            && !matches!(self.under(t), Type::Pointer(_))
            && !an.slice_params.contains_key(&o)
            && !an.subslices.contains_key(&o)
            && !an.bytestrs.contains(&o)
            && !an.ptr_params.params.contains_key(&o)
            && !an.local_closure_vars.contains_key(&o)
            && !self.usize_vars.contains(&o)
            && !self.deref_vars.contains(&o)
            && !self.borrowed_range.contains(&o)
            && !self.func.named_results.contains(&o)
    }

    /// Whether two expressions name the same variable, field path or constant.
    fn same_place(&self, x: &Expr, y: &Expr) -> bool {
        let (x, y) = (strip_parens(x), strip_parens(y));
        match (&x.kind, &y.kind) {
            (ExprKind::Ident(_), ExprKind::Ident(_)) => {
                self.obj_of(x).is_some() && self.obj_of(x) == self.obj_of(y)
            }
            (ExprKind::Selector { x: bx, sel: sx }, ExprKind::Selector { x: by, sel: sy }) => {
                sx.name == sy.name && self.same_place(bx, by)
            }
            (ExprKind::BasicLit(_), ExprKind::BasicLit(_)) => {
                self.info.const_value(x.id).is_some()
                    && self.info.const_value(x.id) == self.info.const_value(y.id)
            }
            _ => false,
        }
    }

    /// An index made of variables, constants and arithmetic: reading it changes nothing.
    fn pure_index(&self, e: &Expr) -> bool {
        if self.info.const_value(e.id).is_some() {
            return true;
        }
        match &strip_parens(e).kind {
            ExprKind::Ident(_) => self
                .obj_of(e)
                .is_some_and(|o| matches!(self.obj(o).kind, ObjKind::Var { global: false, .. })),
            ExprKind::Binary { x, y, .. } => self.pure_index(x) && self.pure_index(y),
            _ => false,
        }
    }

    /// A local variable, or a field path of one (`xs`, `h.items`): not a package variable.
    fn local_place(&self, e: &Expr) -> bool {
        let e = strip_parens(e);
        match &e.kind {
            ExprKind::Ident(_) => self.obj_of(e).is_some_and(|o: ObjId| {
                matches!(self.obj(o).kind, ObjKind::Var { global: false, .. })
            }),
            ExprKind::Selector { x, .. } => {
                self.info
                    .selections
                    .get(&e.id)
                    .is_some_and(|s| s.kind == goxide_types::SelectionKind::FieldVal)
                    && self.local_place(x)
            }
            _ => false,
        }
    }

    /// Whether the targets of a parallel assignment are distinct local variables (or `_`) that
    /// nothing but this function's own code reads (no closure, no pointer, no cell), and no
    /// value names a target assigned before it: assigning them in turn is then the same as
    /// evaluating every value first (`i, j = i+1, j-1` is `i += 1; j -= 1;`).
    pub(crate) fn independent_targets(&self, lhs: &[Expr], rhs: &[Expr]) -> bool {
        let mut targets: Vec<ObjId> = Vec::new();
        for (l, r) in lhs.iter().zip(rhs) {
            // (A value is evaluated after the targets before it are assigned.)
            if targets
                .iter()
                .any(|&o| crate::subslice::mentions(self.info, r, o))
            {
                return false;
            }
            let l = strip_parens(l);
            match &l.kind {
                ExprKind::Ident(n) if n == "_" => {}
                ExprKind::Ident(_) => {
                    let Some(o) = self.obj_of(l) else {
                        return false;
                    };
                    if !self.plain_local(o) || targets.contains(&o) {
                        return false;
                    }
                    targets.push(o);
                }
                _ => return false,
            }
        }
        true
    }
}
