//! Local pointers that borrow a local variable. In Go `p := &x` makes `p` an alias of `x`: a
//! write through `p` is seen through `x`. Where the borrow checker can prove the aliasing safe
//! — `x` is not used while `p` is — the pointer becomes a Rust borrow, `let p = &mut x;` (or
//! `&x` when nothing writes through `p`), and `x` needs no shared cell.
//!
//! Candidates (found here): `p := &x` / `var p = &x` / `var p *T = &x` / `p := &x.f`, where
//! `x` is a variable of the same function (not a package variable, not reached through a
//! pointer nor an index), `p` is never reassigned, captured, nor named in a `defer` or `go`
//! statement, `x` is not captured by a closure nor named in a `defer` or `go` statement, the
//! function has no `goto`, and in the statement list declaring `p`, no statement from the
//! declaration through the last one using `p` names `x` (a loop using `p` counts whole).
//!
//! A part of a method's pointer receiver, `p := &s.f…` (`s.f[i]`, `s.f.g`; `f` not reached
//! through an embedded field), is a candidate too: `let p = &mut self.f[i];` while the other
//! fields of `s` are used (`self.log.push(…)` beside `p.state = …`: the borrow checker sees
//! disjoint fields), provided `s` itself is not used as a whole (passed on, a method called on
//! it, captured) and nothing names `s.f` until the last use of `p`. Where `s.f` is read
//! meanwhile, or a reference cannot hold the pointee, `p` stands for the place itself
//! (`self.f[i].state`), which needs that nothing writes, lends or calls a method on a part of
//! `s.f` meanwhile. (`s.f = append(s.f, …)` while `p` lives may leave `p` on the old array in
//! Go: not a candidate.)
//!
//! The rest is decided with the pointer parameters (see `ptr_params`), in the same fixed
//! point: `p` must be used only as a borrowed parameter may be, and every other address of `x`
//! must be lent without a cell too.

use crate::analysis::SliceMode;
use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Info, ObjId, ObjKind, Program, Type};
use std::collections::{HashMap, HashSet};

/// A candidate `p := &x…`, or `q := p` copying a local pointer.
#[derive(Clone, Copy, Debug)]
pub struct Candidate<'a> {
    /// The variable whose storage `p` points into; for a copy, the pointer copied.
    pub root: ObjId,
    /// The `&x…` expression (for a copy, the identifier of the pointer copied).
    pub addr: NodeId,
    /// The body of the function declaring `p` (for its writes).
    pub body: &'a Block,
    /// `q := p`: `q` borrows what `p` owns or borrows, if `p` is itself owned or borrowed.
    pub copied: bool,
    /// `p := &x…` where `x` is used while `p` still is: `p` is another name for `x…`, and
    /// every use of `p` uses `x…` itself (no Rust pointer is made). The place `x…` (its
    /// node; see [`find_expr`]).
    pub alias: Option<NodeId>,
    /// For a borrow of a part of the receiver (`p := &s.f…`, `alias` unset), the place `p`
    /// stands for instead where a reference cannot hold the pointee (its pointers point into
    /// other values elsewhere in the package).
    pub fallback: Option<NodeId>,
}

/// Every candidate of `files`, by the pointer variable.
pub fn candidates<'a>(
    prog: &Program,
    info: &Info,
    files: &[&'a File],
    captured: &HashSet<ObjId>,
    whole_assigned: &HashSet<ObjId>,
    ptr_value_methods: &HashSet<ObjId>,
) -> HashMap<ObjId, Candidate<'a>> {
    let mut out = HashMap::new();
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(body) = &fd.body else { continue };
            // The pointer receiver of a method that takes it as `self` (`&mut self`).
            let receiver = fd
                .recv
                .as_ref()
                .filter(|r| matches!(r.ty.kind, ExprKind::Star(_)))
                .and_then(|r| info.defs.get(&r.name.as_ref()?.id).copied())
                .filter(|_| {
                    info.defs
                        .get(&fd.name.id)
                        .is_some_and(|m| !ptr_value_methods.contains(m))
                });
            let mut late = Late {
                info,
                goto: false,
                named: HashSet::new(),
                depth: 0,
            };
            visit::walk_block(&mut late, body);
            if late.goto {
                continue;
            }
            let mut lists = Lists {
                prog,
                info,
                captured,
                whole_assigned,
                late: &late.named,
                body,
                receiver,
                out: &mut out,
            };
            lists.list(&body.stmts);
            visit::walk_block(&mut crate::subslice::EachList(&mut lists), body);
        }
    }
    out
}

