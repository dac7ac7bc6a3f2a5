//! Expressions: identifiers, literals, composite literals, function literals, selectors,
//! index and slice expressions, type assertions, unary and binary operations.

use super::constexpr::{self};
use super::operand::Operand;
use super::predicates::is_type_param;
use super::Checker;
use crate::constant::ConstValue;
use crate::info::Mode;
use crate::object::ObjKind;
use crate::types::{BasicKind, Type, TypeTable};
use goxide_ast::ast::{Expr, ExprKind};

impl Checker<'_> {
    /// Checks an expression that must produce a single value.
    pub(crate) fn expr(&mut self, e: &Expr) -> Operand {
        let x = self.expr_any(e);
        self.single_value(x, e)
    }

    pub(crate) fn single_value(&mut self, x: Operand, e: &Expr) -> Operand {
        match &x.mode {
            Mode::Type | Mode::Builtin | Mode::Package
                if !x.is_invalid() || x.mode != Mode::Type =>
            {
                let d = self.describe(&x, e);
                let msg = match x.mode {
                    Mode::Package => {
                        format!("use of package {} without selector", self.text(e.span))
                    }
                    Mode::Builtin => format!("{} (built-in) must be called", self.text(e.span)),
                    _ => format!("{d} is not an expression"),
                };
                self.error(e.span, msg);
                Operand::invalid()
            }
            Mode::NoValue => {
                let s = self.text(e.span);
                self.error(e.span, format!("{s} (no value) used as value"));
                Operand::invalid()
            }
            _ => {
                if let Type::Tuple(ts) = self.prog.types.get(x.ty) {
                    let n = ts.len();
                    let s = self.text(e.span);
                    let ts = self.type_str(x.ty);
                    self.error(
                        e.span,
                        format!("multiple-value {s} (value of type {ts}) in single-value context"),
                    );
                    let _ = n;
                    return Operand::invalid();
                }
                x
            }
        }
    }

    /// Checks an expression that may produce several values (a call), or a comma-ok form when
    /// `want` is 2: one operand per value.
    pub(crate) fn multi_expr(&mut self, e: &Expr, want: usize) -> Vec<Operand> {
        let x = self.expr_any(e);
        if x.is_invalid() {
            return vec![Operand::invalid(); want];
        }
        if let Type::Tuple(ts) = self.prog.types.get(x.ty) {
            return ts.iter().map(|&t| Operand::value(t)).collect();
        }
        if want == 2 && matches!(x.mode, Mode::CommaOk | Mode::MapIndex) {
            self.record(e.id, x.ty, Mode::CommaOk);
            let ub = self.prog.types.basic(BasicKind::UntypedBool);
            let tuple = self.prog.types.intern(Type::Tuple(vec![
                x.ty,
                self.prog.types.basic(BasicKind::Bool),
            ]));
            let _ = tuple;
            return vec![Operand::value(x.ty), Operand::value(ub)];
        }
        vec![self.single_value(x, e)]
    }

    /// Checks any expression (value, type, package, builtin) and records its type and mode.
    pub(crate) fn expr_any(&mut self, e: &Expr) -> Operand {
        if self.depth > super::MAX_DEPTH {
            self.error(e.span, "expression nested too deeply");
            return Operand::invalid();
        }
        if let Some((id, x)) = self.pre_eval.take() {
            if id == e.id {
                return x;
            }
        }
        self.depth += 1;
        let x = self.expr_inner(e);
        self.depth -= 1;
        if self.is_main() {
            self.record(e.id, x.ty, x.mode.clone());
        }
        x
    }

    fn expr_inner(&mut self, e: &Expr) -> Operand {
        if let Some(x) = self.type_literal(e) {
            return x;
        }
        match &e.kind {
            ExprKind::Ident(name) => self.ident(e, name),
            ExprKind::BasicLit(lit) => match constexpr::parse_lit(lit.kind, &lit.raw) {
                Some((v, k)) => Operand {
                    mode: Mode::Const(v),
                    ty: self.prog.types.basic(k),
                },
                None if matches!(
                    lit.kind,
                    goxide_ast::ast::LitKind::Float | goxide_ast::ast::LitKind::Imag
                ) =>
                {
                    // A valid literal beyond exact precision (huge exponent): its value is unknown.
                    let k = if lit.kind == goxide_ast::ast::LitKind::Float {
                        BasicKind::UntypedFloat
                    } else {
                        BasicKind::UntypedComplex
                    };
                    Operand {
                        mode: Mode::Const(ConstValue::Unknown),
                        ty: self.prog.types.basic(k),
                    }
                }
                None => {
                    self.error(e.span, format!("invalid literal {}", lit.raw));
                    Operand::invalid()
                }
            },
            ExprKind::CompositeLit { ty, elems } => {
                let t = match ty {
                    Some(te) => match &te.kind {
                        ExprKind::ArrayType { len: None, elem } => {
                            let el = self.typ(elem);
                            let n = self.array_lit_len(elems);
                            let t = self.prog.types.intern(Type::Array(n, el));
                            self.record(te.id, t, Mode::Type);
                            t
                        }
                        _ => self.typ(te),
                    },
                    None => {
                        self.error(e.span, "invalid composite literal type: missing type");
                        TypeTable::INVALID
                    }
                };
                self.composite_lit(e, t, elems)
            }
            ExprKind::FuncLit { sig, body } => {
                self.push_scope();
                let so = self.func_type(sig, true);
                for &o in so.params.iter().chain(&so.results) {
                    let name = self.obj(o).name.clone();
                    self.declare_local(&name, o);
                }
                self.func_body(&so, body, sig.span);
                self.pop_scope();
                Operand::value(so.sig)
            }
            ExprKind::Paren(x) => self.expr_any(x),
            ExprKind::Selector { x, sel } => self.selector(e, x, sel),
            ExprKind::Index { x, indices } => self.index(e, x, indices),
            ExprKind::Slice {
                x,
                lo,
                hi,
                max,
                three,
            } => self.slice_expr(e, x, lo, hi, max, *three),
            ExprKind::TypeAssert { x, ty } => {
                let xv = self.expr(x);
                let Some(ty) = ty else {
                    self.error(e.span, "use of .(type) outside type switch");
                    return Operand::invalid();
                };
                let t = self.typ(ty);
                if xv.is_invalid() || t == TypeTable::INVALID {
                    return Operand::invalid();
                }
                if !is_type_param(&self.prog, xv.ty) && !self.prog.types.is_interface(xv.ty) {
                    let d = self.describe(&xv, x);
                    self.error(
                        x.span,
                        format!("invalid operation: {d} is not an interface"),
                    );
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::CommaOk,
                    ty: t,
                }
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call(e, func, args, *ellipsis),
            ExprKind::Star(x) => {
                let xv = self.expr_any(x);
                if xv.is_invalid() {
                    return Operand::invalid();
                }
                if xv.mode == Mode::Type {
                    let t = self.prog.types.intern(Type::Pointer(xv.ty));
                    return Operand {
                        mode: Mode::Type,
                        ty: t,
                    };
                }
                let xv = self.single_value(xv, x);
                if xv.is_invalid() {
                    return xv;
                }
                if xv.mode == Mode::Nil {
                    self.error(e.span, "invalid operation: cannot indirect nil");
                    return Operand::invalid();
                }
                let u = self.under(xv.ty);
                match self.prog.types.get(u) {
                    Type::Pointer(b) => Operand {
                        mode: Mode::Variable,
                        ty: *b,
                    },
                    _ if is_type_param(&self.prog, xv.ty) => Operand::invalid(),
                    _ => {
                        let d = self.describe(&xv, x);
                        self.error(e.span, format!("invalid operation: cannot indirect {d}"));
                        Operand::invalid()
                    }
                }
            }
            ExprKind::Unary { op, x } => self.unary(e, *op, x),
            ExprKind::Binary { op, x, y } => self.binary(e, *op, x, y),
            ExprKind::Union(_) => Operand {
                mode: Mode::Type,
                ty: TypeTable::INVALID,
            },
            ExprKind::Bad => Operand::invalid(),
            _ => Operand::invalid(),
        }
    }

    fn ident(&mut self, e: &Expr, name: &str) -> Operand {
        if name == "_" {
            self.error(e.span, "cannot use _ as value");
            return Operand::invalid();
        }
        let Some(obj) = self.resolve(name) else {
            self.error(e.span, format!("undefined: {name}"));
            return Operand::invalid();
        };
        self.ensure_obj(obj);
        self.record_use(e.id, obj);
        self.record_dep(obj);
        self.used.insert(obj);
        let o = self.obj(obj);
        let ty = o.ty;
        match o.kind.clone() {
            ObjKind::Var { .. } | ObjKind::Field { .. } => Operand {
                mode: if ty == TypeTable::INVALID {
                    Mode::Value
                } else {
                    Mode::Variable
                },
                ty,
            },
            ObjKind::Const(v) => {
                if name == "iota" && self.universe.get("iota") == Some(&obj) {
                    return match self.env.iota.clone() {
                        Some(i) => Operand {
                            mode: Mode::Const(ConstValue::Int(i)),
                            ty,
                        },
                        None => {
                            self.error(e.span, "cannot use iota outside constant declaration");
                            Operand::invalid()
                        }
                    };
                }
                if ty == TypeTable::INVALID || v == ConstValue::Unknown {
                    return Operand::invalid();
                }
                Operand {
                    mode: Mode::Const(v),
                    ty,
                }
            }
            ObjKind::TypeName => Operand {
                mode: Mode::Type,
                ty,
            },
            ObjKind::Func { .. } => Operand::value(ty),
            ObjKind::Builtin(_) => Operand {
                mode: Mode::Builtin,
                ty: TypeTable::INVALID,
            },
            ObjKind::Nil => Operand {
                mode: Mode::Nil,
                ty,
            },
            ObjKind::PkgName(_) => {
                self.used_imports.insert(obj);
                Operand {
                    mode: Mode::Package,
                    ty: TypeTable::INVALID,
                }
            }
            ObjKind::Label => Operand::invalid(),
        }
    }
}

pub(crate) fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}
