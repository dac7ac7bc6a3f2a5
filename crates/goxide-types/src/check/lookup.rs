//! Field and method lookup through embedded fields, per the Go specification's selector
//! rules (shallowest depth wins; two at the same depth are ambiguous).

use super::Checker;
use crate::fx::HashSet;
use crate::types::Type;
use crate::{ObjId, PkgId, Program, TypeId};

#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub(crate) obj: ObjId,
    pub(crate) path: Vec<usize>,
    pub(crate) indirect: bool,
    pub(crate) is_method: bool,
    /// The field's type or the method's signature (substituted for generic instances by the
    /// checker).
    pub(crate) ty: TypeId,
    /// The named type declaring the method (for methods of generic instances).
    pub(crate) holder: Option<TypeId>,
}

/// Looks `name` up in `t`'s fields and methods; `None` when absent or ambiguous. An
/// unexported name only matches members declared in package `pkg` (when given).
pub(crate) fn lookup(p: &Program, t: TypeId, name: &str, pkg: Option<PkgId>) -> Option<Found> {
    let exported = name.starts_with(|c: char| c.is_uppercase());
    let visible = |o: ObjId| {
        exported
            || pkg.is_none()
            || p.objects
                .get(o.0 as usize)
                .is_some_and(|x| x.pkg.is_none() || x.pkg == pkg)
    };
    let mut indirect = false;
    let mut start = t;
    // A defined pointer type (`type P *T`) has fields through the pointer but no methods.
    let fields_only =
        matches!(p.types.get(t), Type::Named(_)) && matches!(p.types.under(t), Type::Pointer(_));
    if let Type::Pointer(e) = p.types.under(t) {
        if !matches!(p.types.under(*e), Type::Pointer(_)) {
            start = *e;
            indirect = true;
        }
    }
    let mut current: Vec<(TypeId, Vec<usize>, bool)> = vec![(start, vec![], indirect)];
    let mut seen: HashSet<TypeId> = HashSet::default();
    for _ in 0..32 {
        if current.is_empty() {
            return None;
        }
        let mut next = Vec::new();
        let mut found: Option<Found> = None;
        let mut count = 0;
        for (typ, path, ind) in &current {
            let (typ, path, ind) = (*typ, path, *ind);
            if let Type::Named(n) = p.types.get(typ) {
                if !seen.insert(typ) {
                    continue;
                }
                let origin = n.origin.unwrap_or(typ);
                let methods = match p.types.get(origin) {
                    Type::Named(o) => &o.methods,
                    _ => &n.methods,
                };
                for &m in methods.iter().filter(|_| !fields_only) {
                    if p.objects.get(m.0 as usize).is_some_and(|o| o.name == name) && visible(m) {
                        count += 1;
                        let ty = p
                            .objects
                            .get(m.0 as usize)
                            .map_or(crate::TypeTable::INVALID, |o| o.ty);
                        found = Some(Found {
                            obj: m,
                            path: path.clone(),
                            indirect: ind,
                            is_method: true,
                            ty,
                            holder: Some(typ),
                        });
                    }
                }
            }
            match p.types.under(typ) {
                Type::Struct(fields) => {
                    for (i, f) in fields.iter().enumerate() {
                        if f.name == name && visible(f.obj) {
                            count += 1;
                            let mut fp = path.clone();
                            fp.push(i);
                            found = Some(Found {
                                obj: f.obj,
                                path: fp,
                                indirect: ind,
                                is_method: false,
                                ty: f.ty,
                                holder: None,
                            });
                        }
                        if f.embedded {
                            let mut fp = path.clone();
                            fp.push(i);
                            let (et, eind) = match p.types.get(f.ty) {
                                Type::Pointer(e) => (*e, true),
                                _ => (f.ty, ind),
                            };
                            next.push((et, fp, eind));
                        }
                    }
                }
                Type::Interface(it) if !fields_only => {
                    if let Some(m) = it
                        .all_methods
                        .iter()
                        .find(|m| m.name == name && visible(m.obj))
                    {
                        count += 1;
                        found = Some(Found {
                            obj: m.obj,
                            path: path.clone(),
                            indirect: ind,
                            is_method: true,
                            ty: m.sig,
                            holder: None,
                        });
                    }
                }
                _ => {}
            }
        }
        if count == 1 {
            return found;
        }
        if count > 1 {
            return None;
        }
        current = next;
    }
    None
}

