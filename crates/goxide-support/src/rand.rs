//! `math/rand`'s top-level functions over one process-wide generator (SplitMix64).
//!
//! The results have Go's ranges, distributions and argument panics, but not Go's sequence:
//! Go's default source is an additive lagged Fibonacci generator, so the same seed yields
//! other numbers here. Like Go 1.19's, the generator starts seeded with 1, so a program that
//! never calls `seed` gets the same numbers on every run.

use std::sync::Mutex;

static STATE: Mutex<u64> = Mutex::new(1);

fn next() -> u64 {
    let mut s = STATE.lock().unwrap_or_else(|e| e.into_inner());
    *s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *s;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `rand.Seed(s)`: restarts the sequence.
pub fn seed(s: i64) {
    *STATE.lock().unwrap_or_else(|e| e.into_inner()) = s as u64;
}

/// `rand.Int63()`: a non-negative `int64`.
pub fn int63() -> i64 {
    (next() >> 1) as i64
}

/// `rand.Int31()`: a non-negative `int32`.
pub fn int31() -> i32 {
    (next() >> 33) as i32
}

/// `rand.Uint32()`.
pub fn uint32() -> u32 {
    (next() >> 32) as u32
}

/// `rand.Uint64()`.
pub fn uint64() -> u64 {
    next()
}

/// `rand.Int()`: a non-negative `int`.
pub fn int() -> i64 {
    int63()
}

/// A uniform value in `0..n` (`n > 0`), without modulo bias.
fn below(n: u64) -> u64 {
    let limit = u64::MAX - u64::MAX % n;
    loop {
        let v = next();
        if v < limit {
            return v % n;
        }
    }
}

/// `rand.Int63n(n)`: in `[0, n)`; panics as Go does when `n <= 0`.
pub fn int63n(n: i64) -> i64 {
    if n <= 0 {
        super::rt::go_panic("invalid argument to Int63n");
    }
    below(n as u64) as i64
}

/// `rand.Int31n(n)`: in `[0, n)`; panics as Go does when `n <= 0`.
pub fn int31n(n: i32) -> i32 {
    if n <= 0 {
        super::rt::go_panic("invalid argument to Int31n");
    }
    below(n as u64) as i32
}

/// `rand.Intn(n)`: in `[0, n)`; panics as Go does when `n <= 0`.
pub fn intn(n: i64) -> i64 {
    if n <= 0 {
        super::rt::go_panic("invalid argument to Intn");
    }
    below(n as u64) as i64
}

/// `rand.Float64()`: in `[0.0, 1.0)`.
pub fn float64() -> f64 {
    (next() >> 11) as f64 / (1u64 << 53) as f64
}

/// `rand.Float32()`: in `[0.0, 1.0)`.
pub fn float32() -> f32 {
    (next() >> 40) as f32 / (1u32 << 24) as f32
}

/// `rand.Perm(n)`: a permutation of `0..n`; panics as Go does when `n < 0`.
pub fn perm(n: i64) -> Vec<i64> {
    if n < 0 {
        super::rt::runtime_error("runtime error: makeslice: len out of range");
    }
    let mut p: Vec<i64> = (0..n).collect();
    for i in (1..p.len()).rev() {
        let j = below(i as u64 + 1) as usize;
        p.swap(i, j);
    }
    p
}
