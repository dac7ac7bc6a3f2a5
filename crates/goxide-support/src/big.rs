//! `math/big`'s `*big.Int` over `num-bigint`: an [`Int`] is a shared handle (copies are the
//! same number, as copies of a Go `*big.Int` are), and the methods set their receiver and
//! return it, as Go's do (`z.Add(x, y)`). `Div`/`Mod` are Euclidean and `Quo`/`Rem` truncated,
//! as in Go; division by zero panics with Go's message.

use num_bigint::{BigInt, Sign};
use std::cell::RefCell;
use std::rc::Rc;

/// `*big.Int`; the default value is Go's nil pointer.
#[derive(Clone, Default)]
pub struct Int(Option<Rc<RefCell<BigInt>>>);

fn zero() -> BigInt {
    BigInt::from(0)
}

impl Int {
    /// `new(big.Int)`: zero.
    pub fn new() -> Int {
        Int(Some(Rc::new(RefCell::new(zero()))))
    }

    /// `big.NewInt(x)`.
    pub fn from_i64(x: i64) -> Int {
        Int(Some(Rc::new(RefCell::new(BigInt::from(x)))))
    }

    fn cell(&self) -> &RefCell<BigInt> {
        match &self.0 {
            Some(c) => c,
            None => super::rt::nil_deref(),
        }
    }

    /// The value (a copy).
    pub fn get(&self) -> BigInt {
        self.cell().borrow().clone()
    }

    fn set_value(&self, v: BigInt) -> Int {
        *self.cell().borrow_mut() = v;
        self.clone()
    }

    /// Whether this is Go's nil `*big.Int` (`x == nil`).
    pub fn is_none(&self) -> bool {
        self.0.is_none()
    }

    /// `x != nil`.
    pub fn is_some(&self) -> bool {
        self.0.is_some()
    }

    /// `z.Set(x)`.
    pub fn set(&self, x: &Int) -> Int {
        self.set_value(x.get())
    }

    /// `z.SetInt64(x)`.
    pub fn set_int64(&self, x: i64) -> Int {
        self.set_value(BigInt::from(x))
    }

    /// `z.SetUint64(x)`.
    pub fn set_uint64(&self, x: u64) -> Int {
        self.set_value(BigInt::from(x))
    }

    /// `z.Add(x, y)`.
    pub fn add(&self, x: &Int, y: &Int) -> Int {
        self.set_value(x.get() + y.get())
    }

    /// `z.Sub(x, y)`.
    pub fn sub(&self, x: &Int, y: &Int) -> Int {
        self.set_value(x.get() - y.get())
    }

    /// `z.Mul(x, y)`.
    pub fn mul(&self, x: &Int, y: &Int) -> Int {
        self.set_value(x.get() * y.get())
    }

    /// Truncated quotient and remainder; Go's panic on a zero divisor.
    fn quo_rem(x: &Int, y: &Int) -> (BigInt, BigInt) {
        let (x, y) = (x.get(), y.get());
        if y.sign() == Sign::NoSign {
            super::rt::go_panic("division by zero");
        }
        (&x / &y, &x % &y)
    }

    /// Euclidean quotient and modulus (`0 <= m < |y|`).
    fn div_mod(x: &Int, y: &Int) -> (BigInt, BigInt) {
        let (mut q, mut r) = Int::quo_rem(x, y);
        if r.sign() == Sign::Minus {
            let y = y.get();
            if y.sign() == Sign::Plus {
                q -= 1;
                r += y;
            } else {
                q += 1;
                r -= y;
            }
        }
        (q, r)
    }

    /// `z.Quo(x, y)`: truncated.
    pub fn quo(&self, x: &Int, y: &Int) -> Int {
        self.set_value(Int::quo_rem(x, y).0)
    }

    /// `z.Rem(x, y)`: truncated.
    pub fn rem(&self, x: &Int, y: &Int) -> Int {
        self.set_value(Int::quo_rem(x, y).1)
    }

