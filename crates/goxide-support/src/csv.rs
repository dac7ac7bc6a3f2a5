//! Go's `encoding/csv`: a [`Reader`] with Go's parsing rules (quotes, `LazyQuotes`,
//! `TrimLeadingSpace`, comments, `FieldsPerRecord`, `\r\n`) and `ParseError` texts, and a
//! [`Writer`] that quotes as Go does and buffers like Go's (4096 bytes until `Flush`).
//!
//! Both are handles (Go's `*csv.Reader` / `*csv.Writer`): copies share the state. The exported
//! fields are read and set through methods (`r.comma()`, `r.set_comma(';' as i32)`).

use super::errors::Error;
use std::cell::RefCell;
use std::io::{BufRead, Write as _};
use std::rc::Rc;

/// Go's `csv.ParseError`: `Error()` is Go's text, and it unwraps to `Err`.
#[derive(Debug)]
pub struct ParseError {
    pub start_line: i64,
    pub line: i64,
    pub column: i64,
    pub err: Rc<dyn std::error::Error>,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let field_count = err_field_count();
        if field_count.is_some_and(|e| std::ptr::addr_eq(Rc::as_ptr(&e), Rc::as_ptr(&self.err))) {
            return write!(f, "record on line {}: {}", self.line, self.err);
        }
        if self.start_line != self.line {
            return write!(
                f,
                "record on line {}; parse error on line {}, column {}: {}",
                self.start_line, self.line, self.column, self.err
            );
        }
        write!(
            f,
            "parse error on line {}, column {}: {}",
            self.line, self.column, self.err
        )
    }
}

impl std::error::Error for ParseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.err)
    }
}

thread_local! {
    static ERR_BARE_QUOTE: Error = super::errors::new("bare \" in non-quoted-field");
    static ERR_QUOTE: Error = super::errors::new("extraneous or missing \" in quoted-field");
    static ERR_FIELD_COUNT: Error = super::errors::new("wrong number of fields");
    static ERR_TRAILING_COMMA: Error = super::errors::new("extra delimiter at end of line");
    static ERR_INVALID_DELIM: Error =
        super::errors::new("csv: invalid field or comment delimiter");
}

/// `csv.ErrBareQuote`.
pub fn err_bare_quote() -> Error {
    ERR_BARE_QUOTE.with(Clone::clone)
}

/// `csv.ErrQuote`.
pub fn err_quote() -> Error {
    ERR_QUOTE.with(Clone::clone)
}

/// `csv.ErrFieldCount`.
pub fn err_field_count() -> Error {
    ERR_FIELD_COUNT.with(Clone::clone)
}

/// `csv.ErrTrailingComma`.
pub fn err_trailing_comma() -> Error {
    ERR_TRAILING_COMMA.with(Clone::clone)
}

fn parse_error(start_line: i64, line: i64, column: i64, err: Error) -> Error {
    let err = err.expect("a sentinel error");
    Some(Rc::new(ParseError {
        start_line,
        line,
        column,
        err,
    }))
}

fn valid_delim(r: i32) -> bool {
    r != 0
        && r != '"' as i32
        && r != '\r' as i32
        && r != '\n' as i32
        && u32::try_from(r).ok().and_then(char::from_u32).is_some()
        && r != 0xFFFD
}

fn rune_bytes(r: i32) -> Vec<u8> {
    let c = u32::try_from(r)
        .ok()
        .and_then(char::from_u32)
        .unwrap_or('\u{FFFD}');
    c.to_string().into_bytes()
}

/// The first rune of `b` (U+FFFD when it is not valid UTF-8; 0 when empty is never asked).
fn next_rune(b: &[u8]) -> i32 {
    if b.is_empty() {
        return 0xFFFD;
    }
    let n = b.len().min(4);
    for len in 1..=n {
        if let Ok(s) = std::str::from_utf8(&b[..len]) {
            return s.chars().next().map_or(0xFFFD, |c| c as i32);
        }
    }
    0xFFFD
}