/// Whether a function has a `goto`, and the objects its `defer` and `go` statements name.
struct Late<'i> {
    info: &'i Info,
    goto: bool,
    named: HashSet<ObjId>,
    depth: usize,
}

impl Visitor for Late<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Branch {
                kind: BranchKind::Goto,
                ..
            } => self.goto = true,
            StmtKind::Defer(c) | StmtKind::Go(c) => {
                self.depth += 1;
                visit::walk_expr(self, c);
                self.depth -= 1;
                return false;
            }
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        if self.depth > 0 {
            if let ExprKind::Ident(_) = &e.kind {
                if let Some(&o) = self.info.uses.get(&e.id) {
                    self.named.insert(o);
                }
            }
        }
        true
    }
}

/// Visits every statement list of one function and records the candidates it declares.
struct Lists<'a, 'o> {
    prog: &'a Program,
    info: &'a Info,
    captured: &'a HashSet<ObjId>,
    whole_assigned: &'a HashSet<ObjId>,
    late: &'a HashSet<ObjId>,
    body: &'o Block,
    /// The method's pointer receiver, when it is `self`: `&s.f…` borrows a part of `self`.
    receiver: Option<ObjId>,
    out: &'a mut HashMap<ObjId, Candidate<'o>>,
}

impl Lists<'_, '_> {
    fn list(&mut self, list: &[Stmt]) {
        for (i, s) in list.iter().enumerate() {
            let Some((p, value)) = declared(self.info, s) else {
                continue;
            };
            let value = strip_parens(value);
            let mut indices = Vec::new();
            let (root, copied, place) = match &value.kind {
                ExprKind::Unary {
                    op: UnaryOp::Addr,
                    x,
                } => match self.root(x, &mut indices) {
                    Some(root) => (root, false, Some(x.id)),
                    None => continue,
                },
                // `q := p` with `p` a pointer variable of the same type.
                ExprKind::Ident(_) => match self.info.uses.get(&value.id) {
                    Some(&src) if self.prog.obj(src).ty == self.prog.obj(p).ty => (src, true, None),
                    _ => continue,
                },
                _ => continue,
            };
            let local = |o: ObjId| {
                matches!(self.prog.obj(o).kind, ObjKind::Var { global: false, .. })
                    && !self.captured.contains(&o)
                    && !self.late.contains(&o)
            };
            let pointer = matches!(self.prog.types.under(self.prog.obj(p).ty), Type::Pointer(_));
            if !(pointer
                && p != root
                && local(p)
                && local(root)
                && !self.whole_assigned.contains(&p))
            {
                continue;
            }
            // Where `x` is used while `p` is, `p` can still stand for `x…` itself when no
            // other variable of the function has `x`'s name (which could hide it).
            // (Each use re-evaluates the place: its indices, and a slice it indexes, must not
            // change meanwhile.)
            // A part of the receiver, `&s.f…`: the other fields of `s` may be used meanwhile.
            let receiver_field = match (place, Some(root) == self.receiver) {
                (Some(_), true) => match &value.kind {
                    ExprKind::Unary { x, .. } => match head_field(self.info, x, root) {
                        Some(f) => Some((root, f)),
                        None => continue,
                    },
                    _ => continue,
                },
                _ => None,
            };
            let unused = match receiver_field {
                Some(rf) => disjoint_uses(self.info, list, i, p, rf, false),
                None => unused_while_borrowed(self.info, list, i, p, root),
            };
            let can_alias = |this: &Self| {
                !copied
                    && !this.shadowed(root)
                    && this.stable(list, i, p, root, &indices)
                    && receiver_field
                        .is_none_or(|rf| disjoint_uses(this.info, list, i, p, rf, true))
            };
            let (alias, fallback) = if unused {
                let fallback = (receiver_field.is_some() && can_alias(self))
                    .then_some(place)
                    .flatten();
                (None, fallback)
            } else if can_alias(self) {
                (place, None)
            } else {
                continue;
            };
            self.out.insert(
                p,
                Candidate {
                    root,
                    addr: value.id,
                    body: self.body,
                    copied,
                    alias,
                    fallback,
                },
            );
        }
    }

