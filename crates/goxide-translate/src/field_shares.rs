//! Slices and maps that a struct field and a variable share. In Go `b.data = a`,
//! `Buf{data: a}` and `b.Set(a)` (with `Set` storing its parameter in a field) make the field
//! and `a` name one backing array (one map): a write to an element through either is seen
//! through the other. goxide's copy is a value of its own, which is Go's behaviour only when
//! neither side writes afterwards, or when the copy is `a`'s last use (a move).
//!
//! This module finds, for the translation to mark the copies that may differ from Go:
//!
//! - the slice and map fields whose elements something writes: `x.f[i] = v`, `x.f[i]++`,
//!   `x.f[i].g = v`, `x.f[k] = v` of a map, `delete(x.f, k)`, `copy(x.f, …)`, a `sort`
//!   function or a method called on it or on one of its elements, or `x.f` passed to a
//!   parameter whose elements the callee writes;
//! - the parameters a function stores in a field, with the fields.
//!
//! Must not depend on the emission (`Ctx`): it only reads the syntax and the checker's facts.

use crate::builtins::strip_parens;
use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program, SelectionKind, Type};
use std::collections::{HashMap, HashSet};

/// What the walk found.
#[derive(Clone, Debug, Default)]
pub struct FieldShares {
    /// Slice and map fields (their objects) whose elements something writes.
    pub written: HashSet<ObjId>,
    /// Variables holding a struct by value through which a slice field's elements are written
    /// (`r.Cells[0] = 1` of `r Row`), with the first such field's name: in Go the copy in `r`
    /// shares those elements with what it was copied from.
    pub written_through: HashMap<ObjId, String>,
    /// Per function, the parameters (by position) it stores in fields, with the fields.
    pub stored: HashMap<ObjId, Vec<(usize, ObjId)>>,
    /// Fields passed to a parameter (callee, position), written when the callee writes the
    /// parameter's elements (see [`FieldShares::settle`]).
    passed: Vec<(ObjId, usize, ObjId)>,
    /// The package's functions' parameters, by position.
    params: HashMap<ObjId, Vec<Option<ObjId>>>,
}

impl FieldShares {
    /// Adds the fields passed to parameters whose elements the callee writes (those in
    /// `elem_written`).
    pub fn settle(&mut self, elem_written: &HashSet<ObjId>) {
        for (f, i, field) in std::mem::take(&mut self.passed) {
            let p = self
                .params
                .get(&f)
                .and_then(|ps| ps.get(i).copied().flatten());
            if p.is_some_and(|p| elem_written.contains(&p)) {
                self.written.insert(field);
            }
        }
    }

    /// Parameter `i` of function `f`, when it has a name.
    pub fn param(&self, f: ObjId, i: usize) -> Option<ObjId> {
        self.params.get(&f)?.get(i).copied().flatten()
    }

    /// The parameters some function stores in a field.
    pub fn stored_params(&self) -> HashSet<ObjId> {
        self.stored
            .iter()
            .flat_map(|(f, ps)| ps.iter().filter_map(|(i, _)| self.param(*f, *i)))
            .collect()
    }

    /// The fields parameter `i` of function `f` is stored in.
    pub fn stored_in(&self, f: ObjId, i: usize) -> impl Iterator<Item = ObjId> + '_ {
        self.stored
            .get(&f)
            .into_iter()
            .flatten()
            .filter(move |(j, _)| *j == i)
            .map(|(_, field)| *field)
    }
}

pub fn find(prog: &Program, info: &Info, files: &[&File]) -> FieldShares {
    let mut w = Walk {
        prog,
        info,
        params: HashMap::new(),
        func: None,
        out: FieldShares::default(),
    };
    for f in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(body) = &fd.body else {
                continue;
            };
            w.func = info.defs.get(&fd.name.id).copied();
            // (A group without names is one parameter; `_` has no object.)
            let params: Vec<Option<ObjId>> = fd
                .sig
                .params
                .iter()
                .flat_map(|g| {
                    if g.names.is_empty() {
                        vec![None]
                    } else {
                        g.names
                            .iter()
                            .map(|n| info.defs.get(&n.id).copied())
                            .collect()
                    }
                })
                .collect();
            w.params = params
                .iter()
                .enumerate()
                .filter_map(|(i, p)| Some(((*p)?, i)))
                .collect();
            if let Some(f) = w.func {
                w.out.params.insert(f, params);
            }
            visit::walk_block(&mut w, body);
        }
    }
    w.out
}

struct Walk<'a> {
    prog: &'a Program,
    info: &'a Info,
    /// The current function's parameters, with their positions.
    params: HashMap<ObjId, usize>,
    func: Option<ObjId>,
    out: FieldShares,
}

