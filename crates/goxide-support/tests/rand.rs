//! The `rand` module: Go's ranges and argument panics (the sequence is not Go's).

use goxide_support::rand;
use std::sync::{Mutex, MutexGuard};

/// The generator is process-wide: tests that draw numbers take turns, so that the seeding
/// test sees no draws from other tests.
fn serial() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|e| e.into_inner())
}

#[test]
fn values_stay_in_go_ranges() {
    let _turn = serial();
    for _ in 0..1000 {
        assert!(rand::int63() >= 0);
        assert!(rand::int31() >= 0);
        assert!(rand::int() >= 0);
        assert!((0..7).contains(&rand::intn(7)));
        assert!((0..3).contains(&rand::int31n(3)));
        assert!((0..1 << 40).contains(&rand::int63n(1 << 40)));
        let f = rand::float64();
        assert!((0.0..1.0).contains(&f));
        let g = rand::float32();
        assert!((0.0..1.0).contains(&g));
    }
    assert_eq!(rand::intn(1), 0);
}

#[test]
fn every_value_of_a_small_range_comes_up() {
    let _turn = serial();
    let mut seen = [false; 8];
    for _ in 0..1000 {
        seen[rand::intn(8) as usize] = true;
    }
    assert!(seen.iter().all(|&s| s));
}

#[test]
fn perm_is_a_permutation() {
    let _turn = serial();
    let mut p = rand::perm(10);
    p.sort();
    assert_eq!(p, (0..10).collect::<Vec<i64>>());
    assert!(rand::perm(0).is_empty());
}

#[test]
fn seeding_repeats_the_sequence() {
    let _turn = serial();
    rand::seed(42);
    let a: Vec<u32> = (0..5).map(|_| rand::uint32()).collect();
    let b: Vec<u64> = (0..5).map(|_| rand::uint64()).collect();
    rand::seed(42);
    let c: Vec<u32> = (0..5).map(|_| rand::uint32()).collect();
    let d: Vec<u64> = (0..5).map(|_| rand::uint64()).collect();
    assert_eq!((a, b), (c, d));
}

#[test]
fn bad_arguments_panic_with_go_text() {
    let _turn = serial();
    let msg = |f: fn()| {
        rt_quiet();
        let err = std::panic::catch_unwind(f).expect_err("panics");
        goxide_support::rt::panic_message(err.as_ref())
    };
    assert_eq!(
        msg(|| {
            let _ = rand::intn(0);
        }),
        "invalid argument to Intn"
    );
    assert_eq!(
        msg(|| {
            let _ = rand::int63n(-1);
        }),
        "invalid argument to Int63n"
    );
    assert_eq!(
        msg(|| {
            let _ = rand::int31n(0);
        }),
        "invalid argument to Int31n"
    );
    assert_eq!(
        msg(|| {
            let _ = rand::perm(-1);
        }),
        "runtime error: makeslice: len out of range"
    );
}

fn rt_quiet() {
    goxide_support::rt::install_quiet_hook();
}
