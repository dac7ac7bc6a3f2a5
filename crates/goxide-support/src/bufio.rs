//! `bufio.Scanner`: tokens (lines, words, runes or bytes) read from a reader, with Go's
//! splitting rules and its 64 KiB token limit.

use super::errors::{self, Error};
use std::cell::RefCell;
use std::io::Read;
use std::rc::Rc;

/// `bufio.MaxScanTokenSize`.
const MAX_TOKEN_SIZE: usize = 64 * 1024;

/// The split functions `bufio` provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// `bufio.ScanLines`: lines without their `\n` (or `\r\n`).
    Lines,
    /// `bufio.ScanWords`: runs of non-space characters.
    Words,
    /// `bufio.ScanRunes`: UTF-8 characters (an invalid byte is U+FFFD).
    Runes,
    /// `bufio.ScanBytes`: single bytes.
    Bytes,
}

/// `*bufio.Scanner`: a handle, so that copies share one scanner as copies of a Go pointer do.
#[derive(Clone)]
pub struct Scanner {
    state: Rc<RefCell<State>>,
}

struct State {
    reader: Box<dyn Read>,
    split: Split,
    buf: Vec<u8>,
    start: usize,
    eof: bool,
    token: Vec<u8>,
    err: Error,
    done: bool,
}

impl std::fmt::Debug for Scanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner")
            .field("split", &self.state.borrow().split)
            .finish()
    }
}

impl Scanner {
    /// `bufio.NewScanner(r)`: splits lines until [`Scanner::split`] says otherwise.
    pub fn new(reader: impl Read + 'static) -> Scanner {
        let state = State {
            reader: Box::new(reader),
            split: Split::Lines,
            buf: Vec::new(),
            start: 0,
            eof: false,
            token: Vec::new(),
            err: None,
            done: false,
        };
        Scanner {
            state: Rc::new(RefCell::new(state)),
        }
    }

    /// `(*Scanner).Split`.
    pub fn split(&self, split: Split) {
        self.state.borrow_mut().split = split;
    }

    /// `(*Scanner).Scan`: advances to the next token; false at the end of the input or on an
    /// error.
    pub fn scan(&self) -> bool {
        self.state.borrow_mut().scan()
    }

    /// `(*Scanner).Text`.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.state.borrow().token).into_owned()
    }

    /// `(*Scanner).Bytes` (a copy).
    pub fn bytes(&self) -> Vec<u8> {
        self.state.borrow().token.clone()
    }

    /// `(*Scanner).Err`: the first error other than the end of the input.
    pub fn err(&self) -> Error {
        self.state.borrow().err.clone()
    }
}

impl State {
    fn scan(&mut self) -> bool {
        if self.done {
            return false;
        }
        loop {
            let data = &self.buf[self.start..];
            if let Some((advance, token)) = split_token(self.split, data, self.eof) {
                self.token = token;
                self.start += advance;
                return true;
            }
            if self.eof {
                self.done = true;
                self.token.clear();
                return false;
            }
            let pending = self.buf.len() - self.start;
            if pending >= MAX_TOKEN_SIZE {
                self.err = errors::new("bufio.Scanner: token too long");
                self.done = true;
                self.token.clear();
                return false;
            }
            if self.start > 0 {
                self.buf.drain(..self.start);
                self.start = 0;
            }
            // Never hold more than Go's largest buffer, so that a token too long for Go is too
            // long here.
            let mut chunk = [0u8; 4096];
            let room = (MAX_TOKEN_SIZE - pending).min(chunk.len());
            match self.reader.read(&mut chunk[..room]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.buf.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.err = errors::new(e.to_string());
                    self.done = true;
                    self.token.clear();
                    return false;
                }
            }
        }
    }
}

/// Go's `unicode.IsSpace` for the characters `bufio.ScanWords` separates on.
fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{85}' | '\u{A0}' | '\u{1680}'
    ) || ('\u{2000}'..='\u{200a}').contains(&c)
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
        )
}

/// The first character of `data` (U+FFFD and one byte when it is not valid UTF-8), or `None`
/// when `data` may hold the start of a longer character.
fn first_char(data: &[u8], at_eof: bool) -> Option<(char, usize)> {
    let n = data.len().min(4);
    for len in 1..=n {
        if let Ok(s) = std::str::from_utf8(&data[..len]) {
            return s.chars().next().map(|c| (c, len));
        }
    }
    match std::str::from_utf8(&data[..n]) {
        Err(e) if e.error_len().is_none() && !at_eof => None,
        _ => Some(('\u{FFFD}', 1)),
    }
}

/// One token of `data`: how far to advance and the token; `None` when more input is needed.
fn split_token(split: Split, data: &[u8], at_eof: bool) -> Option<(usize, Vec<u8>)> {
    match split {
        Split::Lines => {
            if at_eof && data.is_empty() {
                return None;
            }
            let drop_cr = |line: &[u8]| match line.strip_suffix(b"\r") {
                Some(l) => l.to_vec(),
                None => line.to_vec(),
            };
            if let Some(i) = data.iter().position(|&b| b == b'\n') {
                return Some((i + 1, drop_cr(&data[..i])));
            }
            if at_eof {
                return Some((data.len(), drop_cr(data)));
            }
            None
        }
        Split::Bytes => data.first().map(|&b| (1, vec![b])),
        Split::Runes => {
            if data.is_empty() {
                return None;
            }
            let (c, n) = first_char(data, at_eof)?;
            let mut tmp = [0u8; 4];
            Some((n, c.encode_utf8(&mut tmp).as_bytes().to_vec()))
        }
        Split::Words => {
            // Skip leading spaces.
            let mut start = 0;
            while start < data.len() {
                let (c, n) = first_char(&data[start..], at_eof)?;
                if !is_space(c) {
                    break;
                }
                start += n;
            }
            let mut i = start;
            while i < data.len() {
                let (c, n) = first_char(&data[i..], at_eof)?;
                if is_space(c) {
                    return Some((i + n, data[start..i].to_vec()));
                }
                i += n;
            }
            if at_eof && i > start {
                return Some((data.len(), data[start..].to_vec()));
            }
            None
        }
    }
}
