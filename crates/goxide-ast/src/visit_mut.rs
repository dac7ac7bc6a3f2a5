//! Post-order rewriting of every expression below a statement, for rewrites of the syntax tree
//! that replace or extend expressions in place (a callback sees each expression after its
//! children, so what it adds is not visited again).

use crate::ast::*;

pub fn exprs_in_block(b: &mut Block, f: &mut dyn FnMut(&mut Expr)) {
    for s in &mut b.stmts {
        exprs_in_stmt(s, f);
    }
}

fn opt_stmt(s: &mut Option<Box<Stmt>>, f: &mut dyn FnMut(&mut Expr)) {
    if let Some(s) = s {
        exprs_in_stmt(s, f);
    }
}

pub fn exprs_in_stmt(s: &mut Stmt, f: &mut dyn FnMut(&mut Expr)) {
    match &mut s.kind {
        StmtKind::Decl(d) => exprs_in_decl(d, f),
        StmtKind::Empty | StmtKind::Bad | StmtKind::Branch { .. } => {}
        StmtKind::Labeled { stmt, .. } => exprs_in_stmt(stmt, f),
        StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => exprs_in_expr(e, f),
        StmtKind::Send { chan, value } => {
            exprs_in_expr(chan, f);
            exprs_in_expr(value, f);
        }
        StmtKind::IncDec { x, .. } => exprs_in_expr(x, f),
        StmtKind::Assign { lhs, rhs, .. } => {
            lhs.iter_mut()
                .chain(rhs.iter_mut())
                .for_each(|e| exprs_in_expr(e, f));
        }
        StmtKind::Return(es) => es.iter_mut().for_each(|e| exprs_in_expr(e, f)),
        StmtKind::Block(b) => exprs_in_block(b, f),
        StmtKind::If {
            init,
            cond,
            then,
            els,
        } => {
            opt_stmt(init, f);
            exprs_in_expr(cond, f);
            exprs_in_block(then, f);
            opt_stmt(els, f);
        }
        StmtKind::Switch { init, tag, clauses } => {
            opt_stmt(init, f);
            if let Some(t) = tag {
                exprs_in_expr(t, f);
            }
            for c in clauses {
                c.exprs.iter_mut().for_each(|e| exprs_in_expr(e, f));
                c.body.iter_mut().for_each(|s| exprs_in_stmt(s, f));
            }
        }
        StmtKind::TypeSwitch {
            init, x, clauses, ..
        } => {
            opt_stmt(init, f);
            exprs_in_expr(x, f);
            for c in clauses {
                c.body.iter_mut().for_each(|s| exprs_in_stmt(s, f));
            }
        }
        StmtKind::Select { clauses } => {
            for c in clauses {
                opt_stmt(&mut c.comm, f);
                c.body.iter_mut().for_each(|s| exprs_in_stmt(s, f));
            }
        }
        StmtKind::For {
            init,
            cond,
            post,
            body,
        } => {
            opt_stmt(init, f);
            if let Some(c) = cond {
                exprs_in_expr(c, f);
            }
            opt_stmt(post, f);
            exprs_in_block(body, f);
        }
        StmtKind::Range {
            key,
            value,
            x,
            body,
            ..
        } => {
            key.iter_mut()
                .chain(value.iter_mut())
                .for_each(|e| exprs_in_expr(e, f));
            exprs_in_expr(x, f);
            exprs_in_block(body, f);
        }
    }
}

/// The values of a declaration (and the bodies of function declarations); not type
/// expressions.
pub fn exprs_in_decl(d: &mut Decl, f: &mut dyn FnMut(&mut Expr)) {
    match &mut d.kind {
        DeclKind::Const(specs) => {
            for s in specs {
                s.values.iter_mut().for_each(|e| exprs_in_expr(e, f));
            }
        }
        DeclKind::Var(specs) => {
            for s in specs {
                s.values.iter_mut().for_each(|e| exprs_in_expr(e, f));
            }
        }
        DeclKind::Type(_) => {}
        DeclKind::Func(fd) => {
            if let Some(b) = &mut fd.body {
                exprs_in_block(b, f);
            }
        }
    }
}

/// `e` and the value expressions below it (not type expressions, which hold no values).
pub fn exprs_in_expr(e: &mut Expr, f: &mut dyn FnMut(&mut Expr)) {
    match &mut e.kind {
        ExprKind::CompositeLit { elems, .. } => {
            for el in elems {
                if let Some(k) = &mut el.key {
                    exprs_in_expr(k, f);
                }
                exprs_in_expr(&mut el.value, f);
            }
        }
        ExprKind::FuncLit { body, .. } => exprs_in_block(body, f),
        ExprKind::Paren(x) | ExprKind::Star(x) => exprs_in_expr(x, f),
        ExprKind::Selector { x, .. } => exprs_in_expr(x, f),
        ExprKind::Index { x, indices } => {
            exprs_in_expr(x, f);
            indices.iter_mut().for_each(|e| exprs_in_expr(e, f));
        }
        ExprKind::Slice { x, lo, hi, max, .. } => {
            exprs_in_expr(x, f);
            for e in [lo, hi, max].into_iter().flatten() {
                exprs_in_expr(e, f);
            }
        }
        ExprKind::TypeAssert { x, .. } => exprs_in_expr(x, f),
        ExprKind::Call { func, args, .. } => {
            exprs_in_expr(func, f);
            args.iter_mut().for_each(|e| exprs_in_expr(e, f));
        }
        ExprKind::Unary { x, .. } => exprs_in_expr(x, f),
        ExprKind::Binary { x, y, .. } => {
            exprs_in_expr(x, f);
            exprs_in_expr(y, f);
        }
        _ => {}
    }
    f(e);
}
