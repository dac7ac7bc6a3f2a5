//! Package variables that only `main` (or one `init`) uses become locals of that function.
//!
//! A Go program often keeps state at package level that one function alone reads and writes: a
//! tally, a table built in `main`. Translated as a package variable it is a `thread_local`
//! `RefCell` that every access borrows; as a local of the one function that uses it, it is an
//! owned value the ordinary local analyses handle (borrowed by the functions it is passed to,
//! captured by closures, …). `main` and `init` run once, so a local of theirs lives exactly as
//! long as the package variable is observed.
//!
//! The move keeps Go's behaviour when:
//! - every use of the variable is inside that function's body (nothing else, not another
//!   package variable's initializer, names it), in the same file (before or after the
//!   declaration: the moved statement keeps its position for diagnostics and brings its comments
//!   along, and the comments before it in the function are not taken at its position);
//! - the function is `init`, or `main` and nothing calls `main`;
//! - the initializer cannot observe or change anything (literals, constants, function values,
//!   `make`, `new`, conversions of those): evaluating it at the start of the function instead of
//!   at package initialization is then the same;
//! - the function's own top-level block declares no other variable of that name, and has no
//!   `goto` (whose translation reasons on statement positions);
//! - the value is not a large array (a package variable's storage is static, a local's is on the
//!   stack).
//!
//! This is a rewrite of the syntax tree, checked again by the type checker: everything
//! downstream sees an ordinary local. The facade keeps the original tree when the rewritten one
//! does not check.

use goxide_ast::ast::*;
use goxide_ast::visit::{self, Visitor};
use goxide_ast::SourceFile;
use goxide_types::{Builtin, Info, ObjId, ObjKind, Program, Type, TypeId};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The largest value (in bytes, as Go lays it out roughly) moved onto a function's stack.
const MAX_LOCAL_BYTES: u64 = 64 * 1024;

/// One package variable declaration (a whole `VarSpec`) to move into a function.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    /// The file holding both the declaration and the function.
    pub file: usize,
    /// The `var` declaration and the spec within it.
    pub decl: usize,
    pub spec: usize,
    /// The function declaration it moves into.
    pub func: usize,
}

/// The package variable specs of `package main` that can move into the one function using them.
pub fn plan(prog: &Program, info: &Info, files: &[(SourceFile, File)]) -> Vec<Move> {
    if files.first().is_none_or(|(_, f)| f.package.name != "main") {
        return Vec::new();
    }
    // Which declarations name each package variable.
    let mut users: HashMap<ObjId, HashSet<(usize, usize)>> = HashMap::new();
    let mut main_called = false;
    for (fi, (_, f)) in files.iter().enumerate() {
        for (di, d) in f.decls.iter().enumerate() {
            let mut refs = Refs {
                info,
                found: Vec::new(),
            };
            visit::walk_decl(&mut refs, d);
            for o in refs.found {
                match prog.obj(o).kind {
                    ObjKind::Var { global: true, .. } => {
                        users.entry(o).or_default().insert((fi, di));
                    }
                    ObjKind::Func { recv: None } if prog.obj(o).name == "main" => {
                        main_called = true
                    }
                    _ => {}
                }
            }
        }
    }
    let mut out = Vec::new();
    for (fi, (_, f)) in files.iter().enumerate() {
        for (di, d) in f.decls.iter().enumerate() {
            let DeclKind::Var(specs) = &d.kind else {
                continue;
            };
            for (si, spec) in specs.iter().enumerate() {
                let target = spec_target(prog, info, f, spec, &users, main_called);
                if let Some((_, td)) = target.filter(|&(tf, _)| tf == fi) {
                    out.push(Move {
                        file: fi,
                        decl: di,
                        spec: si,
                        func: td,
                    });
                }
            }
        }
    }
    out
}