impl Walk<'_> {
    /// The field `e` selects when it is a slice or map field (`x.f`, `x.f[a:b]`).
    fn field(&self, e: &Expr) -> Option<ObjId> {
        let e = match &strip_parens(e).kind {
            ExprKind::Slice { x, .. } => strip_parens(x),
            _ => strip_parens(e),
        };
        let ExprKind::Selector { .. } = &e.kind else {
            return None;
        };
        let sel = self
            .info
            .selections
            .get(&e.id)
            .filter(|s| s.kind == SelectionKind::FieldVal)?;
        let t = self.info.type_of(e.id)?;
        matches!(self.prog.types.under(t), Type::Slice(_) | Type::Map(..)).then_some(sel.obj)
    }

    /// Marks the fields whose elements the place `e` is in (`x.f[i]`, `x.f[i].g`), and the
    /// variable holding by value the struct of the outermost such field.
    fn write(&mut self, e: &Expr) {
        let mut cur = strip_parens(e);
        let mut last = None;
        loop {
            match &cur.kind {
                ExprKind::Index { x, .. } => {
                    if let Some(f) = self.field(x) {
                        self.out.written.insert(f);
                        last = Some(strip_parens(x));
                    }
                    cur = strip_parens(x);
                }
                ExprKind::Selector { x, .. } | ExprKind::Star(x) => cur = strip_parens(x),
                _ => break,
            }
        }
        // `r.f[i]` (`r.a.f[i]`): fields of struct values all the way from the variable.
        let Some(ExprKind::Selector { x, sel }) = last.map(|l| &l.kind) else {
            return;
        };
        let mut base = strip_parens(x);
        loop {
            let by_value = self
                .info
                .type_of(base.id)
                .is_some_and(|t| matches!(self.prog.types.under(t), Type::Struct(_)));
            if !by_value {
                return;
            }
            match &base.kind {
                ExprKind::Selector { x, .. } => base = strip_parens(x),
                ExprKind::Ident(_) => break,
                _ => return,
            }
        }
        if let Some(&v) = self.info.uses.get(&base.id) {
            if matches!(self.prog.obj(v).kind, ObjKind::Var { .. }) {
                self.out
                    .written_through
                    .entry(v)
                    .or_insert_with(|| sel.name.clone());
            }
        }
    }

    /// A parameter of the current function stored in field `field`.
    fn store(&mut self, field: ObjId, value: &Expr) {
        let v = strip_parens(value);
        let (Some(f), ExprKind::Ident(_)) = (self.func, &v.kind) else {
            return;
        };
        if let Some(&i) = self.info.uses.get(&v.id).and_then(|o| self.params.get(o)) {
            self.out.stored.entry(f).or_default().push((i, field));
        }
    }
}

impl Visitor for Walk<'_> {
    fn stmt(&mut self, s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::Assign { lhs, rhs, .. } => {
                for l in lhs {
                    self.write(l);
                }
                if lhs.len() == rhs.len() {
                    for (l, r) in lhs.iter().zip(rhs) {
                        let sel = self
                            .info
                            .selections
                            .get(&strip_parens(l).id)
                            .filter(|s| s.kind == SelectionKind::FieldVal);
                        if let Some(sel) = sel {
                            self.store(sel.obj, r);
                        }
                    }
                }
            }
            StmtKind::IncDec { x, .. } => self.write(x),
            _ => {}
        }
        true
    }

    fn expr(&mut self, e: &Expr) -> bool {
        match &e.kind {
            ExprKind::CompositeLit { elems, .. } => {
                let Some(t) = self.info.type_of(e.id) else {
                    return true;
                };
                let t = match self.prog.types.under(t) {
                    Type::Pointer(p) => *p,
                    _ => t,
                };
                if let Type::Struct(fields) = self.prog.types.under(t) {
                    let fields = fields.clone();
                    for (i, el) in elems.iter().enumerate() {
                        let field = match &el.key {
                            Some(k) => self.info.uses.get(&k.id).copied(),
                            None => fields.get(i).map(|f| f.obj),
                        };
                        if let Some(field) = field {
                            self.store(field, &el.value);
                        }
                    }
                }
            }
            ExprKind::Call { func, args, .. } => {
                let f = strip_parens(func);
                let builtin = matches!(f.kind, ExprKind::Ident(_))
                    .then(|| self.info.object_of(f.id))
                    .flatten()
                    .and_then(|o| match self.prog.obj(o).kind {
                        ObjKind::Builtin(b) => Some(b),
                        _ => None,
                    });
                match builtin {
                    Some(Builtin::Delete | Builtin::Copy | Builtin::Clear) => {
                        if let Some(field) = args.first().and_then(|a| self.field(a)) {
                            self.out.written.insert(field);
                        }
                        return true;
                    }
                    Some(_) => return true,
                    None => {}
                }
                if let ExprKind::Selector { x, .. } = &f.kind {
                    let sel = self.info.selections.get(&f.id);
                    if sel.is_some_and(|s| s.kind == SelectionKind::MethodVal) {
                        // A method of the field's own type (`x.f.Sort()`), or of one of its
                        // elements (`x.f[i].Bump()`), may write them.
                        if let Some(field) = self.field(x) {
                            self.out.written.insert(field);
                        }
                        self.write(x);
                    } else if matches!(&strip_parens(x).kind, ExprKind::Ident(n) if n == "sort") {
                        // `sort.Ints(x.f)`, `sort.Slice(x.f, less)`.
                        if let Some(field) = args.first().and_then(|a| self.field(a)) {
                            self.out.written.insert(field);
                        }
                    }
                }
                if let Some(callee) = crate::builtins::called_func(self.info, f) {
                    for (i, a) in args.iter().enumerate() {
                        if let Some(field) = self.field(a) {
                            self.out.passed.push((callee, i, field));
                        }
                    }
                }
            }
            _ => {}
        }
        true
    }
}
