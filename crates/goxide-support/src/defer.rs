//! Go's `defer`, `panic` and `recover` for translated functions.
//!
//! A Go function that contains `defer` runs its body through [`with_defer`].
//! Deferred calls are pushed on a [`Defer`] list and run last-in first-out
//! when the body finishes, whether it returns or panics. A deferred call
//! that calls [`recover`] while a panic is in progress stops the panic and
//! gets the panic value; the function then returns normally.
//!
//! # The pattern translated code follows
//!
//! ```go
//! func safeDiv(a, b int) (q int, err error) {
//!     defer func() {
//!         if r := recover(); r != nil {
//!             err = fmt.Errorf("recovered: %v", r)
//!             q = -1
//!         }
//!     }()
//!     q = a / b
//!     return q, nil
//! }
//! ```
//!
//! Named results that a deferred call reads or writes live in shared cells
//! declared *outside* the body, so both the body and the deferred closure
//! reach them, and the function returns their values after the deferred
//! calls have run. A `return x, y` statement in the body assigns the cells
//! and returns `()` from the body closure:
//!
//! ```ignore
//! fn safe_div(a: i64, b: i64) -> (i64, Option<Error>) {
//!     let q = std::rc::Rc::new(std::cell::RefCell::new(0i64));
//!     let err = std::rc::Rc::new(std::cell::RefCell::new(None));
//!     support::defer::with_defer(
//!         |d| {
//!             // The deferred closure owns its own handles on the cells.
//!             let (q2, err2) = (q.clone(), err.clone());
//!             d.push(move || {
//!                 if let Some(r) = support::defer::recover() {
//!                     *err2.borrow_mut() = Some(errorf(/* … r … */));
//!                     *q2.borrow_mut() = -1;
//!                 }
//!             });
//!             *q.borrow_mut() = support::rt::div(a, b);
//!             // return q, nil
//!             let value = *q.borrow();
//!             *q.borrow_mut() = value;
//!             *err.borrow_mut() = None;
//!         },
//!         || (),
//!     );
//!     let result = (*q.borrow(), err.borrow().clone());
//!     result
//! }
//! ```
//!
//! A function whose results are unnamed (or not touched by deferred calls)
//! returns the body's value, and gives `on_recover`'s value (Go's zero
//! values) when a panic was recovered:
//!
//! ```ignore
//! fn f(xs: Vec<i64>) -> i64 {
//!     support::defer::with_defer(
//!         |d| {
//!             d.push(|| {
//!                 support::defer::recover();
//!             });
//!             xs[5]
//!         },
//!         || 0,
//!     )
//! }
//! ```
//!
//! `return` inside the body closure returns from the closure, which is what
//! Go's `return` does once deferred calls have run. Arguments of a deferred
//! call are evaluated when the `defer` statement runs: the translator
//! evaluates them into locals and moves those into the closure.
//!
//! Run-time panics (index out of range, division by zero, unwrapping a nil
//! pointer) are recoverable too: `recover()` returns a
//! [`super::rt::RuntimeError`] holding Go's text, e.g.
//! `runtime error: index out of range [5] with length 3`.
//!
//! A panic in a deferred call replaces the one in progress (the later
//! deferred calls see, and may recover, the new one); the program report
//! lists the earlier one first, as Go does.
//!
//! Limitation: Go's `recover` returns nil unless called *directly* by the
//! deferred function; here a helper function without deferred calls of its
//! own, called from the deferred function, can recover too.

use std::any::Any;
use std::cell::RefCell;
use std::panic::{catch_unwind, resume_unwind, AssertUnwindSafe};

use super::rt::{panic_message, recovered_value, GoExit, GoPanic};

/// The deferred calls of one running function, run last-in first-out.
pub struct Defer<'a> {
    calls: Vec<Box<dyn FnOnce() + 'a>>,
}

impl<'a> Defer<'a> {
    /// Go's `defer f(args)`: `f` runs when the function finishes.
    pub fn push(&mut self, f: impl FnOnce() + 'a) {
        self.calls.push(Box::new(f));
    }

    /// The number of calls waiting to run.
    pub fn len(&self) -> usize {
        self.calls.len()
    }

    /// Whether no call is waiting.
    pub fn is_empty(&self) -> bool {
        self.calls.is_empty()
    }
}

/// What `recover` can see while one deferred call runs.
struct Frame {
    /// The panic in progress, until a `recover` takes it.
    panic: Option<Box<dyn Any + Send>>,
    /// The report lines of a panic that `recover` took here: a panic raised
    /// later in the same deferred call lists it first, as Go does.
    recovered: Option<Vec<String>>,
}