/// The one function (file, declaration) every name of `spec` may move into.
fn spec_target(
    prog: &Program,
    info: &Info,
    file: &File,
    spec: &VarSpec,
    users: &HashMap<ObjId, HashSet<(usize, usize)>>,
    main_called: bool,
) -> Option<(usize, usize)> {
    if !spec.values.is_empty() && spec.values.len() != spec.names.len() {
        return None;
    }
    if !spec.values.iter().all(|v| pure(prog, info, v)) {
        return None;
    }
    let mut target = None;
    for n in &spec.names {
        if n.is_blank() {
            return None;
        }
        let o = *info.defs.get(&n.id)?;
        if byte_size(prog, prog.obj(o).ty, 0) > MAX_LOCAL_BYTES {
            return None;
        }
        let us = users.get(&o)?;
        let [only] = us.iter().copied().collect::<Vec<_>>()[..] else {
            return None;
        };
        if target.is_some_and(|t| t != only) {
            return None;
        }
        target = Some(only);
    }
    let (_, fd) = target?;
    let DeclKind::Func(func) = &file.decls.get(fd)?.kind else {
        return None;
    };
    let name = func.name.name.as_str();
    let runs_once = func.recv.is_none()
        && func.type_params.is_empty()
        && (name == "init" || (name == "main" && !main_called));
    let body = func.body.as_ref()?;
    if !runs_once || has_goto(body) {
        return None;
    }
    let declared = top_level_names(&body.stmts);
    if spec
        .names
        .iter()
        .any(|n| declared.contains(n.name.as_str()))
    {
        return None;
    }
    target
}

/// Objects named anywhere below a node.
struct Refs<'a> {
    info: &'a Info,
    found: Vec<ObjId>,
}

impl Visitor for Refs<'_> {
    fn expr(&mut self, e: &Expr) -> bool {
        if let ExprKind::Ident(_) = e.kind {
            if let Some(&o) = self.info.uses.get(&e.id) {
                self.found.push(o);
            }
        }
        true
    }
}

/// Whether evaluating `e` can neither observe nor change any state: literals, constants,
/// function values, composite and function literals, `make`, `new`, `&T{…}` and conversions
/// of such values.
pub(crate) fn pure(prog: &Program, info: &Info, e: &Expr) -> bool {
    if info.const_value(e.id).is_some() {
        return true;
    }
    match &e.kind {
        ExprKind::BasicLit(_) => true,
        ExprKind::Ident(_) => info.uses.get(&e.id).is_some_and(|&o| {
            matches!(
                prog.obj(o).kind,
                ObjKind::Const(_) | ObjKind::Nil | ObjKind::Func { recv: None }
            )
        }),
        // A qualified constant or function value (`math.Pi`, `strings.ToUpper`).
        ExprKind::Selector { x, .. } => {
            matches!(&x.kind, ExprKind::Ident(_))
                && info
                    .uses
                    .get(&x.id)
                    .is_some_and(|&o| matches!(prog.obj(o).kind, ObjKind::PkgName(_)))
                && info.uses.get(&e.id).is_some_and(|&o| {
                    matches!(
                        prog.obj(o).kind,
                        ObjKind::Const(_) | ObjKind::Func { recv: None }
                    )
                })
        }
        ExprKind::Paren(x) => pure(prog, info, x),
        ExprKind::FuncLit { .. } => true,
        ExprKind::CompositeLit { elems, .. } => elems.iter().all(|el| {
            el.key
                .as_ref()
                .is_none_or(|k| is_field_key(prog, info, k) || pure(prog, info, k))
                && pure(prog, info, &el.value)
        }),
        ExprKind::Unary {
            op: UnaryOp::Addr,
            x,
        } => matches!(x.kind, ExprKind::CompositeLit { .. }) && pure(prog, info, x),
        ExprKind::Call {
            func,
            args,
            ellipsis: false,
        } => {
            let conversion = matches!(
                info.types.get(&func.id).map(|t| &t.mode),
                Some(goxide_types::Mode::Type)
            );
            let maker = matches!(&func.kind, ExprKind::Ident(_))
                && info.uses.get(&func.id).is_some_and(|&o| {
                    matches!(
                        prog.obj(o).kind,
                        ObjKind::Builtin(Builtin::Make | Builtin::New)
                    )
                });
            (conversion || maker) && args.iter().all(|a| is_type(info, a) || pure(prog, info, a))
        }
        _ => false,
    }
}

