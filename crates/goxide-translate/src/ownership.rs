//! The ownership report: for every pointer, slice and map declaration of the package (package
//! variable, local variable, parameter, result, struct field), the Rust form the translation
//! chose for it and why, so that a reader can count how much sharing was avoided and find each
//! place where a person must decide.
//!
//! The facts come from the same analysis that drives emission ([`crate::analysis`]), so the
//! report and the code agree.

use crate::analysis::{Analysis, SliceMode};
use goxide_ast::ast::{Block, DeclKind, File, FuncDecl};
use goxide_ast::{SourceFile, Span};
use goxide_types::{Info, ObjKind, PkgId, Program, Type};
use std::collections::HashMap;

/// How a declaration holds its value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Holding {
    /// An owned value (`Vec<T>`, `HashMap<K, V>`).
    Owned,
    /// A borrow (`&[T]`, `&mut [T]`).
    Borrowed,
    /// A shared, reference-counted cell (`Rc<RefCell<…>>`, `Arc<RwLock<…>>`).
    Shared,
}

impl Holding {
    pub fn as_str(self) -> &'static str {
        match self {
            Holding::Owned => "owned",
            Holding::Borrowed => "borrowed",
            Holding::Shared => "shared",
        }
    }
}

/// One pointer, slice or map declaration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnershipRecord {
    /// The Go file and the 1-based line of the declaring name.
    pub file: String,
    pub line: u32,
    /// The enclosing function (`F`, `T.M`) or struct type; empty at package level.
    pub scope: String,
    pub name: String,
    /// `package variable`, `variable`, `parameter`, `result` or `field`.
    pub role: &'static str,
    pub go_type: String,
    /// The Rust form, e.g. `Vec<T>`, `&mut [T]`, `Option<Rc<RefCell<T>>>`.
    pub form: String,
    pub holding: Holding,
    pub why: String,
}

