//! Go runtime behaviour for translated programs: the `main` wrapper that
//! reports panics the way Go does, Go-valued panics, the builtin
//! `print`/`println` number formats, integer shifts and division with Go's
//! semantics, and byte-string helpers.
//!
//! Translated code reaches these as `crate::support::rt::...`.

use std::any::Any;
use std::io::Write;

// ---------------------------------------------------------------------------
// Program entry and panic reports
// ---------------------------------------------------------------------------

/// Runs a translated Go `main` function the way the Go runtime does.
///
/// The generated `fn main()` is `support::rt::run_main(go_main)`. A panic
/// that escapes `main` prints Go's report on stderr, e.g.
///
/// ```text
/// panic: runtime error: index out of range [5] with length 3
///
/// goroutine 1 [running]:
/// main.main()
/// ```
///
/// and the process exits with status 2. Standard output is flushed first.
pub fn run_main(main: fn()) {
    install_quiet_hook();
    let result = std::panic::catch_unwind(main);
    let _ = std::io::stdout().flush();
    if let Err(payload) = result {
        if payload.is::<GoExit>() {
            main_goexit();
        }
        let report = panic_report(payload.as_ref());
        let mut err = std::io::stderr();
        let _ = err.write_all(report.as_bytes());
        let _ = err.flush();
        std::process::exit(2);
    }
}

/// The unwinding payload of `runtime.Goexit`: deferred calls run, `recover` does not stop it,
/// and the goroutine ends without a report.
pub struct GoExit;

/// What the main goroutine does once `runtime.Goexit` has ended it (set by whoever raises
/// [`GoExit`]: the goroutine scheduler, which knows whether others are left to run).
static MAIN_GOEXIT: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Sets what the main goroutine does after `runtime.Goexit` (the first setting stays).
pub fn on_main_goexit(f: fn()) {
    let _ = MAIN_GOEXIT.set(f);
}

/// The main goroutine called `runtime.Goexit`: the other goroutines run on; when none is left,
/// the program ends as Go's does.
fn main_goexit() -> ! {
    if let Some(f) = MAIN_GOEXIT.get() {
        f();
    }
    no_goroutines_left()
}

/// Go's fatal error once `main` called `runtime.Goexit` and every other goroutine ended.
pub fn no_goroutines_left() -> ! {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr()
        .write_all(b"fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n");
    std::process::exit(2)
}

/// Replaces Rust's panic hook with one that prints nothing: Go prints its
/// report only when a panic reaches the top of the goroutine, which
/// [`run_main`] does. Panics that `recover` stops print nothing at all.
pub fn install_quiet_hook() {
    std::panic::set_hook(Box::new(|_| {}));
}

/// The full text Go prints on stderr for a panic that ends the program.
pub fn panic_report(payload: &(dyn Any + Send)) -> String {
    let mut out = String::new();
    let mut first = true;
    if let Some(p) = payload.downcast_ref::<GoPanic>() {
        for earlier in &p.earlier {
            push_panic_line(&mut out, earlier, first);
            first = false;
        }
    }
    let message = panic_message(payload);
    push_panic_line(&mut out, &message, first);
    if message == NIL_DEREF {
        out.push_str("[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n");
    }
    out.push_str("\ngoroutine 1 [running]:\nmain.main()\n");
    out
}

fn push_panic_line(out: &mut String, message: &str, first: bool) {
    if !first {
        out.push('\t');
    }
    out.push_str("panic: ");
    out.push_str(message);
    out.push('\n');
}

// ---------------------------------------------------------------------------
// Go-valued panics
// ---------------------------------------------------------------------------

/// The payload of every panic raised by translated Go code.
pub struct GoPanic {
    /// The Go value passed to `panic` (what `recover()` returns).
    pub value: Box<dyn Any + Send>,
    /// The text Go prints after `panic: ` for this value.
    pub message: String,
    /// Messages of earlier panics that were still in progress (or had been
    /// recovered, marked ` [recovered]`) when this one started; Go prints
    /// them first, one per line.
    pub earlier: Vec<String>,
}

