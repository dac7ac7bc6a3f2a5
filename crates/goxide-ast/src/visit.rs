//! Pre-order traversal of statements and expressions, for analyses that need to see every node
//! below a point (captured variables, address-taken variables, labels in use, …).

use crate::ast::*;

/// Callbacks for [`walk_block`] and friends; return `false` from a callback to skip the node's
/// children.
pub trait Visitor {
    fn expr(&mut self, _e: &Expr) -> bool {
        true
    }
    fn stmt(&mut self, _s: &Stmt) -> bool {
        true
    }
}

pub fn walk_block<V: Visitor>(v: &mut V, b: &Block) {
    for s in &b.stmts {
        walk_stmt(v, s);
    }
}

fn walk_opt_stmt<V: Visitor>(v: &mut V, s: &Option<Box<Stmt>>) {
    if let Some(s) = s {
        walk_stmt(v, s);
    }
}

pub fn walk_stmt<V: Visitor>(v: &mut V, s: &Stmt) {
    if !v.stmt(s) {
        return;
    }
    match &s.kind {
        StmtKind::Decl(d) => walk_decl(v, d),
        StmtKind::Empty | StmtKind::Bad | StmtKind::Branch { .. } => {}
        StmtKind::Labeled { stmt, .. } => walk_stmt(v, stmt),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => walk_expr(v, e),
        StmtKind::Send { chan, value } => {
            walk_expr(v, chan);
            walk_expr(v, value);
        }
        StmtKind::IncDec { x, .. } => walk_expr(v, x),
        StmtKind::Assign { lhs, rhs, .. } => {
            lhs.iter().chain(rhs).for_each(|e| walk_expr(v, e));
        }
        StmtKind::Return(es) => es.iter().for_each(|e| walk_expr(v, e)),
        StmtKind::Block(b) => walk_block(v, b),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            walk_opt_stmt(v, init);
            walk_expr(v, cond);
            walk_block(v, then);
            walk_opt_stmt(v, els);
        }
        StmtKind::Switch { init, tag, clauses } => {
            walk_opt_stmt(v, init);
            if let Some(t) = tag {
                walk_expr(v, t);
            }
            for c in clauses {
                c.exprs.iter().for_each(|e| walk_expr(v, e));
                c.body.iter().for_each(|s| walk_stmt(v, s));
            }
        }
        StmtKind::TypeSwitch {
            init, x, clauses, ..
        } => {
            walk_opt_stmt(v, init);
            walk_expr(v, x);
            for c in clauses {
                c.types.iter().for_each(|e| walk_expr(v, e));
                c.body.iter().for_each(|s| walk_stmt(v, s));
            }
        }
        StmtKind::Select { clauses } => {
            for c in clauses {
                walk_opt_stmt(v, &c.comm);
                c.body.iter().for_each(|s| walk_stmt(v, s));
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            walk_opt_stmt(v, init);
            if let Some(c) = cond {
                walk_expr(v, c);
            }
            walk_opt_stmt(v, post);
            walk_block(v, body);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            key.iter().chain(value).for_each(|e| walk_expr(v, e));
            walk_expr(v, x);
            walk_block(v, body);
        }
    }
}

pub fn walk_decl<V: Visitor>(v: &mut V, d: &Decl) {
    match &d.kind {
        DeclKind::Const(specs) => {
            for s in specs {
                s.ty.iter().chain(&s.values).for_each(|e| walk_expr(v, e));
            }
        }
        DeclKind::Var(specs) => {
            for s in specs {
                s.ty.iter().chain(&s.values).for_each(|e| walk_expr(v, e));
            }
        }
        DeclKind::Type(specs) => specs.iter().for_each(|s| walk_expr(v, &s.ty)),
        DeclKind::Func(f) => {
            if let Some(b) = &f.body {
                walk_block(v, b);
            }
        }
    }
}

fn walk_func_type<V: Visitor>(v: &mut V, f: &FuncType) {
    for p in f.params.iter().chain(&f.results) {
        walk_expr(v, &p.ty);
    }
}

pub fn walk_expr<V: Visitor>(v: &mut V, e: &Expr) {
    if !v.expr(e) {
        return;
    }
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::BasicLit(_) | ExprKind::Bad => {}
        ExprKind::CompositeLit { ty, elems } => {
            if let Some(t) = ty {
                walk_expr(v, t);
            }
            for el in elems {
                if let Some(k) = &el.key {
                    walk_expr(v, k);
                }
                walk_expr(v, &el.value);
            }
        }
        ExprKind::FuncLit { sig, body } => {
            walk_func_type(v, sig);
            walk_block(v, body);
        }
        ExprKind::Paren(x) | ExprKind::Star(x) | ExprKind::SliceType(x) => walk_expr(v, x),
        ExprKind::Selector { x, .. } => walk_expr(v, x),
        ExprKind::Index { x, indices } => {
            walk_expr(v, x);
            indices.iter().for_each(|e| walk_expr(v, e));
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            walk_expr(v, x);
            for e in [lo, hi, max].into_iter().flatten() {
                walk_expr(v, e);
            }
        }
        ExprKind::TypeAssert { x, ty } => {
            walk_expr(v, x);
            if let Some(t) = ty {
                walk_expr(v, t);
            }
        }
        ExprKind::Call { func, args, .. } => {
            walk_expr(v, func);
            args.iter().for_each(|e| walk_expr(v, e));
        }
        ExprKind::Unary { x, .. } => walk_expr(v, x),
        ExprKind::Binary { x, y, .. } => {
            walk_expr(v, x);
            walk_expr(v, y);
        }
        ExprKind::ArrayType { len, elem } => {
            if let Some(l) = len {
                walk_expr(v, l);
            }
            walk_expr(v, elem);
        }
        ExprKind::MapType { key, value } => {
            walk_expr(v, key);
            walk_expr(v, value);
        }
        ExprKind::ChanType { elem, .. } => walk_expr(v, elem),
        ExprKind::FuncType(f) => walk_func_type(v, f),
        ExprKind::StructType(s) => s.fields.iter().for_each(|f| walk_expr(v, &f.ty)),
        ExprKind::InterfaceType(it) => {
            for el in &it.elems {
                match el {
                    InterfaceElem::Method { sig, .. } => walk_func_type(v, sig),
                    InterfaceElem::Embed(e) => walk_expr(v, e),
                }
            }
        }
        ExprKind::Union(terms) => terms.iter().for_each(|t| walk_expr(v, &t.ty)),
    }
}
