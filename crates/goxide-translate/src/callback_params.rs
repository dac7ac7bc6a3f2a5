//! Callback parameters. A function parameter of function type that the function only calls
//! (or passes on to another such parameter) is a borrow of the caller's closure for the call:
//!
//! ```go
//! func each(xs []int, f func(int)) {
//!     for _, x := range xs {
//!         f(x)
//!     }
//! }
//! each(xs, func(x int) { total += x })
//! ```
//!
//! becomes `fn each(xs: &[i64], f: &mut dyn FnMut(i64))` called as
//! `each(&xs, &mut |x: i64| { total += x; })`: the literal borrows `total`, which needs no
//! shared cell, when nothing else in the calling statement uses it (or nothing changes it).
//!
//! Parameters (found here, with a fixed point): `p` of a package function or method `f` (not
//! one an interface may call) whose uses are all direct calls (`f(…)`, `x.f(…)`), not in a
//! `go` or `defer` statement, where `p` is never assigned, is only called (`p(…)`, outside `go`, `defer` and
//! function literals) or passed to another such parameter, and no call passes `nil` for it.
//! Arguments: a function literal whose captured variables are neither pointers nor functions,
//! never have their address taken nor are re-sliced, and — unless nothing changes them — are
//! not named by the statement holding the call outside the literal borrows what it captures
//! (`&mut |x| …`); any other argument is lent as it is (`&mut f`, `&mut &*value`).

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, Program, Type};
use std::collections::{HashMap, HashSet};

/// The callback parameters of a package and the literals passed to them that borrow.
#[derive(Default, Debug)]
pub struct CallbackParams {
    /// For each function with callback parameters: which of its parameters are.
    pub positions: HashMap<ObjId, Vec<bool>>,
    /// The callback parameters themselves.
    pub params: HashSet<ObjId>,
    /// Function literals passed to a callback parameter that borrow what they capture.
    pub borrowing_lits: HashSet<NodeId>,
}

/// Finds the callback parameters of `files`; `unchanged` tells the variables nothing changes
/// after their declaration.
pub fn find(
    prog: &Program,
    info: &Info,
    files: &[&File],
    unchanged: &dyn Fn(ObjId) -> bool,
) -> CallbackParams {
    // Candidate functions, their parameter lists, and bodies.
    let mut funcs: HashMap<ObjId, (Vec<Option<ObjId>>, &Block)> = HashMap::new();
    let iface_methods = crate::ptr_params::interface_method_names(files);
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(body), Some(&fobj)) = (&fd.body, info.defs.get(&fd.name.id)) else {
                continue;
            };
            // (A method an interface may call has the signature its trait fixes.)
            if fd.recv.is_some() && iface_methods.contains(&fd.name.name) {
                continue;
            }
            let params = crate::ptr_params::param_objs(info, &fd.sig, |p| {
                let t = prog.obj(p).ty;
                // (A function type naming itself, `type F func(int, F)`, is not borrowed:
                // a function passed for it has the type's own signature.)
                matches!(prog.types.under(t), Type::Func(s)
                        if !s.variadic && !s.params.iter().chain(&s.results).any(|&u| u == t))
            });
            if params.iter().any(Option::is_some) {
                funcs.insert(fobj, (params, body));
            }
        }
    }
    // How every function and parameter is used, package-wide.
    let mut uses = Uses {
        prog,
        info,
        hidden: 0,
        lits: 0,
        direct: HashSet::new(),
        bad: HashSet::new(),
        edges: Vec::new(),
        nil_args: HashSet::new(),
        funcs: &funcs,
    };
    for f in files {
        for d in &f.decls {
            match &d.kind {
                DeclKind::Func(fd) => {
                    if let Some(b) = &fd.body {
                        visit::walk_block(&mut uses, b);
                    }
                }
                _ => visit::walk_decl(&mut uses, d),
            }
        }
    }
    let mut params: HashSet<ObjId> = funcs
        .iter()
        .filter(|(f, _)| !uses.bad.contains(f))
        .flat_map(|(f, (ps, _))| {
            ps.iter()
                .enumerate()
                .filter(|&(i, p)| p.is_some() && !uses.nil_args.contains(&(*f, i)))
                .filter_map(|(_, p)| *p)
        })
        .filter(|p| !uses.bad.contains(p))
        .collect();
    // A parameter passed on must be passed to a callback parameter.
    loop {
        let before = params.len();
        for &(p, g, j) in &uses.edges {
            let target = funcs
                .get(&g)
                .and_then(|(ps, _)| ps.get(j).copied().flatten());
            if !target.is_some_and(|t| params.contains(&t)) {
                params.remove(&p);
            }
        }
        if params.len() == before {
            break;
        }
    }
    let mut out = CallbackParams {
        positions: crate::ptr_params::positions(
            funcs.iter().map(|(&f, (ps, _))| (f, &ps[..])),
            &params,
        ),
        ..CallbackParams::default()
    };
    out.params = params;
    // The literals passed to them that can borrow.
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(body) = &fd.body else { continue };
            let mut facts = crate::local_closures::BodyFacts::new(info);
            visit::walk_block(&mut facts, body);
            let mut lists = Lists {
                prog,
                info,
                unchanged,
                facts: &facts,
                positions: &out.positions,
                found: Vec::new(),
            };
            lists.list(&body.stmts);
            visit::walk_block(&mut crate::subslice::EachList(&mut lists), body);
            out.borrowing_lits.extend(lists.found);
        }
    }
    out
}