/// A Go value that can be passed to `panic`: it knows how Go prints it.
pub trait PanicValue: Any + Send {
    /// The text Go prints after `panic: `.
    fn panic_message(&self) -> String;

    /// The text for a value of the named Go type `name` with this value as
    /// its underlying value, e.g. `main.T(5)`.
    fn named_message(&self, name: &str) -> String {
        format!("{name}({})", self.panic_message())
    }
}

impl PanicValue for String {
    fn panic_message(&self) -> String {
        self.clone()
    }
    fn named_message(&self, name: &str) -> String {
        format!("{name}(\"{self}\")")
    }
}

impl PanicValue for &'static str {
    fn panic_message(&self) -> String {
        (*self).to_string()
    }
    fn named_message(&self, name: &str) -> String {
        format!("{name}(\"{self}\")")
    }
}

impl PanicValue for bool {
    fn panic_message(&self) -> String {
        self.to_string()
    }
}

impl PanicValue for f64 {
    fn panic_message(&self) -> String {
        print_float(*self)
    }
}

impl PanicValue for f32 {
    fn panic_message(&self) -> String {
        print_float(f64::from(*self))
    }
}

macro_rules! int_panic_value {
    ($($t:ty),*) => {$(
        impl PanicValue for $t {
            fn panic_message(&self) -> String {
                self.to_string()
            }
        }
    )*};
}
int_panic_value!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

/// A value of a named Go type whose underlying type is basic, e.g.
/// `panic(T(5))` is `go_panic(Named("main.T", 5i64))` and prints
/// `panic: main.T(5)`.
pub struct Named<V>(pub &'static str, pub V);

impl<V: PanicValue> PanicValue for Named<V> {
    fn panic_message(&self) -> String {
        self.1.named_message(self.0)
    }
}

/// A Go run-time error (`runtime.Error`): index out of range, division by
/// zero, nil dereference, ... `Error()` is the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuntimeError(pub String);

impl RuntimeError {
    /// Go's `Error()` text.
    pub fn error(&self) -> String {
        self.0.clone()
    }
}

impl PanicValue for RuntimeError {
    fn panic_message(&self) -> String {
        self.0.clone()
    }
}

/// A value returned by `recover()`, panicked again: keeps its message.
impl PanicValue for Box<dyn Any + Send> {
    fn panic_message(&self) -> String {
        panic_message(self.as_ref())
    }
}

/// Go's `panic(v)`.
pub fn go_panic<V: PanicValue>(v: V) -> ! {
    let message = v.panic_message();
    let boxed: Box<dyn Any + Send> = Box::new(v);
    // A recovered value panicked again is unwrapped, so `recover()` returns
    // the original value once more.
    let value = match boxed.downcast::<Box<dyn Any + Send>>() {
        Ok(inner) => *inner,
        Err(other) => other,
    };
    go_panic_value(value, message)
}

/// Panics with any Go value and the message Go prints for it (used for
/// values whose message the translator computes, e.g. `err.Error()`).
pub fn go_panic_value(value: Box<dyn Any + Send>, message: String) -> ! {
    std::panic::panic_any(GoPanic {
        value,
        message,
        earlier: Vec::new(),
    })
}

/// Go's message for a nil pointer dereference.
pub const NIL_DEREF: &str = "runtime error: invalid memory address or nil pointer dereference";

/// Panics as Go does when a nil pointer is dereferenced.
pub fn nil_deref() -> ! {
    runtime_error(NIL_DEREF)
}

// ---------------------------------------------------------------------------
// Nil function values
// ---------------------------------------------------------------------------

/// A function value (`Rc<dyn Fn…>`, `Arc<dyn Fn…>`, or a reference to one) that may be Go's
/// nil function of its type, told apart by its closure's address.
pub trait NilFunc {
    fn is_nil_func(&self) -> bool;
}

impl<T: ?Sized + 'static> NilFunc for std::rc::Rc<T> {
    fn is_nil_func(&self) -> bool {
        NIL_FUNCS.with_borrow(|m| {
            stored::<Self>(m.get(&std::any::TypeId::of::<Self>()).map(|v| &**v))
                .is_some_and(|n| std::rc::Rc::ptr_eq(n, self))
        })
    }
}

