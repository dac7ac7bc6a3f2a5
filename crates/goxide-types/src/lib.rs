//! `goxide-types` owns Go's type system: the type checker and the typed IR it produces
//! (the AST plus [`Info`]: every expression typed, every name resolved, every selector
//! explained), with the [`TypeTable`] and [`Object`]s of the whole checked program.
//!
//! Entry point: [`check_package`] checks one package's parsed files; imported packages arrive
//! as parsed files through the [`Importer`] trait and are checked lazily (only the declarations
//! the package references: a function's signature, a variable's type, a type with its methods'
//! signatures; never their function bodies). Errors in imported packages are not reported.
//! Queries on the result: [`Program::type_string`], [`Program::lookup_field_or_method`],
//! [`Program::methods_of`], [`Program::identical`], [`Program::implements`], [`default_type`].
//!
//! It depends only on `goxide-ast` (goxide-parser is a dev-dependency, for tests). It never
//! depends on tree-sitter (imported packages arrive as parsed ASTs through the [`Importer`]
//! trait), nor on syn or anything that emits Rust.

mod check;
pub mod constant;
mod fx;
mod info;
pub mod object;
pub mod types;

pub use check::check_package;
pub use constant::{ConstStr, ConstValue};
pub use info::{Info, Mode, Selection, SelectionKind, TypeAndMode};
pub use object::{Builtin, ObjId, ObjKind, Object, PkgId};
pub use types::{BasicKind, Type, TypeId, TypeTable};

use goxide_ast::ast::File;
use goxide_ast::{Diagnostic, SourceFile};

/// A checked package of the program.
#[derive(Clone, Debug)]
pub struct Package {
    /// Import path (`main` for a command given as a file).
    pub path: String,
    /// Package name from the package clause.
    pub name: String,
    /// Package-level objects by name (exported and not).
    pub scope: std::collections::BTreeMap<String, ObjId>,
}

/// The whole checked program: all types and objects, the target package and everything it
/// imports.
#[derive(Clone, Debug)]
pub struct Program {
    pub types: TypeTable,
    pub objects: Vec<Object>,
    pub packages: Vec<Package>,
    /// Type parameters (each a [`Type::TypeParam`]) of generic functions and methods, by
    /// function object; generic types keep theirs in [`types::Named::type_params`].
    pub func_type_params: std::collections::HashMap<ObjId, Vec<TypeId>>,
}

impl Program {
    pub fn obj(&self, id: ObjId) -> &Object {
        &self.objects[id.0 as usize]
    }
    pub fn pkg(&self, id: PkgId) -> &Package {
        &self.packages[id.0 as usize]
    }
}

/// Gives the checker the parsed files of an imported package.
pub trait Importer {
    /// The files of the package with this import path (build constraints already applied), or
    /// `None` when it cannot be found.
    fn import(&mut self, path: &str) -> Option<Vec<(SourceFile, File)>>;

    /// The same files, shared: importers that cache parsed packages override this to hand out
    /// their cached copy instead of a deep clone of its syntax trees.
    fn import_shared(&mut self, path: &str) -> Option<std::sync::Arc<Vec<(SourceFile, File)>>> {
        self.import(path).map(std::sync::Arc::new)
    }
}

/// What the checker was asked to check.
#[derive(Clone, Debug)]
pub struct Config {
    /// Go language version as `(1, 19)`.
    pub go_version: (u32, u32),
}

impl Default for Config {
    fn default() -> Self {
        Config {
            go_version: (1, 22),
        }
    }
}

/// The result of checking one package.
#[derive(Debug)]
pub struct Checked {
    pub program: Program,
    /// The checked package's id in `program.packages`.
    pub package: PkgId,
    /// Facts about the checked package's AST.
    pub info: Info,
    /// Errors found (empty for a valid program).
    pub diagnostics: Vec<Diagnostic>,
}

/// The default type of an untyped type (`untyped int` → `int`, `untyped rune` → `int32`, …);
/// other types are returned unchanged.
pub fn default_type(table: &TypeTable, t: TypeId) -> TypeId {
    let k = match table.get(t) {
        Type::Basic(k) => *k,
        _ => return t,
    };
    let d = match k {
        BasicKind::UntypedBool => BasicKind::Bool,
        BasicKind::UntypedInt => BasicKind::Int,
        BasicKind::UntypedRune => BasicKind::Int32,
        BasicKind::UntypedFloat => BasicKind::Float64,
        BasicKind::UntypedComplex => BasicKind::Complex128,
        BasicKind::UntypedString => BasicKind::String,
        _ => return t,
    };
    table.basic(d)
}