/// A struct literal's field name key (`T{Name: …}`), which is no expression.
fn is_field_key(prog: &Program, info: &Info, k: &Expr) -> bool {
    matches!(k.kind, ExprKind::Ident(_))
        && info
            .uses
            .get(&k.id)
            .is_none_or(|&o| matches!(prog.obj(o).kind, ObjKind::Field { .. }))
}

fn is_type(info: &Info, e: &Expr) -> bool {
    matches!(
        info.types.get(&e.id).map(|t| &t.mode),
        Some(goxide_types::Mode::Type)
    )
}

/// A rough size of a value of type `t`: what matters is whether arrays make it large.
fn byte_size(prog: &Program, t: TypeId, depth: u32) -> u64 {
    if depth > 16 {
        return u64::MAX;
    }
    match prog.types.under(t) {
        Type::Array(n, e) => n.saturating_mul(byte_size(prog, *e, depth + 1).max(1)),
        Type::Struct(fields) => fields
            .iter()
            .map(|f| byte_size(prog, f.ty, depth + 1))
            .fold(0u64, u64::saturating_add),
        _ => 16,
    }
}

/// Whether a body has a `goto` anywhere.
pub(crate) fn has_goto(b: &Block) -> bool {
    struct Goto(bool);
    impl Visitor for Goto {
        fn stmt(&mut self, s: &Stmt) -> bool {
            if let StmtKind::Branch {
                kind: BranchKind::Goto,
                ..
            } = s.kind
            {
                self.0 = true;
            }
            !self.0
        }
    }
    let mut g = Goto(false);
    visit::walk_block(&mut g, b);
    g.0
}

/// Names a statement list declares in its own block (not in nested blocks).
fn top_level_names(stmts: &[Stmt]) -> HashSet<&str> {
    let mut out = HashSet::new();
    for s in stmts {
        let mut s = s;
        while let StmtKind::Labeled { stmt, .. } = &s.kind {
            s = stmt;
        }
        match &s.kind {
            StmtKind::Assign {
                lhs,
                op: AssignOp::Define,
                ..
            } => {
                for l in lhs {
                    if let ExprKind::Ident(n) = &l.kind {
                        out.insert(n.as_str());
                    }
                }
            }
            StmtKind::Decl(d) => match &d.kind {
                DeclKind::Var(specs) => {
                    out.extend(specs.iter().flat_map(|s| &s.names).map(|n| n.name.as_str()))
                }
                DeclKind::Const(specs) => {
                    out.extend(specs.iter().flat_map(|s| &s.names).map(|n| n.name.as_str()))
                }
                DeclKind::Type(specs) => out.extend(specs.iter().map(|s| s.name.name.as_str())),
                DeclKind::Func(_) => {}
            },
            _ => {}
        }
    }
    out
}

