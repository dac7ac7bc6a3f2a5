//! The `sort` module against Go 1.19: equal elements end where Go's sort puts them.

use goxide_support::sort;

#[derive(Clone, Copy)]
struct Kv {
    k: i64,
    v: i64,
}

/// FNV-1a over the `v`s in order.
fn digest(xs: &[Kv]) -> u64 {
    let mut h: u64 = 14695981039346656037;
    for x in xs {
        h ^= x.v as u64;
        h = h.wrapping_mul(1099511628211);
    }
    h
}

fn data(n: i64, m: i64) -> Vec<Kv> {
    (0..n)
        .map(|i| Kv {
            k: (i * 7919 + i * i * 31) % m,
            v: i,
        })
        .collect()
}

/// Digests that Go 1.19 prints for `sort.Slice` by `k` ascending, `sort.SliceStable` by `k`
/// ascending and `sort.Slice` by `k` descending, for each `(n, m)`.
const GO: &[(i64, i64, u64, u64, u64)] = &[
    (
        5,
        3,
        4334084418413641245,
        4334084418413641245,
        17684854181935964941,
    ),
    (
        5,
        17,
        6643469946673538369,
        6643469946673538369,
        12018934460536063477,
    ),
    (
        5,
        1000,
        16296771956268439731,
        16296771956268439731,
        4288464946200424531,
    ),
    (
        13,
        3,
        8777048434193138255,
        16706083362739856075,
        12454360563054489359,
    ),
    (
        13,
        17,
        4251782098246547485,
        4199722524469192273,
        9505324152304329073,
    ),
    (
        13,
        1000,
        5665788567666949491,
        5665788567666949491,
        15430505018160150051,
    ),
    (
        40,
        3,
        8292723477500443529,
        15213597221905343275,
        5060875777091230211,
    ),
    (
        40,
        17,
        3793573183173685547,
        1442748646480086163,
        4352715107827247641,
    ),
    (
        40,
        1000,
        3367501483510103519,
        8410747544828664009,
        17619905735960595369,
    ),
    (
        64,
        3,
        5005347499582308043,
        6927024541143308067,
        12115076340728297405,
    ),
    (
        64,
        17,
        9208934601946826915,
        4495277159637625311,
        9230650503198360919,
    ),
    (
        64,
        1000,
        16338032802128122671,
        378122963354630007,
        13304359687593807047,
    ),
    (
        300,
        3,
        38603952824861241,
        10484520637827609357,
        686931214540118427,
    ),
    (
        300,
        17,
        11678757936668251619,
        13672706794458791267,
        6346013238715980725,
    ),
    (
        300,
        1000,
        16000099796276155543,
        3293724975957314729,
        16207943666586628001,
    ),
    (
        1000,
        3,
        8282578891172996699,
        9395895377505023147,
        12191612970379446261,
    ),
    (
        1000,
        17,
        17486368211515854497,
        10571010228465137655,
        8506136186919960773,
    ),
    (
        1000,
        1000,
        1165737986512123369,
        1890797588662383347,
        9514371540672667697,
    ),
];

#[test]
fn ties_end_where_go_puts_them() {
    for &(n, m, slice, stable, desc) in GO {
        let mut a = data(n, m);
        sort::sort(&mut a, |a: &Vec<Kv>, i, j| {
            a[i as usize].k < a[j as usize].k
        });
        assert_eq!(digest(&a), slice, "sort.Slice n={n} m={m}");
        assert!(sort::is_sorted(&a, |a: &Vec<Kv>, i, j| a[i as usize].k < a[j as usize].k));
        let mut b = data(n, m);
        sort::stable(&mut b, |b: &Vec<Kv>, i, j| {
            b[i as usize].k < b[j as usize].k
        });
        assert_eq!(digest(&b), stable, "sort.SliceStable n={n} m={m}");
        let mut c = data(n, m);
        sort::sort(&mut c[..], |c: &[Kv], i, j| {
            c[i as usize].k > c[j as usize].k
        });
        assert_eq!(digest(&c), desc, "sort.Slice descending n={n} m={m}");
    }
}

#[test]
fn search_finds_the_first_true_index() {
    let xs = [1, 3, 5, 7];
    assert_eq!(sort::search(4, |i| xs[i as usize] >= 5), 2);
    assert_eq!(sort::search(4, |i| xs[i as usize] >= 8), 4);
    assert_eq!(sort::search(0, |_| true), 0);
}

#[test]
fn floats_sort_nans_first() {
    let mut xs = vec![2.0, f64::NAN, 1.0];
    sort::sort(&mut xs, |x: &Vec<f64>, i, j| {
        sort::float_less(x[i as usize], x[j as usize])
    });
    assert!(xs[0].is_nan());
    assert_eq!(&xs[1..], &[1.0, 2.0]);
}
