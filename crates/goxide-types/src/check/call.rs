//! Calls and conversions, including calls of generic functions (with inference) and
//! instantiation of generic functions.

use super::operand::Operand;
use super::predicates::is_type_param;
use super::Checker;
use crate::fx::HashMap;
use crate::info::Mode;
use crate::types::{BasicKind, Signature, Type, TypeTable};
use crate::{ObjId, TypeId};
use goxide_ast::ast::{Expr, ExprKind};

impl Checker<'_> {
    /// The generic function an expression names (`f`, `pkg.F`), if any.
    pub(crate) fn generic_func_of(&self, e: &Expr) -> Option<ObjId> {
        let id = match &e.kind {
            ExprKind::Ident(_) => e.id,
            ExprKind::Selector { sel, .. } => sel.id,
            ExprKind::Paren(x) => return self.generic_func_of(x),
            _ => return None,
        };
        let o = *self.last_uses.get(&id)?;
        self.func_tparams.contains_key(&o).then_some(o)
    }

    /// Explicit instantiation `f[T1, T2]` (missing trailing arguments inferred later).
    pub(crate) fn instantiate_func(
        &mut self,
        e: &Expr,
        f: ObjId,
        fty: TypeId,
        args: Vec<TypeId>,
        spans: Vec<goxide_ast::Span>,
    ) -> Operand {
        let tps = self.func_tparams.get(&f).cloned().unwrap_or_default();
        if args.len() > tps.len() {
            self.error(
                e.span,
                format!(
                    "got {} type arguments but {} has {} type parameters",
                    args.len(),
                    self.obj(f).name,
                    tps.len()
                ),
            );
            return Operand::invalid();
        }
        if args.contains(&TypeTable::INVALID) {
            return Operand::invalid();
        }
        if args.len() < tps.len() {
            // Partial instantiation: the rest is inferred at the call.
            self.partial.insert(e.id, (f, args, spans));
            return Operand::value(fty);
        }
        let map: HashMap<TypeId, TypeId> = tps.iter().copied().zip(args.iter().copied()).collect();
        let t = self.subst(fty, &map, 0);
        self.defer_verify(&tps, &args, spans);
        if self.is_main() {
            self.info.instances.insert(e.id, args);
        }
        Operand::value(t)
    }

    pub(crate) fn call(&mut self, e: &Expr, fe: &Expr, args: &[Expr], ellipsis: bool) -> Operand {
        let f = self.expr_any(fe);
        if f.is_invalid() {
            for a in args {
                self.expr_any(a);
            }
            return Operand::invalid();
        }
        match f.mode {
            Mode::Type => return self.conversion(e, f.ty, args),
            Mode::Builtin => {
                let r = self.builtin_call(e, fe, args, ellipsis);
                if !r.is_const() {
                    self.calls_seen += 1;
                }
                return r;
            }
            Mode::Package => {
                self.single_value(f, fe);
                return Operand::invalid();
            }
            _ => {}
        }
        let f = self.single_value(f, fe);
        if f.is_invalid() {
            for a in args {
                self.expr_any(a);
            }
            return Operand::invalid();
        }
        self.calls_seen += 1;
        let fu = self.op_type(f.ty);
        let Type::Func(sig) = self.prog.types.get(fu).clone() else {
            let d = self.describe(&f, fe);
            self.error(
                e.span,
                format!("invalid operation: cannot call non-function {d}"),
            );
            for a in args {
                self.expr_any(a);
            }
            return Operand::invalid();
        };
        // Arguments: one multi-value call spreads over the parameters.
        let mut ops: Vec<(Operand, usize)> = Vec::new();
        let mut spread = false;
        if args.len() == 1 && !ellipsis {
            let x = self.expr_any(&args[0]);
            if let Type::Tuple(ts) = self.prog.types.get(x.ty).clone() {
                spread = true;
                for t in ts {
                    ops.push((Operand::value(t), 0));
                }
            } else {
                let x = self.single_value(x, &args[0]);
                ops.push((x, 0));
            }
        } else {
            for (i, a) in args.iter().enumerate() {
                let x = self.arg_expr(a);
                ops.push((x, i));
            }
        }
        // Generic function: infer type arguments.
        let mut sig = sig;
        let generic = self
            .generic_func_of(strip(fe))
            .or_else(|| self.partial.get(&fe.id).map(|p| p.0));
        if let Some(g) = generic {
            let tps = self.func_tparams.get(&g).cloned().unwrap_or_default();
            let mut map: HashMap<TypeId, TypeId> = HashMap::default();
            let mut spans = Vec::new();
            if let Some((_, given, given_spans)) = self.partial.get(&fe.id).cloned() {
                for (p, a) in tps.iter().zip(given) {
                    map.insert(*p, a);
                }
                spans = given_spans;
            }
            if self.info.instances.contains_key(&fe.id) || !self.uses_tparams(&sig, &tps) {
                // already instantiated
            } else {
                let n = sig.params.len();
                // Arguments of types with names first, so that `f(unnamed, named)` infers the
                // named type as `f(named, unnamed)` does (as Go does).
                let mut order: Vec<usize> = (0..ops.len()).collect();
                order.sort_by_key(|&i| {
                    !matches!(
                        self.prog.types.get(ops[i].0.ty),
                        Type::Basic(_) | Type::Named(_) | Type::TypeParam { .. }
                    )
                });
                for i in order {
                    let x = &ops[i].0;
                    if x.is_invalid() || self.is_untyped(x.ty) {
                        continue;
                    }
                    let p = if sig.variadic && i + 1 >= n && !ellipsis {
                        match sig.params.last().map(|&l| self.prog.types.get(l).clone()) {
                            Some(Type::Slice(el)) => el,
                            _ => continue,
                        }
                    } else {
                        match sig.params.get(i) {
                            Some(&p) => p,
                            None => continue,
                        }
                    };
                    self.unify(p, x.ty, &tps, &mut map, 0);
                }
                // Core types of constraints, before untyped constants get their default types
                // (`slices.Contains(floats, 1)` infers `float64`), and again after.
                self.infer_from_constraints(&tps, &mut map);
                // Untyped constants: their default types for still-unknown parameters.
                for (i, (x, _)) in ops.iter().enumerate() {
                    if !self.is_untyped(x.ty) || x.mode == Mode::Nil {
                        continue;
                    }
                    let p = if sig.variadic && i + 1 >= n && !ellipsis {
                        match sig.params.last().map(|&l| self.prog.types.get(l).clone()) {
                            Some(Type::Slice(el)) => el,
                            _ => continue,
                        }
                    } else {
                        match sig.params.get(i) {
                            Some(&p) => p,
                            None => continue,
                        }
                    };
                    if tps.contains(&p) && !map.contains_key(&p) {
                        let d = crate::default_type(&self.prog.types, x.ty);
                        map.insert(p, d);
                    }
                }
                self.infer_from_constraints(&tps, &mut map);
                if tps.iter().any(|t| !map.contains_key(t)) {
                    let name = self.obj(g).name.clone();
                    self.error(
                        e.span,
                        format!("in call to {name}, cannot infer type arguments"),
                    );
                    return Operand::invalid();
                }
                let targs: Vec<TypeId> = tps
                    .iter()
                    .map(|t| map.get(t).copied().unwrap_or(TypeTable::INVALID))
                    .collect();
                // Inferred type arguments are reported at the call.
                spans.resize(tps.len(), e.span);
                self.defer_verify(&tps, &targs, spans);
                let ft = self.prog.types.intern(Type::Func(sig.clone()));
                let inst = self.subst(ft, &map, 0);
                if let Type::Func(s) = self.prog.types.get(inst).clone() {
                    sig = s;
                }
                if self.is_main() {
                    self.info.instances.insert(strip(fe).id, targs);
                    if let Some(tm) = self.info.types.get_mut(&fe.id) {
                        tm.ty = inst;
                    }
                    let sid = strip(fe).id;
                    if let Some(tm) = self.info.types.get_mut(&sid) {
                        tm.ty = inst;
                    }
                }
            }
        }
        self.check_args(e, fe, &sig, args, ops, spread, ellipsis);
        match sig.results.len() {
            0 => Operand {
                mode: Mode::NoValue,
                ty: TypeTable::INVALID,
            },
            1 => Operand::value(sig.results[0]),
            _ => Operand::value(self.prog.types.intern(Type::Tuple(sig.results.clone()))),
        }
    }

    fn uses_tparams(&self, sig: &Signature, tps: &[TypeId]) -> bool {
        let _ = sig;
        !tps.is_empty()
    }

    /// An argument expression; elided-type function literals are not a thing in Go, so this is
    /// a plain value.
    fn arg_expr(&mut self, a: &Expr) -> Operand {
        self.expr(a)
    }

    #[allow(clippy::too_many_arguments)]
    fn check_args(
        &mut self,
        e: &Expr,
        fe: &Expr,
        sig: &Signature,
        args: &[Expr],
        ops: Vec<(Operand, usize)>,
        spread: bool,
        ellipsis: bool,
    ) {
        let n = sig.params.len();
        let name = self.text(fe.span);
        let ctx = format!("argument to {name}");
        if ops.iter().any(|(x, _)| x.is_invalid()) {
            // Still convert what can be converted, without count errors.
        } else {
            let too_few = if sig.variadic && !ellipsis {
                ops.len() + 1 < n
            } else {
                ops.len() < n
            };
            let too_many =
                !sig.variadic && ops.len() > n || (sig.variadic && ellipsis && ops.len() > n);
            if too_few || too_many {
                let msg = if too_few {
                    "not enough arguments in call to "
                } else {
                    "too many arguments in call to "
                };
                let at = if too_many {
                    args.get(n).map_or(e.span, |a| a.span)
                } else {
                    e.span
                };
                self.error(at, format!("{msg}{name}"));
                return;
            }
            if ellipsis && !sig.variadic {
                self.error(e.span, format!("have (...) in call to non-variadic {name}"));
                return;
            }
        }
        for (i, (mut x, ai)) in ops.into_iter().enumerate() {
            let pt = if sig.variadic && i + 1 >= n {
                let last = sig.params.last().copied().unwrap_or(TypeTable::INVALID);
                if ellipsis {
                    last
                } else {
                    match self.prog.types.get(last) {
                        Type::Slice(el) => *el,
                        _ => TypeTable::INVALID,
                    }
                }
            } else {
                sig.params.get(i).copied().unwrap_or(TypeTable::INVALID)
            };
            if spread {
                if !x.is_invalid() && !self.assignable_type(x.ty, pt) {
                    let (xs, ts) = (self.type_str(x.ty), self.type_str(pt));
                    self.error(
                        args[0].span,
                        format!("cannot use {xs} value as {ts} value in {ctx}"),
                    );
                }
                continue;
            }
            if let Some(a) = args.get(ai) {
                self.assign_operand(&mut x, a, pt, &ctx);
            }
        }
    }

    /// A conversion `T(x)`.
    fn conversion(&mut self, e: &Expr, t: TypeId, args: &[Expr]) -> Operand {
        if args.len() != 1 {
            let ts = self.type_str(t);
            for a in args {
                self.expr(a);
            }
            let msg = if args.is_empty() {
                "missing argument in conversion to "
            } else {
                "too many arguments in conversion to "
            };
            self.error(e.span, format!("{msg}{ts}"));
            return Operand::invalid();
        }
        let a = &args[0];
        let mut x = self.expr(a);
        if x.is_invalid() || t == TypeTable::INVALID {
            return Operand::invalid();
        }
        let tu = self.under(t);
        let tk = match self.prog.types.get(tu) {
            Type::Basic(k) if *k != BasicKind::UnsafePointer => Some(*k),
            _ => None,
        };
        if let (Mode::Const(v), Some(k)) = (x.mode.clone(), tk) {
            let xk = self
                .prog
                .types
                .basic_kind(x.ty)
                .unwrap_or(BasicKind::Invalid);
            // Constant conversion.
            if k.is_string() && xk.is_integer() {
                let s = super::constexpr::to_int(&v)
                    .and_then(|i| num_traits::ToPrimitive::to_u32(&i))
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                if self.is_untyped(x.ty)
                    && super::constexpr::representable(&v, BasicKind::Int).is_some()
                {
                    let d = crate::default_type(&self.prog.types, x.ty);
                    self.convert_untyped(&mut x, a, d, None);
                }
                return Operand {
                    mode: Mode::Const(crate::ConstValue::String(s.to_string().into_bytes().into())),
                    ty: t,
                };
            }
            let compatible = (xk.is_numeric() && k.is_numeric())
                || (xk.is_string() && k.is_string())
                || (xk.is_boolean() && k.is_boolean());
            if compatible {
                let r = if k.is_integer() && !xk.is_integer() && !self.is_untyped(x.ty) {
                    None
                } else {
                    super::constexpr::representable(&v, k)
                };
                match r {
                    Some(nv) => {
                        if self.is_untyped(x.ty) {
                            let mut y = x.clone();
                            self.convert_untyped(&mut y, a, t, None);
                        }
                        return Operand {
                            mode: Mode::Const(nv),
                            ty: t,
                        };
                    }
                    None => {
                        let d = self.describe(&x, a);
                        let ts = self.type_str(t);
                        let why = if k.is_integer() && super::constexpr::to_int(&v).is_none() {
                            " (truncated)"
                        } else {
                            ""
                        };
                        self.error(e.span, format!("cannot convert {d} to type {ts}{why}"));
                        return Operand::invalid();
                    }
                }
            }
        }
        if self.is_untyped(x.ty) {
            // Untyped non-constant or constant to a non-basic type.
            let target = if self.prog.types.is_interface(t)
                || is_type_param(&self.prog, t)
                || tk.is_none()
            {
                if x.mode == Mode::Nil {
                    t
                } else {
                    crate::default_type(&self.prog.types, x.ty)
                }
            } else {
                t
            };
            let mut y = x.clone();
            if !self.convert_untyped(&mut y, a, target, None) {
                return Operand::invalid();
            }
            x = y;
        }
        if !self.convertible(x.ty, t) {
            let d = self.describe(&x, a);
            let ts = self.type_str(t);
            self.error(e.span, format!("cannot convert {d} to type {ts}"));
            return Operand::invalid();
        }
        Operand::value(t)
    }
}

fn strip(e: &Expr) -> &Expr {
    super::expr::strip_parens(e)
}
