//! Constant arithmetic with arbitrary precision: literal parsing, unary and binary operations,
//! shifts, comparisons, conversion between constant kinds and representability in a basic type.

use crate::constant::ConstValue;
use crate::types::BasicKind;
use goxide_ast::ast::{BinaryOp, LitKind, UnaryOp};
use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};

/// Largest shift count accepted in a constant shift.
pub(crate) const MAX_SHIFT: u64 = 1074;
/// Largest decimal exponent accepted in a float literal.
const MAX_EXP: i64 = 10_000;

fn rat_int(i: BigInt) -> BigRational {
    BigRational::from_integer(i)
}

/// Largest number of bits of an untyped integer constant (as go/types allows).
const MAX_INT_BITS: u64 = 512;

/// Keeps constants within bounded size: integers beyond 512 bits overflow; rationals with huge
/// numerators or denominators are rounded to a 512-bit mantissa. `None` on overflow.
pub(crate) fn limit(v: ConstValue) -> Option<ConstValue> {
    let big = |r: &BigRational| r.numer().bits() + r.denom().bits() > 2 * MAX_INT_BITS + 64;
    let round = |r: BigRational| round_float(&r, MAX_INT_BITS, -20_000, 20_000);
    Some(match v {
        ConstValue::Int(i) if i.bits() > MAX_INT_BITS => return None,
        ConstValue::Float(f) if big(&f) => ConstValue::Float(round(f)?),
        ConstValue::Complex(a, b) if big(&a) || big(&b) => {
            let a = if big(&a) { round(a)? } else { a };
            let b = if big(&b) { round(b)? } else { b };
            ConstValue::Complex(a, b)
        }
        v => v,
    })
}

/// Parses an integer literal (decimal, `0x`, `0o`, `0b`, legacy octal, with `_` separators).
pub(crate) fn parse_int(raw: &str) -> Option<BigInt> {
    let s: String = raw.chars().filter(|&c| c != '_').collect();
    let lower = s.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else if lower.len() > 1 && lower.starts_with('0') {
        (lower[1..].to_string(), 8)
    } else {
        (lower, 10)
    };
    if digits.is_empty() {
        return None;
    }
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

fn pow10(e: i64) -> BigRational {
    let p = num_traits::pow(BigInt::from(10), e.unsigned_abs() as usize);
    if e >= 0 {
        rat_int(p)
    } else {
        BigRational::new(BigInt::one(), p)
    }
}

fn pow2(e: i64) -> BigRational {
    let p = BigInt::one() << (e.unsigned_abs() as usize);
    if e >= 0 {
        rat_int(p)
    } else {
        BigRational::new(BigInt::one(), p)
    }
}

/// Parses a float literal (decimal or hexadecimal mantissa, optional exponent) exactly.
pub(crate) fn parse_float(raw: &str) -> Option<BigRational> {
    let s: String = raw
        .chars()
        .filter(|&c| c != '_')
        .collect::<String>()
        .to_ascii_lowercase();
    if let Some(h) = s.strip_prefix("0x") {
        let (mant, exp) = match h.find('p') {
            Some(i) => (&h[..i], h[i + 1..].parse::<i64>().ok()?),
            None => (h, 0),
        };
        if exp.abs() > MAX_EXP * 4 {
            return None;
        }
        let (ip, fp) = match mant.find('.') {
            Some(i) => (&mant[..i], &mant[i + 1..]),
            None => (mant, ""),
        };
        let all = format!("{ip}{fp}");
        let m = if all.is_empty() {
            BigInt::zero()
        } else {
            BigInt::parse_bytes(all.as_bytes(), 16)?
        };
        return Some(rat_int(m) * pow2(exp - 4 * fp.len() as i64));
    }
    let (mant, exp) = match s.find('e') {
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().ok()?),
        None => (s.as_str(), 0),
    };
    if exp > MAX_EXP {
        return None;
    }
    // A value far below any float's range (`1e-779137`) stays a nonzero tiny constant, as in Go;
    // only its exponent is held at the bound (every use of it as a float is 0 either way).
    let exp = exp.max(-MAX_EXP);
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let all = format!("{ip}{fp}");
    let m = if all.is_empty() {
        BigInt::zero()
    } else {
        BigInt::parse_bytes(all.as_bytes(), 10)?
    };
    Some(rat_int(m) * pow10(exp - fp.len() as i64))
}

