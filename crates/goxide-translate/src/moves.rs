//! Owned locals moved into a pointer at their last use. Go code often builds a value through a
//! fresh pointer and then hands the pointer over, where it is kept:
//!
//! ```go
//! item := &Item{}
//! item.val = 3
//! list.Insert(item) // kept by the list
//! ```
//!
//! The variable itself shares nothing until that hand-over, which is its last use: it owns the
//! value (`let mut item = Item::default();`) and the hand-over moves it into the shared pointer
//! the receiving side holds (`list.insert(Some(Rc::new(RefCell::new(item))))`).
//!
//! This module decides where such a move may happen (see [`movable`]); `ptr_params` decides
//! which locals are otherwise owned, and emission writes the move (`Ctx::moved_into_pointer`).

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_ast::Span;
use goxide_types::{Info, ObjId};

/// Whether the use `u` (an identifier naming the local `o`, declared in `body`) can move `o`:
/// - `u` is a whole value handed over: an argument of a call (not of package `runtime`, not a conversion), the right side of an assignment or
///   a `var`, an element of a composite literal, a returned or sent value;
/// - every other use of `o` ends before the simple statement holding `u` begins (so nothing
///   reads `o` after the move, nor in the statement that moves it);
/// - no loop holds `u` without holding `o`'s declaration (a move runs once per variable);
/// - `u` is not in a `go` or `defer` statement nor a function literal; the body has no `goto`.
pub fn movable(
    prog: &goxide_types::Program,
    info: &Info,
    body: &Block,
    o: ObjId,
    u: NodeId,
) -> bool {
    movable_from(prog, info, body, o, u, None)
}

/// [`movable`] for a parameter `p` of the function whose body is `body`: declared before it,
/// so no loop may hold `u`.
pub fn movable_param(
    prog: &goxide_types::Program,
    info: &Info,
    body: &Block,
    p: ObjId,
    u: NodeId,
) -> bool {
    movable_from(prog, info, body, p, u, Some(Span::new(0, 0)))
}

fn movable_from(
    prog: &goxide_types::Program,
    info: &Info,
    body: &Block,
    o: ObjId,
    u: NodeId,
    declared: Option<Span>,
) -> bool {
    let mut f = Find {
        prog,
        info,
        o,
        u,
        u_span: None,
        decl_span: declared,
        other_uses: Vec::new(),
        loops: Vec::new(),
        simple: Vec::new(),
        deferred: Vec::new(),
        handed_over: false,
        goto: false,
    };
    visit::walk_block(&mut f, body);
    let (Some(us), Some(ds)) = (f.u_span, f.decl_span) else {
        return false;
    };
    if f.goto || !f.handed_over || f.deferred.iter().any(|s| inside(us, *s)) {
        return false;
    }
    let Some(stmt) = f
        .simple
        .iter()
        .filter(|s| inside(us, **s))
        .min_by_key(|s| s.end - s.start)
    else {
        return false;
    };
    f.other_uses.iter().all(|s| s.end <= stmt.start)
        && f.loops.iter().all(|l| !inside(us, *l) || inside(ds, *l))
}

fn inside(a: Span, outer: Span) -> bool {
    outer.start <= a.start && a.end <= outer.end
}

struct Find<'a> {
    prog: &'a goxide_types::Program,
    info: &'a Info,
    o: ObjId,
    u: NodeId,
    u_span: Option<Span>,
    decl_span: Option<Span>,
    other_uses: Vec<Span>,
    /// Loop bodies (with their headers).
    loops: Vec<Span>,
    /// Simple statements.
    simple: Vec<Span>,
    /// `go` and `defer` statements, and function literals.
    deferred: Vec<Span>,
    /// `u` stands where a whole value is handed over.
    handed_over: bool,
    goto: bool,
}

impl Find<'_> {
    /// `runtime.F` (finalizers and the like, which goxide writes by hand for shared pointers),
    /// or a conversion `T(p)`: not a hand-over.
    fn qualified(&self, func: &Expr) -> bool {
        let conversion = self
            .info
            .types
            .get(&strip_parens(func).id)
            .is_some_and(|t| t.mode == goxide_types::Mode::Type);
        conversion
            || matches!(&strip_parens(func).kind, ExprKind::Selector { x, .. }
            if self.info.uses.get(&x.id).is_some_and(|&p| {
                matches!(self.prog.obj(p).kind, goxide_types::ObjKind::PkgName(pkg)
                    if self.prog.pkg(pkg).path == "runtime")
            }))
    }

    fn hands_over(&mut self, values: &[Expr]) {
        if values.iter().any(|v| strip_parens(v).id == self.u) {
            self.handed_over = true;
        }
    }
}

impl Visitor for Find<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::For { .. } | StmtKind::Range { .. } => self.loops.push(s.span),
            StmtKind::Go(_) | StmtKind::Defer(_) => self.deferred.push(s.span),
            StmtKind::Branch {
                kind: BranchKind::Goto,
                ..
            } => self.goto = true,
            _ => {}
        }
        match &s.kind {
            StmtKind::Expr(_)
            | StmtKind::Send { .. }
            | StmtKind::IncDec { .. }
            | StmtKind::Assign { .. }
            | StmtKind::Return(_)
            | StmtKind::Decl(_)
            | StmtKind::Go(_)
            | StmtKind::Defer(_) => self.simple.push(s.span),
            _ => {}
        }
        match &s.kind {
            StmtKind::Assign { lhs, op, rhs }
                if lhs.len() == rhs.len() && matches!(op, AssignOp::Assign | AssignOp::Define) =>
            {
                self.hands_over(rhs);
                if *op == AssignOp::Define {
                    for l in lhs {
                        if self.info.defs.get(&l.id) == Some(&self.o) {
                            self.decl_span = Some(s.span);
                        }
                    }
                }
            }
            StmtKind::Return(vals) => self.hands_over(vals),
            StmtKind::Send { value, .. } => self.hands_over(std::slice::from_ref(value)),
            StmtKind::Decl(Decl {
                kind: DeclKind::Var(specs),
                ..
            }) => {
                for spec in specs {
                    if spec.names.len() == spec.values.len() {
                        self.hands_over(&spec.values);
                    }
                    if spec
                        .names
                        .iter()
                        .any(|n| self.info.defs.get(&n.id) == Some(&self.o))
                    {
                        self.decl_span = Some(s.span);
                    }
                }
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::Ident(_) if self.info.uses.get(&e.id) == Some(&self.o) => {
                if e.id == self.u {
                    self.u_span = Some(e.span);
                } else {
                    self.other_uses.push(e.span);
                }
            }
            // (Not to the standard library, whose functions goxide writes by hand.)
            ExprKind::Call { func, args, .. }
                if strip_parens(func).id != self.u && !self.qualified(func) =>
            {
                self.hands_over(args)
            }
            ExprKind::CompositeLit { elems, .. }
                if elems.iter().any(|el| strip_parens(&el.value).id == self.u) =>
            {
                self.handed_over = true;
            }
            ExprKind::FuncLit { .. } => self.deferred.push(e.span),
            _ => {}
        }
        true
    }
}
