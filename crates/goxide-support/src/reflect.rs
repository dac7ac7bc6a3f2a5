//! Go's `reflect`: types described once by goxide, and values that carry their type.
//!
//! goxide knows every static type of a program, so `reflect.TypeOf(x)` for a value of a
//! static type becomes a [`Desc`] written out at the call: its Go spelling, kind, name,
//! element and key types, and struct fields (each with a function reading that field from a
//! value, so that [`Value::field`] works). For an interface value only the dynamic type's Go
//! spelling is known at run time ([`super::fmt::Format::type_name`]); [`type_of`] parses it
//! into a description without fields. A [`Value`] is an interface value with its [`Type`].

use super::fmt::{Format, Formatter};
use super::iface::{self, Iface, Value as IfaceValue};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

/// Go's `reflect.Kind` (a `uint`).
pub type Kind = u64;

pub const INVALID: Kind = 0;
pub const BOOL: Kind = 1;
pub const INT: Kind = 2;
pub const INT8: Kind = 3;
pub const INT16: Kind = 4;
pub const INT32: Kind = 5;
pub const INT64: Kind = 6;
pub const UINT: Kind = 7;
pub const UINT8: Kind = 8;
pub const UINT16: Kind = 9;
pub const UINT32: Kind = 10;
pub const UINT64: Kind = 11;
pub const UINTPTR: Kind = 12;
pub const FLOAT32: Kind = 13;
pub const FLOAT64: Kind = 14;
pub const COMPLEX64: Kind = 15;
pub const COMPLEX128: Kind = 16;
pub const ARRAY: Kind = 17;
pub const CHAN: Kind = 18;
pub const FUNC: Kind = 19;
pub const INTERFACE: Kind = 20;
pub const MAP: Kind = 21;
pub const POINTER: Kind = 22;
pub const SLICE: Kind = 23;
pub const STRING: Kind = 24;
pub const STRUCT: Kind = 25;
pub const UNSAFE_POINTER: Kind = 26;

const KIND_NAMES: [&str; 27] = [
    "invalid",
    "bool",
    "int",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
    "uintptr",
    "float32",
    "float64",
    "complex64",
    "complex128",
    "array",
    "chan",
    "func",
    "interface",
    "map",
    "ptr",
    "slice",
    "string",
    "struct",
    "unsafe.Pointer",
];

/// `k.String()`: `int`, `ptr`, `struct`, …; `kind30` beyond the known kinds.
pub fn kind_string(k: Kind) -> String {
    match KIND_NAMES.get(k as usize) {
        Some(s) => s.to_string(),
        None => format!("kind{k}"),
    }
}

/// Reads a part of a value (a struct field, a pointee) given as `&dyn Any`.
pub type Getter = fn(&dyn Any) -> Iface;

/// A description of one Go type.
#[derive(Clone, Default)]
pub struct Desc {
    /// `t.String()`: `int`, `*main.T`, `[]string`, `struct { x int }`.
    pub string: String,
    /// `t.Name()`: the name of a defined type, empty for others.
    pub name: String,
    /// `t.PkgPath()`: the package of a defined type, empty for predeclared and unnamed ones.
    pub pkg_path: String,
    pub kind: Kind,
    /// The element type of a pointer, slice, array, map or channel.
    pub elem: Option<Type>,
    /// The key type of a map.
    pub key: Option<Type>,
    /// The length of an array.
    pub len: usize,
    pub fields: Vec<StructField>,
    /// For a pointer, reads the pointee from a value of this type.
    pub deref: Option<Getter>,
    /// The exported methods of the type's method set, sorted by name.
    pub methods: Vec<MethodDesc>,
    /// For a slice or array, its length and element reader.
    pub seq: Option<(LenFn, IndexFn)>,
    /// For a map, its entries.
    pub entries: Option<EntriesFn>,
}

/// Reads the length of a slice, array or map held as `&dyn Any`.
pub type LenFn = fn(&dyn Any) -> i64;
/// Reads element `i` of a slice or array held as `&dyn Any`.
pub type IndexFn = fn(&dyn Any, i64) -> Iface;
/// Reads the entries of a map held as `&dyn Any`, in no particular order.
pub type EntriesFn = fn(&dyn Any) -> Vec<(Iface, Iface)>;

