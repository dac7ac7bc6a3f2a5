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

/// `*bufio.Reader`: a handle (copies share the buffer, as copies of a Go pointer do).
#[derive(Clone)]
pub struct Reader {
    state: Rc<RefCell<ReaderState>>,
}

struct ReaderState {
    reader: Box<dyn Read>,
    buf: Vec<u8>,
    eof: bool,
    err: Error,
}

impl ReaderState {
    /// Reads more input; false at the end (or on an error, kept for the caller).
    fn fill(&mut self) -> bool {
        if self.eof {
            return false;
        }
        let mut chunk = [0u8; 4096];
        match self.reader.read(&mut chunk) {
            Ok(0) => {
                self.eof = true;
                false
            }
            Ok(n) => {
                self.buf.extend_from_slice(&chunk[..n]);
                true
            }
            Err(e) => {
                self.eof = true;
                self.err = errors::new(e.to_string());
                false
            }
        }
    }

    fn end_error(&mut self) -> Error {
        match self.err.take() {
            Some(e) => Some(e),
            None => super::io::eof(),
        }
    }
}

impl Reader {
    /// `bufio.NewReader(r)`.
    pub fn new(reader: impl Read + 'static) -> Reader {
        Reader {
            state: Rc::new(RefCell::new(ReaderState {
                reader: Box::new(reader),
                buf: Vec::new(),
                eof: false,
                err: None,
            })),
        }
    }

    /// `r.ReadBytes(delim)`: up to and including `delim`; at the end, what is left and
    /// `io.EOF`.
    pub fn read_bytes(&self, delim: u8) -> (Vec<u8>, Error) {
        let mut st = self.state.borrow_mut();
        let mut from = 0;
        loop {
            if let Some(i) = st.buf[from..].iter().position(|&b| b == delim) {
                let line: Vec<u8> = st.buf.drain(..from + i + 1).collect();
                return (line, None);
            }
            from = st.buf.len();
            if !st.fill() {
                let rest = std::mem::take(&mut st.buf);
                return (rest, st.end_error());
            }
        }
    }

    /// `r.ReadString(delim)`.
    pub fn read_string(&self, delim: u8) -> (String, Error) {
        let (b, err) = self.read_bytes(delim);
        (String::from_utf8_lossy(&b).into_owned(), err)
    }

    /// `r.ReadLine()`: a line without its `\n` or `\r\n`, `isPrefix` (always false: lines are
    /// not split), and `io.EOF` once nothing is left.
    pub fn read_line(&self) -> (Vec<u8>, bool, Error) {
        let (mut line, err) = self.read_bytes(b'\n');
        if line.is_empty() {
            return (line, false, err);
        }
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        (line, false, None)
    }

    /// `r.ReadRune()`: the next character, its size, or `io.EOF`.
    pub fn read_rune(&self) -> (i32, i64, Error) {
        let mut st = self.state.borrow_mut();
        while st.buf.len() < 4 && st.fill() {}
        if st.buf.is_empty() {
            return (0, 0, st.end_error());
        }
        let (r, n) = super::unicode::decode_rune(&st.buf);
        st.buf.drain(..n as usize);
        (r, n, None)
    }

    /// `r.ReadByte()`.
    pub fn read_byte(&self) -> (u8, Error) {
        let mut st = self.state.borrow_mut();
        if st.buf.is_empty() && !st.fill() {
            return (0, st.end_error());
        }
        let b = st.buf.remove(0);
        (b, None)
    }
}

impl Read for Reader {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let mut st = self.state.borrow_mut();
        if st.buf.is_empty() && !st.fill() {
            return match st.err.take() {
                Some(e) => Err(std::io::Error::other(e.to_string())),
                None => Ok(0),
            };
        }
        let n = out.len().min(st.buf.len());
        out[..n].copy_from_slice(&st.buf[..n]);
        st.buf.drain(..n);
        Ok(n)
    }
}

/// `*bufio.Writer`: a handle over a buffer that `Flush` writes out.
#[derive(Clone)]
pub struct Writer {
    state: Rc<RefCell<WriterState>>,
}

struct WriterState {
    writer: Box<dyn std::io::Write>,
    buf: Vec<u8>,
    err: Error,
}

/// `bufio`'s default buffer size.
const DEFAULT_SIZE: usize = 4096;

impl Writer {
    /// `bufio.NewWriter(w)`.
    pub fn new(writer: impl std::io::Write + 'static) -> Writer {
        Writer {
            state: Rc::new(RefCell::new(WriterState {
                writer: Box::new(writer),
                buf: Vec::new(),
                err: None,
            })),
        }
    }

    /// `w.Write(b)`: buffered; a full buffer is written out first, as in Go.
    pub fn write(&self, b: &[u8]) -> (i64, Error) {
        {
            let st = self.state.borrow();
            if st.err.is_some() {
                return (0, st.err.clone());
            }
        }
        if self.state.borrow().buf.len() + b.len() > DEFAULT_SIZE {
            let err = self.flush();
            if err.is_some() {
                return (0, err);
            }
        }
        self.state.borrow_mut().buf.extend_from_slice(b);
        (b.len() as i64, None)
    }

    /// `w.WriteString(s)`.
    pub fn write_string(&self, s: &str) -> (i64, Error) {
        self.write(s.as_bytes())
    }

    /// `w.WriteByte(c)`.
    pub fn write_byte(&self, c: u8) -> Error {
        self.write(&[c]).1
    }

    /// `w.WriteRune(r)`.
    pub fn write_rune(&self, r: i32) -> (i64, Error) {
        self.write(super::rt::rune_to_string(r as i64).as_bytes())
    }

    /// `w.Buffered()`.
    pub fn buffered(&self) -> i64 {
        self.state.borrow().buf.len() as i64
    }

    /// `w.Flush()`.
    pub fn flush(&self) -> Error {
        let mut st = self.state.borrow_mut();
        if st.err.is_some() {
            return st.err.clone();
        }
        let buf = std::mem::take(&mut st.buf);
        let r = st.writer.write_all(&buf).and_then(|_| st.writer.flush());
        if let Err(e) = r {
            st.err = errors::new(e.to_string());
            return st.err.clone();
        }
        None
    }
}

impl std::io::Write for Writer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        match Writer::write(self, b) {
            (n, None) => Ok(n as usize),
            (_, Some(e)) => Err(std::io::Error::other(e.to_string())),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
