//! Why a local pointer or pointer parameter stays shared, in the words of the ownership report:
//! the first thing the function does with it that a Rust owner or borrow could not express (it
//! is copied from a pointer that others hold, stored, returned, sent, compared by address,
//! captured), so that a person reading the report sees where the aliasing comes from.
//!
//! Only the report uses this; emission follows `ptr_params`, which decides what is shared.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program};

/// The reason `o` (declared in `body`, or one of its function's parameters) is aliased, when
/// one of the known forms shows it.
pub fn reason(
    prog: &Program,
    info: &Info,
    params: &crate::ptr_params::PtrParams,
    ptr_value_methods: &std::collections::HashSet<ObjId>,
    body: &Block,
    o: ObjId,
) -> Option<String> {
    let mut f = Find {
        prog,
        info,
        ctors: &params.ctors,
        fn_modes: &params.fn_modes,
        deferred: 0,
        ptr_value_methods,
        o,
        from: None,
        kept: None,
        nil_compared: false,
        called: Default::default(),
    };
    visit::walk_block(&mut f, body);
    f.from
        .or(f.kept)
        .or_else(|| f.nil_compared.then(|| NIL_COMPARED.to_string()))
}

/// The reason given when the only thing found is a comparison with nil.
pub const NIL_COMPARED: &str = "it is compared with nil";

struct Find<'a> {
    prog: &'a Program,
    info: &'a Info,
    /// Constructors (see `ptr_params`): their results are fresh, so no origin of aliasing.
    ctors: &'a std::collections::HashSet<ObjId>,
    /// Which parameters of each function borrow (see `ptr_params`): passing to one keeps
    /// nothing.
    fn_modes: &'a std::collections::HashMap<ObjId, Vec<Option<crate::analysis::SliceMode>>>,
    /// Depth of `go` and `defer` statements being walked.
    deferred: usize,
    /// Methods that use their receiver as a pointer value (see `ptr_receivers`).
    ptr_value_methods: &'a std::collections::HashSet<ObjId>,
    o: ObjId,
    /// Where its value comes from, when that is a pointer others may hold.
    from: Option<String>,
    /// The first use that keeps or compares it.
    kept: Option<String>,
    nil_compared: bool,
    /// Method selectors that are called (the others are method values).
    called: std::collections::HashSet<NodeId>,
}

impl Find<'_> {
    fn is_o(&self, e: &Expr) -> bool {
        let e = strip_parens(e);
        matches!(e.kind, ExprKind::Ident(_)) && self.info.uses.get(&e.id) == Some(&self.o)
    }

    fn defines_o(&self, e: &Expr) -> bool {
        self.info.defs.get(&e.id) == Some(&self.o)
    }

    /// Whether every argument naming the pointer goes to a parameter that borrows it.
    fn lent_to_borrows(&self, func: &Expr, args: &[Expr]) -> bool {
        let modes = crate::callback_params::callee(self.info, func)
            .and_then(|(_, g)| self.fn_modes.get(&g));
        self.deferred == 0
            && modes.is_some_and(|m| {
                args.iter()
                    .enumerate()
                    .filter(|(_, a)| self.is_o(a))
                    .all(|(i, _)| m.get(i).copied().flatten().is_some())
            })
    }

    fn keep(&mut self, why: String) {
        if self.kept.is_none() {
            self.kept = Some(why);
        }
    }

    fn name(&self, e: &Expr) -> Option<String> {
        match &strip_parens(e).kind {
            ExprKind::Ident(n) => Some(n.clone()),
            ExprKind::Selector { x, sel } => match &strip_parens(x).kind {
                ExprKind::Ident(p) => Some(format!("{p}.{}", sel.name)),
                _ => Some(sel.name.clone()),
            },
            _ => None,
        }
    }

    /// Where a value assigned at the declaration comes from.
    fn origin(&self, v: &Expr) -> Option<String> {
        let v = strip_parens(v);
        Some(match &v.kind {
            ExprKind::Call { func, .. } => {
                let f = strip_parens(func);
                let builtin = self
                    .info
                    .uses
                    .get(&f.id)
                    .is_some_and(|&b| matches!(self.prog.obj(b).kind, ObjKind::Builtin(_)));
                let conversion = self
                    .info
                    .types
                    .get(&f.id)
                    .is_some_and(|t| t.mode == goxide_types::Mode::Type);
                let ctor = self
                    .info
                    .uses
                    .get(&f.id)
                    .is_some_and(|c| self.ctors.contains(c));
                if builtin || conversion || ctor {
                    return None;
                }
                match self.name(f) {
                    Some(n) => {
                        format!("it holds the pointer `{n}` returns, which may be kept elsewhere")
                    }
                    None => "it holds a pointer a call returns, which may be kept elsewhere".into(),
                }
            }
            ExprKind::Ident(n) if n != "nil" => format!("it is a copy of the pointer `{n}`"),
            ExprKind::Selector { .. } | ExprKind::Index { .. } => {
                "it is a copy of a pointer kept in a field or element".into()
            }
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } if !matches!(strip_parens(x).kind, ExprKind::CompositeLit { .. }) => {
                match self.name(x) {
                    Some(n) => format!("it points to `{n}`, which is used directly as well"),
                    None => "it points into another value".into(),
                }
            }
            ExprKind::Unary {
                op: UnaryOp::Recv, ..
            } => "it is a pointer received from a channel".into(),
            ExprKind::TypeAssert { .. } => "it is a pointer taken out of an interface value".into(),
            _ => return None,
        })
    }

    /// What assigning `o` to `target` does.
    fn stored_in(&self, target: &Expr) -> String {
        let t = strip_parens(target);
        match &t.kind {
            ExprKind::Ident(n) => {
                let global = self.info.uses.get(&t.id).is_some_and(|&v| {
                    matches!(self.prog.obj(v).kind, ObjKind::Var { global: true, .. })
                });
                if global {
                    format!("it is stored in package variable `{n}`")
                } else {
                    format!("it is copied into `{n}`")
                }
            }
            ExprKind::Selector { sel, .. } => format!("it is stored in field `{}`", sel.name),
            ExprKind::Index { .. } => "it is stored in an element of a slice, array or map".into(),
            _ => "it is stored through a pointer".into(),
        }
    }
}

