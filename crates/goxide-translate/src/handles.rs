//! Standard-library handles that are never copied. A `*bufio.Scanner`, `*os.File` or
//! `*csv.Reader` is a support handle (copies of it share one value, as Go pointers do); a local
//! variable that gets a fresh handle (from `new`, a standard-library function given no other
//! handle variable, or a method called on such a value) and is then only used in place — the receiver
//! of method calls whose results are not handles, its fields read or written, an operand of
//! `math/big` methods, an argument of standard-library functions that return nothing that
//! could hold it (so cannot keep it), compared with `nil` — is the handle's only holder: it
//! owns it, like a Rust `BufReader` or `File` variable.
//!
//! Giving the variable another fresh handle, swapping two such variables (`a, b = b, a`,
//! `std::mem::swap`) and returning it (which moves it out) keep it the only holder. A function
//! whose one result is always such a variable, a fresh handle or another such function's
//! result is a handle constructor: the caller's variable is then the only holder too.
//!
//! Anything else copies the handle and keeps it shared: assigning it to another variable,
//! passing it to a package function or a method, storing it, using it in a `go` or `defer`
//! statement or a function literal, or a method call whose result is a handle (`z.Add(x, y)`
//! returns `z`) used as a value.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, Program, SelectionKind, Type, TypeId};
use std::collections::{HashMap, HashSet};

/// The standard-library packages whose functions are known to the translator (the only ones
/// whose calls can be trusted not to keep a handle they are given when they return none).
const STD_PACKAGES: &[&str] = &[
    "bufio",
    "container/list",
    "container/ring",
    "encoding/csv",
    "encoding/json",
    "errors",
    "fmt",
    "io",
    "io/ioutil",
    "math/big",
    "net/url",
    "os",
    "sort",
    "strconv",
    "strings",
    "text/tabwriter",
    "text/template",
    "time",
];

/// What the analysis found: the handle variables that are their handle's only holder, and the
/// handle parameters that borrow the caller's handle.
#[derive(Default, Debug)]
pub struct Handles {
    /// Local variables holding a fresh handle they never copy.
    pub uncopied: HashSet<ObjId>,
    /// Parameters of handle type the function only uses in place (or passes on to another
    /// such parameter): `&support::bufio::Scanner`.
    pub params: HashSet<ObjId>,
    /// For each function or method with such parameters: which of its parameters are.
    pub positions: HashMap<ObjId, Vec<bool>>,
    /// Functions whose one result is always a fresh handle (the caller's is its only copy).
    pub ctors: HashSet<ObjId>,
}