    /// The variable `x` (or `x.f.g`, `x[i]`) is part of: a variable of its own, not reached
    /// through a pointer (nor a map); the index operands on the way go to `indices`.
    fn root<'e>(&self, x: &'e Expr, indices: &mut Vec<&'e Expr>) -> Option<ObjId> {
        match &x.kind {
            ExprKind::Ident(_) => self.info.uses.get(&x.id).copied(),
            ExprKind::Paren(y) => self.root(y, indices),
            ExprKind::Index { x: y, indices: ix } => {
                let t = self.info.type_of(y.id)?;
                let [i] = ix.as_slice() else {
                    return None;
                };
                if !matches!(self.prog.types.under(t), Type::Array(..) | Type::Slice(_)) {
                    return None;
                }
                indices.push(i);
                self.root(y, indices)
            }
            ExprKind::Selector { x: y, .. } => {
                let field = self
                    .info
                    .selections
                    .get(&x.id)
                    .is_some_and(|s| s.kind == goxide_types::SelectionKind::FieldVal);
                let value = self
                    .info
                    .type_of(y.id)
                    .is_some_and(|t| matches!(self.prog.types.under(t), Type::Struct(_)));
                // `s.f` of the receiver `s` (`self.f`), not through an embedded field.
                let of_receiver = self.receiver.is_some()
                    && matches!(strip_parens(y).kind, ExprKind::Ident(_))
                    && self.info.uses.get(&strip_parens(y).id).copied() == self.receiver
                    && self
                        .info
                        .selections
                        .get(&x.id)
                        .is_some_and(|s| s.path.len() == 1);
                if field && of_receiver {
                    return self.receiver;
                }
                (field && value && !self.implicit_deref(x))
                    .then(|| self.root(y, indices))
                    .flatten()
            }
            _ => None,
        }
    }

    /// Whether the place `&x[i]…` declared by `list[at]` names the same element at every use
    /// of `p`: its indices are constants or variables that no statement from there through the
    /// last use of `p` assigns, and `x` is not assigned there either when it is indexed.
    fn stable(&self, list: &[Stmt], at: usize, p: ObjId, root: ObjId, indices: &[&Expr]) -> bool {
        if indices.is_empty() {
            return true;
        }
        let mut watched = vec![root];
        for i in indices {
            if self.info.const_value(i.id).is_some() {
                continue;
            }
            match &strip_parens(i).kind {
                ExprKind::Ident(_) => match self.info.uses.get(&strip_parens(i).id) {
                    Some(&o) if !self.captured.contains(&o) => watched.push(o),
                    _ => return false,
                },
                _ => return false,
            }
        }
        let used: Vec<HashSet<ObjId>> = list[at + 1..]
            .iter()
            .map(|s| crate::subslice::objects_used(self.info, s))
            .collect();
        let Some(last) = used.iter().rposition(|u| u.contains(&p)) else {
            return true;
        };
        !list[at + 1..=at + 1 + last]
            .iter()
            .any(|s| watched.iter().any(|&o| assigns(self.info, s, o)))
    }

    /// Whether another variable of the function (or a package variable it uses) has `x`'s
    /// name.
    fn shadowed(&self, x: ObjId) -> bool {
        struct Names<'i> {
            info: &'i Info,
            x: ObjId,
            name: String,
            found: bool,
        }
        impl Visitor for Names<'_> {
            fn expr(&mut self, e: &Expr) -> bool {
                if let ExprKind::Ident(n) = &e.kind {
                    let o = self
                        .info
                        .defs
                        .get(&e.id)
                        .or_else(|| self.info.uses.get(&e.id));
                    if *n == self.name && o.is_some_and(|&o| o != self.x) {
                        self.found = true;
                    }
                }
                !self.found
            }
            fn stmt(&mut self, s: &Stmt) -> bool {
                if let StmtKind::Decl(Decl {
                    kind: DeclKind::Var(specs),
                    ..
                }) = &s.kind
                {
                    for n in specs.iter().flat_map(|sp| &sp.names) {
                        if n.name == self.name
                            && self.info.defs.get(&n.id).is_some_and(|&o| o != self.x)
                        {
                            self.found = true;
                        }
                    }
                }
                !self.found
            }
        }
        let mut v = Names {
            info: self.info,
            x,
            name: self.prog.obj(x).name.clone(),
            found: false,
        };
        visit::walk_block(&mut v, self.body);
        v.found
    }

    /// Whether the field selection `x` goes through an embedded pointer.
    fn implicit_deref(&self, x: &Expr) -> bool {
        let Some(s) = self.info.selections.get(&x.id) else {
            return true;
        };
        s.indirect
    }
}

