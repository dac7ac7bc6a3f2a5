//! Go's `io` helpers over Rust readers and writers: `io.EOF`, `io.ReadAll`, `io.Copy`,
//! `io.WriteString`.

use super::errors::Error;
use std::io::{Read, Write};

/// The text of `io.EOF`.
pub const EOF: &str = "EOF";

/// `io.EOF`: equal to every `io.EOF` (see `errors::Sentinel`).
pub fn eof() -> Error {
    super::errors::sentinel(EOF)
}

/// Whether `err` is `io.EOF`.
pub fn is_eof(err: &Error) -> bool {
    super::errors::same(err, &eof())
}

fn other(e: std::io::Error) -> Error {
    super::errors::new(e.to_string())
}

/// `io.ReadAll(r)`: everything up to the end (which is not an error).
pub fn read_all(mut r: impl Read) -> (Vec<u8>, Error) {
    let mut out = Vec::new();
    match r.read_to_end(&mut out) {
        Ok(_) => (out, None),
        Err(e) => (out, other(e)),
    }
}

/// `io.Copy(dst, src)`: the number of bytes copied.
pub fn copy(mut dst: impl Write, mut src: impl Read) -> (i64, Error) {
    let mut buf = [0u8; 32 * 1024];
    let mut total = 0i64;
    loop {
        let n = match src.read(&mut buf) {
            Ok(0) => return (total, None),
            Ok(n) => n,
            Err(e) => return (total, other(e)),
        };
        if let Err(e) = dst.write_all(&buf[..n]) {
            return (total, other(e));
        }
        total += n as i64;
    }
}

/// `io.WriteString(w, s)`.
pub fn write_string(mut w: impl Write, s: &str) -> (i64, Error) {
    match w.write_all(s.as_bytes()) {
        Ok(()) => (s.len() as i64, None),
        Err(e) => (0, other(e)),
    }
}
