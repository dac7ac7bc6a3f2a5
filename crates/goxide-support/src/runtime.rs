//! The parts of Go's `runtime` and `runtime/debug` packages that a translated program can
//! observe without Go's scheduler and collector: the settings `debug.SetGCPercent` and
//! `debug.SetMaxStack` hand back, `runtime.Breakpoint`'s trap, `runtime.GC` and
//! `runtime.ReadMemStats`.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::atomic::{AtomicI64, AtomicU32, Ordering};
use std::sync::Mutex;

/// Not read from `GOGC` yet.
const UNSET: i64 = i64::MIN;

static GC_PERCENT: AtomicI64 = AtomicI64::new(UNSET);

/// Go's start-up value of the collector's target percentage: `GOGC` (`off` is -1), else 100.
fn initial_gc_percent() -> i64 {
    match std::env::var("GOGC") {
        Ok(v) if v == "off" => -1,
        Ok(v) => v.parse::<i64>().unwrap_or(100),
        Err(_) => 100,
    }
}

/// `debug.SetGCPercent(p)`: records the new setting (a negative one is -1, as Go stores it)
/// and returns the previous one. There is no collector to tune: memory is freed when the
/// last owner lets go of it.
pub fn set_gc_percent(p: i64) -> i64 {
    let p = if p < 0 { -1 } else { p };
    let old = GC_PERCENT.swap(p, Ordering::SeqCst);
    if old == UNSET {
        initial_gc_percent()
    } else {
        old
    }
}

/// Go's maximum goroutine stack size once `main` runs on a 64-bit system.
const DEFAULT_MAX_STACK: i64 = 1_000_000_000;

static MAX_STACK: AtomicI64 = AtomicI64::new(DEFAULT_MAX_STACK);

/// `debug.SetMaxStack(n)`: records the new limit and returns the previous one. The limit is
/// not enforced: threads keep the stacks they were given.
pub fn set_max_stack(n: i64) -> i64 {
    MAX_STACK.swap(n, Ordering::SeqCst)
}

/// `runtime.Breakpoint()` with no debugger attached: the trap signal ends the program as it
/// does Go's (`SIGTRAP: trace trap` on stderr, exit status 2, no deferred calls run).
pub fn breakpoint() -> ! {
    let _ = std::io::stdout().flush();
    let mut err = std::io::stderr();
    let _ = err.write_all(b"SIGTRAP: trace trap\n");
    let _ = err.flush();
    std::process::exit(2)
}

/// How many times the program called `runtime.GC()`: the collections Go would count, as
/// memory is otherwise freed when its last owner lets go of it.
static NUM_GC: AtomicU32 = AtomicU32::new(0);

/// `runtime.GC()`: counts a collection, then runs the finalizer of each object that only
/// the finalizer registry still holds (see [`set_finalizer`]).
pub fn gc() {
    NUM_GC.fetch_add(1, Ordering::SeqCst);
    run_finalizers();
}

/// A shared pointer that a finalizer can wait on: how many owners it has, and where its
/// value lives.
pub trait Owned {
    /// Strong owners of the value (the finalizer registry's copy among them).
    fn owners(&self) -> usize;
    /// The value's address (for `runtime.SetFinalizer(p, nil)`).
    fn addr(&self) -> usize;
}

impl<T> Owned for Rc<T> {
    fn owners(&self) -> usize {
        Rc::strong_count(self)
    }
    fn addr(&self) -> usize {
        Rc::as_ptr(self) as *const () as usize
    }
}

/// A finalizer waiting for its object: `poll` hands back the call to make once the registry
/// holds the only copy of the pointer.
struct Pending<F> {
    addr: usize,
    poll: F,
}

type Poll = Box<dyn FnMut() -> Option<Box<dyn FnOnce()>>>;
type SendPoll = Box<dyn FnMut() -> Option<Box<dyn FnOnce() + Send>> + Send>;

thread_local! {
    /// Finalizers of single-threaded pointers (`Rc`), on the thread that set them.
    static LOCAL: RefCell<Vec<Pending<Poll>>> = const { RefCell::new(Vec::new()) };
}

/// Finalizers of pointers goroutines share.
static SHARED: Mutex<Vec<Pending<SendPoll>>> = Mutex::new(Vec::new());

/// `runtime.SetFinalizer(p, f)`: keeps a copy of `p`; the first `runtime.GC()` that finds it
/// the only copy left calls `f(p)` and lets go of it. A second finalizer for the same object
/// replaces the first; what `f` returns is dropped. A nil `p` is ignored.
pub fn set_finalizer<H: Owned + Clone + 'static, R>(
    p: &Option<H>,
    f: impl FnOnce(Option<H>) -> R + 'static,
) {
    let Some(h) = p.clone() else { return };
    let addr = h.addr();
    clear_finalizer(addr);
    let mut slot = Some((h, f));
    let poll: Poll = Box::new(move || {
        if slot.as_ref().is_some_and(|(h, _)| h.owners() == 1) {
            let (h, f) = slot.take()?;
            return Some(Box::new(move || {
                f(Some(h));
            }));
        }
        None
    });
    LOCAL.with_borrow_mut(|l| l.push(Pending { addr, poll }));
}

