//! Declarations: constants (with `iota` and implicit repetition), variables, types (named,
//! alias, generic), function signatures and bodies; package initialization order.

use super::operand::Operand;
use super::{Checker, DeclInfo, Files, FuncCtx, SigObjs};
use crate::constant::ConstValue;
use crate::fx::{HashMap, HashSet};
use crate::info::Mode;
use crate::object::ObjKind;
use crate::types::{Signature, Type, TypeTable};
use crate::{ObjId, TypeId};
use goxide_ast::ast::{ConstSpec, DeclKind, Expr, FuncType, Ident, TypeParam, TypeSpec, VarSpec};

/// A declaration of the current file, holding (a cheap clone of) its package's files so that it
/// does not borrow the checker (cloning the node instead would be quadratic in large groups).
struct DeclRef<'a> {
    files: Files<'a>,
    file: usize,
    decl: usize,
}

impl std::ops::Deref for DeclRef<'_> {
    type Target = DeclKind;
    fn deref(&self) -> &DeclKind {
        &self.files.get()[self.file].1.decls[self.decl].kind
    }
}

impl<'a> Checker<'a> {
    fn decl_kind(&self, decl: u32) -> Option<DeclRef<'a>> {
        let files = self.pkgs.get(self.cur.0 as usize)?.files.clone();
        let (file, decl) = (self.cur_file as usize, decl as usize);
        files.get().get(file)?.1.decls.get(decl)?;
        Some(DeclRef { files, file, decl })
    }

    pub(super) fn pkg_const(
        &mut self,
        obj: ObjId,
        decl: u32,
        spec: u32,
        idx: u32,
        values_spec: u32,
    ) {
        let Some(d) = self.decl_kind(decl) else {
            return;
        };
        let DeclKind::Const(specs) = &*d else {
            return;
        };
        let (Some(s), Some(vs)) = (specs.get(spec as usize), specs.get(values_spec as usize))
        else {
            return;
        };
        let iota = s.iota;
        self.const_value_for(obj, s, vs, idx as usize, iota);
    }

    /// Checks the value of the `idx`th constant of spec `s` whose type and values come from
    /// `vs` (itself, or the spec it implicitly repeats).
    pub(crate) fn const_value_for(
        &mut self,
        obj: ObjId,
        s: &ConstSpec,
        vs: &ConstSpec,
        idx: usize,
        iota: u32,
    ) {
        let saved = self.env.iota.replace(iota.into());
        let t = vs.ty.as_ref().map(|e| self.typ(e));
        let (ty, val) = match vs.values.get(idx) {
            None => {
                if let Some(n) = s.names.get(idx) {
                    self.error(n.span, "missing init expr for const declaration");
                }
                (TypeTable::INVALID, ConstValue::Unknown)
            }
            Some(e) => {
                let mut x = self.expr(e);
                if !x.is_invalid() && !x.is_const() {
                    let d = self.describe(&x, e);
                    self.error(e.span, format!("{d} is not constant"));
                    x = Operand::invalid();
                }
                if let Some(t) = t {
                    if !x.is_invalid() && t != TypeTable::INVALID {
                        self.assign_operand(&mut x, e, t, "constant declaration");
                    }
                }
                match x.mode {
                    Mode::Const(v) if !x.ty.eq(&TypeTable::INVALID) => (x.ty, v),
                    _ => (TypeTable::INVALID, ConstValue::Unknown),
                }
            }
        };
        if idx == s.names.len().saturating_sub(1) && vs.values.len() > s.names.len() {
            if let Some(e) = vs.values.get(s.names.len()) {
                self.error(e.span, "extra init expr");
            }
        }
        self.env.iota = saved;
        let o = self.obj_mut(obj);
        o.ty = ty;
        o.kind = ObjKind::Const(val);
    }

    pub(super) fn pkg_var(&mut self, obj: ObjId, decl: u32, spec: u32, idx: u32) {
        let Some(d) = self.decl_kind(decl) else {
            return;
        };
        let DeclKind::Var(specs) = &*d else {
            return;
        };
        let Some(s) = specs.get(spec as usize) else {
            return;
        };
        let lhs: Vec<ObjId> = s
            .names
            .iter()
            .map(|n| self.info_def_or_find(n, obj, idx))
            .collect();
        if s.values.len() == s.names.len() && s.names.len() > 1 {
            // Each variable has its own initializer: check only this one.
            let one = VarSpec {
                names: vec![s.names[idx as usize].clone()],
                ty: s.ty.clone(),
                values: vec![s.values[idx as usize].clone()],
                span: s.span,
                doc: None,
            };
            self.var_spec(&one, &[obj]);
        } else {
            for &o in &lhs {
                if o != obj {
                    self.colors.insert(o, super::Color::Grey);
                }
            }
            self.var_spec(s, &lhs);
            for &o in &lhs {
                self.colors.insert(o, super::Color::Black);
            }
        }
    }

    /// The object declared by name `n` of a package-level spec (`obj` for the one being checked).
    fn info_def_or_find(&self, n: &Ident, obj: ObjId, idx: u32) -> ObjId {
        let _ = idx;
        if self.obj(obj).decl == Some(n.id) {
            return obj;
        }
        // Objects of one spec are created consecutively.
        let base = obj.0 as i64;
        for d in -64i64..64 {
            let c = base + d;
            if c >= 0 && (c as usize) < self.prog.objects.len() {
                let o = &self.prog.objects[c as usize];
                if o.decl == Some(n.id) && o.pkg == self.obj(obj).pkg {
                    return ObjId(c as u32);
                }
            }
        }
        obj
    }

    /// Checks a var spec whose objects are `objs`, setting their types.
    pub(crate) fn var_spec(&mut self, s: &VarSpec, objs: &[ObjId]) {
        let t = s.ty.as_ref().map(|e| self.typ(e));
        // Messages spell `byte` and `rune` as the declaration does.
        let saved = self.spelled.take();
        if let (Some(te), Some(t)) = (&s.ty, t) {
            if let goxide_ast::ast::ExprKind::Ident(n) = &te.kind {
                if n == "byte" || n == "rune" {
                    self.spelled = Some((t, n.clone()));
                }
            }
        }
        self.var_spec_inner(s, objs, t);
        self.spelled = saved;
    }

    fn var_spec_inner(&mut self, s: &VarSpec, objs: &[ObjId], t: Option<TypeId>) {
        if s.values.is_empty() {
            for &o in objs {
                self.obj_mut(o).ty = t.unwrap_or(TypeTable::INVALID);
            }
            return;
        }
        if s.values.len() == objs.len() {
            for (i, e) in s.values.iter().enumerate() {
                let mut x = self.expr(e);
                let ty = match t {
                    Some(t) => {
                        self.assign_operand(&mut x, e, t, "variable declaration");
                        t
                    }
                    None => self.default_for_var(&mut x, e),
                };
                self.obj_mut(objs[i]).ty = ty;
            }
            return;
        }
        if s.values.len() == 1 {
            let e = &s.values[0];
            let xs = self.multi_expr(e, objs.len());
            if xs.len() == objs.len() {
                for (i, x) in xs.into_iter().enumerate() {
                    let ty = match t {
                        Some(t) => {
                            if !self.assignable_type(x.ty, t) {
                                let d = self.describe(&x, e);
                                let ts = self.type_str(t);
                                self.error(
                                    e.span,
                                    format!("cannot use {d} as {ts} value in assignment"),
                                );
                            }
                            t
                        }
                        None => x.ty,
                    };
                    self.obj_mut(objs[i]).ty = ty;
                }
                return;
            }
            if xs.iter().all(|x| !x.is_invalid()) {
                self.error(
                    e.span,
                    format!(
                        "assignment mismatch: {} variables but {} values",
                        objs.len(),
                        xs.len().max(1)
                    ),
                );
            }
        } else {
            for e in &s.values {
                self.expr(e);
            }
            self.error(
                s.span,
                format!(
                    "assignment mismatch: {} variables but {} values",
                    objs.len(),
                    s.values.len()
                ),
            );
        }
        for &o in objs {
            self.obj_mut(o).ty = t.unwrap_or(TypeTable::INVALID);
        }
    }

    /// The type a variable declared without type gets from its initializer (untyped values
    /// get their default type; `nil` is an error).
    pub(crate) fn default_for_var(&mut self, x: &mut Operand, e: &Expr) -> TypeId {
        if x.is_invalid() {
            return TypeTable::INVALID;
        }
        match x.mode {
            Mode::Nil => {
                self.error(e.span, "use of untyped nil in variable declaration");
                return TypeTable::INVALID;
            }
            Mode::NoValue => {
                let t = self.text(e.span);
                self.error(e.span, format!("{t} (no value) used as value"));
                return TypeTable::INVALID;
            }
            _ => {}
        }
        let d = crate::default_type(&self.prog.types, x.ty);
        if d != x.ty {
            self.convert_untyped(x, e, d, None);
        }
        x.ty
    }

    pub(super) fn pkg_type(&mut self, obj: ObjId, decl: u32, spec: u32) {
        let Some(d) = self.decl_kind(decl) else {
            return;
        };
        let DeclKind::Type(specs) = &*d else {
            return;
        };
        let Some(s) = specs.get(spec as usize) else {
            return;
        };
        self.type_spec(obj, s);
    }

    /// Declares the type parameters of a generic type or function in the current scope.
    pub(crate) fn declare_type_params(&mut self, tps: &[TypeParam]) -> (Vec<TypeId>, Vec<ObjId>) {
        let mut types = Vec::new();
        let mut objs = Vec::new();
        // Declare all names first: constraints may refer to any of them.
        for g in tps {
            for n in &g.names {
                let o = self.new_obj(
                    &n.name,
                    ObjKind::TypeName,
                    TypeTable::INVALID,
                    Some((n.id, n.span)),
                );
                let t = self.prog.types.intern(Type::TypeParam {
                    obj: o,
                    index: types.len() as u32,
                    constraint: TypeTable::INVALID,
                });
                self.obj_mut(o).ty = t;
                self.declare_local(&n.name, o);
                types.push(t);
                objs.push(o);
            }
        }
        let mut i = 0;
        for g in tps {
            let c = self.constraint_type(&g.constraint);
            for _ in &g.names {
                if let Some(&t) = types.get(i) {
                    if let Type::TypeParam { constraint, .. } = self.prog.types.get_mut(t) {
                        *constraint = c;
                    }
                }
                i += 1;
            }
        }
        (types, objs)
    }

    /// Checks a type declaration, setting the named type's underlying type (or the alias).
    pub(crate) fn type_spec(&mut self, obj: ObjId, s: &TypeSpec) {
        if s.alias {
            let t = self.typ(&s.ty);
            self.obj_mut(obj).ty = t;
            return;
        }
        let named = self.obj(obj).ty;
        self.push_scope();
        if !s.type_params.is_empty() {
            let (tps, _) = self.declare_type_params(&s.type_params);
            if let Type::Named(n) = self.prog.types.get_mut(named) {
                n.type_params = tps;
            }
        }
        let rhs = self.typ(&s.ty);
        self.pop_scope();
        let mut under = self.under(rhs);
        if under == named || matches!(self.prog.types.get(under), Type::Named(_)) {
            under = TypeTable::INVALID;
        }
        if under == TypeTable::INVALID && rhs != TypeTable::INVALID && rhs != named {
            // `type T2 T1` while T1 is still being declared (T1 refers to T2): T2's underlying
            // type is filled in once T1's is known.
            if let Type::Named(_) = self.prog.types.get(rhs) {
                self.pending_under
                    .push((named, rhs, self.cur, self.cur_file, s.name.span));
                return;
            }
        }
        if under == TypeTable::INVALID && rhs != TypeTable::INVALID {
            let name = s.name.name.clone();
            self.error(s.name.span, format!("invalid recursive type {name}"));
        }
        if let Type::TypeParam { .. } = self.prog.types.get(under) {
            self.error(
                s.ty.span,
                "cannot use a type parameter as RHS in type declaration",
            );
            under = TypeTable::INVALID;
        }
        if let Type::Named(n) = self.prog.types.get_mut(named) {
            n.underlying = under;
        }
    }

    /// Fills the underlying types of declarations that waited for another type's.
    pub(crate) fn resolve_pending_under(&mut self) {
        loop {
            let mut progress = false;
            let pending = std::mem::take(&mut self.pending_under);
            for (named, src, pkg, file, span) in pending {
                let u = self.under(src);
                if u != TypeTable::INVALID && !matches!(self.prog.types.get(u), Type::Named(_)) {
                    if let Type::Named(n) = self.prog.types.get_mut(named) {
                        n.underlying = u;
                    }
                    progress = true;
                } else {
                    self.pending_under.push((named, src, pkg, file, span));
                }
            }
            if !progress || self.pending_under.is_empty() {
                return;
            }
        }
    }

    /// Checks a function type, creating parameter and result objects.
    pub(crate) fn func_type(&mut self, ft: &FuncType, declare: bool) -> SigObjs {
        let mut names = HashSet::default();
        for n in ft.params.iter().chain(&ft.results).flat_map(|g| &g.names) {
            if n.name != "_" && !names.insert(n.name.as_str()) {
                self.error(n.span, format!("duplicate argument {}", n.name));
            }
        }
        let mut so = SigObjs::default();
        let mut sig = Signature {
            params: vec![],
            param_names: vec![],
            results: vec![],
            result_names: vec![],
            variadic: false,
        };
        for (gi, g) in ft.params.iter().enumerate() {
            let mut t = self.typ(&g.ty);
            if g.variadic {
                if gi + 1 != ft.params.len() || g.names.len() > 1 {
                    self.error(g.span, "can only use ... with final parameter in list");
                }
                t = self.prog.types.intern(Type::Slice(t));
                sig.variadic = true;
            }
            if g.names.is_empty() {
                sig.params.push(t);
                sig.param_names.push(String::new());
            }
            for n in &g.names {
                sig.params.push(t);
                sig.param_names.push(n.name.clone());
                let o = self.new_obj(
                    &n.name,
                    ObjKind::Var {
                        global: false,
                        param: true,
                    },
                    t,
                    Some((n.id, n.span)),
                );
                so.params.push(o);
            }
        }
        for g in &ft.results {
            let t = self.typ(&g.ty);
            if g.names.is_empty() {
                sig.results.push(t);
                sig.result_names.push(String::new());
            }
            for n in &g.names {
                sig.results.push(t);
                sig.result_names.push(n.name.clone());
                let o = self.new_obj(
                    &n.name,
                    ObjKind::Var {
                        global: false,
                        param: true,
                    },
                    t,
                    Some((n.id, n.span)),
                );
                so.results.push(o);
            }
        }
        let _ = declare;
        so.result_types = sig.results.clone();
        so.sig = self.prog.types.intern(Type::Func(sig));
        so
    }

    pub(super) fn pkg_func_sig(&mut self, obj: ObjId, decl: u32) {
        let Some(d) = self.decl_kind(decl) else {
            return;
        };
        let DeclKind::Func(fd) = &*d else {
            return;
        };
        self.push_scope();
        let mut so = SigObjs::default();
        let mut recv_ty = None;
        if let Some(r) = &fd.recv {
            // Receiver type parameters come from the receiver's type arguments.
            let (base_expr, ptr) = strip_recv(&r.ty);
            let mut rt = TypeTable::INVALID;
            if let Some(base) = super::resolve::recv_base_name(base_expr) {
                if let Some(tobj) = self.prog.packages[self.cur.0 as usize]
                    .scope
                    .get(base)
                    .copied()
                {
                    self.ensure_obj(tobj);
                    rt = self.obj(tobj).ty;
                    if let goxide_ast::ast::ExprKind::Index { indices, .. } = &base_expr.kind {
                        rt = self.recv_type_params(rt, indices, &mut so);
                    }
                    self.record(base_expr.id, rt, Mode::Type);
                    if self.is_main() {
                        self.info.uses.insert(recv_ident_id(base_expr), tobj);
                    }
                } else {
                    self.error(base_expr.span, format!("undefined: {base}"));
                }
            }
            if rt != TypeTable::INVALID {
                if let Type::Named(n) = self.prog.types.get(rt) {
                    let u = n.underlying;
                    if matches!(
                        self.prog.types.get(u),
                        Type::Pointer(_) | Type::Interface(_)
                    ) {
                        let ts = self.type_str(rt);
                        self.error(r.ty.span, format!("invalid receiver type {ts}"));
                    }
                }
            }
            if ptr {
                rt = self.prog.types.intern(Type::Pointer(rt));
            }
            self.record(r.ty.id, rt, Mode::Type);
            recv_ty = Some(rt);
            if let Some(n) = &r.name {
                let o = self.new_obj(
                    &n.name,
                    ObjKind::Var {
                        global: false,
                        param: true,
                    },
                    rt,
                    Some((n.id, n.span)),
                );
                so.recv.push(o);
                self.declare_local(&n.name, o);
            }
        }
        if !fd.type_params.is_empty() {
            let (tps, objs) = self.declare_type_params(&fd.type_params);
            so.tparams = objs;
            self.func_tparams.insert(obj, tps);
        }
        let sobj = self.func_type(&fd.sig, true);
        self.pop_scope();
        so.params = sobj.params;
        so.results = sobj.results;
        so.result_types = sobj.result_types;
        so.sig = sobj.sig;
        let o = self.obj_mut(obj);
        o.ty = so.sig;
        o.kind = ObjKind::Func { recv: recv_ty };
        self.sig_objs.insert(obj, so);
    }

    fn recv_type_params(&mut self, rt: TypeId, indices: &[Expr], so: &mut SigObjs) -> TypeId {
        let tps = match self.prog.types.get(rt) {
            Type::Named(n) => n.type_params.clone(),
            _ => return rt,
        };
        let mut args = Vec::new();
        for (i, e) in indices.iter().enumerate() {
            let (name, id, span) = match &e.kind {
                goxide_ast::ast::ExprKind::Ident(n) => (n.clone(), e.id, e.span),
                _ => ("_".to_string(), e.id, e.span),
            };
            let constraint = tps
                .get(i)
                .and_then(|&t| match self.prog.types.get(t) {
                    Type::TypeParam { constraint, .. } => Some(*constraint),
                    _ => None,
                })
                .unwrap_or(TypeTable::INVALID);
            let o = self.new_obj(
                &name,
                ObjKind::TypeName,
                TypeTable::INVALID,
                Some((id, span)),
            );
            let t = self.prog.types.intern(Type::TypeParam {
                obj: o,
                index: i as u32,
                constraint,
            });
            self.obj_mut(o).ty = t;
            self.record(e.id, t, Mode::Type);
            self.declare_local(&name, o);
            so.tparams.push(o);
            args.push(t);
        }
        if args.len() != tps.len() {
            return rt;
        }
        // The receiver's type parameters are constrained like the type's, in their own terms
        // (`func (m M[K2, S2]) …` for `type M[K comparable, S ~[]K]` constrains S2 by ~[]K2).
        let map: HashMap<TypeId, TypeId> = tps.iter().copied().zip(args.iter().copied()).collect();
        for &a in &args {
            if let Type::TypeParam { constraint, .. } = *self.prog.types.get(a) {
                let c = self.subst(constraint, &map, 0);
                if let Type::TypeParam { constraint, .. } = self.prog.types.get_mut(a) {
                    *constraint = c;
                }
            }
        }
        self.instantiate_named(rt, &args)
    }

    /// Checks the body of a package-level function or method of the checked package.
    pub(super) fn func_body_decl(&mut self, obj: ObjId, decl: u32) {
        let Some(d) = self.decl_kind(decl) else {
            return;
        };
        let DeclKind::Func(fd) = &*d else {
            return;
        };
        let Some(body) = &fd.body else { return };
        let so = self.sig_objs.get(&obj).cloned().unwrap_or_default();
        self.env = super::Env {
            owner: Some(obj),
            ..Default::default()
        };
        self.push_scope();
        for &o in so
            .tparams
            .iter()
            .chain(&so.recv)
            .chain(&so.params)
            .chain(&so.results)
        {
            let name = self.obj(o).name.clone();
            self.declare_local(&name, o);
        }
        self.func_body(&so, body, fd.sig.span);
        self.pop_scope();
        self.report_unused();
        self.env = super::Env::default();
    }

    /// Checks a function body with the given signature objects in scope.
    pub(crate) fn func_body(
        &mut self,
        so: &SigObjs,
        body: &goxide_ast::ast::Block,
        _sig_span: goxide_ast::Span,
    ) {
        let saved_loops = (
            std::mem::take(&mut self.env.loops),
            std::mem::take(&mut self.env.breakables),
        );
        let saved = self.env.func.replace(FuncCtx {
            results: so.result_types.clone(),
            named_results: so.results.clone(),
        });
        self.labels_in_body(body);
        self.check_branches(body);
        self.block_stmts(&body.stmts);
        self.end_labels();
        if !so.result_types.is_empty() && !self.is_terminating_list(&body.stmts) {
            let end = goxide_ast::Span::new(body.span.end.saturating_sub(1), body.span.end);
            self.error(end, "missing return");
        }
        self.env.func = saved;
        (self.env.loops, self.env.breakables) = saved_loops;
    }

    /// Reports local variables of the current function that were never used.
    pub(crate) fn report_unused(&mut self) {
        let locals = std::mem::take(&mut self.env.locals);
        let mut seen = HashSet::default();
        for o in locals {
            // Variables whose type is invalid follow an earlier error: do not pile on.
            if !seen.insert(o) || self.used.contains(&o) || self.obj(o).ty == TypeTable::INVALID {
                continue;
            }
            let (name, span) = (self.obj(o).name.clone(), self.obj(o).span);
            if name != "_" {
                self.error(span, format!("{name} declared but not used"));
            }
        }
    }

    /// Records the dependency of the declaration being checked on package-level object `o`.
    pub(crate) fn record_dep(&mut self, o: ObjId) {
        if !self.is_main() || self.obj(o).pkg != Some(self.main) {
            return;
        }
        if let Some(owner) = self.env.owner {
            let global = matches!(
                self.obj(o).kind,
                ObjKind::Var { global: true, .. } | ObjKind::Func { .. }
            );
            if global {
                self.deps.entry(owner).or_default().push(o);
            }
        }
    }

    /// Computes the package initialization order and gives leftover untyped expressions their
    /// default types.
    pub(super) fn finish(&mut self) {
        // Initialization order: repeatedly the earliest variable all of whose (transitive)
        // variable dependencies are initialized.
        let vars: Vec<ObjId> = self
            .main_objs
            .iter()
            .copied()
            .filter(|o| matches!(self.obj(*o).kind, ObjKind::Var { global: true, .. }))
            .collect();
        let mut var_deps: HashMap<ObjId, HashSet<ObjId>> = HashMap::default();
        for &v in &vars {
            let mut out = HashSet::default();
            let mut stack: Vec<ObjId> = self.deps.get(&v).cloned().unwrap_or_default();
            let mut seen = HashSet::default();
            while let Some(o) = stack.pop() {
                if !seen.insert(o) {
                    continue;
                }
                if matches!(self.obj(o).kind, ObjKind::Var { .. }) {
                    // `v` itself reached through functions (a direct self-reference was
                    // reported when its declaration was checked).
                    out.insert(o);
                } else if let Some(ds) = self.deps.get(&o) {
                    stack.extend(ds.iter().copied());
                }
            }
            let direct_self = self.deps.get(&v).is_some_and(|d| d.contains(&v));
            if direct_self {
                out.remove(&v);
            }
            var_deps.insert(v, out);
        }
        // Initialization cycles through functions and other variables.
        if vars.len() <= 5000 {
            for &v in &vars {
                let mut stack: Vec<ObjId> = var_deps
                    .get(&v)
                    .map(|d| d.iter().copied().collect())
                    .unwrap_or_default();
                let mut seen = HashSet::default();
                let mut cyclic = false;
                while let Some(o) = stack.pop() {
                    if o == v {
                        cyclic = true;
                        break;
                    }
                    if seen.insert(o) {
                        stack.extend(var_deps.get(&o).into_iter().flatten().copied());
                    }
                }
                if cyclic {
                    let (name, span, file) =
                        (self.obj(v).name.clone(), self.obj(v).span, self.obj(v).file);
                    self.cur = self.main;
                    self.cur_file = file.unwrap_or(0);
                    self.error(
                        span,
                        format!("initialization cycle: {name} refers to itself"),
                    );
                    break;
                }
            }
        }
        // Variables of one multi-value spec initialize together.
        let mut group: HashMap<ObjId, Vec<ObjId>> = HashMap::default();
        for &v in &vars {
            if let Some(DeclInfo::Var {
                file, decl, spec, ..
            }) = self.decls.get(&v).copied()
            {
                let members: Vec<ObjId> = vars
                    .iter()
                    .copied()
                    .filter(|w| {
                        matches!(self.decls.get(w), Some(DeclInfo::Var { file: f2, decl: d2, spec: s2, .. })
                            if *f2 == file && *d2 == decl && *s2 == spec)
                    })
                    .collect();
                group.insert(v, members);
            }
        }
        let mut done: HashSet<ObjId> = HashSet::default();
        let mut order = Vec::new();
        while done.len() < vars.len() {
            let next = vars
                .iter()
                .copied()
                .find(|v| {
                    !done.contains(v)
                        && var_deps
                            .get(v)
                            .is_none_or(|d| d.iter().all(|x| done.contains(x)))
                })
                .or_else(|| vars.iter().copied().find(|v| !done.contains(v)));
            let Some(v) = next else { break };
            let members = group.get(&v).cloned().unwrap_or_else(|| vec![v]);
            for m in members {
                if done.insert(m) {
                    order.push(m);
                }
            }
        }
        self.info.init_order = order;
        self.resolve_pending_under();
        for (named, _, pkg, file, span) in std::mem::take(&mut self.pending_under) {
            if pkg == self.main {
                self.cur = pkg;
                self.cur_file = file;
                let name = match self.prog.types.get(named) {
                    Type::Named(n) => self.obj(n.obj).name.clone(),
                    _ => String::new(),
                };
                self.error(span, format!("invalid recursive type {name}"));
            }
        }
        self.cur = self.main;
        self.check_value_cycles();
        // Untyped expressions left in untyped contexts get their default types.
        let table = &self.prog.types;
        for tm in self.info.types.values_mut() {
            if let Type::Basic(k) = table.get(tm.ty) {
                if k.is_untyped() && *k != crate::BasicKind::UntypedNil {
                    tm.ty = crate::default_type(table, tm.ty);
                }
            }
        }
        self.expand_all_instances();
        self.verify_instantiations();
    }
}