fn length_nl(b: &[u8]) -> usize {
    usize::from(b.last() == Some(&b'\n'))
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

struct ReaderState {
    comma: i32,
    comment: i32,
    fields_per_record: i64,
    lazy_quotes: bool,
    trim_leading_space: bool,
    reuse_record: bool,
    input: Box<dyn BufRead>,
    num_line: i64,
    offset: i64,
    field_positions: Vec<(i64, i64)>,
}

/// Go's `*csv.Reader`.
#[derive(Clone)]
pub struct Reader(Rc<RefCell<ReaderState>>);

impl Reader {
    /// `csv.NewReader(r)` (`Comma` is `','`).
    pub fn new(input: impl std::io::Read + 'static) -> Reader {
        Reader(Rc::new(RefCell::new(ReaderState {
            comma: ',' as i32,
            comment: 0,
            fields_per_record: 0,
            lazy_quotes: false,
            trim_leading_space: false,
            reuse_record: false,
            input: Box::new(std::io::BufReader::new(input)),
            num_line: 0,
            offset: 0,
            field_positions: Vec::new(),
        })))
    }

    pub fn comma(&self) -> i32 {
        self.0.borrow().comma
    }
    pub fn set_comma(&self, r: i32) {
        self.0.borrow_mut().comma = r;
    }
    pub fn comment(&self) -> i32 {
        self.0.borrow().comment
    }
    pub fn set_comment(&self, r: i32) {
        self.0.borrow_mut().comment = r;
    }
    pub fn fields_per_record(&self) -> i64 {
        self.0.borrow().fields_per_record
    }
    pub fn set_fields_per_record(&self, n: i64) {
        self.0.borrow_mut().fields_per_record = n;
    }
    pub fn lazy_quotes(&self) -> bool {
        self.0.borrow().lazy_quotes
    }
    pub fn set_lazy_quotes(&self, b: bool) {
        self.0.borrow_mut().lazy_quotes = b;
    }
    pub fn trim_leading_space(&self) -> bool {
        self.0.borrow().trim_leading_space
    }
    pub fn set_trim_leading_space(&self, b: bool) {
        self.0.borrow_mut().trim_leading_space = b;
    }
    pub fn reuse_record(&self) -> bool {
        self.0.borrow().reuse_record
    }
    pub fn set_reuse_record(&self, b: bool) {
        self.0.borrow_mut().reuse_record = b;
    }

    /// `r.Read()`: the next record, or `io.EOF` (a record read up to a parse error comes
    /// with the error, as in Go).
    pub fn read(&self) -> (Vec<String>, Error) {
        self.0.borrow_mut().read_record()
    }

    /// `r.ReadAll()`: the remaining records; nil error at the end of the input.
    pub fn read_all(&self) -> (Vec<Vec<String>>, Error) {
        let mut records = Vec::new();
        loop {
            let (record, err) = self.read();
            if super::errors::same(&err, &super::errors::eof()) {
                return (records, None);
            }
            if err.is_some() {
                return (Vec::new(), err);
            }
            records.push(record);
        }
    }

    /// `r.FieldPos(i)`: line and column where field `i` of the last record starts.
    pub fn field_pos(&self, field: i64) -> (i64, i64) {
        let s = self.0.borrow();
        match usize::try_from(field)
            .ok()
            .and_then(|i| s.field_positions.get(i))
        {
            Some(&p) => p,
            None => super::rt::go_panic(String::from("out of range index passed to FieldPos")),
        }
    }

    /// `r.InputOffset()`.
    pub fn input_offset(&self) -> i64 {
        self.0.borrow().offset
    }
}

impl ReaderState {
    /// One line with its end (`\r\n` turned into `\n`); `None` at the end of the input.
    fn read_line(&mut self) -> Option<Vec<u8>> {
        let mut line = Vec::new();
        let n = self.input.read_until(b'\n', &mut line).unwrap_or(0);
        if n == 0 {
            self.num_line += 1;
            return None;
        }
        if line.last() != Some(&b'\n') && line.last() == Some(&b'\r') {
            line.pop();
        }
        self.num_line += 1;
        self.offset += n as i64;
        let len = line.len();
        if len >= 2 && line[len - 2] == b'\r' && line[len - 1] == b'\n' {
            line[len - 2] = b'\n';
            line.pop();
        }
        Some(line)
    }

    fn read_record(&mut self) -> (Vec<String>, Error) {
        if self.comma == self.comment
            || !valid_delim(self.comma)
            || (self.comment != 0 && !valid_delim(self.comment))
        {
            return (Vec::new(), ERR_INVALID_DELIM.with(Clone::clone));
        }
        // The first line that is neither a comment nor empty.
        let mut line: Vec<u8>;
        let mut at_eof;
        loop {
            match self.read_line() {
                Some(l) => {
                    line = l;
                    at_eof = false;
                }
                None => {
                    line = Vec::new();
                    at_eof = true;
                }
            }
            if self.comment != 0 && !line.is_empty() && next_rune(&line) == self.comment {
                continue;
            }
            if !at_eof && line.len() == length_nl(&line) {
                continue;
            }
            break;
        }
        if at_eof {
            return (Vec::new(), super::errors::eof());
        }
        let comma = rune_bytes(self.comma);
        let rec_line = self.num_line;
        let mut record: Vec<u8> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        self.field_positions.clear();
        let (mut pos_line, mut pos_col) = (self.num_line, 1i64);
        let mut err: Error = None;
        let mut rest: &[u8] = &line;
        'field: loop {
            if self.trim_leading_space {
                let s = String::from_utf8_lossy(rest);
                let skip = s
                    .char_indices()
                    .find(|&(_, c)| !super::unicode::is_space(c as i32))
                    .map(|(i, _)| i);
                let i = match skip {
                    // Byte offsets of the lossy text equal those of `rest` up to the first
                    // non-space (spaces are valid UTF-8).
                    Some(i) => i,
                    None => {
                        pos_col -= length_nl(rest) as i64;
                        rest.len()
                    }
                };
                rest = &rest[i..];
                pos_col += i as i64;
            }
            if rest.first() != Some(&b'"') {
                // A non-quoted field.
                let i = find(rest, &comma);
                let field = match i {
                    Some(i) => &rest[..i],
                    None => &rest[..rest.len() - length_nl(rest)],
                };
                if !self.lazy_quotes {
                    if let Some(j) = field.iter().position(|&b| b == b'"') {
                        let col = pos_col + j as i64;
                        err = parse_error(rec_line, self.num_line, col, err_bare_quote());
                        break 'field;
                    }
                }
                record.extend_from_slice(field);
                ends.push(record.len());
                self.field_positions.push((pos_line, pos_col));
                match i {
                    Some(i) => {
                        rest = &rest[i + comma.len()..];
                        pos_col += (i + comma.len()) as i64;
                        continue 'field;
                    }
                    None => break 'field,
                }
            }
            // A quoted field.
            let field_pos = (pos_line, pos_col);
            rest = &rest[1..];
            pos_col += 1;
            loop {
                if let Some(i) = rest.iter().position(|&b| b == b'"') {
                    // A quote: the end of the field, or `""`.
                    record.extend_from_slice(&rest[..i]);
                    rest = &rest[i + 1..];
                    pos_col += i as i64 + 1;
                    let rn = if rest.is_empty() { -1 } else { next_rune(rest) };
                    if rn == '"' as i32 {
                        record.push(b'"');
                        rest = &rest[1..];
                        pos_col += 1;
                    } else if rn == self.comma {
                        rest = &rest[comma.len()..];
                        pos_col += comma.len() as i64;
                        ends.push(record.len());
                        self.field_positions.push(field_pos);
                        continue 'field;
                    } else if length_nl(rest) == rest.len() {
                        ends.push(record.len());
                        self.field_positions.push(field_pos);
                        break 'field;
                    } else if self.lazy_quotes {
                        record.push(b'"');
                    } else {
                        err = parse_error(rec_line, self.num_line, pos_col - 1, err_quote());
                        break 'field;
                    }
                } else if !rest.is_empty() {
                    // The field goes on past the end of the line.
                    record.extend_from_slice(rest);
                    pos_col += rest.len() as i64;
                    match self.read_line() {
                        Some(l) => {
                            if !l.is_empty() {
                                pos_line += 1;
                                pos_col = 1;
                            }
                            line = l;
                            rest = &line;
                        }
                        None => {
                            rest = &[];
                        }
                    }
                } else {
                    // The input ended inside the quotes.
                    if !self.lazy_quotes {
                        err = parse_error(rec_line, pos_line, pos_col, err_quote());
                        break 'field;
                    }
                    ends.push(record.len());
                    self.field_positions.push(field_pos);
                    break 'field;
                }
            }
        }
        let mut fields = Vec::with_capacity(ends.len());
        let mut start = 0;
        for &end in &ends {
            fields.push(String::from_utf8_lossy(&record[start..end]).into_owned());
            start = end;
        }
        if self.fields_per_record > 0 {
            if fields.len() as i64 != self.fields_per_record && err.is_none() {
                err = parse_error(rec_line, rec_line, 1, err_field_count());
            }
        } else if self.fields_per_record == 0 {
            self.fields_per_record = fields.len() as i64;
        }
        (fields, err)
    }
}

