//! `encoding/hex`, `encoding/base64`, `encoding/binary`'s byte orders and `hash/crc32`'s IEEE
//! checksum, with Go's results and error texts.

use super::errors::{self, Error};

/// `hex.EncodeToString`: lower-case hexadecimal.
pub fn hex_encode(src: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(src.len() * 2);
    for &b in src {
        s.push(DIGITS[usize::from(b >> 4)] as char);
        s.push(DIGITS[usize::from(b & 0x0f)] as char);
    }
    s
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Go's `hex.InvalidByteError` text: the byte as `%#U`.
fn invalid_hex_byte(b: u8) -> Error {
    let printable = (0x20..0x7f).contains(&b) || b >= 0xa1 && b != 0xad;
    let msg = if printable {
        format!(
            "encoding/hex: invalid byte: U+{:04X} '{}'",
            b,
            char::from(b)
        )
    } else {
        format!("encoding/hex: invalid byte: U+{b:04X}")
    };
    errors::new(msg)
}

/// `hex.DecodeString`: the bytes decoded before any error, and the error.
pub fn hex_decode(s: &str) -> (Vec<u8>, Error) {
    let src = s.as_bytes();
    let mut out = Vec::with_capacity(src.len() / 2);
    for pair in src.chunks_exact(2) {
        let Some(hi) = hex_value(pair[0]) else {
            return (out, invalid_hex_byte(pair[0]));
        };
        let Some(lo) = hex_value(pair[1]) else {
            return (out, invalid_hex_byte(pair[1]));
        };
        out.push(hi << 4 | lo);
    }
    if src.len() % 2 == 1 {
        let last = src[src.len() - 1];
        if hex_value(last).is_none() {
            return (out, invalid_hex_byte(last));
        }
        return (out, errors::new("encoding/hex: odd length hex string"));
    }
    (out, None)
}

/// One of `base64`'s predefined encodings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Base64 {
    alphabet: &'static [u8; 64],
    pad: bool,
}

const STD_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `base64.StdEncoding`.
pub const STD_ENCODING: Base64 = Base64 {
    alphabet: STD_ALPHABET,
    pad: true,
};
/// `base64.URLEncoding`.
pub const URL_ENCODING: Base64 = Base64 {
    alphabet: URL_ALPHABET,
    pad: true,
};
/// `base64.RawStdEncoding`.
pub const RAW_STD_ENCODING: Base64 = Base64 {
    alphabet: STD_ALPHABET,
    pad: false,
};
/// `base64.RawURLEncoding`.
pub const RAW_URL_ENCODING: Base64 = Base64 {
    alphabet: URL_ALPHABET,
    pad: false,
};

impl Base64 {
    /// `(*Encoding).EncodeToString`.
    pub fn encode_to_string(&self, src: &[u8]) -> String {
        let mut s = String::with_capacity(src.len().div_ceil(3) * 4);
        for chunk in src.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let v = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
            let n = chunk.len() + 1;
            for i in 0..4 {
                if i < n {
                    s.push(self.alphabet[(v >> (18 - 6 * i) & 0x3f) as usize] as char);
                } else if self.pad {
                    s.push('=');
                }
            }
        }
        s
    }

    fn value(&self, b: u8) -> Option<u8> {
        self.alphabet.iter().position(|&c| c == b).map(|i| i as u8)
    }

    /// `(*Encoding).DecodeString`: the bytes decoded before any error, and the error (Go's
    /// `CorruptInputError` names the offset of the first bad byte; `\r` and `\n` are skipped).
    pub fn decode_string(&self, s: &str) -> (Vec<u8>, Error) {
        let src = s.as_bytes();
        let mut out = Vec::with_capacity(src.len() / 4 * 3 + 3);
        let mut si = 0;
        while si < src.len() {
            match self.decode_quantum(src, si) {
                Ok((next, bytes, trailing)) => {
                    out.extend_from_slice(&bytes);
                    si = next;
                    if let Some(at) = trailing {
                        return (out, corrupt(at));
                    }
                }
                Err(at) => return (out, corrupt(at)),
            }
        }
        (out, None)
    }

    /// One group of up to four symbols from `si`: where decoding goes on, the bytes, and the
    /// offset of data after the padding; or the offset of a bad byte.
    #[allow(clippy::type_complexity)]
    fn decode_quantum(
        &self,
        src: &[u8],
        mut si: usize,
    ) -> Result<(usize, Vec<u8>, Option<usize>), usize> {
        let mut dbuf = [0u8; 4];
        let mut dlen = 4;
        let mut trailing = None;
        let mut j = 0;
        while j < 4 {
            if si == src.len() {
                if j == 0 {
                    return Ok((si, Vec::new(), None));
                }
                if j == 1 || self.pad {
                    return Err(si - j);
                }
                dlen = j;
                break;
            }
            let c = src[si];
            si += 1;
            if let Some(v) = self.value(c) {
                dbuf[j] = v;
                j += 1;
                continue;
            }
            if c == b'\n' || c == b'\r' {
                continue;
            }
            if !self.pad || c != b'=' {
                return Err(si - 1);
            }
            // Padding: only after two or three symbols.
            match j {
                0 | 1 => return Err(si - 1),
                2 => {
                    while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                        si += 1;
                    }
                    if si == src.len() {
                        return Err(src.len());
                    }
                    if src[si] != b'=' {
                        return Err(si - 1);
                    }
                    si += 1;
                }
                _ => {}
            }
            while si < src.len() && (src[si] == b'\n' || src[si] == b'\r') {
                si += 1;
            }
            if si < src.len() {
                trailing = Some(si);
            }
            dlen = j;
            break;
        }
        let v = u32::from(dbuf[0]) << 18
            | u32::from(dbuf[1]) << 12
            | u32::from(dbuf[2]) << 6
            | u32::from(dbuf[3]);
        let bytes = [(v >> 16) as u8, (v >> 8) as u8, v as u8];
        Ok((si, bytes[..dlen - 1].to_vec(), trailing))
    }
}

