//! Unary and binary operators, comparisons and shifts, with constant folding and implicit
//! conversion of untyped operands.

use super::constexpr::{self, ConstErr};
use super::expr::strip_parens;
use super::operand::Operand;
use super::predicates::{comparable, has_nil, is_ordered, is_type_param};
use super::Checker;
use crate::constant::ConstValue;
use crate::info::Mode;
use crate::types::{BasicKind, Type};
use crate::TypeId;
use goxide_ast::ast::{BinaryOp, ChanDir, Expr, ExprKind, UnaryOp};

impl Checker<'_> {
    pub(crate) fn unary(&mut self, e: &Expr, op: UnaryOp, xe: &Expr) -> Operand {
        if op == UnaryOp::Addr {
            let inner = strip_parens(xe);
            if let ExprKind::CompositeLit { .. } = inner.kind {
                let x = self.expr(xe);
                if x.is_invalid() {
                    return x;
                }
                return Operand::value(self.prog.types.intern(Type::Pointer(x.ty)));
            }
            let x = self.expr(xe);
            if x.is_invalid() {
                return x;
            }
            if x.mode != Mode::Variable {
                let d = self.describe(&x, xe);
                self.error(
                    e.span,
                    format!("invalid operation: cannot take address of {d}"),
                );
                return Operand::invalid();
            }
            return Operand::value(self.prog.types.intern(Type::Pointer(x.ty)));
        }
        if op == UnaryOp::Recv {
            self.calls_seen += 1;
            let x = self.expr(xe);
            if x.is_invalid() {
                return x;
            }
            let u = self.op_type(x.ty);
            return match self.prog.types.get(u).clone() {
                Type::Chan(dir, el) => {
                    if dir == ChanDir::Send {
                        let d = self.describe(&x, xe);
                        self.error(
                            e.span,
                            format!("invalid operation: cannot receive from send-only channel {d}"),
                        );
                    }
                    Operand {
                        mode: Mode::CommaOk,
                        ty: el,
                    }
                }
                _ if is_type_param(&self.prog, x.ty) => Operand::invalid(),
                _ => {
                    let d = self.describe(&x, xe);
                    self.error(
                        e.span,
                        format!("invalid operation: cannot receive from non-channel {d}"),
                    );
                    Operand::invalid()
                }
            };
        }
        let x = self.expr(xe);
        if x.is_invalid() {
            return x;
        }
        let u = self.op_type(x.ty);
        let k = self.prog.types.basic_kind(u);
        let ok = is_type_param(&self.prog, x.ty)
            || match (op, k) {
                (_, None) => false,
                (UnaryOp::Pos | UnaryOp::Neg, Some(k)) => k.is_numeric(),
                (UnaryOp::Not, Some(k)) => k.is_boolean(),
                (UnaryOp::BitNot, Some(k)) => k.is_integer(),
                _ => false,
            };
        if !ok {
            let d = self.describe(&x, xe);
            let ops = match op {
                UnaryOp::Pos => "+",
                UnaryOp::Neg => "-",
                UnaryOp::Not => "!",
                _ => "^",
            };
            self.error(
                e.span,
                format!("invalid operation: operator {ops} not defined on {d}"),
            );
            return Operand::invalid();
        }
        if let (Mode::Const(v), Some(k)) = (&x.mode, k) {
            let Some(r) = constexpr::unary(op, v, k) else {
                return Operand::invalid();
            };
            return self.const_result(e, r, x.ty);
        }
        Operand::value(x.ty)
    }

    /// A constant result of type `t`: checks that a typed constant is representable.
    pub(crate) fn const_result(&mut self, e: &Expr, v: ConstValue, t: TypeId) -> Operand {
        let Some(v) = constexpr::limit(v) else {
            self.error(e.span, "constant overflow");
            return Operand::invalid();
        };
        if !self.is_untyped(t) {
            if let Some(k) = self.prog.types.basic_kind(t) {
                match constexpr::representable(&v, k) {
                    Some(nv) => {
                        return Operand {
                            mode: Mode::Const(nv),
                            ty: t,
                        }
                    }
                    None => {
                        let s = self.text(e.span);
                        let ts = self.type_str(t);
                        let vs = constexpr::value_string(&v);
                        let msg = if s == vs {
                            format!("cannot use {s} (untyped constant) as {ts} value (overflows)")
                        } else {
                            format!("constant {vs} overflows {ts}")
                        };
                        let _ = msg;
                        self.error(e.span, format!("constant {vs} overflows {ts}"));
                        return Operand::invalid();
                    }
                }
            }
        }
        Operand {
            mode: Mode::Const(v),
            ty: t,
        }
    }

    /// Brings two operands to a common type (implicit conversion of untyped operands).
    pub(crate) fn match_types(
        &mut self,
        x: &mut Operand,
        xe: &Expr,
        y: &mut Operand,
        ye: &Expr,
    ) -> bool {
        let (xu, yu) = (self.is_untyped(x.ty), self.is_untyped(y.ty));
        if xu && !yu {
            return self.convert_untyped(x, xe, y.ty, None);
        }
        if yu && !xu {
            return self.convert_untyped(y, ye, x.ty, None);
        }
        if xu && yu {
            let (kx, ky) = (
                self.prog.types.basic_kind(x.ty),
                self.prog.types.basic_kind(y.ty),
            );
            if let (Some(kx), Some(ky)) = (kx, ky) {
                if kx.is_numeric() && ky.is_numeric() {
                    let rank = |k: BasicKind| match k {
                        BasicKind::UntypedInt => 0,
                        BasicKind::UntypedRune => 1,
                        BasicKind::UntypedFloat => 2,
                        _ => 3,
                    };
                    if rank(kx) > rank(ky) {
                        let t = x.ty;
                        return self.convert_untyped(y, ye, t, None);
                    } else if rank(ky) > rank(kx) {
                        let t = y.ty;
                        return self.convert_untyped(x, xe, t, None);
                    }
                }
            }
        }
        true
    }

    /// A binary expression. Left-nested chains (`a + b + c + …`, as long as generated code
    /// makes them) are walked iteratively so that their length does not cost stack depth.
    pub(crate) fn binary(&mut self, e: &Expr, op: BinaryOp, xe: &Expr, ye: &Expr) -> Operand {
        let mut spine: Vec<(&Expr, BinaryOp, &Expr, &Expr)> = vec![(e, op, xe, ye)];
        let mut leaf = xe;
        while let ExprKind::Binary { op, x, y } = &leaf.kind {
            spine.push((leaf, *op, x, y));
            leaf = x;
        }
        let mut x = self.expr(leaf);
        for (i, &(node, op, nxe, nye)) in spine.iter().enumerate().rev() {
            let y = self.expr(nye);
            x = self.binary_ops(node, op, x, nxe, y, nye);
            if i > 0 && self.is_main() {
                self.record(node.id, x.ty, x.mode.clone());
            }
        }
        x
    }

    pub(crate) fn binary_ops(
        &mut self,
        e: &Expr,
        op: BinaryOp,
        x: Operand,
        xe: &Expr,
        y: Operand,
        ye: &Expr,
    ) -> Operand {
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            return self.shift(e, op, x, xe, y, ye);
        }
        let (mut x, mut y) = (x, y);
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        if op.is_comparison() {
            return self.comparison(e, op, x, xe, y, ye);
        }
        if !self.match_types(&mut x, xe, &mut y, ye) {
            return Operand::invalid();
        }
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        if !self.identical(x.ty, y.ty) {
            if is_type_param(&self.prog, x.ty) || is_type_param(&self.prog, y.ty) {
                return Operand::value(x.ty);
            }
            let s = self.text(e.span);
            let (xs, ys) = (self.type_str(x.ty), self.type_str(y.ty));
            self.error(
                e.span,
                format!("invalid operation: {s} (mismatched types {xs} and {ys})"),
            );
            return Operand::invalid();
        }
        let u = self.op_type(x.ty);
        let k = self.prog.types.basic_kind(u);
        let ok = is_type_param(&self.prog, x.ty)
            || match k {
                None => false,
                Some(k) => match op {
                    BinaryOp::Add => k.is_numeric() || k.is_string(),
                    BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div => k.is_numeric(),
                    BinaryOp::Rem
                    | BinaryOp::And
                    | BinaryOp::Or
                    | BinaryOp::Xor
                    | BinaryOp::AndNot => k.is_integer(),
                    BinaryOp::LogAnd | BinaryOp::LogOr => k.is_boolean(),
                    _ => false,
                },
            };
        if !ok {
            let s = self.text(e.span);
            let d = self.describe(&x, xe);
            self.error(
                e.span,
                format!(
                    "invalid operation: operator {} not defined on {d}",
                    op.as_str()
                ),
            );
            let _ = s;
            return Operand::invalid();
        }
        if matches!(op, BinaryOp::Div | BinaryOp::Rem) {
            if let Some(v) = y.const_value() {
                if constexpr::to_rat(v).is_some_and(|r| num_traits::Zero::is_zero(&r))
                    && k.is_some_and(|k| k.is_integer() || x.is_const())
                {
                    self.error(ye.span, "invalid operation: division by zero");
                    return Operand::invalid();
                }
            }
        }
        if op == BinaryOp::Add {
            // String concatenation shares both operands' bytes (see `ConstStr`): left-nested
            // chains (`"…" + "…" + …`, thousands long in generated tables) stay linear even
            // though the value of every prefix is recorded.
            if let (Mode::Const(ConstValue::String(a)), Some(ConstValue::String(b))) =
                (&x.mode, y.const_value())
            {
                let v = a.concat(b);
                return self.const_result(e, ConstValue::String(v), x.ty);
            }
        }
        if let (Some(a), Some(b)) = (x.const_value(), y.const_value()) {
            let int_div = k.is_some_and(|k| k.is_integer());
            return match constexpr::binary(op, a, b, int_div) {
                Ok(v) => self.const_result(e, v, x.ty),
                Err(ConstErr::DivByZero) => {
                    self.error(ye.span, "invalid operation: division by zero");
                    Operand::invalid()
                }
                Err(ConstErr::Invalid) => Operand::invalid(),
            };
        }
        Operand::value(x.ty)
    }

    pub(crate) fn comparison(
        &mut self,
        e: &Expr,
        op: BinaryOp,
        mut x: Operand,
        xe: &Expr,
        mut y: Operand,
        ye: &Expr,
    ) -> Operand {
        let ub = self.prog.types.basic(BasicKind::UntypedBool);
        // nil comparisons
        if x.mode == Mode::Nil || y.mode == Mode::Nil {
            let (other, oe) = if x.mode == Mode::Nil {
                (&y, ye)
            } else {
                (&x, xe)
            };
            if other.mode == Mode::Nil {
                self.error(
                    e.span,
                    format!(
                        "invalid operation: {} (operator {} not defined on nil)",
                        self.text(e.span),
                        op.as_str()
                    ),
                );
                return Operand::invalid();
            }
            if !has_nil(&self.prog, other.ty) || !matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
                let d = self.describe(other, oe);
                self.error(
                    e.span,
                    format!(
                        "invalid operation: {} (mismatched types {} and untyped nil)",
                        self.text(e.span),
                        d
                    ),
                );
                return Operand::invalid();
            }
            let t = other.ty;
            if x.mode == Mode::Nil {
                self.convert_untyped(&mut x, xe, t, None);
            } else {
                self.convert_untyped(&mut y, ye, t, None);
            }
            return Operand::value(ub);
        }
        if !self.match_types(&mut x, xe, &mut y, ye) || x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        let ok_types = self.assignable_type(x.ty, y.ty) || self.assignable_type(y.ty, x.ty);
        if !ok_types {
            let s = self.text(e.span);
            let (xs, ys) = (self.type_str(x.ty), self.type_str(y.ty));
            self.error(
                e.span,
                format!("invalid operation: {s} (mismatched types {xs} and {ys})"),
            );
            return Operand::invalid();
        }
        let tp = is_type_param(&self.prog, x.ty) || is_type_param(&self.prog, y.ty);
        if matches!(op, BinaryOp::Eq | BinaryOp::Ne) {
            if !tp && (!comparable(&self.prog, x.ty, 0) || !comparable(&self.prog, y.ty, 0)) {
                let bad = if !comparable(&self.prog, x.ty, 0) {
                    x.ty
                } else {
                    y.ty
                };
                let s = self.text(e.span);
                let u = self.prog.types.under(bad).clone();
                let what = match u {
                    Type::Slice(_) => "slice can only be compared to nil".to_string(),
                    Type::Map(..) => "map can only be compared to nil".to_string(),
                    Type::Func(_) => "func can only be compared to nil".to_string(),
                    _ => format!("{} cannot be compared", self.type_str(bad)),
                };
                self.error(e.span, format!("invalid operation: {s} ({what})"));
                return Operand::invalid();
            }
        } else if !tp && (!is_ordered(&self.prog, x.ty) || !is_ordered(&self.prog, y.ty)) {
            let s = self.text(e.span);
            let d = self.describe(&x, xe);
            let _ = d;
            self.error(
                e.span,
                format!(
                    "invalid operation: {s} (operator {} not defined on {})",
                    op.as_str(),
                    self.type_str(x.ty)
                ),
            );
            return Operand::invalid();
        }
        if let (Some(a), Some(b)) = (x.const_value(), y.const_value()) {
            if let Some(r) = constexpr::compare(op, a, b) {
                return Operand {
                    mode: Mode::Const(ConstValue::Bool(r)),
                    ty: ub,
                };
            }
        }
        // Untyped operands compared with each other take their default types.
        for (o, oe) in [(&mut x, xe), (&mut y, ye)] {
            if self.is_untyped(o.ty) && !o.is_const() {
                let d = crate::default_type(&self.prog.types, o.ty);
                self.convert_untyped(o, oe, d, None);
            }
        }
        Operand::value(ub)
    }

    pub(crate) fn shift(
        &mut self,
        e: &Expr,
        op: BinaryOp,
        x: Operand,
        xe: &Expr,
        y: Operand,
        ye: &Expr,
    ) -> Operand {
        let mut y = y;
        if x.is_invalid() || y.is_invalid() {
            return Operand::invalid();
        }
        // The shift count.
        if let Some(v) = y.const_value() {
            match constexpr::to_int(v) {
                Some(i) if i >= 0.into() => {
                    if self.is_untyped(y.ty) {
                        let uint = self.prog.types.basic(BasicKind::Uint);
                        self.convert_untyped(&mut y, ye, uint, None);
                    }
                }
                _ => {
                    let d = self.describe(&y, ye);
                    self.error(ye.span, format!("invalid shift count {d}"));
                    return Operand::invalid();
                }
            }
        } else {
            if self.is_untyped(y.ty) {
                // A non-constant untyped count (itself a shift) becomes a uint.
                let uint = self.prog.types.basic(BasicKind::Uint);
                if !self.convert_untyped(&mut y, ye, uint, None) {
                    return Operand::invalid();
                }
            }
            let yu = self.op_type(y.ty);
            if !self
                .prog
                .types
                .basic_kind(yu)
                .is_some_and(|k| k.is_integer())
                && !is_type_param(&self.prog, y.ty)
            {
                let d = self.describe(&y, ye);
                self.error(
                    ye.span,
                    format!("invalid operation: shift count {d} must be integer"),
                );
                return Operand::invalid();
            }
        }
        // The shifted operand.
        let xu = self.op_type(x.ty);
        let xk = self.prog.types.basic_kind(xu);
        if let Mode::Const(xv) = &x.mode {
            let integral = constexpr::to_int(xv).is_some();
            if self.is_untyped(x.ty) && integral {
                if let Some(yv) = y.const_value() {
                    let s = constexpr::to_int(yv)
                        .and_then(|i| num_traits::ToPrimitive::to_u64(&i))
                        .unwrap_or(u64::MAX);
                    return match constexpr::shift(op, xv, s) {
                        Some(v) if constexpr::limit(v.clone()).is_none() => {
                            self.error(e.span, "constant shift overflow");
                            Operand::invalid()
                        }
                        Some(v) => {
                            let t = if xk == Some(BasicKind::UntypedRune) {
                                x.ty
                            } else {
                                self.prog.types.basic(BasicKind::UntypedInt)
                            };
                            if self.is_main() {
                                if let Some(tm) = self.info.types.get_mut(&xe.id) {
                                    tm.ty = t;
                                }
                            }
                            Operand {
                                mode: Mode::Const(v),
                                ty: t,
                            }
                        }
                        None => {
                            let d = self.describe(&y, ye);
                            self.error(ye.span, format!("invalid shift count {d}"));
                            Operand::invalid()
                        }
                    };
                }
                // Non-constant shift of an untyped constant: the type comes from the context
                // (the type the constant alone would take there).
                return Operand::value(x.ty);
            }
        }
        if !xk.is_some_and(|k| k.is_integer()) && !is_type_param(&self.prog, x.ty) {
            let d = self.describe(&x, xe);
            self.error(
                e.span,
                format!("invalid operation: shifted operand {d} must be integer"),
            );
            return Operand::invalid();
        }
        if let (Some(xv), Some(yv)) = (x.const_value(), y.const_value()) {
            let s = constexpr::to_int(yv)
                .and_then(|i| num_traits::ToPrimitive::to_u64(&i))
                .unwrap_or(u64::MAX);
            if let Some(v) = constexpr::shift(op, xv, s) {
                return self.const_result(e, v, x.ty);
            }
            return Operand::invalid();
        }
        Operand::value(x.ty)
    }
}
