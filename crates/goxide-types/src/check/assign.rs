//! Implicit conversion of untyped operands and assignability checks, with Go's messages.

use super::constexpr::{is_integral, representable};
use super::operand::Operand;
use super::Checker;
use crate::info::Mode;
use crate::types::{BasicKind, Type, TypeTable};
use crate::TypeId;
use goxide_ast::ast::{Expr, ExprKind, UnaryOp};

impl Checker<'_> {
    /// Converts an untyped operand to `target` (implicitly, as in an assignment or operation).
    /// `ctx` is the assignment context for messages (`None` inside operations). Returns false
    /// after reporting an error.
    pub(crate) fn convert_untyped(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        target: TypeId,
        ctx: Option<&str>,
    ) -> bool {
        if x.is_invalid() || !self.is_untyped(x.ty) || target == TypeTable::INVALID {
            return true;
        }
        let tu = self.under(target);
        let final_ty = match self.prog.types.get(tu).clone() {
            Type::Basic(k) => {
                if let Mode::Const(v) = &x.mode {
                    match representable(v, k) {
                        Some(nv) => {
                            x.mode = Mode::Const(nv);
                            target
                        }
                        None => {
                            let ok_kind = match self.prog.types.get(x.ty) {
                                Type::Basic(xk) => {
                                    (xk.is_numeric() && k.is_numeric())
                                        || (xk.is_string() && k.is_string())
                                        || (xk.is_boolean() && k.is_boolean())
                                }
                                _ => false,
                            };
                            let d = self.describe(x, e);
                            let ts = self.type_str(target);
                            let why = if ok_kind && k.is_integer() && !is_integral(v) {
                                "truncated"
                            } else {
                                "overflows"
                            };
                            let msg = match (ctx, ok_kind) {
                                (Some(c), true) => {
                                    format!("cannot use {d} as {ts} value in {c} ({why})")
                                }
                                (Some(c), false) => format!("cannot use {d} as {ts} value in {c}"),
                                (None, true) if why == "truncated" => {
                                    format!("{d} truncated to {ts}")
                                }
                                (None, true) => format!("{d} overflows {ts}"),
                                (None, false) => format!("cannot convert {d} to type {ts}"),
                            };
                            self.error(e.span, msg);
                            *x = Operand::invalid();
                            return false;
                        }
                    }
                } else {
                    let xk = self
                        .prog
                        .types
                        .basic_kind(x.ty)
                        .unwrap_or(BasicKind::Invalid);
                    let ok = (xk.is_boolean() && k.is_boolean())
                        || (xk.is_numeric() && k.is_numeric())
                        || (xk.is_string() && k.is_string())
                        || (xk == BasicKind::UntypedNil && k == BasicKind::UnsafePointer)
                        || k.is_untyped();
                    if !ok {
                        self.assign_mismatch(x, e, target, ctx);
                        return false;
                    }
                    // A non-constant shift of an untyped constant takes the context's type,
                    // which must be an integer type.
                    if xk.is_numeric() && !k.is_integer() && is_shift(e) {
                        let s = self.text(e.span);
                        let ts = self.type_str(target);
                        self.error(e.span, format!("invalid operation: shifted operand {s} (type {ts}) must be integer"));
                        *x = Operand::invalid();
                        return false;
                    }
                    target
                }
            }
            Type::Interface(_) | Type::TypeParam { .. } => {
                if x.mode == Mode::Nil || matches!(self.prog.types.get(tu), Type::TypeParam { .. })
                {
                    target
                } else {
                    let d = crate::default_type(&self.prog.types, x.ty);
                    if self.missing_method(d, target).is_some() {
                        self.assign_mismatch(x, e, target, ctx);
                        return false;
                    }
                    d
                }
            }
            Type::Pointer(_) | Type::Slice(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_)
                if x.mode == Mode::Nil =>
            {
                target
            }
            _ => {
                self.assign_mismatch(x, e, target, ctx);
                return false;
            }
        };
        if let Mode::Const(v) = &x.mode {
            if let Some(k) = self.prog.types.basic_kind(final_ty) {
                if let Some(nv) = representable(v, k) {
                    x.mode = Mode::Const(nv);
                }
            }
        }
        x.ty = final_ty;
        self.update_expr_type(e, final_ty, &x.mode, 0);
        true
    }

    fn assign_mismatch(&mut self, x: &mut Operand, e: &Expr, target: TypeId, ctx: Option<&str>) {
        let d = self.describe(x, e);
        let ts = self.type_str(target);
        let msg = match ctx {
            Some(c) => format!("cannot use {d} as {ts} value in {c}"),
            None => format!("cannot convert {d} to type {ts}"),
        };
        self.error(e.span, msg);
        *x = Operand::invalid();
    }

    /// Re-records an untyped expression (and its untyped operands) with its final type.
    pub(crate) fn update_expr_type(&mut self, e: &Expr, t: TypeId, mode: &Mode, depth: u32) {
        if !self.is_main() || depth > super::MAX_DEPTH {
            return;
        }
        let Some(old) = self.info.types.get(&e.id) else {
            return;
        };
        if !self.is_untyped(old.ty) {
            return;
        }
        let new_mode = match (&old.mode, mode) {
            (Mode::Const(_), Mode::Const(v)) if depth == 0 => Mode::Const(v.clone()),
            (Mode::Const(v), _) => {
                let k = self.prog.types.basic_kind(t).unwrap_or(BasicKind::Invalid);
                Mode::Const(representable(v, k).unwrap_or_else(|| v.clone()))
            }
            (m, _) => m.clone(),
        };
        self.info.types.insert(
            e.id,
            crate::TypeAndMode {
                ty: t,
                mode: new_mode,
            },
        );
        let d = depth + 1;
        match &e.kind {
            ExprKind::Paren(x) => self.update_expr_type(x, t, &Mode::Value, d),
            ExprKind::Unary {
                op: UnaryOp::Pos | UnaryOp::Neg | UnaryOp::BitNot | UnaryOp::Not,
                x,
            } => self.update_expr_type(x, t, &Mode::Value, d),
            ExprKind::Binary { op, x, y } if !op.is_comparison() => {
                self.update_expr_type(x, t, &Mode::Value, d);
                if !matches!(
                    op,
                    goxide_ast::ast::BinaryOp::Shl | goxide_ast::ast::BinaryOp::Shr
                ) {
                    self.update_expr_type(y, t, &Mode::Value, d);
                }
            }
            _ => {}
        }
    }

    /// Checks that `x` can be assigned to a variable of type `t` (converting untyped values);
    /// reports `cannot use … as T value in <ctx>` otherwise.
    pub(crate) fn assign_operand(
        &mut self,
        x: &mut Operand,
        e: &Expr,
        t: TypeId,
        ctx: &str,
    ) -> bool {
        if x.is_invalid() || t == TypeTable::INVALID {
            return true;
        }
        match x.mode {
            Mode::NoValue => {
                let s = self.text(e.span);
                self.error(e.span, format!("{s} (no value) used as value"));
                return false;
            }
            Mode::Type | Mode::Builtin | Mode::Package => {
                let d = self.describe(x, e);
                self.error(e.span, format!("{d} is not an expression"));
                return false;
            }
            _ => {}
        }
        if self.is_untyped(x.ty) {
            return self.convert_untyped(x, e, t, Some(ctx));
        }
        if self.assignable_type(x.ty, t) {
            return true;
        }
        let d = self.describe(x, e);
        let ts = self.type_str(t);
        let mut msg = format!("cannot use {d} as {ts} value in {ctx}");
        if self.prog.types.is_interface(t) {
            if let Some((m, ptr)) = self.missing_method(x.ty, t) {
                let xs = self.type_str(x.ty);
                msg = if ptr {
                    format!("{msg}: {xs} does not implement {ts} (method {m} has pointer receiver)")
                } else {
                    format!("{msg}: {xs} does not implement {ts} (missing method {m})")
                };
            }
        }
        self.error(e.span, msg);
        false
    }
}

/// Whether `e` (parentheses stripped) is a shift expression.
fn is_shift(e: &Expr) -> bool {
    matches!(
        &super::expr::strip_parens(e).kind,
        ExprKind::Binary {
            op: goxide_ast::ast::BinaryOp::Shl | goxide_ast::ast::BinaryOp::Shr,
            ..
        }
    )
}
