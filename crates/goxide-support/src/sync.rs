//! Go's `sync` package: `WaitGroup`, `Mutex`, `RWMutex` and `Once`.
//!
//! Each is a handle: the zero value (`Default`) is ready to use, as in Go,
//! and clones are the same primitive (Go programs must not copy these
//! values, so sharing is what a correct program sees). Waiting goes through
//! the scheduler of [`super::chan`], so a program whose goroutines all wait
//! on each other reports Go's deadlock error instead of hanging.

use super::chan::{atomically, key_of, wait_for};
use std::sync::{Arc, Mutex as StdMutex, MutexGuard};

fn state<T>(m: &StdMutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

fn fatal(message: &str) -> ! {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = writeln!(std::io::stderr(), "fatal error: {message}");
    std::process::exit(2)
}

/// `sync.WaitGroup`.
#[derive(Clone, Default, Debug)]
pub struct WaitGroup {
    count: Arc<StdMutex<i64>>,
}

impl WaitGroup {
    /// `wg.Add(delta)`.
    pub fn add(&self, delta: i64) {
        let negative = atomically(&[key_of(&self.count)], || {
            let mut c = state(&self.count);
            *c += delta;
            *c < 0
        });
        if negative {
            super::rt::go_panic("sync: negative WaitGroup counter");
        }
    }

    /// `wg.Done()`.
    pub fn done(&self) {
        self.add(-1);
    }

    /// `wg.Wait()`: blocks until the counter is zero.
    pub fn wait(&self) {
        wait_for(&[key_of(&self.count)], || {
            (*state(&self.count) == 0).then_some(())
        });
    }
}

/// `sync.Mutex`: `lock` and `unlock` are separate calls, as in Go.
#[derive(Clone, Default, Debug)]
pub struct Mutex {
    locked: Arc<StdMutex<bool>>,
}

impl Mutex {
    /// `mu.Lock()`.
    pub fn lock(&self) {
        wait_for(&[key_of(&self.locked)], || {
            let mut l = state(&self.locked);
            (!*l).then(|| *l = true)
        });
    }

    /// `mu.TryLock()`.
    pub fn try_lock(&self) -> bool {
        atomically(&[key_of(&self.locked)], || {
            let mut l = state(&self.locked);
            !std::mem::replace(&mut *l, true)
        })
    }

    /// `mu.Unlock()`.
    pub fn unlock(&self) {
        let was = atomically(&[key_of(&self.locked)], || {
            std::mem::replace(&mut *state(&self.locked), false)
        });
        if !was {
            fatal("sync: unlock of unlocked mutex");
        }
    }
}

/// `sync.RWMutex`.
#[derive(Clone, Default, Debug)]
pub struct RwMutex {
    /// Readers holding the lock, or -1 for a writer.
    holders: Arc<StdMutex<i64>>,
}

impl RwMutex {
    /// `rw.Lock()`.
    pub fn lock(&self) {
        wait_for(&[key_of(&self.holders)], || {
            let mut h = state(&self.holders);
            (*h == 0).then(|| *h = -1)
        });
    }

    /// `rw.Unlock()`.
    pub fn unlock(&self) {
        let was = atomically(&[key_of(&self.holders)], || {
            std::mem::replace(&mut *state(&self.holders), 0)
        });
        if was != -1 {
            fatal("sync: Unlock of unlocked RWMutex");
        }
    }

    /// `rw.RLock()`.
    pub fn rlock(&self) {
        wait_for(&[key_of(&self.holders)], || {
            let mut h = state(&self.holders);
            (*h >= 0).then(|| *h += 1)
        });
    }

    /// `rw.RUnlock()`.
    pub fn runlock(&self) {
        let ok = atomically(&[key_of(&self.holders)], || {
            let mut h = state(&self.holders);
            if *h > 0 {
                *h -= 1;
                true
            } else {
                false
            }
        });
        if !ok {
            fatal("sync: RUnlock of unlocked RWMutex");
        }
    }
}

/// `sync.Once`.
#[derive(Clone, Default, Debug)]
pub struct Once {
    /// 0: not run, 1: running, 2: done.
    state: Arc<StdMutex<u8>>,
}

impl Once {
    /// `once.Do(f)`: the first call runs `f`; the others wait until it has
    /// finished and do nothing.
    pub fn call(&self, f: impl FnOnce()) {
        let run = wait_for(&[key_of(&self.state)], || {
            let mut s = state(&self.state);
            match *s {
                0 => {
                    *s = 1;
                    Some(true)
                }
                2 => Some(false),
                _ => None,
            }
        });
        if run {
            struct Finish<'a>(&'a Once);
            impl Drop for Finish<'_> {
                fn drop(&mut self) {
                    atomically(&[key_of(&self.0.state)], || *state(&self.0.state) = 2);
                }
            }
            let _finish = Finish(self);
            f();
        }
    }
}

/// A package-level variable of a program with goroutines: one value for the
/// whole process (a `thread_local!` would give each goroutine its own copy),
/// initialized on first use. Its methods mirror those of a
/// `thread_local!` `RefCell`, so translated code reads the same either way.
///
/// Borrowing a variable that the same thread is already borrowing panics
/// (as a `RefCell` does) instead of deadlocking.
pub struct Global<T> {
    init: fn() -> T,
    cell: std::sync::OnceLock<StdMutex<T>>,
}