impl crate::subslice::ListWalk for Lists<'_, '_> {
    fn list(&mut self, list: &[Stmt]) {
        Lists::list(self, list)
    }
}

/// Whether `s` assigns the variable `o` as a whole (`o = …`, `o++`, `o op= …`, a `range`
/// without `:=`), anywhere inside it.
fn assigns(info: &Info, s: &Stmt, o: ObjId) -> bool {
    struct A<'i>(&'i Info, ObjId, bool);
    impl A<'_> {
        fn is(&self, e: &Expr) -> bool {
            let e = strip_parens(e);
            matches!(e.kind, ExprKind::Ident(_)) && self.0.uses.get(&e.id) == Some(&self.1)
        }
    }
    impl Visitor for A<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            let hit = match &s.kind {
                StmtKind::Assign { lhs, .. } => lhs.iter().any(|l| self.is(l)),
                StmtKind::IncDec { x, .. } => self.is(x),
                StmtKind::Range {
                    key,
                    value,
                    define: false,
                    ..
                } => key.iter().chain(value).any(|e| self.is(e)),
                _ => false,
            };
            self.2 |= hit;
            !self.2
        }
    }
    let mut a = A(info, o, false);
    visit::walk_stmt(&mut a, s);
    a.2
}

/// The expression of node `id` in `body`.
pub(crate) fn find_expr(body: &Block, id: NodeId) -> Option<Expr> {
    struct Find(NodeId, Option<Expr>);
    impl Visitor for Find {
        fn expr(&mut self, e: &Expr) -> bool {
            if e.id == self.0 {
                self.1 = Some(e.clone());
            }
            self.1.is_none()
        }
    }
    let mut f = Find(id, None);
    visit::walk_block(&mut f, body);
    f.1
}

/// `p := v` / `var p = v` / `var p T = v` declaring one variable: `(p, v)`.
pub(crate) fn declared<'s>(info: &Info, s: &'s Stmt) -> Option<(ObjId, &'s Expr)> {
    match &s.kind {
        StmtKind::Assign {
            lhs,
            op: AssignOp::Define,
            rhs,
        } if lhs.len() == 1 && rhs.len() == 1 => Some((*info.defs.get(&lhs[0].id)?, &rhs[0])),
        StmtKind::Decl(Decl {
            kind: DeclKind::Var(specs),
            ..
        }) if specs.len() == 1 && specs[0].names.len() == 1 && specs[0].values.len() == 1 => {
            Some((*info.defs.get(&specs[0].names[0].id)?, &specs[0].values[0]))
        }
        _ => None,
    }
}

