//! Constant values with arbitrary precision, as the Go specification requires for untyped
//! constants: integers are big integers, floats are exact rationals (Go requires at least 256
//! bits of mantissa; an exact rational is at least that precise for everything a program writes).

use num_bigint::BigInt;
use num_rational::BigRational;

#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Bool(bool),
    /// Go strings are byte strings.
    String(Vec<u8>),
    Int(BigInt),
    Float(BigRational),
    /// Real and imaginary parts.
    Complex(BigRational, BigRational),
    /// A value that could not be computed (after an error); never emitted.
    Unknown,
}