impl<T: ?Sized + Send + Sync + 'static> NilFunc for std::sync::Arc<T> {
    fn is_nil_func(&self) -> bool {
        let m = NIL_FUNCS_SYNC.lock().unwrap_or_else(|e| e.into_inner());
        let v = m
            .get(&std::any::TypeId::of::<Self>())
            .map(|v| &**v as &dyn Any);
        stored::<Self>(v).is_some_and(|n| std::sync::Arc::ptr_eq(n, self))
    }
}

/// The nil function stored for type `F`, if one was made.
fn stored<F: 'static>(v: Option<&dyn Any>) -> Option<&F> {
    v.and_then(|v| v.downcast_ref::<F>())
}

impl<F: NilFunc + ?Sized> NilFunc for &F {
    fn is_nil_func(&self) -> bool {
        (**self).is_nil_func()
    }
}

thread_local! {
    static NIL_FUNCS: std::cell::RefCell<std::collections::HashMap<std::any::TypeId, Box<dyn Any>>> =
        Default::default();
}

static NIL_FUNCS_SYNC: std::sync::LazyLock<
    std::sync::Mutex<std::collections::HashMap<std::any::TypeId, Box<dyn Any + Send + Sync>>>,
> = std::sync::LazyLock::new(Default::default);

/// Go's nil function of type `F` (an `Rc<dyn Fn…>`): one closure per type, made by `make`
/// the first time, that panics as Go does when called. Its address is what
/// [`is_nil_func`] recognizes, and the value is kept for the whole run, so no other closure
/// ever gets that address. (`nil_func_sync` is the same for `Arc<dyn Fn… + Send + Sync>`,
/// one for all threads.)
pub fn nil_func<F: Clone + 'static>(make: impl FnOnce() -> F) -> F {
    NIL_FUNCS.with_borrow_mut(|m| {
        let v = m
            .entry(std::any::TypeId::of::<F>())
            .or_insert_with(|| Box::new(make()));
        kept(&**v)
    })
}

/// Whether `f` is Go's nil function of its type (`f == nil`).
pub fn is_nil_func<F: NilFunc + ?Sized>(f: &F) -> bool {
    f.is_nil_func()
}

/// [`nil_func`] for function values that cross threads (`Arc<dyn Fn… + Send + Sync>`).
pub fn nil_func_sync<F: Clone + Send + Sync + 'static>(make: impl FnOnce() -> F) -> F {
    let mut m = NIL_FUNCS_SYNC.lock().unwrap_or_else(|e| e.into_inner());
    let v = m
        .entry(std::any::TypeId::of::<F>())
        .or_insert_with(|| Box::new(make()));
    kept(&**v as &dyn Any)
}

/// A copy of the nil function stored (under its own type) in `v`.
fn kept<F: Clone + 'static>(v: &dyn Any) -> F {
    match stored::<F>(Some(v)) {
        Some(f) => f.clone(),
        None => unreachable!("a nil function is stored under its own type"),
    }
}

/// The value a nullable owned pointer (`Option<T>`) points to, panicking as Go does when it is
/// nil.
pub fn some_ref<T>(p: &Option<T>) -> &T {
    match p {
        Some(v) => v,
        None => nil_deref(),
    }
}

/// The value a nullable owned pointer (`Option<T>`) points to, for writing, panicking as Go
/// does when it is nil.
pub fn some_mut<T>(p: &mut Option<T>) -> &mut T {
    match p {
        Some(v) => v,
        None => nil_deref(),
    }
}

