//! Go's empty interface (`interface{}` / `any`): a value of any type, or nil.
//!
//! An [`Iface`] is `Option<Rc<dyn Value>>`: `None` is nil, and cloning shares the value, as
//! copying a Go interface value does (the values inside are never mutated through it). Every
//! type that can be formatted Go's way ([`super::fmt::Format`]) can be stored; type assertions
//! and type switches downcast.

use super::fmt::{Format, Formatter, Kind};
use std::any::Any;
use std::rc::Rc;

/// A value stored in an interface: formattable, and downcastable.
pub trait Value: Format {
    fn as_any(&self) -> &dyn Any;
}

impl<T: Format + Any> Value for T {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// Go's `interface{}`: `None` is nil.
pub type Iface = Option<Rc<dyn Value>>;

/// Stores `v` in an interface value.
pub fn new<T: Value + 'static>(v: T) -> Iface {
    Some(Rc::new(v))
}

/// The dynamic value as a `T`, when it is one (`v, ok := x.(T)`).
pub fn downcast<T: Clone + 'static>(x: &Iface) -> Option<T> {
    x.as_ref()?.as_any().downcast_ref::<T>().cloned()
}

/// Whether the dynamic value is a `T` (a type switch case).
pub fn is<T: 'static>(x: &Iface) -> bool {
    x.as_ref().is_some_and(|v| v.as_any().is::<T>())
}

/// `x.(T)`: the dynamic value, or Go's panic when it is not a `T`.
pub fn assert<T: Clone + 'static>(x: &Iface, go_type: &str) -> T {
    match downcast::<T>(x) {
        Some(v) => v,
        None => not_of_type(x, go_type),
    }
}

/// `v, ok := x.(error)`: the dynamic value as an `error` when it is one (an error stored in
/// the interface, or a recovered run-time error).
pub fn downcast_error(x: &Iface) -> Option<super::errors::Error> {
    let v = x.as_ref()?;
    if let Some(e) = v.as_any().downcast_ref::<super::errors::Error>() {
        return e.is_some().then(|| e.clone());
    }
    if let Some(r) = v.as_any().downcast_ref::<RecoveredError>() {
        return Some(super::errors::new(r.0.clone()));
    }
    None
}

/// Go's panic for `x.(T)` with a concrete `T` that `x`'s dynamic value is not.
fn not_of_type(x: &Iface, go_type: &str) -> ! {
    let dynamic = x.as_ref().map_or("nil".to_string(), |v| v.type_name());
    let msg = format!("interface conversion: interface {{}} is {dynamic}, not {go_type}");
    super::rt::go_panic_value(Box::new(super::rt::RuntimeError(msg.clone())), msg)
}

/// Go's panic for `x.(I)` with an interface `I` (`error`, `fmt.Stringer`) whose `method`
/// `x`'s dynamic value lacks.
fn missing_method(x: &Iface, iface: &str, method: &str) -> ! {
    let msg = match x {
        None => format!("interface conversion: interface is nil, not {iface}"),
        Some(v) => format!(
            "interface conversion: {} is not {iface}: missing method {method}",
            v.type_name()
        ),
    };
    super::rt::go_panic_value(Box::new(super::rt::RuntimeError(msg.clone())), msg)
}

/// `x.(error)`: the dynamic value as an `error`, or Go's panic when it is not one.
pub fn assert_error(x: &Iface) -> super::errors::Error {
    match downcast_error(x) {
        Some(e) => e,
        None => missing_method(x, "error", "Error"),
    }
}

/// `x.(runtime.Error).Error()`: the message of the run-time error held by `x`, or Go's panic
/// when `x` holds no run-time error.
pub fn runtime_error_message(x: &Iface) -> String {
    if let Some(r) = x
        .as_ref()
        .and_then(|v| v.as_any().downcast_ref::<RecoveredError>())
    {
        return r.0.clone();
    }
    let msg = match x {
        None => "interface conversion: interface is nil, not runtime.Error".to_string(),
        Some(v) => format!(
            "interface conversion: {} is not runtime.Error: missing method RuntimeError",
            v.type_name()
        ),
    };
    super::rt::go_panic_value(Box::new(super::rt::RuntimeError(msg.clone())), msg)
}

/// The value `recover()` returns, as an interface value.
pub fn recovered(payload: Option<Box<dyn Any + Send>>) -> Iface {
    let b = payload?;
    macro_rules! try_types {
        ($($t:ty),*) => {$(
            if let Some(x) = b.downcast_ref::<$t>() {
                return new(x.clone());
            }
        )*};
    }
    try_types!(String, i64, i32, i16, i8, u64, u32, u16, u8, usize, f64, f32, bool);
    if let Some(s) = b.downcast_ref::<&'static str>() {
        return new(s.to_string());
    }
    if let Some(p) = b.downcast_ref::<PanickedValue>() {
        return (p.0)();
    }
    if let Some(e) = b.downcast_ref::<super::rt::RuntimeError>() {
        return new(RecoveredError(e.0.clone()));
    }
    new(super::rt::panic_message(b.as_ref()))
}

