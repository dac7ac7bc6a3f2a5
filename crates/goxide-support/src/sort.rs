//! Go's `sort` algorithms, so that elements that compare equal end up where Go puts them.
//!
//! `sort.Sort` and `sort.Slice` are not stable: which of two equal elements comes first
//! depends on the algorithm. These are Go 1.19's: pattern-defeating quicksort (`pdqsort`,
//! with its deterministic xorshift pattern breaker) for [`sort`], insertion sort of blocks
//! merged with SymMerge for [`stable`]. Each calls `less` exactly as Go calls `Less`.
//!
//! `less(data, i, j)` receives the data being sorted (as it is at that moment) and two
//! indices, as Go's `Less(i, j)` method or `sort.Slice` callback does.

/// The sequence being sorted: Go's `sort.Interface` over a slice whose `Swap` exchanges
/// two elements.
struct Data<'a, D: ?Sized, T, F> {
    data: &'a mut D,
    less: F,
    elem: std::marker::PhantomData<fn(T)>,
}

impl<D, T, F> Data<'_, D, T, F>
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    fn less(&mut self, i: i64, j: i64) -> bool {
        (self.less)(&*self.data, i, j)
    }

    fn swap(&mut self, i: i64, j: i64) {
        self.data.as_mut().swap(i as usize, j as usize);
    }
}

/// `bits.Len(uint(n))`.
fn bit_len(n: i64) -> i64 {
    64 - i64::from((n as u64).leading_zeros())
}

/// Go's `sort.Sort(data)` / `sort.Slice(data, less)`: sorts in place, not stably.
pub fn sort<D, T>(data: &mut D, less: impl FnMut(&D, i64, i64) -> bool)
where
    D: ?Sized + AsMut<[T]>,
{
    let n = data.as_mut().len() as i64;
    let limit = bit_len(n);
    let mut d = Data {
        data,
        less,
        elem: std::marker::PhantomData,
    };
    pdqsort(&mut d, 0, n, limit);
}

/// Go's `sort.Stable(data)` / `sort.SliceStable(data, less)`: sorts in place, keeping equal
/// elements in their original order.
pub fn stable<D, T>(data: &mut D, less: impl FnMut(&D, i64, i64) -> bool)
where
    D: ?Sized + AsMut<[T]>,
{
    let n = data.as_mut().len() as i64;
    let mut d = Data {
        data,
        less,
        elem: std::marker::PhantomData,
    };
    stable_sort(&mut d, n);
}

/// Go's `sort.IsSorted(data)` / `sort.SliceIsSorted(data, less)`.
pub fn is_sorted<D, T>(data: &D, mut less: impl FnMut(&D, i64, i64) -> bool) -> bool
where
    D: ?Sized + AsRef<[T]>,
{
    let mut i = data.as_ref().len() as i64 - 1;
    while i > 0 {
        if less(data, i, i - 1) {
            return false;
        }
        i -= 1;
    }
    true
}

/// Go's `sort.Search(n, f)`: the smallest index in `[0, n)` at which `f` is true (`n` if
/// none), assuming `f` is false and then true.
pub fn search(n: i64, mut f: impl FnMut(i64) -> bool) -> i64 {
    let (mut i, mut j) = (0_i64, n);
    while i < j {
        let h = ((i + j) as u64 >> 1) as i64;
        if !f(h) {
            i = h + 1;
        } else {
            j = h;
        }
    }
    i
}

/// `sort.Float64Slice`'s order: NaNs first, then by value.
pub fn float_less(a: f64, b: f64) -> bool {
    a < b || (a.is_nan() && !b.is_nan())
}

fn insertion_sort<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    let mut i = a + 1;
    while i < b {
        let mut j = i;
        while j > a && d.less(j, j - 1) {
            d.swap(j, j - 1);
            j -= 1;
        }
        i += 1;
    }
}

fn sift_down<D, T, F>(d: &mut Data<'_, D, T, F>, lo: i64, hi: i64, first: i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    let mut root = lo;
    loop {
        let mut child = 2 * root + 1;
        if child >= hi {
            return;
        }
        if child + 1 < hi && d.less(first + child, first + child + 1) {
            child += 1;
        }
        if !d.less(first + root, first + child) {
            return;
        }
        d.swap(first + root, first + child);
        root = child;
    }
}