/// The handle variables and parameters of `files` that never copy their handle.
pub fn find(prog: &Program, info: &Info, files: &[&File]) -> Handles {
    // Functions and methods (not ones an interface may call) with their handle parameters.
    let iface_methods = crate::ptr_params::interface_method_names(files);
    let mut funcs: HashMap<ObjId, Vec<Option<ObjId>>> = HashMap::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(&fobj) = info.defs.get(&fd.name.id) else {
                continue;
            };
            if fd.body.is_none() || fd.recv.is_some() && iface_methods.contains(&fd.name.name) {
                continue;
            }
            let ps = crate::ptr_params::param_objs(info, &fd.sig, |p| {
                crate::stdlib::std_handle(prog, prog.obj(p).ty)
                    .is_some_and(|h| !IMMUTABLE.contains(&h))
            });
            if ps.iter().any(Option::is_some) {
                funcs.insert(fobj, ps);
            }
        }
    }
    // Handle constructor candidates and what they return; assumed valid for a walk, then
    // checked against its findings until nothing changes.
    let returns = ctor_returns(prog, info, files);
    let mut ctors: HashSet<ObjId> = returns.keys().copied().collect();
    let (w, params, bad) = loop {
        let mut w = Walk::new(prog, info, &funcs, &ctors);
        for f in files {
            for d in &f.decls {
                if let DeclKind::Func(fd) = &d.kind {
                    if let Some(b) = &fd.body {
                        visit::walk_block(&mut w, b);
                    }
                } else {
                    visit::walk_decl(&mut w, d);
                }
            }
        }
        let (params, bad) = borrowing_params(&funcs, &w);
        let mut valid: HashSet<ObjId> = ctors
            .iter()
            .copied()
            .filter(|c| !w.valued.contains(c))
            .collect();
        loop {
            let before = valid.len();
            let keep: HashSet<ObjId> = valid
                .iter()
                .copied()
                .filter(|c| {
                    returns[c].iter().all(|r| match r {
                        Ret::Fresh => true,
                        Ret::Var(o) => {
                            w.fresh.contains(o) && w.seen.contains(o) && !bad.contains(o)
                        }
                        Ret::Ctor(g) => valid.contains(g),
                    })
                })
                .collect();
            valid = keep;
            if valid.len() == before {
                break;
            }
        }
        if valid == ctors {
            break (w, params, bad);
        }
        ctors = valid;
    };
    let mut out = Handles {
        positions: crate::ptr_params::positions(funcs.iter().map(|(&f, ps)| (f, &ps[..])), &params),
        ..Handles::default()
    };
    out.uncopied = w
        .fresh
        .iter()
        .copied()
        .filter(|o| w.seen.contains(o) && !bad.contains(o))
        .collect();
    out.params = params;
    out.ctors = ctors;
    out
}

/// Parameters borrow unless copied; a handle passed on must go to a borrowing parameter:
/// the borrowing parameters, and the variables copied (by the walk or by passing on).
fn borrowing_params(
    funcs: &HashMap<ObjId, Vec<Option<ObjId>>>,
    w: &Walk<'_>,
) -> (HashSet<ObjId>, HashSet<ObjId>) {
    let mut params: HashSet<ObjId> = funcs
        .iter()
        .filter(|(f, _)| !w.valued.contains(f))
        .flat_map(|(_, ps)| ps.iter().flatten().copied())
        .filter(|p| !w.bad.contains(p))
        .collect();
    let mut bad = w.bad.clone();
    loop {
        let mut changed = false;
        for &(v, g, j) in &w.edges {
            let target = funcs.get(&g).and_then(|ps| ps.get(j).copied().flatten());
            if target.is_some_and(|t| params.contains(&t)) {
                continue;
            }
            changed |= bad.insert(v);
            changed |= params.remove(&v);
        }
        if !changed {
            break;
        }
    }
    (params, bad)
}

/// What a handle constructor candidate returns.
enum Ret {
    /// A fresh handle (`new(T)`, a standard-library function given no handle variable, …).
    Fresh,
    /// A local variable, fresh if the walk finds it the handle's only holder.
    Var(ObjId),
    /// Another candidate's result.
    Ctor(ObjId),
}

