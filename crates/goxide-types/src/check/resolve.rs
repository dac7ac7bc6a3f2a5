//! Package-level object collection, name resolution, and lazy on-demand checking of
//! package-level declarations with cycle detection.

use super::{Checker, Color, DeclInfo, Env};
use crate::constant::ConstValue;
use crate::object::ObjKind;
use crate::types::{Named, Type, TypeTable};
use crate::{ObjId, PkgId};
use goxide_ast::ast::{DeclKind, Expr, ExprKind};

/// The receiver's base type name: `T` of `*T`, `T[K]`, `(*T)`.
pub(crate) fn recv_base_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Ident(n) => Some(n),
        ExprKind::Star(x) | ExprKind::Paren(x) => recv_base_name(x),
        ExprKind::Index { x, .. } => recv_base_name(x),
        _ => None,
    }
}

fn guess_pkg_name(path: &str) -> String {
    let last = path.rsplit('/').next().unwrap_or(path);
    let last =
        if last.starts_with('v') && last[1..].chars().all(|c| c.is_ascii_digit()) && last.len() > 1
        {
            path.rsplit('/').nth(1).unwrap_or(last)
        } else {
            last
        };
    last.trim_start_matches("go-")
        .split('.')
        .next()
        .unwrap_or(last)
        .replace('-', "_")
}