    /// `z.Div(x, y)`: Euclidean.
    pub fn div(&self, x: &Int, y: &Int) -> Int {
        self.set_value(Int::div_mod(x, y).0)
    }

    /// `z.Mod(x, y)`: Euclidean.
    pub fn modulo(&self, x: &Int, y: &Int) -> Int {
        self.set_value(Int::div_mod(x, y).1)
    }

    /// `z.DivMod(x, y, m)`.
    pub fn div_mod_into(&self, x: &Int, y: &Int, m: &Int) -> (Int, Int) {
        let (q, r) = Int::div_mod(x, y);
        m.set_value(r);
        (self.set_value(q), m.clone())
    }

    /// `z.QuoRem(x, y, r)`.
    pub fn quo_rem_into(&self, x: &Int, y: &Int, r: &Int) -> (Int, Int) {
        let (q, rest) = Int::quo_rem(x, y);
        r.set_value(rest);
        (self.set_value(q), r.clone())
    }

    /// `z.Exp(x, y, m)`: `x**y`, modulo `|m|` when `m` is not nil or zero; 1 when `y <= 0`
    /// (without a modulus).
    pub fn exp(&self, x: &Int, y: &Int, m: Option<&Int>) -> Int {
        let (x, y) = (x.get(), y.get());
        let m = m.map(Int::get).filter(|m| m.sign() != Sign::NoSign);
        if y.sign() != Sign::Plus {
            return self.set_value(BigInt::from(1));
        }
        let v = match m {
            Some(m) => {
                let m = m.magnitude().clone().into();
                let r = x.modpow(&y, &m);
                if r.sign() == Sign::Minus {
                    r + m
                } else {
                    r
                }
            }
            None => {
                let mut result = BigInt::from(1);
                let mut base = x;
                let mut e = y;
                let two = BigInt::from(2);
                while e.sign() == Sign::Plus {
                    if &e % &two == BigInt::from(1) {
                        result *= &base;
                    }
                    e /= &two;
                    if e.sign() == Sign::Plus {
                        base = &base * &base;
                    }
                }
                result
            }
        };
        self.set_value(v)
    }

    /// `z.Neg(x)`.
    pub fn neg(&self, x: &Int) -> Int {
        self.set_value(-x.get())
    }

    /// `z.Abs(x)`.
    pub fn abs(&self, x: &Int) -> Int {
        self.set_value(BigInt::from(x.get().magnitude().clone()))
    }

    /// `z.Sqrt(x)`: the floor square root; Go panics for a negative `x`.
    pub fn sqrt(&self, x: &Int) -> Int {
        let v = x.get();
        if v.sign() == Sign::Minus {
            super::rt::go_panic("square root of negative number");
        }
        self.set_value(v.sqrt())
    }

    /// `z.GCD(nil, nil, a, b)`.
    pub fn gcd(&self, a: &Int, b: &Int) -> Int {
        let (mut a, mut b) = (a.get(), b.get());
        if a.sign() != Sign::Plus || b.sign() != Sign::Plus {
            // Go: zero when either is zero, and the other's |value| cases; keep it simple.
            if a.sign() == Sign::NoSign {
                return self.set_value(BigInt::from(b.magnitude().clone()));
            }
            if b.sign() == Sign::NoSign {
                return self.set_value(BigInt::from(a.magnitude().clone()));
            }
            a = BigInt::from(a.magnitude().clone());
            b = BigInt::from(b.magnitude().clone());
        }
        while b.sign() != Sign::NoSign {
            let r = &a % &b;
            a = b;
            b = r;
        }
        self.set_value(a)
    }