/// The records of a package, in file and source order.
pub fn records(
    prog: &Program,
    info: &Info,
    pkg: PkgId,
    files: &[(SourceFile, File)],
    analysis: &Analysis,
    threaded: bool,
    opts: &crate::Options,
) -> Vec<OwnershipRecord> {
    // Package variables moved into the one function using them, by object.
    let localized: HashMap<goxide_types::ObjId, &str> = opts
        .localized
        .iter()
        .filter_map(|(id, f)| Some((*info.defs.get(id)?, f.as_str())))
        .collect();
    // Of those, the ones lent to functions (see `state_params`), with the functions.
    let lent: HashMap<goxide_types::ObjId, &[String]> = opts
        .lent
        .iter()
        .filter_map(|(id, fs)| Some((*info.defs.get(id)?, fs.as_slice())))
        .collect();
    // Enclosing scopes: functions (by body span) and struct types (by declaration span).
    let mut scopes: Vec<(usize, Span, String)> = Vec::new();
    for (i, (_, f)) in files.iter().enumerate() {
        for d in &f.decls {
            match &d.kind {
                DeclKind::Func(fd) => scopes.push((i, d.span, func_name(fd))),
                DeclKind::Type(specs) => {
                    for s in specs {
                        scopes.push((i, s.span, s.name.name.clone()));
                    }
                }
                _ => {}
            }
        }
    }
    // Pointer receivers: `&mut self`, or `&self` for a method that never writes through it.
    let mut receivers: std::collections::HashMap<goxide_types::ObjId, bool> = Default::default();
    for (_, f) in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let (Some(r), Some(body)) = (&fd.recv, &fd.body) else {
                continue;
            };
            if let Some(&ro) = r.name.as_ref().and_then(|n| info.defs.get(&n.id)) {
                receivers.insert(ro, crate::decl::writes_through(info, body, ro));
            }
        }
    }
    let mut objs: Vec<goxide_types::ObjId> = info
        .defs
        .values()
        .copied()
        .filter(|&o| prog.obj(o).pkg == Some(pkg))
        .collect();
    objs.sort_by_key(|&o| (prog.obj(o).file, prog.obj(o).span.start, o));
    objs.dedup();
    let mut out = Vec::new();
    for o in objs {
        let obj = prog.obj(o);
        let role = match obj.kind {
            ObjKind::Var { global: true, .. } => "package variable",
            ObjKind::Var { param: true, .. } => "parameter",
            ObjKind::Var { .. } => "variable",
            ObjKind::Field { .. } => "field",
            _ => continue,
        };
        if obj.name == "_"
            || obj.name.is_empty()
            || obj.decl.is_some_and(|d| opts.added_params.contains(&d))
        {
            continue;
        }
        let under = prog.types.under(obj.ty).clone();
        if !matches!(under, Type::Pointer(_) | Type::Slice(_) | Type::Map(..)) {
            continue;
        }
        let Some(fi) = obj.file.map(|f| f as usize) else {
            continue;
        };
        let Some((sf, _)) = files.get(fi) else {
            continue;
        };
        let scope = scopes
            .iter()
            .filter(|(i, sp, _)| *i == fi && sp.start <= obj.span.start && obj.span.end <= sp.end)
            .map(|(_, _, n)| n.clone())
            .next()
            .or_else(|| localized.get(&o).map(|f| f.to_string()))
            .unwrap_or_default();
        let role = if role == "parameter" && is_result(files, fi, obj.span) {
            "result"
        } else if localized.contains_key(&o) {
            "package variable"
        } else {
            role
        };
        let go_type = prog.type_string(obj.ty);
        let (form, holding, why) = match receivers.get(&o) {
            Some(&writes) if matches!(under, Type::Pointer(_)) => (
                if writes { "&mut self" } else { "&self" }.to_string(),
                Holding::Borrowed,
                "a pointer receiver: the method borrows the value it is called on".to_string(),
            ),
            _ if localized.contains_key(&o) => {
                let f = localized.get(&o).copied().unwrap_or_default();
                let (form, holding, why) = decide(prog, analysis, o, &under, "variable", threaded);
                let why = match lent.get(&o) {
                    Some(fs) => {
                        let fs: Vec<String> = fs.iter().map(|g| format!("`{g}`")).collect();
                        format!(
                            "only `{f}` and functions it calls ({}) use it: a local of `{f}`, \
                             lent to them as a parameter; {why}",
                            fs.join(", ")
                        )
                    }
                    None => format!("only `{f}` uses it, which runs once: a local of `{f}`; {why}"),
                };
                (form, holding, why)
            }
            _ => decide(prog, analysis, o, &under, role, threaded),
        };
        out.push(OwnershipRecord {
            file: sf.path.clone(),
            line: sf.line_col(obj.span.start).line,
            scope,
            name: obj.name.clone(),
            role,
            go_type,
            form,
            holding,
            why,
        });
    }
    out.extend(unnamed_results(prog, info, files, analysis, threaded));
    out.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    out
}

/// A function's unnamed pointer, slice and map results: declarations too, of the function's
/// signature (`func f() []int` returns a `Vec<i64>` its caller owns).
fn unnamed_results(
    prog: &Program,
    info: &Info,
    files: &[(SourceFile, File)],
    a: &Analysis,
    threaded: bool,
) -> Vec<OwnershipRecord> {
    let mut out = Vec::new();
    for (sf, f) in files {
        for d in &f.decls {
            let DeclKind::Func(fd) = &d.kind else {
                continue;
            };
            let Some(&fo) = info.defs.get(&fd.name.id) else {
                continue;
            };
            let Type::Func(sig) = prog.types.get(prog.obj(fo).ty) else {
                continue;
            };
            let mut i = 0;
            for g in &fd.sig.results {
                let n = g.names.len().max(1);
                if g.names.is_empty() {
                    if let Some(&t) = sig.results.get(i) {
                        if let Some((form, holding, why)) = result_form(prog, a, fo, t, threaded) {
                            out.push(OwnershipRecord {
                                file: sf.path.clone(),
                                line: sf.line_col(g.span.start).line,
                                scope: func_name(fd),
                                name: if sig.results.len() == 1 {
                                    "(result)".into()
                                } else {
                                    format!("(result {i})")
                                },
                                role: "result",
                                go_type: prog.type_string(t),
                                form,
                                holding,
                                why,
                            });
                        }
                    }
                }
                i += n;
            }
        }
    }
    out
}

