//! Go's `text/tabwriter`: text in tab-terminated cells, written out with the cells of each
//! column block padded to a common width, by Go's algorithm (so the output is byte for byte
//! Go's, `Debug` bars, `AlignRight`, `DiscardEmptyColumns`, `TabIndent`, escapes and HTML
//! filtering included).
//!
//! [`Writer`] is Go's `*tabwriter.Writer`: a handle (copies share the writer) over standard
//! output, standard error or a byte buffer.

use std::cell::RefCell;
use std::io::Write as _;
use std::rc::Rc;

/// `tabwriter.FilterHTML`.
pub const FILTER_HTML: u64 = 1;
/// `tabwriter.StripEscape`.
pub const STRIP_ESCAPE: u64 = 2;
/// `tabwriter.AlignRight`.
pub const ALIGN_RIGHT: u64 = 4;
/// `tabwriter.DiscardEmptyColumns`.
pub const DISCARD_EMPTY_COLUMNS: u64 = 8;
/// `tabwriter.TabIndent`.
pub const TAB_INDENT: u64 = 16;
/// `tabwriter.Debug`.
pub const DEBUG: u64 = 32;
/// `tabwriter.Escape`.
pub const ESCAPE: u8 = 0xff;

/// Where a [`Writer`] writes.
#[derive(Clone)]
pub enum Output {
    Stdout,
    Stderr,
    Buffer(Rc<RefCell<Vec<u8>>>),
}

#[derive(Clone, Copy, Default)]
struct Cell {
    /// Size in bytes.
    size: usize,
    /// Width in runes.
    width: usize,
    /// Terminated by a tab (not a line end).
    htab: bool,
}

struct State {
    output: Output,
    minwidth: usize,
    tabwidth: usize,
    padding: usize,
    padchar: u8,
    flags: u64,
    /// Text of the cells so far, without tabs and line breaks.
    buf: Vec<u8>,
    /// How far into `buf` the width of the current cell is counted.
    pos: usize,
    cell: Cell,
    /// The byte that ends the escaped section being read (0: none).
    end_char: u8,
    lines: Vec<Vec<Cell>>,
    widths: Vec<usize>,
    /// Bytes formatted and not yet written out.
    out: Vec<u8>,
}

/// Go's `*tabwriter.Writer`.
#[derive(Clone)]
pub struct Writer(Rc<RefCell<State>>);

impl Writer {
    /// `tabwriter.NewWriter(output, minwidth, tabwidth, padding, padchar, flags)`.
    pub fn new(
        output: Output,
        minwidth: i64,
        tabwidth: i64,
        padding: i64,
        padchar: u8,
        flags: u64,
    ) -> Writer {
        if minwidth < 0 || tabwidth < 0 || padding < 0 {
            super::rt::go_panic(String::from("negative minwidth, tabwidth, or padding"));
        }
        let flags = if padchar == b'\t' {
            flags & !ALIGN_RIGHT
        } else {
            flags
        };
        let mut s = State {
            output,
            minwidth: minwidth as usize,
            tabwidth: tabwidth as usize,
            padding: padding as usize,
            padchar,
            flags,
            buf: Vec::new(),
            pos: 0,
            cell: Cell::default(),
            end_char: 0,
            lines: Vec::new(),
            widths: Vec::new(),
            out: Vec::new(),
        };
        s.reset();
        Writer(Rc::new(RefCell::new(s)))
    }

    /// `w.Write(buf)`: always all of `buf` (text is held until a line ends a column block,
    /// or until `Flush`).
    pub fn write(&self, buf: &[u8]) -> (i64, super::errors::Error) {
        let mut s = self.0.borrow_mut();
        s.write(buf);
        let err = s.emit();
        (buf.len() as i64, err)
    }

    /// `fmt.Fprint(w, …)` and friends: writes the formatted text.
    pub fn write_str(&self, text: &str) {
        self.write(text.as_bytes());
    }

