//! Type expressions: named types, type literals (arrays, slices, maps, channels, functions,
//! structs, interfaces), constraints and unions.

use super::operand::Operand;
use super::Checker;
use crate::info::Mode;
use crate::object::ObjKind;
use crate::types::{Field, Interface, Method, Term, Type, TypeTable};
use crate::TypeId;
use goxide_ast::ast::{Expr, ExprKind, InterfaceElem, InterfaceType, StructType};

/// Struct identity without field objects: (name, type, embedded, tag) per field, and the
/// package when some field name is unexported.
pub(crate) type StructKey = (
    Vec<(String, TypeId, bool, Option<String>)>,
    Option<crate::PkgId>,
);

impl Checker<'_> {
    /// Checks an expression that must denote a type.
    pub(crate) fn typ(&mut self, e: &Expr) -> TypeId {
        let x = self.expr_any(e);
        match x.mode {
            Mode::Type => {
                if let Type::Named(n) = self.prog.types.get(x.ty) {
                    if !n.type_params.is_empty()
                        && n.type_args.is_empty()
                        && !matches!(e.kind, ExprKind::Index { .. })
                    {
                        let t = self.text(e.span);
                        self.error(
                            e.span,
                            format!("cannot use generic type {t} without instantiation"),
                        );
                        return TypeTable::INVALID;
                    }
                }
                x.ty
            }
            _ if x.is_invalid() => TypeTable::INVALID,
            _ => {
                let t = self.text(e.span);
                self.error(e.span, format!("{t} is not a type"));
                TypeTable::INVALID
            }
        }
    }

    /// A type parameter's constraint: an interface, or a type-set element made an interface.
    pub(crate) fn constraint_type(&mut self, e: &Expr) -> TypeId {
        match &e.kind {
            ExprKind::Union(_) => {
                let it = InterfaceType {
                    elems: vec![InterfaceElem::Embed(e.clone())],
                    span: e.span,
                };
                let t = self.interface_type(&it);
                self.record(e.id, t, Mode::Type);
                t
            }
            _ => {
                let t = self.typ(e);
                if t != TypeTable::INVALID
                    && !matches!(self.prog.types.under(t), Type::Interface(_))
                {
                    let term = Term {
                        tilde: false,
                        ty: t,
                    };
                    return self.prog.types.intern(Type::Interface(Interface {
                        methods: vec![],
                        embeds: vec![],
                        all_methods: vec![],
                        terms: Some(vec![vec![term]]),
                        comparable: false,
                    }));
                }
                t
            }
        }
    }

    /// Type literal expressions (`[]T`, `map[K]V`, …); `None` when `e` is not a type literal.
    pub(crate) fn type_literal(&mut self, e: &Expr) -> Option<Operand> {
        let t = match &e.kind {
            ExprKind::ArrayType { len, elem } => {
                let Some(len) = len else {
                    self.typ(elem);
                    self.error(
                        e.span,
                        "invalid use of [...] array (outside a composite literal)",
                    );
                    return Some(Operand::invalid());
                };
                let n = self.array_len(len);
                let el = self.typ(elem);
                match n {
                    Some(n) if el != TypeTable::INVALID => {
                        self.prog.types.intern(Type::Array(n, el))
                    }
                    _ => TypeTable::INVALID,
                }
            }
            ExprKind::SliceType(elem) => {
                let el = self.typ(elem);
                self.prog.types.intern(Type::Slice(el))
            }
            ExprKind::MapType { key, value } => {
                let k = self.typ(key);
                let v = self.typ(value);
                if k != TypeTable::INVALID
                    && !matches!(self.prog.types.get(k), Type::Named(n) if n.underlying == TypeTable::INVALID)
                    && !super::predicates::comparable(&self.prog, k, 0)
                {
                    let ks = self.type_str(k);
                    self.error(key.span, format!("invalid map key type {ks}"));
                }
                self.prog.types.intern(Type::Map(k, v))
            }
            ExprKind::ChanType { dir, elem } => {
                let el = self.typ(elem);
                self.prog.types.intern(Type::Chan(*dir, el))
            }
            ExprKind::FuncType(ft) => {
                self.push_scope();
                let so = self.func_type(ft, false);
                self.pop_scope();
                so.sig
            }
            ExprKind::StructType(st) => self.struct_type(st),
            ExprKind::InterfaceType(it) => self.interface_type(it),
            _ => return None,
        };
        Some(Operand {
            mode: Mode::Type,
            ty: t,
        })
    }

    fn array_len(&mut self, len: &Expr) -> Option<u64> {
        let x = self.expr(len);
        if x.is_invalid() {
            return None;
        }
        let Some(v) = x.const_value() else {
            let t = self.text(len.span);
            self.error(
                len.span,
                format!(
                    "array length {t} (value of type {}) must be constant",
                    self.type_str(x.ty)
                ),
            );
            return None;
        };
        let n = super::constexpr::to_int(v).and_then(|i| num_traits::ToPrimitive::to_u64(&i));
        if n.is_none() {
            let t = self.text(len.span);
            self.error(len.span, format!("invalid array length {t}"));
        }
        if self.is_untyped(x.ty) {
            let int = self.prog.types.basic(crate::BasicKind::Int);
            let mut x = x;
            self.convert_untyped(&mut x, len, int, None);
        }
        n
    }

    fn struct_type(&mut self, st: &StructType) -> TypeId {
        // Identical struct types share one TypeId: the first declaration's field objects stand
        // for every spelling of the type.
        let mut key = Vec::new();
        let mut any_unexported = false;
        let mut seen = crate::fx::HashSet::default();
        for f in &st.fields {
            let t = self.typ(&f.ty);
            let tag = f.tag.clone().filter(|t| !t.is_empty());
            if f.names.is_empty() {
                let name = embedded_name(&f.ty).unwrap_or_default();
                if !seen.insert(name.clone()) && name != "_" {
                    self.error(f.ty.span, format!("{name} redeclared"));
                }
                if let Type::Pointer(e) = self.prog.types.get(t) {
                    if matches!(self.prog.types.get(*e), Type::Pointer(_)) {
                        self.error(
                            f.ty.span,
                            "embedded field type cannot be a pointer to a pointer",
                        );
                    }
                }
                any_unexported |= !name.starts_with(|c: char| c.is_uppercase());
                key.push((name, t, true, tag.clone(), None, f.ty.span));
            }
            for n in &f.names {
                if n.name != "_" && !seen.insert(n.name.clone()) {
                    self.error(n.span, format!("{} redeclared", n.name));
                }
                any_unexported |= !n.name.starts_with(|c: char| c.is_uppercase());
                key.push((
                    n.name.clone(),
                    t,
                    false,
                    tag.clone(),
                    Some((n.id, n.span)),
                    n.span,
                ));
            }
        }
        let ck: StructKey = (
            key.iter()
                .map(|(n, t, e, tag, _, _)| (n.clone(), *t, *e, tag.clone()))
                .collect(),
            any_unexported.then_some(self.cur),
        );
        if let Some(&t) = self.struct_cache.get(&ck) {
            if let Type::Struct(fields) = self.prog.types.get(t).clone() {
                for (f, (_, _, _, _, ident, _)) in fields.iter().zip(&key) {
                    if let (Some((id, _)), true) = (ident, self.is_main()) {
                        self.info.defs.insert(*id, f.obj);
                    }
                }
                return t;
            }
        }
        let mut fields = Vec::new();
        for (name, t, embedded, tag, ident, span) in key {
            let obj = self.new_obj(&name, ObjKind::Field { embedded }, t, ident);
            self.obj_mut(obj).span = span;
            fields.push(Field {
                name,
                ty: t,
                embedded,
                tag,
                obj,
            });
        }
        let t = self.prog.types.intern(Type::Struct(fields));
        self.struct_cache.insert(ck, t);
        t
    }

    pub(crate) fn interface_type(&mut self, it: &InterfaceType) -> TypeId {
        let mut methods = Vec::new();
        let mut embeds = Vec::new();
        let mut terms: Option<Vec<Vec<Term>>> = None;
        let mut comparable = false;
        let mut all: Vec<Method> = Vec::new();
        for el in &it.elems {
            match el {
                InterfaceElem::Method { name, sig, .. } => {
                    self.push_scope();
                    let so = self.func_type(sig, false);
                    self.pop_scope();
                    let obj = self.new_obj(
                        &name.name,
                        ObjKind::Func { recv: None },
                        so.sig,
                        Some((name.id, name.span)),
                    );
                    let m = Method {
                        name: name.name.clone(),
                        sig: so.sig,
                        obj,
                    };
                    if all.iter().any(|x| x.name == m.name) {
                        self.error(name.span, format!("duplicate method {}", name.name));
                    } else {
                        all.push(m.clone());
                    }
                    methods.push(m);
                }
                InterfaceElem::Embed(e) => {
                    let union: Vec<Term> = match &e.kind {
                        ExprKind::Union(ts) => {
                            let mut out = Vec::new();
                            for t in ts {
                                let ty = self.typ(&t.ty);
                                out.push(Term { tilde: t.tilde, ty });
                            }
                            self.record(e.id, TypeTable::INVALID, Mode::Type);
                            out
                        }
                        _ => {
                            let t = self.typ(e);
                            if t == TypeTable::INVALID {
                                continue;
                            }
                            let u = self.under(t);
                            if let Type::Interface(ei) = self.prog.types.get(u).clone() {
                                embeds.push(t);
                                comparable |= ei.comparable;
                                for m in ei.all_methods {
                                    if !all.iter().any(|x| x.name == m.name) {
                                        all.push(m);
                                    }
                                }
                                if let Some(ts) = ei.terms {
                                    terms.get_or_insert_with(Vec::new).extend(ts);
                                }
                                continue;
                            }
                            vec![Term {
                                tilde: false,
                                ty: t,
                            }]
                        }
                    };
                    terms.get_or_insert_with(Vec::new).push(union);
                }
            }
        }
        all.sort_by(|a, b| a.name.cmp(&b.name));
        self.prog.types.intern(Type::Interface(Interface {
            methods,
            embeds,
            all_methods: all,
            terms,
            comparable,
        }))
    }
}

/// The field name of an embedded field: the type name without pointer, package or arguments.
fn embedded_name(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Ident(n) => Some(n.clone()),
        ExprKind::Star(x) | ExprKind::Paren(x) => embedded_name(x),
        ExprKind::Selector { sel, .. } => Some(sel.name.clone()),
        ExprKind::Index { x, .. } => embedded_name(x),
        _ => None,
    }
}