/// Moves the planned specs to the start of their functions' bodies (in source order) and drops
/// `var` declarations left empty. Returns the ids of the moved names, with the name of the
/// function each moved into.
pub fn apply(
    files: &mut [(SourceFile, File)],
    moves: &[Move],
    ids: &mut IdGen,
) -> HashMap<NodeId, String> {
    let mut moved_names = HashMap::new();
    // (file, func) → specs in source order, with the declaration's doc comment.
    let mut by_func: BTreeMap<(usize, usize), Vec<(usize, usize)>> = BTreeMap::new();
    for m in moves {
        by_func
            .entry((m.file, m.func))
            .or_default()
            .push((m.decl, m.spec));
    }
    let mut emptied: HashMap<usize, Vec<(usize, usize)>> = HashMap::new();
    for ((fi, fd), mut specs) in by_func {
        specs.sort();
        let Some((sf, file)) = files.get_mut(fi) else {
            continue;
        };
        let source = sf.text.as_str();
        let mut comments_gone: Vec<usize> = Vec::new();
        let func_name = match file.decls.get(fd).map(|d| &d.kind) {
            Some(DeclKind::Func(func)) => func.name.name.clone(),
            _ => continue,
        };
        let mut stmts = Vec::new();
        for &(di, si) in &specs {
            let Some(d) = file.decls.get(di) else {
                continue;
            };
            let DeclKind::Var(vs) = &d.kind else {
                continue;
            };
            let Some(spec) = vs.get(si) else {
                continue;
            };
            // A lone spec's comment is the declaration's; a comment after it on its line
            // goes along.
            let lone = vs.len() == 1;
            let doc_start = if lone { d.span.start } else { spec.span.start };
            let prev_end = match (lone, si.checked_sub(1).and_then(|p| vs.get(p))) {
                (true, _) => doc_bounds(file, di),
                (false, Some(prev)) => prev.span.end,
                (false, None) => d.span.start,
            };
            let line_end = source
                .get(spec.span.end as usize..)
                .and_then(|rest| rest.find('\n'))
                .map_or(u32::MAX, |n| spec.span.end + n as u32);
            let doc = spec.doc.clone().or_else(|| d.doc.clone().filter(|_| lone));
            let mut trailing = Vec::new();
            comments_gone.extend(file.comments.iter().enumerate().filter_map(|(ci, c)| {
                // (A comment on the previous declaration's line is that declaration's.)
                let own_line = source
                    .get(prev_end as usize..c.span.start as usize)
                    .is_some_and(|gap| gap.contains('\n'));
                let before = doc.is_some()
                    && c.span.end <= doc_start
                    && c.span.start >= prev_end
                    && own_line;
                let after = c.span.start >= spec.span.end && c.span.end <= line_end;
                if after {
                    trailing.push(crate::ctx::comment_text(&c.text));
                }
                (before || after).then_some(ci)
            }));
            let doc = match (doc, trailing.is_empty()) {
                (d, true) => d,
                (Some(d), false) => Some(format!("{d}\n{}", trailing.join("\n"))),
                (None, false) => Some(trailing.join("\n")),
            };
            moved_names.extend(spec.names.iter().map(|n| (n.id, func_name.clone())));
            stmts.push(Stmt {
                id: ids.fresh(),
                span: spec.span,
                kind: StmtKind::Decl(Decl {
                    kind: DeclKind::Var(vec![spec.clone()]),
                    span: spec.span,
                    doc,
                }),
            });
            emptied.entry(fi).or_default().push((di, si));
        }
        let mut ci = 0;
        file.comments.retain(|_| {
            ci += 1;
            !comments_gone.contains(&(ci - 1))
        });
        if let Some(DeclKind::Func(func)) = file.decls.get_mut(fd).map(|d| &mut d.kind) {
            if let Some(body) = func.body.as_mut() {
                stmts.append(&mut body.stmts);
                body.stmts = stmts;
            }
        }
    }
    for (fi, mut gone) in emptied {
        let Some((_, file)) = files.get_mut(fi) else {
            continue;
        };
        // Remove specs from the back so that earlier indices stay valid.
        gone.sort();
        for &(di, si) in gone.iter().rev() {
            if let Some(DeclKind::Var(vs)) = file.decls.get_mut(di).map(|d| &mut d.kind) {
                if si < vs.len() {
                    vs.remove(si);
                }
            }
        }
        file.decls
            .retain(|d| !matches!(&d.kind, DeclKind::Var(vs) if vs.is_empty()));
    }
    moved_names
}

/// Where the comments of declaration `di` may start: after the previous declaration (or the
/// imports).
fn doc_bounds(file: &File, di: usize) -> u32 {
    match di.checked_sub(1).and_then(|p| file.decls.get(p)) {
        Some(p) => p.span.end,
        None => file
            .imports
            .last()
            .map_or(file.package.span.end, |i| i.span.end),
    }
}

/// The names a planned move declares.
pub fn names<'a>(files: &'a [(SourceFile, File)], m: &Move) -> impl Iterator<Item = &'a str> {
    let spec = files
        .get(m.file)
        .and_then(|(_, f)| f.decls.get(m.decl))
        .and_then(|d| match &d.kind {
            DeclKind::Var(vs) => vs.get(m.spec),
            _ => None,
        });
    spec.into_iter()
        .flat_map(|s| &s.names)
        .map(|n| n.name.as_str())
}