/// Functions whose one result is a mutable handle and whose `return` statements (not those of
/// function literals) each return a fresh handle, a local variable or a call of a function
/// (given no handle variable): the candidates, with what they return.
fn ctor_returns(prog: &Program, info: &Info, files: &[&File]) -> HashMap<ObjId, Vec<Ret>> {
    struct Rets<'a> {
        prog: &'a Program,
        info: &'a Info,
        out: Vec<Ret>,
        ok: bool,
    }
    impl Visitor for Rets<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if let StmtKind::Return(vs) = &s.kind {
                let r = match vs.as_slice() {
                    [v] => self.classify(v),
                    _ => None,
                };
                match r {
                    Some(r) => self.out.push(r),
                    None => self.ok = false,
                }
            }
            self.ok
        }
        fn expr(&mut self, e: &Expr) -> bool {
            !matches!(e.kind, ExprKind::FuncLit { .. })
        }
    }
    impl Rets<'_> {
        fn classify(&self, v: &Expr) -> Option<Ret> {
            let v = strip_parens(v);
            match &v.kind {
                ExprKind::Ident(_) => {
                    let o = *self.info.uses.get(&v.id)?;
                    matches!(
                        self.prog.obj(o).kind,
                        ObjKind::Var {
                            global: false,
                            param: false
                        }
                    )
                    .then_some(Ret::Var(o))
                }
                ExprKind::Call { func, args, .. } => {
                    // Judged as the walk judges values (`new`, standard-library calls).
                    let (no_funcs, no_ctors) = (HashMap::new(), HashSet::new());
                    let probe = Walk::new(self.prog, self.info, &no_funcs, &no_ctors);
                    let f = strip_parens(func);
                    let local_fn = matches!(f.kind, ExprKind::Ident(_))
                        && self.info.uses.get(&f.id).is_some_and(|&g| {
                            matches!(self.prog.obj(g).kind, ObjKind::Func { .. })
                        });
                    if local_fn && !args.iter().any(|a| probe.names_handle(a)) {
                        return Some(Ret::Ctor(self.info.uses[&f.id]));
                    }
                    probe.fresh_value(v).then_some(Ret::Fresh)
                }
                _ => None,
            }
        }
    }
    let mut out = HashMap::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(&fobj), Some(body)) = (info.defs.get(&fd.name.id), &fd.body) else {
                continue;
            };
            if fd.recv.is_some() {
                continue;
            }
            let Type::Func(sig) = prog.types.under(prog.obj(fobj).ty) else {
                continue;
            };
            let [r] = sig.results.as_slice() else {
                continue;
            };
            let mutable_handle =
                crate::stdlib::std_handle(prog, *r).is_some_and(|h| !IMMUTABLE.contains(&h));
            if !mutable_handle || fd.sig.results.iter().any(|g| !g.names.is_empty()) {
                continue;
            }
            let mut rets = Rets {
                prog,
                info,
                out: Vec::new(),
                ok: true,
            };
            visit::walk_block(&mut rets, body);
            if rets.ok && !rets.out.is_empty() {
                out.insert(fobj, rets.out);
            }
        }
    }
    out
}

/// Handles that never change once made, which the report already calls owned.
const IMMUTABLE: &[(&str, &str)] = &[("regexp", "Regexp"), ("net/url", "Userinfo")];

struct Walk<'a> {
    prog: &'a Program,
    info: &'a Info,
    /// Identifier uses that do not copy the handle they name.
    allowed: HashSet<NodeId>,
    /// Handle variables declared from a call (a fresh handle).
    fresh: HashSet<ObjId>,
    /// Handle variables with at least one use.
    seen: HashSet<ObjId>,
    /// Handle variables copied somewhere.
    bad: HashSet<ObjId>,
    /// Depth of `go`/`defer` statements and function literals.
    hidden: usize,
    /// Functions and methods whose handle parameters may borrow.
    funcs: &'a HashMap<ObjId, Vec<Option<ObjId>>>,
    /// Callee expressions of direct calls (identifiers and method selectors).
    callees: HashSet<NodeId>,
    /// Of `funcs`, those used otherwise than called (their signature is fixed).
    valued: HashSet<ObjId>,
    /// A handle variable or parameter passed as argument `j` of `g`: `(v, g, j)`.
    edges: Vec<(ObjId, ObjId, usize)>,
    /// Handle constructors (assumed so for this walk).
    ctors: &'a HashSet<ObjId>,
    /// Calls whose result a standard-library call only reads while it runs (`fmt.Println(
    /// "q:", q.Div(x, y))`): their results are not kept.
    consumed: HashSet<NodeId>,
}

impl<'a> Walk<'a> {
    fn new(
        prog: &'a Program,
        info: &'a Info,
        funcs: &'a HashMap<ObjId, Vec<Option<ObjId>>>,
        ctors: &'a HashSet<ObjId>,
    ) -> Self {
        Walk {
            prog,
            info,
            allowed: HashSet::new(),
            fresh: HashSet::new(),
            seen: HashSet::new(),
            bad: HashSet::new(),
            hidden: 0,
            funcs,
            callees: HashSet::new(),
            valued: HashSet::new(),
            edges: Vec::new(),
            ctors,
            consumed: HashSet::new(),
        }
    }