/// The Rust form of an unnamed result of function `f`.
fn result_form(
    prog: &Program,
    a: &Analysis,
    f: goxide_types::ObjId,
    t: goxide_types::TypeId,
    threaded: bool,
) -> Option<(String, Holding, String)> {
    Some(match prog.types.under(t) {
        Type::Slice(_) => (
            "Vec<T>".into(),
            Holding::Owned,
            "returned by value: the caller owns it".into(),
        ),
        Type::Map(..) => (
            "HashMap<K, V>".into(),
            Holding::Owned,
            "returned by value: the caller owns it".into(),
        ),
        Type::Pointer(e) => {
            if let Some(h) = handle_form(prog, t, *e) {
                if h.1 == Holding::Shared && a.handles.ctors.contains(&f) {
                    (
                        h.0.replace(" handle", " (fresh)"),
                        Holding::Owned,
                        "every return is a fresh standard-library handle nothing else holds: the \
                         caller's variable is its only holder"
                            .into(),
                    )
                } else {
                    h
                }
            } else if a.chaining.contains(&f) {
                (
                    "&mut Self".into(),
                    Holding::Borrowed,
                    "the method returns its receiver for chaining, and callers only chain on it \
                     or drop it: the borrow of the receiver"
                        .into(),
                )
            } else if a.frozen.contains(e) {
                frozen_form()
            } else if a.links.has(prog, *e) {
                link_form(false)
            } else if a.ptr_params.nullable_ctors.contains(&f) {
                (
                    "Option<T> (owned value or nothing)".into(),
                    Holding::Owned,
                    "a constructor that may fail: every return is a fresh value, which the \
                     caller owns, or nil"
                        .into(),
                )
            } else if a.ptr_params.ctors.contains(&f) {
                (
                    "T (owned value)".into(),
                    Holding::Owned,
                    "a constructor: every return is a fresh value, which the caller owns".into(),
                )
            } else {
                (
                    shared_pointer_form(a, *e, threaded).into(),
                    Holding::Shared,
                    "the returned pointer may alias what the function keeps; goxide does not \
                     prove it fresh"
                        .into(),
                )
            }
        }
        _ => return None,
    })
}

pub(crate) fn func_name(fd: &FuncDecl) -> String {
    match &fd.recv {
        Some(r) => {
            let t = match &r.ty.kind {
                goxide_ast::ast::ExprKind::Star(x) => x,
                _ => &r.ty,
            };
            let base = match &t.kind {
                goxide_ast::ast::ExprKind::Ident(n) => n.clone(),
                goxide_ast::ast::ExprKind::Index { x, .. } => match &x.kind {
                    goxide_ast::ast::ExprKind::Ident(n) => n.clone(),
                    _ => "?".into(),
                },
                _ => "?".into(),
            };
            format!("{base}.{}", fd.name.name)
        }
        None => fd.name.name.clone(),
    }
}

/// Whether the name at `span` is one of a function's named results.
fn is_result(files: &[(SourceFile, File)], fi: usize, span: Span) -> bool {
    let Some((_, f)) = files.get(fi) else {
        return false;
    };
    f.decls.iter().any(|d| match &d.kind {
        DeclKind::Func(fd) => fd
            .sig
            .results
            .iter()
            .flat_map(|g| &g.names)
            .any(|n| n.span == span),
        _ => false,
    })
}

/// The form of a pointer `t` (to `e`) that is a standard-library or `sync` handle.
fn handle_form(
    prog: &Program,
    t: goxide_types::TypeId,
    e: goxide_types::TypeId,
) -> Option<(String, Holding, String)> {
    if let Some((pkg, name)) = crate::stdlib::std_handle(prog, t) {
        let (module, ty) = crate::stdlib::std_handle_type(pkg, name);
        if matches!((pkg, name), ("regexp", "Regexp") | ("net/url", "Userinfo")) {
            return Some((
                format!("support::{module}::{ty} (immutable)"),
                Holding::Owned,
                format!(
                    "a `*{pkg}.{name}` never changes once made: copies are indistinguishable \
                     from sharing"
                ),
            ));
        }
        return Some((
            format!("support::{module}::{ty} handle"),
            Holding::Shared,
            format!("a `*{pkg}.{name}` is a standard-library handle: copies of it share one value"),
        ));
    }
    crate::concurrency::sync_handle(prog, e).map(|_| {
        (
            "support::sync handle".into(),
            Holding::Shared,
            "a sync value is shared by every goroutine that uses it".into(),
        )
    })
}