/// [`set_finalizer`] for a pointer that goroutines share.
pub fn set_finalizer_send<H: Owned + Clone + Send + 'static, R>(
    p: &Option<H>,
    f: impl FnOnce(Option<H>) -> R + Send + 'static,
) {
    let Some(h) = p.clone() else { return };
    let addr = h.addr();
    clear_finalizer(addr);
    let mut slot = Some((h, f));
    let poll: SendPoll = Box::new(move || {
        if slot.as_ref().is_some_and(|(h, _)| h.owners() == 1) {
            let (h, f) = slot.take()?;
            return Some(Box::new(move || {
                f(Some(h));
            }));
        }
        None
    });
    shared().push(Pending { addr, poll });
}

fn shared() -> std::sync::MutexGuard<'static, Vec<Pending<SendPoll>>> {
    SHARED.lock().unwrap_or_else(|e| e.into_inner())
}

/// `runtime.SetFinalizer(p, nil)`: forgets the finalizer of the object at `addr`.
pub fn clear_finalizer(addr: usize) {
    LOCAL.with_borrow_mut(|l| l.retain(|p| p.addr != addr));
    shared().retain(|p| p.addr != addr);
}

/// One collection's finalizers: those whose objects only the registry holds, run in the
/// order they were set, after the registry is let go of (a finalizer may set another or
/// call `runtime.GC()`). Objects they free wait for the next collection, as in Go.
fn run_finalizers() {
    let local: Vec<Box<dyn FnOnce()>> = LOCAL.with_borrow_mut(take_ready);
    let send: Vec<Box<dyn FnOnce() + Send>> = take_ready(&mut shared());
    for f in local {
        f();
    }
    for f in send {
        f();
    }
}

/// Removes the finalizers whose objects are unreachable and returns their calls.
fn take_ready<F: FnMut() -> Option<R>, R>(list: &mut Vec<Pending<F>>) -> Vec<R> {
    let mut ready = Vec::new();
    list.retain_mut(|p| match (p.poll)() {
        Some(call) => {
            ready.push(call);
            false
        }
        None => true,
    });
    ready
}

/// One row of `MemStats.BySize`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BySize {
    pub size: u32,
    pub mallocs: u64,
    pub frees: u64,
}

/// Go's `runtime.MemStats`, field for field.
#[derive(Clone, Debug, PartialEq)]
pub struct MemStats {
    pub alloc: u64,
    pub total_alloc: u64,
    pub sys: u64,
    pub lookups: u64,
    pub mallocs: u64,
    pub frees: u64,
    pub heap_alloc: u64,
    pub heap_sys: u64,
    pub heap_idle: u64,
    pub heap_inuse: u64,
    pub heap_released: u64,
    pub heap_objects: u64,
    pub stack_inuse: u64,
    pub stack_sys: u64,
    pub m_span_inuse: u64,
    pub m_span_sys: u64,
    pub m_cache_inuse: u64,
    pub m_cache_sys: u64,
    pub buck_hash_sys: u64,
    pub gc_sys: u64,
    pub other_sys: u64,
    pub next_gc: u64,
    pub last_gc: u64,
    pub pause_total_ns: u64,
    pub pause_ns: [u64; 256],
    pub pause_end: [u64; 256],
    pub num_gc: u32,
    pub num_forced_gc: u32,
    pub gc_cpu_fraction: f64,
    pub enable_gc: bool,
    pub debug_gc: bool,
    pub by_size: [BySize; 61],
}

impl Default for MemStats {
    fn default() -> Self {
        MemStats {
            alloc: 0,
            total_alloc: 0,
            sys: 0,
            lookups: 0,
            mallocs: 0,
            frees: 0,
            heap_alloc: 0,
            heap_sys: 0,
            heap_idle: 0,
            heap_inuse: 0,
            heap_released: 0,
            heap_objects: 0,
            stack_inuse: 0,
            stack_sys: 0,
            m_span_inuse: 0,
            m_span_sys: 0,
            m_cache_inuse: 0,
            m_cache_sys: 0,
            buck_hash_sys: 0,
            gc_sys: 0,
            other_sys: 0,
            next_gc: 0,
            last_gc: 0,
            pause_total_ns: 0,
            pause_ns: [0; 256],
            pause_end: [0; 256],
            num_gc: 0,
            num_forced_gc: 0,
            gc_cpu_fraction: 0.0,
            enable_gc: false,
            debug_gc: false,
            by_size: [BySize::default(); 61],
        }
    }
}

