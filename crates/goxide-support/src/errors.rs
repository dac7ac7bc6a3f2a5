//! Go's `error` values.
//!
//! A Go `error` is an interface value that may be nil; here it is
//! [`Error`]: `Option<Rc<dyn std::error::Error>>`, `None` being nil. Cloning
//! an `Error` shares the same error value, as copying a Go interface value
//! does, so `==` on errors (identity for the pointer-shaped errors that
//! `errors.New` and `fmt.Errorf` make) is [`same`].

use std::fmt;
use std::rc::Rc;

/// Go's `error`: `None` is nil.
pub type Error = Option<Rc<dyn std::error::Error>>;

/// What a function returning `(T, error)` (or only `error`) returns: the value, or the
/// non-nil error. Its callers see Go's pair through [`split`] and [`err_of`], or check it with
/// `?` and `match`.
pub type Result<T> = std::result::Result<T, Rc<dyn std::error::Error>>;

/// Go's `return zero, err`: `Err` of a non-nil error; a nil one returns the zero value, as in Go.
pub fn fail<T: Default>(err: Error) -> Result<T> {
    match err {
        Some(e) => Err(e),
        None => Ok(T::default()),
    }
}

/// Go's `(v, err)` pair of a result: the zero value beside a non-nil error.
pub fn split<T: Default>(r: Result<T>) -> (T, Error) {
    match r {
        Ok(v) => (v, None),
        Err(e) => (T::default(), Some(e)),
    }
}

/// The `error` of a function that returns only an error: nil when it succeeded.
pub fn err_of(r: Result<()>) -> Error {
    r.err()
}

/// The error `errors.New` makes: its message.
#[derive(Debug)]
pub struct ErrorString(pub String);

impl fmt::Display for ErrorString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ErrorString {}

/// The error `fmt.Errorf` makes with a `%w` verb: a message wrapping another error.
#[derive(Debug)]
pub struct WrapError {
    pub msg: String,
    pub inner: Rc<dyn std::error::Error>,
}

impl fmt::Display for WrapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg)
    }
}

impl std::error::Error for WrapError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.inner)
    }
}

/// A standard-library sentinel error (`context.Canceled`): every value made with the same
/// text is the same error, so that it compares equal across threads (an `Error` is an `Rc`,
/// which cannot be shared between them).
#[derive(Debug, Clone, Copy)]
pub struct Sentinel(pub &'static str);

impl fmt::Display for Sentinel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for Sentinel {}

/// The sentinel error with text `msg`.
pub fn sentinel(msg: &'static str) -> Error {
    Some(Rc::new(Sentinel(msg)))
}

fn sentinel_text(e: &(dyn std::error::Error + 'static)) -> Option<&'static str> {
    e.downcast_ref::<Sentinel>().map(|s| s.0)
}

/// `errors.New(msg)`.
/// The `Error()` text of a Go type whose `Error` method has a pointer receiver.
pub trait GoError {
    fn go_error(&self) -> String;
    /// Go's `Unwrap() error`, for a type that has it (`errors.Is` and `errors.As` follow it).
    fn go_unwrap(&self) -> Error {
        None
    }
}

/// A pointer to such a type, as a Go `error` value (the pointer is the error), with the error
/// its `Unwrap` gave when it became an `error` (its `source`).
pub struct PtrError<T>(pub Option<Rc<std::cell::RefCell<T>>>, Error);

impl<T: GoError> fmt::Display for PtrError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Some(p) => f.write_str(&p.borrow().go_error()),
            None => super::rt::nil_deref(),
        }
    }
}

impl<T> fmt::Debug for PtrError<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PtrError")
    }
}

impl<T: GoError + 'static> std::error::Error for PtrError<T> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.1.as_deref()
    }
}

/// `*T` as an `error`.
pub fn from_ptr<T: GoError + 'static>(p: Option<Rc<std::cell::RefCell<T>>>) -> Error {
    let wrapped = p.as_ref().and_then(|v| v.borrow().go_unwrap());
    Some(Rc::new(PtrError(p, wrapped)))
}