fn corrupt(at: usize) -> Error {
    errors::new(format!("illegal base64 data at input byte {at}"))
}

/// `crc32.ChecksumIEEE`.
pub fn crc32_ieee(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                crc >> 1 ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// `binary.BigEndian` and `binary.LittleEndian`: reading and writing unsigned integers in a
/// byte slice. A slice too short panics as Go's does (`index out of range [3] with length 2`:
/// the last byte is checked first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ByteOrder {
    Big,
    Little,
}

/// `binary.BigEndian`.
pub const BIG_ENDIAN: ByteOrder = ByteOrder::Big;
/// `binary.LittleEndian`.
pub const LITTLE_ENDIAN: ByteOrder = ByteOrder::Little;

impl ByteOrder {
    /// The first `N` bytes of `b` in big-endian order.
    fn read<const N: usize>(self, b: &[u8]) -> [u8; N] {
        let _ = b[N - 1];
        let mut a = [0u8; N];
        a.copy_from_slice(&b[..N]);
        if self == ByteOrder::Little {
            a.reverse();
        }
        a
    }

    /// Writes the big-endian bytes `a` into the first `N` bytes of `b` in this order.
    fn write<const N: usize>(self, b: &mut [u8], mut a: [u8; N]) {
        let _ = b[N - 1];
        if self == ByteOrder::Little {
            a.reverse();
        }
        b[..N].copy_from_slice(&a);
    }

    pub fn uint16(self, b: &[u8]) -> u16 {
        u16::from_be_bytes(self.read(b))
    }
    pub fn uint32(self, b: &[u8]) -> u32 {
        u32::from_be_bytes(self.read(b))
    }
    pub fn uint64(self, b: &[u8]) -> u64 {
        u64::from_be_bytes(self.read(b))
    }
    pub fn put_uint16(self, b: &mut [u8], v: u16) {
        self.write(b, v.to_be_bytes());
    }
    pub fn put_uint32(self, b: &mut [u8], v: u32) {
        self.write(b, v.to_be_bytes());
    }
    pub fn put_uint64(self, b: &mut [u8], v: u64) {
        self.write(b, v.to_be_bytes());
    }
    /// `AppendUint16` and its kin: `b` with the bytes of `v` appended.
    pub fn append_uint16(self, mut b: Vec<u8>, v: u16) -> Vec<u8> {
        let mut a = [0u8; 2];
        self.put_uint16(&mut a, v);
        b.extend_from_slice(&a);
        b
    }
    pub fn append_uint32(self, mut b: Vec<u8>, v: u32) -> Vec<u8> {
        let mut a = [0u8; 4];
        self.put_uint32(&mut a, v);
        b.extend_from_slice(&a);
        b
    }
    pub fn append_uint64(self, mut b: Vec<u8>, v: u64) -> Vec<u8> {
        let mut a = [0u8; 8];
        self.put_uint64(&mut a, v);
        b.extend_from_slice(&a);
        b
    }
    /// `String()`: `BigEndian` or `LittleEndian`.
    pub fn string(self) -> String {
        match self {
            ByteOrder::Big => "BigEndian".to_string(),
            ByteOrder::Little => "LittleEndian".to_string(),
        }
    }
}

#[cfg(test)]
mod byte_order_tests {
    use super::*;

    #[test]
    fn reads_and_writes_both_orders() {
        let b = [1u8, 2, 3, 4, 5, 6, 7, 8];
        assert_eq!(BIG_ENDIAN.uint32(&b), 0x0102_0304);
        assert_eq!(LITTLE_ENDIAN.uint32(&b), 0x0403_0201);
        assert_eq!(BIG_ENDIAN.uint16(&b[6..]), 0x0708);
        let mut x = [0u8; 8];
        LITTLE_ENDIAN.put_uint64(&mut x, LITTLE_ENDIAN.uint64(&b));
        assert_eq!(x, b);
        assert_eq!(BIG_ENDIAN.append_uint16(vec![9], 0x0102), vec![9, 1, 2]);
    }

    #[test]
    #[should_panic(expected = "the len is 2 but the index is 3")]
    fn short_slice_panics_at_the_last_byte() {
        BIG_ENDIAN.uint32(&[1, 2]);
    }
}