/// The bytes of the process's private writable anonymous mappings (the heap and what the
/// allocator maps), from `/proc/self/maps`, leaving out thread stacks (a mapping right above
/// an inaccessible guard page): goroutines' stacks are not part of Go's heap either. 0 where
/// that file does not exist.
fn data_bytes() -> u64 {
    let Ok(text) = std::fs::read_to_string("/proc/self/maps") else {
        return 0;
    };
    let mut total = 0u64;
    // The end address and permissions of the previous mapping.
    let mut prev: Option<(u64, String)> = None;
    for line in text.lines() {
        let mut fields = line.split_whitespace();
        let (Some(range), Some(perms)) = (fields.next(), fields.next()) else {
            continue;
        };
        let inode = fields.nth(2).unwrap_or("0");
        let path = fields.next();
        let Some((lo, hi)) = range.split_once('-') else {
            continue;
        };
        let (Ok(lo), Ok(hi)) = (u64::from_str_radix(lo, 16), u64::from_str_radix(hi, 16)) else {
            continue;
        };
        let anonymous = inode == "0" && path.is_none_or(|p| p == "[heap]");
        let above_guard = prev
            .as_ref()
            .is_some_and(|(end, perms)| *end == lo && perms.starts_with("---"));
        if anonymous && perms.starts_with("rw") && !above_guard {
            total += hi - lo;
        }
        prev = Some((hi, perms.to_string()));
    }
    total
}

/// `runtime.ReadMemStats(&m)`: the memory in use is the process's heap-like mappings (`Alloc`,
/// `HeapAlloc`, `HeapInuse`, `Sys`, `HeapSys`, `TotalAlloc`); `NumGC` and `NumForcedGC` count
/// `runtime.GC()` calls; allocation counts are not kept and stay 0.
pub fn read_mem_stats(m: &mut MemStats) {
    let data = data_bytes();
    let gcs = NUM_GC.load(Ordering::SeqCst);
    *m = MemStats {
        alloc: data,
        total_alloc: data,
        sys: data,
        heap_alloc: data,
        heap_sys: data,
        heap_inuse: data,
        num_gc: gcs,
        num_forced_gc: gcs,
        enable_gc: true,
        ..MemStats::default()
    };
}

/// `runtime.Stack(buf, all)` where the trace is known from the source: copies as much of
/// `trace` as fits into `buf` and returns the count.
pub fn stack(buf: &mut [u8], trace: &str) -> i64 {
    let n = trace.len().min(buf.len());
    buf[..n].copy_from_slice(&trace.as_bytes()[..n]);
    n as i64
}

/// `testing.AllocsPerRun(runs, f)`: calls `f` once to warm up and then `runs` times, as Go
/// does. Allocations are not counted: the average returned is 0.
pub fn allocs_per_run(runs: i64, f: impl Fn()) -> f64 {
    f();
    for _ in 0..runs {
        f();
    }
    0.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finalizers_run_once_the_registry_holds_the_last_copy() {
        let log = Rc::new(RefCell::new(Vec::new()));
        let inner = Some(Rc::new(RefCell::new(2)));
        let outer = Some(Rc::new(RefCell::new((1, inner.clone()))));
        let l = log.clone();
        set_finalizer(&inner, move |p| l.borrow_mut().push(*p.unwrap().borrow()));
        let l = log.clone();
        set_finalizer(&outer, move |p| l.borrow_mut().push(p.unwrap().borrow().0));
        let gone = Some(Rc::new(RefCell::new(3)));
        set_finalizer(&gone, |_| panic!("cleared"));
        clear_finalizer(gone.as_ref().map_or(0, |p| p.addr()));
        gc();
        assert!(log.borrow().is_empty());
        drop((inner, outer, gone));
        gc();
        assert_eq!(*log.borrow(), vec![1]);
        gc();
        assert_eq!(*log.borrow(), vec![1, 2]);
    }

    #[test]
    fn mem_stats_follow_gc_calls_and_allocations() {
        let mut m = MemStats::default();
        read_mem_stats(&mut m);
        let before = m.num_gc;
        gc();
        read_mem_stats(&mut m);
        assert!(m.num_gc > before);
        assert!(m.enable_gc && m.mallocs == 0);
        if m.alloc > 0 {
            let big = vec![1u8; 64 << 20];
            let mut m2 = MemStats::default();
            read_mem_stats(&mut m2);
            assert!(m2.alloc >= m.alloc + (32 << 20), "{} {}", m.alloc, m2.alloc);
            drop(big);
        }
    }
}