/// The uses of candidate functions and of their callback parameters.
struct Uses<'a> {
    prog: &'a Program,
    info: &'a Info,
    /// Depth of `go` and `defer` statements.
    hidden: usize,
    /// Depth of function literals.
    lits: usize,
    /// Identifiers in the callee position of a direct call (outside `go`/`defer`).
    direct: HashSet<NodeId>,
    /// Functions and parameters used otherwise.
    bad: HashSet<ObjId>,
    /// A parameter passed as argument `j` of a direct call of `g`: `(p, g, j)`.
    edges: Vec<(ObjId, ObjId, usize)>,
    /// `(g, j)`: some call passes `nil` as argument `j` of `g`.
    nil_args: HashSet<(ObjId, usize)>,
    funcs: &'a HashMap<ObjId, (Vec<Option<ObjId>>, &'a Block)>,
}

impl Visitor for Uses<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        if let StmtKind::Go(c) | StmtKind::Defer(c) = &s.kind {
            self.hidden += 1;
            visit::walk_expr(self, c);
            self.hidden -= 1;
            return false;
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(_) => {
                let Some(&o) = self.info.uses.get(&e.id) else {
                    return true;
                };
                let candidate = self.funcs.contains_key(&o);
                let param = matches!(self.prog.obj(o).kind, ObjKind::Var { global: false, .. });
                if (candidate || param) && !self.direct.contains(&e.id) {
                    self.bad.insert(o);
                }
                if param && self.direct.contains(&e.id) && self.lits > 0 {
                    self.bad.insert(o);
                }
            }
            ExprKind::Selector { .. } => {
                if let Some(sel) = self.info.selections.get(&e.id) {
                    if self.funcs.contains_key(&sel.obj) && !self.direct.contains(&e.id) {
                        self.bad.insert(sel.obj);
                    }
                }
            }
            ExprKind::Call { func, args, .. } => {
                if self.hidden > 0 {
                    return true;
                }
                let Some((f, g)) = callee(self.info, func) else {
                    return true;
                };
                self.direct.insert(f);
                for (j, a) in args.iter().enumerate() {
                    let a = strip_parens(a);
                    if !matches!(a.kind, ExprKind::Ident(_)) {
                        continue;
                    }
                    if crate::builtins::is_nil_ident(self.prog, self.info, a) {
                        self.nil_args.insert((g, j));
                        continue;
                    }
                    let Some(&p) = self.info.uses.get(&a.id) else {
                        continue;
                    };
                    if self.funcs.contains_key(&g) && self.lits == 0 {
                        self.edges.push((p, g, j));
                        self.direct.insert(a.id);
                    }
                }
            }
            ExprKind::FuncLit { body, .. } => {
                self.lits += 1;
                visit::walk_block(self, body);
                self.lits -= 1;
                return false;
            }
            _ => {}
        }
        true
    }
}