    fn handle(&self, o: ObjId) -> bool {
        let obj = self.prog.obj(o);
        matches!(obj.kind, ObjKind::Var { global: false, .. })
            && crate::stdlib::std_handle(self.prog, obj.ty).is_some()
    }

    /// Whether a value of type `t` may hold a handle (any pointer or interface but `error`).
    fn may_hold(&self, t: TypeId, depth: u32) -> bool {
        if depth > 8 {
            return true;
        }
        if let Type::Named(n) = self.prog.types.get(t) {
            let o = self.prog.obj(n.obj);
            if o.pkg.is_none() && o.name == "error" {
                return false;
            }
        }
        match self.prog.types.under(t) {
            Type::Basic(_) => false,
            Type::Tuple(ts) => ts.iter().any(|&t| self.may_hold(t, depth + 1)),
            Type::Slice(e) | Type::Array(_, e) => self.may_hold(*e, depth + 1),
            Type::Map(k, v) => self.may_hold(*k, depth + 1) || self.may_hold(*v, depth + 1),
            Type::Struct(fs) => fs.iter().any(|f| self.may_hold(f.ty, depth + 1)),
            _ => true,
        }
    }

    fn allow(&mut self, e: &Expr) {
        let e = strip_parens(e);
        if matches!(e.kind, ExprKind::Ident(_)) && self.hidden == 0 {
            self.allowed.insert(e.id);
        }
    }

    fn is_nil(&self, e: &Expr) -> bool {
        crate::builtins::is_nil_ident(self.prog, self.info, e)
    }

    /// `x := v` / `var x = v` declaring handle variables (by their identifiers' ids): fresh
    /// when the value is a call.
    fn declare(&mut self, names: &[NodeId], values: &[Expr]) {
        for (i, n) in names.iter().enumerate() {
            let Some(&o) = self.info.defs.get(n) else {
                continue;
            };
            if !self.handle(o) {
                continue;
            }
            let fresh = match values {
                [one] if names.len() > 1 => self.fresh_value(one),
                vs => vs.get(i).is_some_and(|v| self.fresh_value(v)),
            };
            if fresh && self.hidden == 0 {
                self.fresh.insert(o);
            } else {
                self.bad.insert(o);
            }
        }
    }

    /// Whether `v` makes a handle no variable holds: `new(T)`, a standard-library function
    /// given no handle variable, or a method called on such a value (`new(big.Int).Add(x, y)`,
    /// `template.New("t").Parse(…)`) whose arguments name no handle variable (the operands of
    /// `math/big` methods excepted: the result is the receiver).
    fn fresh_value(&self, v: &Expr) -> bool {
        let v = strip_parens(v);
        let ExprKind::Call { func, args, .. } = &v.kind else {
            return false;
        };
        let f = strip_parens(func);
        match &f.kind {
            ExprKind::Ident(_) => self.info.uses.get(&f.id).is_some_and(|&b| {
                matches!(
                    self.prog.obj(b).kind,
                    ObjKind::Builtin(goxide_types::Builtin::New)
                ) || self.ctors.contains(&b) && !args.iter().any(|a| self.names_handle(a))
            }),
            ExprKind::Selector { x, .. } => match self.info.selections.get(&f.id) {
                Some(s) if s.kind == SelectionKind::MethodVal => {
                    let big = self.info.type_of(x.id).is_some_and(|t| {
                        crate::stdlib::std_handle(self.prog, t)
                            .is_some_and(|(p, _)| p == "math/big")
                    });
                    self.fresh_value(x) && (big || !args.iter().any(|a| self.names_handle(a)))
                }
                Some(_) => false,
                None => self.std_pkg(x) && !args.iter().any(|a| self.names_handle(a)),
            },
            _ => false,
        }
    }

