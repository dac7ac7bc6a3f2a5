//! Go's `container/heap` over a value whose type implements `heap.Interface`: the same sift
//! steps as Go 1.19, so equal elements end where Go puts them. The interface's methods come as
//! plain functions of the heap value ([`Ops`]); `V` is what `Push` takes and `Pop` returns
//! (Go's `any`).

/// The methods of `heap.Interface`, each taking the heap value.
pub struct Ops<H: ?Sized, V> {
    pub len: fn(&mut H) -> i64,
    pub less: fn(&mut H, i64, i64) -> bool,
    pub swap: fn(&mut H, i64, i64),
    pub push: fn(&mut H, V),
    pub pop: fn(&mut H) -> V,
}

/// `heap.Init(h)`.
pub fn init<H: ?Sized, V>(h: &mut H, ops: &Ops<H, V>) {
    let n = (ops.len)(h);
    let mut i = n / 2 - 1;
    while i >= 0 {
        down(h, ops, i, n);
        i -= 1;
    }
}

/// `heap.Push(h, x)`.
pub fn push<H: ?Sized, V>(h: &mut H, x: V, ops: &Ops<H, V>) {
    (ops.push)(h, x);
    let n = (ops.len)(h);
    up(h, ops, n - 1);
}

/// `heap.Pop(h)`: the minimum (by `Less`).
pub fn pop<H: ?Sized, V>(h: &mut H, ops: &Ops<H, V>) -> V {
    let n = (ops.len)(h) - 1;
    (ops.swap)(h, 0, n);
    down(h, ops, 0, n);
    (ops.pop)(h)
}

/// `heap.Remove(h, i)`.
pub fn remove<H: ?Sized, V>(h: &mut H, i: i64, ops: &Ops<H, V>) -> V {
    let n = (ops.len)(h) - 1;
    if n != i {
        (ops.swap)(h, i, n);
        if !down(h, ops, i, n) {
            up(h, ops, i);
        }
    }
    (ops.pop)(h)
}

/// `heap.Fix(h, i)`.
pub fn fix<H: ?Sized, V>(h: &mut H, i: i64, ops: &Ops<H, V>) {
    let n = (ops.len)(h);
    if !down(h, ops, i, n) {
        up(h, ops, i);
    }
}

fn up<H: ?Sized, V>(h: &mut H, ops: &Ops<H, V>, mut j: i64) {
    loop {
        let i = (j - 1) / 2; // parent
        if i == j || !(ops.less)(h, j, i) {
            break;
        }
        (ops.swap)(h, i, j);
        j = i;
    }
}

fn down<H: ?Sized, V>(h: &mut H, ops: &Ops<H, V>, i0: i64, n: i64) -> bool {
    let mut i = i0;
    loop {
        let j1 = 2 * i + 1;
        if j1 >= n || j1 < 0 {
            // j1 < 0 after int overflow
            break;
        }
        let mut j = j1; // left child
        let j2 = j1 + 1;
        if j2 < n && (ops.less)(h, j2, j1) {
            j = j2; // = 2*i + 2  // right child
        }
        if !(ops.less)(h, j, i) {
            break;
        }
        (ops.swap)(h, i, j);
        i = j;
    }
    i > i0
}
