//! Generics: instantiation of generic types, substitution of type parameters, and inference of
//! type arguments from function arguments (by unification).

use super::Checker;
use crate::fx::HashMap;
use crate::types::{Interface, Method, Named, Signature, Term, Type, TypeTable};
use crate::TypeId;

impl Checker<'_> {
    /// The instance of generic named type `g` with type arguments `args` (cached).
    pub(crate) fn instantiate_named(&mut self, g: TypeId, args: &[TypeId]) -> TypeId {
        let Type::Named(n) = self.prog.types.get(g).clone() else {
            return g;
        };
        if n.type_params.len() != args.len() || n.origin.is_some() {
            return g;
        }
        let key = (g, args.to_vec());
        if let Some(&t) = self.instances.get(&key) {
            return t;
        }
        let t = self.prog.types.intern(Type::Named(Named {
            obj: n.obj,
            underlying: TypeTable::INVALID,
            methods: n.methods.clone(),
            type_params: vec![],
            type_args: args.to_vec(),
            origin: Some(g),
        }));
        self.instances.insert(key, t);
        self.expand_named(t);
        t
    }

    /// Computes the underlying type of an instance once its generic type is declared.
    pub(crate) fn expand_named(&mut self, t: TypeId) {
        let Type::Named(n) = self.prog.types.get(t) else {
            return;
        };
        let Some(origin) = n.origin else { return };
        if n.underlying != TypeTable::INVALID || self.depth > super::MAX_DEPTH {
            return;
        }
        let args = n.type_args.clone();
        let Type::Named(o) = self.prog.types.get(origin).clone() else {
            return;
        };
        if o.underlying == TypeTable::INVALID {
            return;
        }
        let map: HashMap<TypeId, TypeId> = o.type_params.iter().copied().zip(args).collect();
        self.depth += 1;
        let u = self.subst(o.underlying, &map, 0);
        self.depth -= 1;
        if let Type::Named(n) = self.prog.types.get_mut(t) {
            n.underlying = u;
            n.methods = o.methods.clone();
        }
    }

    pub(crate) fn expand_all_instances(&mut self) {
        let all: Vec<TypeId> = self.instances.values().copied().collect();
        for t in all {
            self.expand_named(t);
        }
    }

    /// Substitutes the type arguments of instance `holder` into a signature of its generic
    /// type's method.
    pub(crate) fn subst_for_instance(&mut self, holder: TypeId, t: TypeId) -> TypeId {
        let Type::Named(n) = self.prog.types.get(holder).clone() else {
            return t;
        };
        let Some(origin) = n.origin else { return t };
        let Type::Named(o) = self.prog.types.get(origin).clone() else {
            return t;
        };
        // Methods declare their own receiver type parameters; map them by index.
        let mut map = HashMap::default();
        let mut params = Vec::new();
        collect_type_params(&self.prog.types, t, &mut params, 0);
        for p in params {
            if let Type::TypeParam { index, .. } = self.prog.types.get(p) {
                if let Some(&a) = n.type_args.get(*index as usize) {
                    map.insert(p, a);
                }
            }
        }
        for (p, a) in o.type_params.iter().zip(&n.type_args) {
            map.insert(*p, *a);
        }
        self.subst(t, &map, 0)
    }

    /// Replaces type parameters in `t` according to `map`.
    pub(crate) fn subst(&mut self, t: TypeId, map: &HashMap<TypeId, TypeId>, depth: u32) -> TypeId {
        if map.is_empty() || depth > 60 {
            return t;
        }
        if let Some(&r) = map.get(&t) {
            return r;
        }
        let d = depth + 1;
        match self.prog.types.get(t).clone() {
            Type::Basic(_) | Type::TypeParam { .. } => t,
            Type::Named(n) => {
                if n.type_args.is_empty() {
                    return t;
                }
                let args: Vec<TypeId> =
                    n.type_args.iter().map(|&a| self.subst(a, map, d)).collect();
                if args == n.type_args {
                    return t;
                }
                match n.origin {
                    Some(o) => self.instantiate_named(o, &args),
                    None => t,
                }
            }
            Type::Pointer(e) => {
                let e = self.subst(e, map, d);
                self.prog.types.intern(Type::Pointer(e))
            }
            Type::Slice(e) => {
                let e = self.subst(e, map, d);
                self.prog.types.intern(Type::Slice(e))
            }
            Type::Array(n, e) => {
                let e = self.subst(e, map, d);
                self.prog.types.intern(Type::Array(n, e))
            }
            Type::Map(k, v) => {
                let k = self.subst(k, map, d);
                let v = self.subst(v, map, d);
                self.prog.types.intern(Type::Map(k, v))
            }
            Type::Chan(dir, e) => {
                let e = self.subst(e, map, d);
                self.prog.types.intern(Type::Chan(dir, e))
            }
            Type::Struct(mut fs) => {
                for f in &mut fs {
                    f.ty = self.subst(f.ty, map, d);
                }
                self.prog.types.intern(Type::Struct(fs))
            }
            Type::Func(s) => {
                let sig = Signature {
                    params: s.params.iter().map(|&p| self.subst(p, map, d)).collect(),
                    results: s.results.iter().map(|&p| self.subst(p, map, d)).collect(),
                    ..s
                };
                self.prog.types.intern(Type::Func(sig))
            }
            Type::Interface(it) => {
                let sm = |c: &mut Self, ms: &[Method]| -> Vec<Method> {
                    ms.iter()
                        .map(|m| Method {
                            sig: c.subst(m.sig, map, d),
                            ..m.clone()
                        })
                        .collect()
                };
                let methods = sm(self, &it.methods);
                let all_methods = sm(self, &it.all_methods);
                let terms = it.terms.as_ref().map(|u| {
                    u.iter()
                        .map(|ts| {
                            ts.iter()
                                .map(|x| Term {
                                    tilde: x.tilde,
                                    ty: self.subst(x.ty, map, d),
                                })
                                .collect()
                        })
                        .collect()
                });
                self.prog.types.intern(Type::Interface(Interface {
                    methods,
                    embeds: it.embeds.clone(),
                    all_methods,
                    terms,
                    comparable: it.comparable,
                }))
            }
            Type::Tuple(ts) => {
                let ts = ts.iter().map(|&x| self.subst(x, map, d)).collect();
                self.prog.types.intern(Type::Tuple(ts))
            }
        }
    }

    /// Unifies parameter type `p` (mentioning type parameters in `tparams`) with argument
    /// type `a`, filling `out`.
    pub(crate) fn unify(
        &mut self,
        p: TypeId,
        a: TypeId,
        tparams: &[TypeId],
        out: &mut HashMap<TypeId, TypeId>,
        depth: u32,
    ) {
        if depth > 40 || a == TypeTable::INVALID {
            return;
        }
        if tparams.contains(&p) {
            out.entry(p).or_insert(a);
            return;
        }
        let d = depth + 1;
        let pt = self.prog.types.get(p).clone();
        let at = self.prog.types.get(a).clone();
        match (&pt, &at) {
            (Type::Named(pn), Type::Named(an)) if pn.origin.is_some() && pn.origin == an.origin => {
                for (x, y) in pn.type_args.clone().iter().zip(an.type_args.clone()) {
                    self.unify(*x, y, tparams, out, d);
                }
            }
            (Type::Named(pn), _) if pn.origin.is_some() => {
                let pu = self.under(p);
                let au = self.under(a);
                if pu != p {
                    self.unify(pu, au, tparams, out, d);
                }
            }
            (Type::Named(_), _) => {}
            (_, Type::Named(_)) => {
                let u = self.under(a);
                if u != a {
                    self.unify(p, u, tparams, out, d);
                }
            }
            (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => {
                self.unify(*x, *y, tparams, out, d)
            }
            (Type::Array(_, x), Type::Array(_, y)) | (Type::Chan(_, x), Type::Chan(_, y)) => {
                self.unify(*x, *y, tparams, out, d)
            }
            (Type::Map(k1, v1), Type::Map(k2, v2)) => {
                self.unify(*k1, *k2, tparams, out, d);
                self.unify(*v1, *v2, tparams, out, d);
            }
            (Type::Func(s1), Type::Func(s2)) => {
                for (x, y) in s1.params.iter().zip(&s2.params) {
                    self.unify(*x, *y, tparams, out, d);
                }
                for (x, y) in s1.results.iter().zip(&s2.results) {
                    self.unify(*x, *y, tparams, out, d);
                }
            }
            (Type::Struct(f1), Type::Struct(f2)) => {
                for (x, y) in f1.iter().zip(f2) {
                    self.unify(x.ty, y.ty, tparams, out, d);
                }
            }
            _ => {}
        }
    }

    /// Infers type parameters not fixed by arguments from their constraints' core types
    /// (`[S ~[]E, E any]`).
    pub(crate) fn infer_from_constraints(
        &mut self,
        tparams: &[TypeId],
        out: &mut HashMap<TypeId, TypeId>,
    ) {
        for _ in 0..3 {
            for &tp in tparams {
                let Type::TypeParam { constraint, .. } = self.prog.types.get(tp).clone() else {
                    continue;
                };
                let cu = self.prog.types.underlying(constraint);
                let Type::Interface(it) = self.prog.types.get(cu).clone() else {
                    continue;
                };
                let Some(terms) = it.terms else { continue };
                let [single] = terms.as_slice() else { continue };
                let [term] = single.as_slice() else { continue };
                match out.get(&tp).copied() {
                    Some(a) => {
                        let au = match self.prog.types.get(a).clone() {
                            Type::TypeParam { constraint, .. } => {
                                self.core_type(constraint).unwrap_or(a)
                            }
                            _ if term.tilde => self.under(a),
                            _ => a,
                        };
                        self.unify(term.ty, au, tparams, out, 0);
                    }
                    None => {
                        // Only once the type parameters the core type mentions are known.
                        let mut mentioned = Vec::new();
                        collect_type_params(&self.prog.types, term.ty, &mut mentioned, 0);
                        let ready = mentioned
                            .iter()
                            .all(|m| !tparams.contains(m) || out.contains_key(m));
                        if ready
                            && (!term.tilde
                                || !matches!(self.prog.types.get(term.ty), Type::Named(_)))
                        {
                            let t = self.subst(term.ty, out, 0);
                            out.insert(tp, t);
                        }
                    }
                }
            }
        }
    }
}

fn collect_type_params(types: &TypeTable, t: TypeId, out: &mut Vec<TypeId>, depth: u32) {
    if depth > 30 {
        return;
    }
    let d = depth + 1;
    match types.get(t) {
        Type::TypeParam { .. } if !out.contains(&t) => out.push(t),
        Type::Pointer(e) | Type::Slice(e) | Type::Array(_, e) | Type::Chan(_, e) => {
            collect_type_params(types, *e, out, d)
        }
        Type::Map(k, v) => {
            collect_type_params(types, *k, out, d);
            collect_type_params(types, *v, out, d);
        }
        Type::Func(s) => {
            for &x in s.params.iter().chain(&s.results) {
                collect_type_params(types, x, out, d);
            }
        }
        Type::Named(n) => {
            for &x in &n.type_args {
                collect_type_params(types, x, out, d);
            }
        }
        Type::Struct(fs) => {
            for f in fs {
                collect_type_params(types, f.ty, out, d);
            }
        }
        Type::Tuple(ts) => {
            for &x in ts {
                collect_type_params(types, x, out, d);
            }
        }
        _ => {}
    }
}
