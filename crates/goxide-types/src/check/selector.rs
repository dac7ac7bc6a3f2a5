//! Selectors: qualified identifiers, field and method selection (with promotion through
//! embedding), method expressions, and selectors on type-parameter operands.

use super::operand::Operand;
use super::predicates::is_type_param;
use super::Checker;
use crate::constant::ConstValue;
use crate::info::{Mode, Selection, SelectionKind};
use crate::object::ObjKind;
use crate::types::{Type, TypeTable};
use crate::TypeId;
use goxide_ast::ast::{Expr, ExprKind};

impl Checker<'_> {
    pub(crate) fn selector(
        &mut self,
        e: &Expr,
        xe: &Expr,
        sel: &goxide_ast::ast::Ident,
    ) -> Operand {
        // Qualified identifier.
        if let ExprKind::Ident(pname) = &xe.kind {
            if let Some(o) = self.resolve(pname) {
                if let ObjKind::PkgName(_) = self.obj(o).kind {
                    self.record_use(xe.id, o);
                    self.record(xe.id, TypeTable::INVALID, Mode::Package);
                    self.used_imports.insert(o);
                    let Some(pid) = self.pkg_of_name(o) else {
                        return Operand::invalid();
                    };
                    if self
                        .prog
                        .packages
                        .get(pid.0 as usize)
                        .is_some_and(|p| p.path == "C")
                    {
                        return Operand::invalid();
                    }
                    let found = self
                        .prog
                        .packages
                        .get(pid.0 as usize)
                        .and_then(|p| p.scope.get(&sel.name))
                        .copied();
                    let Some(obj) = found.filter(|&f| self.obj(f).is_exported()) else {
                        let pn = self.obj(o).name.clone();
                        if found.is_some() {
                            self.error(
                                sel.span,
                                format!("name {} not exported by package {pn}", sel.name),
                            );
                        } else {
                            self.error(sel.span, format!("undefined: {pn}.{}", sel.name));
                        }
                        return Operand::invalid();
                    };
                    self.ensure_obj(obj);
                    self.record_use(sel.id, obj);
                    let ob = self.obj(obj).clone();
                    let x = match ob.kind {
                        ObjKind::Var { .. } => Operand {
                            mode: Mode::Variable,
                            ty: ob.ty,
                        },
                        ObjKind::Const(v) if v != ConstValue::Unknown => Operand {
                            mode: Mode::Const(v),
                            ty: ob.ty,
                        },
                        ObjKind::Const(_) => Operand::invalid(),
                        ObjKind::TypeName => Operand {
                            mode: Mode::Type,
                            ty: ob.ty,
                        },
                        ObjKind::Func { .. } => Operand::value(ob.ty),
                        ObjKind::Builtin(_) => Operand {
                            mode: Mode::Builtin,
                            ty: TypeTable::INVALID,
                        },
                        _ => Operand::invalid(),
                    };
                    return x;
                }
            }
        }
        let x = self.expr_any(xe);
        if x.is_invalid() {
            return Operand::invalid();
        }
        if matches!(x.mode, Mode::Package | Mode::Builtin | Mode::NoValue) {
            let x = self.single_value(x, xe);
            let _ = x;
            return Operand::invalid();
        }
        if let Type::Tuple(_) = self.prog.types.get(x.ty) {
            self.single_value(x, xe);
            return Operand::invalid();
        }
        let Some(f) = self.lookup(x.ty, &sel.name) else {
            if is_type_param(&self.prog, x.ty) || self.is_tp_pointer(x.ty) {
                let r = self.type_param_selector(e, x.ty, sel);
                if x.mode == Mode::Type && !r.is_invalid() {
                    if let Type::Func(mut sig) = self.prog.types.get(r.ty).clone() {
                        sig.params.insert(0, x.ty);
                        sig.param_names.insert(0, String::new());
                        return Operand::value(self.prog.types.intern(Type::Func(sig)));
                    }
                }
                return r;
            }
            let xs = self.text(xe.span);
            let ts = self.type_str(x.ty);
            let what = if x.mode == Mode::Type {
                ""
            } else {
                "field or "
            };
            let _ = what;
            self.error(
                sel.span,
                format!(
                    "{xs}.{} undefined (type {ts} has no field or method {})",
                    sel.name, sel.name
                ),
            );
            return Operand::invalid();
        };
        self.record_use(sel.id, f.obj);
        if f.is_method {
            self.record_dep(f.obj);
        }
        if x.mode == Mode::Type {
            if !f.is_method {
                let xs = self.text(xe.span);
                self.error(
                    sel.span,
                    format!(
                        "{xs}.{} undefined (type {} has no method {})",
                        sel.name,
                        self.type_str(x.ty),
                        sel.name
                    ),
                );
                return Operand::invalid();
            }
            // Method expression: the receiver becomes the first parameter.
            let Type::Func(mut sig) = self.prog.types.get(f.ty).clone() else {
                return Operand::invalid();
            };
            if !self.prog.types.is_interface(x.ty)
                && !matches!(self.prog.types.get(x.ty), Type::Pointer(_))
                && !f.indirect
                && self.has_pointer_recv(f.obj)
            {
                let ts = self.type_str(x.ty);
                self.error(
                    e.span,
                    format!(
                        "invalid method expression {}.{} (needs pointer receiver (*{ts}).{})",
                        ts, sel.name, sel.name
                    ),
                );
            }
            sig.params.insert(0, x.ty);
            sig.param_names.insert(0, String::new());
            let t = self.prog.types.intern(Type::Func(sig));
            if self.is_main() {
                self.info.selections.insert(
                    e.id,
                    Selection {
                        kind: SelectionKind::MethodExpr,
                        recv: x.ty,
                        obj: f.obj,
                        path: f.path,
                        indirect: f.indirect,
                    },
                );
            }
            return Operand::value(t);
        }
        let kind = if f.is_method {
            SelectionKind::MethodVal
        } else {
            SelectionKind::FieldVal
        };
        if self.is_main() {
            self.info.selections.insert(
                e.id,
                Selection {
                    kind,
                    recv: x.ty,
                    obj: f.obj,
                    path: f.path.clone(),
                    indirect: f.indirect,
                },
            );
        }
        if f.is_method {
            if !f.indirect
                && !matches!(x.mode, Mode::Variable)
                && !matches!(self.prog.types.get(x.ty), Type::Pointer(_))
                && !self.prog.types.is_interface(x.ty)
                && self.has_pointer_recv(f.obj)
            {
                let d = self.describe(&x, xe);
                self.error(
                    e.span,
                    format!("cannot call pointer method {} on {}", sel.name, d),
                );
                let _ = d;
            }
            return Operand::value(f.ty);
        }
        let mode = if f.indirect || x.mode == Mode::Variable {
            Mode::Variable
        } else {
            Mode::Value
        };
        Operand { mode, ty: f.ty }
    }

    pub(crate) fn is_tp_pointer(&self, t: TypeId) -> bool {
        matches!(self.prog.types.get(t), Type::Pointer(e) if is_type_param(&self.prog, *e))
    }

    /// A selector on a type-parameter-typed value: methods of its constraint, or fields of its
    /// core type.
    pub(crate) fn type_param_selector(
        &mut self,
        e: &Expr,
        t: TypeId,
        sel: &goxide_ast::ast::Ident,
    ) -> Operand {
        let tp = match self.prog.types.get(t) {
            Type::Pointer(b) => *b,
            _ => t,
        };
        if let Type::TypeParam { constraint, .. } = *self.prog.types.get(tp) {
            if let Some(f) = self.lookup(constraint, &sel.name) {
                self.record_use(sel.id, f.obj);
                if self.is_main() {
                    let kind = if f.is_method {
                        SelectionKind::MethodVal
                    } else {
                        SelectionKind::FieldVal
                    };
                    self.info.selections.insert(
                        e.id,
                        Selection {
                            kind,
                            recv: t,
                            obj: f.obj,
                            path: f.path,
                            indirect: f.indirect,
                        },
                    );
                }
                return Operand::value(f.ty);
            }
            if let Some(core) = self.core_type(constraint) {
                if let Some(f) = self.lookup(core, &sel.name) {
                    self.record_use(sel.id, f.obj);
                    return Operand {
                        mode: Mode::Variable,
                        ty: f.ty,
                    };
                }
            }
        }
        Operand::invalid()
    }

    /// The single underlying type of a constraint's type set, if it has one.
    pub(crate) fn core_type(&mut self, constraint: TypeId) -> Option<TypeId> {
        let cu = self.under(constraint);
        let Type::Interface(it) = self.prog.types.get(cu).clone() else {
            return Some(cu);
        };
        let terms = it.terms?;
        let mut core = None;
        for u in &terms {
            for term in u {
                let tu = match self.prog.types.get(term.ty) {
                    Type::TypeParam { constraint, .. } => self.core_type(*constraint)?,
                    _ => self.under(term.ty),
                };
                match core {
                    None => core = Some(tu),
                    Some(c) if self.identical(c, tu) => {}
                    Some(_) => return None,
                }
            }
        }
        core
    }

    /// The type whose operations a (possibly type-parameter) operand supports.
    pub(crate) fn op_type(&mut self, t: TypeId) -> TypeId {
        if let Type::TypeParam { constraint, .. } = *self.prog.types.get(t) {
            return self.core_type(constraint).unwrap_or(TypeTable::INVALID);
        }
        self.under(t)
    }
}