/// The value an owning pointer (`Option<Box<T>>`) points to, lent to a parameter that borrows
/// it, panicking as Go does when it is nil.
pub fn box_ref<T>(p: &Option<Box<T>>) -> &T {
    match p {
        Some(v) => v,
        None => nil_deref(),
    }
}

/// The value an owning pointer (`Option<Box<T>>`) points to, lent mutably to a parameter that
/// borrows it, panicking as Go does when it is nil.
pub fn box_mut<T>(p: &mut Option<Box<T>>) -> &mut T {
    match p {
        Some(v) => v,
        None => nil_deref(),
    }
}

/// The value an optional borrowed pointer parameter (`Option<&T>`) points to, panicking as Go
/// does when it is nil.
pub fn opt_ref<'a, T: ?Sized>(p: &Option<&'a T>) -> &'a T {
    match p {
        Some(v) => v,
        None => nil_deref(),
    }
}

/// The value an optional borrowed pointer parameter (`Option<&mut T>`) points to, for writing,
/// panicking as Go does when it is nil.
pub fn opt_mut<'a, T: ?Sized>(p: &'a mut Option<&mut T>) -> &'a mut T {
    match p {
        Some(v) => v,
        None => nil_deref(),
    }
}

/// Panics with a Go run-time error whose full text is `msg` (include the
/// `runtime error: ` prefix where Go has one; `assignment to entry in nil
/// map` has none).
pub fn runtime_error(msg: &str) -> ! {
    let err = RuntimeError(msg.to_string());
    go_panic(err)
}

/// Dereferences a Go pointer (`Option<Rc<RefCell<T>>>`), panicking like Go
/// when it is nil.
pub fn deref<T>(p: &Option<std::rc::Rc<T>>) -> &std::rc::Rc<T> {
    match p {
        Some(rc) => rc,
        None => nil_deref(),
    }
}

/// The value behind pointer `p` for calling value method `method` (`main.T.M`) of the type
/// named `ty` (`T`) through the pointer, panicking as Go's wrapper does when it is nil.
pub fn value_receiver<'a, P>(p: &'a Option<P>, method: &str, ty: &str) -> &'a P {
    match p {
        Some(rc) => rc,
        None => runtime_error(&format!(
            "value method {method} called using nil *{ty} pointer"
        )),
    }
}

/// The Go message for any panic payload: a [`GoPanic`], or a Rust panic
/// raised by an operation that Go checks too (indexing, slicing, division,
/// unwrapping a nil pointer), translated to Go's run-time error text.
/// Other Rust panics keep their own message.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(p) = payload.downcast_ref::<GoPanic>() {
        p.message.clone()
    } else if let Some(e) = payload.downcast_ref::<RuntimeError>() {
        e.0.clone()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        go_message_for_rust(s)
    } else if let Some(s) = payload.downcast_ref::<&'static str>() {
        go_message_for_rust(s)
    } else if let Some(b) = payload.downcast_ref::<Box<dyn Any + Send>>() {
        panic_message(b.as_ref())
    } else {
        "(unknown panic value)".to_string()
    }
}

/// The Go value that `recover()` returns for a payload: the value given to
/// `panic`, or a [`RuntimeError`] for a Rust run-time panic.
pub fn recovered_value(payload: Box<dyn Any + Send>) -> Box<dyn Any + Send> {
    match payload.downcast::<GoPanic>() {
        Ok(p) => p.value,
        Err(other) => {
            let message = panic_message(other.as_ref());
            Box::new(RuntimeError(message))
        }
    }
}

/// Whether a payload is a run-time error (Go's `runtime.Error`).
pub fn is_runtime_error(payload: &(dyn Any + Send)) -> bool {
    match payload.downcast_ref::<GoPanic>() {
        Some(p) => p.value.is::<RuntimeError>(),
        None => payload.is::<RuntimeError>() || go_message_for_rust_known(payload),
    }
}