/// The field of the pointer `root` that the place `e` lies in (`s.f[i].g` → `f`'s index).
fn head_field(info: &Info, e: &Expr, root: ObjId) -> Option<usize> {
    match &e.kind {
        ExprKind::Paren(x) | ExprKind::Star(x) => head_field(info, x, root),
        ExprKind::Index { x, .. } | ExprKind::Slice { x, .. } => head_field(info, x, root),
        ExprKind::Selector { x: base, .. } => {
            let b = strip_parens(base);
            if matches!(b.kind, ExprKind::Ident(_)) && info.uses.get(&b.id) == Some(&root) {
                return info
                    .selections
                    .get(&e.id)
                    .filter(|s| s.kind == goxide_types::SelectionKind::FieldVal)
                    .and_then(|s| s.path.first().copied());
            }
            head_field(info, base, root)
        }
        _ => None,
    }
}

/// Whether the statements of `list` after the declaration at `at`, through the last one
/// naming `p`, use the pointer `root` (the method's receiver `s`) only through its fields
/// (`s.g`): never as a whole (passed on, a method called on it, captured by a closure), and
/// never writing, lending or calling a method on a part of field `f`, the one `p` points into.
/// With `reads_of_f`, `s.f…` may still be read (each use of `p` re-evaluates the place);
/// without, it is not named at all (`p` borrows from `self.f` while the others are used).
fn disjoint_uses(
    info: &Info,
    list: &[Stmt],
    at: usize,
    p: ObjId,
    (root, f): (ObjId, usize),
    reads_of_f: bool,
) -> bool {
    struct Uses<'i> {
        info: &'i Info,
        root: ObjId,
        f: usize,
        reads_of_f: bool,
        ok: bool,
    }
    impl Uses<'_> {
        fn in_f(&self, e: &Expr) -> bool {
            head_field(self.info, e, self.root) == Some(self.f)
        }
        fn is_root(&self, e: &Expr) -> bool {
            let e = strip_parens(e);
            matches!(e.kind, ExprKind::Ident(_)) && self.info.uses.get(&e.id) == Some(&self.root)
        }
    }
    impl Visitor for Uses<'_> {
        fn stmt(&mut self, s: &Stmt) -> bool {
            let targets: Vec<&Expr> = match &s.kind {
                StmtKind::Assign { lhs, .. } => lhs.iter().collect(),
                StmtKind::IncDec { x, .. } => vec![x],
                StmtKind::Range { key, value, .. } => key.iter().chain(value).collect(),
                _ => vec![],
            };
            if targets.iter().any(|t| self.in_f(t) || self.is_root(t)) {
                self.ok = false;
            }
            self.ok
        }
        fn expr(&mut self, e: &Expr) -> bool {
            match &e.kind {
                ExprKind::Selector { x, .. } if self.is_root(x) => {
                    let field = self.info.selections.get(&e.id).filter(|s| {
                        s.kind == goxide_types::SelectionKind::FieldVal && !s.path.is_empty()
                    });
                    match field {
                        Some(s) if s.path[0] == self.f && !self.reads_of_f => self.ok = false,
                        Some(_) => {}
                        None => self.ok = false,
                    }
                    return false;
                }
                ExprKind::Unary {
                    op: UnaryOp::Addr,
                    x,
                } if self.in_f(x) => self.ok = false,
                ExprKind::Call { func, args, .. } => {
                    // A method called on a part of `s.f` may write it; so do `copy`,
                    // `delete` and `clear`.
                    let on_f = match &strip_parens(func).kind {
                        ExprKind::Selector { x, .. } => {
                            self.in_f(x)
                                && self
                                    .info
                                    .selections
                                    .get(&strip_parens(func).id)
                                    .is_some_and(|s| {
                                        s.kind != goxide_types::SelectionKind::FieldVal
                                    })
                        }
                        ExprKind::Ident(n) => {
                            matches!(n.as_str(), "copy" | "delete" | "clear")
                                && args.first().is_some_and(|a| self.in_f(a))
                        }
                        _ => false,
                    };
                    if on_f {
                        self.ok = false;
                    }
                }
                ExprKind::FuncLit { .. } if crate::subslice::mentions(self.info, e, self.root) => {
                    self.ok = false;
                }
                ExprKind::Ident(_) if self.is_root(e) => self.ok = false,
                _ => {}
            }
            self.ok
        }
    }
    let used: Vec<HashSet<ObjId>> = list[at + 1..]
        .iter()
        .map(|s| crate::subslice::objects_used(info, s))
        .collect();
    let Some(last) = used.iter().rposition(|u| u.contains(&p)) else {
        return true;
    };
    let mut u = Uses {
        info,
        root,
        f,
        reads_of_f,
        ok: true,
    };
    for s in &list[at + 1..=at + 1 + last] {
        visit::walk_stmt(&mut u, s);
    }
    u.ok
}