struct WriterState {
    comma: i32,
    use_crlf: bool,
    output: super::tabwriter::Output,
    buf: Vec<u8>,
    err: Error,
}

/// Go's `*csv.Writer`.
#[derive(Clone)]
pub struct Writer(Rc<RefCell<WriterState>>);

const BUFFER_SIZE: usize = 4096;

impl Writer {
    /// `csv.NewWriter(w)` (`Comma` is `','`).
    pub fn new(output: super::tabwriter::Output) -> Writer {
        Writer(Rc::new(RefCell::new(WriterState {
            comma: ',' as i32,
            use_crlf: false,
            output,
            buf: Vec::new(),
            err: None,
        })))
    }

    pub fn comma(&self) -> i32 {
        self.0.borrow().comma
    }
    pub fn set_comma(&self, r: i32) {
        self.0.borrow_mut().comma = r;
    }
    pub fn use_crlf(&self) -> bool {
        self.0.borrow().use_crlf
    }
    pub fn set_use_crlf(&self, b: bool) {
        self.0.borrow_mut().use_crlf = b;
    }

    fn field_needs_quotes(comma: i32, field: &str) -> bool {
        if field.is_empty() {
            return false;
        }
        if field == "\\." {
            return true;
        }
        let comma_char = u32::try_from(comma).ok().and_then(char::from_u32);
        if field.contains(['\n', '\r', '"']) || comma_char.is_some_and(|c| field.contains(c)) {
            return true;
        }
        field
            .chars()
            .next()
            .is_some_and(|c| super::unicode::is_space(c as i32))
    }