impl Visitor for Find<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        if let StmtKind::Go(c) | StmtKind::Defer(c) = &s.kind {
            // (A call made later lends nothing.)
            self.deferred += 1;
            visit::walk_expr(self, c);
            self.deferred -= 1;
            return false;
        }
        match &s.kind {
            // `p, ok := f()`: from the call.
            StmtKind::Assign { lhs, op, rhs }
                if rhs.len() == 1
                    && lhs.len() > 1
                    && lhs
                        .iter()
                        .any(|l| self.defines_o(l) || self.is_o(l) && *op == AssignOp::Assign) =>
            {
                let why = self.origin(&rhs[0]);
                self.from = self.from.take().or(why);
            }
            StmtKind::Assign { lhs, op, rhs } if lhs.len() == rhs.len() => {
                for (l, r) in lhs.iter().zip(rhs) {
                    if *op == AssignOp::Define && self.defines_o(l) {
                        self.from = self.from.take().or_else(|| self.origin(r));
                    } else if self.is_o(l) && *op == AssignOp::Assign {
                        if let Some(why) = self.origin(r) {
                            self.from
                                .get_or_insert(why.replace("it holds", "it is given"));
                        }
                    }
                    if self.is_o(r) && !matches!(&l.kind, ExprKind::Ident(n) if n == "_") {
                        let why = self.stored_in(l);
                        self.keep(why);
                    }
                }
            }
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for spec in specs {
                    if let [v] = spec.values.as_slice() {
                        if spec.names.len() > 1
                            && spec
                                .names
                                .iter()
                                .any(|n| self.info.defs.get(&n.id) == Some(&self.o))
                        {
                            let why = self.origin(v);
                            self.from = self.from.take().or(why);
                        }
                    }
                    for (n, v) in spec.names.iter().zip(&spec.values) {
                        if self.info.defs.get(&n.id) == Some(&self.o) {
                            self.from = self.from.take().or_else(|| self.origin(v));
                        } else if self.is_o(v) && !n.is_blank() {
                            self.keep(format!("it is copied into `{}`", n.name));
                        }
                    }
                }
            }
            StmtKind::Range { key, value, x, .. }
                if key
                    .iter()
                    .chain(value)
                    .any(|k| self.defines_o(k) || self.is_o(k)) =>
            {
                let what = match self.name(x) {
                    Some(n) => format!("it is an element of `{n}`, which keeps the pointer too"),
                    None => "it is an element of what the loop ranges over, which keeps the \
                             pointer too"
                        .into(),
                };
                self.from.get_or_insert(what);
            }
            StmtKind::Return(vals) if vals.iter().any(|v| self.is_o(v)) => {
                self.keep("it is returned".into())
            }
            StmtKind::Send { value, .. } if self.is_o(value) => {
                self.keep("it is sent on a channel".into())
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        if let ExprKind::Call { func, .. } = &e.kind {
            self.called.insert(strip_parens(func).id);
        }
        match &e.kind {
            ExprKind::Selector { x, .. }
                if self.is_o(x)
                    && !self.called.contains(&e.id)
                    && self
                        .info
                        .selections
                        .get(&e.id)
                        .is_some_and(|s| s.kind == goxide_types::SelectionKind::MethodVal) =>
            {
                self.keep("a method value binds it".into())
            }
            ExprKind::Selector { x, sel }
                if self.is_o(x)
                    && self.called.contains(&e.id)
                    && self.info.selections.get(&e.id).is_some_and(|s| {
                        s.kind == goxide_types::SelectionKind::MethodVal
                            && self.ptr_value_methods.contains(&s.obj)
                    }) =>
            {
                self.keep(format!(
                    "it is the receiver of `{}`, which uses its receiver as a pointer value \
                     (copies or keeps it)",
                    sel.name
                ))
            }
            ExprKind::Index { x, indices }
                if indices.iter().any(|i| self.is_o(i))
                    && self.info.type_of(x.id).is_some_and(|t| {
                        matches!(self.prog.types.under(t), goxide_types::Type::Map(..))
                    }) =>
            {
                self.keep("it is a map key (its identity matters)".into())
            }
            ExprKind::Call { func, args, .. }
                if args.iter().any(|a| self.is_o(a)) && !self.lent_to_borrows(func, args) =>
            {
                let f = strip_parens(func);
                let append = self.info.uses.get(&f.id).is_some_and(|&b| {
                    matches!(self.prog.obj(b).kind, ObjKind::Builtin(Builtin::Append))
                });
                let why = if append {
                    "it is appended to a slice".to_string()
                } else {
                    match self.name(f) {
                        Some(n) => format!("it is passed to `{n}`, which may keep it"),
                        None => "it is passed to a function value, which may keep it".into(),
                    }
                };
                self.keep(why);
            }
            ExprKind::CompositeLit { elems, .. } if elems.iter().any(|el| self.is_o(&el.value)) => {
                self.keep("it is stored in a composite literal".into())
            }
            ExprKind::Binary { op, x, y }
                if matches!(op, BinaryOp::Eq | BinaryOp::Ne) && (self.is_o(x) || self.is_o(y)) =>
            {
                let other = if self.is_o(x) { y } else { x };
                if matches!(&strip_parens(other).kind, ExprKind::Ident(n) if n == "nil") {
                    self.nil_compared = true;
                } else {
                    self.keep("it is compared with another pointer (its identity matters)".into());
                }
            }
            ExprKind::FuncLit { .. } if crate::subslice::mentions(self.info, e, self.o) => {
                self.keep("a closure captures it".into());
                return false;
            }
            _ => {}
        }
        true
    }
}

