//! Translation of functions returning `errors::Result` and of their calls (see `results` for
//! which functions and checks qualify).
//!
//! - the signature: `-> errors::Result<T>` (`errors::Result<()>` for `error` alone);
//! - `return v, nil` is `Ok(v)`, `return zero, err` is `errors::fail(err)`, `return g(…)` of
//!   another such function hands its result on;
//! - a check `v, err := f(…); if err != nil { … }` is `let v = match f(…) { Ok(v) => v,
//!   Err(err) => { let err = Some(err); … } };`, or `let v = f(…)?;` when the check only
//!   returns the error; `if err := f(…); err != nil { … }` is `if let Err(err) = f(…) { … }`;
//! - `f(…);` as a statement is `let _ = f(…);`;
//! - any other call is Go's pair: `errors::split(f(…))`, `errors::err_of(f(…))`.

use crate::builtins::{is_nil_ident, strip_parens};
use crate::ctx::Ctx;
use goxide_ast::ast::*;
use goxide_ast::visit::Visitor;
use goxide_types::{ObjId, Type};
use syn::parse_quote;

impl Ctx<'_> {
    /// The function returning `errors::Result` that call `e` names directly.
    pub fn result_callee(&self, e: &Expr) -> Option<ObjId> {
        crate::results::direct_callee(self.prog, self.info, e)
            .filter(|f| self.analysis.results.fns.contains(f))
    }

    /// Whether `f` returns a value beside its error (`errors::Result<T>`, not `<()>`).
    fn result_has_value(&self, f: ObjId) -> bool {
        matches!(self.under(self.obj(f).ty), Type::Func(sig) if sig.results.len() == 2)
    }

    /// The call `e` of a function returning `errors::Result`, as that result.
    pub fn raw_result_call(&mut self, e: &Expr) -> syn::Expr {
        self.raw_result_call = true;
        let c = self.call(strip_parens(e));
        self.raw_result_call = false;
        c
    }

    /// Go's pair (or error) of a call of function `f` returning `errors::Result`.
    pub fn result_as_pair(&mut self, f: ObjId, call: syn::Expr) -> syn::Expr {
        self.use_support("errors");
        if self.result_has_value(f) {
            parse_quote!(crate::support::errors::split(#call))
        } else {
            parse_quote!(crate::support::errors::err_of(#call))
        }
    }

    /// `-> errors::Result<T>` in place of `-> (T, error)`, `-> errors::Result<()>` in place of
    /// `-> error`.
    pub fn result_return_type(&mut self, ret: syn::ReturnType) -> syn::ReturnType {
        self.use_support("errors");
        match &ret {
            syn::ReturnType::Type(_, ty) => match &**ty {
                syn::Type::Tuple(t) if t.elems.len() == 2 => {
                    let v = &t.elems[0];
                    parse_quote!(-> crate::support::errors::Result<#v>)
                }
                _ => parse_quote!(-> crate::support::errors::Result<()>),
            },
            syn::ReturnType::Default => ret,
        }
    }

    /// `return …` in a function returning `errors::Result`.
    pub fn result_return(&mut self, s: &Stmt, values: &[Expr]) -> Vec<syn::Stmt> {
        let pair = self.func.results.len() == 2;
        if let [v] = values {
            if let Some(g) = self.result_callee(v) {
                if self.result_has_value(g) == pair {
                    let c = self.raw_result_call(v);
                    return vec![parse_quote!(return #c;)];
                }
            }
            if !pair && is_nil_ident(self.prog, self.info, v) {
                return vec![parse_quote!(return Ok(());)];
            }
        }
        // The pair as Go returns it, then its `Ok` or `Err`.
        self.func.result_fn = false;
        let mut out = self.return_stmt(s, values);
        self.func.result_fn = true;
        let ok = if pair {
            values
                .get(1)
                .is_some_and(|e| is_nil_ident(self.prog, self.info, e))
        } else {
            false
        };
        if let Some(syn::Stmt::Expr(syn::Expr::Return(r), _)) = out.last_mut() {
            if let Some(x) = r.expr.take() {
                self.use_support("errors");
                let new: syn::Expr = match (*x, pair) {
                    (syn::Expr::Tuple(t), true) if t.elems.len() == 2 => {
                        let mut it = t.elems.into_iter();
                        let (v, e) = (it.next().unwrap(), it.next().unwrap());
                        if ok {
                            parse_quote!(Ok(#v))
                        } else {
                            fail_of(e)
                        }
                    }
                    (x, false) => fail_of(x),
                    (x, true) => parse_quote!({
                        let (v, e) = #x;
                        match e {
                            Some(e) => Err(e),
                            None => Ok(v),
                        }
                    }),
                };
                r.expr = Some(Box::new(new));
            }
        }
        out
    }

    /// `f(…);` of a function returning `errors::Result`: `let _ = f(…);`.
    pub fn result_stmt(&mut self, e: &Expr) -> Option<Vec<syn::Stmt>> {
        self.result_callee(e)?;
        let c = self.raw_result_call(e);
        Some(vec![parse_quote!(let _ = #c;)])
    }

    /// Whether the check (see `result_check`) has an error variable nothing else uses.
    pub fn result_checked(&self, assign: &Stmt, check: Option<&Stmt>) -> bool {
        let assign = match (check, &assign.kind) {
            (Some(_), _) => assign,
            (
                None,
                StmtKind::If {
                    init: Some(init), ..
                },
            ) => &**init,
            _ => return false,
        };
        let StmtKind::Assign { lhs, .. } = &assign.kind else {
            return false;
        };
        lhs.last()
            .and_then(|e| {
                self.info
                    .defs
                    .get(&e.id)
                    .or_else(|| self.info.uses.get(&e.id))
            })
            .is_some_and(|o| self.analysis.results.checked_errs.contains(o))
    }

    /// A check `v, err := f(…)` + `if err != nil { … }` (`check` is the `if`), or `if err :=
    /// f(…); err != nil { … }` (`check` is `None`, `assign` the `if`).
    pub fn result_check(&mut self, assign: &Stmt, check: Option<&Stmt>) -> Vec<syn::Stmt> {
        let (assign, check) = match check {
            Some(c) => (assign, c),
            None => match &assign.kind {
                StmtKind::If {
                    init: Some(init), ..
                } => (&**init, assign),
                _ => return self.unsupported_stmt(assign, "error check"),
            },
        };
        let (StmtKind::Assign { lhs, op, rhs }, StmtKind::If { then, .. }) =
            (&assign.kind, &check.kind)
        else {
            return self.unsupported_stmt(assign, "error check");
        };
        let (Some((err_e, values)), [call]) = (lhs.split_last(), rhs.as_slice()) else {
            return self.unsupported_stmt(assign, "error check");
        };
        let define = matches!(op, AssignOp::Define);
        let Some(err) = self
            .info
            .defs
            .get(&err_e.id)
            .or_else(|| self.info.uses.get(&err_e.id))
            .copied()
        else {
            return self.unsupported_stmt(assign, "error check");
        };
        let raw = self.raw_result_call(call);
        let value = values
            .first()
            .filter(|v| !matches!(&v.kind, ExprKind::Ident(n) if n == "_"));
        if self.returns_only(then, err) {
            return match value {
                None => vec![parse_quote!(#raw?;)],
                Some(v) => {
                    let kept = self.ctor_kept_value(lhs, call, parse_quote!(#raw?));
                    self.bind_value(assign, v, kept, define)
                }
            };
        }
        // The error arm: `err` bound as Go's error value for the check's body.
        let go_name = self.obj(err).name.clone();
        let err_id = self.bind_local(err, &go_name);
        let named = mentions(self.info, then, err);
        let mut body = self.block(then).stmts;
        let pat: syn::Pat = if named {
            if assigns(self.info, then, err) {
                body.insert(0, parse_quote!(let mut #err_id = Some(#err_id);));
            } else {
                body.insert(0, parse_quote!(let #err_id = Some(#err_id);));
            }
            parse_quote!(#err_id)
        } else {
            parse_quote!(_)
        };
        match value {
            None => vec![parse_quote!(if let Err(#pat) = #raw { #(#body)* })],
            Some(v) => {
                if !then.stmts.last().is_some_and(diverges) {
                    body.push(syn::Stmt::Expr(parse_quote!(Default::default()), None));
                }
                let kept = self.ctor_kept_value(lhs, call, parse_quote!(v));
                let m: syn::Expr = parse_quote!(match #raw {
                    Ok(v) => #kept,
                    Err(#pat) => { #(#body)* }
                });
                self.bind_value(assign, v, m, define)
            }
        }
    }

    /// `let v = value;` for a new plain variable, else the value stored into `v`.
    fn bind_value(&mut self, s: &Stmt, v: &Expr, value: syn::Expr, define: bool) -> Vec<syn::Stmt> {
        let new = define
            .then(|| self.info.defs.get(&v.id).copied())
            .flatten()
            .filter(|o| !self.analysis.boxed.contains(o));
        if let (Some(o), ExprKind::Ident(n)) = (new, &v.kind) {
            let id = self.bind_local(o, n);
            if self.analysis.mutated.contains(&o)
                || self.analysis.ptr_params.owned.get(&o) == Some(&true)
            {
                return vec![parse_quote!(let mut #id = #value;)];
            }
            return vec![parse_quote!(let #id = #value;)];
        }
        let t = self.temp_name("t0");
        let mut out: Vec<syn::Stmt> = vec![parse_quote!(let #t = #value;)];
        out.extend(self.store(s, v, parse_quote!(#t), define));
        vec![parse_quote!({ #(#out)* })]
    }

    /// Whether a check's body only returns its error from a function returning
    /// `errors::Result` (`return nil, err`, `return err`): the check is `?`.
    fn returns_only(&self, then: &Block, err: ObjId) -> bool {
        if !self.func.result_fn {
            return false;
        }
        let [Stmt {
            kind: StmtKind::Return(vals),
            ..
        }] = then.stmts.as_slice()
        else {
            return false;
        };
        let Some((e, zeros)) = vals.split_last() else {
            return false;
        };
        vals.len() == self.func.results.len()
            && self.info.uses.get(&strip_parens(e).id) == Some(&err)
            && zeros
                .iter()
                .all(|z| crate::results::is_zero(self.prog, self.info, z))
    }
}

/// `Err` of an error value: `Err(x)` of one written `Some(x)` (an error type's value; the
/// result type makes `Rc<T>` an `Rc<dyn Error>`), else `errors::fail(err)`.
fn fail_of(err: syn::Expr) -> syn::Expr {
    if let syn::Expr::Call(c) = &err {
        if c.args.len() == 1 && matches!(&*c.func, syn::Expr::Path(p) if p.path.is_ident("Some")) {
            let mut x = c.args[0].clone();
            if let syn::Expr::Cast(cast) = &x {
                x = (*cast.expr).clone();
            }
            return parse_quote!(Err(#x));
        }
    }
    parse_quote!(crate::support::errors::fail(#err))
}

/// Whether `b` names variable `o`.
fn mentions(info: &goxide_types::Info, b: &Block, o: ObjId) -> bool {
    b.stmts
        .iter()
        .any(|s| crate::subslice::objects_used(info, s).contains(&o))
}

/// Whether `b` assigns variable `o`.
fn assigns(info: &goxide_types::Info, b: &Block, o: ObjId) -> bool {
    struct A<'a>(&'a goxide_types::Info, ObjId, bool);
    impl Visitor for A<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if let StmtKind::Assign { lhs, .. } = &s.kind {
                if lhs.iter().any(|l| {
                    self.0.uses.get(&strip_parens(l).id) == Some(&self.1)
                        || self.0.defs.get(&l.id) == Some(&self.1)
                }) {
                    self.2 = true;
                }
            }
            !self.2
        }
    }
    let mut a = A(info, o, false);
    goxide_ast::visit::walk_block(&mut a, b);
    a.2
}

/// Whether control never continues after `s` (`return`, `break`, `continue`, `goto`, `panic`,
/// or a block or `if`/`else` ending so).
fn diverges(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::Return(_) | StmtKind::Branch { .. } => true,
        StmtKind::Labeled { stmt, .. } => diverges(stmt),
        StmtKind::Expr(e) => {
            matches!(&e.kind, ExprKind::Call { func, .. } if matches!(&func.kind, ExprKind::Ident(n) if n == "panic"))
        }
        StmtKind::Block(b) => b.stmts.last().is_some_and(diverges),
        StmtKind::If {
            then,
            els: Some(els),
            ..
        } => then.stmts.last().is_some_and(diverges) && diverges(els),
        _ => false,
    }
}