thread_local! {
    static FRAMES: RefCell<Vec<Frame>> = const { RefCell::new(Vec::new()) };
}

fn push_frame(panic: Option<Box<dyn Any + Send>>) {
    FRAMES.with(|f| {
        f.borrow_mut().push(Frame {
            panic,
            recovered: None,
        })
    });
}

fn pop_frame() -> Frame {
    FRAMES.with(|f| f.borrow_mut().pop().expect("defer frame"))
}

/// The report lines of a payload: its earlier panics, then its own message.
fn report_lines(payload: &(dyn Any + Send)) -> Vec<String> {
    let mut lines = match payload.downcast_ref::<GoPanic>() {
        Some(p) => p.earlier.clone(),
        None => Vec::new(),
    };
    lines.push(panic_message(payload));
    lines
}

/// Makes `payload` a [`GoPanic`] (keeping its Go value and message) whose
/// report lists `earlier` first.
fn with_earlier(payload: Box<dyn Any + Send>, earlier: Vec<String>) -> Box<dyn Any + Send> {
    if earlier.is_empty() {
        return payload;
    }
    let mut panic = match payload.downcast::<GoPanic>() {
        Ok(p) => *p,
        Err(other) => {
            let message = panic_message(other.as_ref());
            GoPanic {
                value: recovered_value(other),
                message,
                earlier: Vec::new(),
            }
        }
    };
    let mut all = earlier;
    all.append(&mut panic.earlier);
    panic.earlier = all;
    Box::new(panic)
}

/// Runs the body of a Go function that contains `defer` statements.
///
/// `body` gets the function's [`Defer`] list. When it finishes, normally or
/// by panicking, the deferred calls run last-in first-out. Then:
/// - if a panic is still in progress, it continues (unwinds to the caller);
/// - if the body returned, its value is returned;
/// - if the body panicked and a deferred call recovered, `on_recover()` is
///   returned (Go's zero results, or unit when results live in cells).
///
/// See the module documentation for the exact pattern.
pub fn with_defer<'a, R>(
    body: impl FnOnce(&mut Defer<'a>) -> R,
    on_recover: impl FnOnce() -> R,
) -> R {
    let mut defers = Defer { calls: Vec::new() };
    // `recover` in the body itself (not in a deferred call) returns nil.
    push_frame(None);
    let outcome = catch_unwind(AssertUnwindSafe(|| body(&mut defers)));
    pop_frame();
    let (value, mut panic) = match outcome {
        Ok(v) => (Some(v), None),
        Err(p) => (None, Some(p)),
    };
    while let Some(call) = defers.calls.pop() {
        push_frame(panic.take());
        let result = catch_unwind(AssertUnwindSafe(call));
        let frame = pop_frame();
        panic = match result {
            Ok(()) => frame.panic,
            // `runtime.Goexit` in a deferred call: the goroutine ends, whatever was in progress.
            Err(new) if new.is::<GoExit>() => Some(new),
            Err(new) => {
                let earlier = match (&frame.panic, frame.recovered) {
                    (Some(old), _) => report_lines(old.as_ref()),
                    (None, Some(mut lines)) => {
                        if let Some(last) = lines.last_mut() {
                            last.push_str(" [recovered]");
                        }
                        lines
                    }
                    (None, None) => Vec::new(),
                };
                Some(with_earlier(new, earlier))
            }
        };
    }
    match (panic, value) {
        (Some(p), _) => resume_unwind(p),
        (None, Some(v)) => v,
        (None, None) => on_recover(),
    }
}

/// Go's `recover()`: in a deferred call run while a panic is in progress,
/// stops the panic and returns its value (the value given to `panic`, or a
/// [`super::rt::RuntimeError`] for a run-time panic). Otherwise `None`.
pub fn recover() -> Option<Box<dyn Any + Send>> {
    FRAMES.with(|f| {
        let mut frames = f.borrow_mut();
        let frame = frames.last_mut()?;
        // `runtime.Goexit` is not a panic: `recover` returns nil and it goes on.
        if frame.panic.as_ref()?.is::<GoExit>() {
            return None;
        }
        let payload = frame.panic.take()?;
        frame.recovered = Some(report_lines(payload.as_ref()));
        Some(recovered_value(payload))
    })
}

/// Whether a panic is in progress and a deferred call could recover it.
pub fn panicking() -> bool {
    FRAMES.with(|f| {
        f.borrow()
            .last()
            .is_some_and(|fr| fr.panic.as_ref().is_some_and(|p| !p.is::<GoExit>()))
    })
}
