//! Go's `context` package: a [`Context`] is a cloneable handle to a tree of contexts (clones
//! are the same context, as copies of a Go `context.Context` value are).
//!
//! Cancelling a context closes its `Done` channel and those of the contexts derived from it,
//! and sets its error to `context.Canceled` (or `context.DeadlineExceeded` when its deadline
//! passed). `Done` channels are ordinary [`Chan`]s, so `case <-ctx.Done():` works in `select`
//! like any receive; one channel is made per element type asked for (Go's `struct{}` is a
//! struct of the translated program), all closed together.

use super::chan::{self, Chan, RecvCase};
use super::errors::Error;
use super::iface::{Iface, Value};
use std::any::{Any, TypeId};
use std::sync::{Arc, Mutex, MutexGuard, Weak};

/// The text of `context.Canceled`.
pub const CANCELED: &str = "context canceled";
/// The text of `context.DeadlineExceeded`.
pub const DEADLINE_EXCEEDED: &str = "context deadline exceeded";

/// `context.Canceled`.
pub fn canceled() -> Error {
    super::errors::sentinel(CANCELED)
}

/// `context.DeadlineExceeded`.
pub fn deadline_exceeded() -> Error {
    super::errors::sentinel(DEADLINE_EXCEEDED)
}

/// A `context.Context`.
#[derive(Clone)]
pub struct Context {
    node: Arc<Node>,
}

enum Node {
    Background,
    Todo,
    Cancel {
        parent: Context,
        timer: bool,
        state: Mutex<CancelState>,
    },
    Value {
        parent: Context,
        key_eq: KeyEq,
        value: Box<dyn Fn() -> Iface + Send + Sync>,
    },
}

/// Whether a key equals a `WithValue` context's key.
type KeyEq = Box<dyn Fn(&dyn Any) -> bool + Send + Sync>;

/// A `Done` channel: the channel, and how to close it.
type DoneChan = (TypeId, Box<dyn Any + Send>, Box<dyn Fn() + Send>);

#[derive(Default)]
struct CancelState {
    err: Option<&'static str>,
    chans: Vec<DoneChan>,
    children: Vec<Weak<Node>>,
}

fn lock(m: &Mutex<CancelState>) -> MutexGuard<'_, CancelState> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// `context.Background()`.
pub fn background() -> Context {
    Context {
        node: Arc::new(Node::Background),
    }
}

/// `context.TODO()`.
pub fn todo() -> Context {
    Context {
        node: Arc::new(Node::Todo),
    }
}

impl Default for Context {
    fn default() -> Self {
        background()
    }
}

/// The cancel function of a context (`context.CancelFunc`).
#[derive(Clone)]
pub struct Canceler(Context);

impl Canceler {
    /// Calls the `CancelFunc`: cancels the context with `context.Canceled` (nothing happens when
    /// it was cancelled already).
    pub fn cancel(&self) {
        cancel(&self.0.node, CANCELED);
    }
}

fn cancel(node: &Arc<Node>, err: &'static str) {
    let Node::Cancel { state, .. } = &**node else {
        return;
    };
    let children = {
        let mut st = lock(state);
        if st.err.is_some() {
            return;
        }
        st.err = Some(err);
        for (_, _, close) in &st.chans {
            close();
        }
        std::mem::take(&mut st.children)
    };
    for child in children {
        if let Some(child) = child.upgrade() {
            cancel(&child, err);
        }
    }
}

/// `context.WithCancel(parent)`.
pub fn with_cancel(parent: &Context) -> (Context, Canceler) {
    let ctx = new_cancel(parent, false);
    (ctx.clone(), Canceler(ctx))
}

fn new_cancel(parent: &Context, timer: bool) -> Context {
    let node = Arc::new(Node::Cancel {
        parent: parent.clone(),
        timer,
        state: Mutex::new(CancelState::default()),
    });
    let ctx = Context { node };
    if let Some(p) = parent.cancel_node() {
        let Node::Cancel { state, .. } = &*p else {
            unreachable!()
        };
        let mut st = lock(state);
        match st.err {
            Some(err) => {
                drop(st);
                cancel(&ctx.node, err);
            }
            None => {
                st.children.retain(|c| c.strong_count() > 0);
                st.children.push(Arc::downgrade(&ctx.node));
            }
        }
    }
    ctx
}