/// The payload of `panic(v)` for a value of a composite type: recovering it gives back an
/// interface value holding a copy of `v`.
pub struct PanickedValue(Box<dyn Fn() -> Iface + Send>);

/// `panic(v)` for a value of a composite type (a slice, a struct, …). Go prints the value's
/// `Error()` or `String()` text when it has one, and otherwise `(TYPE) ADDRESS`; `recover()`
/// returns the value.
pub fn panic_value<T: Value + Clone + Send + 'static>(v: T) -> ! {
    let message = v
        .method_string()
        .unwrap_or_else(|| format!("({}) {:p}", v.type_name(), &v as *const T));
    let payload = PanickedValue(Box::new(move || new(v.clone())));
    super::rt::go_panic_value(Box::new(payload), message)
}

/// A value of a named non-struct type of the program (`type Level int`) in an interface
/// value. Such a type is a Rust alias of its underlying type (`type Level = i64;`), so the
/// interface keeps the Go type beside the value: its name (for `%T`, type switches and
/// assertions, which tell `Level` from `int`) and its `String()`/`Error()` method, called when
/// the value prints, as Go calls it.
#[derive(Clone)]
pub struct Named<T> {
    pub value: T,
    pub go_type: &'static str,
    /// The `String()` (or `Error()`) method, when the type has one.
    pub text: Option<fn(T) -> String>,
    /// Whether `text` is a `String()` method (the value is a `fmt.Stringer`).
    pub stringer: bool,
}

impl<T: Format + Clone> Format for Named<T> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        self.value.fmt(f, verb);
    }
    fn type_name(&self) -> String {
        self.go_type.to_string()
    }
    fn go_type() -> String {
        T::go_type()
    }
    fn kind(&self) -> Kind {
        self.value.kind()
    }
    fn as_int(&self) -> Option<i64> {
        self.value.as_int()
    }
    fn method_string(&self) -> Option<String> {
        self.text.map(|f| f(self.value.clone()))
    }
    fn string_method(&self) -> Option<String> {
        self.text
            .filter(|_| self.stringer)
            .map(|f| f(self.value.clone()))
    }
}

/// Stores a value of a named non-struct type `go_type` (see [`Named`]).
pub fn new_named<T: Format + Clone + 'static>(value: T, go_type: &'static str) -> Iface {
    named(value, go_type, None, false)
}

/// Stores a value of a named non-struct type `go_type` whose `String()` method is `text`
/// (see [`Named`]).
pub fn new_stringer<T: Format + Clone + 'static>(
    value: T,
    go_type: &'static str,
    text: fn(T) -> String,
) -> Iface {
    named(value, go_type, Some(text), true)
}

/// Stores a value of a named non-struct type `go_type` whose `Error()` method is `text`
/// (see [`Named`]).
pub fn new_error_text<T: Format + Clone + 'static>(
    value: T,
    go_type: &'static str,
    text: fn(T) -> String,
) -> Iface {
    named(value, go_type, Some(text), false)
}

fn named<T: Format + Clone + 'static>(
    value: T,
    go_type: &'static str,
    text: Option<fn(T) -> String>,
    stringer: bool,
) -> Iface {
    Some(Rc::new(Named {
        value,
        go_type,
        text,
        stringer,
    }))
}

/// `x.(fmt.Stringer)` in its comma-ok form, and a type switch's `case fmt.Stringer:` test: the
/// value when its method set has `String() string`, else nil.
pub fn as_stringer(x: &Iface) -> Iface {
    x.clone().filter(|v| v.string_method().is_some())
}

/// `x.(fmt.Stringer)`: the value, or Go's panic when it has no `String` method.
pub fn assert_stringer(x: &Iface) -> Iface {
    match as_stringer(x) {
        Some(v) => Some(v),
        None => missing_method(x, "fmt.Stringer", "String"),
    }
}

/// `s.String()` on a `fmt.Stringer` value (held as an interface value).
pub fn string_of(x: &Iface) -> String {
    match x {
        None => super::rt::nil_deref(),
        Some(v) => v.string_method().unwrap_or_default(),
    }
}

/// `panic(v)` for a value of a named non-struct type `go_type` (see [`Named`]): Go prints its
/// `String()`/`Error()` text when it has one, else `main.Code(3)`; `recover()` returns the
/// value with its type.
pub fn panic_named<T: Format + Clone + super::rt::PanicValue + 'static>(
    value: T,
    go_type: &'static str,
    text: Option<fn(T) -> String>,
    stringer: bool,
) -> ! {
    let message = match text {
        Some(f) => f(value.clone()),
        None => value.named_message(go_type),
    };
    let payload = PanickedValue(Box::new(move || {
        named(value.clone(), go_type, text, stringer)
    }));
    super::rt::go_panic_value(Box::new(payload), message)
}

