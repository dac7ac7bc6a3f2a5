//! Go's goroutines, channels and `select` for translated programs.
//!
//! A goroutine is an OS thread ([`go`]). A channel is a [`Chan<T>`]: a
//! cloneable handle (clones are the same channel, as copies of a Go channel
//! value are), `Chan::default()` being Go's nil channel.
//!
//! Go's rules are kept: an unbuffered send waits until a receiver has taken
//! the value; receiving from a closed channel gives the buffered values and
//! then the zero value with `ok == false`; sending on or closing a closed
//! channel panics with Go's message; operations on a nil channel block
//! forever; `select` picks a ready case at random, or its `default`.
//!
//! Every channel and `sync` operation runs under one process-wide lock and
//! waits on one condition variable (the standard library's `Mutex` and
//! `Condvar` express all of it, `select` included, so no channel crate is
//! needed). This keeps the implementation small and lets the program detect
//! what Go's runtime detects: when every goroutine is blocked on a channel or
//! a `sync` primitive, the program prints
//! `fatal error: all goroutines are asleep - deadlock!` and exits with
//! status 2. A panic that escapes a goroutine ends the program with Go's
//! report, as in Go.

use std::collections::HashMap;
use std::collections::VecDeque;
use std::io::Write;
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::Thread;

// ---------------------------------------------------------------------------
// The scheduler lock
// ---------------------------------------------------------------------------

struct Sched {
    /// Live goroutines, `main` included.
    goroutines: usize,
    /// Goroutines parked and not woken since.
    blocked: usize,
    /// State of the random choice among ready `select` cases.
    seed: u64,
    /// Waiter ids by the key (address of a channel or `sync` value) they wait on.
    waiting: Option<HashMap<usize, Vec<u64>>>,
    /// Parked goroutines by waiter id.
    parked: Option<HashMap<u64, Thread>>,
    next_waiter: u64,
    /// `main` ended with `runtime.Goexit`: when the last goroutine ends, the program does.
    main_exited: bool,
}

static SCHED: Mutex<Sched> = Mutex::new(Sched {
    goroutines: 1,
    blocked: 0,
    seed: 0x9e37_79b9_7f4a_7c15,
    waiting: None,
    parked: None,
    next_waiter: 0,
    main_exited: false,
});

fn sched() -> MutexGuard<'static, Sched> {
    SCHED.lock().unwrap_or_else(|e| e.into_inner())
}

/// Locks a value that is only ever touched under the scheduler lock.
fn state<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The key of a shared value: its address.
pub fn key_of<T>(a: &Arc<T>) -> usize {
    Arc::as_ptr(a) as *const () as usize
}

impl Sched {
    /// Wakes every goroutine waiting on `key`.
    fn wake(&mut self, key: usize) {
        let Some(ids) = self.waiting.get_or_insert_with(HashMap::new).remove(&key) else {
            return;
        };
        let parked = self.parked.get_or_insert_with(HashMap::new);
        for id in ids {
            if let Some(t) = parked.remove(&id) {
                self.blocked -= 1;
                t.unpark();
            }
        }
    }
}

/// Ends the program as Go does when no goroutine can run any more.
fn deadlock() -> ! {
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr()
        .write_all(b"fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan receive]:\nmain.main()\n");
    std::process::exit(2)
}

/// Runs `f` under the scheduler lock, then wakes the goroutines waiting on
/// `keys`: the way every state change of a channel or `sync` value is made.
pub fn atomically<R>(keys: &[usize], f: impl FnOnce() -> R) -> R {
    let mut s = sched();
    let r = f();
    for &k in keys {
        s.wake(k);
    }
    r
}

