//! Locals naming one value of a map that holds its pointers' values (`map[K]*T` as
//! `HashMap<K, T>`, see `owned_elems`). Go's `v, ok := m[k]` gives nil and `false` for a
//! missing key; where the test of the lookup (`ok`, `v != nil`) only decides whether `v` is
//! used, `v` is the `Some` of the lookup, a borrow of the value in place:
//!
//! - `if v, ok := m[k]; ok { … }` (or `if v := m[k]; v != nil`) is
//!   `if let Some(v) = m.get_mut(&k) { … }`;
//! - `v, ok := m[k]` followed by `if !ok { return … }` (or `v := m[k]` and `if v == nil`) is
//!   `let Some(v) = m.get_mut(&k) else { return …; };`;
//! - get or create, `v, ok := m[k]` followed by `if !ok { v = &T{…}; m[k] = v }`, is
//!   `let v = m.entry(k).or_insert_with(|| T { … });`;
//! - `v := m[k]` used as it is is an optional borrow, `let v = m.get(&k);`.
//!
//! (`get` instead of `get_mut` when nothing writes through `v`.)

use crate::builtins::strip_parens;
use crate::ctx::Ctx;
use crate::owned_elems::MapLocal;
use goxide_ast::ast::*;
use goxide_types::Type;
use syn::parse_quote;

/// The parts of a lookup `v, ok := m[k]` (or `v := m[k]`): `v`'s object and Go name, the
/// map, the key and the key type.
struct Lookup<'s> {
    v: goxide_types::ObjId,
    name: &'s str,
    map: &'s Expr,
    key: &'s Expr,
    key_type: goxide_types::TypeId,
}

impl Ctx<'_> {
    /// The lookup `s` when it declares a local of form `form`.
    fn map_lookup_of<'s>(&self, s: &'s Stmt, form: MapLocal) -> Option<Lookup<'s>> {
        let StmtKind::Assign { lhs, rhs, .. } = &s.kind else {
            return None;
        };
        let (Some(v), [r]) = (lhs.first(), rhs.as_slice()) else {
            return None;
        };
        let o = *self.info.defs.get(&v.id)?;
        if self.analysis.owned_elems.map_locals.get(&o) != Some(&form) {
            return None;
        }
        let (ExprKind::Index { x, indices }, ExprKind::Ident(name)) =
            (&strip_parens(r).kind, &v.kind)
        else {
            return None;
        };
        let Type::Map(kt, _) = self.under(self.type_of(x)?).clone() else {
            return None;
        };
        Some(Lookup {
            v: o,
            name,
            map: x,
            key: indices.first()?,
            key_type: kt,
        })
    }

    /// For the lookup `v, ok := m[k]` (or `v := m[k]`) declaring a local of form `form`: `v`'s
    /// Rust name and the lookup, `m.get_mut(&k)` (`m.get(&k)` when nothing writes through
    /// `v`).
    pub fn map_value_lookup(
        &mut self,
        lookup: &Stmt,
        form: MapLocal,
    ) -> Option<(syn::Ident, syn::Expr)> {
        let l = self.map_lookup_of(lookup, form)?;
        let written = *self.analysis.owned_elems.elem_locals.get(&l.v)?;
        let k = self.map_key_ref(l.key, l.key_type);
        let lookup: syn::Expr = if written {
            let m = crate::expr::as_base(self.place(l.map));
            parse_quote!(#m.get_mut(#k))
        } else {
            let m = crate::expr::as_base(self.borrowed(l.map));
            parse_quote!(#m.get(#k))
        };
        Some((self.bind_local(l.v, l.name), lookup))
    }

    /// `v, ok := m[k]` (`s`) and the `if !ok { … }` after it (`next`) as one statement (or
    /// `v := m[k]` and `if v == nil { … }`): `let Some(v) = m.get_mut(&k) else { … };` when
    /// the block leaves, `let v = m.entry(k).or_insert_with(|| T { … });` when it fills the
    /// key.
    pub fn map_value_guarded(&mut self, s: &Stmt, next: Option<&Stmt>) -> Option<syn::Stmt> {
        let StmtKind::If { then, .. } = &next?.kind else {
            return None;
        };
        if let Some((id, lookup)) = self.map_value_lookup(s, MapLocal::LetElse) {
            let els = self.block(then);
            return Some(parse_quote!(let Some(#id) = #lookup else #els;));
        }
        self.map_value_or_insert(s, then)
    }

    /// `v, ok := m[k]` whose `if !ok { v = &T{…}; m[k] = v }` is `then`:
    /// `let v = m.entry(k).or_insert_with(|| T { … });`.
    fn map_value_or_insert(&mut self, s: &Stmt, then: &Block) -> Option<syn::Stmt> {
        let Some(StmtKind::Assign { rhs: fresh, .. }) = then.stmts.first().map(|g| &g.kind) else {
            return None;
        };
        let [fresh] = fresh.as_slice() else {
            return None;
        };
        let l = self.map_lookup_of(s, MapLocal::OrInsert)?;
        let m = crate::expr::as_base(self.place(l.map));
        let k = crate::expr::paren_if_needed(self.value_as(l.key, l.key_type));
        let value = self.value(fresh);
        let id = self.bind_local(l.v, l.name);
        // (`new(T)`: `or_default()`.)
        let zero = matches!(&value, syn::Expr::Call(c) if c.args.is_empty()
            && matches!(&*c.func, syn::Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "default")));
        Some(if zero {
            parse_quote!(let #id = #m.entry(#k).or_default();)
        } else {
            parse_quote!(let #id = #m.entry(#k).or_insert_with(|| #value);)
        })
    }
}
