//! Whole-package facts the translator needs before emitting a function: which local variables
//! are assigned after their declaration (`let mut`), which are captured by closures, and which
//! must live in a shared cell (`Rc<RefCell<…>>`) because their address is taken or a closure
//! captures and mutates them.

use goxide_ast::ast::*;
use goxide_types::{Info, ObjId, ObjKind, Program, SelectionKind, Type};
use std::collections::{HashMap, HashSet};

#[derive(Default, Debug)]
pub struct Analysis {
    /// Variables assigned (or mutably borrowed) after their declaration.
    pub mutated: HashSet<ObjId>,
    /// Variables whose address is taken.
    pub address_taken: HashSet<ObjId>,
    /// Variables used inside a closure other than the one declaring them.
    pub captured: HashSet<ObjId>,
    /// Variables that must live in a shared cell.
    pub boxed: HashSet<ObjId>,
    /// Free variables of each function literal (by its expression id), in first-use order.
    pub free_vars: HashMap<NodeId, Vec<ObjId>>,
}

struct Walker<'a> {
    prog: &'a Program,
    info: &'a Info,
    /// Function-literal id (or `None` for the top-level function) declaring each local.
    owner: HashMap<ObjId, Option<NodeId>>,
    /// Enclosing function literals, innermost last.
    closures: Vec<NodeId>,
    out: Analysis,
}

