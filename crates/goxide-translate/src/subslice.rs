//! Re-slices that borrow their base. In Go `w := nums[2:5]` shares `nums`' elements: a write
//! through `w` is seen through `nums`. Where the borrow checker can prove the sharing safe —
//! `nums` is not touched while `w` is in use — the re-slice becomes a borrow,
//! `let w = &mut nums[2..5];` (or `&nums[2..5]` when nothing writes through `w`), which keeps
//! Go's behaviour without copying and without a shared cell.
//!
//! Candidates: `x := base[lo:hi]` (or `var x = base[lo:hi]`) declaring a local slice `x` that
//! is never reassigned, captured, address-taken nor appended to, re-sliced from a local slice
//! or array variable `base` (not captured nor address-taken); and, in the statement list
//! declaring `x`, no statement from the declaration to the last one using `x` uses `base`.
//! A whole copy `x := base` of a slice is another header for the same elements: when either
//! side's elements are written it is such a borrow too (`let x = &mut base[..];`); where the
//! borrow does not fit, the copy carries a semantics marker.

use crate::analysis::SliceMode;
use crate::names;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program, Type};
use std::collections::{HashMap, HashSet};
use syn::parse_quote;

/// A local slice translated as a borrow of part of another variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SubsliceBorrow {
    /// The variable whose elements it borrows.
    pub base: ObjId,
    /// `&[T]` or `&mut [T]`.
    pub mode: SliceMode,
    /// `cap(x)` appears: the capacity is computed before the borrow starts.
    pub cap_used: bool,
}

/// Facts about variables that the decision needs (from the main analysis walk).
pub struct VarFacts<'a> {
    pub captured: &'a HashSet<ObjId>,
    pub address_taken: &'a HashSet<ObjId>,
    pub whole_assigned: &'a HashSet<ObjId>,
    pub elem_mutated: &'a HashSet<ObjId>,
}

/// Finds the re-slices of `files` that can borrow their base; also the variables that
/// `append` is applied to (`append(x, …)`).
pub fn find(
    prog: &Program,
    info: &Info,
    files: &[&File],
    facts: &VarFacts<'_>,
) -> (HashMap<ObjId, SubsliceBorrow>, HashSet<ObjId>) {
    let mut calls = CallFacts {
        prog,
        info,
        appended: HashSet::new(),
        passed: HashSet::new(),
        cap_of: HashSet::new(),
    };
    for f in files {
        for d in &f.decls {
            visit::walk_decl(&mut calls, d);
        }
    }
    let mut lists = Lists {
        prog,
        info,
        facts,
        calls: &calls,
        out: HashMap::new(),
    };
    for f in files {
        for d in &f.decls {
            if let DeclKind::Func(fd) = &d.kind {
                if let Some(body) = &fd.body {
                    lists.list(&body.stmts);
                    visit::walk_block(&mut EachList(&mut lists), body);
                }
            }
        }
    }
    let out = lists.out;
    (out, calls.appended)
}

/// Visits every statement list and records the borrows it declares.
struct Lists<'a> {
    prog: &'a Program,
    info: &'a Info,
    facts: &'a VarFacts<'a>,
    calls: &'a CallFacts<'a>,
    out: HashMap<ObjId, SubsliceBorrow>,
}

impl Lists<'_> {
    fn list(&mut self, list: &[Stmt]) {
        for (i, s) in list.iter().enumerate() {
            let Some((x, base, whole)) = candidate(self.prog, self.info, self.facts, s) else {
                continue;
            };
            // A whole copy whose elements nothing writes is as good as a copy (or a move).
            let written =
                |o| self.facts.elem_mutated.contains(&o) || self.calls.passed.contains(&o);
            if whole && !written(x) && !written(base) {
                continue;
            }
            if self.calls.appended.contains(&x) || !borrow_fits(self.info, list, i, x, base) {
                continue;
            }
            // The capacity of a slice parameter is not known to the callee.
            let base_param = matches!(self.prog.obj(base).kind, ObjKind::Var { param: true, .. })
                && matches!(
                    self.prog.types.under(self.prog.obj(base).ty),
                    Type::Slice(_)
                );
            if self.calls.cap_of.contains(&x) && base_param {
                continue;
            }
            let mode = if self.facts.elem_mutated.contains(&x) || self.calls.passed.contains(&x) {
                SliceMode::MutRef
            } else {
                SliceMode::Ref
            };
            self.out.insert(
                x,
                SubsliceBorrow {
                    base,
                    mode,
                    cap_used: self.calls.cap_of.contains(&x),
                },
            );
        }
    }
}

