//! Constraint satisfaction of type arguments (the spec's "Instantiations" and "Satisfying a
//! type constraint"): type sets of constraint interfaces as term lists (`~T` and unions,
//! intersected over embedded elements), the methods a constraint requires, and `comparable`.
//!
//! Instantiations of the checked package are recorded as they are met and verified once all
//! declarations are complete (a constraint may mention types declared later, or the generic
//! type being declared).

use super::Checker;
use crate::types::{Interface, Term, Type, TypeTable};
use crate::TypeId;
use goxide_ast::Span;

/// Deepest nesting of constraint interfaces, struct fields and arrays followed.
const MAX_NEST: u32 = 32;

/// An instantiation waiting for verification.
pub(crate) struct PendingInst {
    tparams: Vec<TypeId>,
    targs: Vec<TypeId>,
    /// Where to report a failure of each type argument (the call or type expression for
    /// inferred ones).
    spans: Vec<Span>,
    file: u32,
}

/// A type set as a union of terms; `None` is the set of all types.
type TermList = Option<Vec<Term>>;

impl Checker<'_> {
    /// Records the instantiation of `tparams` with `targs` for verification against their
    /// constraints (only in the checked package, whose errors are reported).
    pub(crate) fn defer_verify(&mut self, tparams: &[TypeId], targs: &[TypeId], spans: Vec<Span>) {
        if !self.is_main() || tparams.len() != targs.len() || tparams.is_empty() {
            return;
        }
        self.pending_insts.push(PendingInst {
            tparams: tparams.to_vec(),
            targs: targs.to_vec(),
            spans,
            file: self.cur_file,
        });
    }

    /// Verifies every recorded instantiation, reporting the first unsatisfied constraint of
    /// each.
    pub(crate) fn verify_instantiations(&mut self) {
        let saved = (self.cur, self.cur_file);
        self.cur = self.main;
        for p in std::mem::take(&mut self.pending_insts) {
            self.cur_file = p.file;
            self.verify(&p);
        }
        (self.cur, self.cur_file) = saved;
    }

    fn verify(&mut self, p: &PendingInst) {
        let map = p
            .tparams
            .iter()
            .copied()
            .zip(p.targs.iter().copied())
            .collect();
        for (i, (&tp, &ta)) in p.tparams.iter().zip(&p.targs).enumerate() {
            let Type::TypeParam { constraint, .. } = *self.prog.types.get(tp) else {
                continue;
            };
            if constraint == TypeTable::INVALID || ta == TypeTable::INVALID {
                continue;
            }
            let bound = self.subst(constraint, &map, 0);
            // No follow-on errors for types that failed to check.
            if self.mentions_invalid(bound, 0) || self.mentions_invalid(ta, 0) {
                continue;
            }
            if let Some(msg) = self.unsatisfied(ta, bound) {
                let span = p.spans.get(i).or(p.spans.last()).copied();
                if let Some(span) = span {
                    self.error(span, msg);
                }
                return;
            }
        }
    }

    /// Why type argument `v` does not satisfy constraint `bound` (a Go-like message), or
    /// `None` when it does.
    fn unsatisfied(&mut self, v: TypeId, bound: TypeId) -> Option<String> {
        let bu = self.under(bound);
        let Type::Interface(ti) = self.prog.types.get(bu).clone() else {
            return None;
        };
        if ti.all_methods.is_empty() && ti.terms.is_none() && !ti.comparable {
            return None;
        }
        let vu = self.under(v);
        if vu == TypeTable::INVALID {
            return None;
        }
        if let Type::Pointer(b) = *self.prog.types.get(vu) {
            if self.under(b) == TypeTable::INVALID {
                return None;
            }
        }
        // A type parameter's type set is its constraint's; an interface's is its own.
        let v_iface = match *self.prog.types.get(v) {
            Type::TypeParam { constraint, .. } => {
                let cu = self.under(constraint);
                match self.prog.types.get(cu) {
                    Type::Interface(it) => Some(it.clone()),
                    _ => return None,
                }
            }
            _ => match self.prog.types.get(vu) {
                Type::Interface(it) => Some(it.clone()),
                _ => None,
            },
        };
        let v_set = v_iface.as_ref().map(|it| self.term_list(it, 0));
        if matches!(&v_set, Some(Some(ts)) if ts.is_empty()) {
            // The empty type set is a subset of every type set.
            return None;
        }
        let (vs, bs) = (self.type_str(v), self.bound_str(bound));
        let t_set = self.term_list(&ti, 0);
        if matches!(&t_set, Some(ts) if ts.is_empty()) {
            return Some(format!("cannot satisfy {bs} (empty type set)"));
        }
        let why = match &v_iface {
            Some(vi) => self.missing_in_iface(vi, &ti),
            None => match self.missing_method(v, bu) {
                Some((m, true)) => Some(format!("method {m} has pointer receiver")),
                Some((m, false)) => {
                    let pkg = self.cur;
                    Some(match self.lookup_in(v, &m, pkg) {
                        Some(f) if f.is_method => format!("wrong type for method {m}"),
                        _ => format!("missing method {m}"),
                    })
                }
                None => None,
            },
        };
        if let Some(why) = why {
            return Some(format!("{vs} does not satisfy {bs} ({why})"));
        }
        if let Some(t_set) = t_set {
            match v_set {
                Some(v_set) => {
                    if !self.subset(&v_set, &t_set) {
                        return Some(format!("{vs} does not satisfy {bs}"));
                    }
                }
                None => {
                    if !t_set.iter().any(|t| self.includes(t, v)) {
                        let terms = self.terms_str(&t_set);
                        // `T` where `~T` was probably meant.
                        let alt = t_set.iter().find(|t| {
                            !t.tilde
                                && self.prog.types.underlying(t.ty) == t.ty
                                && self.identical(t.ty, vu)
                        });
                        return Some(match alt {
                            Some(t) => {
                                let ts = self.type_str(t.ty);
                                format!(
                                    "{vs} does not satisfy {bs} (possibly missing ~ for {ts} in {bs})"
                                )
                            }
                            None => format!("{vs} does not satisfy {bs} ({vs} missing in {terms})"),
                        });
                    }
                }
            }
        }
        if ti.comparable && !self.comparable_arg(v) {
            return Some(format!("{vs} does not satisfy comparable"));
        }
        None
    }

    /// The first method of `want` that interface (or constraint) `have` lacks or has with
    /// another signature.
    fn missing_in_iface(&self, have: &Interface, want: &Interface) -> Option<String> {
        for m in &want.all_methods {
            match have.all_methods.iter().find(|x| x.name == m.name) {
                Some(x) if self.identical(x.sig, m.sig) => {}
                Some(_) => return Some(format!("wrong type for method {}", m.name)),
                None => return Some(format!("missing method {}", m.name)),
            }
        }
        None
    }

    /// The type set of constraint interface `it` as a union of terms (`None`: all types);
    /// unions are intersected, and interfaces among union terms contribute their own sets.
    fn term_list(&mut self, it: &Interface, depth: u32) -> TermList {
        let unions = it.terms.as_ref()?;
        let mut acc: TermList = None;
        for u in unions {
            let Some(set) = self.union_terms(u, depth) else {
                continue;
            };
            acc = Some(match acc {
                None => set,
                Some(prev) => self.intersect(&prev, &set),
            });
        }
        acc
    }

    fn union_terms(&mut self, union: &[Term], depth: u32) -> TermList {
        let mut out: Vec<Term> = Vec::new();
        for t in union {
            if t.ty == TypeTable::INVALID {
                return None;
            }
            let tu = self.under(t.ty);
            let sub = match self.prog.types.get(tu) {
                // Not valid as a term; be permissive.
                Type::TypeParam { .. } => return None,
                Type::Interface(it) if depth < MAX_NEST => {
                    let it = it.clone();
                    self.term_list(&it, depth + 1)?
                }
                Type::Interface(_) => return None,
                _ => vec![t.clone()],
            };
            for s in sub {
                if !out
                    .iter()
                    .any(|o| o.tilde == s.tilde && self.identical(o.ty, s.ty))
                {
                    out.push(s);
                }
            }
        }
        Some(out)
    }

    fn intersect(&mut self, xs: &[Term], ys: &[Term]) -> Vec<Term> {
        let mut out: Vec<Term> = Vec::new();
        for x in xs {
            for y in ys {
                if self.disjoint(x, y) {
                    continue;
                }
                // ~t ∩ ~t = ~t; otherwise the term without ~.
                let r = if !x.tilde { x.clone() } else { y.clone() };
                if !out
                    .iter()
                    .any(|o| o.tilde == r.tilde && self.identical(o.ty, r.ty))
                {
                    out.push(r);
                }
            }
        }
        out
    }

    fn disjoint(&mut self, x: &Term, y: &Term) -> bool {
        let ux = if y.tilde { self.under(x.ty) } else { x.ty };
        let uy = if x.tilde { self.under(y.ty) } else { y.ty };
        !self.identical(ux, uy)
    }

    /// Whether every term of `xs` lies within some term of `ys`.
    fn subset(&mut self, xs: &TermList, ys: &[Term]) -> bool {
        let Some(xs) = xs else { return false };
        xs.iter().all(|x| {
            ys.iter()
                .any(|y| !self.disjoint(x, y) && (!x.tilde || y.tilde))
        })
    }

    /// Whether term `t` includes the (non-interface) type `v`.
    fn includes(&mut self, t: &Term, v: TypeId) -> bool {
        let x = if t.tilde { self.under(v) } else { v };
        self.identical(t.ty, x)
    }

    /// Whether `t` is or contains the invalid type (without following named types).
    fn mentions_invalid(&self, t: TypeId, depth: u32) -> bool {
        if t == TypeTable::INVALID {
            return true;
        }
        if depth > MAX_NEST {
            return false;
        }
        let d = depth + 1;
        let any = |ts: &[TypeId]| ts.iter().any(|&x| self.mentions_invalid(x, d));
        match self.prog.types.get(t) {
            Type::Basic(_) | Type::TypeParam { .. } => false,
            Type::Named(n) => any(&n.type_args),
            Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
                self.mentions_invalid(*e, d)
            }
            Type::Map(k, v) => any(&[*k, *v]),
            Type::Struct(fs) => fs.iter().any(|f| self.mentions_invalid(f.ty, d)),
            Type::Func(s) => any(&s.params) || any(&s.results),
            Type::Interface(it) => {
                it.all_methods
                    .iter()
                    .any(|m| self.mentions_invalid(m.sig, d))
                    || it
                        .terms
                        .iter()
                        .flatten()
                        .flatten()
                        .any(|x| self.mentions_invalid(x.ty, d))
            }
            Type::Tuple(ts) => any(ts),
        }
    }

    /// A constraint as Go prints it: a bare union for a method-less literal interface made of
    /// one union (as `[T ~int | ~int64]` declares it).
    fn bound_str(&self, bound: TypeId) -> String {
        if let Type::Interface(it) = self.prog.types.get(bound) {
            if let (true, true, false, Some([u])) = (
                it.all_methods.is_empty(),
                it.embeds.is_empty(),
                it.comparable,
                it.terms.as_deref(),
            ) {
                return self.terms_str(u);
            }
        }
        self.type_str(bound)
    }

    fn terms_str(&self, ts: &[Term]) -> String {
        let parts: Vec<String> = ts
            .iter()
            .map(|t| format!("{}{}", if t.tilde { "~" } else { "" }, self.type_str(t.ty)))
            .collect();
        parts.join(" | ")
    }

    /// Whether `t` satisfies `comparable`. Up to Go 1.19 only strictly comparable types do
    /// (interfaces do not, nor structs or arrays containing them); from Go 1.20 on, ordinary
    /// interfaces do too. A type parameter does when its type set holds only strictly
    /// comparable types.
    fn comparable_arg(&mut self, t: TypeId) -> bool {
        let spec = self.config.go_version >= (1, 20);
        self.comparable_in(t, spec, 0)
    }

    /// Comparability of `t`; `spec`: interfaces count as comparable.
    fn comparable_in(&mut self, t: TypeId, spec: bool, depth: u32) -> bool {
        if depth > MAX_NEST {
            return true;
        }
        if let Type::TypeParam { constraint, .. } = *self.prog.types.get(t) {
            let cu = self.under(constraint);
            return match self.prog.types.get(cu).clone() {
                Type::Interface(it) => self.set_comparable(&it, depth),
                _ => true,
            };
        }
        let u = self.under(t);
        match self.prog.types.get(u).clone() {
            Type::Basic(k) => k != crate::BasicKind::UntypedNil,
            Type::Pointer(_) | Type::Chan(..) => true,
            Type::Struct(fs) => fs.iter().all(|f| self.comparable_in(f.ty, spec, depth + 1)),
            Type::Array(_, e) => self.comparable_in(e, spec, depth + 1),
            Type::Interface(it) => spec || self.set_comparable(&it, depth),
            _ => false,
        }
    }

    /// Whether every type of interface `it`'s type set is strictly comparable.
    fn set_comparable(&mut self, it: &Interface, depth: u32) -> bool {
        if it.comparable {
            return true;
        }
        match self.term_list(it, depth + 1) {
            None => false,
            Some(ts) => ts
                .iter()
                .all(|t| self.comparable_in(t.ty, false, depth + 1)),
        }
    }
}
