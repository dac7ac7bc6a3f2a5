//! Constant values with arbitrary precision, as the Go specification requires for untyped
//! constants: integers are big integers, floats are exact rationals (Go requires at least 256
//! bits of mantissa; an exact rational is at least that precise for everything a program writes).

use num_bigint::BigInt;
use num_rational::BigRational;
use std::sync::{Arc, OnceLock};

#[derive(Clone, Debug, PartialEq)]
pub enum ConstValue {
    Bool(bool),
    /// Go strings are byte strings.
    String(ConstStr),
    Int(BigInt),
    Float(BigRational),
    /// Real and imaginary parts.
    Complex(BigRational, BigRational),
    /// A value that could not be computed (after an error); never emitted.
    Unknown,
}

/// The bytes of a constant string, cheap to clone and to concatenate.
///
/// Generated Go code builds constants of hundreds of kilobytes from thousands of `+` operands
/// (`time/tzdata`), and the checker records the value of every operand chain prefix: copying
/// each prefix would be quadratic. Concatenation of long strings therefore builds a node that
/// refers to both operands and flattens them only when the bytes are read (at most once per
/// node); reading a prefix never forces the whole chain.
#[derive(Clone)]
pub struct ConstStr(Arc<Node>);

struct Node {
    len: usize,
    repr: Repr,
}

enum Repr {
    Flat(Box<[u8]>),
    Concat {
        parts: Option<(ConstStr, ConstStr)>,
        flat: OnceLock<Box<[u8]>>,
    },
}

/// Concatenations shorter than this are copied at once rather than kept as two parts.
const EAGER_CONCAT: usize = 256;

impl ConstStr {
    /// The string's length in bytes (without flattening it).
    pub fn len(&self) -> usize {
        self.0.len
    }

    pub fn is_empty(&self) -> bool {
        self.0.len == 0
    }

    /// The string's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0.repr {
            Repr::Flat(b) => b,
            Repr::Concat { flat, .. } => flat.get_or_init(|| self.flatten()),
        }
    }

    /// `self + other`.
    pub fn concat(&self, other: &ConstStr) -> ConstStr {
        let len = self.len() + other.len();
        if other.is_empty() {
            return self.clone();
        }
        if self.is_empty() {
            return other.clone();
        }
        if len < EAGER_CONCAT {
            return ConstStr::from([self.as_bytes(), other.as_bytes()].concat());
        }
        ConstStr(Arc::new(Node {
            len,
            repr: Repr::Concat {
                parts: Some((self.clone(), other.clone())),
                flat: OnceLock::new(),
            },
        }))
    }

    /// The bytes of all leaves in order, walking the tree without recursion (chains are
    /// thousands of nodes deep); parts already flattened are copied whole.
    fn flatten(&self) -> Box<[u8]> {
        let mut out = Vec::with_capacity(self.len());
        let mut stack: Vec<&ConstStr> = vec![self];
        while let Some(s) = stack.pop() {
            match &s.0.repr {
                Repr::Flat(b) => out.extend_from_slice(b),
                Repr::Concat { parts, flat } => {
                    if let Some(b) = flat.get() {
                        out.extend_from_slice(b);
                    } else if let Some((l, r)) = parts {
                        stack.push(r);
                        stack.push(l);
                    }
                }
            }
        }
        out.into_boxed_slice()
    }
}

impl Drop for Node {
    /// Drops long chains without recursion.
    fn drop(&mut self) {
        let Repr::Concat { parts, .. } = &mut self.repr else {
            return;
        };
        let Some((l, r)) = parts.take() else {
            return;
        };
        let mut stack = vec![l, r];
        while let Some(s) = stack.pop() {
            if let Ok(mut node) = Arc::try_unwrap(s.0) {
                if let Repr::Concat { parts, .. } = &mut node.repr {
                    if let Some((l, r)) = parts.take() {
                        stack.push(l);
                        stack.push(r);
                    }
                }
            }
        }
    }
}

impl From<Vec<u8>> for ConstStr {
    fn from(b: Vec<u8>) -> Self {
        ConstStr(Arc::new(Node {
            len: b.len(),
            repr: Repr::Flat(b.into_boxed_slice()),
        }))
    }
}

impl From<&[u8]> for ConstStr {
    fn from(b: &[u8]) -> Self {
        ConstStr::from(b.to_vec())
    }
}

impl std::ops::Deref for ConstStr {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsRef<[u8]> for ConstStr {
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl PartialEq for ConstStr {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
            || (self.len() == other.len() && self.as_bytes() == other.as_bytes())
    }
}

impl Eq for ConstStr {}

impl std::fmt::Debug for ConstStr {
    /// As the bytes (`[104, 105]`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_bytes(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::ConstStr;

    #[test]
    fn long_chains_concatenate_and_read_back() {
        let piece: Vec<u8> = (0..100u8).collect();
        let mut s = ConstStr::from(Vec::new());
        let mut prefixes = Vec::new();
        for _ in 0..20_000 {
            s = s.concat(&ConstStr::from(piece.clone()));
            prefixes.push(s.clone());
        }
        assert_eq!(s.len(), 2_000_000);
        let bytes = s.as_bytes();
        assert_eq!(bytes.len(), 2_000_000);
        assert!(bytes.chunks(100).all(|c| c == piece.as_slice()));
        assert_eq!(prefixes[9].as_bytes(), &bytes[..1000]);
        assert_eq!(prefixes[9], ConstStr::from(bytes[..1000].to_vec()));
        drop(s);
        drop(prefixes);
    }

    #[test]
    fn short_concatenations_are_flat() {
        let a = ConstStr::from(b"ab".to_vec());
        let b = ConstStr::from(b"cd".to_vec());
        assert_eq!(a.concat(&b).as_bytes(), b"abcd");
        assert_eq!(format!("{:?}", a), "[97, 98]");
    }
}