fn go_message_for_rust_known(payload: &(dyn Any + Send)) -> bool {
    let text = if let Some(s) = payload.downcast_ref::<String>() {
        s.as_str()
    } else if let Some(s) = payload.downcast_ref::<&'static str>() {
        s
    } else {
        return false;
    };
    go_message_for_rust(text) != text
}

/// Splits `text` by a pattern with `{}` holes and returns the hole contents.
fn match_pattern<'t>(text: &'t str, pattern: &str) -> Option<Vec<&'t str>> {
    let parts: Vec<&str> = pattern.split("{}").collect();
    let mut rest = text.strip_prefix(parts[0])?;
    let mut holes = Vec::new();
    for (i, lit) in parts.iter().enumerate().skip(1) {
        if lit.is_empty() && i == parts.len() - 1 {
            holes.push(rest);
            rest = "";
        } else {
            let at = rest.find(lit)?;
            holes.push(&rest[..at]);
            rest = &rest[at + lit.len()..];
        }
    }
    if rest.is_empty() {
        Some(holes)
    } else {
        None
    }
}

/// A Go index as printed in its messages: a `usize` of 2^63 or more is a
/// negative Go index converted to `usize` by the translated code.
fn go_index(text: &str) -> String {
    match text.parse::<u64>() {
        Ok(v) => (v as i64).to_string(),
        Err(_) => text.to_string(),
    }
}

/// The length of the string quoted in a Rust `str` slicing message, when
/// the message shows all of it.
fn quoted_len(quoted: &str) -> Option<usize> {
    if quoted.ends_with("[...]") {
        None
    } else {
        Some(quoted.trim_matches('`').len())
    }
}

/// Translates a Rust panic message to Go's run-time error text.
fn go_message_for_rust(msg: &str) -> String {
    const RE: &str = "runtime error: ";
    if let Some(h) = match_pattern(
        msg,
        "index out of bounds: the len is {} but the index is {}",
    ) {
        let index = go_index(h[1]);
        return if index.starts_with('-') {
            format!("{RE}index out of range [{index}]")
        } else {
            format!("{RE}index out of range [{index}] with length {}", h[0])
        };
    }
    if msg == "attempt to divide by zero"
        || msg == "attempt to calculate the remainder with a divisor of zero"
    {
        return format!("{RE}integer divide by zero");
    }
    if let Some(h) = match_pattern(
        msg,
        "range end index {} out of range for slice of length {}",
    ) {
        return format!(
            "{RE}slice bounds out of range [:{}] with capacity {}",
            go_index(h[0]),
            h[1]
        );
    }
    if let Some(h) = match_pattern(
        msg,
        "range start index {} out of range for slice of length {}",
    ) {
        return format!(
            "{RE}slice bounds out of range [{}:{}]",
            go_index(h[0]),
            h[1]
        );
    }
    if let Some(h) = match_pattern(msg, "slice index starts at {} but ends at {}") {
        return format!("{RE}slice bounds out of range [{}:{}]", h[0], h[1]);
    }
    if let Some(h) = match_pattern(msg, "end byte index {} is out of bounds of {}") {
        return match quoted_len(h[1]) {
            Some(len) => format!(
                "{RE}slice bounds out of range [:{}] with length {len}",
                go_index(h[0])
            ),
            None => format!("{RE}slice bounds out of range [:{}]", go_index(h[0])),
        };
    }
    if let Some(h) = match_pattern(msg, "start byte index {} is out of bounds of {}") {
        return match quoted_len(h[1]) {
            Some(len) => format!("{RE}slice bounds out of range [{}:{len}]", go_index(h[0])),
            None => format!("{RE}slice bounds out of range [{}:]", go_index(h[0])),
        };
    }
    if let Some(h) = match_pattern(msg, "begin <= end ({} <= {}) when slicing {}") {
        return format!("{RE}slice bounds out of range [{}:{}]", h[0], h[1]);
    }
    if msg == "called `Option::unwrap()` on a `None` value" {
        return NIL_DEREF.to_string();
    }
    msg.to_string()
}