/// Whether no statement of `list` after the declaration at `at`, through the last one naming
/// `p`, names `root`.
fn unused_while_borrowed(info: &Info, list: &[Stmt], at: usize, p: ObjId, root: ObjId) -> bool {
    let used: Vec<HashSet<ObjId>> = list[at + 1..]
        .iter()
        .map(|s| crate::subslice::objects_used(info, s))
        .collect();
    let Some(last) = used.iter().rposition(|u| u.contains(&p)) else {
        return true;
    };
    used[..=last].iter().all(|u| !u.contains(&root))
}

impl crate::ctx::Ctx<'_> {
    /// `p := &x` for a local pointer that borrows `x`: `let p = &mut x;` (`&x` when nothing
    /// writes through `p`). `None` when `p` is not one.
    pub fn borrow_ptr_decl(&mut self, p: ObjId, name: &Ident, value: &Expr) -> Option<syn::Stmt> {
        if self.analysis.ptr_params.copies.contains_key(&p) {
            return self.copied_ptr_decl(p, name, value);
        }
        if let Some(place) = self.analysis.ptr_params.aliases.get(&p) {
            // Another name for the place: its uses use the place itself.
            let place = self.snippet(place.span);
            return Some(crate::stmt::comment_stmt(&format!(
                "`{}` is `&{place}`: its uses below use `{place}` itself",
                name.name
            )));
        }
        self.analysis.ptr_params.borrows.get(&p)?;
        let mode = *self.analysis.ptr_params.params.get(&p)?;
        let ExprKind::Unary {
            op: UnaryOp::Addr,
            x,
        } = &strip_parens(value).kind
        else {
            return None;
        };
        let place = crate::expr::as_base(self.place(x));
        let id = self.bind_local(p, &name.name);
        Some(match mode {
            SliceMode::MutRef => syn::parse_quote!(let #id = &mut #place;),
            SliceMode::Ref => syn::parse_quote!(let #id = &#place;),
        })
    }

    /// `q := p` for a local pointer that borrows what `p` owns (`let q = &mut p;`) or borrows
    /// (`let q = &mut *p;`; `&p` / `&*p` when nothing writes through `q`).
    fn copied_ptr_decl(&mut self, q: ObjId, name: &Ident, value: &Expr) -> Option<syn::Stmt> {
        let mode = *self.analysis.ptr_params.params.get(&q)?;
        let src = strip_parens(value);
        if !self.is_self_ptr(src) {
            return None;
        }
        let r = self.ref_ptr(src);
        let id = self.bind_local(q, &name.name);
        Some(match (self.is_owned_ptr(src), mode) {
            (true, SliceMode::MutRef) => syn::parse_quote!(let #id = &mut #r;),
            (true, SliceMode::Ref) => syn::parse_quote!(let #id = &#r;),
            (false, SliceMode::MutRef) => syn::parse_quote!(let #id = &mut *#r;),
            (false, SliceMode::Ref) => syn::parse_quote!(let #id = &*#r;),
        })
    }
}
