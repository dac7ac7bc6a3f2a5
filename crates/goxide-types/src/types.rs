//! Go types, interned in a [`TypeTable`]: structurally identical types share one [`TypeId`]
//! (so type identity is `==` on ids), except named types, which are unique per declaration
//! (and per instantiation for generic types).

use crate::fx::HashMap;
use crate::object::ObjId;
use goxide_ast::ast::ChanDir;

/// `TypeId::default()` is [`TypeTable::INVALID`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct TypeId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BasicKind {
    Invalid,
    Bool,
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
    Float32,
    Float64,
    Complex64,
    Complex128,
    String,
    UnsafePointer,
    UntypedBool,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedString,
    UntypedNil,
}

impl BasicKind {
    pub fn is_untyped(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            UntypedBool
                | UntypedInt
                | UntypedRune
                | UntypedFloat
                | UntypedComplex
                | UntypedString
                | UntypedNil
        )
    }
    pub fn is_integer(self) -> bool {
        use BasicKind::*;
        matches!(
            self,
            Int | Int8
                | Int16
                | Int32
                | Int64
                | Uint
                | Uint8
                | Uint16
                | Uint32
                | Uint64
                | Uintptr
                | UntypedInt
                | UntypedRune
        )
    }
    pub fn is_unsigned(self) -> bool {
        use BasicKind::*;
        matches!(self, Uint | Uint8 | Uint16 | Uint32 | Uint64 | Uintptr)
    }
    pub fn is_float(self) -> bool {
        matches!(
            self,
            BasicKind::Float32 | BasicKind::Float64 | BasicKind::UntypedFloat
        )
    }
    pub fn is_complex(self) -> bool {
        matches!(
            self,
            BasicKind::Complex64 | BasicKind::Complex128 | BasicKind::UntypedComplex
        )
    }
    pub fn is_numeric(self) -> bool {
        self.is_integer() || self.is_float() || self.is_complex()
    }
    pub fn is_string(self) -> bool {
        matches!(self, BasicKind::String | BasicKind::UntypedString)
    }
    pub fn is_boolean(self) -> bool {
        matches!(self, BasicKind::Bool | BasicKind::UntypedBool)
    }
    /// Size in bits of a sized numeric kind (`int`/`uint`/`uintptr` are 64).
    pub fn bits(self) -> Option<u32> {
        use BasicKind::*;
        Some(match self {
            Int8 | Uint8 => 8,
            Int16 | Uint16 => 16,
            Int32 | Uint32 | Float32 => 32,
            Int | Int64 | Uint | Uint64 | Uintptr | Float64 | Complex64 => 64,
            Complex128 => 128,
            _ => return None,
        })
    }
    /// The Go spelling (`int`, `untyped int`, …).
    pub fn name(self) -> &'static str {
        use BasicKind::*;
        match self {
            Invalid => "invalid type",
            Bool => "bool",
            Int => "int",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            Uint => "uint",
            Uint8 => "uint8",
            Uint16 => "uint16",
            Uint32 => "uint32",
            Uint64 => "uint64",
            Uintptr => "uintptr",
            Float32 => "float32",
            Float64 => "float64",
            Complex64 => "complex64",
            Complex128 => "complex128",
            String => "string",
            UnsafePointer => "unsafe.Pointer",
            UntypedBool => "untyped bool",
            UntypedInt => "untyped int",
            UntypedRune => "untyped rune",
            UntypedFloat => "untyped float",
            UntypedComplex => "untyped complex",
            UntypedString => "untyped string",
            UntypedNil => "untyped nil",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Field {
    pub name: String,
    pub ty: TypeId,
    pub embedded: bool,
    pub tag: Option<String>,
    /// The field's object (kind [`crate::ObjKind::Field`]).
    pub obj: ObjId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<TypeId>,
    /// Parameter names as declared (`""` where unnamed); not part of type identity but kept for
    /// translation. Same length as `params`.
    pub param_names: Vec<String>,
    pub results: Vec<TypeId>,
    pub result_names: Vec<String>,
    /// The last parameter is `...T`; its entry in `params` is the slice type `[]T`.
    pub variadic: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Method {
    pub name: String,
    /// A [`Type::Func`] signature (without receiver).
    pub sig: TypeId,
    pub obj: ObjId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    pub tilde: bool,
    pub ty: TypeId,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Interface {
    /// Explicitly declared methods.
    pub methods: Vec<Method>,
    /// Embedded elements (interfaces, or type-set terms in constraints).
    pub embeds: Vec<TypeId>,
    /// The full method set after embedding, sorted by name.
    pub all_methods: Vec<Method>,
    /// Type-set terms for constraint interfaces (`None`: all types). Each inner vector is one
    /// union; the type set is their intersection.
    pub terms: Option<Vec<Vec<Term>>>,
    /// The interface embeds `comparable`.
    pub comparable: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub obj: ObjId,
    /// Set once the declaration has been checked ([`TypeTable::INVALID`] before).
    pub underlying: TypeId,
    /// Methods declared on this named type (for an instance: those of its origin).
    pub methods: Vec<ObjId>,
    /// Type parameters (a [`Type::TypeParam`] each) for a generic type.
    pub type_params: Vec<TypeId>,
    /// Type arguments, for an instantiation.
    pub type_args: Vec<TypeId>,
    /// The generic type this one instantiates.
    pub origin: Option<TypeId>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Type {
    Basic(BasicKind),
    Named(Named),
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Struct(Vec<Field>),
    Func(Signature),
    Interface(Interface),
    /// Results of a multi-value call, and the `(v, ok)` forms.
    Tuple(Vec<TypeId>),
    TypeParam {
        obj: ObjId,
        index: u32,
        constraint: TypeId,
    },
}

/// The interner of all types of one checked program (the package and what it imports).
#[derive(Clone, Debug)]
pub struct TypeTable {
    types: Vec<Type>,
    interned: HashMap<InternKey, TypeId>,
}

/// Structural types are interned by value; named types and type parameters are not.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum InternKey {
    Basic(BasicKind),
    Pointer(TypeId),
    Slice(TypeId),
    Array(u64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Struct(Vec<Field>),
    Func(Signature),
    Interface(Interface),
    Tuple(Vec<TypeId>),
}

impl Default for TypeTable {
    fn default() -> Self {
        Self::new()
    }
}

impl TypeTable {
    /// `TypeId` of the invalid type (used after errors).
    pub const INVALID: TypeId = TypeId(0);

    pub fn new() -> Self {
        let mut t = TypeTable {
            types: Vec::new(),
            interned: HashMap::default(),
        };
        // Basic kinds are interned first, in declaration order, so `basic()` is a lookup.
        for k in ALL_BASIC {
            t.intern(Type::Basic(k));
        }
        t
    }

    pub fn get(&self, id: TypeId) -> &Type {
        &self.types[id.0 as usize]
    }

    pub fn get_mut(&mut self, id: TypeId) -> &mut Type {
        &mut self.types[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    pub fn basic(&self, k: BasicKind) -> TypeId {
        TypeId(ALL_BASIC.iter().position(|&b| b == k).unwrap_or(0) as u32)
    }

    /// Returns the id of `t`, interning structural types so that identical types share one id.
    /// Named types and type parameters always get a fresh id.
    pub fn intern(&mut self, t: Type) -> TypeId {
        let key = match &t {
            Type::Basic(k) => Some(InternKey::Basic(*k)),
            Type::Pointer(e) => Some(InternKey::Pointer(*e)),
            Type::Slice(e) => Some(InternKey::Slice(*e)),
            Type::Array(n, e) => Some(InternKey::Array(*n, *e)),
            Type::Map(k, v) => Some(InternKey::Map(*k, *v)),
            Type::Chan(d, e) => Some(InternKey::Chan(*d, *e)),
            Type::Struct(f) => Some(InternKey::Struct(f.clone())),
            Type::Func(s) => Some(InternKey::Func(s.clone())),
            Type::Interface(i) => Some(InternKey::Interface(i.clone())),
            Type::Tuple(ts) => Some(InternKey::Tuple(ts.clone())),
            Type::Named(_) | Type::TypeParam { .. } => None,
        };
        if let Some(key) = &key {
            if let Some(&id) = self.interned.get(key) {
                return id;
            }
        }
        let id = TypeId(self.types.len() as u32);
        self.types.push(t);
        if let Some(key) = key {
            self.interned.insert(key, id);
        }
        id
    }

    /// The underlying type: follows named types (and resolves nothing else).
    pub fn underlying(&self, mut id: TypeId) -> TypeId {
        for _ in 0..100 {
            match self.get(id) {
                Type::Named(n) if n.underlying != id => id = n.underlying,
                _ => return id,
            }
        }
        id
    }

    pub fn under(&self, id: TypeId) -> &Type {
        self.get(self.underlying(id))
    }

    pub fn basic_kind(&self, id: TypeId) -> Option<BasicKind> {
        match self.under(id) {
            Type::Basic(k) => Some(*k),
            _ => None,
        }
    }

    pub fn is_named(&self, id: TypeId) -> bool {
        matches!(self.get(id), Type::Named(_))
    }

    /// The id of `*t` if that pointer type has been interned already.
    pub fn intern_lookup_pointer(&self, t: TypeId) -> Option<TypeId> {
        self.interned.get(&InternKey::Pointer(t)).copied()
    }

    pub fn is_interface(&self, id: TypeId) -> bool {
        matches!(self.under(id), Type::Interface(_))
    }
}

const ALL_BASIC: [BasicKind; 26] = {
    use BasicKind::*;
    [
        Invalid,
        Bool,
        Int,
        Int8,
        Int16,
        Int32,
        Int64,
        Uint,
        Uint8,
        Uint16,
        Uint32,
        Uint64,
        Uintptr,
        Float32,
        Float64,
        Complex64,
        Complex128,
        String,
        UnsafePointer,
        UntypedBool,
        UntypedInt,
        UntypedRune,
        UntypedFloat,
        UntypedComplex,
        UntypedString,
        UntypedNil,
    ]
};