    /// `w.Write(record)`: the record, quoted where needed, into the buffer.
    pub fn write(&self, record: &[String]) -> Error {
        let mut s = self.0.borrow_mut();
        if !valid_delim(s.comma) {
            return ERR_INVALID_DELIM.with(Clone::clone);
        }
        let comma = rune_bytes(s.comma);
        for (n, field) in record.iter().enumerate() {
            if n > 0 {
                s.put(&comma);
            }
            if !Self::field_needs_quotes(s.comma, field) {
                s.put(field.as_bytes());
                continue;
            }
            s.put(b"\"");
            let mut rest = field.as_bytes();
            while !rest.is_empty() {
                let i = rest
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\r' | b'\n'))
                    .unwrap_or(rest.len());
                s.put(&rest[..i]);
                rest = &rest[i..];
                if let Some(&c) = rest.first() {
                    match c {
                        b'"' => s.put(b"\"\""),
                        b'\r' if !s.use_crlf => s.put(b"\r"),
                        b'\n' if s.use_crlf => s.put(b"\r\n"),
                        b'\n' => s.put(b"\n"),
                        _ => {}
                    }
                    rest = &rest[1..];
                }
            }
            s.put(b"\"");
        }
        if s.use_crlf {
            s.put(b"\r\n");
        } else {
            s.put(b"\n");
        }
        s.err.clone()
    }

    /// `w.WriteAll(records)`: writes them and flushes.
    pub fn write_all(&self, records: &[Vec<String>]) -> Error {
        for r in records {
            let err = self.write(r);
            if err.is_some() {
                return err;
            }
        }
        self.flush();
        self.0.borrow().err.clone()
    }

    /// `w.Flush()`.
    pub fn flush(&self) {
        self.0.borrow_mut().flush();
    }

    /// `w.Error()`: the first error a write or flush met.
    pub fn error(&self) -> Error {
        self.0.borrow().err.clone()
    }
}

impl WriterState {
    /// Go's `bufio.Writer.Write` into a 4096-byte buffer.
    fn put(&mut self, mut p: &[u8]) {
        while p.len() > BUFFER_SIZE - self.buf.len() && self.err.is_none() {
            if self.buf.is_empty() {
                // A large write into an empty buffer goes straight out.
                self.out(p);
                return;
            }
            let n = BUFFER_SIZE - self.buf.len();
            self.buf.extend_from_slice(&p[..n]);
            p = &p[n..];
            self.flush();
        }
        if self.err.is_none() {
            self.buf.extend_from_slice(p);
        }
    }

    fn out(&mut self, b: &[u8]) {
        let res = match &self.output {
            super::tabwriter::Output::Stdout => std::io::stdout().lock().write_all(b),
            super::tabwriter::Output::Stderr => std::io::stderr().lock().write_all(b),
            super::tabwriter::Output::Buffer(v) => {
                v.borrow_mut().extend_from_slice(b);
                Ok(())
            }
        };
        if let Err(e) = res {
            self.err = super::errors::new(e.to_string());
        }
    }

    fn flush(&mut self) {
        if self.buf.is_empty() || self.err.is_some() {
            return;
        }
        let b = std::mem::take(&mut self.buf);
        self.out(&b);
    }
}