impl ListWalk for Lists<'_> {
    fn list(&mut self, list: &[Stmt]) {
        Lists::list(self, list)
    }
}

/// A pass over each statement list of a body (see [`EachList`]).
pub trait ListWalk {
    fn list(&mut self, list: &[Stmt]);
}

/// Walks a body and hands every statement list in it (nested blocks, case clauses, function
/// literals' bodies) to a [`ListWalk`].
pub struct EachList<'w, W>(pub &'w mut W);

impl<W: ListWalk> Visitor for EachList<'_, W> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        for l in nested_lists(s) {
            self.0.list(l);
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        if let ExprKind::FuncLit { body, .. } = &e.kind {
            self.0.list(&body.stmts);
        }
        true
    }
}

/// `x := base[lo:hi]` (or `x := base`) with `x` and `base` fit to borrow: `(x, base, whole)`.
fn candidate(
    prog: &Program,
    info: &Info,
    facts: &VarFacts<'_>,
    s: &Stmt,
) -> Option<(ObjId, ObjId, bool)> {
    let (name, value) = match &s.kind {
        StmtKind::Assign {
            lhs,
            op: AssignOp::Define,
            rhs,
        } if lhs.len() == 1 && rhs.len() == 1 => (&lhs[0], &rhs[0]),
        StmtKind::Decl(Decl {
            kind: DeclKind::Var(specs),
            ..
        }) if specs.len() == 1 && specs[0].names.len() == 1 && specs[0].values.len() == 1 => {
            let n = &specs[0].names[0];
            let x = info.defs.get(&n.id).copied()?;
            return fit(prog, info, facts, x, &specs[0].values[0]);
        }
        _ => return None,
    };
    let x = info.defs.get(&name.id).copied()?;
    fit(prog, info, facts, x, value)
}

fn fit(
    prog: &Program,
    info: &Info,
    facts: &VarFacts<'_>,
    x: ObjId,
    value: &Expr,
) -> Option<(ObjId, ObjId, bool)> {
    let value = crate::builtins::strip_parens(value);
    let (base, whole) = match &value.kind {
        ExprKind::Slice {
            x: base,
            max: None,
            three: false,
            ..
        } => (crate::builtins::strip_parens(base), false),
        // `b := a`: another slice header for the same elements.
        ExprKind::Ident(_) => (value, true),
        _ => return None,
    };
    if !matches!(base.kind, ExprKind::Ident(_)) {
        return None;
    }
    let b = info.object_of(base.id)?;
    let local = |o: ObjId| matches!(prog.obj(o).kind, ObjKind::Var { global: false, .. });
    let free =
        |o: ObjId| local(o) && !facts.captured.contains(&o) && !facts.address_taken.contains(&o);
    let base_ok = match prog.types.under(prog.obj(b).ty) {
        Type::Slice(_) => true,
        // (`b := arr` copies an array in Go too.)
        Type::Array(..) => !whole,
        _ => false,
    };
    let x_ok = matches!(prog.types.under(prog.obj(x).ty), Type::Slice(_))
        && !facts.whole_assigned.contains(&x);
    (base_ok && x_ok && free(x) && free(b) && x != b).then_some((x, b, whole))
}

/// Whether no statement of `list` from the declaration at `at` through the last one using `x`
/// uses `base` (the declaration's own operands are evaluated before the borrow starts).
pub(crate) fn borrow_fits(info: &Info, list: &[Stmt], at: usize, x: ObjId, base: ObjId) -> bool {
    borrow_fits_from(info, &list[at + 1..], x, base)
}