/// Visits every statement list of one body and finds the literals passed to callback
/// parameters that can borrow what they capture.
struct Lists<'a> {
    prog: &'a Program,
    info: &'a Info,
    unchanged: &'a dyn Fn(ObjId) -> bool,
    facts: &'a crate::local_closures::BodyFacts<'a>,
    positions: &'a HashMap<ObjId, Vec<bool>>,
    found: Vec<NodeId>,
}

impl Lists<'_> {
    fn list(&mut self, list: &[Stmt]) {
        for s in list {
            for e in own_exprs(s) {
                let mut args = CallbackArgs {
                    lists: self,
                    stmt: s,
                    found: Vec::new(),
                };
                visit::walk_expr(&mut args, e);
                let found = args.found;
                self.found.extend(found);
            }
        }
    }

    /// Whether the literal `lit`, passed to a callback parameter in statement `s`, can borrow
    /// what it captures.
    fn borrows(&self, s: &Stmt, lit: &Expr) -> bool {
        let Some(captured) = crate::local_closures::captured(self.prog, self.info, self.facts, lit)
        else {
            return false;
        };
        let outside = named_outside(self.info, s, lit.id);
        captured
            .iter()
            .all(|&v| !outside.contains(&v) || (self.unchanged)(v))
    }
}

impl crate::subslice::ListWalk for Lists<'_> {
    fn list(&mut self, list: &[Stmt]) {
        Lists::list(self, list)
    }
}

/// The expressions a statement evaluates itself (not those of the blocks it holds); none for
/// `go` and `defer`, whose calls run later.
fn own_exprs(s: &Stmt) -> Vec<&Expr> {
    fn init(i: &Option<Box<Stmt>>) -> Vec<&Expr> {
        i.as_deref().map(own_exprs).unwrap_or_default()
    }
    match &s.kind {
        StmtKind::Expr(e) => vec![e],
        StmtKind::Assign { lhs, rhs, .. } => lhs.iter().chain(rhs).collect(),
        StmtKind::Return(es) => es.iter().collect(),
        StmtKind::IncDec { x, .. } => vec![x],
        StmtKind::Send { chan, value } => vec![chan, value],
        StmtKind::Decl(Decl {
            kind: DeclKind::Var(specs),
            ..
        }) => specs.iter().flat_map(|sp| &sp.values).collect(),
        StmtKind::Labeled { stmt, .. } => own_exprs(stmt),
        StmtKind::If { init: i, cond, .. } => {
            let mut v = init(i);
            v.push(cond);
            v
        }
        StmtKind::For {
            init: i,
            cond,
            post,
            ..
        } => {
            let mut v = init(i);
            v.extend(cond);
            v.extend(post.as_deref().map(own_exprs).unwrap_or_default());
            v
        }
        StmtKind::Switch { init: i, tag, .. } => {
            let mut v = init(i);
            v.extend(tag);
            v
        }
        StmtKind::TypeSwitch { init: i, x, .. } => {
            let mut v = init(i);
            v.push(x);
            v
        }
        StmtKind::Range { x, .. } => vec![x],
        _ => Vec::new(),
    }
}

/// Finds function literals passed directly to callback parameters (not inside other literals)
/// that can borrow.
struct CallbackArgs<'l, 'a> {
    lists: &'l Lists<'a>,
    stmt: &'l Stmt,
    found: Vec<NodeId>,
}

impl Visitor for CallbackArgs<'_, '_> {
    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            // (The literal's own statements are another list's.)
            ExprKind::FuncLit { .. } => false,
            ExprKind::Call { func, args, .. } => {
                let pos =
                    callee(self.lists.info, func).and_then(|(_, g)| self.lists.positions.get(&g));
                for (a, &cb) in args.iter().zip(pos.into_iter().flatten()) {
                    let a = strip_parens(a);
                    if cb
                        && matches!(a.kind, ExprKind::FuncLit { .. })
                        && self.lists.borrows(self.stmt, a)
                    {
                        self.found.push(a.id);
                    }
                }
                true
            }
            _ => true,
        }
    }
}

/// Every object `s` names outside the expression `skip`.
fn named_outside(info: &Info, s: &Stmt, skip: NodeId) -> HashSet<ObjId> {
    struct Named<'i>(&'i Info, NodeId, HashSet<ObjId>);
    impl Visitor for Named<'_> {
        fn expr(&mut self, e: &Expr) -> bool {
            if e.id == self.1 {
                return false;
            }
            if let ExprKind::Ident(_) = &e.kind {
                if let Some(&o) = self.0.uses.get(&e.id) {
                    self.2.insert(o);
                }
            }
            true
        }
    }
    let mut n = Named(info, skip, HashSet::new());
    visit::walk_stmt(&mut n, s);
    n.2
}

