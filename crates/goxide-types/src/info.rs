//! The typed IR's facts about one checked package, keyed by the [`NodeId`]s of its AST:
//! the type and mode of every expression, what every identifier denotes, how every selector
//! resolves. The AST together with this table is the typed IR the translator reads.

use crate::constant::ConstValue;
use crate::object::ObjId;
use crate::types::TypeId;
use goxide_ast::ast::NodeId;
use std::collections::HashMap;

/// What an expression is.
#[derive(Clone, Debug, PartialEq)]
pub enum Mode {
    /// A value that cannot be assigned to (call result, literal, …).
    Value,
    /// An addressable variable (or map index, which is assignable but not addressable).
    Variable,
    /// A map index expression `m[k]` (assignable, not addressable).
    MapIndex,
    /// A constant with its value (its type may be untyped).
    Const(ConstValue),
    /// The expression denotes a type.
    Type,
    /// A builtin function name.
    Builtin,
    /// A call of a function without results.
    NoValue,
    /// `v, ok` forms: a map index, type assertion, or channel receive that can produce two
    /// values; the recorded type is the single-value type.
    CommaOk,
    /// A package name in a qualified identifier.
    Package,
    /// `nil`.
    Nil,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeAndMode {
    /// For untyped constants used in a typed context this is the final (converted) type; the
    /// checker records the type the expression ends up with, as go/types does.
    pub ty: TypeId,
    pub mode: Mode,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelectionKind {
    /// `x.f`, a struct field.
    FieldVal,
    /// `x.m`, a method value or call.
    MethodVal,
    /// `T.m`, a method expression.
    MethodExpr,
}

/// How `x.sel` resolves (absent for qualified identifiers `pkg.Name`, which are `uses`).
#[derive(Clone, Debug, PartialEq)]
pub struct Selection {
    pub kind: SelectionKind,
    /// The type of `x`.
    pub recv: TypeId,
    /// The field or method.
    pub obj: ObjId,
    /// Field indices from `x`'s struct through embedded fields to `obj` (the last entry is the
    /// field's own index for a field; for a method, the path of embedded fields walked).
    pub path: Vec<usize>,
    /// A pointer was dereferenced on the way (implicitly).
    pub indirect: bool,
}

/// Everything the checker learnt about one package's AST.
#[derive(Clone, Debug, Default)]
pub struct Info {
    /// Every expression (including type expressions): its type and mode.
    pub types: HashMap<NodeId, TypeAndMode>,
    /// Declaring identifiers ([`goxide_ast::ast::Ident`] ids) → the object they declare.
    pub defs: HashMap<NodeId, ObjId>,
    /// Identifier expressions ([`goxide_ast::ast::ExprKind::Ident`] ids, and selector `sel`
    /// idents of qualified identifiers) → the object they denote.
    pub uses: HashMap<NodeId, ObjId>,
    /// Selector expression ids → how the selection resolves.
    pub selections: HashMap<NodeId, Selection>,
    /// Type switch clauses ([`goxide_ast::ast::TypeCaseClause::id`]) → the clause's implicit
    /// variable; also an anonymous import's implicit package name.
    pub implicits: HashMap<NodeId, ObjId>,
    /// Generic function or type uses (the identifier or index expression) → inferred or given
    /// type arguments.
    pub instances: HashMap<NodeId, Vec<TypeId>>,
    /// Package-level variables in initialization order (by dependency, per the spec).
    pub init_order: Vec<ObjId>,
}

impl Info {
    pub fn type_of(&self, id: NodeId) -> Option<TypeId> {
        self.types.get(&id).map(|t| t.ty)
    }
    pub fn const_value(&self, id: NodeId) -> Option<&ConstValue> {
        match self.types.get(&id).map(|t| &t.mode) {
            Some(Mode::Const(v)) => Some(v),
            _ => None,
        }
    }
    /// The object an identifier (use or definition) denotes.
    pub fn object_of(&self, id: NodeId) -> Option<ObjId> {
        self.uses.get(&id).or_else(|| self.defs.get(&id)).copied()
    }
}