/// The form of a pointer to a value nothing changes after construction (see `frozen`).
fn frozen_form() -> (String, Holding, String) {
    (
        "Option<T> (a value nothing changes)".into(),
        Holding::Owned,
        "points to a value nothing changes after construction: copies are indistinguishable \
         from sharing"
            .into(),
    )
}

/// The form of a pointer of a linked type (see `links`): a view that only reads, or an
/// owning box (links, results, and the variables that build or change a structure).
fn link_form(view: bool) -> (String, Holding, String) {
    if view {
        (
            "Option<&T> (a view of a linked structure)".into(),
            Holding::Borrowed,
            "only reads the linked structure it points into: a borrow of what an owning \
             pointer holds"
                .into(),
        )
    } else {
        (
            "Option<Box<T>> (owning link)".into(),
            Holding::Owned,
            "a pointer of a linked type whose pointers are only made fresh, moved or read: it \
             owns what it points to"
                .into(),
        )
    }
}

/// The shared form of a pointer to `e`.
fn shared_pointer_form(a: &Analysis, e: goxide_types::TypeId, threaded: bool) -> &'static str {
    if threaded {
        "Option<support::sync::Shared<T>>"
    } else if a.projected.contains(&e) {
        "Option<Rc<dyn support::ptr::Place<T>>>"
    } else {
        "Option<Rc<RefCell<T>>>"
    }
}

/// For each local pointer and pointer parameter that stays shared, where its aliasing comes
/// from (see `alias_reasons`), when the function shows it.
pub fn alias_whys(
    prog: &Program,
    info: &Info,
    pkg: PkgId,
    files: &[&File],
    a: &Analysis,
    threaded: bool,
) -> HashMap<goxide_types::ObjId, String> {
    // Functions with bodies, by file, with their declarations' spans.
    let mut bodies: Vec<(u32, Span, &FuncDecl, &Block)> = Vec::new();
    for (i, f) in files.iter().enumerate() {
        for d in &f.decls {
            if let DeclKind::Func(fd) = &d.kind {
                if let Some(b) = &fd.body {
                    bodies.push((i as u32, d.span, fd, b));
                }
            }
        }
    }
    let callers = crate::alias_reasons::Callers::find(prog, info, files);
    let iface_methods = crate::ptr_params::interface_method_names(files);
    let mut out = HashMap::new();
    for &o in info.defs.values() {
        let obj = prog.obj(o);
        if obj.pkg != Some(pkg) || !matches!(obj.kind, ObjKind::Var { global: false, .. }) {
            continue;
        }
        let under = prog.types.under(obj.ty);
        if !matches!(under, Type::Pointer(_)) || out.contains_key(&o) {
            continue;
        }
        let (_, holding, why) = decide(prog, a, o, under, "variable", threaded);
        if holding != Holding::Shared || why != ALIAS_WHY {
            continue;
        }
        let Some((_, _, fd, body)) = bodies.iter().find(|(i, sp, _, _)| {
            obj.file == Some(*i) && sp.start <= obj.span.start && obj.span.end <= sp.end
        }) else {
            continue;
        };
        // A parameter of the function itself (not of a function literal inside it).
        let param = || {
            let own = fd
                .sig
                .params
                .iter()
                .flat_map(|g| &g.names)
                .any(|n| info.defs.get(&n.id) == Some(&o));
            if !own {
                return matches!(obj.kind, ObjKind::Var { param: true, .. }).then(|| {
                    "it is a parameter of a function literal (only declared functions borrow \
                     their pointer parameters)"
                        .to_string()
                });
            }
            let f = *info.defs.get(&fd.name.id)?;
            callers.param_reason(f, fd, &iface_methods)
        };
        // (Comparing with nil says less than what the signature or the callers say.)
        let r = match crate::alias_reasons::reason(
            prog,
            info,
            &a.ptr_params,
            &a.ptr_value_methods,
            body,
            o,
        ) {
            Some(r) if r != crate::alias_reasons::NIL_COMPARED => Some(r),
            weak => param().or(weak),
        };
        if let Some(r) = r {
            out.insert(
                o,
                format!(
                    "{r}; a Go pointer may alias other pointers to the same variable, so goxide \
                     keeps it shared"
                ),
            );
        }
    }
    out
}

