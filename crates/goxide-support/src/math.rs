//! Go's `math` functions whose special cases differ from Rust's `f64` methods.

/// `math.Max(x, y)`: NaN when either is NaN; `+0` beats `-0`.
pub fn max(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && y == 0.0 {
        return if x.is_sign_negative() { y } else { x };
    }
    if x > y {
        x
    } else {
        y
    }
}

/// `math.Min(x, y)`: NaN when either is NaN; `-0` beats `+0`.
pub fn min(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && y == 0.0 {
        return if x.is_sign_negative() { x } else { y };
    }
    if x < y {
        x
    } else {
        y
    }
}

/// `math.IsInf(x, sign)`: infinite with the sign of `sign` (either when it is 0).
pub fn is_inf(x: f64, sign: i64) -> bool {
    (sign >= 0 && x == f64::INFINITY) || (sign <= 0 && x == f64::NEG_INFINITY)
}

/// `sort.Float64s(a)`: ascending, NaNs first.
pub fn sort_float64s(a: &mut [f64]) {
    a.sort_by(|x, y| match (x.is_nan(), y.is_nan()) {
        (true, true) => std::cmp::Ordering::Equal,
        (true, false) => std::cmp::Ordering::Less,
        (false, true) => std::cmp::Ordering::Greater,
        _ => x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal),
    });
}

/// `sort.Float64sAreSorted(a)`.
pub fn float64s_are_sorted(a: &[f64]) -> bool {
    a.windows(2)
        .all(|w| !(w[1] < w[0] || (w[1].is_nan() && !w[0].is_nan())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_go() {
        assert!(max(1.0, f64::NAN).is_nan());
        assert!(max(-0.0, 0.0).is_sign_positive());
        assert!(min(0.0, -0.0).is_sign_negative());
        assert!(is_inf(f64::INFINITY, 0) && !is_inf(f64::INFINITY, -1));
        let mut a = [3.0, f64::NAN, -1.0];
        sort_float64s(&mut a);
        assert!(a[0].is_nan() && a[1] == -1.0 && float64s_are_sorted(&a));
    }
}