/// Decodes escapes of a rune or interpreted string literal body into bytes.
fn unescape(body: &str, quote: char) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut it = body.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            continue;
        }
        let e = it.next()?;
        match e {
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(b'\n'),
            'r' => out.push(b'\r'),
            't' => out.push(b'\t'),
            'v' => out.push(11),
            '\\' => out.push(b'\\'),
            '\'' if quote == '\'' => out.push(b'\''),
            '"' if quote == '"' => out.push(b'"'),
            'x' => {
                let h: String = (0..2).filter_map(|_| it.next()).collect();
                out.push(u8::from_str_radix(&h, 16).ok()?);
            }
            '0'..='7' => {
                let mut o = String::from(e);
                for _ in 0..2 {
                    o.push(it.next()?);
                }
                out.push(u8::try_from(u32::from_str_radix(&o, 8).ok()?).ok()?);
            }
            'u' | 'U' => {
                let n = if e == 'u' { 4 } else { 8 };
                let h: String = (0..n).filter_map(|_| it.next()).collect();
                let c = char::from_u32(u32::from_str_radix(&h, 16).ok()?)?;
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            _ => return None,
        }
    }
    Some(out)
}

/// Parses a rune literal to its code point.
pub(crate) fn parse_rune(raw: &str) -> Option<BigInt> {
    let body = raw.strip_prefix('\'')?.strip_suffix('\'')?;
    if let Some(rest) = body.strip_prefix('\\') {
        let first = rest.chars().next()?;
        if matches!(first, 'x' | '0'..='7') {
            let b = unescape(body, '\'')?;
            return (b.len() == 1).then(|| BigInt::from(b[0]));
        }
        let b = unescape(body, '\'')?;
        let s = String::from_utf8(b).ok()?;
        let mut cs = s.chars();
        let c = cs.next()?;
        return cs.next().is_none().then(|| BigInt::from(c as u32));
    }
    let mut cs = body.chars();
    let c = cs.next()?;
    cs.next().is_none().then(|| BigInt::from(c as u32))
}

/// Parses a string literal (interpreted or raw) to its bytes.
pub(crate) fn parse_string(raw: &str) -> Option<Vec<u8>> {
    if let Some(b) = raw.strip_prefix('`').and_then(|r| r.strip_suffix('`')) {
        return Some(b.replace('\r', "").into_bytes());
    }
    let body = raw.strip_prefix('"')?.strip_suffix('"')?;
    unescape(body, '"')
}

/// The value and untyped kind of a basic literal.
pub(crate) fn parse_lit(kind: LitKind, raw: &str) -> Option<(ConstValue, BasicKind)> {
    Some(match kind {
        LitKind::Int => (ConstValue::Int(parse_int(raw)?), BasicKind::UntypedInt),
        LitKind::Float => (
            ConstValue::Float(parse_float(raw)?),
            BasicKind::UntypedFloat,
        ),
        LitKind::Imag => {
            let body = raw.strip_suffix('i')?;
            let v = if body.contains(['.', 'e', 'E', 'p', 'P'])
                && !body.starts_with("0x")
                && !body.starts_with("0X")
                || body.contains('.')
            {
                parse_float(body)?
            } else if body.len() > 1
                && body.starts_with('0')
                && body.chars().all(|c| c.is_ascii_digit() || c == '_')
            {
                // Imaginary literals with leading zeros are decimal, for compatibility.
                parse_float(body.trim_start_matches('0')).unwrap_or_else(BigRational::zero)
            } else {
                rat_int(parse_int(body)?)
            };
            (
                ConstValue::Complex(BigRational::zero(), v),
                BasicKind::UntypedComplex,
            )
        }
        LitKind::Rune => (ConstValue::Int(parse_rune(raw)?), BasicKind::UntypedRune),
        LitKind::String => (
            ConstValue::String(parse_string(raw)?.into()),
            BasicKind::UntypedString,
        ),
    })
}

