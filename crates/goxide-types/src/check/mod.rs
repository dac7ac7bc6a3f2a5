//! The type checker: resolves every name and types every expression of one package, checking
//! imported packages lazily (only the declarations actually referenced, never their function
//! bodies).

mod assign;
mod assign_stmt;
mod branches;
mod builtins;
mod call;
mod complit;
pub(crate) mod constexpr;
mod constraints;
mod control;
mod decl;
mod expr;
mod generics;
mod index;
mod labels;
pub(crate) mod lookup;
mod operand;
mod ops;
pub(crate) mod predicates;
mod resolve;
mod selector;
mod stmt;
pub(crate) mod typestring;
mod typexpr;
mod universe;

use crate::fx::{HashMap, HashSet};
use crate::info::Mode;
use crate::object::{ObjKind, Object};
use crate::{Checked, Config, Importer, Info, ObjId, Package, PkgId, Program, TypeId, TypeTable};
use goxide_ast::ast::{File, NodeId};
use goxide_ast::{Diagnostic, SourceFile, Span};
use std::sync::Arc;

/// Deepest nesting of expressions/types the checker follows before giving up.
pub(crate) const MAX_DEPTH: u32 = 400;

/// The files of a package: borrowed for the checked package, owned for imported ones.
#[derive(Clone)]
pub(crate) enum Files<'a> {
    Borrowed(&'a [(SourceFile, File)]),
    Owned(Arc<Vec<(SourceFile, File)>>),
}

impl Files<'_> {
    pub(crate) fn get(&self) -> &[(SourceFile, File)] {
        match self {
            Files::Borrowed(f) => f,
            Files::Owned(f) => f,
        }
    }
}

/// Per-package state of the checker.
pub(crate) struct PkgData<'a> {
    pub(crate) files: Files<'a>,
    /// Each file's imports: name → package-name object.
    pub(crate) file_scopes: Vec<HashMap<String, ObjId>>,
    /// Each file's dot-imported packages.
    pub(crate) dot_imports: Vec<Vec<PkgId>>,
}

impl PkgData<'_> {
    pub(crate) fn empty() -> Self {
        PkgData {
            files: Files::Owned(Arc::new(Vec::new())),
            file_scopes: vec![],
            dot_imports: vec![],
        }
    }
}

/// Where a package-level object is declared (indices into its package's files).
#[derive(Clone, Copy, Debug)]
pub(crate) enum DeclInfo {
    Const {
        pkg: PkgId,
        file: u32,
        decl: u32,
        spec: u32,
        idx: u32,
        values_spec: u32,
    },
    Var {
        pkg: PkgId,
        file: u32,
        decl: u32,
        spec: u32,
        idx: u32,
    },
    Type {
        pkg: PkgId,
        file: u32,
        decl: u32,
        spec: u32,
    },
    Func {
        pkg: PkgId,
        file: u32,
        decl: u32,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Color {
    Grey,
    Black,
}

/// The enclosing function of the code being checked.
#[derive(Clone, Debug, Default)]
pub(crate) struct FuncCtx {
    pub(crate) results: Vec<TypeId>,
    pub(crate) named_results: Vec<ObjId>,
}

/// Lexical environment of the code being checked.
#[derive(Clone, Debug, Default)]
pub(crate) struct Env {
    pub(crate) scopes: Vec<HashMap<String, ObjId>>,
    pub(crate) func: Option<FuncCtx>,
    /// The package-level object whose declaration is being checked (for init order).
    pub(crate) owner: Option<ObjId>,
    pub(crate) iota: Option<num_bigint::BigInt>,
    /// Local variables declared in the current top-level function (for "declared but not used").
    pub(crate) locals: Vec<ObjId>,
    /// Enclosing loops, and enclosing loops/switches/selects, of the current function.
    pub(crate) loops: u32,
    pub(crate) breakables: u32,
}

/// Type checking state for one run of [`check_package`].
pub(crate) struct Checker<'a> {
    pub(crate) prog: Program,
    importer: &'a mut dyn Importer,
    pub(crate) config: Config,
    pub(crate) pkgs: Vec<PkgData<'a>>,
    pub(crate) pkg_by_path: HashMap<String, PkgId>,
    pub(crate) universe: HashMap<String, ObjId>,
    pub(crate) decls: HashMap<ObjId, DeclInfo>,
    pub(crate) colors: HashMap<ObjId, Color>,
    /// Methods declared per named type object.
    pub(crate) methods_of: HashMap<ObjId, Vec<ObjId>>,
    /// Type parameters of generic functions.
    pub(crate) func_tparams: std::collections::HashMap<ObjId, Vec<TypeId>>,
    pub(crate) instances: HashMap<(TypeId, Vec<TypeId>), TypeId>,
    /// Package-level dependencies recorded while checking declarations of the checked package.
    pub(crate) deps: HashMap<ObjId, Vec<ObjId>>,
    /// Import path not yet loaded for lazily imported package names.
    pub(crate) pending_imports: HashMap<ObjId, String>,
    /// Package-level objects of the checked package in source order.
    pub(crate) main_objs: Vec<ObjId>,
    /// Parameter, result and receiver objects of checked function signatures.
    pub(crate) sig_objs: HashMap<ObjId, SigObjs>,
    /// Package-name objects of the checked package that were used.
    pub(crate) used_imports: HashSet<ObjId>,
    /// Every identifier use resolved (also for imported packages), keyed by node id of the
    /// current package only while it is being checked.
    pub(crate) last_uses: HashMap<NodeId, ObjId>,
    /// Partially instantiated generic functions awaiting inference at their call.
    pub(crate) partial: HashMap<NodeId, (ObjId, Vec<TypeId>, Vec<Span>)>,
    /// Instantiations of the checked package whose type arguments await verification.
    pub(crate) pending_insts: Vec<constraints::PendingInst>,
    pub(crate) labels: labels::LabelScope,
    pub(crate) label_stack: Vec<(labels::LabelScope, Vec<ObjId>)>,
    pub(crate) used_labels: HashSet<ObjId>,
    /// Named types whose underlying type waits for another named type's declaration.
    /// An argument already checked (by a builtin looking for a multi-value call).
    pub(crate) pre_eval: Option<(NodeId, operand::Operand)>,
    /// How the type being assigned to was spelled (`byte`, `rune`), for messages.
    pub(crate) spelled: Option<(TypeId, String)>,
    /// Count of non-constant calls and receives checked so far (for constant `len`).
    pub(crate) calls_seen: u64,
    /// Canonical struct types (identical struct types share one id).
    pub(crate) struct_cache: HashMap<typexpr::StructKey, TypeId>,
    pub(crate) pending_under: Vec<(TypeId, TypeId, PkgId, u32, Span)>,
    pub(crate) cur: PkgId,
    pub(crate) cur_file: u32,
    pub(crate) main: PkgId,
    pub(crate) info: Info,
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) env: Env,
    pub(crate) used: HashSet<ObjId>,
    pub(crate) depth: u32,
    pub(crate) any_type: TypeId,
    pub(crate) error_type: TypeId,
    pub(crate) comparable_type: TypeId,
}