impl Program {
    /// Looks up a field or method by name through embedding: the object, the path of field
    /// indices walked (ending with the field's own index for a field), and whether a pointer
    /// was dereferenced on the way.
    pub fn lookup_field_or_method(
        &self,
        t: TypeId,
        name: &str,
    ) -> Option<(ObjId, Vec<usize>, bool)> {
        lookup(self, t, name, None).map(|f| (f.obj, f.path, f.indirect))
    }

    /// Methods declared on the named type `t` (or the named type `t` points to); for a generic
    /// instance, the methods of its generic type.
    pub fn methods_of(&self, t: TypeId) -> Vec<ObjId> {
        let t = match self.types.get(t) {
            Type::Pointer(e) => *e,
            _ => t,
        };
        match self.types.get(t) {
            Type::Named(n) => match n.origin.map(|o| self.types.get(o)) {
                Some(Type::Named(o)) => o.methods.clone(),
                _ => n.methods.clone(),
            },
            _ => Vec::new(),
        }
    }
}

impl Checker<'_> {
    /// Makes sure every named type reachable through embedding from `t` is declared, and that
    /// methods called `name` have their signatures checked, before a lookup.
    fn prepare_lookup(&mut self, t: TypeId, name: &str, seen: &mut HashSet<TypeId>, depth: u32) {
        if depth > 40 || !seen.insert(t) {
            return;
        }
        // Only ids are taken from the type (cloning it would copy whole field and method
        // lists on every selector).
        match self.prog.types.get(t) {
            Type::Pointer(e) => {
                let e = *e;
                self.prepare_lookup(e, name, seen, depth + 1);
            }
            Type::Named(n) => {
                let (obj, origin) = (n.obj, n.origin.unwrap_or(t));
                if let Type::Pointer(e) = self.prog.types.under(t) {
                    let e = *e;
                    self.prepare_lookup(e, name, seen, depth + 1);
                }
                self.ensure_obj(obj);
                if let Type::Named(o) = self.prog.types.get(origin) {
                    let oobj = o.obj;
                    let named: Vec<ObjId> = o
                        .methods
                        .iter()
                        .copied()
                        .filter(|&m| self.obj(m).name == name)
                        .collect();
                    self.ensure_obj(oobj);
                    for m in named {
                        self.ensure_obj(m);
                    }
                }
                let u = self.under(t);
                if u != t {
                    self.prepare_lookup(u, name, seen, depth + 1);
                }
            }
            Type::Struct(fields) => {
                let embedded: Vec<TypeId> =
                    fields.iter().filter(|f| f.embedded).map(|f| f.ty).collect();
                for ty in embedded {
                    self.prepare_lookup(ty, name, seen, depth + 1);
                }
            }
            _ => {}
        }
    }

    /// Field or method lookup, checking lazily whatever declarations it needs; method
    /// signatures of generic instances come substituted.
    pub(crate) fn lookup(&mut self, t: TypeId, name: &str) -> Option<Found> {
        let pkg = self.cur;
        self.lookup_in(t, name, pkg)
    }

    /// Lookup as seen from package `pkg` (unexported names of other packages are invisible).
    pub(crate) fn lookup_in(&mut self, t: TypeId, name: &str, pkg: PkgId) -> Option<Found> {
        self.prepare_lookup(t, name, &mut HashSet::default(), 0);
        let mut f = lookup(&self.prog, t, name, Some(pkg))?;
        if f.is_method {
            if let Some(h) = f.holder {
                f.ty = self.obj(f.obj).ty;
                f.ty = self.subst_for_instance(h, f.ty);
            }
        }
        Some(f)
    }
}