/// Whether no statement of `list` through the last one using `x` uses `base`.
pub(crate) fn borrow_fits_from(info: &Info, list: &[Stmt], x: ObjId, base: ObjId) -> bool {
    let used: Vec<HashSet<ObjId>> = list.iter().map(|s| objects_used(info, s)).collect();
    let Some(last) = used.iter().rposition(|u| u.contains(&x)) else {
        return true;
    };
    used[..=last].iter().all(|u| !u.contains(&base))
}

/// Whether `e` names `o` anywhere.
pub fn mentions(info: &Info, e: &Expr, o: ObjId) -> bool {
    struct Finds<'i>(&'i Info, ObjId, bool);
    impl Visitor for Finds<'_> {
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::Ident(_) = &e.kind {
                self.2 |= self.0.uses.get(&e.id) == Some(&self.1);
            }
            !self.2
        }
    }
    let mut f = Finds(info, o, false);
    visit::walk_expr(&mut f, e);
    f.2
}

/// Every object that `s` names.
pub(crate) fn objects_used(info: &Info, s: &Stmt) -> HashSet<ObjId> {
    struct Uses<'i>(&'i Info, HashSet<ObjId>);
    impl Visitor for Uses<'_> {
        fn expr(&mut self, e: &Expr) -> bool {
            if let ExprKind::Ident(_) = &e.kind {
                if let Some(&o) = self.0.uses.get(&e.id) {
                    self.1.insert(o);
                }
            }
            true
        }
    }
    let mut u = Uses(info, HashSet::new());
    visit::walk_stmt(&mut u, s);
    u.1
}

/// How variables are used in calls, over the whole package.
struct CallFacts<'a> {
    prog: &'a Program,
    info: &'a Info,
    /// `append(x, …)`: the append may write into `x`'s spare capacity.
    appended: HashSet<ObjId>,
    /// `x` passed as an argument to a call (it may be written through).
    passed: HashSet<ObjId>,
    /// `cap(x)`.
    cap_of: HashSet<ObjId>,
}

impl CallFacts<'_> {
    /// `pkg.F` naming a function of an imported package: its path and `F`.
    fn std_callee(&self, func: &Expr) -> Option<(String, String)> {
        let ExprKind::Selector { x, sel } = &crate::builtins::strip_parens(func).kind else {
            return None;
        };
        match self.prog.obj(self.info.object_of(x.id)?).kind {
            ObjKind::PkgName(p) => Some((self.prog.pkg(p).path.clone(), sel.name.clone())),
            _ => None,
        }
    }
}

impl Visitor for CallFacts<'_> {
    fn expr(&mut self, e: &Expr) -> bool {
        let ExprKind::Call { func, args, .. } = &e.kind else {
            return true;
        };
        let ident_obj = |e: &Expr| {
            let e = crate::builtins::strip_parens(e);
            match e.kind {
                ExprKind::Ident(_) => self.info.uses.get(&e.id).copied(),
                _ => None,
            }
        };
        let builtin = ident_obj(func).and_then(|f| match self.prog.obj(f).kind {
            ObjKind::Builtin(b) => Some(b),
            _ => None,
        });
        match builtin {
            Some(Builtin::Append) => self.appended.extend(args.first().and_then(ident_obj)),
            Some(Builtin::Cap) => self.cap_of.extend(args.first().and_then(ident_obj)),
            Some(_) => {}
            None => match self.std_callee(func) {
                // A standard-library call writes only the argument it is known to write.
                Some((path, name)) => {
                    if let Some(i) = crate::stdlib::mutated_arg(&path, &name) {
                        self.passed.extend(args.get(i).and_then(ident_obj));
                    }
                }
                None => self.passed.extend(args.iter().filter_map(ident_obj)),
            },
        }
        true
    }
}

/// Statement lists nested in `s` (bodies of blocks, branches, loops and clauses).
pub(crate) fn nested_lists(s: &Stmt) -> Vec<&[Stmt]> {
    match &s.kind {
        StmtKind::Block(b) => vec![&b.stmts],
        StmtKind::If { then, .. } => vec![&then.stmts],
        StmtKind::For { body, .. } | StmtKind::Range { body, .. } => vec![&body.stmts],
        StmtKind::Switch { clauses, .. } => clauses.iter().map(|c| &c.body[..]).collect(),
        StmtKind::TypeSwitch { clauses, .. } => clauses.iter().map(|c| &c.body[..]).collect(),
        StmtKind::Select { clauses, .. } => clauses.iter().map(|c| &c.body[..]).collect(),
        _ => Vec::new(),
    }
}