    /// `w.Flush()`: formats and writes out everything held.
    pub fn flush(&self) -> super::errors::Error {
        let mut s = self.0.borrow_mut();
        s.flush();
        s.emit()
    }
}

impl State {
    fn reset(&mut self) {
        self.buf.clear();
        self.pos = 0;
        self.cell = Cell::default();
        self.end_char = 0;
        self.lines.clear();
        self.widths.clear();
        self.lines.push(Vec::new());
    }

    /// Writes the formatted bytes to the output.
    fn emit(&mut self) -> super::errors::Error {
        if self.out.is_empty() {
            return None;
        }
        let out = std::mem::take(&mut self.out);
        let res = match &self.output {
            Output::Stdout => std::io::stdout().lock().write_all(&out),
            Output::Stderr => std::io::stderr().lock().write_all(&out),
            Output::Buffer(b) => {
                b.borrow_mut().extend_from_slice(&out);
                Ok(())
            }
        };
        match res {
            Ok(()) => None,
            Err(e) => super::errors::new(e.to_string()),
        }
    }

    fn write_padding(&mut self, textw: usize, cellw: usize, use_tabs: bool) {
        if self.padchar == b'\t' || use_tabs {
            if self.tabwidth == 0 {
                return; // tabs have no width: no padding
            }
            let cellw = cellw.div_ceil(self.tabwidth) * self.tabwidth;
            let n = cellw.saturating_sub(textw);
            let tabs = n.div_ceil(self.tabwidth);
            self.out.extend(std::iter::repeat_n(b'\t', tabs));
            return;
        }
        let n = cellw.saturating_sub(textw);
        let c = self.padchar;
        self.out.extend(std::iter::repeat_n(c, n));
    }

    fn write_lines(&mut self, pos0: usize, line0: usize, line1: usize) -> usize {
        let mut pos = pos0;
        for i in line0..line1 {
            let line = self.lines[i].clone();
            let mut use_tabs = self.flags & TAB_INDENT != 0;
            for (j, c) in line.iter().enumerate() {
                if j > 0 && self.flags & DEBUG != 0 {
                    self.out.push(b'|');
                }
                let width = self.widths.get(j).copied();
                if c.size == 0 {
                    // An empty cell.
                    if let Some(w) = width {
                        self.write_padding(c.width, w, use_tabs);
                    }
                } else {
                    // Non-empty cell.
                    use_tabs = false;
                    let text = pos..pos + c.size;
                    if self.flags & ALIGN_RIGHT == 0 {
                        self.out.extend_from_slice(&self.buf[text]);
                        if let Some(w) = width {
                            self.write_padding(c.width, w, false);
                        }
                    } else {
                        if let Some(w) = width {
                            self.write_padding(c.width, w, false);
                        }
                        self.out.extend_from_slice(&self.buf[text]);
                    }
                    pos += c.size;
                }
            }
            if i + 1 == self.lines.len() {
                // The last buffered line has no cell for its (incomplete) text.
                let size = self.cell.size;
                self.out.extend_from_slice(&self.buf[pos..pos + size]);
                pos += size;
            } else {
                self.out.push(b'\n');
            }
        }
        pos
    }

    /// Formats the lines `line0..line1`, whose cells left of the current column are laid out
    /// already; returns the position in `buf` after them.
    fn format(&mut self, pos0: usize, line0: usize, line1: usize) -> usize {
        let mut pos = pos0;
        let mut line0 = line0;
        let column = self.widths.len();
        let mut this = line0;
        while this < line1 {
            if column + 1 >= self.lines[this].len() {
                this += 1;
                continue;
            }
            // A block of lines with a cell in this column starts here.
            pos = self.write_lines(pos, line0, this);
            line0 = this;
            let mut width = self.minwidth;
            let mut discardable = true;
            while this < line1 {
                let line = &self.lines[this];
                if column + 1 >= line.len() {
                    break;
                }
                let c = line[column];
                width = width.max(c.width + self.padding);
                if c.width > 0 || c.htab {
                    discardable = false;
                }
                this += 1;
            }
            if discardable && self.flags & DISCARD_EMPTY_COLUMNS != 0 {
                width = 0;
            }
            self.widths.push(width);
            pos = self.format(pos, line0, this);
            self.widths.pop();
            line0 = this;
        }
        self.write_lines(pos, line0, line1)
    }