/// The constant as a rational, if it is numeric with zero imaginary part.
pub(crate) fn to_rat(v: &ConstValue) -> Option<BigRational> {
    match v {
        ConstValue::Int(i) => Some(rat_int(i.clone())),
        ConstValue::Float(f) => Some(f.clone()),
        ConstValue::Complex(r, i) if i.is_zero() => Some(r.clone()),
        _ => None,
    }
}

/// The constant as an integer, if it is numeric with an integral value.
pub(crate) fn to_int(v: &ConstValue) -> Option<BigInt> {
    match v {
        ConstValue::Int(i) => Some(i.clone()),
        _ => {
            let r = to_rat(v)?;
            r.is_integer().then(|| r.to_integer())
        }
    }
}

fn to_complex(v: &ConstValue) -> Option<(BigRational, BigRational)> {
    match v {
        ConstValue::Complex(r, i) => Some((r.clone(), i.clone())),
        _ => Some((to_rat(v)?, BigRational::zero())),
    }
}

/// Numeric rank of a value's representation: 0 int, 1 float, 2 complex.
fn rank(v: &ConstValue) -> u8 {
    match v {
        ConstValue::Float(_) => 1,
        ConstValue::Complex(..) => 2,
        _ => 0,
    }
}

/// Converts a numeric value to the representation of the given rank.
fn to_rank(v: &ConstValue, r: u8) -> Option<ConstValue> {
    Some(match r {
        0 => ConstValue::Int(to_int(v)?),
        1 => ConstValue::Float(to_rat(v)?),
        _ => {
            let (a, b) = to_complex(v)?;
            ConstValue::Complex(a, b)
        }
    })
}

/// Rounds a rational to the nearest value with a `prec`-bit mantissa (ties to even), with
/// subnormals down to `2^emin`; `None` when the result reaches `2^emax` (overflow).
fn round_float(r: &BigRational, prec: u64, emin: i64, emax: i64) -> Option<BigRational> {
    if r.is_zero() {
        return Some(BigRational::zero());
    }
    let neg = r < &BigRational::zero();
    let a = if neg { -r.clone() } else { r.clone() };
    let (n, d) = (a.numer().clone(), a.denom().clone());
    // Exponent estimate so that a / 2^e has `prec` integer bits.
    let mut e = n.bits() as i64 - d.bits() as i64 - prec as i64;
    let scale = |e: i64| -> BigRational { a.clone() * pow2(-e) };
    let lo = BigInt::one() << ((prec - 1) as usize);
    let hi = BigInt::one() << (prec as usize);
    for _ in 0..4 {
        let q = scale(e).to_integer();
        if q < lo {
            e -= 1;
        } else if q >= hi {
            e += 1;
        } else {
            break;
        }
    }
    if e < emin {
        e = emin;
    }
    let scaled = scale(e);
    let mut q = scaled.floor().to_integer();
    let rem = scaled - rat_int(q.clone());
    let half = BigRational::new(BigInt::one(), BigInt::from(2));
    if rem > half || (rem == half && (&q % 2u32) == BigInt::one()) {
        q += 1;
    }
    let v = rat_int(q) * pow2(e);
    if v >= pow2(emax) {
        return None;
    }
    Some(if neg { -v } else { v })
}

/// Rounds a rational to the nearest float64 value (None on overflow).
pub(crate) fn round_f64(r: &BigRational) -> Option<BigRational> {
    round_float(r, 53, -1074, 1024)
}

fn round_f32(r: &BigRational) -> Option<BigRational> {
    round_float(r, 24, -149, 128)
}

