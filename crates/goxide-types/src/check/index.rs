//! Index and slice expressions, generic instantiation by index, and index checks.

use super::constexpr::{self};
use super::operand::Operand;
use super::predicates::is_type_param;
use super::Checker;
use crate::info::Mode;
use crate::types::{BasicKind, Type, TypeTable};
use crate::TypeId;
use goxide_ast::ast::Expr;

impl Checker<'_> {
    pub(crate) fn index(&mut self, e: &Expr, xe: &Expr, indices: &[Expr]) -> Operand {
        let x = self.expr_any(xe);
        if x.is_invalid() {
            for i in indices {
                self.expr_any(i);
            }
            return Operand::invalid();
        }
        if x.mode == Mode::Type {
            // Generic type instantiation.
            let args: Vec<TypeId> = indices.iter().map(|i| self.typ(i)).collect();
            if args.contains(&TypeTable::INVALID) {
                return Operand::invalid();
            }
            if let Type::Named(n) = self.prog.types.get(x.ty) {
                if n.type_params.len() != args.len() {
                    let ts = self.type_str(x.ty);
                    self.error(
                        e.span,
                        format!(
                            "got {} type arguments but {ts} has {} type parameters",
                            args.len(),
                            n.type_params.len()
                        ),
                    );
                    return Operand::invalid();
                }
            }
            let t = self.instantiate_named(x.ty, &args);
            if let Type::Named(n) = self.prog.types.get(x.ty) {
                let tps = n.type_params.clone();
                let spans = indices.iter().map(|i| i.span).collect();
                self.defer_verify(&tps, &args, spans);
            }
            if self.is_main() {
                self.info.instances.insert(e.id, args);
            }
            return Operand {
                mode: Mode::Type,
                ty: t,
            };
        }
        // Generic function instantiation.
        if let Some(fobj) = self.generic_func_of(xe) {
            let args: Vec<TypeId> = indices.iter().map(|i| self.typ(i)).collect();
            let spans = indices.iter().map(|i| i.span).collect();
            return self.instantiate_func(e, fobj, x.ty, args, spans);
        }
        let x = self.single_value(x, xe);
        if x.is_invalid() {
            return x;
        }
        let Some(ie) = indices.first() else {
            return Operand::invalid();
        };
        if indices.len() > 1 {
            self.error(e.span, "unexpected comma; expecting ]");
            return Operand::invalid();
        }
        let u = self.op_type(x.ty);
        let (elem, mode, len): (TypeId, Mode, Option<u64>) = match self.prog.types.get(u).clone() {
            Type::Basic(k) if k.is_string() => {
                let m = if let Mode::Const(_) = x.mode {
                    Mode::Value
                } else {
                    Mode::Value
                };
                (self.prog.types.basic(BasicKind::Uint8), m, None)
            }
            Type::Array(n, el) => (
                el,
                if x.mode == Mode::Variable {
                    Mode::Variable
                } else {
                    Mode::Value
                },
                Some(n),
            ),
            Type::Pointer(p) => match self.prog.types.under(p).clone() {
                Type::Array(n, el) => (el, Mode::Variable, Some(n)),
                _ => return self.bad_index(e, &x, xe),
            },
            Type::Slice(el) => (el, Mode::Variable, None),
            Type::Map(k, v) => {
                let mut kx = self.expr(ie);
                self.assign_operand(&mut kx, ie, k, "map index");
                return Operand {
                    mode: Mode::MapIndex,
                    ty: v,
                };
            }
            _ if is_type_param(&self.prog, x.ty) => {
                self.expr(ie);
                return Operand::invalid();
            }
            _ => return self.bad_index(e, &x, xe),
        };
        self.index_value(ie, len);
        // Constant string indexing of a constant is still not a constant.
        Operand { mode, ty: elem }
    }

    pub(crate) fn bad_index(&mut self, e: &Expr, x: &Operand, xe: &Expr) -> Operand {
        let d = self.describe(x, xe);
        self.error(e.span, format!("invalid operation: cannot index {d}"));
        Operand::invalid()
    }

    /// Checks an index value: an integer, non-negative and in range when constant.
    pub(crate) fn index_value(&mut self, ie: &Expr, len: Option<u64>) {
        let mut ix = self.expr(ie);
        if ix.is_invalid() {
            return;
        }
        if self.is_untyped(ix.ty) {
            let int = self.prog.types.basic(BasicKind::Int);
            if !self.convert_untyped(&mut ix, ie, int, Some("index")) {
                return;
            }
        }
        let ok = matches!(self.op_type(ix.ty), t if self.prog.types.basic_kind(t).is_some_and(|k| k.is_integer()));
        if !ok && !is_type_param(&self.prog, ix.ty) {
            let d = self.describe(&ix, ie);
            self.error(
                ie.span,
                format!("invalid argument: index {d} must be integer"),
            );
            return;
        }
        if let Some(v) = ix.const_value().and_then(constexpr::to_int) {
            let s = self.text(ie.span);
            if v < 0.into() {
                self.error(
                    ie.span,
                    format!(
                        "invalid argument: index {s} (constant of type int) must not be negative"
                    ),
                );
            } else if let Some(n) = len {
                if v >= n.into() {
                    self.error(
                        ie.span,
                        format!("invalid argument: index {s} out of bounds [0:{n}]"),
                    );
                }
            }
        }
    }

    pub(crate) fn slice_expr(
        &mut self,
        e: &Expr,
        xe: &Expr,
        lo: &Option<Box<Expr>>,
        hi: &Option<Box<Expr>>,
        max: &Option<Box<Expr>>,
        three: bool,
    ) -> Operand {
        let x = self.expr(xe);
        if x.is_invalid() {
            return x;
        }
        let u = self.op_type(x.ty);
        let (t, len) = match self.prog.types.get(u).clone() {
            Type::Basic(k) if k.is_string() => {
                if three {
                    self.error(e.span, "invalid operation: 3-index slice of string");
                }
                let t = if k == BasicKind::UntypedString {
                    self.prog.types.basic(BasicKind::String)
                } else {
                    x.ty
                };
                (t, None)
            }
            Type::Array(n, el) => {
                if x.mode != Mode::Variable {
                    let d = self.describe(&x, xe);
                    self.error(
                        e.span,
                        format!("invalid operation: {d} (slice of unaddressable value)"),
                    );
                }
                (self.prog.types.intern(Type::Slice(el)), Some(n))
            }
            Type::Pointer(p) => match self.prog.types.under(p).clone() {
                Type::Array(n, el) => (self.prog.types.intern(Type::Slice(el)), Some(n)),
                _ => return self.bad_slice(e, &x, xe),
            },
            Type::Slice(_) => (x.ty, None),
            _ if is_type_param(&self.prog, x.ty) => (x.ty, None),
            _ => return self.bad_slice(e, &x, xe),
        };
        let mut consts: Vec<Option<num_bigint::BigInt>> = Vec::new();
        for i in [lo, hi, max] {
            match i {
                Some(i) => {
                    self.index_value(i, len.map(|n| n + 1));
                    consts.push(self.const_of(i.id));
                }
                None => consts.push(None),
            }
        }
        // Constant indices must be ordered: lo <= hi <= max.
        let known: Vec<&num_bigint::BigInt> = consts.iter().flatten().collect();
        if known.windows(2).any(|w| w[0] > w[1]) {
            self.error(e.span, "invalid slice indices: inverted slice range");
        }
        Operand::value(t)
    }

    /// The recorded integer constant value of an expression of the checked package.
    pub(crate) fn const_of(&self, id: goxide_ast::ast::NodeId) -> Option<num_bigint::BigInt> {
        match &self.info.types.get(&id)?.mode {
            Mode::Const(v) => constexpr::to_int(v),
            _ => None,
        }
    }

    pub(crate) fn bad_slice(&mut self, e: &Expr, x: &Operand, xe: &Expr) -> Operand {
        let d = self.describe(x, xe);
        self.error(e.span, format!("cannot slice {d}"));
        Operand::invalid()
    }
}