/// Facts about the package's functions that keep a pointer parameter from being a borrow
/// although its body only reaches through it.
#[derive(Default)]
pub struct Callers {
    /// Functions and methods used as values (not only called).
    as_values: std::collections::HashSet<ObjId>,
}

impl Callers {
    pub fn find(prog: &Program, info: &Info, files: &[&File]) -> Callers {
        struct W<'a> {
            prog: &'a Program,
            info: &'a Info,
            called: std::collections::HashSet<NodeId>,
            out: Callers,
        }
        impl W<'_> {
            fn func_of(&self, e: &Expr) -> Option<ObjId> {
                let e = strip_parens(e);
                let o = match &e.kind {
                    ExprKind::Ident(_) => self.info.uses.get(&e.id).copied(),
                    ExprKind::Selector { .. } => self.info.selections.get(&e.id).map(|s| s.obj),
                    _ => None,
                }?;
                matches!(self.prog.obj(o).kind, ObjKind::Func { .. }).then_some(o)
            }
        }
        impl Visitor for W<'_> {
            fn expr(&mut self, e: &Expr) -> bool {
                if let ExprKind::Call { func, .. } = &e.kind {
                    self.called.insert(strip_parens(func).id);
                }
                if matches!(e.kind, ExprKind::Ident(_) | ExprKind::Selector { .. })
                    && !self.called.contains(&e.id)
                {
                    if let Some(f) = self.func_of(e) {
                        self.out.as_values.insert(f);
                    }
                }
                true
            }
        }
        let mut w = W {
            prog,
            info,
            called: Default::default(),
            out: Callers::default(),
        };
        for f in files {
            for d in &f.decls {
                visit::walk_decl(&mut w, d);
            }
        }
        w.out
    }

    /// Why a parameter of function `f` (declared by `fd`) is no borrow, when its function's
    /// signature or callers say it.
    pub fn param_reason(
        &self,
        f: ObjId,
        fd: &FuncDecl,
        iface_methods: &std::collections::HashSet<String>,
    ) -> Option<String> {
        Some(
            if fd.recv.is_some() && iface_methods.contains(&fd.name.name) {
                format!(
                    "an interface may call `{}`, whose trait fixes the parameter's type",
                    fd.name.name
                )
            } else if self.as_values.contains(&f) {
                "its function is used as a value, whose type fixes the parameter's".to_string()
            } else {
                return None;
            },
        )
    }
}