    fn append(&mut self, text: &[u8]) {
        self.buf.extend_from_slice(text);
        self.cell.size += text.len();
    }

    fn update_width(&mut self) {
        self.cell.width += rune_count(&self.buf[self.pos..]);
        self.pos = self.buf.len();
    }

    fn start_escape(&mut self, ch: u8) {
        self.end_char = match ch {
            ESCAPE => ESCAPE,
            b'<' => b'>',
            b'&' => b';',
            _ => self.end_char,
        };
    }

    fn end_escape(&mut self) {
        match self.end_char {
            ESCAPE => {
                self.update_width();
                if self.flags & STRIP_ESCAPE == 0 {
                    self.cell.width -= 2; // the escape bytes have no width
                }
            }
            b';' => self.cell.width += 1, // an entity counts as one rune
            _ => {}                       // a tag has no width
        }
        self.pos = self.buf.len();
        self.end_char = 0;
    }

    fn terminate_cell(&mut self, htab: bool) -> usize {
        self.cell.htab = htab;
        let c = std::mem::take(&mut self.cell);
        let line = self.lines.last_mut().expect("a line");
        line.push(c);
        line.len()
    }

    fn flush(&mut self) {
        if self.cell.size > 0 {
            if self.end_char != 0 {
                self.end_escape();
            }
            self.terminate_cell(false);
        }
        let n = self.lines.len();
        self.format(0, 0, n);
        self.reset();
    }

    fn write(&mut self, buf: &[u8]) {
        let mut n = 0;
        for (i, &ch) in buf.iter().enumerate() {
            if self.end_char == 0 {
                match ch {
                    b'\t' | b'\x0b' | b'\n' | b'\x0c' => {
                        self.append(&buf[n..i]);
                        self.update_width();
                        n = i + 1;
                        let ncells = self.terminate_cell(ch == b'\t');
                        if ch == b'\n' || ch == b'\x0c' {
                            self.lines.push(Vec::new());
                            if ch == b'\x0c' || ncells == 1 {
                                // A line with one cell (or a form feed) ends the block.
                                self.flush();
                                if ch == b'\x0c' && self.flags & DEBUG != 0 {
                                    self.out.extend_from_slice(b"---\n");
                                }
                            }
                        }
                    }
                    ESCAPE => {
                        self.append(&buf[n..i]);
                        self.update_width();
                        n = i;
                        if self.flags & STRIP_ESCAPE != 0 {
                            n += 1;
                        }
                        self.start_escape(ESCAPE);
                    }
                    b'<' | b'&' if self.flags & FILTER_HTML != 0 => {
                        self.append(&buf[n..i]);
                        self.update_width();
                        n = i;
                        self.start_escape(ch);
                    }
                    _ => {}
                }
            } else if ch == self.end_char {
                let j = if ch == ESCAPE && self.flags & STRIP_ESCAPE != 0 {
                    i
                } else {
                    i + 1
                };
                self.append(&buf[n..j]);
                n = i + 1;
                self.end_escape();
            }
        }
        self.append(&buf[n..]);
    }
}

/// Go's `utf8.RuneCount`: each invalid byte counts as one rune.
fn rune_count(b: &[u8]) -> usize {
    let mut n = 0;
    let mut rest = b;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => return n + s.chars().count(),
            Err(e) => {
                let good = e.valid_up_to();
                n += std::str::from_utf8(&rest[..good]).map_or(0, |s| s.chars().count());
                let bad = e.error_len().unwrap_or(rest.len() - good).max(1);
                // Go counts each byte of an invalid sequence as a rune of its own.
                n += bad;
                rest = &rest[good + bad..];
            }
        }
    }
    n
}