/// A method of a type: its name, its method expression (receiver first) and how to bind it
/// to a receiver (a method value).
#[derive(Clone, Default)]
pub struct MethodDesc {
    pub name: String,
    /// The type of the method expression (`func(T, …)`).
    pub ty: Type,
    /// The type of the method value (`func(…)`).
    pub bound_ty: Type,
    pub func: Iface,
    pub bind: Option<Getter>,
}

/// Go's `reflect.Method`.
#[derive(Clone, Default)]
pub struct Method {
    pub name: String,
    pub pkg_path: String,
    pub r#type: Type,
    pub func: Value,
    pub index: i64,
}

impl Desc {
    /// An unnamed type (or a predeclared one, whose name is its spelling).
    pub fn new(string: &str, kind: Kind) -> Desc {
        let predeclared = kind != INVALID && kind <= COMPLEX128 || kind == STRING;
        Desc {
            string: string.to_string(),
            name: if predeclared && !string.contains('.') {
                string.to_string()
            } else {
                String::new()
            },
            kind,
            ..Desc::default()
        }
    }

    /// A defined type `name` of package `pkg_path`.
    pub fn named(mut self, name: &str, pkg_path: &str) -> Desc {
        self.name = name.to_string();
        self.pkg_path = pkg_path.to_string();
        self
    }

    pub fn elem(mut self, t: Type) -> Desc {
        self.elem = Some(t);
        self
    }

    pub fn key(mut self, t: Type) -> Desc {
        self.key = Some(t);
        self
    }

    pub fn len(mut self, n: usize) -> Desc {
        self.len = n;
        self
    }

    /// Readers of a slice's (or array's) length and elements.
    pub fn seq(mut self, len: LenFn, index: IndexFn) -> Desc {
        self.seq = Some((len, index));
        self
    }

    /// The reader of a map's entries.
    pub fn entries(mut self, f: EntriesFn) -> Desc {
        self.entries = Some(f);
        self
    }

    pub fn deref(mut self, g: Getter) -> Desc {
        self.deref = Some(g);
        self
    }

    /// Adds a struct field: its Go name, its package when unexported, its type, its tag,
    /// whether it is embedded, and how to read it from a value.
    pub fn field(
        mut self,
        name: &str,
        pkg_path: &str,
        ty: Type,
        tag: &str,
        anonymous: bool,
        get: Option<Getter>,
    ) -> Desc {
        let index = self.fields.len() as i64;
        self.fields.push(StructField {
            name: name.to_string(),
            pkg_path: pkg_path.to_string(),
            r#type: ty,
            tag: tag.to_string(),
            index: vec![index],
            anonymous,
            get,
        });
        self
    }

    /// Adds a method (in name order): its method expression and how to bind it.
    pub fn method(
        mut self,
        name: &str,
        ty: Type,
        bound_ty: Type,
        func: Iface,
        bind: Option<Getter>,
    ) -> Desc {
        self.methods.push(MethodDesc {
            name: name.to_string(),
            ty,
            bound_ty,
            func,
            bind,
        });
        self
    }

    pub fn done(self) -> Type {
        Type(Some(Rc::new(self)))
    }
}

/// Go's `reflect.Type`; the default is the nil `Type` (`reflect.TypeOf(nil)`).
#[derive(Clone, Default)]
pub struct Type(pub Option<Rc<Desc>>);

/// Go's `reflect.StructField`.
#[derive(Clone, Default)]
pub struct StructField {
    pub name: String,
    pub pkg_path: String,
    pub r#type: Type,
    /// Go's `reflect.StructTag` (a string): `tag_get` reads a key.
    pub tag: String,
    pub index: Vec<i64>,
    pub anonymous: bool,
    get: Option<Getter>,
}

impl Type {
    fn desc(&self) -> &Desc {
        match &self.0 {
            Some(d) => d,
            None => super::rt::nil_deref(),
        }
    }

    fn must_be(&self, what: &str, kinds: &[Kind]) -> &Desc {
        let d = self.desc();
        if !kinds.contains(&d.kind) {
            super::rt::go_panic(format!(
                "reflect: {what} of non-{} type {}",
                kind_string(kinds[0]),
                d.string
            ));
        }
        d
    }