    /// Whether `e` names a handle variable anywhere.
    fn names_handle(&self, e: &Expr) -> bool {
        struct Finds<'w, 'a>(&'w Walk<'a>, bool);
        impl Visitor for Finds<'_, '_> {
            fn expr(&mut self, e: &Expr) -> bool {
                if let ExprKind::Ident(_) = &e.kind {
                    self.1 |= self
                        .0
                        .info
                        .uses
                        .get(&e.id)
                        .is_some_and(|&o| self.0.handle(o));
                }
                !self.1
            }
        }
        let mut f = Finds(self, false);
        visit::walk_expr(&mut f, e);
        f.1
    }

    /// Whether `x` names a standard-library package goxide knows.
    fn std_pkg(&self, x: &Expr) -> bool {
        self.info.uses.get(&strip_parens(x).id).is_some_and(|&p| {
            matches!(self.prog.obj(p).kind, ObjKind::PkgName(pk)
                if STD_PACKAGES.contains(&self.prog.pkg(pk).path.as_str()))
        })
    }

    /// The call `e` (of `func` with `args`), used as a value unless `discarded`.
    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], discarded: bool) {
        let f = strip_parens(func);
        // A call of a function with handle parameters: what it is given there is lent, if
        // the parameter turns out to borrow (decided after the walk).
        let callee = crate::callback_params::callee(self.info, func);
        if let Some((id, g)) = callee.filter(|(_, g)| self.funcs.contains_key(g)) {
            self.callees.insert(id);
            for (j, a) in args.iter().enumerate() {
                let a = strip_parens(a);
                let v = self
                    .info
                    .uses
                    .get(&a.id)
                    .copied()
                    .filter(|&v| self.handle(v));
                if let (Some(v), ExprKind::Ident(_), 0) = (v, &a.kind, self.hidden) {
                    self.allowed.insert(a.id);
                    self.edges.push((v, g, j));
                }
            }
        }
        let ExprKind::Selector { x, .. } = &f.kind else {
            return;
        };
        let result_holds = self.info.type_of(e.id).is_some_and(|t| self.may_hold(t, 0));
        match self.info.selections.get(&f.id) {
            // `v.M(…)`: in place, unless its result (maybe `v` itself) is kept.
            Some(s) if s.kind == SelectionKind::MethodVal => {
                if discarded || !result_holds || self.consumed.contains(&e.id) {
                    self.allow(x);
                }
                // `z.Add(x, y)`: `math/big` methods read their operands without keeping them.
                let big = self.info.type_of(x.id).is_some_and(|t| {
                    crate::stdlib::std_handle(self.prog, t).is_some_and(|(p, _)| p == "math/big")
                });
                if big {
                    for a in args {
                        self.allow(a);
                    }
                }
            }
            Some(_) => {}
            // `pkg.F(…, v, …)` of the standard library, returning nothing that could keep `v`.
            None => {
                if self.std_pkg(x) && !result_holds {
                    for a in args {
                        self.allow(a);
                        if matches!(strip_parens(a).kind, ExprKind::Call { .. }) {
                            self.consumed.insert(strip_parens(a).id);
                        }
                    }
                }
            }
        }
    }
}