    /// `x.Cmp(y)`: -1, 0 or +1.
    #[allow(clippy::should_implement_trait)]
    pub fn cmp(&self, y: &Int) -> i64 {
        match self.get().cmp(&y.get()) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }
    }

    /// `x.CmpAbs(y)`.
    pub fn cmp_abs(&self, y: &Int) -> i64 {
        match self.get().magnitude().cmp(y.get().magnitude()) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }
    }

    /// `x.Sign()`.
    pub fn sign(&self) -> i64 {
        match self.get().sign() {
            Sign::Minus => -1,
            Sign::NoSign => 0,
            Sign::Plus => 1,
        }
    }

    /// `x.Int64()` (the low 64 bits, as Go's).
    pub fn int64(&self) -> i64 {
        let v = self.get();
        let (sign, digits) = v.to_u64_digits();
        let low = digits.first().copied().unwrap_or(0) as i64;
        if sign == Sign::Minus {
            low.wrapping_neg()
        } else {
            low
        }
    }

    /// `x.Uint64()` (the low 64 bits).
    pub fn uint64(&self) -> u64 {
        self.get().to_u64_digits().1.first().copied().unwrap_or(0)
    }

    /// `x.IsInt64()`.
    pub fn is_int64(&self) -> bool {
        i64::try_from(self.get()).is_ok()
    }

    /// `x.BitLen()`.
    pub fn bit_len(&self) -> i64 {
        self.get().bits() as i64
    }

    /// `x.String()`: decimal; `<nil>` for nil.
    pub fn string(&self) -> String {
        match &self.0 {
            Some(c) => c.borrow().to_str_radix(10),
            None => "<nil>".to_string(),
        }
    }

    /// `x.Text(base)`: lower-case digits.
    pub fn text(&self, base: i64) -> String {
        match &self.0 {
            Some(c) => c.borrow().to_str_radix(base as u32),
            None => "<nil>".to_string(),
        }
    }

    /// `z.SetString(s, base)`: `(z, true)`, or `(nil, false)` when `s` is not a number in
    /// `base` (base 0: a `0x`, `0o`, `0b` or `0` prefix says, and `_` may separate digits).
    pub fn set_string(&self, s: &str, base: i64) -> (Int, bool) {
        match parse(s, base) {
            Some(v) => (self.set_value(v), true),
            None => (Int::default(), false),
        }
    }
}

/// Go's `Int.SetString` syntax.
fn parse(s: &str, base: i64) -> Option<BigInt> {
    let (neg, rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits, underscores) = if base == 0 {
        let lower = rest.to_ascii_lowercase();
        // An underscore may follow a base prefix.
        let after = |n: usize| rest[n..].strip_prefix('_').unwrap_or(&rest[n..]);
        if lower.starts_with("0x") {
            (16, after(2), true)
        } else if lower.starts_with("0b") {
            (2, after(2), true)
        } else if lower.starts_with("0o") {
            (8, after(2), true)
        } else if rest.len() > 1 && rest.starts_with('0') {
            (8, after(1), true)
        } else {
            (10, rest, true)
        }
    } else if (2..=62).contains(&base) {
        (base as u32, rest, false)
    } else {
        return None;
    };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') {
        return None;
    }
    if digits.contains("__") || (!underscores && digits.contains('_')) {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if radix > 36 {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), radix)?;
    Some(if neg { -v } else { v })
}

impl super::fmt::Format for Int {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, verb: char) {
        let Some(c) = &self.0 else {
            f.pad("<nil>");
            return;
        };
        let v = c.borrow();
        let text = match verb {
            'v' | 'd' | 's' => v.to_str_radix(10),
            'x' => v.to_str_radix(16),
            'X' => v.to_str_radix(16).to_uppercase(),
            'o' => v.to_str_radix(8),
            'b' => v.to_str_radix(2),
            _ => {
                drop(v);
                f.bad_verb(verb, self);
                return;
            }
        };
        f.pad(&text);
    }
    fn type_name(&self) -> String {
        "*big.Int".to_string()
    }
    fn go_type() -> String {
        "*big.Int".to_string()
    }
}