    /// `t == nil`.
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }

    /// `t != nil`.
    pub fn is_some(&self) -> bool {
        self.0.is_some()
    }

    pub fn string(&self) -> String {
        self.desc().string.clone()
    }

    pub fn name(&self) -> String {
        self.desc().name.clone()
    }

    pub fn pkg_path(&self) -> String {
        self.desc().pkg_path.clone()
    }

    pub fn kind(&self) -> Kind {
        self.desc().kind
    }

    pub fn elem(&self) -> Type {
        let d = self.desc();
        match &d.elem {
            Some(t) if [ARRAY, CHAN, MAP, POINTER, SLICE].contains(&d.kind) => t.clone(),
            _ => super::rt::go_panic(format!("reflect: Elem of invalid type {}", d.string)),
        }
    }

    pub fn key(&self) -> Type {
        let d = self.must_be("Key", &[MAP]);
        d.key.clone().unwrap_or_default()
    }

    /// `t.Len()`: the length of an array type (Go's name; there is no `is_empty`).
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> i64 {
        self.must_be("Len", &[ARRAY]).len as i64
    }

    pub fn num_field(&self) -> i64 {
        self.must_be("NumField", &[STRUCT]).fields.len() as i64
    }

    pub fn field(&self, i: i64) -> StructField {
        let d = self.must_be("Field", &[STRUCT]);
        match usize::try_from(i).ok().and_then(|i| d.fields.get(i)) {
            Some(f) => f.clone(),
            None => super::rt::go_panic("reflect: Field index out of bounds"),
        }
    }

    /// `t.FieldByName(name)`: the field (looking into embedded structs), and whether found.
    pub fn field_by_name(&self, name: &str) -> (StructField, bool) {
        let d = self.must_be("FieldByName", &[STRUCT]);
        if let Some(f) = d.fields.iter().find(|f| f.name == name) {
            return (f.clone(), true);
        }
        for f in d.fields.iter().filter(|f| f.anonymous) {
            let mut inner = f.r#type.clone();
            if inner.kind() == POINTER {
                inner = inner.elem();
            }
            if inner.kind() == STRUCT {
                if let (mut g, true) = inner.field_by_name(name) {
                    g.index.insert(0, f.index[0]);
                    return (g, true);
                }
            }
        }
        (StructField::default(), false)
    }

    /// `t.NumMethod()`.
    pub fn num_method(&self) -> i64 {
        self.desc().methods.len() as i64
    }

    /// `t.Method(i)`: method `i` in name order, with its method expression as `Func`.
    pub fn method(&self, i: i64) -> Method {
        let d = self.desc();
        match usize::try_from(i).ok().and_then(|j| d.methods.get(j)) {
            Some(m) => Method {
                name: m.name.clone(),
                pkg_path: String::new(),
                r#type: m.ty.clone(),
                func: Value {
                    ty: m.ty.clone(),
                    val: m.func.clone(),
                },
                index: i,
            },
            None => super::rt::go_panic("reflect: Method index out of range"),
        }
    }

    /// `t.MethodByName(name)`.
    pub fn method_by_name(&self, name: &str) -> (Method, bool) {
        match self.desc().methods.iter().position(|m| m.name == name) {
            Some(i) => (self.method(i as i64), true),
            None => (Method::default(), false),
        }
    }

    /// `t.AssignableTo(u)`, for types goxide describes: identical types (and any type to an
    /// interface type).
    pub fn assignable_to(&self, u: &Type) -> bool {
        let (d, e) = (self.desc(), u.desc());
        d.string == e.string || e.kind == INTERFACE
    }

    /// `t == u`: identical types have one spelling here.
    pub fn same(&self, u: &Type) -> bool {
        match (&self.0, &u.0) {
            (None, None) => true,
            (Some(d), Some(e)) => d.string == e.string && d.pkg_path == e.pkg_path,
            _ => false,
        }
    }
}

impl PartialEq for Type {
    fn eq(&self, u: &Type) -> bool {
        self.same(u)
    }
}

impl Format for Type {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        match &self.0 {
            Some(d) => d.string.fmt(f, verb),
            None => None::<Box<dyn Format>>.fmt(f, verb),
        }
    }
    fn type_name(&self) -> String {
        "*reflect.rtype".to_string()
    }
    fn go_type() -> String {
        "reflect.Type".to_string()
    }
    fn method_string(&self) -> Option<String> {
        self.0.as_ref().map(|d| d.string.clone())
    }
}

