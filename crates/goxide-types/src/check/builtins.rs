//! Calls of builtin functions (`len`, `append`, `make`, …) and of package `unsafe`'s functions.

use super::operand::Operand;
use super::predicates::is_type_param;
use super::Checker;
use crate::constant::ConstValue;
use crate::info::Mode;
use crate::object::{Builtin, ObjKind};
use crate::types::{BasicKind, Type, TypeTable};
use crate::TypeId;
use goxide_ast::ast::{Expr, ExprKind};
use num_bigint::BigInt;

impl Checker<'_> {
    fn builtin_of(&self, fe: &Expr) -> Option<Builtin> {
        let id = match &super::expr::strip_parens(fe).kind {
            ExprKind::Ident(_) => super::expr::strip_parens(fe).id,
            ExprKind::Selector { sel, .. } => sel.id,
            _ => return None,
        };
        match self.obj(*self.last_uses.get(&id)?).kind {
            ObjKind::Builtin(b) => Some(b),
            _ => None,
        }
    }

    fn nargs(&mut self, e: &Expr, fe: &Expr, args: &[Expr], min: usize, max: usize) -> bool {
        let name = self.text(fe.span);
        if args.len() < min {
            self.error(
                e.span,
                format!(
                    "not enough arguments for {}() (expected {min}, found {})",
                    name,
                    args.len()
                ),
            );
            for a in args {
                self.expr_any(a);
            }
            return false;
        }
        if args.len() > max {
            self.error(
                e.span,
                format!(
                    "too many arguments for {}() (expected {max}, found {})",
                    name,
                    args.len()
                ),
            );
            for a in args {
                self.expr_any(a);
            }
            return false;
        }
        true
    }

    fn int_type(&self) -> TypeId {
        self.prog.types.basic(BasicKind::Int)
    }

    /// Converts an untyped argument to its default type (builtins with interface-like params).
    fn default_arg(&mut self, x: &mut Operand, a: &Expr) {
        if self.is_untyped(x.ty) && x.mode != Mode::Nil {
            let d = crate::default_type(&self.prog.types, x.ty);
            self.convert_untyped(x, a, d, None);
        }
    }

    fn size_arg(&mut self, a: &Expr) {
        let mut x = self.expr(a);
        if x.is_invalid() {
            return;
        }
        if self.is_untyped(x.ty) {
            let int = self.int_type();
            self.convert_untyped(&mut x, a, int, Some("argument"));
            return;
        }
        let u = self.op_type(x.ty);
        if !self
            .prog
            .types
            .basic_kind(u)
            .is_some_and(|k| k.is_integer())
            && !is_type_param(&self.prog, x.ty)
        {
            let d = self.describe(&x, a);
            self.error(a.span, format!("cannot convert {d} to type int"));
        }
    }

    pub(crate) fn builtin_call(
        &mut self,
        e: &Expr,
        fe: &Expr,
        args: &[Expr],
        ellipsis: bool,
    ) -> Operand {
        let Some(b) = self.builtin_of(fe) else {
            return Operand::invalid();
        };
        let calls_before = self.calls_seen;
        // One multi-value call as the only argument spreads over the parameters.
        if args.len() == 1
            && !ellipsis
            && matches!(
                super::expr::strip_parens(&args[0]).kind,
                ExprKind::Call { .. }
            )
        {
            let x = self.expr_any(&args[0]);
            if let Type::Tuple(ts) = self.prog.types.get(x.ty).clone() {
                let first = ts.first().copied().unwrap_or(TypeTable::INVALID);
                return match b {
                    Builtin::Print | Builtin::Println => Operand {
                        mode: Mode::NoValue,
                        ty: TypeTable::INVALID,
                    },
                    Builtin::Copy => Operand::value(self.int_type()),
                    Builtin::Delete => Operand {
                        mode: Mode::NoValue,
                        ty: TypeTable::INVALID,
                    },
                    Builtin::Complex => Operand::value(self.complex_of(first)),
                    Builtin::Append | Builtin::Min | Builtin::Max => Operand::value(first),
                    _ => {
                        self.single_value(x, &args[0]);
                        Operand::invalid()
                    }
                };
            }
            self.pre_eval = Some((args[0].id, x));
        }
        let int = self.int_type();
        let novalue = Operand {
            mode: Mode::NoValue,
            ty: TypeTable::INVALID,
        };
        match b {
            Builtin::Len | Builtin::Cap => {
                if !self.nargs(e, fe, args, 1, 1) {
                    return Operand::invalid();
                }
                let x = self.expr(&args[0]);
                if x.is_invalid() {
                    return x;
                }
                let u = self.op_type(x.ty);
                let ok_const = |c: &Self| c.calls_seen == calls_before;
                match self.prog.types.get(u).clone() {
                    Type::Basic(k) if k.is_string() && b == Builtin::Len => {
                        if let Some(ConstValue::String(s)) = x.const_value() {
                            let n = s.len();
                            return Operand {
                                mode: Mode::Const(ConstValue::Int(BigInt::from(n))),
                                ty: int,
                            };
                        }
                        Operand::value(int)
                    }
                    Type::Array(n, _) => {
                        if ok_const(self) {
                            return Operand {
                                mode: Mode::Const(ConstValue::Int(BigInt::from(n))),
                                ty: int,
                            };
                        }
                        Operand::value(int)
                    }
                    Type::Pointer(p) if matches!(self.prog.types.under(p), Type::Array(..)) => {
                        if let Type::Array(n, _) = self.prog.types.under(p).clone() {
                            if ok_const(self) {
                                return Operand {
                                    mode: Mode::Const(ConstValue::Int(BigInt::from(n))),
                                    ty: int,
                                };
                            }
                        }
                        Operand::value(int)
                    }
                    Type::Slice(_) | Type::Chan(..) => Operand::value(int),
                    Type::Map(..) if b == Builtin::Len => Operand::value(int),
                    _ if is_type_param(&self.prog, x.ty) => Operand::value(int),
                    _ => {
                        let d = self.describe(&x, &args[0]);
                        let name = self.text(fe.span);
                        self.error(
                            args[0].span,
                            format!("invalid argument: {d} for built-in {name}"),
                        );
                        Operand::invalid()
                    }
                }
            }
            Builtin::Append => {
                if args.is_empty() {
                    self.error(
                        e.span,
                        "not enough arguments for append() (expected 1, found 0)",
                    );
                    return Operand::invalid();
                }
                let s = self.expr(&args[0]);
                if s.is_invalid() {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return s;
                }
                let st = if s.mode == Mode::Nil {
                    TypeTable::INVALID
                } else {
                    s.ty
                };
                let su = self.op_type(st);
                let Type::Slice(el) = self.prog.types.get(su).clone() else {
                    if !is_type_param(&self.prog, st) {
                        let d = self.describe(&s, &args[0]);
                        self.error(
                            args[0].span,
                            format!("invalid argument: {d} is not a slice"),
                        );
                    }
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return if st == TypeTable::INVALID {
                        Operand::invalid()
                    } else {
                        Operand::value(st)
                    };
                };
                if ellipsis {
                    if args.len() != 2 {
                        self.error(e.span, "can only use ... with final argument in list");
                        return Operand::value(st);
                    }
                    let mut x = self.expr(&args[1]);
                    if x.is_invalid() {
                        return Operand::value(st);
                    }
                    let xu = self.op_type(x.ty);
                    let is_bytes_from_string = self.prog.types.basic_kind(el)
                        == Some(BasicKind::Uint8)
                        && self
                            .prog
                            .types
                            .basic_kind(xu)
                            .is_some_and(|k| k.is_string());
                    if is_bytes_from_string {
                        if self.is_untyped(x.ty) {
                            let string = self.prog.types.basic(BasicKind::String);
                            self.convert_untyped(&mut x, &args[1], string, None);
                        }
                    } else {
                        let slice = self.prog.types.intern(Type::Slice(el));
                        self.assign_operand(&mut x, &args[1], slice, "argument to append");
                    }
                    return Operand::value(st);
                }
                for a in &args[1..] {
                    let mut x = self.expr(a);
                    self.assign_operand(&mut x, a, el, "argument to append");
                }
                Operand::value(st)
            }
            Builtin::Make => {
                if args.is_empty() {
                    self.error(
                        e.span,
                        "not enough arguments for make() (expected 1, found 0)",
                    );
                    return Operand::invalid();
                }
                let t = self.typ(&args[0]);
                if t == TypeTable::INVALID {
                    for a in &args[1..] {
                        self.expr(a);
                    }
                    return Operand::invalid();
                }
                let u = self.op_type(t);
                let (min, max) = match self.prog.types.get(u) {
                    Type::Slice(_) => (2, 3),
                    Type::Map(..) | Type::Chan(..) => (1, 2),
                    _ if is_type_param(&self.prog, t) => (1, 3),
                    _ => {
                        let ts = self.text(args[0].span);
                        self.error(args[0].span, format!("invalid argument: cannot make {ts}; type must be slice, map, or channel"));
                        return Operand::invalid();
                    }
                };
                if args.len() < min || args.len() > max {
                    let msg = format!(
                        "invalid operation: {} expects {min} or {max} arguments; found {}",
                        self.text(e.span),
                        args.len()
                    );
                    self.error(e.span, msg);
                    return Operand::value(t);
                }
                for a in &args[1..] {
                    self.size_arg(a);
                }
                if args.len() == 3 {
                    let (l, c) = (self.const_int_of(&args[1]), self.const_int_of(&args[2]));
                    if let (Some(l), Some(c)) = (l, c) {
                        if l > c {
                            self.error(
                                args[1].span,
                                "invalid argument: length and capacity swapped",
                            );
                        }
                    }
                }
                Operand::value(t)
            }
            Builtin::New => {
                if !self.nargs(e, fe, args, 1, 1) {
                    return Operand::invalid();
                }
                let t = self.typ(&args[0]);
                if t == TypeTable::INVALID {
                    return Operand::invalid();
                }
                Operand::value(self.prog.types.intern(Type::Pointer(t)))
            }
            Builtin::Delete => {
                if !self.nargs(e, fe, args, 2, 2) {
                    return novalue;
                }
                let m = self.expr(&args[0]);
                let mut k = self.expr(&args[1]);
                if m.is_invalid() {
                    return novalue;
                }
                let mu = self.op_type(m.ty);
                match self.prog.types.get(mu).clone() {
                    Type::Map(kt, _) => {
                        self.assign_operand(&mut k, &args[1], kt, "argument to delete");
                    }
                    _ if is_type_param(&self.prog, m.ty) => {}
                    _ => {
                        let d = self.describe(&m, &args[0]);
                        self.error(args[0].span, format!("invalid argument: {d} is not a map"));
                    }
                }
                novalue
            }
            Builtin::Copy => {
                if !self.nargs(e, fe, args, 2, 2) {
                    return Operand::invalid();
                }
                let mut xs = Vec::new();
                for a in args {
                    let mut x = self.expr(a);
                    if self.is_untyped(x.ty) {
                        let string = self.prog.types.basic(BasicKind::String);
                        self.convert_untyped(&mut x, a, string, None);
                    }
                    xs.push(x);
                }
                Operand::value(int)
            }
            Builtin::Panic => {
                if !self.nargs(e, fe, args, 1, 1) {
                    return novalue;
                }
                let mut x = self.expr(&args[0]);
                let any = self.any_type;
                self.assign_operand(&mut x, &args[0], any, "argument to panic");
                novalue
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    let mut x = self.expr(a);
                    if x.mode == Mode::Nil {
                        self.error(a.span, "use of untyped nil in argument to built-in print");
                        continue;
                    }
                    self.default_arg(&mut x, a);
                }
                novalue
            }
            Builtin::Recover => {
                self.nargs(e, fe, args, 0, 0);
                Operand::value(self.any_type)
            }
            Builtin::Close => {
                if !self.nargs(e, fe, args, 1, 1) {
                    return novalue;
                }
                let x = self.expr(&args[0]);
                if !x.is_invalid() {
                    let u = self.op_type(x.ty);
                    match self.prog.types.get(u) {
                        Type::Chan(d, _) if *d != goxide_ast::ast::ChanDir::Recv => {}
                        _ if is_type_param(&self.prog, x.ty) => {}
                        Type::Chan(..) => {
                            let d = self.describe(&x, &args[0]);
                            self.error(
                                args[0].span,
                                format!("invalid operation: cannot close receive-only channel {d}"),
                            );
                        }
                        _ => {
                            let d = self.describe(&x, &args[0]);
                            self.error(
                                args[0].span,
                                format!("invalid operation: cannot close non-channel {d}"),
                            );
                        }
                    }
                }
                novalue
            }
            Builtin::Complex => {
                if !self.nargs(e, fe, args, 2, 2) {
                    return Operand::invalid();
                }
                let mut x = self.expr(&args[0]);
                let mut y = self.expr(&args[1]);
                if x.is_invalid() || y.is_invalid() {
                    return Operand::invalid();
                }
                let (xu, yu) = (self.is_untyped(x.ty), self.is_untyped(y.ty));
                if xu && !yu {
                    let t = y.ty;
                    self.convert_untyped(&mut x, &args[0], t, None);
                } else if yu && !xu {
                    let t = x.ty;
                    self.convert_untyped(&mut y, &args[1], t, None);
                }
                if let (Some(a), Some(b)) = (x.const_value(), y.const_value()) {
                    if let (Some(a), Some(b)) =
                        (super::constexpr::to_rat(a), super::constexpr::to_rat(b))
                    {
                        let t = if xu && yu {
                            self.prog.types.basic(BasicKind::UntypedComplex)
                        } else {
                            self.complex_of(x.ty)
                        };
                        return Operand {
                            mode: Mode::Const(ConstValue::Complex(a, b)),
                            ty: t,
                        };
                    }
                }
                if xu && yu {
                    let f = self.prog.types.basic(BasicKind::Float64);
                    self.convert_untyped(&mut x, &args[0], f, None);
                    self.convert_untyped(&mut y, &args[1], f, None);
                }
                Operand::value(self.complex_of(x.ty))
            }
            Builtin::Real | Builtin::Imag => {
                if !self.nargs(e, fe, args, 1, 1) {
                    return Operand::invalid();
                }
                let x = self.expr(&args[0]);
                if x.is_invalid() {
                    return x;
                }
                let k = self
                    .prog
                    .types
                    .basic_kind(x.ty)
                    .unwrap_or(BasicKind::Invalid);
                let t = match k {
                    BasicKind::Complex64 => self.prog.types.basic(BasicKind::Float32),
                    BasicKind::Complex128 => self.prog.types.basic(BasicKind::Float64),
                    k if k.is_untyped() && k.is_numeric() => {
                        self.prog.types.basic(BasicKind::UntypedFloat)
                    }
                    _ => {
                        if is_type_param(&self.prog, x.ty) {
                            return Operand::invalid();
                        }
                        let d = self.describe(&x, &args[0]);
                        self.error(
                            args[0].span,
                            format!("invalid argument: {d} not of complex type"),
                        );
                        return Operand::invalid();
                    }
                };
                if let Some(v) = x.const_value() {
                    let (re, im) = match v {
                        ConstValue::Complex(a, b) => (a.clone(), b.clone()),
                        other => (
                            super::constexpr::to_rat(other).unwrap_or_default(),
                            Default::default(),
                        ),
                    };
                    let r = if b == Builtin::Real { re } else { im };
                    return Operand {
                        mode: Mode::Const(ConstValue::Float(r)),
                        ty: t,
                    };
                }
                Operand::value(t)
            }
            Builtin::Min | Builtin::Max => {
                if args.is_empty() {
                    self.error(e.span, "not enough arguments for min/max");
                    return Operand::invalid();
                }
                let mut ops: Vec<Operand> = args.iter().map(|a| self.expr(a)).collect();
                if ops.iter().any(|x| x.is_invalid()) {
                    return Operand::invalid();
                }
                let typed = ops.iter().find(|x| !self.is_untyped(x.ty)).map(|x| x.ty);
                if let Some(t) = typed {
                    for (x, a) in ops.iter_mut().zip(args) {
                        self.convert_untyped(x, a, t, None);
                    }
                    return Operand::value(t);
                }
                // All untyped constants: the result is constant.
                let mut best = ops[0].clone();
                for x in &ops[1..] {
                    if let (Some(a), Some(bv)) = (best.const_value(), x.const_value()) {
                        let op = if b == Builtin::Min {
                            goxide_ast::ast::BinaryOp::Lt
                        } else {
                            goxide_ast::ast::BinaryOp::Gt
                        };
                        if super::constexpr::compare(op, bv, a) == Some(true) {
                            best = x.clone();
                        }
                    }
                }
                best
            }
            Builtin::Clear => {
                if self.nargs(e, fe, args, 1, 1) {
                    self.expr(&args[0]);
                }
                novalue
            }
            Builtin::Sizeof | Builtin::Alignof => {
                if !self.nargs(e, fe, args, 1, 1) {
                    return Operand::invalid();
                }
                let mut x = self.expr(&args[0]);
                self.default_arg(&mut x, &args[0]);
                let uintptr = self.prog.types.basic(BasicKind::Uintptr);
                if x.is_invalid() {
                    return Operand::value(uintptr);
                }
                match self.sizeof(x.ty, b == Builtin::Alignof, 0) {
                    Some(n) => Operand {
                        mode: Mode::Const(ConstValue::Int(BigInt::from(n))),
                        ty: uintptr,
                    },
                    None => Operand::value(uintptr),
                }
            }
            Builtin::Offsetof => {
                let uintptr = self.prog.types.basic(BasicKind::Uintptr);
                if !self.nargs(e, fe, args, 1, 1) {
                    return Operand::value(uintptr);
                }
                let x = self.expr(&args[0]);
                if x.is_invalid() {
                    return Operand::value(uintptr);
                }
                let arg = super::expr::strip_parens(&args[0]);
                let ExprKind::Selector { x: base, .. } = &arg.kind else {
                    self.error(args[0].span, "invalid argument: not a selector expression");
                    return Operand::value(uintptr);
                };
                let sel = self.info.selections.get(&arg.id).cloned();
                let base_ty = self.info.types.get(&base.id).map(|t| t.ty);
                // `p.f` with a pointer `p` measures within `*p`; an embedded pointer on the
                // way has no constant offset (`offset_of` stops at it).
                let base_ty = base_ty.map(|t| match self.prog.types.under(t) {
                    Type::Pointer(el) => *el,
                    _ => t,
                });
                match (sel, base_ty) {
                    (Some(s), Some(bt)) => match self.offset_of(bt, &s.path) {
                        Some(n) => Operand {
                            mode: Mode::Const(ConstValue::Int(BigInt::from(n))),
                            ty: uintptr,
                        },
                        None => Operand::value(uintptr),
                    },
                    _ if !self.is_main() => Operand {
                        // Imported packages: the value is not needed, only constness.
                        mode: Mode::Const(ConstValue::Int(BigInt::from(0))),
                        ty: uintptr,
                    },
                    _ => Operand::value(uintptr),
                }
            }
            Builtin::Add => {
                if self.nargs(e, fe, args, 2, 2) {
                    self.expr(&args[0]);
                    self.size_arg(&args[1]);
                }
                Operand::value(self.prog.types.basic(BasicKind::UnsafePointer))
            }
            Builtin::Slice => {
                if !self.nargs(e, fe, args, 2, 2) {
                    return Operand::invalid();
                }
                let p = self.expr(&args[0]);
                self.size_arg(&args[1]);
                match self.prog.types.under(p.ty).clone() {
                    Type::Pointer(el) => Operand::value(self.prog.types.intern(Type::Slice(el))),
                    _ => Operand::invalid(),
                }
            }
            Builtin::String => {
                if self.nargs(e, fe, args, 2, 2) {
                    self.expr(&args[0]);
                    self.size_arg(&args[1]);
                }
                Operand::value(self.prog.types.basic(BasicKind::String))
            }
            Builtin::StringData => {
                if self.nargs(e, fe, args, 1, 1) {
                    let mut x = self.expr(&args[0]);
                    self.default_arg(&mut x, &args[0]);
                }
                let u8t = self.prog.types.basic(BasicKind::Uint8);
                Operand::value(self.prog.types.intern(Type::Pointer(u8t)))
            }
            Builtin::SliceData => {
                if !self.nargs(e, fe, args, 1, 1) {
                    return Operand::invalid();
                }
                let x = self.expr(&args[0]);
                match self.prog.types.under(x.ty).clone() {
                    Type::Slice(el) => Operand::value(self.prog.types.intern(Type::Pointer(el))),
                    _ => Operand::invalid(),
                }
            }
        }
    }

    fn const_int_of(&self, a: &Expr) -> Option<BigInt> {
        let tm = self.info.types.get(&a.id)?;
        match &tm.mode {
            Mode::Const(v) => super::constexpr::to_int(v),
            _ => None,
        }
    }

    fn complex_of(&self, t: TypeId) -> TypeId {
        match self.prog.types.basic_kind(t) {
            Some(BasicKind::Float32) => self.prog.types.basic(BasicKind::Complex64),
            Some(BasicKind::UntypedFloat | BasicKind::UntypedInt | BasicKind::UntypedRune) => {
                self.prog.types.basic(BasicKind::UntypedComplex)
            }
            _ => self.prog.types.basic(BasicKind::Complex128),
        }
    }

    /// Offset in bytes of the field reached through `path` (field indices) from struct `t`.
    fn offset_of(&mut self, t: TypeId, path: &[usize]) -> Option<u64> {
        let mut off = 0u64;
        let mut cur = t;
        for &i in path {
            let u = self.under(cur);
            let Type::Struct(fs) = self.prog.types.get(u).clone() else {
                return None;
            };
            let mut o = 0u64;
            for (j, f) in fs.iter().enumerate() {
                let a = self.sizeof(f.ty, true, 0)?.max(1);
                o = o.div_ceil(a) * a;
                if j == i {
                    break;
                }
                o += self.sizeof(f.ty, false, 0)?;
            }
            off += o;
            cur = fs.get(i)?.ty;
        }
        Some(off)
    }

    /// Size (or alignment) in bytes on a 64-bit target.
    pub(crate) fn sizeof(&mut self, t: TypeId, align: bool, depth: u32) -> Option<u64> {
        if depth > 30 {
            return None;
        }
        let u = self.under(t);
        Some(match self.prog.types.get(u).clone() {
            Type::Basic(k) => match k {
                BasicKind::Bool | BasicKind::Int8 | BasicKind::Uint8 => 1,
                BasicKind::Int16 | BasicKind::Uint16 => 2,
                BasicKind::Int32 | BasicKind::Uint32 | BasicKind::Float32 => 4,
                BasicKind::String if align => 8,
                BasicKind::String => 16,
                BasicKind::Complex64 if align => 4,
                BasicKind::Complex64 => 8,
                BasicKind::Complex128 if align => 8,
                BasicKind::Complex128 => 16,
                _ => 8,
            },
            Type::Pointer(_) | Type::Map(..) | Type::Chan(..) | Type::Func(_) => 8,
            Type::Slice(_) => {
                if align {
                    8
                } else {
                    24
                }
            }
            Type::Interface(_) => {
                if align {
                    8
                } else {
                    16
                }
            }
            Type::Array(n, el) => {
                if align {
                    return self.sizeof(el, true, depth + 1);
                }
                n.checked_mul(self.sizeof(el, false, depth + 1)?)?
            }
            Type::Struct(fs) => {
                let mut off = 0u64;
                let mut max_align = 1u64;
                for f in &fs {
                    let a = self.sizeof(f.ty, true, depth + 1)?.max(1);
                    let s = self.sizeof(f.ty, false, depth + 1)?;
                    max_align = max_align.max(a);
                    off = off.div_ceil(a) * a + s;
                }
                if align {
                    max_align
                } else {
                    if fs.last().is_some_and(|_| off > 0) {
                        // A trailing zero-size field gets padding.
                        if let Some(l) = fs.last() {
                            if self.sizeof(l.ty, false, depth + 1) == Some(0) {
                                off += 1;
                            }
                        }
                    }
                    off.div_ceil(max_align) * max_align
                }
            }
            _ => return None,
        })
    }
}