/// Blocks the calling goroutine until `step` (run under the scheduler lock)
/// returns `Some`, and returns that value. `step` makes its state change when
/// it succeeds; the goroutines waiting on `keys` are then woken. Between
/// tries the goroutine sleeps until another one changes the state of one of
/// `keys` (no keys: forever).
pub fn wait_for<R>(keys: &[usize], mut step: impl FnMut() -> Option<R>) -> R {
    let mut s = sched();
    let mut first = true;
    loop {
        if let Some(r) = step() {
            for &k in keys {
                s.wake(k);
            }
            return r;
        }
        if first {
            // A failed first step may have registered a waiting receiver, which can make a
            // sender's `select` ready: let the others look again.
            first = false;
            for &k in keys {
                s.wake(k);
            }
        }
        let id = s.next_waiter;
        s.next_waiter += 1;
        s.parked
            .get_or_insert_with(HashMap::new)
            .insert(id, std::thread::current());
        let waiting = s.waiting.get_or_insert_with(HashMap::new);
        for &k in keys {
            waiting.entry(k).or_default().push(id);
        }
        s.blocked += 1;
        if s.blocked >= s.goroutines {
            drop(s);
            deadlock();
        }
        drop(s);
        loop {
            std::thread::park();
            s = sched();
            if !s.parked.get_or_insert_with(HashMap::new).contains_key(&id) {
                break;
            }
            // Woken spuriously: still waiting.
            drop(s);
        }
        let waiting = s.waiting.get_or_insert_with(HashMap::new);
        for k in keys {
            if let Some(ids) = waiting.get_mut(k) {
                ids.retain(|&w| w != id);
                if ids.is_empty() {
                    waiting.remove(k);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Goroutines
// ---------------------------------------------------------------------------

/// Go's `go f(args)`: runs `f` on a new thread. The arguments are evaluated
/// by the caller (moved into `f`), as Go evaluates them before the
/// goroutine starts.
pub fn go(f: impl FnOnce() + Send + 'static) {
    let spawned = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(goroutine(f));
    if spawned.is_err() {
        let _ = std::io::stdout().flush();
        let _ = std::io::stderr().write_all(b"runtime: failed to create new OS thread\n");
        std::process::exit(2);
    }
}

/// Go's `select {}`: blocks the goroutine for good.
pub fn block_forever() -> ! {
    loop {
        wait_for(&[], || None::<()>);
    }
}

/// A goroutine's body for any spawner (a thread, or a runtime's task): counts the goroutine
/// from now on, reports an escaping panic as Go does (exit 2), and detects the deadlock its end
/// may leave.
pub fn goroutine(f: impl FnOnce() + Send + 'static) -> impl FnOnce() + Send + 'static {
    sched().goroutines += 1;
    move || {
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        // `runtime.Goexit` ends the goroutine as returning does.
        if let Err(payload) = result.or_else(|p| {
            if p.is::<super::rt::GoExit>() {
                Ok(())
            } else {
                Err(p)
            }
        }) {
            let _ = std::io::stdout().flush();
            let report = super::rt::panic_report(payload.as_ref());
            let _ = std::io::stderr().write_all(report.as_bytes());
            std::process::exit(2);
        }
        let mut s = sched();
        s.goroutines -= 1;
        if s.goroutines == 0 && s.main_exited {
            drop(s);
            super::rt::no_goroutines_left();
        }
        if s.goroutines > 0 && s.blocked >= s.goroutines {
            drop(s);
            deadlock();
        }
    }
}

/// `runtime.Goexit()`: runs the goroutine's deferred calls and ends it. In `main`, the other
/// goroutines run on, and the program ends with Go's fatal error when none is left.
pub fn goexit() -> ! {
    super::rt::on_main_goexit(main_goexit);
    std::panic::resume_unwind(Box::new(super::rt::GoExit))
}

/// The main goroutine after `runtime.Goexit`: it no longer counts, and waits for the others.
fn main_goexit() {
    let mut s = sched();
    s.goroutines -= 1;
    s.main_exited = true;
    if s.goroutines == 0 {
        return;
    }
    if s.blocked >= s.goroutines {
        drop(s);
        deadlock();
    }
    drop(s);
    loop {
        std::thread::park();
    }
}

/// `runtime.NumGoroutine()`.
pub fn num_goroutine() -> i64 {
    sched().goroutines as i64
}

// ---------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------

struct State<T> {
    buf: VecDeque<T>,
    closed: bool,
    /// Receivers waiting (blocked receives and selects with a receive case).
    receivers: usize,
    /// Values sent and taken so far (an unbuffered send waits for its value
    /// to be taken).
    sent: u64,
    taken: u64,
}

struct Inner<T> {
    cap: usize,
    state: Mutex<State<T>>,
}

/// A Go channel `chan T` (of any direction). Clones are the same channel.
pub struct Chan<T> {
    inner: Option<Arc<Inner<T>>>,
}

/// A channel as a map key: its address.
impl<T> super::rt::MapKey for Chan<T> {
    fn map_key(&self) -> usize {
        self.channel_address()
    }
}

impl<T> Clone for Chan<T> {
    fn clone(&self) -> Self {
        Chan {
            inner: self.inner.clone(),
        }
    }
}

/// The nil channel.
impl<T> Default for Chan<T> {
    fn default() -> Self {
        Chan { inner: None }
    }
}

/// Channels compare equal when they are the same channel (or both nil).
impl<T> PartialEq for Chan<T> {
    fn eq(&self, other: &Self) -> bool {
        match (&self.inner, &other.inner) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

impl<T> Eq for Chan<T> {}

impl<T> std::fmt::Debug for Chan<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.inner {
            Some(a) => write!(f, "{:p}", Arc::as_ptr(a)),
            None => f.write_str("<nil>"),
        }
    }
}

enum SendError {
    Closed,
}

fn closed_send() -> ! {
    super::rt::go_panic("send on closed channel")
}

impl<T> Chan<T> {
    /// `make(chan T, cap)` (`cap` 0: unbuffered).
    pub fn new(cap: i64) -> Self {
        // Go's limit: the buffer must fit in the address space (`maxAlloc`, 2^48 on 64-bit).
        let bytes = std::mem::size_of::<T>() as u128 * cap.max(0) as u128;
        if cap < 0 || bytes > 1 << 48 {
            super::rt::go_panic(super::rt::RuntimeError(
                "makechan: size out of range".to_string(),
            ));
        }
        Chan {
            inner: Some(Arc::new(Inner {
                cap: cap as usize,
                state: Mutex::new(State {
                    buf: VecDeque::new(),
                    closed: false,
                    receivers: 0,
                    sent: 0,
                    taken: 0,
                }),
            })),
        }
    }

    /// The channel's address (0 for nil), for printing.
    pub fn channel_address(&self) -> usize {
        self.inner.as_ref().map_or(0, key_of)
    }

    /// `c == nil`.
    pub fn is_nil(&self) -> bool {
        self.inner.is_none()
    }

    /// `len(c)`: values buffered and not yet received.
    pub fn len(&self) -> i64 {
        match &self.inner {
            Some(i) if i.cap > 0 => {
                let _s = sched();
                state(&i.state).buf.len() as i64
            }
            _ => 0,
        }
    }

    /// Whether `len(c)` is 0.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `cap(c)`.
    pub fn cap(&self) -> i64 {
        self.inner.as_ref().map_or(0, |i| i.cap as i64)
    }

    /// `c <- v`.
    pub fn send(&self, v: T) {
        let Some(inner) = &self.inner else {
            wait_for(&[], || None::<()>);
            return;
        };
        let key = [key_of(inner)];
        let mut v = Some(v);
        let ticket = wait_for(&key, || {
            let mut st = state(&inner.state);
            if st.closed {
                return Some(Err(SendError::Closed));
            }
            if inner.cap == 0 || st.buf.len() < inner.cap {
                st.buf.extend(v.take());
                st.sent += 1;
                return Some(Ok(st.sent - 1));
            }
            None
        });
        let ticket = match ticket {
            Ok(t) => t,
            Err(SendError::Closed) => closed_send(),
        };
        if inner.cap == 0 {
            // Unbuffered: wait until a receiver has taken the value.
            let taken = wait_for(&key, || {
                let st = state(&inner.state);
                if st.taken > ticket {
                    Some(true)
                } else if st.closed {
                    Some(false)
                } else {
                    None
                }
            });
            if !taken {
                closed_send();
            }
        }
    }

    /// Takes a value if one is there; `None` when the receive must wait.
    fn poll_recv(inner: &Inner<T>) -> Option<(T, bool)>
    where
        T: Default,
    {
        let mut st = state(&inner.state);
        if let Some(v) = st.buf.pop_front() {
            st.taken += 1;
            return Some((v, true));
        }
        if st.closed {
            return Some((T::default(), false));
        }
        None
    }

    fn set_receiving(inner: &Inner<T>, on: bool) {
        let mut st = state(&inner.state);
        if on {
            st.receivers += 1;
        } else {
            st.receivers -= 1;
        }
    }

    /// `v, ok := <-c`: `ok` is false when the channel is closed and drained
    /// (`v` is then the zero value).
    pub fn recv_ok(&self) -> (T, bool)
    where
        T: Default,
    {
        let Some(inner) = &self.inner else {
            return wait_for(&[], || None);
        };
        let key = [key_of(inner)];
        let mut waiting = false;
        let r = wait_for(&key, || {
            let r = Self::poll_recv(inner);
            if r.is_none() && !waiting {
                waiting = true;
                Self::set_receiving(inner, true);
            }
            r
        });
        if waiting {
            atomically(&key, || Self::set_receiving(inner, false));
        }
        r
    }

    /// `<-c`.
    pub fn recv(&self) -> T
    where
        T: Default,
    {
        self.recv_ok().0
    }

    /// `close(c)`.
    pub fn close(&self) {
        let Some(inner) = &self.inner else {
            super::rt::go_panic("close of nil channel")
        };
        let was_closed = atomically(&[key_of(inner)], || {
            let mut st = state(&inner.state);
            let was = st.closed;
            st.closed = true;
            if inner.cap == 0 {
                // Senders still waiting for a receiver panic.
                st.buf.clear();
            }
            was
        });
        if was_closed {
            super::rt::go_panic("close of closed channel");
        }
    }

    /// `for v := range c`: receives until the channel is closed and drained.
    pub fn iter(&self) -> Iter<T> {
        Iter { chan: self.clone() }
    }
}

/// The values of `for v := range c`.
pub struct Iter<T> {
    chan: Chan<T>,
}

impl<T: Default> Iterator for Iter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self.chan.recv_ok() {
            (v, true) => Some(v),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------
// select
// ---------------------------------------------------------------------------

/// One case of a `select` statement: [`RecvCase`] or [`SendCase`].
pub trait Case {
    /// Performs the operation if it can proceed now (under the scheduler
    /// lock); returns whether it did.
    fn try_now(&mut self) -> bool;
    /// Marks the case as waiting (a receive case makes an unbuffered sender
    /// ready) or no longer waiting.
    fn waiting(&mut self, on: bool);
    /// The key of the case's channel (`None` for a nil channel).
    fn key(&self) -> Option<usize>;
    /// Whether the chosen case must panic (a send on a closed channel).
    fn failed(&self) -> bool {
        false
    }
}

/// A receive case `case v, ok := <-c:`; after `select` chose it, [`RecvCase::take`]
/// gives the value.
pub struct RecvCase<T> {
    chan: Chan<T>,
    got: Option<(T, bool)>,
}

impl<T: Default> RecvCase<T> {
    pub fn new(chan: &Chan<T>) -> Self {
        RecvCase {
            chan: chan.clone(),
            got: None,
        }
    }

    /// The received value and whether the channel was open.
    pub fn take(&mut self) -> (T, bool) {
        self.got.take().unwrap_or_default()
    }
}

impl<T: Default> Case for RecvCase<T> {
    fn key(&self) -> Option<usize> {
        self.chan.inner.as_ref().map(key_of)
    }

    fn try_now(&mut self) -> bool {
        match &self.chan.inner {
            Some(inner) => {
                self.got = Chan::poll_recv(inner);
                self.got.is_some()
            }
            None => false,
        }
    }

    fn waiting(&mut self, on: bool) {
        if let Some(inner) = &self.chan.inner {
            Chan::set_receiving(inner, on);
        }
    }
}

/// A send case `case c <- v:`.
pub struct SendCase<T> {
    chan: Chan<T>,
    value: Option<T>,
    closed: bool,
}

impl<T> SendCase<T> {
    pub fn new(chan: &Chan<T>, value: T) -> Self {
        SendCase {
            chan: chan.clone(),
            value: Some(value),
            closed: false,
        }
    }
}

impl<T> Case for SendCase<T> {
    fn key(&self) -> Option<usize> {
        self.chan.inner.as_ref().map(key_of)
    }

    fn try_now(&mut self) -> bool {
        let Some(inner) = &self.chan.inner else {
            return false;
        };
        let mut st = state(&inner.state);
        if st.closed {
            self.closed = true;
            return true;
        }
        let ready = if inner.cap == 0 {
            st.receivers > st.buf.len()
        } else {
            st.buf.len() < inner.cap
        };
        if ready {
            st.buf.extend(self.value.take());
            st.sent += 1;
        }
        ready
    }

    fn waiting(&mut self, _on: bool) {}

    fn failed(&self) -> bool {
        self.closed
    }
}

/// Go's `select`: waits until one of `cases` can proceed, performs it and
/// returns its index. With `default`, returns `cases.len()` at once when no
/// case is ready. Among several ready cases one is chosen at random, as Go
/// does.
pub fn select(cases: &mut [&mut dyn Case], has_default: bool) -> usize {
    let n = cases.len();
    let start = {
        let mut s = sched();
        s.seed ^= s.seed << 13;
        s.seed ^= s.seed >> 7;
        s.seed ^= s.seed << 17;
        if n == 0 {
            0
        } else {
            (s.seed % n as u64) as usize
        }
    };
    let keys: Vec<usize> = cases.iter().filter_map(|c| c.key()).collect();
    let mut registered = false;
    let chosen = wait_for(&keys, || {
        for k in 0..n {
            let i = (start + k) % n;
            if cases[i].try_now() {
                return Some(i);
            }
        }
        if has_default {
            return Some(n);
        }
        if !registered {
            registered = true;
            for c in cases.iter_mut() {
                c.waiting(true);
            }
        }
        None
    });
    if registered {
        atomically(&keys, || {
            for c in cases.iter_mut() {
                c.waiting(false);
            }
        });
    }
    if chosen < n && cases[chosen].failed() {
        closed_send();
    }
    chosen
}