fn heap_sort<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    let first = a;
    let lo = 0;
    let hi = b - a;
    let mut i = (hi - 1) / 2;
    while i >= 0 {
        sift_down(d, i, hi, first);
        i -= 1;
    }
    let mut i = hi - 1;
    while i >= 0 {
        d.swap(first, first + i);
        sift_down(d, lo, i, first);
        i -= 1;
    }
}

#[derive(PartialEq)]
enum Hint {
    Unknown,
    Increasing,
    Decreasing,
}

fn pdqsort<D, T, F>(d: &mut Data<'_, D, T, F>, mut a: i64, mut b: i64, mut limit: i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    const MAX_INSERTION: i64 = 12;
    let mut was_balanced = true;
    let mut was_partitioned = true;
    loop {
        let length = b - a;
        if length <= MAX_INSERTION {
            insertion_sort(d, a, b);
            return;
        }
        if limit == 0 {
            heap_sort(d, a, b);
            return;
        }
        if !was_balanced {
            break_patterns(d, a, b);
            limit -= 1;
        }
        let (mut pivot, mut hint) = choose_pivot(d, a, b);
        if hint == Hint::Decreasing {
            reverse_range(d, a, b);
            pivot = (b - 1) - (pivot - a);
            hint = Hint::Increasing;
        }
        if was_balanced
            && was_partitioned
            && hint == Hint::Increasing
            && partial_insertion_sort(d, a, b)
        {
            return;
        }
        if a > 0 && !d.less(a - 1, pivot) {
            a = partition_equal(d, a, b, pivot);
            continue;
        }
        let (mid, already_partitioned) = partition(d, a, b, pivot);
        was_partitioned = already_partitioned;
        let (left_len, right_len) = (mid - a, b - mid);
        let balance_threshold = length / 8;
        if left_len < right_len {
            was_balanced = left_len >= balance_threshold;
            pdqsort(d, a, mid, limit);
            a = mid + 1;
        } else {
            was_balanced = right_len >= balance_threshold;
            pdqsort(d, mid + 1, b, limit);
            b = mid;
        }
    }
}

fn partition<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64, pivot: i64) -> (i64, bool)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    d.swap(a, pivot);
    let (mut i, mut j) = (a + 1, b - 1);
    while i <= j && d.less(i, a) {
        i += 1;
    }
    while i <= j && !d.less(j, a) {
        j -= 1;
    }
    if i > j {
        d.swap(j, a);
        return (j, true);
    }
    d.swap(i, j);
    i += 1;
    j -= 1;
    loop {
        while i <= j && d.less(i, a) {
            i += 1;
        }
        while i <= j && !d.less(j, a) {
            j -= 1;
        }
        if i > j {
            break;
        }
        d.swap(i, j);
        i += 1;
        j -= 1;
    }
    d.swap(j, a);
    (j, false)
}

fn partition_equal<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64, pivot: i64) -> i64
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    d.swap(a, pivot);
    let (mut i, mut j) = (a + 1, b - 1);
    loop {
        while i <= j && !d.less(a, i) {
            i += 1;
        }
        while i <= j && d.less(a, j) {
            j -= 1;
        }
        if i > j {
            break;
        }
        d.swap(i, j);
        i += 1;
        j -= 1;
    }
    i
}

fn partial_insertion_sort<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64) -> bool
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    const MAX_STEPS: i64 = 5;
    const SHORTEST_SHIFTING: i64 = 50;
    let mut i = a + 1;
    for _ in 0..MAX_STEPS {
        while i < b && !d.less(i, i - 1) {
            i += 1;
        }
        if i == b {
            return true;
        }
        if b - a < SHORTEST_SHIFTING {
            return false;
        }
        d.swap(i, i - 1);
        if i - a >= 2 {
            let mut j = i - 1;
            while j >= 1 {
                if !d.less(j, j - 1) {
                    break;
                }
                d.swap(j, j - 1);
                j -= 1;
            }
        }
        if b - i >= 2 {
            let mut j = i + 1;
            while j < b {
                if !d.less(j, j - 1) {
                    break;
                }
                d.swap(j, j - 1);
                j += 1;
            }
        }
    }
    false
}

fn break_patterns<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    let length = b - a;
    if length >= 8 {
        let mut random = length as u64;
        let modulus = 1_u64 << bit_len(length);
        let mut idx = a + (length / 4) * 2 - 1;
        while idx <= a + (length / 4) * 2 + 1 {
            random ^= random << 13;
            random ^= random >> 17;
            random ^= random << 5;
            let mut other = (random & (modulus - 1)) as i64;
            if other >= length {
                other -= length;
            }
            d.swap(idx, a + other);
            idx += 1;
        }
    }
}

