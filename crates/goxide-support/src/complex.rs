//! Go's `complex128`: a pair of `f64` with Go's arithmetic.
//!
//! `fmt` prints it as Go does (`(1+2i)`); the builtin `print` form is
//! `super::rt::print_complex`.

use std::ops::{Add, AddAssign, Div, DivAssign, Mul, MulAssign, Neg, Sub, SubAssign};

/// A Go `complex128` (also used for `complex64` values, rounded to `f32`
/// parts by the translated code).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Complex128 {
    /// The real part, Go's `real(z)`.
    pub re: f64,
    /// The imaginary part, Go's `imag(z)`.
    pub im: f64,
}

/// Go's `complex(re, im)`.
pub fn complex(re: f64, im: f64) -> Complex128 {
    Complex128 { re, im }
}

impl Complex128 {
    /// Go's `complex(re, im)`.
    pub const fn new(re: f64, im: f64) -> Self {
        Complex128 { re, im }
    }

    /// Go's `real(z)`.
    pub fn real(self) -> f64 {
        self.re
    }

    /// Go's `imag(z)`.
    pub fn imag(self) -> f64 {
        self.im
    }

    /// The value as a Go `complex64`: both parts rounded to `f32`.
    pub fn to_complex64(self) -> Complex128 {
        Complex128 {
            re: self.re as f32 as f64,
            im: self.im as f32 as f64,
        }
    }
}

impl Add for Complex128 {
    type Output = Complex128;
    fn add(self, o: Complex128) -> Complex128 {
        Complex128::new(self.re + o.re, self.im + o.im)
    }
}

impl Sub for Complex128 {
    type Output = Complex128;
    fn sub(self, o: Complex128) -> Complex128 {
        Complex128::new(self.re - o.re, self.im - o.im)
    }
}

impl Mul for Complex128 {
    type Output = Complex128;
    fn mul(self, o: Complex128) -> Complex128 {
        Complex128::new(
            self.re * o.re - self.im * o.im,
            self.re * o.im + self.im * o.re,
        )
    }
}

fn bool_to_float(b: bool) -> f64 {
    if b {
        1.0
    } else {
        0.0
    }
}

impl Div for Complex128 {
    type Output = Complex128;
    /// Go's complex division: Smith's algorithm, with C99's corrections to
    /// infinities and zeros when both parts come out NaN.
    fn div(self, m: Complex128) -> Complex128 {
        let (a, b, c, d) = (self.re, self.im, m.re, m.im);
        let (mut e, mut f);
        if c.abs() >= d.abs() {
            let ratio = d / c;
            let denom = c + ratio * d;
            e = (a + b * ratio) / denom;
            f = (b - a * ratio) / denom;
        } else {
            let ratio = c / d;
            let denom = d + ratio * c;
            e = (a * ratio + b) / denom;
            f = (b * ratio - a) / denom;
        }
        if e.is_nan() && f.is_nan() {
            let inf = f64::INFINITY;
            if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
                e = inf.copysign(c) * a;
                f = inf.copysign(c) * b;
            } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
                let a = bool_to_float(a.is_infinite()).copysign(a);
                let b = bool_to_float(b.is_infinite()).copysign(b);
                e = inf * (a * c + b * d);
                f = inf * (b * c - a * d);
            } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
                let c = bool_to_float(c.is_infinite()).copysign(c);
                let d = bool_to_float(d.is_infinite()).copysign(d);
                e = 0.0 * (a * c + b * d);
                f = 0.0 * (b * c - a * d);
            }
        }
        Complex128::new(e, f)
    }
}

impl Neg for Complex128 {
    type Output = Complex128;
    fn neg(self) -> Complex128 {
        Complex128::new(-self.re, -self.im)
    }
}

impl AddAssign for Complex128 {
    fn add_assign(&mut self, o: Complex128) {
        *self = *self + o;
    }
}

impl SubAssign for Complex128 {
    fn sub_assign(&mut self, o: Complex128) {
        *self = *self - o;
    }
}

impl MulAssign for Complex128 {
    fn mul_assign(&mut self, o: Complex128) {
        *self = *self * o;
    }
}

impl DivAssign for Complex128 {
    fn div_assign(&mut self, o: Complex128) {
        *self = *self / o;
    }
}
