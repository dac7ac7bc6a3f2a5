//! Type predicates: identity, assignability, convertibility, comparability, and interface
//! satisfaction.

use super::Checker;
use crate::types::{BasicKind, Type, TypeTable};
use crate::{ObjKind, Program, TypeId};
use goxide_ast::ast::ChanDir;

/// Whether two types are identical per the Go specification.
pub(crate) fn identical(p: &Program, a: TypeId, b: TypeId) -> bool {
    identical_depth(p, a, b, 0, true)
}

/// Identity ignoring struct tags (for conversions).
pub(crate) fn identical_ignore_tags(p: &Program, a: TypeId, b: TypeId) -> bool {
    identical_depth(p, a, b, 0, false)
}

fn identical_depth(p: &Program, a: TypeId, b: TypeId, depth: u32, tags: bool) -> bool {
    if a == b {
        return true;
    }
    if depth > 60 {
        return false;
    }
    let d = depth + 1;
    let id = |x: TypeId, y: TypeId| identical_depth(p, x, y, d, tags);
    match (p.types.get(a), p.types.get(b)) {
        (Type::Named(x), Type::Named(y)) => {
            // Instances of the same generic type with identical arguments are identical.
            x.origin.is_some()
                && x.origin == y.origin
                && x.type_args.len() == y.type_args.len()
                && x.type_args
                    .iter()
                    .zip(&y.type_args)
                    .all(|(&s, &t)| id(s, t))
        }
        (Type::Pointer(x), Type::Pointer(y)) | (Type::Slice(x), Type::Slice(y)) => id(*x, *y),
        (Type::Array(n, x), Type::Array(m, y)) => n == m && id(*x, *y),
        (Type::Map(k1, v1), Type::Map(k2, v2)) => id(*k1, *k2) && id(*v1, *v2),
        (Type::Chan(d1, e1), Type::Chan(d2, e2)) => d1 == d2 && id(*e1, *e2),
        (Type::Struct(f1), Type::Struct(f2)) => {
            f1.len() == f2.len()
                && f1.iter().zip(f2).all(|(x, y)| {
                    x.name == y.name
                        && x.embedded == y.embedded
                        && (!tags || x.tag == y.tag)
                        && id(x.ty, y.ty)
                        && (x.name.starts_with(|c: char| c.is_uppercase())
                            || p.objects.get(x.obj.0 as usize).map(|o| o.pkg)
                                == p.objects.get(y.obj.0 as usize).map(|o| o.pkg))
                })
        }
        (Type::Func(s1), Type::Func(s2)) => {
            s1.variadic == s2.variadic
                && s1.params.len() == s2.params.len()
                && s1.results.len() == s2.results.len()
                && s1.params.iter().zip(&s2.params).all(|(&x, &y)| id(x, y))
                && s1.results.iter().zip(&s2.results).all(|(&x, &y)| id(x, y))
        }
        (Type::Interface(i1), Type::Interface(i2)) => {
            i1.comparable == i2.comparable
                && i1.terms == i2.terms
                && i1.all_methods.len() == i2.all_methods.len()
                && i1
                    .all_methods
                    .iter()
                    .zip(&i2.all_methods)
                    .all(|(x, y)| x.name == y.name && id(x.sig, y.sig))
        }
        (Type::Tuple(x), Type::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(&s, &t)| id(s, t))
        }
        _ => false,
    }
}

pub(crate) fn is_type_param(p: &Program, t: TypeId) -> bool {
    matches!(p.types.get(t), Type::TypeParam { .. })
}

/// Whether values of type `t` can be compared with `==` (the spec's "comparable").
pub(crate) fn comparable(p: &Program, t: TypeId, depth: u32) -> bool {
    if depth > 40 {
        return true;
    }
    match p.types.under(t) {
        Type::Basic(k) => *k != BasicKind::UntypedNil,
        Type::Pointer(_) | Type::Chan(..) | Type::Interface(_) => true,
        Type::Struct(fs) => fs.iter().all(|f| comparable(p, f.ty, depth + 1)),
        Type::Array(_, e) => comparable(p, *e, depth + 1),
        Type::TypeParam { .. } => true,
        _ => false,
    }
}