/// The dynamic value as a `T` of the named type `go_type` (`v, ok := x.(Level)`).
pub fn downcast_named<T: Clone + 'static>(x: &Iface, go_type: &str) -> Option<T> {
    x.as_ref()?
        .as_any()
        .downcast_ref::<Named<T>>()
        .filter(|n| n.go_type == go_type)
        .map(|n| n.value.clone())
}

/// Whether the dynamic value is of the named type `go_type` (a type switch case).
pub fn is_named<T: Clone + 'static>(x: &Iface, go_type: &str) -> bool {
    downcast_named::<T>(x, go_type).is_some()
}

/// `x.(Level)`: the dynamic value, or Go's panic when it is not of the named type `go_type`.
pub fn assert_named<T: Clone + 'static>(x: &Iface, go_type: &'static str) -> T {
    match downcast_named::<T>(x, go_type) {
        Some(v) => v,
        None => not_of_type(x, go_type),
    }
}

/// Go's `x == v` for an interface value and a value of the named type `go_type`.
pub fn eq_named<T: PartialEq + Clone + 'static>(x: &Iface, v: &T, go_type: &str) -> bool {
    downcast_named::<T>(x, go_type).is_some_and(|x| &x == v)
}

/// A recovered run-time error (`runtime.Error`): prints its message.
#[derive(Clone, Debug)]
pub struct RecoveredError(pub String);

impl Format for RecoveredError {
    fn fmt(&self, f: &mut Formatter<'_>, _verb: char) {
        f.write_stringer(&self.0);
    }
    fn type_name(&self) -> String {
        "runtime.Error".to_string()
    }
    fn go_type() -> String {
        "runtime.Error".to_string()
    }
    fn method_string(&self) -> Option<String> {
        Some(self.0.clone())
    }
}

/// The message `panic(x)` prints for an interface value.
pub fn panic_message(x: &Iface) -> String {
    match x {
        None => "nil".to_string(),
        Some(v) => match v.method_string() {
            Some(s) => s,
            None => super::fmt::sprint(&[v.as_ref() as &dyn Format]),
        },
    }
}

impl Format for Iface {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        match self {
            Some(v) => v.as_ref().fmt(f, verb),
            None if verb == 'v' => f.pad("<nil>"),
            None => f.bad_verb_nil(verb),
        }
    }
    fn type_name(&self) -> String {
        self.as_ref().map_or("<nil>".to_string(), |v| v.type_name())
    }
    fn go_type() -> String {
        "interface {}".to_string()
    }
    fn kind(&self) -> Kind {
        self.as_ref().map_or(Kind::Interface, |v| v.kind())
    }
    fn as_int(&self) -> Option<i64> {
        self.as_ref().and_then(|v| v.as_int())
    }
    fn method_string(&self) -> Option<String> {
        self.as_ref().and_then(|v| v.method_string())
    }
}

/// Go's `==` on two interface values: both nil, or the same dynamic type with equal values
/// (basic types compare by value; other values by identity).
pub fn eq(a: &Iface, b: &Iface) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            if x.type_name() != y.type_name() {
                return false;
            }
            if let Some(same) = basic_eq(x.as_any(), y.as_any()) {
                return same;
            }
            if let (Some(p), Some(q)) = (x.identity(), y.identity()) {
                return p == q;
            }
            let errors = (
                x.as_any().downcast_ref::<super::errors::Error>(),
                y.as_any().downcast_ref::<super::errors::Error>(),
            );
            if let (Some(p), Some(q)) = errors {
                return super::errors::same(p, q);
            }
            std::ptr::addr_eq(Rc::as_ptr(x), Rc::as_ptr(y))
        }
        _ => false,
    }
}

/// `==` on two dynamic values of one basic type (numbers, `bool`, `string`, `complex128`);
/// `None` when they are of another type.
pub fn basic_eq(p: &dyn std::any::Any, q: &dyn std::any::Any) -> Option<bool> {
    macro_rules! try_types {
        ($($t:ty),*) => {$(
            if let (Some(p), Some(q)) = (p.downcast_ref::<$t>(), q.downcast_ref::<$t>()) {
                return Some(p == q);
            }
            // (Values of one named type: the caller compared the type names.)
            if let (Some(p), Some(q)) = (
                p.downcast_ref::<Named<$t>>(),
                q.downcast_ref::<Named<$t>>(),
            ) {
                return Some(p.value == q.value);
            }
        )*};
    }
    super::fmt::basic_types!(try_types);
    None
}

/// Go's `x == v` for an interface value and a value of a concrete type.
pub fn eq_value<T: PartialEq + 'static>(x: &Iface, v: &T) -> bool {
    x.as_ref()
        .and_then(|x| x.as_any().downcast_ref::<T>())
        .is_some_and(|x| x == v)
}