impl Checker<'_> {
    /// Reports package-level named types that contain themselves by value (through struct
    /// fields and array elements, possibly via other named types).
    fn check_value_cycles(&mut self) {
        let objs: Vec<ObjId> = self.main_objs.clone();
        for o in objs {
            if !matches!(self.obj(o).kind, ObjKind::TypeName) {
                continue;
            }
            let t = self.obj(o).ty;
            let Type::Named(n) = self.prog.types.get(t) else {
                continue;
            };
            if n.obj != o || !n.type_params.is_empty() || !n.type_args.is_empty() {
                continue;
            }
            if let Type::Struct(fs) = self.prog.types.get(n.underlying) {
                let clash: Vec<ObjId> = n
                    .methods
                    .iter()
                    .copied()
                    .filter(|m| {
                        let mn = &self.obj(*m).name;
                        mn != "_" && fs.iter().any(|f| &f.name == mn)
                    })
                    .collect();
                for m in clash {
                    let (mn, span, file) =
                        (self.obj(m).name.clone(), self.obj(m).span, self.obj(m).file);
                    self.cur_file = file.unwrap_or(0);
                    self.error(span, format!("field and method with the same name {mn}"));
                }
            }
            let t = self.obj(o).ty;
            let Type::Named(n) = self.prog.types.get(t) else {
                continue;
            };
            if !self.contains_by_value(t, n.underlying) {
                continue;
            }
            let (name, span, file) = (self.obj(o).name.clone(), self.obj(o).span, self.obj(o).file);
            self.cur_file = file.unwrap_or(0);
            let msg = format!("invalid recursive type {name}");
            if !self.diags.iter().any(|d| d.message == msg) {
                self.error(span, msg);
            }
        }
    }

    fn contains_by_value(&self, target: TypeId, start: TypeId) -> bool {
        let mut stack = vec![start];
        let mut seen = HashSet::default();
        while let Some(t) = stack.pop() {
            if t == target {
                return true;
            }
            if !seen.insert(t) {
                continue;
            }
            match self.prog.types.get(t) {
                Type::Named(n) if n.type_params.is_empty() && n.type_args.is_empty() => {
                    stack.push(n.underlying);
                }
                Type::Array(_, e) => stack.push(*e),
                Type::Struct(fs) => stack.extend(fs.iter().map(|f| f.ty)),
                _ => {}
            }
        }
        false
    }
}

fn strip_recv(e: &Expr) -> (&Expr, bool) {
    match &e.kind {
        goxide_ast::ast::ExprKind::Paren(x) => strip_recv(x),
        goxide_ast::ast::ExprKind::Star(x) => (strip_paren(x), true),
        _ => (e, false),
    }
}

fn strip_paren(e: &Expr) -> &Expr {
    match &e.kind {
        goxide_ast::ast::ExprKind::Paren(x) => strip_paren(x),
        _ => e,
    }
}

fn recv_ident_id(e: &Expr) -> goxide_ast::ast::NodeId {
    match &e.kind {
        goxide_ast::ast::ExprKind::Index { x, .. } => recv_ident_id(x),
        _ => e.id,
    }
}