/// `tag.Get(key)`: the value of `key:"value"` in a struct tag, as Go's `StructTag.Get` reads it.
pub fn tag_get(tag: &str, key: &str) -> String {
    let mut rest = tag;
    loop {
        rest = rest.trim_start_matches(' ');
        let name_len = rest
            .find(|c: char| c <= ' ' || c == ':' || c == '"' || c == '\x7f')
            .unwrap_or(rest.len());
        if name_len == 0 || !rest[name_len..].starts_with(":\"") {
            return String::new();
        }
        let name = &rest[..name_len];
        let after = &rest[name_len + 2..];
        let mut end = None;
        let mut escaped = false;
        for (i, c) in after.char_indices() {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => {
                    end = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(end) = end else {
            return String::new();
        };
        if name == key {
            return unescape(&after[..end]);
        }
        rest = &after[end + 1..];
    }
}

/// The text of a quoted tag value, its backslash escapes resolved.
fn unescape(quoted: &str) -> String {
    let mut out = String::new();
    let mut chars = quoted.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            },
            c => out.push(c),
        }
    }
    out
}

/// `reflect.TypeOf(x)` for an interface value: its dynamic type, described from its Go
/// spelling (no struct fields), or the nil `Type`.
pub fn type_of(x: &Iface) -> Type {
    match x {
        None => Type::default(),
        Some(v) => parse_type(&v.type_name()),
    }
}

/// A description of the type spelled `s` (as `%T` prints it).
pub fn parse_type(s: &str) -> Type {
    let (kind, elem): (Kind, Option<&str>) = if let Some(e) = s.strip_prefix('*') {
        (POINTER, Some(e))
    } else if let Some(e) = s.strip_prefix("[]") {
        (SLICE, Some(e))
    } else if s.starts_with('[') {
        (ARRAY, s.find(']').map(|i| &s[i + 1..]))
    } else if s.starts_with("map[") {
        (MAP, None)
    } else if s.starts_with("chan ") || s.starts_with("<-chan ") {
        (CHAN, None)
    } else if s.starts_with("func(") {
        (FUNC, None)
    } else if s.starts_with("struct {") {
        (STRUCT, None)
    } else if s.starts_with("interface {") {
        (INTERFACE, None)
    } else {
        match KIND_NAMES.iter().position(|&n| n == s) {
            Some(k) if k != 0 && k != ARRAY as usize => (k as Kind, None),
            _ if s == "unsafe.Pointer" => (UNSAFE_POINTER, None),
            _ => (INVALID, None),
        }
    };
    let mut d = Desc::new(s, kind);
    if let Some(e) = elem {
        d = d.elem(parse_type(e));
    }
    if kind == ARRAY {
        d.len = s[1..]
            .split(']')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
    }
    if kind == INVALID {
        // A defined type `pkg.Name`: its kind is not in its spelling.
        if let Some((pkg, name)) = s.rsplit_once('.') {
            d = d.named(name, pkg);
        }
    }
    d.done()
}

/// Go's `reflect.Value`: a value (as an interface value) with its type. The zero `Value` is
/// invalid.
#[derive(Clone, Default)]
pub struct Value {
    ty: Type,
    val: Iface,
}

/// `reflect.ValueOf(x)` for a value of a static type described by `ty`.
pub fn value_of<T: IfaceValue + 'static>(x: T, ty: Type) -> Value {
    Value {
        ty,
        val: iface::new(x),
    }
}

/// `reflect.ValueOf(x)` for an interface value: its dynamic value, or the invalid `Value`.
pub fn value_of_iface(x: &Iface) -> Value {
    Value {
        ty: type_of(x),
        val: x.clone(),
    }
}

/// Reads field `F` of a struct `S` (a [`Getter`] goxide writes for each field).
pub fn get_field<S: 'static, F: IfaceValue + 'static>(v: &dyn Any, read: fn(&S) -> F) -> Iface {
    v.downcast_ref::<S>().map(read).and_then(iface::new)
}

/// The length of a `Vec<T>` (a [`LenFn`] for slice types).
pub fn slice_len<T: 'static>(v: &dyn Any) -> i64 {
    v.downcast_ref::<Vec<T>>().map_or(0, |s| s.len() as i64)
}

/// Element `i` of a `Vec<T>` (an [`IndexFn`] for slice types).
pub fn slice_index<T: IfaceValue + Clone + 'static>(v: &dyn Any, i: i64) -> Iface {
    let s = v.downcast_ref::<Vec<T>>()?;
    let x = s.get(usize::try_from(i).ok()?)?.clone();
    iface::new(x)
}

