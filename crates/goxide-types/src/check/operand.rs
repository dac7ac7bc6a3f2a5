//! Operands: the result of checking an expression (its mode and type), and how they are
//! described in messages (`x (variable of type int)`, `256 (untyped int constant)`).

use super::constexpr::value_string;
use super::Checker;
use crate::constant::ConstValue;
use crate::info::Mode;
use crate::types::{Type, TypeTable};
use crate::TypeId;
use goxide_ast::ast::Expr;

#[derive(Clone, Debug)]
pub(crate) struct Operand {
    pub(crate) mode: Mode,
    pub(crate) ty: TypeId,
}

impl Operand {
    pub(crate) fn invalid() -> Self {
        Operand {
            mode: Mode::Value,
            ty: TypeTable::INVALID,
        }
    }
    pub(crate) fn value(ty: TypeId) -> Self {
        Operand {
            mode: Mode::Value,
            ty,
        }
    }
    pub(crate) fn is_invalid(&self) -> bool {
        self.ty == TypeTable::INVALID
            && !matches!(self.mode, Mode::Package | Mode::Builtin | Mode::NoValue)
    }
    pub(crate) fn const_value(&self) -> Option<&ConstValue> {
        match &self.mode {
            Mode::Const(v) => Some(v),
            _ => None,
        }
    }
    pub(crate) fn is_const(&self) -> bool {
        matches!(self.mode, Mode::Const(_))
    }
}

impl Checker<'_> {
    pub(crate) fn is_untyped(&self, t: TypeId) -> bool {
        matches!(self.prog.types.get(t), Type::Basic(k) if k.is_untyped())
    }

    /// `x (variable of type int)`, `256 (untyped int constant)`, `c (constant 3 of type T)`.
    pub(crate) fn describe(&self, x: &Operand, e: &Expr) -> String {
        let text = self.text(e.span);
        let ts = self.type_str(x.ty);
        match &x.mode {
            Mode::Nil => "nil".to_string(),
            Mode::Const(v) => {
                let vs = value_string(v);
                if self.is_untyped(x.ty) {
                    if vs == text {
                        format!("{text} ({ts} constant)")
                    } else {
                        format!("{text} ({ts} constant {vs})")
                    }
                } else if vs == text {
                    format!("{text} (constant of type {ts})")
                } else {
                    format!("{text} (constant {vs} of type {ts})")
                }
            }
            Mode::Variable | Mode::MapIndex => format!("{text} (variable of type {ts})"),
            Mode::Type => format!("{text} (type)"),
            Mode::Builtin => format!("{text} (built-in)"),
            Mode::NoValue => format!("{text} (no value)"),
            Mode::Package => format!("package {text}"),
            Mode::Value | Mode::CommaOk => {
                if self.is_untyped(x.ty) {
                    format!("{text} ({ts} value)")
                } else {
                    format!("{text} (value of type {ts})")
                }
            }
        }
    }
}