impl Checker<'_> {
    /// Creates the package-level objects of package `pkg` (declarations stay unchecked).
    pub(super) fn collect(&mut self, pkg: PkgId, eager_imports: bool) {
        let files = self.pkgs[pkg.0 as usize].files.clone();
        let is_main = pkg == self.main && eager_imports;
        let mut methods: Vec<(&str, &str, ObjId)> = Vec::new();
        for (fi, (_, file)) in files.get().iter().enumerate() {
            self.cur_file = fi as u32;
            for imp in &file.imports {
                let explicit = imp.name.as_ref().map(|n| n.name.clone());
                if explicit.as_deref() == Some("_") && !eager_imports {
                    continue;
                }
                let (pid, name) = if eager_imports || explicit.as_deref() == Some(".") {
                    let pid = self.import(&imp.path);
                    if pid.is_none() && is_main {
                        self.error(
                            imp.span,
                            format!("could not import {} (package not found)", imp.path),
                        );
                    }
                    let name = explicit.clone().unwrap_or_else(|| match pid {
                        Some(p) => self.prog.packages[p.0 as usize].name.clone(),
                        None => guess_pkg_name(&imp.path),
                    });
                    (pid, name)
                } else {
                    (
                        None,
                        explicit
                            .clone()
                            .unwrap_or_else(|| guess_pkg_name(&imp.path)),
                    )
                };
                if name == "." {
                    if let Some(p) = pid {
                        if let Some(d) = self.pkgs[pkg.0 as usize].dot_imports.get_mut(fi) {
                            d.push(p);
                        }
                    }
                    continue;
                }
                let ident = imp.name.as_ref().map(|n| (n.id, n.span));
                let kind = ObjKind::PkgName(pid.unwrap_or(PkgId(u32::MAX)));
                let obj = self.new_obj(&name, kind, TypeTable::INVALID, ident);
                self.obj_mut(obj).span = imp.span;
                if pid.is_none() {
                    if eager_imports {
                        self.used_imports.insert(obj);
                    } else {
                        self.pending_imports.insert(obj, imp.path.clone());
                    }
                }
                if name == "_" {
                    continue;
                }
                if let Some(s) = self.pkgs[pkg.0 as usize].file_scopes.get_mut(fi) {
                    s.insert(name, obj);
                }
            }
            for (di, decl) in file.decls.iter().enumerate() {
                let (f, d) = (fi as u32, di as u32);
                match &decl.kind {
                    DeclKind::Const(specs) => {
                        let mut values_spec = 0u32;
                        for (si, spec) in specs.iter().enumerate() {
                            if !spec.values.is_empty() || spec.ty.is_some() {
                                values_spec = si as u32;
                            }
                            for (ni, name) in spec.names.iter().enumerate() {
                                let obj = self.new_obj(
                                    &name.name,
                                    ObjKind::Const(ConstValue::Unknown),
                                    TypeTable::INVALID,
                                    Some((name.id, name.span)),
                                );
                                let info = DeclInfo::Const {
                                    pkg,
                                    file: f,
                                    decl: d,
                                    spec: si as u32,
                                    idx: ni as u32,
                                    values_spec,
                                };
                                self.declare_pkg(pkg, &name.name, obj, info, name.span);
                            }
                        }
                    }
                    DeclKind::Var(specs) => {
                        for (si, spec) in specs.iter().enumerate() {
                            for (ni, name) in spec.names.iter().enumerate() {
                                let obj = self.new_obj(
                                    &name.name,
                                    ObjKind::Var {
                                        global: true,
                                        param: false,
                                    },
                                    TypeTable::INVALID,
                                    Some((name.id, name.span)),
                                );
                                let info = DeclInfo::Var {
                                    pkg,
                                    file: f,
                                    decl: d,
                                    spec: si as u32,
                                    idx: ni as u32,
                                };
                                self.declare_pkg(pkg, &name.name, obj, info, name.span);
                            }
                        }
                    }
                    DeclKind::Type(specs) => {
                        for (si, spec) in specs.iter().enumerate() {
                            let name = &spec.name;
                            let obj = self.new_obj(
                                &name.name,
                                ObjKind::TypeName,
                                TypeTable::INVALID,
                                Some((name.id, name.span)),
                            );
                            if !spec.alias {
                                let t = self.prog.types.intern(Type::Named(Named {
                                    obj,
                                    underlying: TypeTable::INVALID,
                                    methods: vec![],
                                    type_params: vec![],
                                    type_args: vec![],
                                    origin: None,
                                }));
                                self.obj_mut(obj).ty = t;
                            }
                            let info = DeclInfo::Type {
                                pkg,
                                file: f,
                                decl: d,
                                spec: si as u32,
                            };
                            self.declare_pkg(pkg, &name.name, obj, info, name.span);
                        }
                    }
                    DeclKind::Func(fd) => {
                        let name = &fd.name;
                        let obj = self.new_obj(
                            &name.name,
                            ObjKind::Func { recv: None },
                            TypeTable::INVALID,
                            Some((name.id, name.span)),
                        );
                        let info = DeclInfo::Func {
                            pkg,
                            file: f,
                            decl: d,
                        };
                        self.decls.insert(obj, info);
                        if is_main {
                            self.main_objs.push(obj);
                        }
                        if let Some(r) = &fd.recv {
                            if let Some(base) = recv_base_name(&r.ty) {
                                methods.push((base, &name.name, obj));
                            }
                        } else if name.name == "init" {
                            if is_main && fd.body.is_none() {
                                self.error(name.span, "missing function body");
                            }
                            if is_main
                                && (!fd.type_params.is_empty()
                                    || !fd.sig.params.is_empty()
                                    || !fd.sig.results.is_empty())
                            {
                                self.error(
                                    name.span,
                                    "func init must have no arguments and no return values",
                                );
                            }
                        } else if name.name == "main"
                            && is_main
                            && self.prog.packages[pkg.0 as usize].name == "main"
                            && (!fd.sig.params.is_empty() || !fd.sig.results.is_empty())
                        {
                            self.error(
                                name.span,
                                "func main must have no arguments and no return values",
                            );
                        } else if name.name != "_" {
                            self.declare_pkg_scope(pkg, &name.name, obj, name.span);
                        }
                    }
                }
            }
        }
        // Attach methods to their receiver base types.
        let mut declared: crate::fx::HashSet<(&str, &str)> = Default::default();
        for (base, mname, m) in methods {
            if mname != "_" && !declared.insert((base, mname)) {
                let (span, file) = (self.obj(m).span, self.obj(m).file);
                self.cur_file = file.unwrap_or(0);
                self.error(span, format!("method {base}.{mname} already declared"));
                continue;
            }
            let target = self.prog.packages[pkg.0 as usize].scope.get(base).copied();
            if let Some(tobj) = target {
                let t = self.obj(tobj).ty;
                if let Type::Named(n) = self.prog.types.get_mut(t) {
                    n.methods.push(m);
                }
                self.methods_of.entry(tobj).or_default().push(m);
            }
        }
    }

    fn declare_pkg(
        &mut self,
        pkg: PkgId,
        name: &str,
        obj: ObjId,
        info: DeclInfo,
        span: goxide_ast::Span,
    ) {
        self.decls.insert(obj, info);
        if pkg == self.main {
            self.main_objs.push(obj);
        }
        if name == "init" && pkg == self.main {
            self.error(span, "cannot declare init - must be func");
            return;
        }
        if name == "main" && pkg == self.main && self.prog.packages[pkg.0 as usize].name == "main" {
            self.error(span, "cannot declare main - must be func");
        }
        if name != "_" {
            self.declare_pkg_scope(pkg, name, obj, span);
        }
    }

    fn declare_pkg_scope(&mut self, pkg: PkgId, name: &str, obj: ObjId, span: goxide_ast::Span) {
        let scope = &mut self.prog.packages[pkg.0 as usize].scope;
        match scope.entry(name.to_string()) {
            std::collections::btree_map::Entry::Occupied(_) => {
                self.error(span, format!("{name} redeclared in this block"));
            }
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(obj);
            }
        }
    }

    /// Resolves a lazily imported package name to its package.
    pub(crate) fn pkg_of_name(&mut self, obj: ObjId) -> Option<PkgId> {
        if let Some(path) = self.pending_imports.remove(&obj) {
            let pid = self.import(&path);
            if let Some(p) = pid {
                self.obj_mut(obj).kind = ObjKind::PkgName(p);
            }
        }
        match self.obj(obj).kind {
            ObjKind::PkgName(p) if (p.0 as usize) < self.prog.packages.len() => Some(p),
            _ => None,
        }
    }

    /// Resolves a name in the current environment (local scopes, package, file, universe).
    pub(crate) fn resolve(&mut self, name: &str) -> Option<ObjId> {
        for s in self.env.scopes.iter().rev() {
            if let Some(&o) = s.get(name) {
                return Some(o);
            }
        }
        let pkg = self.cur.0 as usize;
        if let Some(&o) = self.prog.packages.get(pkg).and_then(|p| p.scope.get(name)) {
            return Some(o);
        }
        let fs = self
            .pkgs
            .get(pkg)
            .and_then(|p| p.file_scopes.get(self.cur_file as usize));
        if let Some(&o) = fs.and_then(|s| s.get(name)) {
            if self.is_main() {
                self.used_imports.insert(o);
            }
            return Some(o);
        }
        let dots = self
            .pkgs
            .get(pkg)
            .and_then(|p| p.dot_imports.get(self.cur_file as usize))
            .cloned();
        for p in dots.unwrap_or_default() {
            if let Some(&o) = self.prog.packages[p.0 as usize].scope.get(name) {
                if self.obj(o).is_exported() {
                    return Some(o);
                }
            }
        }
        self.universe.get(name).copied()
    }

    /// Checks the declaration of a package-level object if it has not been checked yet.
    pub(crate) fn ensure_obj(&mut self, obj: ObjId) {
        let Some(&info) = self.decls.get(&obj) else {
            return;
        };
        match self.colors.get(&obj) {
            Some(Color::Black) => return,
            Some(Color::Grey) => {
                let o = self.obj(obj);
                let cyclic = match o.kind {
                    ObjKind::Const(_) | ObjKind::Var { .. } => o.ty == TypeTable::INVALID,
                    ObjKind::TypeName => o.ty == TypeTable::INVALID,
                    _ => false,
                };
                if cyclic {
                    let (name, span) = (o.name.clone(), o.span);
                    if self.is_main() && self.obj(obj).pkg == Some(self.main) {
                        let msg = match self.obj(obj).kind {
                            ObjKind::TypeName => format!("invalid recursive type {name}"),
                            _ => format!(
                                "initialization cycle or invalid recursive reference to {name}"
                            ),
                        };
                        self.error(span, msg);
                    }
                }
                return;
            }
            None => {}
        }
        if self.depth > super::MAX_DEPTH {
            return;
        }
        self.colors.insert(obj, Color::Grey);
        let saved_env = std::mem::replace(
            &mut self.env,
            Env {
                owner: Some(obj),
                ..Env::default()
            },
        );
        let saved = (self.cur, self.cur_file);
        self.depth += 1;
        match info {
            DeclInfo::Const {
                pkg,
                file,
                decl,
                spec,
                idx,
                values_spec,
            } => {
                self.cur = pkg;
                self.cur_file = file;
                self.pkg_const(obj, decl, spec, idx, values_spec);
            }
            DeclInfo::Var {
                pkg,
                file,
                decl,
                spec,
                idx,
            } => {
                self.cur = pkg;
                self.cur_file = file;
                self.pkg_var(obj, decl, spec, idx);
            }
            DeclInfo::Type {
                pkg,
                file,
                decl,
                spec,
            } => {
                self.cur = pkg;
                self.cur_file = file;
                self.pkg_type(obj, decl, spec);
            }
            DeclInfo::Func { pkg, file, decl } => {
                self.cur = pkg;
                self.cur_file = file;
                self.pkg_func_sig(obj, decl);
            }
        }
        self.depth -= 1;
        (self.cur, self.cur_file) = saved;
        self.env = saved_env;
        self.colors.insert(obj, Color::Black);
        if !self.pending_under.is_empty() {
            self.resolve_pending_under();
        }
    }

    /// Checks every declaration and function body of the checked package.
    pub(super) fn check_main(&mut self) {
        self.cur = self.main;
        let objs = self.main_objs.clone();
        for &o in &objs {
            self.ensure_obj(o);
        }
        for &o in &objs {
            if let Some(DeclInfo::Func { file, decl, .. }) = self.decls.get(&o).copied() {
                self.cur_file = file;
                self.func_body_decl(o, decl);
            }
        }
        // Unused imports.
        let files = self.pkgs[self.main.0 as usize].files.clone();
        for fi in 0..files.get().len() {
            self.cur_file = fi as u32;
            let scope = self.pkgs[self.main.0 as usize]
                .file_scopes
                .get(fi)
                .cloned()
                .unwrap_or_default();
            let mut unused: Vec<ObjId> = scope
                .values()
                .copied()
                .filter(|o| !self.used_imports.contains(o))
                .collect();
            unused.sort();
            for o in unused {
                let (p, span) = (self.obj(o).kind.clone(), self.obj(o).span);
                let path = match p {
                    ObjKind::PkgName(pid) => self
                        .prog
                        .packages
                        .get(pid.0 as usize)
                        .map(|p| p.path.clone()),
                    _ => None,
                };
                // `import "C"` carries the cgo preamble: it is never unused.
                let Some(path) = path.filter(|p| p != "C") else {
                    continue;
                };
                let name = self.obj(o).name.clone();
                let last = path.rsplit('/').next().unwrap_or(&path);
                if name == last
                    || self
                        .prog
                        .packages
                        .iter()
                        .any(|p| p.path == path && p.name == name)
                {
                    self.error(span, format!("{path:?} imported but not used"));
                } else {
                    self.error(span, format!("{path:?} imported as {name} and not used"));
                }
            }
        }
    }
}
