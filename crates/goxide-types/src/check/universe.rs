//! The universe block: predeclared types, constants, `nil`, builtin functions, and the
//! built-in package `unsafe`.

use super::Checker;
use crate::constant::ConstValue;
use crate::object::{Builtin, ObjKind, Object};
use crate::types::{BasicKind, Interface, Method, Named, Signature, Type, TypeTable};
use crate::{ObjId, Package, PkgId, TypeId};
use goxide_ast::Span;

const BUILTINS: [(&str, Builtin); 18] = [
    ("append", Builtin::Append),
    ("cap", Builtin::Cap),
    ("clear", Builtin::Clear),
    ("close", Builtin::Close),
    ("complex", Builtin::Complex),
    ("copy", Builtin::Copy),
    ("delete", Builtin::Delete),
    ("imag", Builtin::Imag),
    ("len", Builtin::Len),
    ("make", Builtin::Make),
    ("max", Builtin::Max),
    ("min", Builtin::Min),
    ("new", Builtin::New),
    ("panic", Builtin::Panic),
    ("print", Builtin::Print),
    ("println", Builtin::Println),
    ("real", Builtin::Real),
    ("recover", Builtin::Recover),
];

const UNSAFE_BUILTINS: [(&str, Builtin); 8] = [
    ("Alignof", Builtin::Alignof),
    ("Offsetof", Builtin::Offsetof),
    ("Sizeof", Builtin::Sizeof),
    ("Add", Builtin::Add),
    ("Slice", Builtin::Slice),
    ("String", Builtin::String),
    ("StringData", Builtin::StringData),
    ("SliceData", Builtin::SliceData),
];

fn predeclared(name: &str, kind: ObjKind, ty: TypeId, pkg: Option<PkgId>) -> Object {
    Object {
        name: name.to_string(),
        kind,
        ty,
        pkg,
        decl: None,
        file: None,
        span: Span::default(),
    }
}

impl Checker<'_> {
    fn add_universe(&mut self, name: &str, kind: ObjKind, ty: TypeId) -> ObjId {
        let id = ObjId(self.prog.objects.len() as u32);
        self.prog.objects.push(predeclared(name, kind, ty, None));
        self.universe.insert(name.to_string(), id);
        id
    }

    /// Fills the universe scope and creates package `unsafe`.
    pub(super) fn init_universe(&mut self) {
        use BasicKind::*;
        let t: &TypeTable = &self.prog.types;
        let basics: Vec<(&str, TypeId)> = [
            ("bool", Bool),
            ("int", Int),
            ("int8", Int8),
            ("int16", Int16),
            ("int32", Int32),
            ("int64", Int64),
            ("uint", Uint),
            ("uint8", Uint8),
            ("uint16", Uint16),
            ("uint32", Uint32),
            ("uint64", Uint64),
            ("uintptr", Uintptr),
            ("float32", Float32),
            ("float64", Float64),
            ("complex64", Complex64),
            ("complex128", Complex128),
            ("string", String),
            ("byte", Uint8),
            ("rune", Int32),
        ]
        .iter()
        .map(|&(n, k)| (n, t.basic(k)))
        .collect();
        for (n, ty) in basics {
            self.add_universe(n, ObjKind::TypeName, ty);
        }
        let empty = self.empty_interface();
        self.any_type = empty;
        self.add_universe("any", ObjKind::TypeName, empty);
        // error: a named interface with `Error() string`.
        let err_obj = self.add_universe("error", ObjKind::TypeName, TypeTable::INVALID);
        let string = self.prog.types.basic(String);
        let sig = self.prog.types.intern(Type::Func(Signature {
            params: vec![],
            param_names: vec![],
            results: vec![string],
            result_names: vec![std::string::String::new()],
            variadic: false,
        }));
        let meth_obj = ObjId(self.prog.objects.len() as u32);
        self.prog.objects.push(predeclared(
            "Error",
            ObjKind::Func { recv: None },
            sig,
            None,
        ));
        let m = Method {
            name: "Error".into(),
            sig,
            obj: meth_obj,
        };
        let iface = self.prog.types.intern(Type::Interface(Interface {
            methods: vec![m.clone()],
            embeds: vec![],
            all_methods: vec![m],
            terms: None,
            comparable: false,
        }));
        let err = self.prog.types.intern(Type::Named(Named {
            obj: err_obj,
            underlying: iface,
            methods: vec![],
            type_params: vec![],
            type_args: vec![],
            origin: None,
        }));
        self.prog.objects[err_obj.0 as usize].ty = err;
        self.error_type = err;
        // comparable: a named constraint interface.
        let cmp_obj = self.add_universe("comparable", ObjKind::TypeName, TypeTable::INVALID);
        let cmp_iface = self.prog.types.intern(Type::Interface(Interface {
            methods: vec![],
            embeds: vec![],
            all_methods: vec![],
            terms: None,
            comparable: true,
        }));
        let cmp = self.prog.types.intern(Type::Named(Named {
            obj: cmp_obj,
            underlying: cmp_iface,
            methods: vec![],
            type_params: vec![],
            type_args: vec![],
            origin: None,
        }));
        self.prog.objects[cmp_obj.0 as usize].ty = cmp;
        self.comparable_type = cmp;

        let ub = self.prog.types.basic(UntypedBool);
        self.add_universe("true", ObjKind::Const(ConstValue::Bool(true)), ub);
        self.add_universe("false", ObjKind::Const(ConstValue::Bool(false)), ub);
        let ui = self.prog.types.basic(UntypedInt);
        self.add_universe("iota", ObjKind::Const(ConstValue::Int(0.into())), ui);
        let un = self.prog.types.basic(UntypedNil);
        self.add_universe("nil", ObjKind::Nil, un);
        for (n, b) in BUILTINS {
            self.add_universe(n, ObjKind::Builtin(b), TypeTable::INVALID);
        }

        // package unsafe
        let pkg = PkgId(self.prog.packages.len() as u32);
        let mut scope = std::collections::BTreeMap::new();
        let ptr = self.prog.types.basic(UnsafePointer);
        let id = ObjId(self.prog.objects.len() as u32);
        self.prog
            .objects
            .push(predeclared("Pointer", ObjKind::TypeName, ptr, Some(pkg)));
        scope.insert("Pointer".to_string(), id);
        for (n, b) in UNSAFE_BUILTINS {
            let id = ObjId(self.prog.objects.len() as u32);
            self.prog.objects.push(predeclared(
                n,
                ObjKind::Builtin(b),
                TypeTable::INVALID,
                Some(pkg),
            ));
            scope.insert(n.to_string(), id);
        }
        self.prog.packages.push(Package {
            path: "unsafe".into(),
            name: "unsafe".into(),
            scope,
        });
        self.pkgs.push(super::PkgData::empty());
        self.pkg_by_path.insert("unsafe".into(), pkg);

        // The cgo pseudo-package "C": its names are not known (uses are left untyped).
        let c = PkgId(self.prog.packages.len() as u32);
        self.prog.packages.push(Package {
            path: "C".into(),
            name: "C".into(),
            scope: Default::default(),
        });
        self.pkgs.push(super::PkgData::empty());
        self.pkg_by_path.insert("C".into(), c);
    }

    pub(crate) fn empty_interface(&mut self) -> TypeId {
        self.prog.types.intern(Type::Interface(Interface {
            methods: vec![],
            embeds: vec![],
            all_methods: vec![],
            terms: None,
            comparable: false,
        }))
    }
}
