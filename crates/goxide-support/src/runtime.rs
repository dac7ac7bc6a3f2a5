//! The parts of Go's `runtime` and `runtime/debug` packages that a translated program can
//! observe without Go's scheduler and collector: the settings `debug.SetGCPercent` and
//! `debug.SetMaxStack` hand back, and `runtime.Breakpoint`'s trap.

use std::io::Write;
use std::sync::atomic::{AtomicI64, Ordering};

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