fn choose_pivot<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64) -> (i64, Hint)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    const SHORTEST_NINTHER: i64 = 50;
    const MAX_SWAPS: i64 = 4 * 3;
    let l = b - a;
    let mut swaps = 0;
    let mut i = a + l / 4;
    let mut j = a + l / 4 * 2;
    let mut k = a + l / 4 * 3;
    if l >= 8 {
        if l >= SHORTEST_NINTHER {
            i = median(d, i - 1, i, i + 1, &mut swaps);
            j = median(d, j - 1, j, j + 1, &mut swaps);
            k = median(d, k - 1, k, k + 1, &mut swaps);
        }
        j = median(d, i, j, k, &mut swaps);
    }
    match swaps {
        0 => (j, Hint::Increasing),
        MAX_SWAPS => (j, Hint::Decreasing),
        _ => (j, Hint::Unknown),
    }
}

fn order2<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64, swaps: &mut i64) -> (i64, i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    if d.less(b, a) {
        *swaps += 1;
        return (b, a);
    }
    (a, b)
}

fn median<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64, c: i64, swaps: &mut i64) -> i64
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    let (a, b) = order2(d, a, b, swaps);
    let (b, c) = order2(d, b, c, swaps);
    let _ = c;
    let (_, b) = order2(d, a, b, swaps);
    b
}

fn reverse_range<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    let (mut i, mut j) = (a, b - 1);
    while i < j {
        d.swap(i, j);
        i += 1;
        j -= 1;
    }
}

fn swap_range<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, b: i64, n: i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    for i in 0..n {
        d.swap(a + i, b + i);
    }
}

fn stable_sort<D, T, F>(d: &mut Data<'_, D, T, F>, n: i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    let mut block_size = 20;
    let (mut a, mut b) = (0, block_size);
    while b <= n {
        insertion_sort(d, a, b);
        a = b;
        b += block_size;
    }
    insertion_sort(d, a, n);
    while block_size < n {
        a = 0;
        b = 2 * block_size;
        while b <= n {
            sym_merge(d, a, a + block_size, b);
            a = b;
            b += 2 * block_size;
        }
        let m = a + block_size;
        if m < n {
            sym_merge(d, a, m, n);
        }
        block_size *= 2;
    }
}

fn sym_merge<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, m: i64, b: i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    if m - a == 1 {
        let (mut i, mut j) = (m, b);
        while i < j {
            let h = ((i + j) as u64 >> 1) as i64;
            if d.less(h, a) {
                i = h + 1;
            } else {
                j = h;
            }
        }
        let mut k = a;
        while k < i - 1 {
            d.swap(k, k + 1);
            k += 1;
        }
        return;
    }
    if b - m == 1 {
        let (mut i, mut j) = (a, m);
        while i < j {
            let h = ((i + j) as u64 >> 1) as i64;
            if !d.less(m, h) {
                i = h + 1;
            } else {
                j = h;
            }
        }
        let mut k = m;
        while k > i {
            d.swap(k, k - 1);
            k -= 1;
        }
        return;
    }
    let mid = ((a + b) as u64 >> 1) as i64;
    let n = mid + m;
    let (mut start, mut r) = if m > mid { (n - b, mid) } else { (a, m) };
    let p = n - 1;
    while start < r {
        let c = ((start + r) as u64 >> 1) as i64;
        if !d.less(p - c, c) {
            start = c + 1;
        } else {
            r = c;
        }
    }
    let end = n - start;
    if start < m && m < end {
        rotate(d, start, m, end);
    }
    if a < start && start < mid {
        sym_merge(d, a, start, mid);
    }
    if mid < end && end < b {
        sym_merge(d, mid, end, b);
    }
}

fn rotate<D, T, F>(d: &mut Data<'_, D, T, F>, a: i64, m: i64, b: i64)
where
    D: ?Sized + AsMut<[T]>,
    F: FnMut(&D, i64, i64) -> bool,
{
    let mut i = m - a;
    let mut j = b - m;
    while i != j {
        if i > j {
            swap_range(d, m - i, m, j);
            i -= j;
        } else {
            swap_range(d, m - i, m + j - i, i);
            j -= i;
        }
    }
    swap_range(d, m - i, m, i);
}