/// `context.WithTimeout(parent, d)`: cancelled with `context.DeadlineExceeded` after `d`.
pub fn with_timeout(parent: &Context, d: super::time::Duration) -> (Context, Canceler) {
    let ctx = new_cancel(parent, true);
    if d <= 0 {
        cancel(&ctx.node, DEADLINE_EXCEEDED);
    } else if ctx.err_text().is_none() {
        let timer = super::time::Timer::new(d);
        let done = ctx.done::<()>();
        let node = Arc::downgrade(&ctx.node);
        chan::go(move || {
            let mut fired = RecvCase::new(&timer.c);
            let mut stopped = RecvCase::new(&done);
            if chan::select(&mut [&mut fired, &mut stopped], false) == 0 {
                if let Some(node) = node.upgrade() {
                    cancel(&node, DEADLINE_EXCEEDED);
                }
            } else {
                timer.stop();
            }
        });
    }
    (ctx.clone(), Canceler(ctx))
}

/// `context.WithDeadline(parent, t)`.
pub fn with_deadline(parent: &Context, t: &super::time::Time) -> (Context, Canceler) {
    with_timeout(parent, super::time::until(t))
}

/// `context.WithValue(parent, key, value)`.
pub fn with_value<K, V>(parent: &Context, key: K, value: V) -> Context
where
    K: PartialEq + Send + Sync + 'static,
    V: Value + Clone + Send + Sync + 'static,
{
    Context {
        node: Arc::new(Node::Value {
            parent: parent.clone(),
            key_eq: Box::new(move |k| k.downcast_ref::<K>().is_some_and(|k| *k == key)),
            value: Box::new(move || super::iface::new(value.clone())),
        }),
    }
}

impl Context {
    /// The nearest context of the chain that can be cancelled.
    fn cancel_node(&self) -> Option<Arc<Node>> {
        let mut cur = self;
        loop {
            match &*cur.node {
                Node::Background | Node::Todo => return None,
                Node::Cancel { .. } => return Some(cur.node.clone()),
                Node::Value { parent, .. } => cur = parent,
            }
        }
    }

    fn err_text(&self) -> Option<&'static str> {
        let node = self.cancel_node()?;
        let Node::Cancel { state, .. } = &*node else {
            return None;
        };
        let err = lock(state).err;
        err
    }

    /// `ctx.Done()`: a channel closed when the context is cancelled (nil for `Background`),
    /// the same channel at each call.
    pub fn done<T: Default + Send + 'static>(&self) -> Chan<T> {
        let Some(node) = self.cancel_node() else {
            return Chan::default();
        };
        let Node::Cancel { state, .. } = &*node else {
            return Chan::default();
        };
        let mut st = lock(state);
        let id = TypeId::of::<T>();
        if let Some((_, c, _)) = st.chans.iter().find(|(t, _, _)| *t == id) {
            if let Some(c) = c.downcast_ref::<Chan<T>>() {
                return c.clone();
            }
        }
        let c: Chan<T> = Chan::new(0);
        if st.err.is_some() {
            c.close();
        }
        let closer = c.clone();
        st.chans
            .push((id, Box::new(c.clone()), Box::new(move || closer.close())));
        c
    }

    /// `ctx.Err()`: nil until the context is cancelled, then `context.Canceled` or
    /// `context.DeadlineExceeded`.
    pub fn err(&self) -> Error {
        self.err_text().and_then(super::errors::sentinel)
    }

    /// `ctx.Value(key)`: the value of the nearest `WithValue` with an equal key, or nil.
    pub fn value<K: 'static>(&self, key: &K) -> Iface {
        let mut cur = self;
        loop {
            match &*cur.node {
                Node::Background | Node::Todo => return None,
                Node::Cancel { parent, .. } => cur = parent,
                Node::Value {
                    parent,
                    key_eq,
                    value,
                } => {
                    if key_eq(key) {
                        return value();
                    }
                    cur = parent;
                }
            }
        }
    }

    /// Go's `%v` of a context (`context.Background.WithCancel`).
    fn go_string(&self) -> String {
        match &*self.node {
            Node::Background => "context.Background".to_string(),
            Node::Todo => "context.TODO".to_string(),
            Node::Cancel {
                parent,
                timer: false,
                ..
            } => format!("{}.WithCancel", parent.go_string()),
            Node::Cancel { parent, .. } => format!("{}.WithDeadline", parent.go_string()),
            Node::Value { parent, .. } => format!("{}.WithValue", parent.go_string()),
        }
    }
}

impl super::fmt::Format for Context {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, _verb: char) {
        f.write_stringer(&self.go_string());
    }
    fn type_name(&self) -> String {
        match &*self.node {
            Node::Background => "context.backgroundCtx".to_string(),
            Node::Todo => "context.todoCtx".to_string(),
            Node::Cancel { timer: false, .. } => "*context.cancelCtx".to_string(),
            Node::Cancel { .. } => "*context.timerCtx".to_string(),
            Node::Value { .. } => "*context.valueCtx".to_string(),
        }
    }
    fn go_type() -> String {
        "context.Context".to_string()
    }
    fn method_string(&self) -> Option<String> {
        Some(self.go_string())
    }
}