/// Why a pointer is shared when nothing more specific is known.
const ALIAS_WHY: &str =
    "a Go pointer may alias other pointers to the same variable; goxide does not prove it unique yet";

fn decide(
    prog: &Program,
    a: &Analysis,
    o: goxide_types::ObjId,
    under: &Type,
    role: &str,
    threaded: bool,
) -> (String, Holding, String) {
    let cell = |inner: &str| -> String {
        if threaded || a.go_shared.contains(&o) {
            format!("support::sync::Shared<{inner}> (Arc<RwLock>)")
        } else {
            format!("Rc<RefCell<{inner}>>")
        }
    };
    if role == "package variable" && a.globals.write_only.contains(&o) {
        return (
            "none (never read)".into(),
            Holding::Owned,
            "never read: no storage is declared, and each assignment to it only evaluates its \
             value"
                .into(),
        );
    }
    if a.globals.readonly_ptrs.contains(&o) {
        let nil = a.globals.nil_ptrs.contains(&o);
        return (
            if nil {
                "LazyLock<Option<T>> (read-only, nil)"
            } else {
                "LazyLock<T> (read-only)"
            }
            .into(),
            Holding::Owned,
            format!(
                "{} never assigned, and only ever read through (never copied, compared or \
                 written through): an immutable static of the value it points to",
                if nil { "nil," } else { "made fresh," }
            ),
        );
    }
    let base = match under {
        Type::Pointer(e) => {
            if let Some(h) = handle_form(prog, prog.obj(o).ty, *e) {
                if h.1 == Holding::Shared && a.handles.params.contains(&o) {
                    let form = h.0.replace(" handle", "");
                    return (
                        format!("&{form}"),
                        Holding::Borrowed,
                        "the function only uses the handle in place (or lends it on) and never \
                         keeps it: a borrow of the caller's"
                            .into(),
                    );
                }
                if h.1 == Holding::Shared && role == "variable" && a.handles.uncopied.contains(&o) {
                    let form = h.0.replace(" handle", " (its only holder)");
                    return (
                        form,
                        Holding::Owned,
                        "a fresh standard-library handle that is never copied: the variable is \
                         its only holder (it is only used in place: method calls, calls that \
                         cannot keep it)"
                            .into(),
                    );
                }
                return h;
            }
            if a.frozen.contains(e) {
                return frozen_form();
            }
            if a.owned_fields.params.contains(&o) {
                return (
                    "Option<Box<T>> (moved in)".into(),
                    Holding::Owned,
                    "the function only stores it in a field that owns its pointee (or passes it \
                     to such a parameter), and every caller gives a fresh value: the caller's \
                     box moves in"
                        .into(),
                );
            }
            if a.owned_fields.fields.contains(&o) {
                return (
                    "Option<Box<T>> (owned by the field)".into(),
                    Holding::Owned,
                    "only fresh values are stored in the field (`&T{…}`, `new(T)`, a \
                     constructor's result, a local moved there), every other use reaches \
                     through it, and its struct is never copied: the field owns what it points \
                     to"
                    .into(),
                );
            }
            if let Some(&written) = a.owned_elems.elem_locals.get(&o) {
                let form = if written { "&mut T" } else { "&T" };
                return match a.owned_elems.map_locals.get(&o) {
                    Some(crate::owned_elems::MapLocal::Plain) => (
                        format!("Option<{form}>"),
                        Holding::Borrowed,
                        "names one value of a map that holds its values (`HashMap<K, T>`), \
                         which is not used while it is: a borrow of that value, `None` for a \
                         missing key (Go's nil)"
                            .into(),
                    ),
                    Some(_) => (
                        form.into(),
                        Holding::Borrowed,
                        "names one value of a map that holds its values (`HashMap<K, T>`) \
                         when the lookup finds it, and the map is not used while it does: a \
                         borrow of that value"
                            .into(),
                    ),
                    None => (
                        form.into(),
                        Holding::Borrowed,
                        "names one element of a slice that holds its elements' values \
                         (`Vec<T>`), which is not used while it is: a borrow of that element"
                            .into(),
                    ),
                };
            }
            if let Some(&written) = a.owned_elems.range_vars.get(&o) {
                return (
                    if written { "&mut T" } else { "&T" }.into(),
                    Holding::Borrowed,
                    "walks a slice or map that holds its elements' values (`Vec<T>`, \
                     `HashMap<K, T>`: every element is made fresh for it and only reached \
                     through): a borrow of each element"
                        .into(),
                );
            }
            if a.links.mut_views.contains(&o) {
                return (
                    "&mut T (lent by the caller)".into(),
                    Holding::Borrowed,
                    "changes the linked structure it points into and never keeps the pointer: \
                     a mutable borrow of the caller's"
                        .into(),
                );
            }
            if a.links.has(prog, *e) {
                return link_form(a.links.views.contains(&o));
            }
            if a.ptr_params.nullable.contains(&o) {
                return (
                    "Option<T> (owned)".into(),
                    Holding::Owned,
                    "declared nil and only ever given fresh values: the variable owns the value \
                     or nothing"
                        .into(),
                );
            }
            if a.ptr_params.moves.contains_key(&o) {
                return (
                    "T (owned value, moved at its last use)".into(),
                    Holding::Owned,
                    "made here by `&T{…}` or `new(T)`: the variable owns the value until its \
                     last use hands the pointer over, which moves the value into the pointer \
                     kept there"
                        .into(),
                );
            }
            if a.ptr_params.owned.contains_key(&o) {
                return (
                    "T (owned value)".into(),
                    Holding::Owned,
                    "made here by `&T{…}` or `new(T)` and never kept elsewhere: the variable \
                     owns the value"
                        .into(),
                );
            }
            if let Some(&src) = a.ptr_params.copies.get(&o) {
                let mutable = a.ptr_params.params.get(&o) == Some(&SliceMode::MutRef);
                return (
                    if mutable { "&mut T" } else { "&T" }.into(),
                    Holding::Borrowed,
                    format!(
                        "a copy of `{}`, which is not used while `{}` is: borrows what it holds",
                        prog.obj(src).name,
                        prog.obj(o).name
                    ),
                );
            }
            if let (Some(&root), true) = (
                a.ptr_params.borrows.get(&o),
                a.ptr_params.aliases.contains_key(&o),
            ) {
                return (
                    "none (another name for the place)".into(),
                    Holding::Borrowed,
                    format!(
                        "always points to local `{}`, which is also used directly: each use of \
                         `{}` uses it in place, as a Rust borrow of it would",
                        prog.obj(root).name,
                        prog.obj(o).name
                    ),
                );
            }
            if let Some(&root) = a.ptr_params.borrows.get(&o) {
                let mutable = a.ptr_params.params.get(&o) == Some(&SliceMode::MutRef);
                return (
                    if mutable { "&mut T" } else { "&T" }.into(),
                    Holding::Borrowed,
                    format!(
                        "borrows local `{}`, which is not used while `{}` is",
                        prog.obj(root).name,
                        prog.obj(o).name
                    ),
                );
            }
            let optional = a.ptr_params.optional.contains(&o);
            match a.ptr_params.params.get(&o) {
                Some(m) if optional => {
                    let mutable = *m == SliceMode::MutRef;
                    return (
                        if mutable {
                            "Option<&mut T>"
                        } else {
                            "Option<&T>"
                        }
                        .into(),
                        Holding::Borrowed,
                        format!(
                            "the function {} through the pointer and never keeps it; it may be \
                             nil (compared with nil, or given nil by a caller): an optional borrow",
                            if mutable { "writes" } else { "only reads" }
                        ),
                    );
                }
                Some(SliceMode::Ref) => {
                    return (
                        "&T".into(),
                        Holding::Borrowed,
                        "the function only reads through the pointer and never keeps it".into(),
                    )
                }
                Some(SliceMode::MutRef) => {
                    return (
                        "&mut T".into(),
                        Holding::Borrowed,
                        "the function writes through the pointer and never keeps it".into(),
                    )
                }
                None => {}
            }
            return (
                shared_pointer_form(a, *e, threaded).into(),
                Holding::Shared,
                a.alias_why.get(&o).map_or(ALIAS_WHY, String::as_str).into(),
            );
        }
        Type::Slice(_) => "Vec<T>",
        _ => "HashMap<K, V>",
    };
    if role == "package variable" && a.globals.readonly.contains(&o) {
        return (
            format!("LazyLock<{base}> (read-only)"),
            Holding::Owned,
            "never changed after its initializer: an immutable static".into(),
        );
    }
    if role == "package variable" && !threaded && a.globals.thread_values.contains(&o) {
        return (
            format!("thread_local {base} (never changed)"),
            Holding::Owned,
            "never changed after its initializer, which runs at start-up: a thread-local value \
             read by copying, with no cell"
                .into(),
        );
    }
    if role == "package variable" {
        let form = if threaded {
            format!("support::sync::Global<{base}>")
        } else {
            format!("thread_local RefCell<{base}>")
        };
        return (
            form,
            Holding::Shared,
            "a package variable is reachable from every function".into(),
        );
    }
    if a.boxed.contains(&o) {
        let why = if a.address_taken.contains(&o) {
            "its address is taken"
        } else if a.go_shared.contains(&o) {
            "a goroutine captures it and it is changed"
        } else {
            "a closure captures it and it is changed"
        };
        return (cell(base), Holding::Shared, why.into());
    }
    if let Some(b) = a.subslices.get(&o) {
        let form = match b.mode {
            SliceMode::Ref => "&[T]",
            SliceMode::MutRef => "&mut [T]",
        };
        return (
            form.into(),
            Holding::Borrowed,
            "a re-slice (or a copy) of another slice, borrowing its elements; that slice is not \
             used while this one is: they share elements as in Go"
                .into(),
        );
    }
    let is_map = matches!(under, Type::Map(..));
    match a.slice_params.get(&o) {
        Some(SliceMode::Ref) if is_map => {
            return (
                "&HashMap<K, V>".into(),
                Holding::Borrowed,
                "the function only reads the map".into(),
            )
        }
        Some(SliceMode::MutRef) if is_map => {
            return (
                "&mut HashMap<K, V>".into(),
                Holding::Borrowed,
                "the function writes entries, which the caller sees as in Go".into(),
            )
        }
        Some(SliceMode::Ref) => {
            return (
                "&[T]".into(),
                Holding::Borrowed,
                "the function only reads the elements".into(),
            )
        }
        Some(SliceMode::MutRef) => {
            return (
                "&mut [T]".into(),
                Holding::Borrowed,
                "the function writes elements, which the caller sees as in Go".into(),
            )
        }
        None => {}
    }
    let why = match (under, role) {
        (Type::Slice(_), "parameter") => {
            "the function reassigns, appends to or captures it: it gets its own copy"
        }
        (Type::Slice(_), _) => {
            "no alias is kept: assignments copy the elements (Go would share the backing array)"
        }
        (_, "parameter") => "passed by value: the function gets its own copy",
        _ => "no alias is kept: assignments copy the map (Go would share it)",
    };
    (base.into(), Holding::Owned, why.into())
}

/// The ownership marker text (without the `TODO(goxide):` prefix) for a pointer, slice or map
/// variable, parameter or result the translation holds in a shared cell; `None` when it is
/// owned or borrowed, or a standard-library handle (whose sharing is the handle's own).
pub fn shared_marker(
    prog: &Program,
    a: &Analysis,
    o: goxide_types::ObjId,
    role: &str,
    threaded: bool,
) -> Option<String> {
    let obj = prog.obj(o);
    let under = prog.types.under(obj.ty).clone();
    if !matches!(under, Type::Pointer(_) | Type::Slice(_) | Type::Map(..)) || obj.name == "_" {
        return None;
    }
    let (form, holding, why) = decide(prog, a, o, &under, role, threaded);
    if holding != Holding::Shared || form.ends_with(" handle") {
        return None;
    }
    let what = match role {
        "parameter" | "result" => format!("{role} `{}`", obj.name),
        _ => format!("`{}`", obj.name),
    };
    Some(format!(
        "ownership: {what} ({}) is shared as {form}: {why}",
        prog.type_string(obj.ty)
    ))
}