/// Type-checks the package made of `files` (import path `import_path`), importing what it
/// imports through `importer`.
pub fn check_package(
    import_path: &str,
    files: &[(SourceFile, File)],
    importer: &mut dyn Importer,
    config: &Config,
) -> Checked {
    let mut c = Checker {
        prog: Program {
            types: TypeTable::new(),
            objects: Vec::new(),
            packages: Vec::new(),
            func_type_params: std::collections::HashMap::new(),
        },
        importer,
        config: config.clone(),
        pkgs: Vec::new(),
        pkg_by_path: HashMap::default(),
        universe: HashMap::default(),
        decls: HashMap::default(),
        colors: HashMap::default(),
        methods_of: HashMap::default(),
        func_tparams: std::collections::HashMap::new(),
        instances: HashMap::default(),
        deps: HashMap::default(),
        pending_imports: HashMap::default(),
        main_objs: Vec::new(),
        sig_objs: HashMap::default(),
        used_imports: HashSet::default(),
        last_uses: HashMap::default(),
        partial: HashMap::default(),
        pending_insts: Vec::new(),
        labels: HashMap::default(),
        label_stack: Vec::new(),
        used_labels: HashSet::default(),
        pending_under: Vec::new(),
        struct_cache: HashMap::default(),
        calls_seen: 0,
        spelled: None,
        pre_eval: None,
        cur: PkgId(0),
        cur_file: 0,
        main: PkgId(0),
        info: Info::default(),
        diags: Vec::new(),
        env: Env::default(),
        used: HashSet::default(),
        depth: 0,
        any_type: TypeTable::INVALID,
        error_type: TypeTable::INVALID,
        comparable_type: TypeTable::INVALID,
    };
    c.init_universe();
    let name = files
        .first()
        .map(|(_, f)| f.package.name.clone())
        .unwrap_or_default();
    c.main = PkgId(c.prog.packages.len() as u32);
    let main = c.add_package(import_path, &name, Files::Borrowed(files), true);
    c.check_main();
    c.finish();
    c.prog.func_type_params = std::mem::take(&mut c.func_tparams);
    Checked {
        program: c.prog,
        package: main,
        info: c.info,
        diagnostics: c.diags,
    }
}

impl<'a> Checker<'a> {
    pub(crate) fn is_main(&self) -> bool {
        self.cur == self.main
    }