impl Walker<'_> {
    fn current(&self) -> Option<NodeId> {
        self.closures.last().copied()
    }

    fn is_local_var(&self, obj: ObjId) -> bool {
        matches!(self.prog.obj(obj).kind, ObjKind::Var { global: false, .. })
    }

    fn declare(&mut self, id: NodeId) {
        if let Some(&obj) = self.info.defs.get(&id) {
            self.owner.insert(obj, self.current());
        }
    }

    fn use_obj(&mut self, obj: ObjId) {
        if !self.is_local_var(obj) {
            return;
        }
        let owner = self.owner.get(&obj).copied().flatten();
        if owner == self.current() {
            return;
        }
        // Used in every closure between the owner and here.
        self.out.captured.insert(obj);
        for &c in self.closures.iter().rev() {
            if Some(c) == owner {
                break;
            }
            let fv = self.out.free_vars.entry(c).or_default();
            if !fv.contains(&obj) {
                fv.push(obj);
            }
        }
    }

    /// The variable at the root of an assignable expression, if assigning through it mutates
    /// the variable itself (not through a pointer).
    fn root_var(&self, e: &Expr) -> Option<ObjId> {
        match &e.kind {
            ExprKind::Ident(_) => self.info.object_of(e.id),
            ExprKind::Paren(x) => self.root_var(x),
            ExprKind::Selector { x, .. } => {
                let through_ptr = self
                    .info
                    .type_of(x.id)
                    .is_some_and(|t| matches!(self.prog.types.under(t), Type::Pointer(_)));
                if through_ptr {
                    None
                } else {
                    self.root_var(x)
                }
            }
            ExprKind::Index { x, .. } => {
                let t = self.info.type_of(x.id).map(|t| self.prog.types.under(t));
                match t {
                    Some(Type::Array(..)) | Some(Type::Slice(_)) | Some(Type::Map(..)) => {
                        self.root_var(x)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn mutate(&mut self, e: &Expr) {
        if let Some(obj) = self.root_var(e) {
            self.out.mutated.insert(obj);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Assign { lhs, op, rhs } => {
                for l in lhs {
                    if *op == AssignOp::Define
                        && matches!(l.kind, ExprKind::Ident(_))
                        && self.info.defs.contains_key(&l.id)
                    {
                        self.declare(l.id);
                    } else {
                        self.mutate(l);
                        self.expr(l);
                    }
                }
                rhs.iter().for_each(|e| self.expr(e));
            }
            StmtKind::IncDec { x, .. } => {
                self.mutate(x);
                self.expr(x);
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                self.expr(x);
                for e in key.iter().chain(value) {
                    if *define {
                        self.declare(e.id);
                    } else {
                        self.mutate(e);
                        self.expr(e);
                    }
                }
                self.block(body);
            }
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send { chan, value } => {
                self.expr(chan);
                self.expr(value);
            }
            StmtKind::Return(es) => es.iter().for_each(|e| self.expr(e)),
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(cond);
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::Switch { init, tag, clauses } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.expr(t);
                }
                for c in clauses {
                    c.exprs.iter().for_each(|e| self.expr(e));
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(b) = bind {
                    self.declare(b.id);
                }
                self.expr(x);
                for c in clauses {
                    if let Some(&obj) = self.info.implicits.get(&c.id) {
                        self.owner.insert(obj, self.current());
                    }
                    c.types.iter().for_each(|e| self.expr(e));
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::Select { clauses } => {
                for c in clauses {
                    if let Some(s) = &c.comm {
                        self.stmt(s);
                    }
                    c.body.iter().for_each(|s| self.stmt(s));
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
            }
            StmtKind::Empty | StmtKind::Bad | StmtKind::Branch { .. } => {}
        }
    }

    fn decl(&mut self, d: &Decl) {
        match &d.kind {
            DeclKind::Var(specs) => {
                for s in specs {
                    s.values.iter().for_each(|e| self.expr(e));
                    s.names.iter().for_each(|n| self.declare(n.id));
                }
            }
            DeclKind::Const(specs) => specs
                .iter()
                .for_each(|s| s.names.iter().for_each(|n| self.declare(n.id))),
            DeclKind::Type(_) => {}
            DeclKind::Func(f) => {
                if let Some(r) = &f.recv {
                    if let Some(n) = &r.name {
                        self.declare(n.id);
                    }
                }
                self.params(&f.sig);
                if let Some(b) = &f.body {
                    self.block(b);
                }
            }
        }
    }

    fn params(&mut self, sig: &FuncType) {
        for p in sig.params.iter().chain(&sig.results) {
            p.names.iter().for_each(|n| self.declare(n.id));
        }
    }

    fn block(&mut self, b: &Block) {
        b.stmts.iter().for_each(|s| self.stmt(s));
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Ident(_) => {
                if let Some(&obj) = self.info.uses.get(&e.id) {
                    self.use_obj(obj);
                }
            }
            ExprKind::FuncLit { sig, body } => {
                self.closures.push(e.id);
                self.params(sig);
                self.block(body);
                self.closures.pop();
            }
            ExprKind::Unary {
                op: UnaryOp::Addr,
                x,
            } => {
                if let Some(obj) = self.root_var(x) {
                    self.out.address_taken.insert(obj);
                    self.out.mutated.insert(obj);
                }
                self.expr(x);
            }
            ExprKind::Call { func, args, .. } => {
                // A pointer-receiver method called on an addressable value borrows it mutably.
                if let ExprKind::Selector { x, .. } = &func.kind {
                    if let Some(sel) = self.info.selections.get(&func.id) {
                        if sel.kind == SelectionKind::MethodVal && self.method_has_ptr_recv(sel.obj)
                        {
                            self.mutate(x);
                        }
                    }
                }
                self.expr(func);
                args.iter().for_each(|a| self.expr(a));
            }
            _ => {
                struct Children<'w, 'a>(&'w mut Walker<'a>);
                impl goxide_ast::visit::Visitor for Children<'_, '_> {
                    fn expr(&mut self, e: &Expr) -> bool {
                        self.0.expr(e);
                        false
                    }
                    fn stmt(&mut self, s: &Stmt) -> bool {
                        self.0.stmt(s);
                        false
                    }
                }
                // Visit the direct children only: walk_expr calls `expr` on `e` first, which we
                // must not recurse on; so walk each child via a shim.
                walk_children(e, &mut Children(self));
            }
        }
    }

    fn method_has_ptr_recv(&self, m: ObjId) -> bool {
        match &self.prog.obj(m).kind {
            ObjKind::Func { recv: Some(r) } => matches!(self.prog.types.get(*r), Type::Pointer(_)),
            _ => false,
        }
    }
}

/// Calls the visitor on each direct child expression/statement of `e`.
fn walk_children<V: goxide_ast::visit::Visitor>(e: &Expr, v: &mut V) {
    struct Skip<'v, V>(&'v mut V, bool);
    impl<V: goxide_ast::visit::Visitor> goxide_ast::visit::Visitor for Skip<'_, V> {
        fn expr(&mut self, e: &Expr) -> bool {
            if !self.1 {
                self.1 = true;
                return true;
            }
            self.0.expr(e);
            false
        }
        fn stmt(&mut self, s: &Stmt) -> bool {
            self.0.stmt(s);
            false
        }
    }
    goxide_ast::visit::walk_expr(&mut Skip(v, false), e);
}

pub fn analyze(prog: &Program, info: &Info, files: &[&File]) -> Analysis {
    let mut w = Walker {
        prog,
        info,
        owner: HashMap::new(),
        closures: Vec::new(),
        out: Analysis::default(),
    };
    for f in files {
        for d in &f.decls {
            if let DeclKind::Func(_) = &d.kind {
                w.decl(d);
            } else if let DeclKind::Var(specs) = &d.kind {
                for s in specs {
                    s.values.iter().for_each(|e| w.expr(e));
                }
            }
        }
    }
    let mut out = w.out;
    let captured_mutated: Vec<ObjId> = out.captured.intersection(&out.mutated).copied().collect();
    out.boxed.extend(captured_mutated);
    out.boxed.extend(out.address_taken.iter().copied());
    out
}
