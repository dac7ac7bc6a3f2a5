//! Switch, type switch and range statements.

use super::operand::Operand;
use super::predicates::is_type_param;
use super::Checker;
use crate::info::Mode;
use crate::object::ObjKind;
use crate::types::{BasicKind, Type, TypeTable};
use crate::TypeId;
use goxide_ast::ast::{CaseClause, Expr, ExprKind, Ident, Stmt, TypeCaseClause};

impl Checker<'_> {
    pub(crate) fn switch_stmt(&mut self, tag: Option<&Expr>, clauses: &[CaseClause]) {
        let mut tx = match tag {
            Some(t) => {
                let mut x = self.expr(t);
                if !x.is_invalid() {
                    let d = crate::default_type(&self.prog.types, x.ty);
                    if d != x.ty {
                        self.convert_untyped(&mut x, t, d, None);
                    }
                }
                Some((x, t))
            }
            None => None,
        };
        let mut defaults = 0;
        let mut seen: Vec<(crate::ConstValue, TypeId)> = Vec::new();
        for c in clauses {
            if c.is_default {
                defaults += 1;
                if defaults > 1 {
                    self.error(c.span, "multiple defaults in switch");
                }
            }
            for e in &c.exprs {
                let mut x = self.expr(e);
                if x.is_invalid() {
                    continue;
                }
                match &mut tx {
                    Some((t, te)) if !t.is_invalid() => {
                        let te: &Expr = te;
                        let t = t.clone();
                        self.case_compare(&mut x, e, &t, te);
                        if let Mode::Const(v) = &x.mode {
                            if *v != crate::ConstValue::Unknown {
                                let dup = seen
                                    .iter()
                                    .any(|(sv, st)| sv == v && self.identical(*st, x.ty));
                                if dup {
                                    let s = self.text(e.span);
                                    self.error(
                                        e.span,
                                        format!("duplicate case {s} in expression switch"),
                                    );
                                } else {
                                    seen.push((v.clone(), x.ty));
                                }
                            }
                        }
                    }
                    Some(_) => {}
                    None => {
                        let b = self.prog.types.basic(BasicKind::Bool);
                        if self.is_untyped(x.ty) {
                            self.convert_untyped(&mut x, e, b, None);
                        } else if !self
                            .prog
                            .types
                            .basic_kind(x.ty)
                            .is_some_and(|k| k.is_boolean())
                            && !self.assignable_type(b, x.ty)
                        {
                            let d = self.describe(&x, e);
                            self.error(
                                e.span,
                                format!(
                                    "invalid case {d} in switch (mismatched types {} and bool)",
                                    self.type_str(x.ty)
                                ),
                            );
                        }
                    }
                }
            }
            self.push_scope();
            self.block_stmts(&c.body);
            self.pop_scope();
        }
        let _ = &mut tx;
    }

    pub(crate) fn case_compare(&mut self, x: &mut Operand, e: &Expr, t: &Operand, te: &Expr) {
        if self.is_untyped(x.ty) {
            self.convert_untyped(x, e, t.ty, None);
            return;
        }
        if x.mode == Mode::Nil {
            return;
        }
        if !self.assignable_type(x.ty, t.ty) && !self.assignable_type(t.ty, x.ty) {
            let d = self.describe(x, e);
            let ts = self.text(te.span);
            self.error(
                e.span,
                format!(
                    "invalid case {d} in switch on {ts} (mismatched types {} and {})",
                    self.type_str(x.ty),
                    self.type_str(t.ty)
                ),
            );
        }
    }

    pub(crate) fn type_switch(
        &mut self,
        bind: Option<&Ident>,
        xe: &Expr,
        clauses: &[TypeCaseClause],
    ) {
        let x = self.expr(xe);
        if !x.is_invalid()
            && !self.prog.types.is_interface(x.ty)
            && !is_type_param(&self.prog, x.ty)
        {
            let d = self.describe(&x, xe);
            self.error(xe.span, format!("{d} is not an interface"));
        }
        let mut implicits = Vec::new();
        let mut seen_types: Vec<TypeId> = Vec::new();
        let mut seen_nil = false;
        for c in clauses {
            let mut single = None;
            for te in &c.types {
                if let ExprKind::Ident(n) = &te.kind {
                    if n == "nil"
                        && self
                            .resolve("nil")
                            .is_some_and(|o| matches!(self.obj(o).kind, ObjKind::Nil))
                    {
                        let o = self.resolve("nil");
                        if let Some(o) = o {
                            self.record_use(te.id, o);
                        }
                        let un = self.prog.types.basic(BasicKind::UntypedNil);
                        self.record(te.id, un, Mode::Nil);
                        if seen_nil {
                            self.error(te.span, "multiple nil cases in type switch");
                        }
                        seen_nil = true;
                        single = Some(x.ty);
                        continue;
                    }
                }
                let t = self.typ(te);
                single = Some(t);
                if t != TypeTable::INVALID {
                    if seen_types.iter().any(|&u| self.identical(u, t)) {
                        let ts = self.text(te.span);
                        self.error(te.span, format!("duplicate case {ts} in type switch"));
                    } else {
                        seen_types.push(t);
                    }
                }
                if t != TypeTable::INVALID
                    && !x.is_invalid()
                    && !self.prog.types.is_interface(t)
                    && self.prog.types.is_interface(x.ty)
                {
                    if let Some((m, ptr)) = self.missing_method(t, x.ty) {
                        let ts = self.type_str(t);
                        let xs = self.text(xe.span);
                        let why = if ptr {
                            format!("method {m} has pointer receiver")
                        } else {
                            format!("missing method {m}")
                        };
                        self.error(te.span, format!("impossible type switch case: {xs} (variable of type {}) cannot have dynamic type {ts} ({why})", self.type_str(x.ty)));
                    }
                }
            }
            self.push_scope();
            if let Some(b) = bind {
                let t = if c.types.len() == 1 {
                    single.unwrap_or(x.ty)
                } else {
                    x.ty
                };
                let o = self.new_obj(
                    &b.name,
                    ObjKind::Var {
                        global: false,
                        param: false,
                    },
                    t,
                    None,
                );
                self.obj_mut(o).span = b.span;
                if self.is_main() {
                    self.info.implicits.insert(c.id, o);
                }
                self.declare_local(&b.name, o);
                implicits.push(o);
            }
            self.block_stmts(&c.body);
            self.pop_scope();
        }
        if let Some(b) = bind {
            if b.name != "_" && !implicits.iter().any(|o| self.used.contains(o)) {
                self.error(b.span, format!("{} declared but not used", b.name));
            }
        }
    }

    pub(crate) fn range_stmt(
        &mut self,
        s: &Stmt,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        xe: &Expr,
    ) {
        let mut x = self.expr(xe);
        if x.is_invalid() {
            self.range_vars(key, value, define, TypeTable::INVALID, TypeTable::INVALID);
            return;
        }
        let u = self.op_type(x.ty);
        let int = self.prog.types.basic(BasicKind::Int);
        let (kt, vt, max_vars) = match self.prog.types.get(u).clone() {
            Type::Basic(k) if k.is_string() => (int, self.prog.types.basic(BasicKind::Int32), 2),
            Type::Basic(k) if k.is_integer() && self.config.go_version >= (1, 22) => {
                if self.is_untyped(x.ty) {
                    self.convert_untyped(&mut x, xe, int, None);
                }
                (x.ty, TypeTable::INVALID, 1)
            }
            Type::Array(_, el) | Type::Slice(el) => (int, el, 2),
            Type::Pointer(p) => match self.prog.types.under(p).clone() {
                Type::Array(_, el) => (int, el, 2),
                _ => return self.bad_range(s, &x, xe, key, value, define),
            },
            Type::Map(k, v) => (k, v, 2),
            Type::Chan(_, el) => (el, TypeTable::INVALID, 1),
            Type::Func(sig) if self.config.go_version >= (1, 23) && sig.params.len() == 1 => {
                let yield_params = match self.prog.types.under(sig.params[0]) {
                    Type::Func(y) => y.params.clone(),
                    _ => vec![],
                };
                (
                    yield_params.first().copied().unwrap_or(TypeTable::INVALID),
                    yield_params.get(1).copied().unwrap_or(TypeTable::INVALID),
                    yield_params.len(),
                )
            }
            _ if is_type_param(&self.prog, x.ty) => (TypeTable::INVALID, TypeTable::INVALID, 2),
            _ => return self.bad_range(s, &x, xe, key, value, define),
        };
        if value.is_some() && max_vars < 2 {
            let d = self.describe(&x, xe);
            if let Some(v) = value {
                self.error(
                    v.span,
                    format!("range over {d} permits only one iteration variable"),
                );
            }
        }
        if self.is_untyped(x.ty) {
            let d = crate::default_type(&self.prog.types, x.ty);
            self.convert_untyped(&mut x, xe, d, None);
        }
        self.range_vars(key, value, define, kt, vt);
    }

    pub(crate) fn bad_range(
        &mut self,
        _s: &Stmt,
        x: &Operand,
        xe: &Expr,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
    ) {
        let d = self.describe(x, xe);
        self.error(xe.span, format!("cannot range over {d}"));
        self.range_vars(key, value, define, TypeTable::INVALID, TypeTable::INVALID);
    }

    pub(crate) fn range_vars(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        kt: TypeId,
        vt: TypeId,
    ) {
        let mut decls = Vec::new();
        for (e, t) in [(key, kt), (value, vt)] {
            let Some(e) = e else { continue };
            if define {
                match &e.kind {
                    ExprKind::Ident(n) if n == "_" => {
                        self.record(e.id, t, Mode::Variable);
                    }
                    ExprKind::Ident(n) => {
                        let ident = Ident {
                            id: e.id,
                            name: n.clone(),
                            span: e.span,
                        };
                        let o = self.new_local(&ident, t);
                        self.record(e.id, t, Mode::Variable);
                        decls.push((n.clone(), o));
                    }
                    _ => {
                        self.error(
                            e.span,
                            format!("non-name {} on left side of :=", self.text(e.span)),
                        );
                    }
                }
            } else {
                let lx = self.lhs_expr(e);
                if lx.ty == TypeTable::INVALID || t == TypeTable::INVALID {
                    continue;
                }
                if self.check_assignable_lhs(&lx, e) && !self.assignable_type(t, lx.ty) {
                    let d = self.describe(&lx, e);
                    self.error(
                        e.span,
                        format!("cannot assign {} value to {d} in range", self.type_str(t)),
                    );
                }
            }
        }
        for (n, o) in decls {
            self.declare_local(&n, o);
        }
    }
}
