//! The `heap` module against Go 1.19's `container/heap`: the same element order after each
//! operation.

use goxide_support::heap::{self, Ops};

fn ops() -> Ops<Vec<i64>, i64> {
    Ops {
        len: |h| h.len() as i64,
        less: |h, i, j| h[i as usize] < h[j as usize],
        swap: |h, i, j| h.swap(i as usize, j as usize),
        push: |h, x| h.push(x),
        pop: |h| h.pop().unwrap(),
    }
}

#[test]
fn matches_go_order() {
    let ops = ops();
    let mut h = vec![5, 2, 8, 1, 9, 3];
    heap::init(&mut h, &ops);
    heap::push(&mut h, 4, &ops);
    heap::push(&mut h, 0, &ops);
    // Go 1.19 prints [0 1 3 2 9 8 4 5].
    assert_eq!(h, [0, 1, 3, 2, 9, 8, 4, 5]);
    h[3] = 10;
    heap::fix(&mut h, 3, &ops);
    assert_eq!(h, [0, 1, 3, 5, 9, 8, 4, 10]);
    assert_eq!(heap::remove(&mut h, 2, &ops), 3);
    assert_eq!(h, [0, 1, 4, 5, 9, 8, 10]);
    let mut out = Vec::new();
    while !h.is_empty() {
        out.push(heap::pop(&mut h, &ops));
    }
    assert_eq!(out, [0, 1, 4, 5, 8, 9, 10]);
}
