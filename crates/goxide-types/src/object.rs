//! Objects: what a name denotes (a variable, constant, type, function, package, builtin, label).

use crate::constant::ConstValue;
use crate::types::TypeId;
use goxide_ast::ast::NodeId;
use goxide_ast::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

/// Index of a package in [`crate::Program::packages`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PkgId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Builtin {
    Append,
    Cap,
    Clear,
    Close,
    Complex,
    Copy,
    Delete,
    Imag,
    Len,
    Make,
    Max,
    Min,
    New,
    Panic,
    Print,
    Println,
    Real,
    Recover,
    // package unsafe
    Alignof,
    Offsetof,
    Sizeof,
    Add,
    Slice,
    String,
    StringData,
    SliceData,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ObjKind {
    /// A variable: local, package-level, parameter or result.
    Var {
        /// Declared at package level.
        global: bool,
        /// A parameter or result of the function it belongs to.
        param: bool,
    },
    /// A struct field.
    Field {
        embedded: bool,
    },
    Const(ConstValue),
    TypeName,
    /// A function or method (methods have `recv`).
    Func {
        recv: Option<TypeId>,
    },
    /// An imported package name in a file scope.
    PkgName(PkgId),
    Builtin(Builtin),
    Label,
    /// The predeclared `nil`.
    Nil,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    pub name: String,
    pub kind: ObjKind,
    /// Type of the object ([`crate::TypeTable::INVALID`] for labels, packages, builtins).
    pub ty: TypeId,
    /// Package the object belongs to (`None` for the universe).
    pub pkg: Option<PkgId>,
    /// Declaring identifier (`None` for predeclared and implicit objects).
    pub decl: Option<NodeId>,
    /// Index of the file that declares it within its package, and the span of the name.
    pub file: Option<u32>,
    pub span: Span,
}

impl Object {
    pub fn is_exported(&self) -> bool {
        self.name.chars().next().is_some_and(|c| c.is_uppercase())
    }
}