impl crate::ctx::Ctx<'_> {
    /// `x := base[lo:hi]` for a re-slice that borrows its base: `let x = &mut base[lo..hi];`
    /// (preceded by `let x_cap = …;` when `cap(x)` is used). `None` when `x` is not one.
    pub fn subslice_decl(
        &mut self,
        x: ObjId,
        name: &Ident,
        value: &Expr,
    ) -> Option<Vec<syn::Stmt>> {
        let b = *self.analysis.subslices.get(&x)?;
        let value = crate::builtins::strip_parens(value);
        let (base, lo, hi) = match &value.kind {
            ExprKind::Slice {
                x: base, lo, hi, ..
            } => (&**base, lo, hi),
            // `b := a`: all of `a`'s elements.
            ExprKind::Ident(_) => (value, &None, &None),
            _ => return None,
        };
        let lo = lo.as_deref().map(|l| self.index_usize(l));
        let hi = hi.as_deref().map(|h| self.index_usize(h));
        let range: syn::Expr = match (&lo, &hi) {
            (Some(l), Some(h)) => parse_quote!(#l..#h),
            (Some(l), None) => parse_quote!(#l..),
            (None, Some(h)) => parse_quote!(..#h),
            (None, None) => parse_quote!(..),
        };
        let base_t = self.type_of(base)?;
        let base = crate::expr::as_base(self.borrowed(base));
        let mut out = Vec::new();
        if b.cap_used {
            // Go: cap(base[lo:hi]) == cap(base) - lo.
            let cap: syn::Expr = match self.under(base_t) {
                Type::Slice(_) => parse_quote!(#base.capacity()),
                _ => parse_quote!(#base.len()),
            };
            let cap: syn::Expr = match &lo {
                Some(l) => parse_quote!(#cap - #l),
                None => cap,
            };
            let cap_id = quote::format_ident!("{}_cap", names::value_ident(&name.name));
            self.subslice_caps.insert(x, cap_id.clone());
            out.push(parse_quote!(let #cap_id = (#cap) as i64;));
        }
        let id = self.bind_local(x, &name.name);
        out.push(match b.mode {
            SliceMode::MutRef => parse_quote!(let #id = &mut #base[#range];),
            SliceMode::Ref => parse_quote!(let #id = &#base[#range];),
        });
        Some(out)
    }

    /// Whether `t` is a struct with a map field (directly or in a struct field).
    fn struct_with_map(&self, t: goxide_types::TypeId, depth: usize) -> bool {
        let Type::Struct(fields) = self.under(t) else {
            return false;
        };
        depth < 8
            && fields.iter().any(|f| {
                matches!(self.under(f.ty), Type::Map(..)) || self.struct_with_map(f.ty, depth + 1)
            })
    }

    /// A slice field of struct type `t` (or of a struct in it) whose elements something writes
    /// (see `field_shares`): its name.
    fn written_slice_field(&self, t: goxide_types::TypeId, depth: usize) -> Option<String> {
        let Type::Struct(fields) = self.under(t) else {
            return None;
        };
        if depth >= 8 {
            return None;
        }
        fields.iter().find_map(|f| match self.under(f.ty) {
            Type::Slice(_) if self.analysis.field_shares.written.contains(&f.obj) => {
                Some(f.name.clone())
            }
            Type::Struct(_) => self.written_slice_field(f.ty, depth + 1),
            _ => None,
        })
    }

    /// The `semantics` markers of a `range` loop's value variable `v` (its object, its Rust
    /// name) over a value of type `xt`, when it is a copy of each element that Go's variable
    /// would share: a struct whose slice field's elements the body writes (see
    /// `field_shares`), or a slice or map whose elements the body writes while using the
    /// variable otherwise too. (One that borrows each element needs none, see
    /// `Analysis::field_elem_ranges`.) `define`: the loop declares `v`.
    pub fn range_copy_markers(
        &mut self,
        v: Option<&(ObjId, syn::Ident, bool)>,
        xt: goxide_types::TypeId,
        define: bool,
    ) {
        let Some((o, id, _)) = v else {
            return;
        };
        // A struct element copied into the value variable, whose slice field's elements the
        // body writes (see `field_shares`).
        if let Some(field) = self.analysis.field_shares.written_through.get(o).cloned() {
            self.marker(format!(
                "semantics: `{id}` is a copy of each element; in Go its slice field `{field}` \
                 shares the element's, so the loop's writes to them change the elements"
            ));
        }
        // A slice or map element copied into the value variable, whose elements the body writes
        // while using the variable otherwise too. (`for k, v = range x` binds temporaries with
        // no object.)
        let walks_collection = matches!(
            self.under(xt),
            Type::Slice(_) | Type::Array(..) | Type::Map(..)
        );
        if !define || !walks_collection {
            return;
        }
        let what = match self.under(self.obj(*o).ty) {
            Type::Slice(_) => Some("backing array"),
            Type::Map(..) => Some("map"),
            _ => None,
        };
        if let (Some(what), true) = (what, self.analysis.elem_mutated.contains(o)) {
            self.marker(format!(
                "semantics: `{id}` is a copy of each element; in Go it shares the element's \
                 {what}, so the loop's writes to its elements change the element"
            ));
        }
    }

    /// `x := v` (or `x = v`) of a struct read from a variable, an element or a field, whose slice
    /// field Go's copy shares with `v`: a `semantics` marker when something writes that
    /// field's elements and `v` is not a variable's last use (which moves it).
    pub fn struct_copy_marker(&mut self, x: ObjId, value: &Expr) {
        let v = crate::builtins::strip_parens(value);
        let place = match &v.kind {
            ExprKind::Ident(_) => {
                !self.analysis.last_uses.contains(&v.id) && self.obj_of(v) != Some(x)
            }
            ExprKind::Index { .. } | ExprKind::Selector { .. } => self.is_place(v),
            _ => false,
        };
        let Some(t) = self.type_of(v).filter(|_| place) else {
            return;
        };
        if let Some(field) = self.written_slice_field(t, 0) {
            let xn = self.obj(x).name.clone();
            self.marker(format!(
                "semantics: `{xn}` is a copy of a struct whose slice field `{field}` Go's copy \
                 shares; a write to its elements through one is seen through the other in Go, \
                 not here"
            ));
        }
    }

    /// A slice or map variable `a` (`value`) copied into a field: one of `fields` (`b.data =
    /// a`, `Buf{data: a}`) or a parameter the callee stores in them (`param_written` when the
    /// callee writes its elements). Go's copy shares the elements (the map), goxide's does not:
    /// a `semantics` marker when the copy is not `a`'s last use and something writes the
    /// elements, through `a`, the parameter or the field (see `field_shares`).
    pub fn field_copy_marker(&mut self, value: &Expr, fields: &[ObjId], param_written: bool) {
        let v = crate::builtins::strip_parens(value);
        if !matches!(v.kind, ExprKind::Ident(_)) || self.analysis.last_uses.contains(&v.id) {
            return;
        }
        let Some(a) = self.obj_of(v) else {
            return;
        };
        if !matches!(self.obj(a).kind, ObjKind::Var { global: false, .. }) {
            return;
        }
        let what = match self.under(self.obj(a).ty) {
            Type::Map(..) => "one map",
            Type::Slice(_) => "one backing array",
            _ => return,
        };
        let written = param_written
            || self.analysis.elem_mutated.contains(&a)
            || fields
                .iter()
                .any(|f| self.analysis.field_shares.written.contains(f));
        if written {
            let an = self.obj(a).name.clone();
            self.marker(format!(
                "semantics: `{an}` is copied into a struct field; in Go the field and `{an}` \
                 share {what}, so a write through one is seen through the other, not here"
            ));
        }
    }

    /// A marker when `x = base[lo:hi]` copies elements that Go would share and one side is
    /// written afterwards (the copy can then diverge from Go's shared array).
    pub fn copied_reslice_marker(&mut self, x: ObjId, value: &Expr) {
        if self.analysis.subslices.contains_key(&x) {
            return;
        }
        let value = crate::builtins::strip_parens(value);
        // `x := b`: Go copies a reference (a map, a slice header, a struct's map fields),
        // goxide the entries.
        if let ExprKind::Ident(_) = value.kind {
            let Some(b) = self.obj_of(value) else {
                return;
            };
            // `m2 := m` and `b := a` for slices: Go's copy shares the map or the elements (a
            // slice copy the borrow of `subslice` did not fit, and not a move of `a`'s last use).
            let written = b != x
                && (self.analysis.elem_mutated.contains(&x)
                    || self.analysis.elem_mutated.contains(&b));
            let bn = self.obj(b).name.clone();
            let shared = match self.under(self.obj(b).ty) {
                Type::Map(..) => Some(format!("map `{bn}`; in Go both name one map, so a write")),
                Type::Slice(_) if !self.analysis.last_uses.contains(&value.id) => Some(format!(
                    "slice `{bn}`; in Go both share one backing array, so a write to an element"
                )),
                _ => None,
            };
            if let (true, Some(what)) = (written, shared) {
                let xn = self.obj(x).name.clone();
                self.marker(format!(
                    "semantics: `{xn}` is a copy of {what} through one is seen through the other"
                ));
            }
            // `d := c` for a struct with a map field: Go's copy shares the map.
            let mutated = |o| self.analysis.mutated.contains(&o);
            let ty = self.obj(b).ty;
            if b != x && self.struct_with_map(ty, 0) && (mutated(x) || mutated(b)) {
                let (xn, bn) = (self.obj(x).name.clone(), self.obj(b).name.clone());
                self.marker(format!(
                    "semantics: `{xn}` is a copy of `{bn}`, whose map fields Go's copy shares; \
                     a map write through one is seen through the other in Go, not here"
                ));
            }
            return;
        }
        // `s := m[k]`, `s := rows[i]`, `s := o.items` of a slice or map: Go's copy shares the
        // elements with the place it was read from.
        let map_value = matches!(&value.kind, ExprKind::Index { x: m, .. }
            if self.type_of(m).is_some_and(|t| matches!(self.under(t), Type::Map(..))));
        if matches!(
            value.kind,
            ExprKind::Index { .. } | ExprKind::Selector { .. }
        ) && (map_value || self.is_place(value))
        {
            let what = match self.type_of(value).map(|t| self.under(t).clone()) {
                Some(Type::Slice(_)) => "one backing array",
                Some(Type::Map(..)) => "one map",
                _ => return,
            };
            let field_written = self
                .info
                .selections
                .get(&value.id)
                .is_some_and(|s| self.analysis.field_shares.written.contains(&s.obj));
            if self.analysis.elem_mutated.contains(&x) || field_written {
                let xn = self.obj(x).name.clone();
                self.marker(format!(
                    "semantics: `{xn}` is a copy of what it was read from; in Go both share \
                     {what}, so a write through one is seen through the other, not here"
                ));
            }
            return;
        }
        let ExprKind::Slice { x: base, .. } = &value.kind else {
            return;
        };
        let Some(b) = self.obj_of(crate::builtins::strip_parens(base)) else {
            return;
        };
        // (`x = x[a:b]` replaces `x` by part of itself: nothing else held the old value.)
        if b == x || !matches!(self.under(self.obj(b).ty), Type::Slice(_) | Type::Array(..)) {
            return;
        }
        // Appending to the copy, or through its address, writes the base's elements in Go
        // while the capacity lasts.
        let written = |o| self.analysis.elem_mutated.contains(&o);
        let pp = &self.analysis.ptr_params;
        let grown = |o| {
            self.analysis.appended.contains(&o)
                || self.analysis.address_taken.contains(&o)
                || pp.lent_mut.contains(&o)
                || pp.borrows.values().any(|&v| v == o)
        };
        if written(x) || written(b) || grown(x) {
            let (xn, bn) = (self.obj(x).name.clone(), self.obj(b).name.clone());
            self.marker(format!(
                "semantics: `{xn}` is a copy of part of `{bn}`; in Go they share elements, so a \
                 write to one is seen through the other"
            ));
        }
    }
}