/// Whether (and as which value) `v` is representable in basic kind `k`. Integer targets need
/// an integral value in range; float and complex targets round (overflow is not representable).
pub(crate) fn representable(v: &ConstValue, k: BasicKind) -> Option<ConstValue> {
    use BasicKind::*;
    if *v == ConstValue::Unknown {
        return Some(ConstValue::Unknown);
    }
    match k {
        Bool | UntypedBool => matches!(v, ConstValue::Bool(_)).then(|| v.clone()),
        String | UntypedString => matches!(v, ConstValue::String(_)).then(|| v.clone()),
        UntypedInt | UntypedRune => Some(ConstValue::Int(to_int(v)?)),
        UntypedFloat => Some(ConstValue::Float(to_rat(v)?)),
        UntypedComplex => to_rank(v, 2),
        Float32 => Some(ConstValue::Float(round_f32(&to_rat(v)?)?)),
        Float64 => Some(ConstValue::Float(round_f64(&to_rat(v)?)?)),
        Complex64 => {
            let (a, b) = to_complex(v)?;
            Some(ConstValue::Complex(round_f32(&a)?, round_f32(&b)?))
        }
        Complex128 => {
            let (a, b) = to_complex(v)?;
            Some(ConstValue::Complex(round_f64(&a)?, round_f64(&b)?))
        }
        _ if k.is_integer() => {
            let i = to_int(v)?;
            let bits = k.bits().unwrap_or(64);
            // Integer kinds have at most 64 bits: the bounds fit an i128 (and a value that
            // does not fit one is out of range).
            let fits = match (i.to_i128(), bits) {
                (Some(x), 1..=64) => {
                    if k.is_unsigned() {
                        x >= 0 && x < 1i128 << bits
                    } else {
                        x >= -(1i128 << (bits - 1)) && x < 1i128 << (bits - 1)
                    }
                }
                (Some(_), _) => {
                    let (lo, hi) = if k.is_unsigned() {
                        (BigInt::zero(), (BigInt::one() << bits) - 1)
                    } else {
                        (
                            -(BigInt::one() << (bits - 1)),
                            (BigInt::one() << (bits - 1)) - 1,
                        )
                    };
                    i >= lo && i <= hi
                }
                (None, _) => false,
            };
            fits.then_some(ConstValue::Int(i))
        }
        _ => None,
    }
}

/// Whether the value is numeric and would fit the kind if it were integral (used to tell
/// "truncated" from "overflows" in messages).
pub(crate) fn is_integral(v: &ConstValue) -> bool {
    to_int(v).is_some()
}

pub(crate) fn unary(op: UnaryOp, v: &ConstValue, k: BasicKind) -> Option<ConstValue> {
    Some(match (op, v) {
        (UnaryOp::Pos, _) => v.clone(),
        (UnaryOp::Neg, ConstValue::Int(i)) => ConstValue::Int(-i),
        (UnaryOp::Neg, ConstValue::Float(f)) => ConstValue::Float(-f),
        (UnaryOp::Neg, ConstValue::Complex(a, b)) => ConstValue::Complex(-a, -b),
        (UnaryOp::Not, ConstValue::Bool(b)) => ConstValue::Bool(!b),
        (UnaryOp::BitNot, ConstValue::Int(i)) => {
            if k.is_unsigned() {
                let bits = k.bits().unwrap_or(64);
                let mask = (BigInt::one() << bits) - 1;
                ConstValue::Int(i ^ mask)
            } else {
                ConstValue::Int(-i - 1)
            }
        }
        _ => return None,
    })
}

/// Error of a constant binary operation.
pub(crate) enum ConstErr {
    DivByZero,
    Invalid,
}