/// `errors.As(err, &target)` with a `*T` target: the first error of the chain that is a `*T`.
pub fn as_ptr<T: GoError + 'static>(err: &Error) -> Option<Option<Rc<std::cell::RefCell<T>>>> {
    let mut cur: Option<&dyn std::error::Error> = err.as_deref();
    while let Some(e) = cur {
        if let Some(p) = e.downcast_ref::<PtrError<T>>() {
            return Some(p.0.clone());
        }
        cur = e.source();
    }
    None
}

/// `errors.As(err, &target)` with a value target `T`: the first error of the chain that is a
/// `T`.
pub fn as_value<T: std::error::Error + Clone + 'static>(err: &Error) -> Option<T> {
    let mut cur: Option<&dyn std::error::Error> = err.as_deref();
    while let Some(e) = cur {
        if let Some(v) = e.downcast_ref::<T>() {
            return Some(v.clone());
        }
        cur = e.source();
    }
    None
}

pub fn new(msg: impl Into<String>) -> Error {
    Some(Rc::new(ErrorString(msg.into())))
}

/// `io.EOF` (the same value as `io::eof()`: sentinels are equal by their text).
pub fn eof() -> Error {
    sentinel("EOF")
}

/// `fmt.Errorf(...)`: the formatted message, wrapping `wrapped` when the format had `%w`.
pub fn errorf(msg: String, wrapped: Error) -> Error {
    match wrapped {
        Some(inner) => Some(Rc::new(WrapError { msg, inner })),
        None => Some(Rc::new(ErrorString(msg))),
    }
}

/// `err.Error()`; panics like Go on a nil error.
pub fn message(err: &Error) -> String {
    match err {
        Some(e) => e.to_string(),
        None => super::rt::nil_deref(),
    }
}

/// Go's `==` on two error values: both nil, or the same error value.
pub fn same(a: &Error, b: &Error) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => {
            std::ptr::addr_eq(Rc::as_ptr(x), Rc::as_ptr(y))
                || sentinel_text(&**x).is_some_and(|t| sentinel_text(&**y) == Some(t))
        }
        _ => false,
    }
}

/// `errors.Is(err, target)`: whether `target` is `err` or an error it wraps.
pub fn is(err: &Error, target: &Error) -> bool {
    let Some(target) = target else {
        return err.is_none();
    };
    let sentinel = sentinel_text(&**target);
    let target = Rc::as_ptr(target) as *const u8;
    let mut cur: Option<&dyn std::error::Error> = err.as_deref();
    while let Some(e) = cur {
        if std::ptr::eq(e as *const dyn std::error::Error as *const u8, target)
            || sentinel.is_some_and(|t| sentinel_text(e) == Some(t))
        {
            return true;
        }
        cur = e.source();
    }
    false
}

/// `errors.Unwrap(err)`: the wrapped error of a `fmt.Errorf("…%w…")` error.
pub fn unwrap(err: &Error) -> Error {
    let e = err.as_ref()?;
    let inner = e.downcast_ref::<WrapError>()?;
    Some(inner.inner.clone())
}

/// Go's `%T` of an error value.
fn type_name(err: &Error) -> String {
    match err {
        None => "<nil>".to_string(),
        Some(e) if e.downcast_ref::<WrapError>().is_some() => "*fmt.wrapError".to_string(),
        Some(e) if e.downcast_ref::<ErrorString>().is_some() => "*errors.errorString".to_string(),
        Some(e) if sentinel_text(&**e) == Some("context deadline exceeded") => {
            "context.deadlineExceededError".to_string()
        }
        Some(e) if e.downcast_ref::<Sentinel>().is_some() => "*errors.errorString".to_string(),
        Some(_) => "error".to_string(),
    }
}

impl super::fmt::Format for Error {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, verb: char) {
        match self {
            Some(e) => f.write_stringer(&e.to_string()),
            None if verb == 'v' => f.pad("<nil>"),
            None => f.bad_verb_nil(verb),
        }
    }
    fn type_name(&self) -> String {
        type_name(self)
    }
    fn go_type() -> String {
        "error".to_string()
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Interface
    }
    fn method_string(&self) -> Option<String> {
        self.as_ref().map(|e| e.to_string())
    }
}