/// The entries of a `HashMap<K, V>` (an [`EntriesFn`] for map types).
pub fn map_entries<K, V>(v: &dyn Any) -> Vec<(Iface, Iface)>
where
    K: IfaceValue + Clone + 'static,
    V: IfaceValue + Clone + 'static,
{
    match v.downcast_ref::<std::collections::HashMap<K, V>>() {
        Some(m) => m
            .iter()
            .map(|(k, v)| (iface::new(k.clone()), iface::new(v.clone())))
            .collect(),
        None => Vec::new(),
    }
}

/// Reads the pointee of a Go pointer `*T` (a [`Getter`] for pointer types).
pub fn get_pointee<T: IfaceValue + Clone + 'static>(v: &dyn Any) -> Iface {
    let p = v.downcast_ref::<Option<Rc<RefCell<T>>>>()?.as_ref()?;
    let x = p.borrow().clone();
    iface::new(x)
}

impl Value {
    fn invalid(&self, what: &str) -> ! {
        super::rt::go_panic(format!(
            "reflect: call of reflect.Value.{what} on zero Value"
        ))
    }

    fn kind_panic(&self, what: &str) -> ! {
        super::rt::go_panic(format!(
            "reflect: call of reflect.Value.{what} on {} Value",
            kind_string(self.kind())
        ))
    }

    pub fn is_valid(&self) -> bool {
        self.ty.0.is_some()
    }

    pub fn kind(&self) -> Kind {
        self.ty.0.as_ref().map_or(INVALID, |d| d.kind)
    }