pub(crate) fn binary(
    op: BinaryOp,
    x: &ConstValue,
    y: &ConstValue,
    integer_div: bool,
) -> Result<ConstValue, ConstErr> {
    use BinaryOp::*;
    match (x, y) {
        (ConstValue::Bool(a), ConstValue::Bool(b)) => {
            return match op {
                LogAnd => Ok(ConstValue::Bool(*a && *b)),
                LogOr => Ok(ConstValue::Bool(*a || *b)),
                _ => Err(ConstErr::Invalid),
            }
        }
        (ConstValue::String(a), ConstValue::String(b)) => {
            return match op {
                Add => Ok(ConstValue::String(a.concat(b))),
                _ => Err(ConstErr::Invalid),
            }
        }
        _ => {}
    }
    let r = rank(x).max(rank(y));
    let r = if r == 0 && op == Div && !integer_div {
        1
    } else {
        r
    };
    let x = to_rank(x, r).ok_or(ConstErr::Invalid)?;
    let y = to_rank(y, r).ok_or(ConstErr::Invalid)?;
    match (&x, &y) {
        (ConstValue::Int(a), ConstValue::Int(b)) => Ok(ConstValue::Int(match op {
            Add => a + b,
            Sub => a - b,
            Mul => a * b,
            Div | Rem if b.is_zero() => return Err(ConstErr::DivByZero),
            Div => a / b,
            Rem => a % b,
            And => a & b,
            Or => a | b,
            Xor => a ^ b,
            AndNot => a & !b,
            _ => return Err(ConstErr::Invalid),
        })),
        (ConstValue::Float(a), ConstValue::Float(b)) => Ok(ConstValue::Float(match op {
            Add => a + b,
            Sub => a - b,
            Mul => a * b,
            Div if b.is_zero() => return Err(ConstErr::DivByZero),
            Div => a / b,
            _ => return Err(ConstErr::Invalid),
        })),
        (ConstValue::Complex(a, b), ConstValue::Complex(c, d)) => {
            let (re, im) = match op {
                Add => (a + c, b + d),
                Sub => (a - c, b - d),
                Mul => (a * c - b * d, b * c + a * d),
                Div => {
                    let den = c * c + d * d;
                    if den.is_zero() {
                        return Err(ConstErr::DivByZero);
                    }
                    ((a * c + b * d) / &den, (b * c - a * d) / &den)
                }
                _ => return Err(ConstErr::Invalid),
            };
            Ok(ConstValue::Complex(re, im))
        }
        _ => Err(ConstErr::Invalid),
    }
}

pub(crate) fn shift(op: BinaryOp, x: &ConstValue, s: u64) -> Option<ConstValue> {
    let i = to_int(x)?;
    if s > MAX_SHIFT {
        return None;
    }
    Some(ConstValue::Int(match op {
        BinaryOp::Shl => i << (s as usize),
        _ => i >> (s as usize),
    }))
}

pub(crate) fn compare(op: BinaryOp, x: &ConstValue, y: &ConstValue) -> Option<bool> {
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (x, y) {
        (ConstValue::Bool(a), ConstValue::Bool(b)) => {
            return match op {
                BinaryOp::Eq => Some(a == b),
                BinaryOp::Ne => Some(a != b),
                _ => None,
            }
        }
        (ConstValue::String(a), ConstValue::String(b)) => Some(a.cmp(b)),
        _ if rank(x) == 2 || rank(y) == 2 => {
            let eq = to_complex(x)? == to_complex(y)?;
            return match op {
                BinaryOp::Eq => Some(eq),
                BinaryOp::Ne => Some(!eq),
                _ => None,
            };
        }
        _ => Some(to_rat(x)?.cmp(&to_rat(y)?)),
    };
    let o = ord?;
    Some(match op {
        BinaryOp::Eq => o == Ordering::Equal,
        BinaryOp::Ne => o != Ordering::Equal,
        BinaryOp::Lt => o == Ordering::Less,
        BinaryOp::Le => o != Ordering::Greater,
        BinaryOp::Gt => o == Ordering::Greater,
        BinaryOp::Ge => o != Ordering::Less,
        _ => return None,
    })
}

/// Go's rendering of a constant value in messages (`256`, `1.5`, `"s"`, `true`).
pub(crate) fn value_string(v: &ConstValue) -> String {
    match v {
        ConstValue::Bool(b) => b.to_string(),
        ConstValue::String(s) => format!("{:?}", String::from_utf8_lossy(s)),
        ConstValue::Int(i) => i.to_string(),
        ConstValue::Float(f) => {
            if f.is_integer() {
                f.to_integer().to_string()
            } else {
                f.to_f64().map_or_else(|| f.to_string(), |x| format!("{x}"))
            }
        }
        ConstValue::Complex(a, b) => {
            let a = value_string(&ConstValue::Float(a.clone()));
            let b = value_string(&ConstValue::Float(b.clone()));
            format!("({a} + {b}i)")
        }
        ConstValue::Unknown => "unknown".into(),
    }
}
