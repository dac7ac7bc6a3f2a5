//! Expressions: identifiers, literals, composite literals, function literals, selectors,
//! index and slice expressions, type assertions, unary and binary operations.

use super::constexpr::{self, ConstErr};
use super::operand::Operand;
use super::predicates::{comparable, has_nil, is_ordered, is_type_param};
use super::Checker;
use crate::constant::ConstValue;
use crate::info::{Mode, Selection, SelectionKind};
use crate::object::ObjKind;
use crate::types::{BasicKind, Type, TypeTable};
use crate::TypeId;
use goxide_ast::ast::{BinaryOp, ChanDir, Element, Expr, ExprKind, UnaryOp};

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
        self.record(e.id, x.ty, x.mode.clone());
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

    fn array_lit_len(&mut self, elems: &[Element]) -> u64 {
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

    fn peek_const_index(&mut self, k: &Expr) -> Option<u64> {
        let x = self.expr(k);
        x.const_value()
            .and_then(constexpr::to_int)
            .and_then(|i| num_traits::ToPrimitive::to_u64(&i))
    }

    fn composite_lit(&mut self, e: &Expr, t: TypeId, elems: &[Element]) -> Operand {
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
                let mut i = 0u64;
                for elt in elems {
                    if let Some(k) = &elt.key {
                        let kx = self.expr(k);
                        if let Some(v) = kx.const_value().and_then(constexpr::to_int) {
                            i = num_traits::ToPrimitive::to_u64(&v).unwrap_or(0);
                        }
                        let int = self.prog.types.basic(BasicKind::Int);
                        let mut kx = kx;
                        self.convert_untyped(&mut kx, k, int, None);
                    }
                    let _ = i;
                    i += 1;
                    self.elem_assign(&elt.value, el, "array or slice literal");
                }
            }
            Type::Map(kt, vt) => {
                for elt in elems {
                    match &elt.key {
                        Some(k) => self.elem_assign(k, kt, "map literal"),
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
    fn elem_value(&mut self, v: &Expr, hint: TypeId) -> Operand {
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

    fn elem_assign(&mut self, v: &Expr, t: TypeId, ctx: &str) {
        let mut x = self.elem_value(v, t);
        self.assign_operand(&mut x, v, t, ctx);
    }

    fn selector(&mut self, e: &Expr, xe: &Expr, sel: &goxide_ast::ast::Ident) -> Operand {
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

    fn is_tp_pointer(&self, t: TypeId) -> bool {
        matches!(self.prog.types.get(t), Type::Pointer(e) if is_type_param(&self.prog, *e))
    }

    /// A selector on a type-parameter-typed value: methods of its constraint, or fields of its
    /// core type.
    fn type_param_selector(
        &mut self,
        e: &Expr,
        t: TypeId,
        sel: &goxide_ast::ast::Ident,
    ) -> Operand {
        let tp = match self.prog.types.get(t) {
            Type::Pointer(b) => *b,
            _ => t,
        };
        if let Type::TypeParam { constraint, .. } = self.prog.types.get(tp).clone() {
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
        if let Type::TypeParam { constraint, .. } = self.prog.types.get(t).clone() {
            return self.core_type(constraint).unwrap_or(TypeTable::INVALID);
        }
        self.under(t)
    }

    fn index(&mut self, e: &Expr, xe: &Expr, indices: &[Expr]) -> Operand {
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
            return self.instantiate_func(e, fobj, x.ty, args);
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

    fn bad_index(&mut self, e: &Expr, x: &Operand, xe: &Expr) -> Operand {
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

    fn slice_expr(
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

    fn bad_slice(&mut self, e: &Expr, x: &Operand, xe: &Expr) -> Operand {
        let d = self.describe(x, xe);
        self.error(e.span, format!("cannot slice {d}"));
        Operand::invalid()
    }

    fn unary(&mut self, e: &Expr, op: UnaryOp, xe: &Expr) -> Operand {
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
    fn const_result(&mut self, e: &Expr, v: ConstValue, t: TypeId) -> Operand {
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
    fn match_types(&mut self, x: &mut Operand, xe: &Expr, y: &mut Operand, ye: &Expr) -> bool {
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
    fn binary(&mut self, e: &Expr, op: BinaryOp, xe: &Expr, ye: &Expr) -> Operand {
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
            if i > 0 {
                self.record(node.id, x.ty, x.mode.clone());
            }
        }
        x
    }

    fn binary_ops(
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

    fn comparison(
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

    fn shift(
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
                // Non-constant shift of an untyped constant: the type comes from the context.
                return Operand::value(self.prog.types.basic(BasicKind::UntypedInt));
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

pub(crate) fn strip_parens(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Paren(x) => strip_parens(x),
        _ => e,
    }
}