thread_local! {
    /// Addresses of the globals this thread is borrowing.
    static HELD: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl<T> Global<T> {
    /// A variable whose value is `init()`, computed on first use.
    pub const fn new(init: fn() -> T) -> Self {
        Global {
            init,
            cell: std::sync::OnceLock::new(),
        }
    }

    fn borrow_with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        let addr = self as *const Self as usize;
        HELD.with_borrow_mut(|h| {
            if h.contains(&addr) {
                panic!("already borrowed: BorrowMutError");
            }
            h.push(addr);
        });
        struct Release(usize);
        impl Drop for Release {
            fn drop(&mut self) {
                HELD.with_borrow_mut(|h| h.retain(|&a| a != self.0));
            }
        }
        let _release = Release(addr);
        let cell = self.cell.get_or_init(|| StdMutex::new((self.init)()));
        let mut guard = state(cell);
        f(&mut guard)
    }

    /// Reads the value (`thread_local!`'s `with_borrow`).
    pub fn with_borrow<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.borrow_with(|v| f(v))
    }

    /// Changes the value (`thread_local!`'s `with_borrow_mut`).
    pub fn with_borrow_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        self.borrow_with(f)
    }

    /// Same as [`Global::with_borrow`] (forces initialization with `|_| ()`).
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        self.borrow_with(|v| f(v))
    }
}

/// A local variable that goroutines capture and change: `Arc<RwLock<T>>`
/// behind the borrowing methods of `Rc<RefCell<T>>`, so translated code
/// reads the same as for variables shared by ordinary closures. Clones are
/// the same variable.
#[derive(Debug, Default)]
pub struct Shared<T>(Arc<std::sync::RwLock<T>>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> Shared<T> {
    pub fn new(v: T) -> Self {
        Shared(Arc::new(std::sync::RwLock::new(v)))
    }

    /// Reads the variable (Go's memory model leaves racy reads undefined;
    /// goroutines that synchronize see each other's writes).
    pub fn borrow(&self) -> std::sync::RwLockReadGuard<'_, T> {
        self.0.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the variable.
    pub fn borrow_mut(&self) -> std::sync::RwLockWriteGuard<'_, T> {
        self.0.write().unwrap_or_else(|e| e.into_inner())
    }
}

impl<T> super::runtime::Owned for Shared<T> {
    fn owners(&self) -> usize {
        Arc::strong_count(&self.0)
    }
    fn addr(&self) -> usize {
        self.as_ptr()
    }
}

impl<T> Shared<T> {
    /// The address of the variable (for printing pointers).
    pub fn as_ptr(&self) -> usize {
        Arc::as_ptr(&self.0) as *const () as usize
    }
}

/// Go's `==` on pointers in a program with goroutines: both nil, or the same
/// variable.
pub fn ptr_eq<T>(a: &Option<Shared<T>>, b: &Option<Shared<T>>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => Arc::ptr_eq(&x.0, &y.0),
        _ => false,
    }
}

/// A Go pointer `*T` of a program with goroutines: `None` is nil.
impl<T: super::fmt::Format> super::fmt::Format for Option<Shared<T>> {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, verb: char) {
        let name = Self::go_type();
        match self {
            None => f.fmt_pointer(0, verb, &name, self),
            Some(s) => {
                let value = s.0.try_read().ok();
                super::fmt::fmt_pointee_value(
                    value.as_deref().map(|v| v as &dyn super::fmt::Format),
                    s.as_ptr(),
                    f,
                    verb,
                    &name,
                    self,
                );
            }
        }
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("*{}", T::go_type())
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Pointer
    }
    fn identity(&self) -> Option<usize> {
        Some(self.as_ref().map_or(0, Shared::as_ptr))
    }
    fn method_string(&self) -> Option<String> {
        self.as_ref()
            .and_then(|s| s.0.try_read().ok().and_then(|v| v.method_string()))
    }
    fn string_method(&self) -> Option<String> {
        self.as_ref().and_then(|s| {
            s.0.try_read()
                .ok()
                .and_then(|v| v.ptr_string_method().or_else(|| v.string_method()))
        })
    }
}

/// A shared pointer as a map key: its variable's address.
impl<T> super::rt::MapKey for Option<Shared<T>> {
    fn map_key(&self) -> usize {
        self.as_ref().map_or(0, Shared::as_ptr)
    }
}

/// A channel prints as its address, as Go prints channels.
impl<T: super::fmt::Format> super::fmt::Format for super::chan::Chan<T> {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, verb: char) {
        let name = Self::go_type();
        f.fmt_pointer(self.channel_address(), verb, &name, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("chan {}", T::go_type())
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Pointer
    }
    fn identity(&self) -> Option<usize> {
        Some(self.channel_address())
    }
}

/// A `sync.Mutex` prints as Go prints its fields: `{state sema}`, state 1 while locked.
impl super::fmt::Format for Mutex {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, _verb: char) {
        let locked = i32::from(*state(&self.locked));
        f.write_struct("sync.Mutex", &[("state", &locked), ("sema", &0u32)]);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "sync.Mutex".to_string()
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Struct
    }
}

/// A `sync.RWMutex` prints as Go 1.19 prints its fields: `{w writerSem readerSem readerCount
/// readerWait}`.
impl super::fmt::Format for RwMutex {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, _verb: char) {
        let holders = *state(&self.holders);
        let w = Mutex::default();
        if holders < 0 {
            *state(&w.locked) = true;
        }
        let readers = holders.max(0) as i32 - if holders < 0 { 1 << 30 } else { 0 };
        f.write_struct(
            "sync.RWMutex",
            &[
                ("w", &w),
                ("writerSem", &0u32),
                ("readerSem", &0u32),
                ("readerCount", &readers),
                ("readerWait", &0i32),
            ],
        );
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "sync.RWMutex".to_string()
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Struct
    }
}