    pub(crate) fn source(&self) -> Option<&SourceFile> {
        let p = self.pkgs.get(self.cur.0 as usize)?;
        p.files.get().get(self.cur_file as usize).map(|(s, _)| s)
    }

    /// Reports an error in the checked package (errors in imported packages are dropped).
    pub(crate) fn error(&mut self, span: Span, msg: impl Into<String>) {
        if !self.is_main() {
            return;
        }
        if let Some(src) = self.source() {
            let d = Diagnostic::error(src, span, msg);
            self.diags.push(d);
        }
    }

    /// The source text of a span in the current file.
    pub(crate) fn text(&self, span: Span) -> String {
        self.source()
            .map(|s| s.snippet(span).to_string())
            .unwrap_or_default()
    }

    pub(crate) fn record(&mut self, id: NodeId, ty: TypeId, mode: Mode) {
        if self.is_main() {
            self.info.types.insert(id, crate::TypeAndMode { ty, mode });
        }
    }

    pub(crate) fn record_use(&mut self, id: NodeId, obj: ObjId) {
        self.last_uses.insert(id, obj);
        if self.is_main() {
            self.info.uses.insert(id, obj);
        }
    }

    pub(crate) fn new_obj(
        &mut self,
        name: &str,
        kind: ObjKind,
        ty: TypeId,
        ident: Option<(NodeId, Span)>,
    ) -> ObjId {
        let id = ObjId(self.prog.objects.len() as u32);
        self.prog.objects.push(Object {
            name: name.to_string(),
            kind,
            ty,
            pkg: Some(self.cur),
            decl: ident.map(|i| i.0),
            file: Some(self.cur_file),
            span: ident.map(|i| i.1).unwrap_or_default(),
        });
        if let Some((nid, _)) = ident {
            if self.is_main() {
                self.info.defs.insert(nid, id);
            }
        }
        id
    }

    pub(crate) fn obj(&self, id: ObjId) -> &Object {
        &self.prog.objects[id.0 as usize]
    }

    pub(crate) fn obj_mut(&mut self, id: ObjId) -> &mut Object {
        &mut self.prog.objects[id.0 as usize]
    }

    /// Declares `obj` in the innermost local scope (blank names are not declared).
    pub(crate) fn declare_local(&mut self, name: &str, obj: ObjId) {
        if name == "_" {
            return;
        }
        let dup = self.env.scopes.last().is_some_and(|s| s.contains_key(name));
        if dup {
            let span = self.obj(obj).span;
            self.error(span, format!("{name} redeclared in this block"));
            return;
        }
        if let Some(s) = self.env.scopes.last_mut() {
            s.insert(name.to_string(), obj);
        }
    }

    pub(crate) fn push_scope(&mut self) {
        self.env.scopes.push(HashMap::default());
    }

    pub(crate) fn pop_scope(&mut self) {
        self.env.scopes.pop();
    }

    /// Adds a package to the program (its declarations are collected, not checked).
    pub(crate) fn add_package(
        &mut self,
        path: &str,
        name: &str,
        files: Files<'a>,
        eager_imports: bool,
    ) -> PkgId {
        let id = PkgId(self.prog.packages.len() as u32);
        self.prog.packages.push(Package {
            path: path.to_string(),
            name: name.to_string(),
            scope: Default::default(),
        });
        let n = files.get().len();
        self.pkgs.push(PkgData {
            files,
            file_scopes: vec![HashMap::default(); n],
            dot_imports: vec![Vec::new(); n],
        });
        self.pkg_by_path.insert(path.to_string(), id);
        let saved = (self.cur, self.cur_file);
        self.cur = id;
        self.collect(id, eager_imports);
        (self.cur, self.cur_file) = saved;
        id
    }

    /// Imports a package by path (cached).
    pub(crate) fn import(&mut self, path: &str) -> Option<PkgId> {
        if let Some(&p) = self.pkg_by_path.get(path) {
            return Some(p);
        }
        if self.depth > MAX_DEPTH {
            return None;
        }
        let files = self.importer.import_shared(path)?;
        let name = files
            .first()
            .map(|(_, f)| f.package.name.clone())
            .unwrap_or_default();
        self.depth += 1;
        let id = self.add_package(path, &name, Files::Owned(files), false);
        self.depth -= 1;
        Some(id)
    }
}

/// The objects a function signature declares, to put in scope for its body.
#[derive(Clone, Debug, Default)]
pub(crate) struct SigObjs {
    pub(crate) tparams: Vec<ObjId>,
    pub(crate) recv: Vec<ObjId>,
    pub(crate) params: Vec<ObjId>,
    pub(crate) results: Vec<ObjId>,
    pub(crate) result_types: Vec<TypeId>,
    pub(crate) sig: TypeId,
}