// ---------------------------------------------------------------------------
// Builtin print / println
// ---------------------------------------------------------------------------

/// Go's builtin `print` format for floats: `+1.500000e+000`, `-0.000000e+000`,
/// `NaN`, `+Inf`, `-Inf` (seven significant digits, three exponent digits,
/// computed the way the Go runtime computes them).
pub fn print_float(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "+Inf" } else { "-Inf" }.to_string();
    }
    const DIGITS: usize = 7;
    let mut sign = '+';
    let mut v = x;
    let mut exp: i32 = 0;
    if v == 0.0 {
        if v.is_sign_negative() {
            sign = '-';
        }
    } else {
        if v < 0.0 {
            v = -v;
            sign = '-';
        }
        while v >= 10.0 {
            exp += 1;
            v /= 10.0;
        }
        while v < 1.0 {
            exp -= 1;
            v *= 10.0;
        }
        // Round at the last printed digit.
        let mut h = 5.0;
        for _ in 0..DIGITS {
            h /= 10.0;
        }
        v += h;
        if v >= 10.0 {
            exp += 1;
            v /= 10.0;
        }
    }
    let mut digits = String::new();
    for _ in 0..DIGITS {
        let d = v as i64;
        digits.push(char::from(b'0' + d as u8));
        v -= d as f64;
        v *= 10.0;
    }
    let esign = if exp < 0 { '-' } else { '+' };
    let e = exp.unsigned_abs();
    format!(
        "{sign}{}.{}e{esign}{}{}{}",
        &digits[..1],
        &digits[1..],
        e / 100,
        (e / 10) % 10,
        e % 10
    )
}

/// Go's builtin `print` format for complex numbers:
/// `(+1.000000e+000+2.000000e+000i)`.
pub fn print_complex(re: f64, im: f64) -> String {
    format!("({}{}i)", print_float(re), print_float(im))
}

/// Go's builtin `print` format for a pointer, map, channel or function:
/// `0x0` for nil, otherwise the address in hex.
pub fn print_pointer(addr: usize) -> String {
    format!("{addr:#x}")
}

/// Go's builtin `print` format for a slice: `[len/cap]0xaddr`.
pub fn print_slice(len: usize, cap: usize, addr: usize) -> String {
    format!("[{len}/{cap}]{}", print_pointer(addr))
}

// ---------------------------------------------------------------------------
// Integers
// ---------------------------------------------------------------------------

/// A Go integer type: shifts and division with Go's semantics.
pub trait GoInt: Copy + PartialEq {
    /// The width in bits.
    const BITS: u32;
    /// The zero value.
    const ZERO: Self;
    /// `x << n` for a count below the width.
    fn shl_in_range(self, n: u32) -> Self;
    /// `x >> n` for a count below the width (arithmetic for signed types).
    fn shr_in_range(self, n: u32) -> Self;
    /// Whether the value is negative.
    fn is_negative(self) -> bool;
    /// `-1` for signed types (the result of `x >> n` for negative `x`
    /// and a count of at least the width).
    fn all_ones(self) -> Self;
    /// Division truncating toward zero; `MIN / -1` is `MIN`.
    fn wrapping_div_go(self, other: Self) -> Self;
    /// Remainder with the sign of the dividend; `MIN % -1` is `0`.
    fn wrapping_rem_go(self, other: Self) -> Self;
}