impl Visitor for Walk<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Go(c) | StmtKind::Defer(c) => {
                self.hidden += 1;
                visit::walk_expr(self, c);
                self.hidden -= 1;
                return false;
            }
            StmtKind::Expr(e) => {
                if let ExprKind::Call { func, args, .. } = &strip_parens(e).kind {
                    self.call(strip_parens(e), func, args, true);
                }
            }
            // `return v`: the handle moves out to the caller (a parameter's would be copied).
            StmtKind::Return(vs) => {
                for v in vs {
                    let local = self.info.uses.get(&strip_parens(v).id).is_some_and(|&o| {
                        matches!(self.prog.obj(o).kind, ObjKind::Var { param: false, .. })
                    });
                    if local {
                        self.allow(v);
                    }
                }
            }
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                rhs,
            } => {
                let names: Vec<NodeId> = lhs.iter().map(|l| l.id).collect();
                self.declare(&names, rhs);
            }
            // `r = csv.NewReader(…)`: the variable gets another fresh handle (the old one is
            // dropped), so it still holds the only copy.
            StmtKind::Assign {
                lhs,
                op: AssignOp::Assign,
                rhs,
            } => {
                // `a, b = b, a`: the two handles change places (`std::mem::swap`).
                if let ([l0, l1], [r0, r1]) = (lhs.as_slice(), rhs.as_slice()) {
                    let o = |e: &Expr| self.info.uses.get(&strip_parens(e).id).copied();
                    if o(l0).is_some() && o(l0) == o(r1) && o(l1) == o(r0) && o(l0) != o(l1) {
                        for e in [l0, l1, r0, r1] {
                            self.allow(e);
                        }
                    }
                }
                for (i, l) in lhs.iter().enumerate() {
                    let fresh = match rhs.as_slice() {
                        [one] if lhs.len() > 1 => self.fresh_value(one),
                        vs => vs.get(i).is_some_and(|v| self.fresh_value(v)),
                    };
                    if fresh {
                        self.allow(l);
                    }
                }
            }
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for sp in specs {
                    let names: Vec<NodeId> = sp.names.iter().map(|n| n.id).collect();
                    self.declare(&names, &sp.values);
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    if self.handle(o) {
                        self.seen.insert(o);
                        if !self.allowed.contains(&e.id) {
                            self.bad.insert(o);
                        }
                    }
                    if self.funcs.contains_key(&o) && !self.callees.contains(&e.id) {
                        self.valued.insert(o);
                    }
                }
            }
            ExprKind::Call { func, args, .. } => self.call(e, func, args, false),
            ExprKind::Selector { .. }
                if !self.callees.contains(&e.id)
                    && self
                        .info
                        .selections
                        .get(&e.id)
                        .is_some_and(|s| self.funcs.contains_key(&s.obj)) =>
            {
                if let Some(s) = self.info.selections.get(&e.id) {
                    self.valued.insert(s.obj);
                }
            }
            // `v.f`: a field of the handle's value, read or written in place.
            ExprKind::Selector { x, .. }
                if self
                    .info
                    .selections
                    .get(&e.id)
                    .is_some_and(|s| s.kind == SelectionKind::FieldVal) =>
            {
                self.allow(x);
            }
            ExprKind::Binary {
                op: BinaryOp::Eq | BinaryOp::Ne,
                x,
                y,
            } => {
                if self.is_nil(y) {
                    self.allow(x);
                } else if self.is_nil(x) {
                    self.allow(y);
                }
            }
            ExprKind::FuncLit { .. } => {
                self.hidden += 1;
                if let ExprKind::FuncLit { body, .. } = &e.kind {
                    visit::walk_block(self, body);
                }
                self.hidden -= 1;
                return false;
            }
            _ => {}
        }
        true
    }
}

impl crate::ctx::Ctx<'_> {
    /// Whether argument `i` of call `e` goes to a handle parameter that borrows.
    pub fn is_handle_arg(&self, e: &Expr, i: usize) -> bool {
        let ExprKind::Call { func, .. } = &e.kind else {
            return false;
        };
        crate::callback_params::callee(self.info, func)
            .and_then(|(_, g)| self.analysis.handles.positions.get(&g))
            .is_some_and(|pos| pos.get(i).copied().unwrap_or(false))
    }

    /// A handle lent to a borrowing handle parameter: `&sc` (a borrowed parameter passed on
    /// is reborrowed by the same `&`, which Rust dereferences).
    pub fn handle_arg(&mut self, a: &Expr) -> syn::Expr {
        let v = crate::expr::as_base(self.borrowed(a));
        syn::parse_quote!(&#v)
    }
}