/// Whether `t` has a nil value.
pub(crate) fn has_nil(p: &Program, t: TypeId) -> bool {
    matches!(
        p.types.under(t),
        Type::Pointer(_)
            | Type::Slice(_)
            | Type::Map(..)
            | Type::Chan(..)
            | Type::Func(_)
            | Type::Interface(_)
            | Type::Basic(BasicKind::UnsafePointer)
    ) || is_type_param(p, t)
}

pub(crate) fn is_ordered(p: &Program, t: TypeId) -> bool {
    matches!(p.types.under(t), Type::Basic(k) if k.is_integer() || k.is_float() || k.is_string())
}

impl Checker<'_> {
    /// The underlying type, expanding generic instances whose underlying is not computed yet.
    pub(crate) fn under(&mut self, t: TypeId) -> TypeId {
        self.expand_named(t);
        self.prog.types.underlying(t)
    }

    pub(crate) fn identical(&self, a: TypeId, b: TypeId) -> bool {
        identical(&self.prog, a, b)
    }

    /// Assignability of a (typed, or untyped nil) value of type `v` to type `t`.
    pub(crate) fn assignable_type(&mut self, v: TypeId, t: TypeId) -> bool {
        if v == TypeTable::INVALID || t == TypeTable::INVALID || self.identical(v, t) {
            return true;
        }
        let p = &self.prog;
        let (vu, tu) = (p.types.underlying(v), p.types.underlying(t));
        if is_type_param(p, v) || is_type_param(p, t) {
            // Be permissive with type parameters: a false error is worse than a missed one.
            return !matches!(p.types.get(v), Type::Basic(BasicKind::UntypedNil)) || has_nil(p, t);
        }
        if matches!(p.types.get(v), Type::Basic(BasicKind::UntypedNil)) {
            return has_nil(p, t);
        }
        if let Type::Basic(vk) = p.types.get(v) {
            if vk.is_untyped() {
                return match p.types.get(tu) {
                    Type::Basic(tk) => {
                        (vk.is_boolean() && tk.is_boolean())
                            || (vk.is_numeric() && tk.is_numeric())
                            || (vk.is_string() && tk.is_string())
                    }
                    Type::Interface(it) => it.all_methods.is_empty(),
                    _ => false,
                };
            }
        }
        let vnamed = matches!(p.types.get(v), Type::Named(_));
        let tnamed = matches!(p.types.get(t), Type::Named(_));
        if identical(p, vu, tu) && (!vnamed || !tnamed) {
            return true;
        }
        if let (Type::Chan(ChanDir::Both, e1), Type::Chan(_, e2)) =
            (p.types.get(vu), p.types.get(tu))
        {
            if identical(p, *e1, *e2) && (!vnamed || !tnamed) {
                return true;
            }
        }
        if matches!(p.types.get(tu), Type::Interface(_)) {
            return self.missing_method(v, t).is_none();
        }
        false
    }

    /// The first method of interface `iface` that type `t` lacks: its name and whether `t`
    /// has it with a pointer receiver only. `None` when `t` implements `iface`.
    pub(crate) fn missing_method(&mut self, t: TypeId, iface: TypeId) -> Option<(String, bool)> {
        let iu = self.under(iface);
        let Type::Interface(it) = self.prog.types.get(iu) else {
            return None;
        };
        if it.all_methods.is_empty() {
            return None;
        }
        let it = it.clone();
        let tu = self.under(t);
        if let Type::Interface(ti) = self.prog.types.get(tu).clone() {
            for m in &it.all_methods {
                match ti.all_methods.iter().find(|x| x.name == m.name) {
                    Some(x) if self.identical(x.sig, m.sig) => {}
                    _ => return Some((m.name.clone(), false)),
                }
            }
            return None;
        }
        if is_type_param(&self.prog, t) {
            return None;
        }
        let is_ptr = matches!(self.prog.types.get(t), Type::Pointer(_));
        for m in &it.all_methods {
            let mpkg = self.obj(m.obj).pkg.unwrap_or(self.cur);
            let Some(found) = self.lookup_in(t, &m.name, mpkg) else {
                return Some((m.name.clone(), false));
            };
            if !found.is_method {
                return Some((m.name.clone(), false));
            }
            if !self.identical(found.ty, m.sig) {
                return Some((m.name.clone(), false));
            }
            if !is_ptr && !found.indirect && self.has_pointer_recv(found.obj) {
                return Some((m.name.clone(), true));
            }
        }
        None
    }

    pub(crate) fn has_pointer_recv(&self, m: crate::ObjId) -> bool {
        match &self.obj(m).kind {
            ObjKind::Func { recv: Some(r) } => matches!(self.prog.types.get(*r), Type::Pointer(_)),
            _ => false,
        }
    }

    /// Convertibility of a non-constant value of type `v` to type `t`.
    pub(crate) fn convertible(&mut self, v: TypeId, t: TypeId) -> bool {
        if self.assignable_type(v, t) {
            return true;
        }
        let (vu, tu) = (self.under(v), self.under(t));
        let p = &self.prog;
        if is_type_param(p, v) || is_type_param(p, t) {
            return true;
        }
        if identical_ignore_tags(p, vu, tu) {
            return true;
        }
        match (p.types.get(vu), p.types.get(tu)) {
            (Type::Pointer(a), Type::Pointer(b))
                if identical_ignore_tags(p, p.types.underlying(*a), p.types.underlying(*b)) =>
            {
                true
            }
            (Type::Basic(a), Type::Basic(b)) => {
                (a.is_numeric() && b.is_numeric())
                    || (b.is_string() && a.is_integer())
                    || (a.is_string() && b.is_string())
                    || (*a == BasicKind::UnsafePointer && (*b == BasicKind::Uintptr))
                    || (*b == BasicKind::UnsafePointer && (*a == BasicKind::Uintptr))
            }
            (Type::Basic(BasicKind::UnsafePointer), Type::Pointer(_))
            | (Type::Pointer(_), Type::Basic(BasicKind::UnsafePointer)) => true,
            (Type::Basic(k), Type::Slice(e)) | (Type::Slice(e), Type::Basic(k))
                if k.is_string() =>
            {
                matches!(
                    p.types.under(*e),
                    Type::Basic(BasicKind::Uint8 | BasicKind::Int32)
                )
            }
            (Type::Slice(e), Type::Pointer(a)) => {
                matches!(p.types.under(*a), Type::Array(_, ae) if identical(p, *ae, *e))
            }
            (Type::Slice(e), Type::Array(_, ae)) => identical(p, *ae, *e),
            _ => false,
        }
    }
}