macro_rules! go_int {
    ($neg:expr; $($t:ty),*) => {$(
        impl GoInt for $t {
            const BITS: u32 = <$t>::BITS;
            const ZERO: Self = 0;
            fn shl_in_range(self, n: u32) -> Self {
                self.wrapping_shl(n)
            }
            fn shr_in_range(self, n: u32) -> Self {
                self.wrapping_shr(n)
            }
            fn is_negative(self) -> bool {
                let negative: fn(Self) -> bool = $neg;
                negative(self)
            }
            fn all_ones(self) -> Self {
                !0
            }
            fn wrapping_div_go(self, other: Self) -> Self {
                self.wrapping_div(other)
            }
            fn wrapping_rem_go(self, other: Self) -> Self {
                self.wrapping_rem(other)
            }
        }
    )*};
}
go_int!(|x| x < 0; i8, i16, i32, i64, isize);
go_int!(|_| false; u8, u16, u32, u64, usize);

/// Go's `x << n`: a count of at least the width gives 0.
pub fn shl<T: GoInt>(x: T, n: u64) -> T {
    if n >= u64::from(T::BITS) {
        T::ZERO
    } else {
        x.shl_in_range(n as u32)
    }
}

/// Go's `x >> n`: a count of at least the width gives 0, or -1 for a
/// negative signed value. Signed shifts are arithmetic.
pub fn shr<T: GoInt>(x: T, n: u64) -> T {
    if n >= u64::from(T::BITS) {
        if x.is_negative() {
            x.all_ones()
        } else {
            T::ZERO
        }
    } else {
        x.shr_in_range(n as u32)
    }
}

/// A signed shift count as Go checks it: negative counts panic with
/// `runtime error: negative shift amount`.
pub fn shift_count(n: i64) -> u64 {
    if n < 0 {
        runtime_error("runtime error: negative shift amount")
    }
    n as u64
}

/// Go's `a / b`: panics with `runtime error: integer divide by zero` when
/// `b` is 0; `MIN / -1` is `MIN`.
pub fn div<T: GoInt>(a: T, b: T) -> T {
    if b == T::ZERO {
        runtime_error("runtime error: integer divide by zero")
    }
    a.wrapping_div_go(b)
}

/// Go's `a % b`: panics with `runtime error: integer divide by zero` when
/// `b` is 0; `MIN % -1` is 0.
pub fn rem<T: GoInt>(a: T, b: T) -> T {
    if b == T::ZERO {
        runtime_error("runtime error: integer divide by zero")
    }
    a.wrapping_rem_go(b)
}

/// Panics with Go's index-out-of-range error for index `i` (a negative Go
/// index may arrive converted to `usize`).
pub fn index_out_of_range(i: usize, len: usize) -> ! {
    let index = i as i64;
    if index < 0 {
        runtime_error(&format!("runtime error: index out of range [{index}]"))
    }
    runtime_error(&format!(
        "runtime error: index out of range [{index}] with length {len}"
    ))
}

/// Go's full slice expression `s[lo:hi:max]`: the elements `lo..hi` in a new vector whose
/// capacity is `max - lo`, so that appending grows it where Go's would grow.
///
/// The bounds are checked in Go's order (`max`, then `hi`, then `lo`) with Go's panic texts;
/// `what` is `"capacity"` for a slice and `"length"` for an array. Negative Go indices arrive
/// as huge `usize`s and are shown negative again.
pub fn slice3<T: Clone>(s: &[T], lo: usize, hi: usize, max: usize, what: &str) -> Vec<T> {
    let len = s.len();
    let show = |i: usize| (i as i64).to_string();
    if max > len {
        if (max as i64) < 0 {
            runtime_error(&format!(
                "runtime error: slice bounds out of range [::{}]",
                show(max)
            ))
        }
        runtime_error(&format!(
            "runtime error: slice bounds out of range [::{max}] with {what} {len}"
        ))
    }
    if hi > max {
        if (hi as i64) < 0 {
            runtime_error(&format!(
                "runtime error: slice bounds out of range [:{}:]",
                show(hi)
            ))
        }
        runtime_error(&format!(
            "runtime error: slice bounds out of range [:{hi}:{max}]"
        ))
    }
    if lo > hi {
        if (lo as i64) < 0 {
            runtime_error(&format!(
                "runtime error: slice bounds out of range [{}::]",
                show(lo)
            ))
        }
        runtime_error(&format!(
            "runtime error: slice bounds out of range [{lo}:{hi}:]"
        ))
    }
    let mut v = Vec::with_capacity(max - lo);
    v.extend_from_slice(&s[lo..hi]);
    v
}