    pub fn r#type(&self) -> Type {
        if !self.is_valid() {
            self.invalid("Type");
        }
        self.ty.clone()
    }

    /// `v.Interface()`: the value as an interface value.
    pub fn interface(&self) -> Iface {
        if !self.is_valid() {
            self.invalid("Interface");
        }
        self.val.clone()
    }

    fn any(&self) -> Option<&dyn Any> {
        self.val.as_ref().map(|v| v.as_any())
    }

    pub fn int(&self) -> i64 {
        let a = self.any();
        macro_rules! try_ints {
            ($($t:ty),*) => {$(
                if let Some(x) = a.and_then(|a| a.downcast_ref::<$t>()) {
                    return *x as i64;
                }
            )*};
        }
        try_ints!(i64, i32, i16, i8, isize);
        self.kind_panic("Int")
    }

    pub fn uint(&self) -> u64 {
        let a = self.any();
        macro_rules! try_uints {
            ($($t:ty),*) => {$(
                if let Some(x) = a.and_then(|a| a.downcast_ref::<$t>()) {
                    return *x as u64;
                }
            )*};
        }
        try_uints!(u64, u32, u16, u8, usize);
        self.kind_panic("Uint")
    }

    pub fn float(&self) -> f64 {
        let a = self.any();
        if let Some(x) = a.and_then(|a| a.downcast_ref::<f64>()) {
            return *x;
        }
        if let Some(x) = a.and_then(|a| a.downcast_ref::<f32>()) {
            return *x as f64;
        }
        self.kind_panic("Float")
    }

    pub fn complex(&self) -> super::complex::Complex128 {
        match self
            .any()
            .and_then(|a| a.downcast_ref::<super::complex::Complex128>())
        {
            Some(c) => *c,
            None => self.kind_panic("Complex"),
        }
    }

    pub fn bool(&self) -> bool {
        match self.any().and_then(|a| a.downcast_ref::<bool>()) {
            Some(b) => *b,
            None => self.kind_panic("Bool"),
        }
    }

    /// `v.String()`: the string, or `<T Value>` for a value of another kind.
    pub fn string(&self) -> String {
        match self.any().and_then(|a| a.downcast_ref::<String>()) {
            Some(s) => s.clone(),
            None if !self.is_valid() => "<invalid Value>".to_string(),
            None => format!("<{} Value>", self.ty.string()),
        }
    }

    pub fn num_field(&self) -> i64 {
        self.ty.num_field()
    }

    /// `v.Field(i)`: field `i` of a struct value.
    pub fn field(&self, i: i64) -> Value {
        if self.kind() != STRUCT {
            self.kind_panic("Field");
        }
        let f = self.ty.field(i);
        let val = match (f.get, self.any()) {
            (Some(get), Some(a)) => get(a),
            _ => None,
        };
        Value { ty: f.r#type, val }
    }

    /// `v.Len()`: the length of a slice, array, map or string.
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> i64 {
        let d = self.ty.0.clone();
        match (d, self.any()) {
            (Some(d), Some(a)) => {
                if let Some(s) = a.downcast_ref::<String>() {
                    return s.len() as i64;
                }
                if let Some((len, _)) = d.seq {
                    return len(a);
                }
                if let Some(entries) = d.entries {
                    return entries(a).len() as i64;
                }
                self.kind_panic("Len")
            }
            (Some(d), None) if matches!(d.kind, SLICE | MAP) => 0,
            _ => self.kind_panic("Len"),
        }
    }

    /// `v.Index(i)`: element `i` of a slice or array.
    pub fn index(&self, i: i64) -> Value {
        let d = match &self.ty.0 {
            Some(d) => d.clone(),
            None => self.invalid("Index"),
        };
        match (d.seq, self.any()) {
            (Some((len, index)), Some(a)) => {
                if i < 0 || i >= len(a) {
                    super::rt::go_panic("reflect: slice index out of range".to_string());
                }
                Value {
                    ty: self.ty.elem(),
                    val: index(a, i),
                }
            }
            _ => self.kind_panic("Index"),
        }
    }

    /// The entries of a map, unordered (`MapKeys` with `MapIndex`).
    pub fn map_entries(&self) -> Vec<(Value, Value)> {
        let d = match &self.ty.0 {
            Some(d) if d.kind == MAP => d.clone(),
            _ => self.kind_panic("MapKeys"),
        };
        match (d.entries, self.any()) {
            (Some(entries), Some(a)) => entries(a)
                .into_iter()
                .map(|(k, v)| {
                    (
                        Value {
                            ty: self.ty.key(),
                            val: k,
                        },
                        Value {
                            ty: self.ty.elem(),
                            val: v,
                        },
                    )
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// `v.Elem()`: the pointee of a pointer, or the dynamic value of an interface.
    pub fn elem(&self) -> Value {
        match self.kind() {
            POINTER => {
                let d = self.ty.desc();
                match (d.deref, self.any()) {
                    (Some(deref), Some(a)) => match deref(a) {
                        Some(v) => Value {
                            ty: self.ty.elem(),
                            val: Some(v),
                        },
                        None => Value::default(),
                    },
                    _ => Value::default(),
                }
            }
            INTERFACE => value_of_iface(&self.val),
            _ => self.kind_panic("Elem"),
        }
    }

    /// `v.NumMethod()`.
    pub fn num_method(&self) -> i64 {
        if !self.is_valid() {
            self.invalid("NumMethod");
        }
        self.ty.num_method()
    }

    /// `v.Method(i)`: method `i` bound to this value (a method value).
    pub fn method(&self, i: i64) -> Value {
        if !self.is_valid() {
            self.invalid("Method");
        }
        let d = self.ty.desc();
        let Some(m) = usize::try_from(i).ok().and_then(|j| d.methods.get(j)) else {
            super::rt::go_panic("reflect: Method index out of range")
        };
        let val = match (m.bind, self.any()) {
            (Some(bind), Some(a)) => bind(a),
            _ => None,
        };
        Value {
            ty: m.bound_ty.clone(),
            val,
        }
    }

    /// `v.MethodByName(name)`: the bound method, or the invalid `Value`.
    pub fn method_by_name(&self, name: &str) -> Value {
        if !self.is_valid() {
            self.invalid("MethodByName");
        }
        match self.ty.desc().methods.iter().position(|m| m.name == name) {
            Some(i) => self.method(i as i64),
            None => Value::default(),
        }
    }

    /// `v.IsNil()`.
    pub fn is_nil(&self) -> bool {
        match self.kind() {
            POINTER | MAP | SLICE | FUNC | CHAN | INTERFACE | UNSAFE_POINTER => {
                self.val.is_none() || self.val.as_ref().is_some_and(|v| is_nil_value(&**v))
            }
            _ => self.kind_panic("IsNil"),
        }
    }

    /// `v.CanSet()`: goxide's values are copies, never settable.
    pub fn can_set(&self) -> bool {
        false
    }

    /// `v.CanInterface()`.
    pub fn can_interface(&self) -> bool {
        self.is_valid()
    }
}

fn is_nil_value(v: &dyn IfaceValue) -> bool {
    super::fmt::sprintf("%v", &[v as &dyn Format]) == "<nil>"
}

impl Format for Value {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        match &self.val {
            Some(v) => v.as_ref().fmt(f, verb),
            None if self.is_valid() => None::<Box<dyn Format>>.fmt(f, verb),
            None => "<invalid reflect.Value>".to_string().fmt(f, verb),
        }
    }
    fn type_name(&self) -> String {
        "reflect.Value".to_string()
    }
    fn go_type() -> String {
        "reflect.Value".to_string()
    }
}

/// `reflect.DeepEqual(x, y)` on two interface values: both nil, or the same dynamic type and
/// deeply equal values. Basic values compare by value (so NaN is unequal to itself); other
/// values compare by their Go-syntax text (`%#v`), which spells out elements and fields, and
/// the value behind a pointer to a composite value at the top; other pointers compare by
/// address, and nil and empty slices alike (goxide holds them alike).
pub fn deep_equal(x: &Iface, y: &Iface) -> bool {
    match (x, y) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            if a.type_name() != b.type_name() {
                return false;
            }
            if let Some(same) = super::iface::basic_eq(a.as_any(), b.as_any()) {
                return same;
            }
            let text =
                |v: &Rc<dyn IfaceValue>| super::fmt::sprintf("%#v", &[v.as_ref() as &dyn Format]);
            text(a) == text(b)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone)]
    struct S {
        a: i64,
    }

    impl Format for S {
        fn fmt(&self, f: &mut Formatter<'_>, _verb: char) {
            f.write_struct("main.S", &[("a", &self.a)]);
        }
        fn type_name(&self) -> String {
            "main.S".to_string()
        }
        fn go_type() -> String {
            "main.S".to_string()
        }
    }

    fn s_type() -> Type {
        Desc::new("main.S", STRUCT)
            .named("S", "main")
            .field(
                "a",
                "main",
                Desc::new("int", INT).done(),
                "json:\"a,omitempty\" xml:\"x\"",
                false,
                Some(|v| get_field(v, |s: &S| s.a)),
            )
            .done()
    }

    #[test]
    fn kinds_print_as_go() {
        assert_eq!(kind_string(POINTER), "ptr");
        assert_eq!(kind_string(UNSAFE_POINTER), "unsafe.Pointer");
        assert_eq!(kind_string(40), "kind40");
    }

    #[test]
    fn struct_types_and_values() {
        let t = s_type();
        assert_eq!(t.string(), "main.S");
        assert_eq!(t.name(), "S");
        assert_eq!(t.num_field(), 1);
        let f = t.field(0);
        assert_eq!(f.name, "a");
        assert_eq!(tag_get(&f.tag, "json"), "a,omitempty");
        assert_eq!(tag_get(&f.tag, "xml"), "x");
        assert_eq!(tag_get(&f.tag, "yaml"), "");
        let v = value_of(S { a: 7 }, t);
        assert_eq!(v.field(0).int(), 7);
        assert_eq!(v.field(0).kind(), INT);
    }

    #[test]
    fn dynamic_types_from_their_spelling() {
        let t = type_of(&iface::new(Some(Rc::new(RefCell::new(3i64)))));
        assert_eq!(t.string(), "*int");
        assert_eq!(t.kind(), POINTER);
        assert_eq!(t.elem().kind(), INT);
        assert_eq!(t.elem().name(), "int");
        assert!(type_of(&None).is_none());
        assert_eq!(parse_type("[3]string").len(), 3);
        assert_eq!(parse_type("main.T").pkg_path(), "main");
    }

    #[test]
    fn deep_equal_on_interfaces() {
        assert!(deep_equal(&iface::new(42i64), &iface::new(42i64)));
        assert!(!deep_equal(&iface::new(42i64), &iface::new(42i32)));
        assert!(!deep_equal(&iface::new(f64::NAN), &iface::new(f64::NAN)));
        assert!(deep_equal(
            &iface::new(vec![1i64, 2]),
            &iface::new(vec![1i64, 2])
        ));
        assert!(!deep_equal(&iface::new(vec![1i64, 2]), &None));
        assert!(deep_equal(&None, &None));
    }
}
