//! Statements: declarations, assignments (single, tuple, comma-ok, compound, `append`),
//! `if`, `switch` (→ `match` on constant cases, else an `if` chain), `for` and `for … range`
//! loops, `break`/`continue` with labels, `return`.

use crate::builtins::strip_parens;
use crate::ctx::{Breakable, Ctx};
use crate::expr::paren_if_needed;
use crate::names;
use goxide_ast::ast::*;
use goxide_types::{Mode, ObjId, ObjKind, Type, TypeId};
use std::collections::HashSet;
use syn::parse_quote;

/// A Rust construct that unlabeled `break`/`continue` would bind to, for deciding when a label
/// is needed.
#[derive(Clone, PartialEq)]
pub enum RustScope {
    Loop(NodeId),
    LabeledBlock,
}

impl Ctx<'_> {
    /// Translates a block's statements, with carried-over comments and TODO markers.
    pub fn block(&mut self, b: &Block) -> syn::Block {
        let stmts = self.stmts(&b.stmts, Some(b.span.end));
        syn::Block {
            brace_token: Default::default(),
            stmts,
        }
    }

    pub fn stmts(&mut self, list: &[Stmt], end: Option<u32>) -> Vec<syn::Stmt> {
        if let Some(out) = self.goto_block(list, end) {
            return out;
        }
        let mut out = Vec::new();
        let mut skip = None;
        for (i, s) in list.iter().enumerate() {
            if skip == Some(i) {
                continue;
            }
            // `v, err := f(…)` and the `if err != nil` after it, as one `match` (see `results`).
            let check = list
                .get(i + 1)
                .filter(|n| self.analysis.results.checks.get(&s.id) == Some(&n.id))
                .filter(|n| self.result_checked(s, Some(n)));
            if check.is_some() {
                skip = Some(i + 1);
            }
            // A package variable moved here (see `localize`) brings its comment along; its
            // position is elsewhere in the file, so the comments before it are not taken.
            match self.localized(s) {
                Some(doc) => out.extend(doc.unwrap_or_default().lines().map(comment_stmt)),
                None => {
                    for c in self.take_comments_before(s.span.start) {
                        out.push(comment_stmt(&c));
                    }
                }
            }
            let saved = std::mem::take(&mut self.pending_markers);
            let mut translated = match check {
                Some(c) => self.result_check(s, Some(c)),
                None => match self.map_value_guarded(s, list.get(i + 1)) {
                    // (`v, ok := m[k]; if !ok { … }`, see `map_values`.)
                    Some(st) => {
                        skip = Some(i + 1);
                        vec![st]
                    }
                    None => self.stmt(s),
                },
            };
            let mut markers = std::mem::replace(&mut self.pending_markers, saved);
            let declared = self.declaration_markers(s, &mut markers);
            markers.extend(declared);
            let unsupported = markers.iter().any(|m| m.contains("unsupported:"));
            for m in markers {
                out.push(comment_stmt(&m));
            }
            if unsupported {
                // Keep the crate compiling: the statement becomes `todo!()`, keeping the
                // declarations later statements rely on.
                translated = self.todo_stmt(s);
            }
            out.append(&mut translated);
        }
        if let Some(end) = end {
            for c in self.take_comments_before(end) {
                out.push(comment_stmt(&c));
            }
        }
        out
    }

    fn stmt(&mut self, s: &Stmt) -> Vec<syn::Stmt> {
        if self.analysis.results.init_checks.contains(&s.id) && self.result_checked(s, None) {
            return self.result_check(s, None);
        }
        if let Some(out) = self.self_indexed_target(s) {
            return out;
        }
        match &s.kind {
            StmtKind::Empty => vec![],
            StmtKind::Expr(e) => {
                if let Some(out) = self.result_stmt(e) {
                    return out;
                }
                let x = self.expr_stmt_value(e);
                vec![syn::Stmt::Expr(x, Some(Default::default()))]
            }
            StmtKind::IncDec { x, inc } => {
                let one: syn::Expr = match self.type_of(x).and_then(|t| self.basic(t)) {
                    Some(k) if k.is_complex() => {
                        self.use_support("complex");
                        parse_quote!(crate::support::complex::Complex128::new(1.0, 0.0))
                    }
                    Some(k) if k.is_float() => parse_quote!(1.0),
                    _ => parse_quote!(1),
                };
                if let Some(p) = self.map_entry(x) {
                    return if *inc {
                        vec![parse_quote!(#p += #one;)]
                    } else {
                        vec![parse_quote!(#p -= #one;)]
                    };
                }
                if self.global_root(x).is_some() {
                    return self.global_assign(
                        s,
                        x,
                        |p| {
                            if *inc {
                                parse_quote!(#p += #one;)
                            } else {
                                parse_quote!(#p -= #one;)
                            }
                        },
                        None,
                    );
                }
                let p = self.place(x);
                if *inc {
                    vec![parse_quote!(#p += #one;)]
                } else {
                    vec![parse_quote!(#p -= #one;)]
                }
            }
            StmtKind::Assign { lhs, op, rhs } => self.assign(s, lhs, *op, rhs),
            StmtKind::Decl(d) => self.local_decl(s, d),
            StmtKind::Return(values) => self.return_stmt(s, values),
            StmtKind::Block(b) => {
                let b = self.block(b);
                vec![syn::Stmt::Expr(
                    syn::Expr::Block(syn::ExprBlock {
                        attrs: vec![],
                        label: None,
                        block: b,
                    }),
                    None,
                )]
            }
            StmtKind::If { then, .. } if self.analysis.nil_guards.guards.contains_key(&s.id) => {
                // A nil guard of an optional borrow (see `nil_guards`): `let … else`.
                let p = self.analysis.nil_guards.guards[&s.id];
                let then_b = self.block(then);
                let id = self.var_name(p);
                self.narrowed.insert(p);
                vec![parse_quote!(let Some(#id) = #id else #then_b;)]
            }
            StmtKind::If { .. } => {
                let e = self.if_stmt(s);
                vec![syn::Stmt::Expr(e, None)]
            }
            StmtKind::For { .. }
            | StmtKind::Range { .. }
            | StmtKind::Switch { .. }
            | StmtKind::Select { .. } => self.breakable(s, None).unwrap_or_default(),
            StmtKind::Go(call) => self.go_stmt(s, call),
            StmtKind::Send { chan, value } => self.send_stmt(s, chan, value),
            StmtKind::Labeled { label, stmt } => self.labeled(s, label, stmt),
            StmtKind::Branch { kind, label } => self.branch(s, *kind, label.as_ref()),
            StmtKind::Defer(call) => self.defer_stmt(s, call),
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
            } => self.type_switch(s, init.as_deref(), bind.as_ref(), x, clauses),
            _ => self.unsupported_stmt(s, stmt_kind_name(&s.kind)),
        }
    }

    /// `switch v := x.(type) { … }` on an `interface{}` value → an `if` chain of downcasts.
    fn type_switch(
        &mut self,
        s: &Stmt,
        init: Option<&Stmt>,
        bind: Option<&Ident>,
        x: &Expr,
        clauses: &[TypeCaseClause],
    ) -> Vec<syn::Stmt> {
        let Some(xt) = self.type_of(x) else {
            return self.unsupported_stmt(s, "type switch");
        };
        if !self.is_empty_interface(xt) && !self.is_trait_iface(xt) {
            return self.unsupported_stmt(s, "type switch on this interface");
        }
        let trait_iface = self.is_trait_iface(xt);
        if !trait_iface {
            self.use_support("iface");
        }
        let mut out: Vec<syn::Stmt> = init.map(|i| self.stmt(i)).unwrap_or_default();
        let xv = self.value(x);
        out.push(parse_quote!(let x = #xv;));
        self.push_breakable(s, None, false, false);
        self.rust_scopes.push(RustScope::LabeledBlock);
        let mut branches: Vec<(Option<syn::Expr>, Vec<syn::Stmt>)> = Vec::new();
        // (The switched value, bound above.)
        let xe: syn::Expr = parse_quote!(x);
        for c in clauses {
            let mut conds: Vec<syn::Expr> = Vec::new();
            let mut single: Option<(TypeId, syn::Type)> = None;
            // A single interface-type case: the converted value to bind.
            let mut single_iface: Option<syn::Expr> = None;
            for t in &c.types {
                if self.is_untyped_nil(t) || matches!(&t.kind, ExprKind::Ident(n) if n == "nil") {
                    conds.push(parse_quote!(x.is_none()));
                    continue;
                }
                let Some(tt) = self.type_of(t).map(|tt| self.resolve(tt)) else {
                    return self.unsupported_stmt(s, "type switch case");
                };
                if self.is_interface(tt) {
                    let conv = if self.is_error(tt) && !trait_iface {
                        self.use_support("errors");
                        Some(parse_quote!(
                            crate::support::iface::downcast_error(&x).flatten()
                        ))
                    } else if self.is_std_stringer(tt) && !trait_iface {
                        Some(parse_quote!(crate::support::iface::as_stringer(&x)))
                    } else {
                        self.iface_to_iface(&xe, xt, tt)
                    };
                    let Some(conv) = conv else {
                        return self.unsupported_stmt(s, "type switch case of an interface type");
                    };
                    conds.push(parse_quote!(#conv.is_some()));
                    if c.types.len() == 1 {
                        single_iface = Some(conv);
                    }
                    continue;
                }
                let Some(rt) = self.rust_type(tt) else {
                    return self.unsupported_stmt(s, "type switch case of this type");
                };
                if trait_iface {
                    let Some(held) = self.dyn_type(tt) else {
                        return self.unsupported_stmt(s, "type switch case of this type");
                    };
                    conds.push(parse_quote!(x.as_ref().is_some_and(|v| v.as_any().is::<#held>())));
                } else if let Some(is) = self.is_named_value(&xe, tt) {
                    conds.push(is);
                } else {
                    conds.push(parse_quote!(crate::support::iface::is::<#rt>(&x)));
                }
                if c.types.len() == 1 {
                    single = Some((tt, rt));
                }
            }
            let mut body: Vec<syn::Stmt> = Vec::new();
            if let (Some(b), Some(&obj)) = (bind, self.info.implicits.get(&c.id)) {
                // Go binds the value in every clause; Rust only where the clause uses it.
                let used = c
                    .body
                    .iter()
                    .any(|s| crate::subslice::objects_used(self.info, s).contains(&obj));
                if !b.is_blank() && used {
                    let id = self.bind_local(obj, &b.name);
                    let m = if self.analysis.mutated.contains(&obj) {
                        quote::quote!(mut)
                    } else {
                        quote::quote!()
                    };
                    match &single {
                        _ if single_iface.is_some() => {
                            let conv = single_iface.clone();
                            body.push(parse_quote!(let #m #id = #conv;));
                        }
                        Some((tt, rt)) if trait_iface => {
                            let held = self.dyn_type(*tt).unwrap_or_else(|| rt.clone());
                            let unwrap = self.dyn_unwrap(*tt);
                            body.push(parse_quote!(let #m #id: #rt = x.as_ref().and_then(|v| v.as_any().downcast_ref::<#held>()#unwrap).cloned().unwrap();));
                        }
                        Some((tt, rt)) => {
                            let go = self.prog.type_string(*tt);
                            let v = self.assert_named(&xe, *tt).unwrap_or_else(
                                || parse_quote!(crate::support::iface::assert::<#rt>(&x, #go)),
                            );
                            body.push(parse_quote!(let #m #id: #rt = #v;));
                        }
                        None => body.push(parse_quote!(let #m #id = x.clone();)),
                    }
                }
            }
            body.extend(self.stmts(&c.body, None));
            let cond = if c.is_default {
                None
            } else if conds.is_empty() {
                Some(parse_quote!(false))
            } else {
                Some(parse_quote!(#(#conds)||*))
            };
            branches.push((cond, body));
        }
        self.rust_scopes.pop();
        let b = self.func.breakables.pop();
        // The default clause goes last in the chain.
        let default_body = branches
            .iter()
            .position(|(c, _)| c.is_none())
            .map(|i| branches.remove(i).1);
        let mut chain: Option<syn::Expr> = None;
        for (cond, body) in branches.into_iter().rev() {
            let cond = cond.unwrap_or_else(|| parse_quote!(true));
            chain = Some(match chain {
                None => match &default_body {
                    Some(d) => parse_quote!(if #cond { #(#body)* } else { #(#d)* }),
                    None => parse_quote!(if #cond { #(#body)* }),
                },
                Some(rest) => parse_quote!(if #cond { #(#body)* } else #rest),
            });
        }
        let chain = chain.unwrap_or_else(|| {
            let d = default_body.unwrap_or_default();
            parse_quote!({ #(#d)* })
        });
        match b.as_ref().and_then(Self::label_of) {
            Some(l) => out.push(parse_quote!(#l { #chain })),
            None => out.push(syn::Stmt::Expr(chain, None)),
        }
        vec![parse_quote!({ #(#out)* })]
    }

    /// `defer f(args)`: the arguments are evaluated now, the call runs when the function
    /// returns (`d.push(move || …)` on `with_defer`'s list).
    fn defer_stmt(&mut self, s: &Stmt, call: &Expr) -> Vec<syn::Stmt> {
        let call = strip_parens(call);
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &call.kind
        else {
            return self.unsupported_stmt(s, "defer");
        };
        let func = strip_parens(func);
        if let Some(st) = self.defer_sync_call(call) {
            return vec![st];
        }
        let mut out: Vec<syn::Stmt> = Vec::new();
        if let ExprKind::FuncLit { .. } = &func.kind {
            let Some(clo) = self.closure(func) else {
                return self.unsupported_stmt(s, "deferred function literal");
            };
            if args.is_empty() {
                out.push(parse_quote!(d.push(#clo);));
                return out;
            }
            let mut temps = Vec::new();
            let params = match self.type_of(func).map(|t| self.under(t).clone()) {
                Some(Type::Func(sig)) => sig.params,
                _ => return self.unsupported_stmt(s, "defer"),
            };
            for (i, (a, t)) in args.iter().zip(params).enumerate() {
                let v = self.value_as(a, t);
                let id = syn::Ident::new(&format!("a{i}"), proc_macro2::Span::call_site());
                out.push(parse_quote!(let #id = #v;));
                temps.push(id);
            }
            out.push(parse_quote!(let f = #clo;));
            out.push(parse_quote!(d.push(move || f(#(#temps),*));));
            return vec![parse_quote!({ #(#out)* })];
        }
        // A named function, builtin or standard-library call: arguments into temporaries.
        // A function value or a method's receiver is evaluated now too, as Go does.
        let mut callee_value: Option<&Expr> = None;
        let callee_ok = match &func.kind {
            ExprKind::Ident(_) => self.obj_of(func).is_some_and(|o| match self.obj(o).kind {
                ObjKind::Func { .. } | ObjKind::Builtin(_) => true,
                ObjKind::Var { .. } if matches!(self.under(self.obj(o).ty), Type::Func(_)) => {
                    callee_value = Some(func);
                    true
                }
                _ => false,
            }),
            ExprKind::Selector { x, .. } if matches!(self.mode_of(x), Some(Mode::Package)) => true,
            ExprKind::Selector { x, .. } => {
                let method = self
                    .info
                    .selections
                    .get(&func.id)
                    .filter(|sel| {
                        sel.kind == goxide_types::SelectionKind::MethodVal && sel.path.is_empty()
                    })
                    .map(|sel| sel.obj);
                let xt = self.type_of(x);
                let ok = method.is_some_and(|m| {
                    let ptr_recv = matches!(&self.obj(m).kind, ObjKind::Func { recv: Some(r) } if matches!(self.ty(*r), Type::Pointer(_)));
                    xt.is_some_and(|t| {
                        self.is_trait_iface(t)
                            || matches!(self.under(t), Type::Pointer(_))
                            || !ptr_recv
                    })
                });
                if ok {
                    callee_value = Some(x);
                }
                ok
            }
            // Any other function value (`defer f()()`, `defer fs[i](x)`): evaluated now.
            _ if !matches!(self.mode_of(func), Some(Mode::Type))
                && self
                    .type_of(func)
                    .is_some_and(|t| matches!(self.under(t), Type::Func(_))) =>
            {
                callee_value = Some(func);
                true
            }
            _ => false,
        };
        if !callee_ok {
            return self.unsupported_stmt(s, "defer of this call");
        }
        let mut callee_synth: Option<Expr> = None;
        if let Some(cv) = callee_value {
            let Some(t) = self.type_of(cv) else {
                return self.unsupported_stmt(s, "defer");
            };
            let v = self.value(cv);
            out.push(parse_quote!(let callee = #v;));
            // A method of a nil interface value panics at the `defer`, as in Go.
            if !std::ptr::eq(cv, func) && self.is_trait_iface(t) {
                self.use_support("rt");
                out.push(parse_quote!(if callee.is_none() {
                    crate::support::rt::nil_deref();
                }));
            }
            let nid = NodeId(u32::MAX - 150_000 - self.synthetic.len() as u32);
            self.synthetic.insert(nid, ("callee".to_string(), t));
            callee_synth = Some(Expr {
                id: nid,
                span: cv.span,
                kind: ExprKind::Ident("callee".into()),
            });
        }
        let Some(synth_args) = self.args_into_temps(args, &mut out) else {
            return self.unsupported_stmt(s, "defer");
        };
        let mut c = call.clone();
        if let ExprKind::Call { args, func, .. } = &mut c.kind {
            *args = synth_args;
            if let Some(cs) = callee_synth {
                let f = strip_parens(func).clone();
                **func = match f.kind {
                    // The selector keeps its id: the checker's selection is found by it.
                    ExprKind::Selector { sel, .. } => Expr {
                        id: f.id,
                        span: f.span,
                        kind: ExprKind::Selector {
                            x: Box::new(cs),
                            sel,
                        },
                    },
                    _ => cs,
                };
            }
        }
        let _ = ellipsis;
        let saved = self.stmt_call.replace(c.id);
        let body = self.borrowed(&c);
        self.stmt_call = saved;
        out.push(parse_quote!(d.push(move || { #body; });));
        if out.len() == 1 {
            return out;
        }
        vec![parse_quote!({ #(#out)* })]
    }

    /// Evaluates the non-constant arguments of a `defer`red or `go` call now, as Go does, into
    /// `let aN = …;` temporaries pushed on `out`, and returns the arguments with each evaluated
    /// one replaced by a synthetic name for its temporary. `None` when an argument has no type.
    pub(crate) fn args_into_temps(
        &mut self,
        args: &[Expr],
        out: &mut Vec<syn::Stmt>,
    ) -> Option<Vec<Expr>> {
        let mut synth_args = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let t = self.type_of(a)?;
            // (Constants and `nil` conversions have no effects: they stay in place.)
            if self.info.const_value(a.id).is_some()
                || self.is_untyped_nil(a)
                || self.is_nil_conversion(a)
            {
                synth_args.push(a.clone());
                continue;
            }
            let v = self.value(a);
            let name = format!("a{i}");
            let id = syn::Ident::new(&name, proc_macro2::Span::call_site());
            out.push(parse_quote!(let #id = #v;));
            let nid = NodeId(u32::MAX - 100_000 - self.synthetic.len() as u32);
            self.synthetic.insert(nid, (name.clone(), t));
            synth_args.push(Expr {
                id: nid,
                span: a.span,
                kind: ExprKind::Ident(name),
            });
        }
        Some(synth_args)
    }

    /// The stand-in for a statement that could not be translated: `todo!()`, and for each
    /// variable it declares, `let x: T = todo!();` so that later statements still compile.
    fn todo_stmt(&mut self, s: &Stmt) -> Vec<syn::Stmt> {
        let mut out: Vec<syn::Stmt> = Vec::new();
        let mut declared: Vec<(ObjId, Ident)> = Vec::new();
        match &s.kind {
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                ..
            } => {
                for l in lhs {
                    if let (Some(obj), ExprKind::Ident(n)) = (self.is_new_var(l), &l.kind) {
                        declared.push((
                            obj,
                            Ident {
                                id: l.id,
                                name: n.clone(),
                                span: l.span,
                            },
                        ));
                    }
                }
            }
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for spec in specs {
                    for n in &spec.names {
                        if let Some(&obj) = self.info.defs.get(&n.id) {
                            declared.push((obj, n.clone()));
                        }
                    }
                }
            }
            _ => {}
        }
        for (obj, n) in declared {
            if n.is_blank() {
                continue;
            }
            let t = self.obj(obj).ty;
            let id = self.bind_local(obj, &n.name);
            let boxed = self.analysis.boxed.contains(&obj);
            let mutable = self.analysis.mutated.contains(&obj);
            out.push(match (self.rust_type(t), boxed, mutable) {
                (Some(ty), true, _) => {
                    let ty = self.shared_cell_type(obj, ty);
                    parse_quote!(let #id: #ty = todo!();)
                }
                (Some(ty), false, true) => parse_quote!(let mut #id: #ty = todo!();),
                (Some(ty), false, false) => parse_quote!(let #id: #ty = todo!();),
                (None, _, _) => parse_quote!(let #id: () = todo!();),
            });
        }
        if out.is_empty() {
            out.push(parse_quote!(todo!();));
        }
        out
    }

    pub fn unsupported_stmt(&mut self, s: &Stmt, what: &str) -> Vec<syn::Stmt> {
        let snippet = self.snippet(s.span);
        self.marker(format!("unsupported: {what}: `{snippet}`"));
        vec![parse_quote!(todo!();)]
    }

    /// An expression used as a statement.
    fn expr_stmt_value(&mut self, e: &Expr) -> syn::Expr {
        if let Some(x) = self.unobserved_callers(e) {
            return x;
        }
        let saved = self.stmt_call.replace(strip_parens(e).id);
        let v = self.borrowed(e);
        self.stmt_call = saved;
        v
    }

    fn labeled(&mut self, _s: &Stmt, label: &Ident, stmt: &Stmt) -> Vec<syn::Stmt> {
        if let StmtKind::Empty = stmt.kind {
            return vec![];
        }
        match self.breakable(stmt, Some(label.name.clone())) {
            Some(out) => out,
            None => self.stmt(stmt),
        }
    }

    /// A loop or switch, with its Go label if it has one; `None` for other statements.
    fn breakable(&mut self, s: &Stmt, label: Option<String>) -> Option<Vec<syn::Stmt>> {
        Some(match &s.kind {
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_stmt(
                s,
                label,
                init.as_deref(),
                cond.as_ref(),
                post.as_deref(),
                body,
            ),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range_stmt(s, label, key.as_ref(), value.as_ref(), *define, x, body),
            StmtKind::Switch { init, tag, clauses } => {
                self.switch_stmt(s, label, init.as_deref(), tag.as_ref(), clauses)
            }
            StmtKind::Select { clauses } => self.select_stmt(s, label, clauses),
            _ => return None,
        })
    }

    fn branch(&mut self, s: &Stmt, kind: BranchKind, label: Option<&Ident>) -> Vec<syn::Stmt> {
        let is_continue = match kind {
            BranchKind::Break => false,
            BranchKind::Continue => true,
            BranchKind::Goto => {
                return match label.and_then(|l| self.goto_jump(&l.name)) {
                    Some(j) => vec![j],
                    None => self.unsupported_stmt(s, "goto"),
                };
            }
            BranchKind::Fallthrough => return self.unsupported_stmt(s, "fallthrough here"),
        };
        let target = self.func.breakables.iter().rposition(|b| match label {
            Some(l) => b.go_label.as_deref() == Some(l.name.as_str()),
            None => b.is_loop || !is_continue,
        });
        let Some(ti) = target else {
            return self.unsupported_stmt(s, "branch target");
        };
        let target_node = self.func.breakables[ti].stmt;
        if is_continue {
            if let Some(cl) = self.func.breakables[ti].continue_label.clone() {
                self.func.breakables[ti].continue_used = true;
                return vec![parse_quote!(break #cl;)];
            }
            // `continue` binds to the innermost Rust scope: a loop without intervening labeled blocks.
            if self.rust_scopes.last() == Some(&RustScope::Loop(target_node)) {
                return vec![parse_quote!(continue;)];
            }
            self.func.breakables[ti].break_used = true;
            let Some(l) = self.func.breakables[ti].break_label.clone() else {
                return self.unsupported_stmt(s, "continue");
            };
            return vec![parse_quote!(continue #l;)];
        }
        if self.func.breakables[ti].is_loop
            && self.rust_scopes.last() == Some(&RustScope::Loop(target_node))
        {
            return vec![parse_quote!(break;)];
        }
        self.func.breakables[ti].break_used = true;
        let Some(l) = self.func.breakables[ti].break_label.clone() else {
            return self.unsupported_stmt(s, "break");
        };
        vec![parse_quote!(break #l;)]
    }

    // ---- declarations -------------------------------------------------------------------

    /// `var a, b I = f()` where the declared type differs from a result's (an interface):
    /// the results are bound to temporaries, then each converted to the declared type.
    fn typed_multi_var(&mut self, spec: &goxide_ast::ast::VarSpec) -> Option<Vec<syn::Stmt>> {
        spec.ty.as_ref()?;
        let objs: Vec<Option<ObjId>> = spec
            .names
            .iter()
            .map(|n| self.info.defs.get(&n.id).copied())
            .collect();
        let t = self.obj(objs.iter().flatten().next().copied()?).ty;
        let Type::Tuple(results) = self.ty(self.type_of(spec.values.first()?)?).clone() else {
            return None;
        };
        if results.iter().all(|&r| r == t) || results.len() != spec.names.len() {
            return None;
        }
        let (bind, temps) = self.spread_call(&spec.values)?;
        let mut out = vec![bind];
        for ((n, obj), temp) in spec.names.iter().zip(objs).zip(&temps) {
            let v = self.value_as(temp, t);
            match obj {
                Some(obj) if !n.is_blank() => out.push(self.let_var(obj, n, v, Some(t))),
                _ => out.push(parse_quote!(let _ = #v;)),
            }
        }
        Some(out)
    }

    fn local_decl(&mut self, s: &Stmt, d: &Decl) -> Vec<syn::Stmt> {
        match &d.kind {
            DeclKind::Var(specs) => {
                let mut out = Vec::new();
                for spec in specs {
                    if spec.values.len() == spec.names.len() || spec.values.is_empty() {
                        for (i, n) in spec.names.iter().enumerate() {
                            let Some(obj) = self.info.defs.get(&n.id).copied() else {
                                continue;
                            };
                            if let Some(stmt) = self.nullable_decl(obj, n, spec.values.get(i)) {
                                out.push(stmt);
                                continue;
                            }
                            if let Some(stmt) = self.link_decl(obj, n, spec.values.get(i)) {
                                out.push(stmt);
                                continue;
                            }
                            if let Some(v) = spec.values.get(i) {
                                if let Some(stmts) = self.subslice_decl(obj, n, v) {
                                    out.extend(stmts);
                                    continue;
                                }
                                if let Some(stmt) = self.bytestr_decl(obj, n, v) {
                                    out.push(stmt);
                                    continue;
                                }
                                if let Some(stmt) = self.borrow_ptr_decl(obj, n, v) {
                                    out.push(stmt);
                                    continue;
                                }
                                if let Some(stmt) = self.owned_ptr_decl(obj, n, v) {
                                    out.push(stmt);
                                    continue;
                                }
                                self.copied_reslice_marker(obj, v);
                            }
                            let t = self.obj(obj).ty;
                            let init = match spec.values.get(i) {
                                Some(v) => self.value_as(v, t),
                                None => match self.zero_value(t) {
                                    Some(z) => z,
                                    None => {
                                        out.extend(
                                            self.unsupported_stmt(s, "variable of this type"),
                                        );
                                        continue;
                                    }
                                },
                            };
                            out.push(self.let_var(obj, n, init, Some(t)));
                        }
                    } else if let Some(stmts) = self.typed_multi_var(spec) {
                        out.extend(stmts);
                    } else {
                        let lhs: Vec<Expr> = spec
                            .names
                            .iter()
                            .map(|n| Expr {
                                id: n.id,
                                span: n.span,
                                kind: ExprKind::Ident(n.name.clone()),
                            })
                            .collect();
                        out.extend(self.assign(s, &lhs, AssignOp::Define, &spec.values));
                    }
                }
                out
            }
            DeclKind::Const(specs) => {
                let mut out = Vec::new();
                for spec in specs {
                    for n in &spec.names {
                        if let Some(item) = self.const_item(n) {
                            out.push(syn::Stmt::Item(item));
                        }
                    }
                }
                out
            }
            DeclKind::Type(specs) => {
                let mut out = Vec::new();
                for spec in specs {
                    let Some(&obj) = self.info.defs.get(&spec.name.id) else {
                        continue;
                    };
                    let items = self.type_decl(spec, obj, &d.doc);
                    let is_struct =
                        !spec.alias && matches!(self.under(self.obj(obj).ty), Type::Struct(_));
                    out.extend(items.into_iter().map(syn::Stmt::Item));
                    if is_struct {
                        self.use_support("fmt");
                        if let Some(imp) = self.format_impl(obj) {
                            out.push(syn::Stmt::Item(imp));
                            out.extend(self.frozen_ptr_format_impl(obj).map(syn::Stmt::Item));
                        }
                    }
                }
                out
            }
            DeclKind::Func(_) => self.unsupported_stmt(s, "local function"),
        }
    }

    /// `let [mut] x: T = init;` (or a shared cell for captured-and-mutated or address-taken
    /// variables).
    pub fn let_var(
        &mut self,
        obj: ObjId,
        name: &Ident,
        init: syn::Expr,
        ty: Option<TypeId>,
    ) -> syn::Stmt {
        if name.is_blank() {
            return parse_quote!(let _ = #init;);
        }
        let id = self.bind_local(obj, &name.name);
        let rty = ty.and_then(|t| self.rust_type(t));
        if self.analysis.boxed.contains(&obj) {
            let why = if self.analysis.address_taken.contains(&obj) {
                "its address is taken"
            } else {
                "a closure captures and mutates it"
            };
            let how = if self.analysis.go_shared.contains(&obj) {
                "between goroutines through Arc<RwLock<…>> (support::sync::Shared)"
            } else if self.thread_safe_cell(obj) {
                "through Arc<RwLock<…>> (support::sync::Shared; closures and pointers may cross threads in a program with goroutines)"
            } else {
                "through Rc<RefCell<…>>"
            };
            self.marker(format!(
                "ownership: `{}` is shared {how} because {why}",
                name.name
            ));
            let cell = self.shared_cell_new(obj, init);
            return match rty {
                Some(t) => {
                    let t = self.shared_cell_type(obj, t);
                    parse_quote!(let #id: #t = #cell;)
                }
                None => parse_quote!(let #id = #cell;),
            };
        }
        if let Some(&mutating) = self.analysis.local_closure_vars.get(&obj) {
            // A closure that borrows what it uses: its type has no name.
            return if mutating {
                parse_quote!(let mut #id = #init;)
            } else {
                parse_quote!(let #id = #init;)
            };
        }
        let mutable = self.analysis.mutated.contains(&obj);
        let mut init = init;
        if rty.is_none() && self.untranslatable_local(obj) && !is_todo(&init) {
            // Its initial value (`vec![]`) would leave Rust nothing to infer a type from.
            self.marker(format!(
                "unsupported: variable of a type goxide cannot translate yet: `{}` ({})",
                name.name,
                self.prog.type_string(self.obj(obj).ty)
            ));
            init = parse_quote!(todo!());
        }
        // A variable of a type with no Rust form, bound to a `todo!()`: every use of it is
        // unsupported too, except the clones that closures capture, which need a type.
        let untyped_todo =
            rty.is_none() && matches!(&init, syn::Expr::Macro(m) if m.mac.path.is_ident("todo"));
        let rty = if untyped_todo {
            Some(parse_quote!(()))
        } else {
            rty
        };
        let annotate = untyped_todo || ty.is_some_and(|t| self.needs_annotation(t, &init));
        match (mutable, annotate.then_some(rty).flatten()) {
            (true, Some(t)) => parse_quote!(let mut #id: #t = #init;),
            (true, None) => parse_quote!(let mut #id = #init;),
            (false, Some(t)) => parse_quote!(let #id: #t = #init;),
            (false, None) => parse_quote!(let #id = #init;),
        }
    }

    /// Whether `let x = init` needs `: T` for Rust to infer Go's type.
    fn needs_annotation(&self, t: TypeId, init: &syn::Expr) -> bool {
        let literalish = matches!(
            init,
            syn::Expr::Lit(_) | syn::Expr::Unary(_) | syn::Expr::Array(_) | syn::Expr::Repeat(_)
        ) || matches!(init, syn::Expr::Macro(m) if m.mac.path.is_ident("vec"))
            || matches!(init, syn::Expr::Path(p) if p.path.segments.len() == 2)
            || matches!(init, syn::Expr::Call(c) if matches!(&*c.func, syn::Expr::Path(p) if p.path.segments.last().is_some_and(|s| s.ident == "new" || s.ident == "from_fn") && p.path.segments.iter().all(|s| s.arguments.is_none())));
        // Rust infers everything else from the expression itself; annotating those keeps the
        // code short. Anything that could leave a type open (`None`, `Vec::new()`, literals,
        // `todo!()`) gets the Go type written out.
        let self_typed = matches!(
            init,
            syn::Expr::Struct(_)
                | syn::Expr::MethodCall(_)
                | syn::Expr::Binary(_)
                | syn::Expr::Index(_)
                | syn::Expr::Field(_)
        ) || matches!(init, syn::Expr::Macro(m) if m.mac.path.is_ident("format"))
            || matches!(init, syn::Expr::Call(c) if matches!(&*c.func, syn::Expr::Path(p) if p.path.segments.len() == 1 || p.path.segments.last().is_some_and(|s| s.ident == "from") || p.path.segments.iter().any(|s| !s.arguments.is_none())));
        let _ = t;
        literalish || !self_typed
    }

    /// Gives a local object its Rust name (snake case of the Go name). Names that differ from
    /// another local's or package-level name only in case (`U` and `u`) get a trailing `_`.
    /// A temporary named `base`, or `base_`… when a Go variable of the function has that Rust
    /// name (`t1, ok := g()` next to the temporaries of a tuple assignment).
    pub fn temp_name(&self, base: &str) -> syn::Ident {
        let mut n = base.to_string();
        while self.local_names.values().any(|r| *r == n) {
            n.push('_');
        }
        syn::Ident::new(&n, proc_macro2::Span::call_site())
    }

    pub fn bind_local(&mut self, obj: ObjId, go_name: &str) -> syn::Ident {
        let mut n = names::snake(go_name);
        while self
            .local_names
            .iter()
            .chain(&self.global_names)
            .any(|(&o, r)| *r == n && o != obj && self.obj(o).name != go_name)
            || (self.defer_name_reserved && n == "d")
        {
            n.push('_');
        }
        let id = names::ident(&n);
        self.local_names.insert(obj, n);
        id
    }

    // ---- assignment ---------------------------------------------------------------------

    fn is_new_var(&self, e: &Expr) -> Option<ObjId> {
        match &e.kind {
            ExprKind::Ident(_) => self.info.defs.get(&e.id).copied(),
            _ => None,
        }
    }

    fn assign(&mut self, s: &Stmt, lhs: &[Expr], op: AssignOp, rhs: &[Expr]) -> Vec<syn::Stmt> {
        if let AssignOp::Op(bop) = op {
            let ([l], [r]) = (lhs, rhs) else {
                return self.unsupported_stmt(s, "assignment");
            };
            return self.op_assign(s, l, bop, r);
        }
        if let ([l], [r]) = (lhs, rhs) {
            if self
                .obj_of(l)
                .is_some_and(|o| self.analysis.globals.write_only.contains(&o))
            {
                // A package variable nothing reads (see `globals`): only the value's effects.
                if self.is_untyped_nil(r) {
                    return Vec::new();
                }
                let v = self.for_effects(r);
                return vec![parse_quote!(let _ = #v;)];
            }
            if self.is_pkg_member(l, "runtime", "MemProfileRate") {
                // No memory profiler samples allocations here: the rate is evaluated, not kept.
                self.marker(
                    "semantics: runtime.MemProfileRate: there is no memory profiler; the setting is ignored".into(),
                );
                let v = self.value(r);
                return vec![parse_quote!(let _ = #v;)];
            }
        }
        if lhs.len() == rhs.len() {
            if lhs.len() == 1 {
                return self.assign_one(s, &lhs[0], &rhs[0], op == AssignOp::Define);
            }
            if op == AssignOp::Assign {
                if let Some(swap) = self.swap(lhs, rhs) {
                    return vec![swap];
                }
            }
            // `x, y := 1, f()` with no value naming a target: one assignment after another.
            if self.independent_targets(lhs, rhs) {
                return lhs
                    .iter()
                    .zip(rhs)
                    .flat_map(|(l, r)| self.assign_one(s, l, r, op == AssignOp::Define))
                    .collect();
            }
            // Plain local targets: one destructuring assignment, `(a, b) = (b, a + b);`.
            let types: Vec<Option<TypeId>> = lhs.iter().map(|l| self.type_of(l)).collect();
            if op == AssignOp::Assign && self.destructurable(lhs, false, &types) {
                let mut vals = Vec::new();
                for (r, t) in rhs.iter().zip(&types) {
                    vals.push(match t {
                        Some(t) => self.value_as(r, *t),
                        None => self.value(r),
                    });
                }
                let value: syn::Expr = parse_quote!((#(#vals),*));
                if let Some(stmts) = self.destructure_assign(lhs, false, &value, &types) {
                    return stmts;
                }
            }
            // Parallel assignment: index operands on the left and all right-hand sides are
            // evaluated first, then the assignments happen left to right.
            let mut pre: Vec<syn::Stmt> = Vec::new();
            let mut lhs: Vec<Expr> = lhs.to_vec();
            self.lhs_operands_first(&mut lhs, &mut pre);
            let lhs = &lhs[..];
            let mut out = Vec::new();
            let mut temps = Vec::new();
            for (i, (l, r)) in lhs.iter().zip(rhs).enumerate() {
                let t = self.type_of(l).or_else(|| self.type_of(r));
                let v = match t {
                    Some(t) => self.value_as(r, t),
                    None => self.value(r),
                };
                let tmp = self.temp_name(&format!("t{i}"));
                temps.push(tmp.clone());
                let _ = l;
                out.push((tmp, v));
            }
            let (names, vals): (Vec<_>, Vec<_>) = out.into_iter().unzip();
            let mut stmts: Vec<syn::Stmt> = pre;
            stmts.push(parse_quote!(let (#(#names),*) = (#(#vals),*);));
            for (l, tmp) in lhs.iter().zip(temps) {
                stmts.extend(self.store(s, l, parse_quote!(#tmp), op == AssignOp::Define));
            }
            return stmts;
        }
        if rhs.len() == 1 && lhs.len() > 1 {
            return self.assign_multi(s, lhs, &rhs[0], op == AssignOp::Define);
        }
        self.unsupported_stmt(s, "assignment")
    }

    /// Whether the range key `o` is a variable of its own that the loop body uses only as the
    /// index of a slice, array or string (`xs[i]`): it can stay the `usize` the range yields.
    fn index_only_key(&self, o: ObjId, body: &goxide_ast::ast::Block) -> bool {
        use goxide_ast::visit::Visitor;
        struct Uses<'c, 'a> {
            ctx: &'c Ctx<'a>,
            o: ObjId,
            ok: bool,
        }
        impl Visitor for Uses<'_, '_> {
            fn expr(&mut self, e: &Expr) -> bool {
                match &e.kind {
                    ExprKind::Index { x, indices } => {
                        let indexable =
                            self.ctx
                                .type_of(x)
                                .is_some_and(|t| match self.ctx.under(t) {
                                    Type::Slice(_) | Type::Array(..) => true,
                                    Type::Basic(k) => k.is_string(),
                                    _ => false,
                                });
                        if let [i] = indices.as_slice() {
                            let i = strip_parens(i);
                            if indexable
                                && matches!(i.kind, ExprKind::Ident(_))
                                && self.ctx.obj_of(i) == Some(self.o)
                            {
                                goxide_ast::visit::walk_expr(self, x);
                                return false;
                            }
                        }
                    }
                    ExprKind::Ident(_) if self.ctx.obj_of(e) == Some(self.o) => self.ok = false,
                    _ => {}
                }
                self.ok
            }
        }
        let an = &self.analysis;
        if o == ObjId(u32::MAX)
            || an.mutated.contains(&o)
            || an.boxed.contains(&o)
            || an.captured.contains(&o)
            || an.address_taken.contains(&o)
            || an.hoisted_range_vars.contains(&o)
        {
            return false;
        }
        let mut u = Uses {
            ctx: self,
            o,
            ok: true,
        };
        goxide_ast::visit::walk_block(&mut u, body);
        u.ok
    }

    /// Go evaluates the index operands and pointer indirections of a tuple assignment's left
    /// side before assigning anything: non-constant indices, and pointers that a call yields
    /// or that another target of the same assignment changes, go into temporaries first.
    fn lhs_operands_first(&mut self, lhs: &mut [Expr], pre: &mut Vec<syn::Stmt>) {
        let assigned: HashSet<ObjId> = lhs
            .iter()
            .filter(|l| matches!(l.kind, ExprKind::Ident(_)))
            .filter_map(|l| self.obj_of(l))
            .collect();
        for (n, l) in lhs.iter_mut().enumerate() {
            let base: &mut Expr = match &mut l.kind {
                ExprKind::Index { indices, .. } => {
                    let Some(ix) = indices.first_mut() else {
                        continue;
                    };
                    if self.info.const_value(ix.id).is_some() {
                        continue;
                    }
                    self.eval_into_temp(ix, &format!("i{n}"), pre);
                    continue;
                }
                ExprKind::Star(x) => x,
                ExprKind::Selector { .. } => match self.selector_pointer(l) {
                    Some(x) => x,
                    None => continue,
                },
                _ => continue,
            };
            let changed = matches!(strip_parens(base).kind, ExprKind::Ident(_))
                && self.obj_of(base).is_some_and(|o| assigned.contains(&o));
            if changed || crate::decl::contains_call(base) {
                self.eval_into_temp(base, &format!("p{n}"), pre);
            }
        }
    }

    /// `xs[len(xs)-1].y = v` / `xs[len(xs)-1]++`: an index of the assigned place that reads the
    /// slice it indexes is evaluated first (`let i0 = …; xs[i0].y = v;`), as Go evaluates the
    /// left side's index operands first and as Rust needs (the index may not read `xs` while
    /// `xs` is borrowed to be written).
    fn self_indexed_target(&mut self, s: &Stmt) -> Option<Vec<syn::Stmt>> {
        let mut s2 = s.clone();
        let l = match &mut s2.kind {
            StmtKind::IncDec { x, .. } => x,
            StmtKind::Assign { lhs, op, .. } if lhs.len() == 1 && *op != AssignOp::Define => {
                &mut lhs[0]
            }
            _ => return None,
        };
        let mut pre = Vec::new();
        self.hoist_self_indices(l, &mut pre);
        if pre.is_empty() {
            return None;
        }
        pre.extend(self.stmt(&s2));
        Some(vec![parse_quote!({ #(#pre)* })])
    }

    fn hoist_self_indices(&mut self, e: &mut Expr, pre: &mut Vec<syn::Stmt>) {
        match &mut e.kind {
            ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::Selector { x, .. } => {
                self.hoist_self_indices(x, pre)
            }
            ExprKind::Index { x, indices } => {
                self.hoist_self_indices(x, pre);
                let holds = self
                    .type_of(x)
                    .is_some_and(|t| matches!(self.under(t), Type::Slice(_) | Type::Array(..)));
                let root = root_ident(strip_parens(x)).and_then(|r| self.obj_of(r));
                let Some(ix) = indices.first_mut() else {
                    return;
                };
                if holds
                    && self.info.const_value(ix.id).is_none()
                    && root.is_some_and(|o| crate::subslice::mentions(self.info, ix, o))
                {
                    let name = format!("i{}", pre.len());
                    self.eval_into_temp(ix, &name, pre);
                }
            }
            _ => {}
        }
    }

    /// The pointer a selector chain goes through (`p` in `p.x.y` with `x` a struct field).
    fn selector_pointer<'e>(&self, mut cur: &'e mut Expr) -> Option<&'e mut Expr> {
        loop {
            let ExprKind::Selector { x, .. } = &mut cur.kind else {
                return None;
            };
            if self
                .type_of(x)
                .is_some_and(|t| matches!(self.under(t), Type::Pointer(_)))
            {
                return Some(&mut **x);
            }
            cur = x;
        }
    }

    /// Evaluates `e` into `let name = …;` on `pre` and replaces it with a synthetic name.
    fn eval_into_temp(&mut self, e: &mut Expr, name: &str, pre: &mut Vec<syn::Stmt>) {
        let Some(t) = self.type_of(e) else { return };
        let v = self.value(e);
        let id = syn::Ident::new(name, proc_macro2::Span::call_site());
        pre.push(parse_quote!(let #id = #v;));
        let nid = NodeId(u32::MAX - 200_000 - self.synthetic.len() as u32);
        self.synthetic.insert(nid, (name.to_string(), t));
        *e = Expr {
            id: nid,
            span: e.span,
            kind: ExprKind::Ident(name.to_string()),
        };
    }

    /// Stores an already-evaluated value into `l` (declaring it when new).
    pub(crate) fn store(
        &mut self,
        s: &Stmt,
        l: &Expr,
        v: syn::Expr,
        define: bool,
    ) -> Vec<syn::Stmt> {
        if let ExprKind::Ident(n) = &l.kind {
            if n == "_" {
                return vec![parse_quote!(let _ = #v;)];
            }
        }
        if define {
            if let Some(obj) = self.is_new_var(l) {
                let ExprKind::Ident(n) = &l.kind else {
                    return vec![];
                };
                let ident = Ident {
                    id: l.id,
                    name: n.clone(),
                    span: l.span,
                };
                if let Some(&writes) = self.analysis.ptr_params.owned.get(&obj) {
                    // An owned pointer bound from a constructor's results: the value (or
                    // `Option` of it) as the constructor returned it.
                    let id = self.bind_local(obj, n);
                    return vec![if writes || self.analysis.mutated.contains(&obj) {
                        parse_quote!(let mut #id = #v;)
                    } else {
                        parse_quote!(let #id = #v;)
                    }];
                }
                let t = self.obj(obj).ty;
                return vec![self.let_var(obj, &ident, v, Some(t))];
            }
        }
        if self.global_root(l).is_some() {
            // The value is computed before the variable's cell is borrowed for writing.
            let mut out: Vec<syn::Stmt> = vec![parse_quote!(let v = #v;)];
            out.extend(self.global_assign(s, l, |p| parse_quote!(#p = v;), None));
            return vec![parse_quote!({ #(#out)* })];
        }
        if let Some(st) = self.map_store(l, v.clone()) {
            return vec![st];
        }
        if let ExprKind::Selector { x, sel } = &strip_parens(l).kind {
            if self
                .type_of(x)
                .is_some_and(|t| crate::stdlib::std_handle(self.prog, t).is_some())
                && self
                    .info
                    .selections
                    .get(&strip_parens(l).id)
                    .is_some_and(|s| s.kind == goxide_types::SelectionKind::FieldVal)
            {
                // `e.Value = v` on a `*list.Element`, `r.Comma = ';'` on a `*csv.Reader`.
                let h = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
                let setter =
                    crate::names::ident(&format!("set_{}", crate::names::snake(&sel.name)));
                return vec![parse_quote!(#h.#setter(#v);)];
            }
        }
        let p = self.place(l);
        // A value read through a RefCell borrow is moved out first, so that the borrow ends
        // before the assignment (`n = n.next` on a linked list).
        if crate::expr::reads_cell(&v) {
            let tmp = crate::names::temp_not_in("value", &p);
            return vec![parse_quote!({
                let #tmp = #v;
                #p = #tmp;
            })];
        }
        vec![parse_quote!(#p = #v;)]
    }

    /// `m[k]` as a place for update: `*m.entry(k).or_default()`.
    fn map_entry(&mut self, l: &Expr) -> Option<syn::Expr> {
        let ExprKind::Index { x, indices } = &strip_parens(l).kind else {
            return None;
        };
        let Type::Map(kt, _) = self.type_of(x).map(|t| self.under(t).clone())? else {
            return None;
        };
        if self.global_root(x).is_some() {
            return None;
        }
        let k = self.value_as(indices.first()?, kt);
        let m = crate::expr::as_base(self.place(x));
        Some(parse_quote!(*#m.entry(#k).or_default()))
    }

    /// `m[k] = v` → `m.insert(k, v);`
    fn map_store(&mut self, l: &Expr, v: syn::Expr) -> Option<syn::Stmt> {
        let ExprKind::Index { x, indices } = &strip_parens(l).kind else {
            return None;
        };
        let Type::Map(kt, _) = self.type_of(x).map(|t| self.under(t).clone())? else {
            return None;
        };
        let k = self.value_as(indices.first()?, kt);
        if self.nil_map(x) {
            // Go evaluates the key and the value, then panics.
            self.use_support("rt");
            return Some(parse_quote!({
                let _ = (#k, #v);
                crate::support::rt::runtime_error("assignment to entry in nil map");
            }));
        }
        let m = crate::expr::as_base(self.place(x));
        if crate::expr::borrows_for_write(&m)
            && (crate::expr::reaches_cell(&k) || crate::expr::reaches_cell(&v))
        {
            // The key and the value are read before the map is borrowed for the write.
            let key = crate::names::temp_not_in("key", &quote::quote!(#m #k #v));
            let value = crate::names::temp_not_in("value", &quote::quote!(#m #k #v));
            return Some(parse_quote!({
                let #key = #k;
                let #value = #v;
                #m.insert(#key, #value);
            }));
        }
        Some(parse_quote!(#m.insert(#k, #v);))
    }

    /// Whether `m` is a map variable that is still nil (declared without a value and never
    /// assigned): writing to it panics as in Go.
    fn nil_map(&self, m: &Expr) -> bool {
        let m = strip_parens(m);
        if let ExprKind::Selector { .. } = &m.kind {
            // A map field that nothing in the package ever sets (no assignment, no composite
            // literal, no address taken) is nil in every value; in `package main` no other
            // package can set it either.
            return self.prog.pkg(self.pkg).name == "main"
                && self.info.selections.get(&m.id).is_some_and(|sel| {
                    sel.kind == goxide_types::SelectionKind::FieldVal
                        && !self.analysis.assigned_fields.contains(&sel.obj)
                });
        }
        matches!(m.kind, ExprKind::Ident(_))
            && self.obj_of(m).is_some_and(|o| {
                self.analysis.zero_declared.contains(&o)
                    && !self.analysis.whole_assigned.contains(&o)
                    && !self.analysis.address_taken.contains(&o)
                    && !self.analysis.captured.contains(&o)
                    && matches!(self.obj(o).kind, ObjKind::Var { global: false, .. })
            })
    }

    fn assign_one(&mut self, s: &Stmt, l: &Expr, r: &Expr, define: bool) -> Vec<syn::Stmt> {
        if define {
            if let (ExprKind::Ident(n), Some(&x)) = (&l.kind, self.info.defs.get(&l.id)) {
                let name = Ident {
                    id: l.id,
                    span: l.span,
                    name: n.clone(),
                };
                if let Some(stmts) = self.subslice_decl(x, &name, r) {
                    return stmts;
                }
                if let Some((id, lookup)) =
                    self.map_value_lookup(s, crate::owned_elems::MapLocal::Plain)
                {
                    // `v := m[k]` of a map holding its values: `None` for a missing key (see
                    // `map_values`).
                    let written = self.analysis.owned_elems.elem_locals.get(&x) == Some(&true);
                    return vec![if written {
                        parse_quote!(let mut #id = #lookup;)
                    } else {
                        parse_quote!(let #id = #lookup;)
                    }];
                }
                if let Some(&written) = self.analysis.owned_elems.elem_locals.get(&x) {
                    // `p := s[i]` of a slice holding its values: a borrow of the element.
                    let place = crate::expr::as_base(self.place(r));
                    let id = self.bind_local(x, &name.name);
                    return vec![if written {
                        parse_quote!(let #id = &mut #place;)
                    } else {
                        parse_quote!(let #id = &#place;)
                    }];
                }
                if let Some(stmt) = self.bytestr_decl(x, &name, r) {
                    return vec![stmt];
                }
                if let Some(stmt) = self.borrow_ptr_decl(x, &name, r) {
                    return vec![stmt];
                }
                if let Some(stmt) = self.nullable_decl(x, &name, Some(r)) {
                    return vec![stmt];
                }
                if let Some(stmt) = self.link_decl(x, &name, Some(r)) {
                    return vec![stmt];
                }
                if let Some(stmt) = self.owned_ptr_decl(x, &name, r) {
                    return vec![stmt];
                }
            }
        } else if let Some(stmt) = self.nullable_assign(l, r) {
            return vec![stmt];
        } else if let Some(stmt) = self.link_assign(l, r) {
            return vec![stmt];
        }
        if let Some(x) = self.obj_of(strip_parens(l)) {
            self.copied_reslice_marker(x, r);
            self.struct_copy_marker(x, r);
        }
        // `x.f = a` of a slice or map: see `field_shares`.
        if let Some(sel) = self
            .info
            .selections
            .get(&strip_parens(l).id)
            .filter(|s| s.kind == goxide_types::SelectionKind::FieldVal)
        {
            let field = sel.obj;
            self.field_copy_marker(r, &[field], false);
        }
        // s = append(s, …) → s.push(…)
        if let Some(stmts) = self.append_in_place(l, r) {
            return stmts;
        }
        // s = s[:0] → s.clear()
        if let Some(stmt) = self.reslice_in_place(l, r) {
            return vec![stmt];
        }
        // s = slices.Delete(s, i, j) → s.drain(…)
        if let Some(stmts) = self.slices_assign_in_place(l, r) {
            return stmts;
        }
        // `_ = &x.f[i]`: the place is evaluated (bounds and nil checks) and the pointer dropped.
        if matches!(&l.kind, ExprKind::Ident(n) if n == "_") {
            // `_ = p` of a pointer held as a value or a reference: nothing to copy.
            if let Some(o) = self
                .obj_of(strip_parens(r))
                .filter(|_| self.is_self_ptr(r) || self.is_nullable(r))
            {
                let id = self.var_name(o);
                return vec![parse_quote!(let _ = &#id;)];
            }
            if let ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } = &strip_parens(r).kind
            {
                if matches!(
                    strip_parens(x).kind,
                    ExprKind::Index { .. } | ExprKind::Selector { .. }
                ) && self.address_of_part(x).is_none()
                {
                    let p = crate::expr::as_base(self.borrowed(x));
                    return vec![parse_quote!(let _ = &#p;)];
                }
            }
        }
        let blank = matches!(&l.kind, ExprKind::Ident(n) if n == "_");
        let t = if blank {
            self.type_of(r)
        } else {
            self.type_of(l).or_else(|| self.type_of(r))
        };
        let mut v = match t {
            Some(t) => self.value_as(r, t),
            None => self.value(r),
        };
        if blank {
            // `_ = x` of a variable: nothing to copy (`let _ = &x;`).
            if let syn::Expr::MethodCall(m) = &v {
                if m.method == "clone"
                    && m.args.is_empty()
                    && matches!(*m.receiver, syn::Expr::Path(_))
                {
                    let p = &m.receiver;
                    return vec![parse_quote!(let _ = &#p;)];
                }
            }
            // `_ = make(map[K]V)`: nothing else says the type of `let _ = HashMap::new();`.
            if let Some(ty) = t.and_then(|t| self.rust_type(t)) {
                v = crate::builtins::typed_value(v, ty);
            }
        }
        self.store(s, l, v, define)
    }

    fn append_in_place(&mut self, l: &Expr, r: &Expr) -> Option<Vec<syn::Stmt>> {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &r.kind
        else {
            return None;
        };
        let ExprKind::Ident(name) = &strip_parens(func).kind else {
            return None;
        };
        if name != "append" || !matches!(self.mode_of(strip_parens(func)), Some(Mode::Builtin)) {
            return None;
        }
        let first = args.first()?;
        // (`x[i] = append(x[i], v)` too, when no item names `x`.)
        let same_elem = crate::owned_elems::same_path(l, first)
            && root_ident(strip_parens(first))
                .and_then(|r| self.obj_of(r))
                .is_some_and(|o| {
                    !args[1..]
                        .iter()
                        .any(|a| crate::subslice::mentions(self.info, a, o))
                });
        if !same_place(l, first) && !same_elem && !self.same_map_entry(l, first, &args[1..]) {
            return None;
        }
        if let Some(root) = self.global_root(l) {
            return self.append_in_global(l, r, root, &args[1..], *ellipsis);
        }
        let st = self.type_of(r)?;
        // `s = append(s, s...)`: the vector copies its own elements (`extend_from_within`);
        // other items naming `s` are read before the push, through the general form.
        if let (true, Some(src)) = (*ellipsis, args.get(1)) {
            if same_place(src, first) && !self.type_of(src).is_some_and(|t| self.is_string(t)) {
                let target = self.place(l);
                return Some(vec![parse_quote!(#target.extend_from_within(..);)]);
            }
            let root = root_ident(strip_parens(first)).and_then(|r| self.obj_of(r));
            if root.is_some_and(|o| crate::subslice::mentions(self.info, src, o)) {
                return None;
            }
        }
        let target = self.place(l);
        // Through a cell (`s.borrow_mut().push(…)`), items that read a cell are evaluated
        // first: `s` (or an alias of it) cannot be read while it is borrowed for the push.
        if !*ellipsis && crate::expr::reaches_cell(&target) {
            let et = match self.under(st) {
                Type::Slice(et) => *et,
                _ => st,
            };
            let items: Vec<syn::Expr> = args[1..].iter().map(|a| self.value_as(a, et)).collect();
            if items.iter().any(crate::expr::reaches_cell) {
                let base = crate::names::temp_not_in("item", &quote::quote!(#(#items)*));
                let names: Vec<syn::Ident> = if items.len() == 1 {
                    vec![base]
                } else {
                    (0..items.len())
                        .map(|i| quote::format_ident!("{base}{i}"))
                        .collect()
                };
                let extend = match names.as_slice() {
                    [one] => rewrite_receiver(parse_quote!(v.push(#one);), &target),
                    _ => rewrite_receiver(parse_quote!(v.extend([#(#names),*]);), &target),
                };
                return Some(vec![parse_quote!({
                    #(let #names = #items;)*
                    #extend
                })]);
            }
        }
        let pushes = self.append_items(r, st, &args[1..], *ellipsis);
        // `v.push(x);` → `target.push(x);`
        let out = pushes
            .into_iter()
            .map(|p| rewrite_receiver(p, &target))
            .collect();
        Some(out)
    }

    /// `s = s[:0]` of a local slice variable held as a `Vec` (no cell, no borrow):
    /// `s.clear();`.
    fn reslice_in_place(&mut self, l: &Expr, r: &Expr) -> Option<syn::Stmt> {
        let ExprKind::Slice {
            x,
            lo,
            hi,
            max: None,
            three: false,
        } = &strip_parens(r).kind
        else {
            return None;
        };
        let (l, x) = (strip_parens(l), strip_parens(x));
        if !matches!(l.kind, ExprKind::Ident(_)) || !same_place(l, x) {
            return None;
        }
        let o = self.obj_of(l)?;
        let an = &self.analysis;
        let plain_vec = self.plain_local(o)
            && matches!(self.under(self.obj(o).ty), Type::Slice(_))
            && !an.slice_params.contains_key(&o)
            && !an.subslices.contains_key(&o)
            && !an.bytestrs.contains(&o);
        if !plain_vec {
            return None;
        }
        let v = self.place(l);
        match (lo.as_deref(), hi.as_deref()) {
            (lo, Some(h))
                if lo.is_none_or(|lo| self.is_const_zero(lo)) && self.is_const_zero(h) =>
            {
                Some(parse_quote!(#v.clear();))
            }
            // (`s = s[i:]` stays a copy: `drain` would panic with another text than Go's.)
            _ => None,
        }
    }

    /// `m[k] = append(m[k], items…)` with `k` a variable or a constant: the entry is pushed to
    /// in place (`m.entry(k).or_default().push(…)`), when the items do not name the map.
    fn same_map_entry(&self, l: &Expr, first: &Expr, items: &[Expr]) -> bool {
        let (ExprKind::Index { x: lx, indices: li }, ExprKind::Index { x: fx, indices: fi }) =
            (&strip_parens(l).kind, &strip_parens(first).kind)
        else {
            return false;
        };
        let ([lk], [fk]) = (li.as_slice(), fi.as_slice()) else {
            return false;
        };
        let same_key = match (&lk.kind, &fk.kind) {
            (ExprKind::Ident(a), ExprKind::Ident(b)) => {
                a == b && self.obj_of(lk).is_some() && self.obj_of(lk) == self.obj_of(fk)
            }
            _ => {
                let (a, b) = (self.info.const_value(lk.id), self.info.const_value(fk.id));
                a.is_some() && a == b
            }
        };
        let is_map = self
            .type_of(lx)
            .is_some_and(|t| matches!(self.under(t), Type::Map(..)));
        let root = root_ident(lx).and_then(|r| self.obj_of(r));
        is_map
            && same_key
            && same_place(lx, fx)
            && root.is_some_and(|r| {
                !items
                    .iter()
                    .any(|a| crate::subslice::mentions(self.info, a, r))
            })
    }

    /// `x = append(x, …)` of a package variable: pushed inside its cell,
    /// `X.with_borrow_mut(|g| g.push(…))`, when the items neither name `x` nor call anything
    /// (which could read it while the cell is borrowed) nor receive from a channel.
    fn append_in_global(
        &mut self,
        l: &Expr,
        r: &Expr,
        root: ObjId,
        items: &[Expr],
        ellipsis: bool,
    ) -> Option<Vec<syn::Stmt>> {
        let gid = self.var_name(root);
        let risky = items
            .iter()
            .any(|a| crate::subslice::mentions(self.info, a, root) || self.calls_or_receives(a));
        if risky || self.boxed_global(&gid) || self.rust_type(self.obj(root).ty).is_none() {
            return None;
        }
        let st = self.type_of(r)?;
        let prev = self.global_override.replace(root);
        let target = self.place(l);
        let pushes = self.append_items(r, st, items, ellipsis);
        self.global_override = prev;
        let pushes: Vec<syn::Stmt> = pushes
            .into_iter()
            .map(|p| rewrite_receiver(p, &target))
            .collect();
        Some(vec![
            parse_quote!(#gid.with_borrow_mut(|g| { #(#pushes)* });),
        ])
    }

    /// Whether evaluating `e` calls a function (conversions and builtins aside) or receives
    /// from a channel.
    fn calls_or_receives(&self, e: &Expr) -> bool {
        struct Finder<'a, 'b>(&'a Ctx<'b>, bool);
        impl goxide_ast::visit::Visitor for Finder<'_, '_> {
            fn expr(&mut self, e: &Expr) -> bool {
                match &e.kind {
                    ExprKind::Call { func, .. }
                        if !matches!(
                            self.0.mode_of(strip_parens(func)),
                            Some(Mode::Type | Mode::Builtin)
                        ) =>
                    {
                        self.1 = true;
                    }
                    ExprKind::Unary {
                        op: UnaryOp::Recv, ..
                    } => self.1 = true,
                    // A function literal's body runs when it is called.
                    ExprKind::FuncLit { .. } => return false,
                    _ => {}
                }
                !self.1
            }
        }
        let mut f = Finder(self, false);
        goxide_ast::visit::walk_expr(&mut f, e);
        f.1
    }

    /// `a, b := f()`, `v, ok := m[k]`.
    fn assign_multi(&mut self, s: &Stmt, lhs: &[Expr], r: &Expr, define: bool) -> Vec<syn::Stmt> {
        let mut pre: Vec<syn::Stmt> = Vec::new();
        let mut lhs_first: Vec<Expr>;
        let mut lhs = lhs;
        if !define {
            lhs_first = lhs.to_vec();
            self.lhs_operands_first(&mut lhs_first, &mut pre);
            if !pre.is_empty() {
                lhs = &lhs_first[..];
            }
        }
        if !pre.is_empty() {
            let mut rest = self.assign_multi_now(s, lhs, r, define);
            pre.append(&mut rest);
            return vec![parse_quote!({ #(#pre)* })];
        }
        self.assign_multi_now(s, lhs, r, define)
    }

    fn assign_multi_now(
        &mut self,
        s: &Stmt,
        lhs: &[Expr],
        r: &Expr,
        define: bool,
    ) -> Vec<syn::Stmt> {
        match self.multi_value(r, lhs.len()) {
            Ok(value) => {
                let value = self.ctor_results_kept(lhs, r, value);
                // The Go types of the values: a call's results, or `(v, ok)`.
                let types: Vec<Option<TypeId>> = match self.type_of(r).map(|t| self.ty(t)) {
                    Some(Type::Tuple(ts)) => ts.iter().copied().map(Some).collect(),
                    _ => vec![
                        self.type_of(r),
                        Some(self.prog.types.basic(goxide_types::BasicKind::Bool)),
                    ],
                };
                self.finish_assign_multi(s, lhs, define, value, &types)
            }
            Err(kind) => self.unsupported_stmt(s, kind),
        }
    }

    /// The tuple a multi-value expression yields: a call's results, or `(v, ok)` of a map
    /// index, type assertion or receive with `n == 2`; `Err` names what is unsupported.
    pub fn multi_value(&mut self, r: &Expr, n: usize) -> Result<syn::Expr, &'static str> {
        Ok(match (&strip_parens(r).kind, self.mode_of(r)) {
            (ExprKind::Index { x, indices }, _) if n == 2 => {
                let Some(Type::Map(kt, vt)) = self.type_of(x).map(|t| self.under(t).clone()) else {
                    return Err("comma-ok form");
                };
                let Some(z) = self.zero_value(vt) else {
                    return Err("comma-ok of this type");
                };
                let Some(k) = indices.first() else {
                    return Err("comma-ok");
                };
                if self.in_read_only_table(x) {
                    // A read-only table: looked up in place, not copied first.
                    let found = self.through_global(x, |ctx| {
                        let m = crate::expr::as_base(ctx.borrowed(x));
                        let k = ctx.map_key_ref(k, kt);
                        parse_quote!(#m.get(#k).cloned())
                    });
                    return Ok(parse_quote!(match #found {
                        Some(v) => (v, true),
                        None => (#z, false),
                    }));
                }
                let m = crate::expr::as_base(self.borrowed(x));
                let k = self.map_key_ref(k, kt);
                parse_quote!(match #m.get(#k) {
                    Some(v) => (v.clone(), true),
                    None => (#z, false),
                })
            }
            (ExprKind::TypeAssert { x, ty: Some(_) }, _)
                if n == 2
                    && self.type_of(r).is_some_and(|t| self.is_error(t))
                    && self.type_of(x).is_some_and(|t| self.is_empty_interface(t)) =>
            {
                let v = self.borrowed(x);
                self.use_support("iface");
                self.use_support("errors");
                parse_quote!(match crate::support::iface::downcast_error(&#v) {
                    Some(e) => (e, true),
                    None => (None, false),
                })
            }
            (ExprKind::TypeAssert { x, ty: Some(_) }, _) if n == 2 => {
                let (Some(xt), Some(t)) = (self.type_of(x), self.type_of(r)) else {
                    return Err("type assertion");
                };
                if self.is_empty_interface(t) && self.is_trait_iface(xt) {
                    // `x.(any)`: the dynamic value, unless `x` is nil.
                    let v = self.borrowed(x);
                    let Some(conv) = self.trait_to_any(&v, xt) else {
                        return Err("type assertion to an interface type");
                    };
                    return Ok(parse_quote!({
                        let v = #conv;
                        let ok = v.is_some();
                        (v, ok)
                    }));
                }
                if self.is_std_stringer(t) && self.is_empty_interface(xt) {
                    let v = self.borrowed(x);
                    self.use_support("iface");
                    return Ok(parse_quote!({
                        let v = crate::support::iface::as_stringer(&#v);
                        let ok = v.is_some();
                        (v, ok)
                    }));
                }
                if self.is_interface(t) {
                    let v = self.borrowed(x);
                    let Some(conv) = self.iface_to_iface(&v, xt, t) else {
                        return Err("type assertion to an interface type");
                    };
                    return Ok(parse_quote!(match #conv {
                        Some(v) => (Some(v), true),
                        None => (None, false),
                    }));
                }
                let (Some(rt), Some(z)) = (self.rust_type(t), self.zero_value(t)) else {
                    return Err("type assertion to this type");
                };
                let v = self.borrowed(x);
                let named = self
                    .is_empty_interface(xt)
                    .then(|| self.downcast_named(&v, t))
                    .flatten();
                let Some(d) = named.or_else(|| self.downcast_expr(&v, xt, t)) else {
                    return Err("type assertion");
                };
                // A nil function is a closure: it becomes an `Rc<dyn Fn…>` by coercion.
                let z: syn::Expr = if matches!(self.under(t), Type::Func(_)) {
                    parse_quote!({
                        let nil: #rt = #z;
                        nil
                    })
                } else {
                    z
                };
                parse_quote!(match #d {
                    Some(v) => (v, true),
                    None => (#z, false),
                })
            }
            (ExprKind::Call { .. }, _) => self.borrowed(r),
            (
                ExprKind::Unary {
                    op: UnaryOp::Recv,
                    x,
                },
                _,
            ) if n == 2 => match self.chan_recv_ok(x) {
                Some(v) => v,
                None => return Err("receive from a channel of this type"),
            },
            _ => return Err("multi-value assignment"),
        })
    }

    /// Binds the parts of a tuple value `value` to `lhs` (declaring new variables with `:=`).
    fn finish_assign_multi(
        &mut self,
        s: &Stmt,
        lhs: &[Expr],
        define: bool,
        value: syn::Expr,
        types: &[Option<TypeId>],
    ) -> Vec<syn::Stmt> {
        // All new plain variables: destructure directly.
        let all_new = define
            && lhs.iter().all(|l| {
                self.is_new_var(l).is_some() || matches!(&l.kind, ExprKind::Ident(n) if n == "_")
            });
        if all_new
            && lhs.iter().all(|l| {
                self.is_new_var(l)
                    .is_none_or(|o| !self.analysis.boxed.contains(&o))
            })
        {
            let mut pats = Vec::new();
            for l in lhs {
                match self.is_new_var(l) {
                    Some(obj) => {
                        let ExprKind::Ident(n) = &l.kind else {
                            continue;
                        };
                        let id = self.bind_local(obj, n);
                        if self.analysis.mutated.contains(&obj)
                            || self.analysis.ptr_params.owned.get(&obj) == Some(&true)
                        {
                            pats.push(quote::quote!(mut #id));
                        } else {
                            pats.push(quote::quote!(#id));
                        }
                    }
                    None => pats.push(quote::quote!(_)),
                }
            }
            // `_, ok := m[k]`: only the presence, `let ok = m.contains_key(k);`.
            if let ([first, second], Some(present)) = (&pats[..], map_presence(&value)) {
                if first.to_string() == "_" {
                    return vec![parse_quote!(let #second = #present;)];
                }
            }
            return vec![parse_quote!(let (#(#pats),*) = #value;)];
        }
        if let Some(stmts) = self.destructure_assign(lhs, define, &value, types) {
            return stmts;
        }
        let temps: Vec<syn::Ident> = (0..lhs.len())
            .map(|i| self.temp_name(&format!("t{i}")))
            .collect();
        let blank = |l: &Expr| matches!(&l.kind, ExprKind::Ident(n) if n == "_");
        let pats = lhs.iter().zip(&temps).map(|(l, t)| -> syn::Pat {
            if blank(l) {
                parse_quote!(_)
            } else {
                parse_quote!(#t)
            }
        });
        let mut out: Vec<syn::Stmt> = vec![parse_quote!(let (#(#pats),*) = #value;)];
        for (i, (l, t)) in lhs.iter().zip(&temps).enumerate() {
            if blank(l) {
                continue;
            }
            let mut v: syn::Expr = parse_quote!(#t);
            // `i, ok = <-c` into interface variables: each value is converted.
            if let (Some(lt), Some(Some(rt))) = (self.type_of(l), types.get(i)) {
                if self.is_interface(lt) && !self.is_interface(*rt) {
                    let x = self.synthetic_expr(&t.to_string(), *rt, l.span);
                    v = self.value_as(&x, lt);
                }
            }
            out.extend(self.store(s, l, v, define));
        }
        out
    }

    fn op_assign(&mut self, s: &Stmt, l: &Expr, op: BinaryOp, r: &Expr) -> Vec<syn::Stmt> {
        let Some(lt) = self.type_of(l) else {
            return self.unsupported_stmt(s, "assignment");
        };
        if self.is_string(lt) && op == BinaryOp::Add {
            let arg: syn::Expr = match self.const_str(r) {
                Some(lit) => parse_quote!(#lit),
                None => {
                    let v = self.borrowed(r);
                    parse_quote!(&#v)
                }
            };
            if self.global_root(l).is_some() {
                let mut out: Vec<syn::Stmt> = vec![parse_quote!(let v = String::from(#arg);)];
                out.extend(self.global_assign(s, l, |p| parse_quote!(#p.push_str(&v);), None));
                return vec![parse_quote!({ #(#out)* })];
            }
            let p = crate::expr::as_base(self.place(l));
            if let Some(v) = operand_reads_place(&p, &arg) {
                // `s += s` or `m[k] += m[j]`: the operand reads what the place borrows for
                // writing, so it is copied out first.
                let owned = self.value_as(r, lt);
                return vec![parse_quote!({
                    let #v = #owned;
                    #p.push_str(&#v);
                })];
            }
            return vec![parse_quote!(#p.push_str(#arg);)];
        }
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            // x <<= n  →  x = x << n (with Go's semantics for large counts).
            let k = self.basic(lt);
            let bits = k.and_then(|k| k.bits()).unwrap_or(64) as u64;
            let v = self.value(r);
            let small = matches!(self.info.const_value(r.id), Some(goxide_types::ConstValue::Int(n)) if u64::try_from(n.clone()).is_ok_and(|n| n < bits));
            if !small {
                {
                    self.use_support("rt");
                    let f: syn::Expr = if op == BinaryOp::Shl {
                        parse_quote!(crate::support::rt::shl)
                    } else {
                        parse_quote!(crate::support::rt::shr)
                    };
                    let v = paren_if_needed(v);
                    if self.global_root(l).is_some() {
                        return self.global_assign(
                            s,
                            l,
                            |p| parse_quote!(#p = #f(#p, #v as u64);),
                            None,
                        );
                    }
                    let p = self.place(l);
                    let cur = self.value(l);
                    return vec![parse_quote!(#p = #f(#cur, #v as u64);)];
                }
            }
            if self.global_root(l).is_some() {
                return self.global_assign(
                    s,
                    l,
                    |p| {
                        if op == BinaryOp::Shl {
                            parse_quote!(#p <<= #v;)
                        } else {
                            parse_quote!(#p >>= #v;)
                        }
                    },
                    None,
                );
            }
            let p = self.place(l);
            return if op == BinaryOp::Shl {
                vec![parse_quote!(#p <<= #v;)]
            } else {
                vec![parse_quote!(#p >>= #v;)]
            };
        }
        let raw = self.value_as(r, lt);
        let v = paren_if_needed(raw.clone());
        if self.basic(lt) == Some(goxide_types::BasicKind::Complex64)
            && self.global_root(l).is_none()
            && matches!(
                op,
                BinaryOp::Add | BinaryOp::Sub | BinaryOp::Mul | BinaryOp::Div
            )
        {
            // `complex64` results are rounded to `f32` parts.
            let p = self.place(l);
            let cur = paren_if_needed(self.value(l));
            let v: syn::Expr = match op {
                BinaryOp::Add => parse_quote!(#cur + #v),
                BinaryOp::Sub => parse_quote!(#cur - #v),
                BinaryOp::Mul => parse_quote!(#cur * #v),
                _ => parse_quote!(#cur / #v),
            };
            return vec![parse_quote!(#p = (#v).to_complex64();)];
        }
        if matches!(op, BinaryOp::Div | BinaryOp::Rem)
            && self.needs_go_division(l, r)
            && self.global_root(l).is_none()
        {
            self.use_support("rt");
            let f: syn::Expr = if op == BinaryOp::Div {
                parse_quote!(crate::support::rt::div)
            } else {
                parse_quote!(crate::support::rt::rem)
            };
            if let Some(p) = self.map_entry(l) {
                return vec![parse_quote!(#p = #f(#p, #v);)];
            }
            let p = self.place(l);
            let cur = self.value(l);
            return vec![parse_quote!(#p = #f(#cur, #v);)];
        }
        let build = move |p: syn::Expr| compound_assign(op, p, &v);
        if self.global_root(l).is_some() {
            // The operand is computed before the variable's cell is borrowed for writing.
            let vv = raw;
            let build = move |p: syn::Expr| compound_assign(op, p, &parse_quote!(v));
            let mut out: Vec<syn::Stmt> = vec![parse_quote!(let v = #vv;)];
            out.extend(self.global_assign(s, l, build, None));
            return vec![parse_quote!({ #(#out)* })];
        }
        if let ExprKind::Index { x, indices } = &strip_parens(l).kind {
            if let Some(Type::Map(kt, _)) = self.type_of(x).map(|t| self.under(t).clone()) {
                let Some(k) = indices.first().map(|k| self.value_as(k, kt)) else {
                    return self.unsupported_stmt(s, "map update");
                };
                let m = crate::expr::as_base(self.place(x));
                let entry: syn::Expr = parse_quote!(*#m.entry(#k).or_default());
                // `m[k] *= f(m[k])` on a non-primitive value (a complex number): the operand
                // reads the map, so it is computed before the entry borrows the map for
                // writing. (Rust computes a primitive `+=`'s operand first by itself.)
                let primitive = self.basic(lt).is_some_and(|k| !k.is_complex());
                if let Some(v) = operand_reads_place(&m, &raw).filter(|_| !primitive) {
                    let st = compound_assign(op, entry, &parse_quote!(#v));
                    return vec![parse_quote!({ let #v = #raw; #st })];
                }
                return vec![build(entry)];
            }
        }
        if self.basic(lt) == Some(goxide_types::BasicKind::Complex128)
            && matches!(strip_parens(l).kind, ExprKind::Index { .. })
        {
            // An overloaded `*=` borrows its place before the operand is computed: a value that
            // reads the same slice is computed first.
            let p = self.place(l);
            let st = compound_assign(op, p, &parse_quote!(v));
            return vec![parse_quote!({ let v = #raw; #st })];
        }
        let p = self.place(l);
        vec![build(p)]
    }

    /// An assignment whose target is (inside) a package-level variable: done through the
    /// variable's cell, `X.with_borrow_mut(|x| …)`.
    fn global_assign(
        &mut self,
        s: &Stmt,
        l: &Expr,
        build: impl FnOnce(syn::Expr) -> syn::Stmt,
        _t: Option<TypeId>,
    ) -> Vec<syn::Stmt> {
        let Some(root) = self.global_root(l) else {
            return self.unsupported_stmt(s, "assignment");
        };
        if self.rust_type(self.obj(root).ty).is_none() {
            return self.unsupported_stmt(s, "package variable of this type");
        }
        let gid = self.var_name(root);
        // Translate the place with the root renamed to the closure parameter.
        let prev = self.global_override.replace(root);
        let p = if let Some(st) = self.map_store_place(l) {
            st
        } else {
            self.place(l)
        };
        self.global_override = prev;
        let stmt = build(p);
        if self.boxed_global(&gid) {
            return vec![parse_quote!(#gid.with(|c| {
                let g = &mut *c.borrow_mut();
                #stmt
            });)];
        }
        vec![parse_quote!(#gid.with_borrow_mut(|g| { #stmt });)]
    }

    fn map_store_place(&mut self, _l: &Expr) -> Option<syn::Expr> {
        None
    }

    // ---- return -------------------------------------------------------------------------

    pub(crate) fn return_stmt(&mut self, s: &Stmt, values: &[Expr]) -> Vec<syn::Stmt> {
        if self.func.result_fn {
            return self.result_return(s, values);
        }
        let results = self.func.results.clone();
        if self.func.ctor {
            return self.ctor_return(s, values);
        }
        if self.func.chaining {
            // The receiver (`self`), or a chain of chaining calls on it, which returns it.
            let Some(v) = values.first().filter(|_| values.len() == 1) else {
                return self.unsupported_stmt(s, "return of a chaining method");
            };
            if self.is_self_ptr(v) && matches!(strip_parens(v).kind, ExprKind::Ident(_)) {
                return vec![parse_quote!(return self;)];
            }
            let v = self.borrowed(v);
            return vec![parse_quote!(return #v;)];
        }
        if self.func.in_defer_body && !self.func.named_results.is_empty() {
            // Inside `with_defer`: set the result cells, then leave the body.
            let named = self.func.named_results.clone();
            let mut out = Vec::new();
            if values.len() == named.len() {
                let vals: Vec<syn::Expr> = values
                    .iter()
                    .zip(&results)
                    .map(|(v, &t)| self.value_as(v, t))
                    .collect();
                let temps: Vec<syn::Ident> = (0..vals.len())
                    .map(|i| self.temp_name(&format!("t{i}")))
                    .collect();
                out.push(parse_quote!(let (#(#temps),*) = (#(#vals),*);));
                for (o, t) in named.iter().zip(&temps) {
                    let id = self.var_name(*o);
                    out.push(parse_quote!(*#id.borrow_mut() = #t;));
                }
            } else if let Some((bind, spread)) = self.spread_call(values) {
                // `return f()` with a multi-value `f`: its results bound, then stored.
                if spread.len() != named.len() {
                    return self
                        .unsupported_stmt(s, "return of a multi-value call with deferred calls");
                }
                out.push(bind);
                for ((o, v), &t) in named.iter().zip(&spread).zip(&results) {
                    let v = self.value_as(v, t);
                    let id = self.var_name(*o);
                    out.push(parse_quote!(*#id.borrow_mut() = #v;));
                }
            } else if !values.is_empty() {
                return self
                    .unsupported_stmt(s, "return of a multi-value call with deferred calls");
            }
            out.push(parse_quote!(return;));
            return out;
        }
        if values.is_empty() {
            if self.func.named_results.is_empty() {
                return vec![parse_quote!(return;)];
            }
            let named = self.func.named_results.clone();
            let vals: Vec<syn::Expr> = named
                .iter()
                .map(|&o| {
                    let id = self.var_name(o);
                    if self.analysis.boxed.contains(&o) {
                        parse_quote!(#id.borrow().clone())
                    } else if self.is_copy(self.obj(o).ty) {
                        parse_quote!(#id)
                    } else {
                        parse_quote!(#id.clone())
                    }
                })
                .collect();
            return if vals.len() == 1 {
                vec![parse_quote!(return #(#vals)*;)]
            } else {
                vec![parse_quote!(return (#(#vals),*);)]
            };
        }
        if values.len() == 1 && results.len() > 1 {
            let same = self.type_of(&values[0]).is_some_and(
                |t| matches!(self.ty(t), Type::Tuple(ts) if ts.iter().map(|&t| self.resolve(t)).eq(results.iter().map(|&t| self.resolve(t)))),
            );
            if !same {
                // `return f()` converting some of `f`'s results (to an interface type, …).
                if let Some((bind, exprs)) = self.spread_call(values) {
                    let vals: Vec<syn::Expr> = exprs
                        .iter()
                        .zip(&results)
                        .map(|(v, &t)| self.value_as(v, t))
                        .collect();
                    return vec![bind, parse_quote!(return (#(#vals),*);)];
                }
            }
            let v = self.borrowed(&values[0]);
            return vec![parse_quote!(return #v;)];
        }
        if values.len() != results.len() {
            return self.unsupported_stmt(s, "return");
        }
        let vals: Vec<syn::Expr> = values
            .iter()
            .enumerate()
            .zip(&results)
            .map(|((i, v), &t)| {
                if let Some(moved) = self.moved_into_pointer(v) {
                    return moved;
                }
                match self.movable_local(values, i, t) {
                    Some(id) => parse_quote!(#id),
                    None => self.value_as(v, t),
                }
            })
            .collect();
        if vals.len() == 1 {
            let v = &vals[0];
            vec![parse_quote!(return #v;)]
        } else {
            vec![parse_quote!(return (#(#vals),*);)]
        }
    }

    /// `return …` in a constructor: the pointer result is the value it points to (`T`, or
    /// `Option<T>` for a constructor that may return nil), the others as usual.
    fn ctor_return(&mut self, s: &Stmt, values: &[Expr]) -> Vec<syn::Stmt> {
        let results = self.func.results.clone();
        let k = self.func.ctor_index;
        if values.len() != results.len() {
            return self.unsupported_stmt(s, "return in a constructor");
        }
        let mut vals: Vec<syn::Expr> = Vec::new();
        for (i, (v, &t)) in values.iter().zip(&results).enumerate() {
            let x = if i != k {
                Some(self.value_as(v, t))
            } else if self.func.nullable_ctor {
                self.ctor_some_value(v)
            } else {
                self.ctor_value(v)
            };
            let Some(x) = x else {
                return self.unsupported_stmt(s, "return in a constructor");
            };
            vals.push(x);
        }
        if vals.len() == 1 {
            let v = &vals[0];
            vec![parse_quote!(return #v;)]
        } else {
            vec![parse_quote!(return (#(#vals),*);)]
        }
    }

    /// `return x` of a local that nothing else uses afterwards: `x` moves out instead of being
    /// cloned. Not for parameters, cells, borrowed re-slices, variables that closures capture,
    /// nor a variable that another returned value also reads.
    fn movable_local(&self, values: &[Expr], i: usize, t: TypeId) -> Option<syn::Ident> {
        let v = strip_parens(&values[i]);
        if !matches!(v.kind, ExprKind::Ident(_)) || self.type_of(v) != Some(t) {
            return None;
        }
        let o = self.obj_of(v)?;
        let a = &self.analysis;
        let plain = matches!(
            self.obj(o).kind,
            ObjKind::Var {
                global: false,
                param: false
            }
        ) && !a.boxed.contains(&o)
            && !a.captured.contains(&o)
            && !a.slice_params.contains_key(&o)
            && !a.bytestrs.contains(&o)
            && !self.deref_vars.contains(&o)
            && !self.borrowed_range.contains(&o)
            && !self.func.named_results.contains(&o);
        let elsewhere = values
            .iter()
            .enumerate()
            .any(|(j, w)| j != i && crate::subslice::mentions(self.info, w, o));
        (plain && !elsewhere).then(|| self.var_name(o))
    }

    // ---- if -----------------------------------------------------------------------------

    fn if_stmt(&mut self, s: &Stmt) -> syn::Expr {
        let StmtKind::If {
            init,
            cond,
            then,
            els,
        } = &s.kind
        else {
            return parse_quote!(());
        };
        // `if v, ok := m[k]; ok` of a map holding its values: `if let Some(v) = m.get_mut(&k)`
        // (see `map_values`).
        let map_value = init
            .as_deref()
            .and_then(|i| self.map_value_lookup(i, crate::owned_elems::MapLocal::IfLet));
        let init = if map_value.is_some() { &None } else { init };
        // `if p != nil` of a pointer that may be nil: `if let Some(p) = p` (see `nil_guards`).
        let if_let = self
            .analysis
            .nil_guards
            .if_lets
            .get(&s.id)
            .copied()
            .filter(|p| !self.narrowed.contains(p));
        let (c, then_b) = match (map_value, if_let) {
            (Some((id, lookup)), _) => (parse_quote!(let Some(#id) = #lookup), self.block(then)),
            (None, Some(p)) => {
                let id = self.var_name(p);
                let src: syn::Expr = if self.analysis.ptr_params.params.get(&p)
                    == Some(&crate::analysis::SliceMode::MutRef)
                {
                    parse_quote!(#id.as_deref_mut())
                } else {
                    parse_quote!(#id)
                };
                self.narrowed.insert(p);
                let b = self.block(then);
                self.narrowed.remove(&p);
                (parse_quote!(let Some(#id) = #src), b)
            }
            (None, None) => {
                let c = self.value(cond);
                (cond_expr(c), self.block(then))
            }
        };
        let else_part: Option<syn::Expr> = match els.as_deref() {
            None => None,
            Some(
                e @ Stmt {
                    kind: StmtKind::If { .. },
                    ..
                },
            ) => Some(self.if_stmt(e)),
            Some(Stmt {
                kind: StmtKind::Block(b),
                ..
            }) => {
                let b = self.block(b);
                Some(syn::Expr::Block(syn::ExprBlock {
                    attrs: vec![],
                    label: None,
                    block: b,
                }))
            }
            Some(other) => {
                let st = self.stmt(other);
                Some(parse_quote!({ #(#st)* }))
            }
        };
        let if_expr: syn::Expr = match else_part {
            Some(e) => parse_quote!(if #c #then_b else #e),
            None => parse_quote!(if #c #then_b),
        };
        match init {
            None => if_expr,
            Some(i) => {
                let init = self.stmt(i);
                parse_quote!({
                    #(#init)*
                    #if_expr
                })
            }
        }
    }

    // ---- loops --------------------------------------------------------------------------

    pub(crate) fn push_breakable(
        &mut self,
        s: &Stmt,
        go_label: Option<String>,
        is_loop: bool,
        needs_continue_block: bool,
    ) {
        let base = go_label
            .as_deref()
            .map(|l| names::label(l).to_string())
            .unwrap_or_default();
        let break_label = if base.is_empty() {
            Some(self.fresh_label(if is_loop { "loop" } else { "switch" }))
        } else {
            Some(syn::Lifetime::new(&base, proc_macro2::Span::call_site()))
        };
        let continue_label = needs_continue_block.then(|| self.fresh_label("next"));
        self.func.breakables.push(Breakable {
            stmt: s.id,
            go_label,
            is_loop,
            break_label,
            continue_label,
            break_used: false,
            continue_used: false,
        });
    }

    /// Wraps a loop body in the continue block when a `continue` used it.
    fn loop_body(
        &mut self,
        s: &Stmt,
        body: &Block,
        post: Vec<syn::Stmt>,
        prelude: Vec<syn::Stmt>,
    ) -> (syn::Block, Breakable) {
        self.rust_scopes.push(RustScope::Loop(s.id));
        let has_cont = self
            .func
            .breakables
            .last()
            .is_some_and(|b| b.continue_label.is_some());
        if has_cont {
            self.rust_scopes.push(RustScope::LabeledBlock);
        }
        let inner = self.block(body);
        if has_cont {
            self.rust_scopes.pop();
        }
        self.rust_scopes.pop();
        let b = self.func.breakables.pop().unwrap_or(Breakable {
            stmt: s.id,
            go_label: None,
            is_loop: true,
            break_label: None,
            continue_label: None,
            break_used: false,
            continue_used: false,
        });
        let mut stmts = prelude;
        if let (true, Some(cl)) = (b.continue_used, &b.continue_label) {
            let inner_stmts = inner.stmts;
            stmts.push(parse_quote!(#cl: { #(#inner_stmts)* }));
        } else if shadows_post(&inner.stmts, &post) {
            // The body declares a variable the post statement names (`i := i`): the body gets
            // its own block, so the post statement updates the loop's variable.
            let inner_stmts = inner.stmts;
            stmts.push(parse_quote!({ #(#inner_stmts)* }));
        } else {
            stmts.extend(inner.stmts);
        }
        stmts.extend(post);
        (
            syn::Block {
                brace_token: Default::default(),
                stmts,
            },
            b,
        )
    }

    pub(crate) fn label_of(b: &Breakable) -> Option<syn::Label> {
        b.break_used.then(|| {
            let l = b
                .break_label
                .clone()
                .unwrap_or_else(|| syn::Lifetime::new("'l", proc_macro2::Span::call_site()));
            parse_quote!(#l:)
        })
    }

    fn for_stmt(
        &mut self,
        s: &Stmt,
        label: Option<String>,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &Block,
    ) -> Vec<syn::Stmt> {
        if let Some(out) = self.counted_for(s, label.clone(), init, cond, post, body) {
            return out;
        }
        let init_stmts = init.map(|i| self.stmt(i)).unwrap_or_default();
        if self.opts.go_version >= (1, 22) {
            // A closure captures a loop variable the body changes: Go 1.22 gives each
            // iteration its own copy, carried forward by the post statement; here it is one.
            if let Some(StmtKind::Assign { lhs, .. }) = init.map(|i| &i.kind) {
                for l in lhs {
                    let Some(&o) = self.info.defs.get(&l.id) else {
                        continue;
                    };
                    if self.analysis.boxed.contains(&o) && !self.analysis.address_taken.contains(&o)
                    {
                        self.marker(format!(
                            "semantics: `{}` is one variable for all iterations, shared with the closures that capture it; Go 1.22 gives each iteration its own copy, which the body changes here",
                            self.obj(o).name
                        ));
                    }
                }
            }
        }
        let post_stmts = post.map(|p| self.stmt(p)).unwrap_or_default();
        self.push_breakable(s, label, true, !post_stmts.is_empty());
        let (body_b, b) = self.loop_body(s, body, post_stmts, vec![]);
        let lab = Self::label_of(&b);
        let lab = lab.map(|l| quote::quote!(#l));
        let lp: syn::Stmt = match cond {
            Some(c) => {
                let c = cond_expr(self.value(c));
                parse_quote!(#lab while #c #body_b)
            }
            None => parse_quote!(#lab loop #body_b),
        };
        if init_stmts.is_empty() {
            vec![lp]
        } else {
            vec![parse_quote!({
                #(#init_stmts)*
                #lp
            })]
        }
    }

    /// `for i := a; i < b; i++ { … }` (or `<=`) as `for i in a..b { … }`, when the body never
    /// changes `i`, no closure captures it, and the bound is a constant, or a local variable
    /// or the length of one that the body does not change (Go evaluates it each iteration).
    fn counted_for(
        &mut self,
        s: &Stmt,
        label: Option<String>,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &Block,
    ) -> Option<Vec<syn::Stmt>> {
        let StmtKind::Assign {
            lhs,
            op: AssignOp::Define,
            rhs,
        } = &init?.kind
        else {
            return None;
        };
        let ([iv], [start]) = (lhs.as_slice(), rhs.as_slice()) else {
            return None;
        };
        let (ExprKind::Ident(name), Some(&o)) = (&iv.kind, self.info.defs.get(&iv.id)) else {
            return None;
        };
        let ExprKind::Binary { op, x, y: bound } = &strip_parens(cond?).kind else {
            return None;
        };
        let StmtKind::IncDec { x: px, inc: true } = &post?.kind else {
            return None;
        };
        let names_i = |e: &Expr| {
            matches!(strip_parens(e).kind, ExprKind::Ident(_))
                && self.obj_of(strip_parens(e)) == Some(o)
        };
        let t = self.obj(o).ty;
        let a = &self.analysis;
        let plain_i = matches!(self.under(t), Type::Basic(b) if b.is_integer())
            && !a.boxed.contains(&o)
            && !a.captured.contains(&o)
            && !a.address_taken.contains(&o)
            && names_i(x)
            && names_i(px)
            && matches!(op, BinaryOp::Lt | BinaryOp::Le)
            && !self.root_mutated_in(iv, body);
        if !plain_i || !self.fixed_bound(bound, body) {
            return None;
        }
        // `i <= max` never ends in Go (`i` wraps): only a constant bound below the type's
        // largest value becomes `a..=b`.
        if *op == BinaryOp::Le {
            let Type::Basic(k) = self.under(t) else {
                return None;
            };
            let bits = k.bits().unwrap_or(64).min(64);
            let max = if k.is_unsigned() {
                (1i128 << bits) - 1
            } else {
                (1i128 << (bits - 1)) - 1
            };
            let below_max = match self.info.const_value(bound.id) {
                Some(goxide_types::ConstValue::Int(v)) => {
                    num_traits::ToPrimitive::to_i128(v).is_some_and(|v| v < max)
                }
                _ => false,
            };
            if !below_max {
                return None;
            }
        }
        let from = self.value_as(start, t);
        let to = self.value_as(bound, t);
        let id = self.bind_local(o, name);
        let used = body
            .stmts
            .iter()
            .any(|st| crate::subslice::objects_used(self.info, st).contains(&o));
        let pat = if used {
            quote::quote!(#id)
        } else {
            quote::quote!(_)
        };
        self.push_breakable(s, label, true, false);
        let (body_b, b) = self.loop_body(s, body, vec![], vec![]);
        let lab = Self::label_of(&b).map(|l| quote::quote!(#l));
        let (from, to) = (paren_if_needed(from), paren_if_needed(to));
        Some(vec![if *op == BinaryOp::Le {
            parse_quote!(#lab for #pat in #from..=#to #body_b)
        } else {
            parse_quote!(#lab for #pat in #from..#to #body_b)
        }])
    }

    /// A loop bound the loop cannot change: a constant, or a local variable (or `len` of one)
    /// that is not a shared cell and that the body does not change.
    fn fixed_bound(&self, b: &Expr, body: &Block) -> bool {
        if self.info.const_value(b.id).is_some() {
            return true;
        }
        let mut b = strip_parens(b);
        // A field of a local struct value (not reached through a pointer, which an alias
        // could change).
        while let ExprKind::Selector { x, .. } = &b.kind {
            let field =
                self.info.selections.get(&b.id).is_some_and(|s| {
                    s.kind == goxide_types::SelectionKind::FieldVal && !s.indirect
                });
            let through_ptr = self
                .type_of(x)
                .is_none_or(|t| matches!(self.under(t), Type::Pointer(_)));
            if !field || through_ptr {
                return false;
            }
            b = strip_parens(x);
        }
        let var = match &b.kind {
            ExprKind::Ident(_) => b,
            ExprKind::Call { func, args, .. } if args.len() == 1 => {
                let len = self.obj_of(strip_parens(func)).is_some_and(|f| {
                    matches!(
                        self.obj(f).kind,
                        ObjKind::Builtin(goxide_types::Builtin::Len)
                    )
                });
                match strip_parens(&args[0]) {
                    v @ Expr {
                        kind: ExprKind::Ident(_),
                        ..
                    } if len => v,
                    _ => return false,
                }
            }
            _ => return false,
        };
        let Some(v) = self.obj_of(var) else {
            return false;
        };
        matches!(self.obj(v).kind, ObjKind::Var { global: false, .. })
            && !self.analysis.boxed.contains(&v)
            && !self.analysis.captured.contains(&v)
            && !self.analysis.address_taken.contains(&v)
            && !self.root_mutated_or_passed_in(var, body)
    }

    #[allow(clippy::too_many_arguments)]
    fn range_stmt(
        &mut self,
        s: &Stmt,
        label: Option<String>,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &Block,
    ) -> Vec<syn::Stmt> {
        let Some(xt) = self.type_of(x) else {
            return self.unsupported_stmt(s, "range");
        };
        let blank =
            |e: Option<&Expr>| e.is_none_or(|e| matches!(&e.kind, ExprKind::Ident(n) if n == "_"));
        let (key, value) = (
            if blank(key) { None } else { key },
            if blank(value) { None } else { value },
        );
        // `for k, v = range x`: fresh loop variables, assigned to the existing ones each
        // iteration.
        let assign = !define;
        let bind = |ctx: &mut Self, e: Option<&Expr>| -> Option<(ObjId, syn::Ident, bool)> {
            let e = e?;
            if assign {
                let tmp = if key.is_some_and(|k| std::ptr::eq(k, e)) {
                    "rk"
                } else {
                    "rv"
                };
                return Some((
                    ObjId(u32::MAX),
                    syn::Ident::new(tmp, proc_macro2::Span::call_site()),
                    false,
                ));
            }
            let obj = ctx.is_new_var(e)?;
            let ExprKind::Ident(n) = &e.kind else {
                return None;
            };
            let id = ctx.bind_local(obj, n);
            Some((
                obj,
                id,
                ctx.analysis.mutated.contains(&obj) || ctx.analysis.boxed.contains(&obj),
            ))
        };
        let mut k = bind(self, key);
        let mut v = bind(self, value);
        // (A value variable borrowing each element, see `Analysis::field_elem_ranges`.)
        let field_elems = v
            .as_ref()
            .is_some_and(|b| self.analysis.field_elem_ranges.contains(&b.0));
        if !field_elems {
            self.range_copy_markers(v.as_ref(), xt, define);
        }
        // Go before 1.22: one variable for all iterations, declared before the loop, when a
        // closure captures it; the pattern binds the next value, which the body stores.
        let mut hoisted: Vec<syn::Stmt> = Vec::new();
        let mut stores: Vec<syn::Stmt> = Vec::new();
        for b in [&mut k, &mut v].into_iter().flatten() {
            if !self.analysis.hoisted_range_vars.contains(&b.0) {
                continue;
            }
            let t = self.obj(b.0).ty;
            let Some(z) = self.zero_value(t) else {
                return self.unsupported_stmt(s, "range variable of this type");
            };
            let id = b.1.clone();
            let next = syn::Ident::new(&format!("{id}_next"), proc_macro2::Span::call_site());
            let cell = self.shared_cell_new(b.0, z);
            self.marker(format!(
                "semantics: `{id}` is one variable for all iterations (Go before 1.22), shared with the closures that capture it"
            ));
            hoisted.push(parse_quote!(let #id = #cell;));
            stores.push(parse_quote!(*#id.borrow_mut() = #next;));
            b.1 = next;
            b.2 = false;
        }
        let pat = |b: &Option<(ObjId, syn::Ident, bool)>| -> proc_macro2::TokenStream {
            match b {
                Some((_, id, true)) => quote::quote!(mut #id),
                Some((_, id, false)) => quote::quote!(#id),
                None => quote::quote!(_),
            }
        };
        let (kp, vp) = (pat(&k), pat(&v));
        // Boxed range variables are re-bound as shared cells inside the body.
        let mut prelude: Vec<syn::Stmt> = stores;
        for b in [&k, &v].into_iter().flatten() {
            if self.analysis.boxed.contains(&b.0)
                && !self.analysis.hoisted_range_vars.contains(&b.0)
            {
                let id = &b.1;
                let cell = self.shared_cell_new(b.0, parse_quote!(#id));
                prelude.push(parse_quote!(let #id = #cell;));
            }
        }
        let mutated_in_body = self.root_mutated_in(x, body);
        // (A generic function is translated once per instantiation: each decides anew.)
        if let Some(b) = &v {
            self.borrowed_range.remove(&b.0);
        }
        // A value variable the body only reads, of a type that is not `Copy`: a reference to
        // the element (`for it in xs.iter()`), not a clone of it.
        let by_ref = v.as_ref().is_some_and(|b| {
            let o = b.0;
            define
                && !b.2
                && o != ObjId(u32::MAX)
                && !self.is_copy(self.obj(o).ty)
                && match self.under(self.obj(o).ty) {
                    Type::Struct(_) | Type::Slice(_) | Type::Map(..) | Type::Array(..) => true,
                    Type::Basic(b) => b.is_string() && !self.analysis.bytestrs.contains(&o),
                    _ => false,
                }
                && !self.analysis.captured.contains(&o)
                && !self.analysis.address_taken.contains(&o)
                && !self.analysis.hoisted_range_vars.contains(&o)
                && !self.analysis.mutated.contains(&o)
        });
        let header: syn::Expr;
        let pattern: proc_macro2::TokenStream;
        match self.under(xt).clone() {
            Type::Basic(bk) if bk.is_integer() => {
                let n = self.value(x);
                let n = paren_if_needed(n);
                header = parse_quote!(0..#n);
                pattern = kp;
            }
            Type::Basic(bk) if bk.is_string() => {
                if self.is_bytestr(x) {
                    // Bytes that may not be UTF-8: Go's decoding, U+FFFD per invalid byte.
                    let sx = crate::expr::as_base(self.borrowed(x));
                    self.use_support("strings");
                    header = parse_quote!(crate::support::strings::char_indices_lossy(&#sx));
                } else {
                    // (A `&str` parameter, which nothing changes, and a constant are walked in
                    // place; another string is copied first, as Go evaluates it once.)
                    let sx: syn::Expr = if self.str_param_of(x).is_some() {
                        crate::expr::as_base(self.borrowed(x))
                    } else if let Some(l) = self.const_str(x) {
                        parse_quote!(#l)
                    } else {
                        self.value(x)
                    };
                    header = if key.is_none() && v.is_some() {
                        parse_quote!(#sx.chars())
                    } else {
                        parse_quote!(#sx.char_indices())
                    };
                }
                if let Some((_, id, _)) = &k {
                    prelude.insert(0, parse_quote!(let #id = #id as i64;));
                }
                if let Some((_, id, _)) = &v {
                    prelude.insert(0, parse_quote!(let #id = #id as i32;));
                }
                pattern = if key.is_none() && v.is_some() && !self.is_bytestr(x) {
                    vp
                } else {
                    quote::quote!((#kp, #vp))
                };
            }
            Type::Slice(et) | Type::Array(_, et) => {
                // A re-slice the body does not change is walked in place (`xs[1..].iter()`),
                // not copied first.
                let in_place = match (mutated_in_body, self.slice_arg(x, false)) {
                    (false, Some(syn::Expr::Reference(r))) => Some(*r.expr),
                    _ => None,
                };
                let sx = match in_place {
                    Some(sx) => sx,
                    None => crate::expr::as_base(self.borrowed(x)),
                };
                if let Some((o, id, _)) = &k {
                    if self.index_only_key(*o, body) {
                        self.usize_vars.insert(*o);
                    } else {
                        prelude.insert(0, parse_quote!(let #id = #id as i64;));
                    }
                }
                // Reading through a cell: the loop must not hold the borrow (the body may
                // write through a pointer into the same variable).
                let through_cell = crate::expr::reads_cell(&sx);
                // A value variable borrowing each element of a slice that holds its pointers'
                // values (see `owned_elems`, which checked the body's other uses of the slice).
                let elem_borrow = v
                    .as_ref()
                    .and_then(|b| self.analysis.owned_elems.range_vars.get(&b.0).copied());
                match (&v, mutated_in_body || through_cell) {
                    // Writes only into each element's map and slice fields (see
                    // `Analysis::field_elem_ranges`): Go's copy shares those, so the loop
                    // borrows the element itself.
                    (Some((_, id, _)), _) if field_elems => {
                        let sx = crate::expr::as_base(self.place(x));
                        let items: syn::Expr = parse_quote!(#sx.iter_mut());
                        let vp = quote::quote!(#id);
                        (header, pattern) = if key.is_none() {
                            (items, vp)
                        } else {
                            (parse_quote!(#items.enumerate()), quote::quote!((#kp, #vp)))
                        };
                    }
                    (Some(_), _) if elem_borrow.is_some() => {
                        let items: syn::Expr = if elem_borrow == Some(true) {
                            let sx = crate::expr::as_base(self.place(x));
                            parse_quote!(#sx.iter_mut())
                        } else {
                            parse_quote!(#sx.iter())
                        };
                        (header, pattern) = if key.is_none() {
                            (items, vp)
                        } else {
                            (parse_quote!(#items.enumerate()), quote::quote!((#kp, #vp)))
                        };
                    }
                    (None, _) if through_cell => {
                        hoisted.push(parse_quote!(let range_len = #sx.len();));
                        header = parse_quote!(0..range_len);
                        pattern = quote::quote!(#kp);
                    }
                    (None, _) => {
                        header = parse_quote!(0..#sx.len());
                        pattern = quote::quote!(#kp);
                    }
                    (Some(_), false) => {
                        let items: syn::Expr = if self.is_copy(et) {
                            parse_quote!(#sx.iter().copied())
                        } else if by_ref {
                            self.borrowed_range.extend(v.as_ref().map(|b| b.0));
                            parse_quote!(#sx.iter())
                        } else {
                            parse_quote!(#sx.iter().cloned())
                        };
                        (header, pattern) = if key.is_none() {
                            (items, vp)
                        } else {
                            (parse_quote!(#items.enumerate()), quote::quote!((#kp, #vp)))
                        };
                    }
                    (Some(_), true) => {
                        let owned = self.value(x);
                        (header, pattern) = if key.is_none() {
                            (parse_quote!(#owned), vp)
                        } else {
                            (
                                parse_quote!(#owned.into_iter().enumerate()),
                                quote::quote!((#kp, #vp)),
                            )
                        };
                    }
                }
            }
            Type::Map(kt, vt) => {
                let sx = crate::expr::as_base(self.borrowed(x));
                // A value variable borrowing each value of a map that holds its pointers'
                // values (see `owned_elems`), or writing into each value's elements (see
                // `Analysis::field_elem_ranges`).
                let elem_borrow = v
                    .as_ref()
                    .and_then(|b| self.analysis.owned_elems.range_vars.get(&b.0).copied())
                    .or(field_elems.then_some(true));
                if let Some(written) = elem_borrow {
                    let m = if written {
                        crate::expr::as_base(self.place(x))
                    } else {
                        sx
                    };
                    // (The variable is the borrow itself: no `mut`.)
                    let vp = match &v {
                        Some((_, id, _)) => quote::quote!(#id),
                        None => vp,
                    };
                    let kx: syn::Expr = if self.is_copy(kt) {
                        parse_quote!(*k)
                    } else {
                        parse_quote!(k.clone())
                    };
                    (header, pattern) = match (&k, written) {
                        (None, true) => (parse_quote!(#m.values_mut()), vp),
                        (None, false) => (parse_quote!(#m.values()), vp),
                        (Some(_), true) => (
                            parse_quote!(#m.iter_mut().map(|(k, v)| (#kx, v))),
                            quote::quote!((#kp, #vp)),
                        ),
                        (Some(_), false) => (
                            parse_quote!(#m.iter().map(|(k, v)| (#kx, v))),
                            quote::quote!((#kp, #vp)),
                        ),
                    };
                } else if crate::expr::reads_cell(&sx) || self.root_mutated_or_passed_in(x, body) {
                    // The body may change the map: iterate over a copy.
                    let m = self.value(x);
                    header = parse_quote!(#m);
                    pattern = quote::quote!((#kp, #vp));
                } else if v.is_none() && self.in_read_only_table(x) {
                    // The keys of a read-only table, copied out of it (not the whole table).
                    header = self.through_global(x, |ctx| {
                        let m = crate::expr::as_base(ctx.borrowed(x));
                        parse_quote!(#m.keys().cloned().collect::<Vec<_>>())
                    });
                    pattern = kp;
                } else {
                    let (kc, vc) = (self.is_copy(kt), self.is_copy(vt));
                    match (&k, &v) {
                        (_, None) if kc => header = parse_quote!(#sx.keys().copied()),
                        (_, None) => header = parse_quote!(#sx.keys().cloned()),
                        (None, Some(_)) if vc => header = parse_quote!(#sx.values().copied()),
                        (None, Some(_)) if by_ref => {
                            self.borrowed_range.extend(v.as_ref().map(|b| b.0));
                            header = parse_quote!(#sx.values());
                        }
                        (None, Some(_)) => header = parse_quote!(#sx.values().cloned()),
                        (Some(_), Some(_)) => {
                            let kx: syn::Expr = if kc {
                                parse_quote!(*k)
                            } else {
                                parse_quote!(k.clone())
                            };
                            let vx: syn::Expr = if vc {
                                parse_quote!(*v)
                            } else if by_ref {
                                self.borrowed_range.extend(v.as_ref().map(|b| b.0));
                                parse_quote!(v)
                            } else {
                                parse_quote!(v.clone())
                            };
                            header = parse_quote!(#sx.iter().map(|(k, v)| (#kx, #vx)));
                        }
                    }
                    pattern = match (&k, &v) {
                        (_, None) => kp,
                        (None, Some(_)) => vp,
                        _ => quote::quote!((#kp, #vp)),
                    };
                }
            }
            Type::Chan(..) => {
                let Some(h) = self.chan_range_header(x) else {
                    return self.unsupported_stmt(s, "range over a channel of this type");
                };
                header = h;
                pattern = kp;
            }
            Type::Pointer(pt) if matches!(self.under(pt), Type::Array(..)) => {
                // A pointer to an array: its length is constant, so with no value variable the
                // pointer is not even evaluated (a nil one ranges too); values are read through
                // it each iteration, as Go does.
                let Type::Array(n, _) = self.under(pt).clone() else {
                    return self.unsupported_stmt(s, "range over this type");
                };
                let n = proc_macro2::Literal::u64_unsuffixed(n);
                header = parse_quote!(0..#n);
                pattern = quote::quote!(range_i);
                let has_call = matches!(
                    &crate::builtins::strip_parens(x).kind,
                    ExprKind::Call { .. }
                        | ExprKind::Unary {
                            op: UnaryOp::Recv,
                            ..
                        }
                );
                if v.is_none() && has_call {
                    // `len(f())` is not constant: Go evaluates `f()` once.
                    let p = self.for_effects(x);
                    hoisted.push(parse_quote!(let _ = #p;));
                }
                if v.is_some() && (self.is_self_ptr(x) || self.is_nullable(x)) {
                    // A pointer held as a value or a reference: read through it each iteration.
                    let p = crate::expr::as_base(self.pointee(x, false));
                    prelude.insert(0, parse_quote!(let #vp = #p[range_i].clone();));
                } else if v.is_some() {
                    let p = self.value(x);
                    hoisted.push(parse_quote!(let range_p = #p;));
                    prelude.insert(
                        0,
                        parse_quote!(let #vp = range_p.as_ref().unwrap().borrow()[range_i].clone();),
                    );
                }
                if let Some((_, id, _)) = &k {
                    prelude.insert(0, parse_quote!(let #kp = range_i as i64;));
                    let _ = id;
                }
            }
            _ => return self.unsupported_stmt(s, "range over this type"),
        }
        if assign {
            // Go evaluates the targets' index operands before assigning either: with a plain
            // variable stored last, `for i, x[i] = range y` indexes with the old `i`.
            let mut targets = [(key, &k), (value, &v)];
            if key.is_some_and(|e| matches!(e.kind, ExprKind::Ident(_))) {
                targets.reverse();
            }
            for (e, b) in targets {
                if let (Some(e), Some((_, id, _))) = (e, b) {
                    prelude.extend(self.store(s, e, parse_quote!(#id), false));
                }
            }
        }
        self.push_breakable(s, label, true, false);
        let (body_b, b) = self.loop_body(s, body, vec![], prelude);
        let lab = Self::label_of(&b).map(|l| quote::quote!(#l));
        if !hoisted.is_empty() {
            return vec![parse_quote!({
                #(#hoisted)*
                #lab for #pattern in #header #body_b
            })];
        }
        vec![parse_quote!(#lab for #pattern in #header #body_b)]
    }

    /// Whether the body assigns to (part of) the variable at the root of `x`.
    fn root_mutated_in(&self, x: &Expr, body: &Block) -> bool {
        self.root_changed_in(x, body, false)
    }

    /// [`Ctx::root_mutated_in`], or the body passes that variable to a call (a function, or
    /// `delete`, `clear`, `copy`; `len` only reads it), which may change it.
    fn root_mutated_or_passed_in(&self, x: &Expr, body: &Block) -> bool {
        self.root_changed_in(x, body, true)
    }

    fn root_changed_in(&self, x: &Expr, body: &Block, passed: bool) -> bool {
        let Some(root) = root_ident(x).and_then(|e| self.obj_of(e)) else {
            return true;
        };
        struct Finder<'c, 'a> {
            ctx: &'c Ctx<'a>,
            root: ObjId,
            passed: bool,
            found: bool,
        }
        impl goxide_ast::visit::Visitor for Finder<'_, '_> {
            fn stmt(&mut self, s: &Stmt) -> bool {
                let targets: Vec<&Expr> = match &s.kind {
                    StmtKind::Assign { lhs, .. } => lhs.iter().collect(),
                    StmtKind::IncDec { x, .. } => vec![x],
                    _ => vec![],
                };
                for t in targets {
                    if root_ident(t).and_then(|e| self.ctx.obj_of(e)) == Some(self.root) {
                        self.found = true;
                    }
                }
                true
            }
            fn expr(&mut self, e: &Expr) -> bool {
                if let ExprKind::Unary {
                    op: UnaryOp::Addr,
                    x,
                } = &e.kind
                {
                    if root_ident(x).and_then(|e| self.ctx.obj_of(e)) == Some(self.root) {
                        self.found = true;
                    }
                }
                if let ExprKind::Call { func, args, .. } = &e.kind {
                    if let ExprKind::Selector { x, .. } = &func.kind {
                        if root_ident(x).and_then(|e| self.ctx.obj_of(e)) == Some(self.root) {
                            self.found = true;
                        }
                    }
                    let len = self.ctx.obj_of(strip_parens(func)).is_some_and(|f| {
                        matches!(
                            self.ctx.obj(f).kind,
                            ObjKind::Builtin(goxide_types::Builtin::Len)
                        )
                    });
                    if self.passed
                        && !len
                        && args.iter().any(|a| {
                            root_ident(a).and_then(|r| self.ctx.obj_of(r)) == Some(self.root)
                        })
                    {
                        self.found = true;
                    }
                }
                true
            }
        }
        let mut f = Finder {
            ctx: self,
            root,
            passed,
            found: false,
        };
        goxide_ast::visit::walk_block(&mut f, body);
        f.found || self.analysis.captured.contains(&root)
    }

    // ---- switch -------------------------------------------------------------------------

    fn switch_stmt(
        &mut self,
        s: &Stmt,
        label: Option<String>,
        init: Option<&Stmt>,
        tag: Option<&Expr>,
        clauses: &[CaseClause],
    ) -> Vec<syn::Stmt> {
        let init_stmts = init.map(|i| self.stmt(i)).unwrap_or_default();
        self.push_breakable(s, label, false, false);
        self.rust_scopes.push(RustScope::LabeledBlock);
        let body = self.switch_body(s, tag, clauses);
        self.rust_scopes.pop();
        let b = self.func.breakables.pop();
        let mut out = init_stmts;
        match b.as_ref().and_then(Self::label_of) {
            Some(l) => out.push(parse_quote!(#l { #body })),
            None => out.push(syn::Stmt::Expr(body, None)),
        }
        if init.is_some() {
            return vec![parse_quote!({ #(#out)* })];
        }
        out
    }

    /// Bodies of each clause, with `fallthrough` resolved by appending the next clause's body.
    fn clause_bodies(&mut self, clauses: &[CaseClause]) -> Vec<Vec<syn::Stmt>> {
        let mut bodies: Vec<Vec<syn::Stmt>> = Vec::new();
        for c in clauses.iter() {
            let (stmts, _ft) = split_fallthrough(&c.body);
            let b = self.stmts(stmts, None);
            bodies.push(b);
        }
        // Resolve fallthrough from the last clause backwards.
        for i in (0..clauses.len()).rev() {
            if split_fallthrough(&clauses[i].body).1 {
                if let Some(next) = bodies.get(i + 1).cloned() {
                    bodies[i].extend(next);
                }
            }
        }
        bodies
    }

    /// `case v:` of a switch on an `interface{}` tag: Go's interface comparison.
    fn iface_case_cond(&mut self, tag: &syn::Expr, e: &Expr) -> Option<syn::Expr> {
        let et = self.type_of(e)?;
        self.use_support("iface");
        if self.is_empty_interface(et) {
            let v = self.borrowed(e);
            return Some(parse_quote!(crate::support::iface::eq(&#tag, &#v)));
        }
        let vt = goxide_types::default_type(&self.prog.types, et);
        if self.is_interface(vt) || !self.is_comparable(vt) {
            return None;
        }
        let v = self.value_as(e, vt);
        let rt = self.rust_type(vt)?;
        if let Some(eq) = self.eq_named(tag, &v, vt) {
            return Some(eq);
        }
        Some(parse_quote!(crate::support::iface::eq_value::<#rt>(&#tag, &#v)))
    }

    fn switch_body(&mut self, s: &Stmt, tag: Option<&Expr>, clauses: &[CaseClause]) -> syn::Expr {
        let bodies = self.clause_bodies(clauses);
        let tag_t = tag.and_then(|t| self.type_of(t));
        // match on constant cases
        if let (Some(tag), Some(tt)) = (tag, tag_t) {
            let all_const = clauses.iter().all(|c| {
                c.exprs
                    .iter()
                    .all(|e| self.info.const_value(e.id).is_some())
            });
            let kind = self.basic(tt);
            let matchable = kind.is_some_and(|k| k.is_integer() || k.is_string() || k.is_boolean());
            if all_const && matchable && self.cases_distinct(clauses) {
                let is_str = kind.is_some_and(|k| k.is_string());
                let scrut: syn::Expr = if let Some(p) = self.str_param_of(tag) {
                    let id = self.var_name(p);
                    parse_quote!(#id)
                } else if is_str {
                    let t = crate::expr::as_base(self.borrowed(tag));
                    parse_quote!(#t.as_str())
                } else {
                    self.value(tag)
                };
                let mut arms = Vec::new();
                let mut default_body = None;
                for (c, body) in clauses.iter().zip(bodies) {
                    if c.is_default {
                        default_body = Some(body);
                        continue;
                    }
                    let mut pats = Vec::new();
                    for e in &c.exprs {
                        let p: Option<syn::Expr> = if is_str {
                            self.const_str(e).map(|l| parse_quote!(#l))
                        } else {
                            self.info
                                .const_value(e.id)
                                .cloned()
                                .and_then(|v| self.const_expr_of(e, &v, tt, false))
                        };
                        match p {
                            Some(p) => pats.push(p),
                            None => return self.unsupported(tag, "switch case"),
                        }
                    }
                    arms.push(quote::quote!(#(#pats)|* => { #(#body)* }));
                }
                let d = default_body.unwrap_or_default();
                arms.push(quote::quote!(_ => { #(#d)* }));
                let scrut = cond_expr(scrut);
                return parse_quote!(match #scrut { #(#arms),* });
            }
        }
        // General form: an if-chain, the tag evaluated once.
        let mut prelude: Vec<syn::Stmt> = Vec::new();
        let tag_val: Option<syn::Expr> = tag.map(|t| {
            let v = self.value(t);
            let ty = tag_t
                .filter(|&tt| self.needs_annotation(tt, &v))
                .and_then(|tt| self.rust_type(tt));
            match ty {
                Some(ty) => prelude.push(parse_quote!(let tag: #ty = #v;)),
                None => prelude.push(parse_quote!(let tag = #v;)),
            }
            parse_quote!(tag)
        });
        let mut chain: Option<syn::Expr> = None;
        let mut default_body: Option<Vec<syn::Stmt>> = None;
        let mut conds: Vec<(syn::Expr, Vec<syn::Stmt>)> = Vec::new();
        for (c, body) in clauses.iter().zip(bodies) {
            if c.is_default {
                default_body = Some(body);
                continue;
            }
            let mut parts: Vec<syn::Expr> = Vec::new();
            for e in &c.exprs {
                let cond: syn::Expr = match (&tag_val, tag_t) {
                    (Some(tv), Some(tt)) if self.is_empty_interface(tt) => {
                        match self.iface_case_cond(tv, e) {
                            Some(c) => c,
                            None => return self.unsupported(e, "switch case of this type"),
                        }
                    }
                    (Some(_), Some(tt))
                        if matches!(self.under(tt), Type::Func(_))
                            || self.is_interface(tt)
                            || self.type_of(e).is_some_and(|t| self.is_interface(t)) =>
                    {
                        // `Rc<dyn Fn>` and `Option<Rc<dyn Trait>>` have no `==`.
                        return self
                            .unsupported(e, "switch case comparing function or interface values");
                    }
                    (Some(tv), Some(tt)) => {
                        if self.is_string(tt) {
                            let rhs: syn::Expr = match self.const_str(e) {
                                Some(l) => parse_quote!(#l),
                                None => {
                                    let v = self.borrowed(e);
                                    parse_quote!(#v)
                                }
                            };
                            parse_quote!(#tv == #rhs)
                        } else {
                            let v = self.value_as(e, tt);
                            let v = paren_if_needed(v);
                            parse_quote!(#tv == #v)
                        }
                    }
                    _ if self.type_of(e).is_some_and(|t| self.is_empty_interface(t)) => {
                        // A tagless switch compares each case with `true`.
                        let v = self.borrowed(e);
                        self.use_support("iface");
                        parse_quote!(crate::support::iface::eq_value::<bool>(&#v, &true))
                    }
                    _ => {
                        let v = self.value(e);
                        paren_if_needed(v)
                    }
                };
                parts.push(cond);
            }
            let cond: syn::Expr = if parts.len() == 1 {
                parts.remove(0)
            } else {
                parse_quote!(#(#parts)||*)
            };
            conds.push((cond, body));
        }
        for (cond, body) in conds.into_iter().rev() {
            chain = Some(match chain {
                None => match &default_body {
                    Some(d) => parse_quote!(if #cond { #(#body)* } else { #(#d)* }),
                    None => parse_quote!(if #cond { #(#body)* }),
                },
                Some(rest) => parse_quote!(if #cond { #(#body)* } else #rest),
            });
        }
        let chain = chain.unwrap_or_else(|| {
            let d = default_body.clone().unwrap_or_default();
            parse_quote!({ #(#d)* })
        });
        let _ = s;
        if prelude.is_empty() {
            chain
        } else {
            parse_quote!({
                #(#prelude)*
                #chain
            })
        }
    }

    fn cases_distinct(&self, clauses: &[CaseClause]) -> bool {
        let mut seen = Vec::new();
        for c in clauses {
            for e in &c.exprs {
                let v = self.info.const_value(e.id).map(|v| format!("{v:?}"));
                if seen.contains(&v) {
                    return false;
                }
                seen.push(v);
            }
        }
        true
    }
}

fn split_fallthrough(body: &[Stmt]) -> (&[Stmt], bool) {
    match body.last() {
        Some(Stmt {
            kind:
                StmtKind::Branch {
                    kind: BranchKind::Fallthrough,
                    ..
                },
            ..
        }) => (&body[..body.len() - 1], true),
        _ => (body, false),
    }
}

pub(crate) fn root_ident(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Ident(_) => Some(e),
        ExprKind::Paren(x)
        | ExprKind::Selector { x, .. }
        | ExprKind::Index { x, .. }
        | ExprKind::Slice { x, .. }
        | ExprKind::Star(x) => root_ident(x),
        _ => None,
    }
}

/// The variable at the root of the path `e` (`s` of `s.items[i].n`), as [`root_ident`] finds it.
pub(crate) fn root_obj(info: &goxide_types::Info, e: &Expr) -> Option<goxide_types::ObjId> {
    root_ident(e).and_then(|r| info.uses.get(&r.id)).copied()
}

/// Two expressions naming the same place syntactically (`s` and `s`, `a.b` and `a.b`).
pub(crate) fn same_place(a: &Expr, b: &Expr) -> bool {
    match (&a.kind, &b.kind) {
        (ExprKind::Ident(x), ExprKind::Ident(y)) => x == y,
        (ExprKind::Selector { x: ax, sel: asel }, ExprKind::Selector { x: bx, sel: bsel }) => {
            asel.name == bsel.name && same_place(ax, bx)
        }
        (ExprKind::Star(x), ExprKind::Star(y)) => same_place(x, y),
        (ExprKind::Paren(x), _) => same_place(x, b),
        (_, ExprKind::Paren(y)) => same_place(a, y),
        _ => false,
    }
}

/// Replaces the receiver `v` of `v.push(x);` / `v.extend…;` with `target`.
pub(crate) fn rewrite_receiver(s: syn::Stmt, target: &syn::Expr) -> syn::Stmt {
    if let syn::Stmt::Expr(syn::Expr::MethodCall(mut mc), semi) = s {
        mc.receiver = Box::new(target.clone());
        return syn::Stmt::Expr(syn::Expr::MethodCall(mc), semi);
    }
    s
}

/// `p op= v;` for a Go compound assignment (`&^=` is `&= !v`).
/// When an update's operand `value` names what its place `place` names (a variable, a field;
/// `self` alone does not count, as disjoint fields may be borrowed apart): a temporary's name,
/// free in `place`, to compute the operand into first.
fn operand_reads_place(place: &syn::Expr, value: &syn::Expr) -> Option<syn::Ident> {
    let (mut in_place, mut in_value) = (Vec::new(), Vec::new());
    crate::names::idents_in(place, &mut in_place);
    crate::names::idents_in(value, &mut in_value);
    in_place
        .iter()
        .any(|i| i != "self" && in_value.contains(i))
        .then(|| crate::names::temp_not_among("v", &in_place))
}

fn compound_assign(op: BinaryOp, p: syn::Expr, v: &syn::Expr) -> syn::Stmt {
    match op {
        BinaryOp::Add => parse_quote!(#p += #v;),
        BinaryOp::Sub => parse_quote!(#p -= #v;),
        BinaryOp::Mul => parse_quote!(#p *= #v;),
        BinaryOp::Div => parse_quote!(#p /= #v;),
        BinaryOp::Rem => parse_quote!(#p %= #v;),
        BinaryOp::And => parse_quote!(#p &= #v;),
        BinaryOp::Or => parse_quote!(#p |= #v;),
        BinaryOp::Xor => parse_quote!(#p ^= #v;),
        _ => parse_quote!(#p &= !#v;),
    }
}

/// A condition or scrutinee: parenthesized when it contains a struct literal, which Rust
/// would otherwise read as the block.
pub fn cond_expr(e: syn::Expr) -> syn::Expr {
    let has_brace = quote::ToTokens::to_token_stream(&e)
        .into_iter()
        .any(|t| matches!(t, proc_macro2::TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace));
    if has_brace && !matches!(e, syn::Expr::Paren(_)) {
        parse_quote!((#e))
    } else {
        e
    }
}

/// A sentinel statement that the facade turns into a `// text` comment.
impl Ctx<'_> {
    /// For a package variable declaration `localize` moved into this function: its comment.
    fn localized<'s>(&self, s: &'s Stmt) -> Option<Option<&'s str>> {
        let StmtKind::Decl(Decl {
            kind: DeclKind::Var(specs),
            doc,
            ..
        }) = &s.kind
        else {
            return None;
        };
        let first = specs.first()?.names.first()?;
        self.opts
            .localized
            .contains_key(&first.id)
            .then_some(doc.as_deref())
    }
}

pub fn comment_stmt(text: &str) -> syn::Stmt {
    let lit = syn::LitStr::new(text, proc_macro2::Span::call_site());
    parse_quote!(__goxide_comment!(#lit);)
}

fn stmt_kind_name(k: &StmtKind) -> &'static str {
    match k {
        StmtKind::Go(_) => "go statement",
        StmtKind::Defer(_) => "defer",
        StmtKind::Select { .. } => "select",
        StmtKind::Send { .. } => "channel send",
        StmtKind::TypeSwitch { .. } => "type switch",
        StmtKind::Bad => "syntax error",
        _ => "statement",
    }
}

#[allow(dead_code)]
fn is_func_obj(k: &ObjKind) -> bool {
    matches!(k, ObjKind::Func { .. })
}

/// Whether a top-level `let` of `body` declares a name that `post` uses.
fn shadows_post(body: &[syn::Stmt], post: &[syn::Stmt]) -> bool {
    if post.is_empty() {
        return false;
    }
    let post_text: Vec<String> = post
        .iter()
        .flat_map(|s| {
            quote::ToTokens::to_token_stream(s)
                .into_iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    let post_text = post_text.join(" ");
    body.iter().any(|s| {
        let syn::Stmt::Local(l) = s else {
            return false;
        };
        let pat = match &l.pat {
            syn::Pat::Type(t) => &*t.pat,
            p => p,
        };
        match pat {
            syn::Pat::Ident(i) => post_text
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|w| i.ident == w),
            _ => false,
        }
    })
}

/// Whether `e` is `todo!()`.
fn is_todo(e: &syn::Expr) -> bool {
    matches!(e, syn::Expr::Macro(m) if m.mac.path.is_ident("todo"))
}

/// `m.contains_key(k)` for the comma-ok lookup `match m.get(k) { Some(v) => (v.clone(), true),
/// None => (zero, false) }`.
fn map_presence(value: &syn::Expr) -> Option<syn::Expr> {
    let syn::Expr::Match(m) = value else {
        return None;
    };
    let syn::Expr::MethodCall(get) = &*m.expr else {
        return None;
    };
    let is_lookup = get.method == "get"
        && get.args.len() == 1
        && m.arms.len() == 2
        && matches!(&m.arms[0].pat, syn::Pat::TupleStruct(t) if t.path.is_ident("Some"))
        && matches!(&m.arms[1].pat, syn::Pat::Ident(i) if i.ident == "None");
    if !is_lookup {
        return None;
    }
    let receiver = &get.receiver;
    let key = &get.args[0];
    Some(parse_quote!(#receiver.contains_key(#key)))
}