/// Checks a Go index against a length, returning it as `usize`.
pub fn check_index(i: i64, len: usize) -> usize {
    if i < 0 || i as u64 >= len as u64 {
        index_out_of_range(i as usize, len)
    }
    i as usize
}

// ---------------------------------------------------------------------------
// Strings (Go strings are byte strings; goxide stores them as `String`)
// ---------------------------------------------------------------------------

/// Go's `s[lo:hi]` on a string: the bytes `lo..hi`.
///
/// Panics with Go's text when the range is out of bounds
/// (`runtime error: slice bounds out of range [:5] with length 3`).
/// A range that splits a UTF-8 sequence cannot be held in a Rust `String`:
/// the partial sequence is decoded lossily (each broken piece becomes
/// U+FFFD), which differs from Go, which keeps the raw bytes.
pub fn str_slice(s: &str, lo: usize, hi: usize) -> String {
    let len = s.len();
    if hi > len {
        runtime_error(&format!(
            "runtime error: slice bounds out of range [:{}] with length {len}",
            hi as i64
        ))
    }
    if lo > hi {
        runtime_error(&format!(
            "runtime error: slice bounds out of range [{}:{hi}]",
            lo as i64
        ))
    }
    match s.get(lo..hi) {
        Some(sub) => sub.to_string(),
        None => String::from_utf8_lossy(&s.as_bytes()[lo..hi]).into_owned(),
    }
}

/// Go's `s[i]` on a string: the byte at `i`, with Go's panic text when out
/// of range.
pub fn string_index(s: &str, i: usize) -> u8 {
    match s.as_bytes().get(i) {
        Some(b) => *b,
        None => index_out_of_range(i, s.len()),
    }
}

/// Go's `string(r)` for an integer `r`: its UTF-8 encoding, or U+FFFD for
/// a value that is not a valid code point (negative, a surrogate, or above
/// U+10FFFF).
pub fn rune_to_string(r: i64) -> String {
    rune_to_char(r).to_string()
}

/// The `char` for a Go rune value, U+FFFD when it is not a valid code point.
pub fn rune_to_char(r: i64) -> char {
    u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}')
}

/// Go's `string(b)` for a byte slice. Invalid UTF-8 is decoded lossily
/// (U+FFFD), since a Rust `String` cannot hold it.
pub fn bytes_to_string(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Go's `string(r)` for a rune slice.
pub fn runes_to_string(r: &[i32]) -> String {
    r.iter().map(|&c| rune_to_char(i64::from(c))).collect()
}

/// Go's `[]rune(s)`.
pub fn string_to_runes(s: &str) -> Vec<i32> {
    s.chars().map(|c| c as i32).collect()
}

/// Go's `==` on pointers: both nil, or the same variable.
pub fn ptr_eq<T: ?Sized>(a: &Option<std::rc::Rc<T>>, b: &Option<std::rc::Rc<T>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => std::rc::Rc::ptr_eq(x, y),
        _ => false,
    }
}

/// A value Go compares by identity when it is a map key (a pointer, a channel): the address it
/// holds, 0 for nil. Maps keyed by such values are `support::ptrmap::PtrMap`s.
pub trait MapKey: Clone {
    fn map_key(&self) -> usize;
}

impl<T: ?Sized> MapKey for Option<std::rc::Rc<T>> {
    fn map_key(&self) -> usize {
        self.as_ref()
            .map_or(0, |r| std::rc::Rc::as_ptr(r).cast::<u8>() as usize)
    }
}
