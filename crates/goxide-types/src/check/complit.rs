//! Composite literals (structs, arrays, slices, maps) and elided element types.

use super::constexpr::{self};
use super::operand::Operand;
use super::Checker;
use crate::info::Mode;
use crate::types::{BasicKind, Type, TypeTable};
use crate::TypeId;
use goxide_ast::ast::{Element, Expr, ExprKind, UnaryOp};

impl Checker<'_> {
    pub(crate) fn array_lit_len(&mut self, elems: &[Element]) -> u64 {
        let mut max = 0u64;
        let mut i = 0u64;
        for el in elems {
            if let Some(k) = &el.key {
                if let Some(v) = self.peek_const_index(k) {
                    i = v;
                }
            }
            i += 1;
            max = max.max(i);
        }
        max
    }

    pub(crate) fn peek_const_index(&mut self, k: &Expr) -> Option<u64> {
        let x = self.expr(k);
        x.const_value()
            .and_then(constexpr::to_int)
            .and_then(|i| num_traits::ToPrimitive::to_u64(&i))
    }

    pub(crate) fn composite_lit(&mut self, e: &Expr, t: TypeId, elems: &[Element]) -> Operand {
        if t == TypeTable::INVALID {
            for el in elems {
                if let Some(k) = &el.key {
                    if !matches!(k.kind, ExprKind::Ident(_)) {
                        self.expr_any(k);
                    }
                }
                self.elem_value(&el.value, TypeTable::INVALID);
            }
            return Operand::invalid();
        }
        let u = match self.op_type(t) {
            TypeTable::INVALID => self.under(t),
            c => c,
        };
        match self.prog.types.get(u).clone() {
            Type::Struct(fields) => {
                let keyed = elems.first().is_some_and(|el| el.key.is_some());
                if keyed {
                    for el in elems {
                        let Some(k) = &el.key else {
                            self.error(
                                el.span,
                                "mixture of field:value and value elements in struct literal",
                            );
                            continue;
                        };
                        let fname = match &k.kind {
                            ExprKind::Ident(n) => n.clone(),
                            _ => {
                                self.error(k.span, "invalid field name in struct literal");
                                continue;
                            }
                        };
                        if fname == "_" {
                            self.error(k.span, "invalid field name _ in struct literal");
                            self.elem_value(&el.value, TypeTable::INVALID);
                            continue;
                        }
                        match fields.iter().find(|f| f.name == fname) {
                            Some(f) => {
                                if self.is_main() {
                                    self.info.uses.insert(k.id, f.obj);
                                }
                                self.record(k.id, f.ty, Mode::Variable);
                                self.elem_assign(&el.value, f.ty, "struct literal");
                            }
                            None => {
                                let ts = self.type_str(t);
                                self.error(
                                    k.span,
                                    format!("unknown field {fname} in struct literal of type {ts}"),
                                );
                                self.elem_value(&el.value, TypeTable::INVALID);
                            }
                        }
                    }
                } else {
                    for (i, el) in elems.iter().enumerate() {
                        match fields.get(i) {
                            Some(f) => self.elem_assign(&el.value, f.ty, "struct literal"),
                            None => {
                                self.error(el.span, "too many values in struct literal");
                                break;
                            }
                        }
                    }
                    if !elems.is_empty() && elems.len() < fields.len() {
                        self.error(e.span, "too few values in struct literal");
                    }
                }
            }
            Type::Array(_, el) | Type::Slice(el) => {
                let alen = match self.prog.types.get(u) {
                    Type::Array(n, _) => Some(*n),
                    _ => None,
                };
                let what = if alen.is_some() { "array" } else { "slice" };
                let mut i = 0u64;
                let mut seen_idx = crate::fx::HashSet::default();
                for elt in elems {
                    let mut valid = true;
                    if let Some(k) = &elt.key {
                        let kx = self.expr(k);
                        if !kx.is_invalid() {
                            match kx.const_value().and_then(constexpr::to_int) {
                                Some(v) => {
                                    match num_traits::ToPrimitive::to_i64(&v) {
                                        Some(n) if n < 0 => {
                                            let s = self.text(k.span);
                                            self.error(
                                            k.span,
                                            format!("index {s} must be non-negative integer constant"),
                                        );
                                            valid = false;
                                        }
                                        Some(n) => i = n as u64,
                                        None => valid = false,
                                    }
                                }
                                None if kx.const_value().is_none() => {
                                    let s = self.text(k.span);
                                    self.error(
                                        k.span,
                                        format!("index {s} must be integer constant"),
                                    );
                                    valid = false;
                                }
                                None => valid = false,
                            }
                        } else {
                            valid = false;
                        }
                        let int = self.prog.types.basic(BasicKind::Int);
                        let mut kx = kx;
                        self.convert_untyped(&mut kx, k, int, None);
                    }
                    if valid {
                        if let Some(n) = alen {
                            if i >= n {
                                self.error(
                                    elt.key.as_ref().map_or(elt.value.span, |k| k.span),
                                    format!("index {i} out of bounds [0:{n}]"),
                                );
                            }
                        }
                        if !seen_idx.insert(i) {
                            self.error(
                                elt.key.as_ref().map_or(elt.value.span, |k| k.span),
                                format!("duplicate index {i} in {what} literal"),
                            );
                        }
                    }
                    i += 1;
                    self.elem_assign(&elt.value, el, "array or slice literal");
                }
            }
            Type::Map(kt, vt) => {
                let mut seen: Vec<(crate::ConstValue, TypeId)> = Vec::new();
                let key_iface = self.prog.types.is_interface(kt);
                for elt in elems {
                    match &elt.key {
                        Some(k) => {
                            self.elem_assign(k, kt, "map literal");
                            if let Some(v) = self.info.const_value(k.id).cloned() {
                                let kty = if key_iface {
                                    let t = self.info.types.get(&k.id).map_or(kt, |t| t.ty);
                                    crate::default_type(&self.prog.types, t)
                                } else {
                                    kt
                                };
                                if v != crate::ConstValue::Unknown && !self.is_untyped(kty) {
                                    let v = (v, kty);
                                    if seen
                                        .iter()
                                        .any(|(sv, st)| *sv == v.0 && self.identical(*st, v.1))
                                    {
                                        let s = self.text(k.span);
                                        self.error(
                                            k.span,
                                            format!("duplicate key {s} in map literal"),
                                        );
                                    } else {
                                        seen.push(v);
                                    }
                                }
                            }
                        }
                        None => self.error(elt.span, "missing key in map literal"),
                    }
                    self.elem_assign(&elt.value, vt, "map literal");
                }
            }
            Type::TypeParam { .. } => {
                for el in elems {
                    self.elem_value(&el.value, TypeTable::INVALID);
                }
            }
            _ => {
                let ts = self.type_str(t);
                self.error(e.span, format!("invalid composite literal type {ts}"));
                return Operand::invalid();
            }
        }
        Operand::value(t)
    }

    /// An element value, with elided composite literal types filled from `hint`.
    pub(crate) fn elem_value(&mut self, v: &Expr, hint: TypeId) -> Operand {
        if let ExprKind::CompositeLit { ty: None, elems } = &v.kind {
            let core = self.op_type(hint);
            let (lit_t, ptr) = match self.prog.types.get(core) {
                Type::Pointer(b) if hint != TypeTable::INVALID => (*b, true),
                _ => (hint, false),
            };
            let x = self.composite_lit(v, lit_t, elems);
            let x = if ptr && !x.is_invalid() {
                Operand::value(hint)
            } else {
                x
            };
            self.record(v.id, x.ty, x.mode.clone());
            return x;
        }
        if let ExprKind::Unary {
            op: UnaryOp::Addr,
            x: inner,
        } = &v.kind
        {
            if let ExprKind::CompositeLit { ty: None, elems } = &inner.kind {
                let _ = elems;
            }
        }
        self.expr(v)
    }

    pub(crate) fn elem_assign(&mut self, v: &Expr, t: TypeId, ctx: &str) {
        let mut x = self.elem_value(v, t);
        self.assign_operand(&mut x, v, t, ctx);
    }
}