impl crate::ctx::Ctx<'_> {
    /// The type of a callback parameter of Go type `t` (a function type):
    /// `&mut dyn FnMut(A) -> R`.
    pub fn callback_type(&mut self, t: goxide_types::TypeId) -> Option<syn::Type> {
        let Type::Func(sig) = self.under(t).clone() else {
            return None;
        };
        let mut ps = Vec::new();
        for &p in &sig.params {
            ps.push(self.rust_type(p)?);
        }
        let r = self.results_type(&sig.results, 0)?;
        Some(syn::parse_quote!(&mut dyn FnMut(#(#ps),*) #r))
    }

    /// Whether argument `i` of call `e` goes to a callback parameter.
    pub fn is_callback_arg(&self, e: &Expr, i: usize) -> bool {
        let ExprKind::Call { func, .. } = &e.kind else {
            return false;
        };
        callee(self.info, func)
            .and_then(|(_, g)| self.analysis.callbacks.positions.get(&g))
            .is_some_and(|pos| pos.get(i).copied().unwrap_or(false))
    }

    /// An argument lent to a callback parameter: a closure (`&mut |x| …`, borrowing what it
    /// captures where it can), a callback parameter passed on (`&mut *f`), a package function
    /// (`&mut f`), or any other function value, lent through its `Rc` (`&mut &*f`).
    pub fn callback_arg(&mut self, a: &Expr) -> syn::Expr {
        let a = strip_parens(a);
        match &a.kind {
            ExprKind::FuncLit { .. } => match self.closure(a) {
                Some(c) => syn::parse_quote!(&mut #c),
                None => self.unsupported(a, "function literal"),
            },
            ExprKind::Ident(_) => {
                let obj = self.obj_of(a);
                if let Some(o) = obj.filter(|o| self.analysis.callbacks.params.contains(o)) {
                    let id = self.var_name(o);
                    return syn::parse_quote!(&mut *#id);
                }
                if let Some(o) = obj.filter(|o| {
                    matches!(self.obj(*o).kind, ObjKind::Func { .. })
                        && !self.prog.func_type_params.contains_key(o)
                        && self.obj(*o).pkg.is_some()
                }) {
                    let id = self.var_name(o);
                    return syn::parse_quote!(&mut #id);
                }
                self.lent_fn_value(a)
            }
            _ => self.lent_fn_value(a),
        }
    }

    /// A function value lent to a callback parameter: `&mut f` for one made here
    /// (`Rc::new(f)`), else `&mut &*f` (an `&dyn Fn` is a `FnMut`).
    fn lent_fn_value(&mut self, a: &Expr) -> syn::Expr {
        let v = crate::expr::as_base(self.borrowed(a));
        if let syn::Expr::Call(c) = &v {
            let made = matches!(&*c.func, syn::Expr::Path(p)
                if p.path.segments.len() >= 2
                    && p.path.segments.last().is_some_and(|s| s.ident == "new")
                    && p.path.segments.iter().rev().nth(1).is_some_and(|s| s.ident == "Rc" || s.ident == "Arc"));
            if made && c.args.len() == 1 {
                let f = &c.args[0];
                return syn::parse_quote!(&mut #f);
            }
        }
        syn::parse_quote!(&mut &*#v)
    }
}

/// The function or method a call names directly (`f(…)`, `f[T](…)`, `x.M(…)`): the callee
/// expression's id (the identifier, or the selector) and the object.
pub(crate) fn callee(info: &Info, func: &Expr) -> Option<(NodeId, ObjId)> {
    let mut f = strip_parens(func);
    if let ExprKind::Index { x, .. } = &f.kind {
        f = strip_parens(x);
    }
    match &f.kind {
        ExprKind::Ident(_) => Some((f.id, *info.uses.get(&f.id)?)),
        ExprKind::Selector { .. } => {
            let sel = info.selections.get(&f.id)?;
            (sel.kind == goxide_types::SelectionKind::MethodVal).then_some((f.id, sel.obj))
        }
        _ => None,
    }
}