impl Program {
    /// Whether two types are identical per the Go specification (use this rather than `==` on
    /// ids: function types with different parameter names have different ids).
    pub fn identical(&self, a: TypeId, b: TypeId) -> bool {
        identical(self, a, b)
    }

    /// Whether type `t` implements interface `iface` (its method set contains every method of
    /// the interface; value types do not get pointer-receiver methods). Type-set constraints
    /// (`~int | string`) are not considered.
    pub fn implements(&self, t: TypeId, iface: TypeId) -> bool {
        let Type::Interface(it) = self.types.under(iface) else {
            return false;
        };
        if let Type::Interface(ti) = self.types.under(t) {
            return it.all_methods.iter().all(|m| {
                ti.all_methods
                    .iter()
                    .any(|x| x.name == m.name && identical(self, x.sig, m.sig))
            });
        }
        let is_ptr = matches!(self.types.get(t), Type::Pointer(_));
        it.all_methods.iter().all(|m| {
            let Some(f) = super::lookup::lookup(self, t, &m.name, self.obj(m.obj).pkg) else {
                return false;
            };
            if !f.is_method {
                return false;
            }
            let ptr_recv = matches!(
                &self.obj(f.obj).kind,
                ObjKind::Func { recv: Some(r) } if matches!(self.types.get(*r), Type::Pointer(_))
            );
            if ptr_recv && !is_ptr && !f.indirect {
                return false;
            }
            // Methods of generic instances carry their generic signature; compare names only.
            let generic_holder = f
                .holder
                .is_some_and(|h| matches!(self.types.get(h), Type::Named(n) if n.origin.is_some()));
            generic_holder || identical(self, self.obj(f.obj).ty, m.sig)
        })
    }
}
