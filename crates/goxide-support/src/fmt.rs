//! Go's `fmt` package: `Printf`-family formatting with Go 1.19's output.
//!
//! Every value a translated program formats implements [`Format`]; the
//! entry points take the operands as `&[&dyn Format]`:
//!
//! ```ignore
//! // fmt.Printf("%d items: %v\n", n, xs)
//! support::fmt::printf("%d items: %v\n", &[&n, &xs]);
//! ```
//!
//! Go struct types get a `Format` impl generated next to them that calls
//! [`Formatter::write_struct`]:
//!
//! ```ignore
//! impl support::fmt::Format for Point {
//!     fn fmt(&self, f: &mut support::fmt::Formatter<'_>, _verb: char) {
//!         f.write_struct("main.Point", &[("X", &self.x), ("Y", &self.y)]);
//!     }
//!     fn type_name(&self) -> String {
//!         "main.Point".to_string()
//!     }
//!     fn go_type() -> String {
//!         "main.Point".to_string()
//!     }
//!     fn kind(&self) -> support::fmt::Kind {
//!         support::fmt::Kind::Struct
//!     }
//!     // Only for types with a `String() string` or `Error() string` method:
//!     fn method_string(&self) -> Option<String> {
//!         Some(self.string())
//!     }
//! }
//! ```

use std::any::{Any, TypeId};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::rc::Rc;

use super::complex::Complex128;
use super::strconv;

/// The kind of a Go type, as `reflect.Kind` tells it: `fmt` treats some
/// kinds specially (strings in `Sprint`, pointers to composite values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Bool,
    Int,
    Uint,
    Float,
    Complex,
    String,
    Slice,
    Array,
    Map,
    Struct,
    Pointer,
    Interface,
    Other,
}

/// A value Go's `fmt` can print.
pub trait Format {
    /// Writes the value for `verb` (`'v'`, `'d'`, `'s'`, …) into `f`, as
    /// Go's `fmt` prints a value of this type. The flags, width and
    /// precision are in `f`. `String()`/`Error()` methods are not applied
    /// here: [`Format::method_string`] reports them and the formatter
    /// decides.
    fn fmt(&self, f: &mut Formatter<'_>, verb: char);

    /// Go's `%T` spelling of this value's (dynamic) type: `int`, `[]string`,
    /// `map[string]int`, `*main.T`, `main.T`.
    fn type_name(&self) -> String;

    /// Go's spelling of this type, without a value (for the element type
    /// of an empty slice, and for `%#v`).
    fn go_type() -> String
    where
        Self: Sized;

    /// The kind of the Go type.
    fn kind(&self) -> Kind {
        Kind::Other
    }

    /// The value as an integer, when it is one (for `*` widths).
    fn as_int(&self) -> Option<i64> {
        None
    }

    /// The result of the type's `Error() string` method or, failing that,
    /// its `String() string` method; `None` when it has neither. `fmt`
    /// prints it for the verbs `%v %s %q %x %X`.
    fn method_string(&self) -> Option<String> {
        None
    }

    /// Like [`Format::method_string`], for a pointer to the value: the pointer's method set
    /// also has the methods with pointer receivers. `None` defers to `method_string`.
    fn ptr_method_string(&self) -> Option<String> {
        None
    }

    /// The text of the value's own `String() string` method, when its method set has one: the
    /// value is a `fmt.Stringer` (an `Error()` method alone does not make one).
    fn string_method(&self) -> Option<String> {
        None
    }

    /// Like [`Format::string_method`], for a pointer to the value: the pointer's method set
    /// also has a `String` with a pointer receiver.
    fn ptr_string_method(&self) -> Option<String> {
        None
    }

    /// For a value Go compares by identity (a pointer, a channel): the address it holds, 0
    /// for nil. Two such values in interfaces are equal when their addresses are.
    fn identity(&self) -> Option<usize> {
        None
    }
}

/// Formatting state: the output, the current flags, width and precision,
/// and how deep inside a composite value the current value is.
pub struct Formatter<'a> {
    buf: &'a mut String,
    /// `+` flag (not set for `%+v`: see `plus_v`).
    pub plus: bool,
    /// `-` flag: pad on the right.
    pub minus: bool,
    /// `#` flag (not set for `%#v`: see `sharp_v`).
    pub sharp: bool,
    /// ` ` flag.
    pub space: bool,
    /// `0` flag: pad with leading zeros.
    pub zero: bool,
    /// `%+v`: field names in structs.
    pub plus_v: bool,
    /// `%#v`: Go syntax.
    pub sharp_v: bool,
    /// The width, if given.
    pub width: Option<usize>,
    /// The precision, if given.
    pub prec: Option<usize>,
    /// 0 for an operand, more inside slices, maps, structs and pointers.
    pub depth: usize,
    /// The verb being printed.
    pub verb: char,
    erroring: bool,
}

const LOWER: &[u8; 17] = b"0123456789abcdefx";
const UPPER: &[u8; 17] = b"0123456789ABCDEFX";

impl<'a> Formatter<'a> {
    /// A formatter appending to `buf`, with no flags set.
    pub fn new(buf: &'a mut String) -> Self {
        Formatter {
            buf,
            plus: false,
            minus: false,
            sharp: false,
            space: false,
            zero: false,
            plus_v: false,
            sharp_v: false,
            width: None,
            prec: None,
            depth: 0,
            verb: 'v',
            erroring: false,
        }
    }

    fn clear_flags(&mut self) {
        self.plus = false;
        self.minus = false;
        self.sharp = false;
        self.space = false;
        self.zero = false;
        self.plus_v = false;
        self.sharp_v = false;
        self.width = None;
        self.prec = None;
    }

    /// Appends `s` as it is.
    pub fn write_str(&mut self, s: &str) {
        self.buf.push_str(s);
    }

    /// Appends `n` padding characters (zeros with the `0` flag).
    fn write_padding(&mut self, n: usize) {
        let c = if self.zero { '0' } else { ' ' };
        self.buf.extend(std::iter::repeat_n(c, n));
    }

    /// Appends `s` padded to the width (counted in characters).
    pub fn pad(&mut self, s: &str) {
        let width = match self.width {
            Some(w) if w > 0 => w,
            _ => {
                self.buf.push_str(s);
                return;
            }
        };
        let n = width.saturating_sub(s.chars().count());
        if self.minus {
            self.buf.push_str(s);
            self.write_padding(n);
        } else {
            self.write_padding(n);
            self.buf.push_str(s);
        }
    }

    /// Appends `s` padded, never with zeros.
    fn pad_spaces(&mut self, s: &str) {
        let zero = self.zero;
        self.zero = false;
        self.pad(s);
        self.zero = zero;
    }

    // -- printing operands and nested values --------------------------------

    /// Prints an operand of `Printf` (depth 0) for `verb`.
    pub fn print_arg(&mut self, v: &dyn Format, verb: char) {
        self.depth = 0;
        self.verb = verb;
        match verb {
            'T' => {
                let name = v.type_name();
                self.fmt_s(&name);
            }
            'p' => v.fmt(self, 'p'),
            _ => self.print_value(v, verb),
        }
    }

    /// Prints a value at the current depth, applying its `Error()` or
    /// `String()` method where Go's `fmt` does.
    pub fn print_value(&mut self, v: &dyn Format, verb: char) {
        self.verb = verb;
        if !self.erroring && !self.sharp_v && matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            if let Some(s) = v.method_string() {
                self.fmt_string(&s, verb);
                return;
            }
        }
        v.fmt(self, verb);
    }

    /// Prints an element of a composite value (one level deeper).
    pub fn element(&mut self, v: &dyn Format, verb: char) {
        self.depth += 1;
        self.print_value(v, verb);
        self.depth -= 1;
        self.verb = verb;
    }

    /// Go's `%!verb(type=value)` for a verb the value does not support.
    pub fn bad_verb(&mut self, verb: char, v: &dyn Format) {
        self.erroring = true;
        self.buf.push_str("%!");
        self.buf.push(verb);
        self.buf.push('(');
        self.buf.push_str(&v.type_name());
        self.buf.push('=');
        v.fmt(self, 'v');
        self.buf.push(')');
        self.erroring = false;
    }

    /// Go's `%!verb(<nil>)`.
    pub fn bad_verb_nil(&mut self, verb: char) {
        self.buf.push_str("%!");
        self.buf.push(verb);
        self.buf.push_str("(<nil>)");
    }

    // -- helpers for generated impls ----------------------------------------

    /// Prints a struct value: `{1 2}` for `%v`, `{X:1 Y:2}` for `%+v`,
    /// `main.T{X:1, Y:2}` for `%#v`. `type_name` is Go's name of the type;
    /// an embedded field's name is its type's name.
    pub fn write_struct(&mut self, type_name: &str, fields: &[(&str, &dyn Format)]) {
        let verb = self.verb;
        if self.sharp_v {
            self.buf.push_str(type_name);
        }
        self.buf.push('{');
        for (i, (name, value)) in fields.iter().enumerate() {
            if i > 0 {
                self.buf.push_str(if self.sharp_v { ", " } else { " " });
            }
            if (self.plus_v || self.sharp_v) && !name.is_empty() {
                self.buf.push_str(name);
                self.buf.push(':');
            }
            self.element(*value, verb);
        }
        self.buf.push('}');
    }

    /// Prints the result of a `String()` or `Error()` method for the
    /// current verb (`%v %s %q %x %X`, honouring width and flags).
    pub fn write_stringer(&mut self, s: &str) {
        let verb = self.verb;
        self.fmt_string(s, verb);
    }

    // -- strings ------------------------------------------------------------

    fn truncate<'s>(&self, s: &'s str) -> &'s str {
        match self.prec {
            Some(p) => match s.char_indices().nth(p) {
                Some((i, _)) => &s[..i],
                None => s,
            },
            None => s,
        }
    }

    fn fmt_s(&mut self, s: &str) {
        let s = self.truncate(s);
        self.pad(s);
    }

    fn fmt_q(&mut self, s: &str) {
        let s = self.truncate(s);
        if self.sharp && strconv::can_backquote(s) {
            self.pad(&format!("`{s}`"));
        } else if self.plus {
            self.pad(&strconv::quote_to_ascii(s));
        } else {
            self.pad(&strconv::quote(s));
        }
    }

    /// Hex encoding of bytes (`%x` on strings and byte slices).
    fn fmt_sbx(&mut self, b: &[u8], digits: &[u8; 17]) {
        let mut length = b.len();
        if let Some(p) = self.prec {
            length = length.min(p);
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.space {
                if self.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.sharp {
                width += 2;
            }
        } else {
            if let Some(w) = self.width {
                self.write_padding(w);
            }
            return;
        }
        let wid = self.width.unwrap_or(0);
        if wid > width && !self.minus {
            self.write_padding(wid - width);
        }
        if self.sharp {
            self.buf.push('0');
            self.buf.push(char::from(digits[16]));
        }
        for (i, &c) in b[..length].iter().enumerate() {
            if self.space && i > 0 {
                self.buf.push(' ');
                if self.sharp {
                    self.buf.push('0');
                    self.buf.push(char::from(digits[16]));
                }
            }
            self.buf.push(char::from(digits[usize::from(c >> 4)]));
            self.buf.push(char::from(digits[usize::from(c & 0xf)]));
        }
        if wid > width && self.minus {
            self.write_padding(wid - width);
        }
    }

    /// Prints a Go string for `verb`.
    pub fn fmt_string(&mut self, s: &str, verb: char) {
        match verb {
            'v' if self.sharp_v => self.fmt_q(s),
            'v' | 's' => self.fmt_s(s),
            'x' => self.fmt_sbx(s.as_bytes(), LOWER),
            'X' => self.fmt_sbx(s.as_bytes(), UPPER),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(verb, &s),
        }
    }

    /// Prints a Go byte slice or byte array for `verb` (`%s %q %x %X`
    /// treat it as a string). `type_name` is its Go type (`[]byte`).
    pub fn fmt_bytes(&mut self, b: &[u8], verb: char, type_name: &str) {
        match verb {
            'v' | 'd' => {
                if self.sharp_v {
                    self.buf.push_str(type_name);
                    self.buf.push('{');
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.buf.push_str(", ");
                        }
                        self.fmt_0x64(u64::from(c), true);
                    }
                    self.buf.push('}');
                } else {
                    self.buf.push('[');
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.buf.push(' ');
                        }
                        self.fmt_integer(u64::from(c), false, 10, verb, LOWER);
                    }
                    self.buf.push(']');
                }
            }
            's' => self.fmt_s(&String::from_utf8_lossy(b)),
            'x' => self.fmt_sbx(b, LOWER),
            'X' => self.fmt_sbx(b, UPPER),
            'q' => self.fmt_q(&String::from_utf8_lossy(b)),
            _ => {
                self.buf.push('[');
                for (i, c) in b.iter().enumerate() {
                    if i > 0 {
                        self.buf.push(' ');
                    }
                    self.element(c, verb);
                }
                self.buf.push(']');
            }
        }
    }

    // -- booleans -----------------------------------------------------------

    /// Prints a Go bool for `verb`.
    pub fn fmt_bool(&mut self, b: bool, verb: char) {
        match verb {
            't' | 'v' => self.pad(if b { "true" } else { "false" }),
            _ => self.bad_verb(verb, &b),
        }
    }

    // -- integers -----------------------------------------------------------

    /// Go's integer layout: `u` is the magnitude bits (`negative` says
    /// whether a signed value was negative), in `base` with `digits`.
    fn fmt_integer(&mut self, u: u64, negative: bool, base: u64, verb: char, digits: &[u8; 17]) {
        let mut u = u;
        if negative {
            u = u.wrapping_neg();
        }
        let mut prec = 0usize;
        if let Some(p) = self.prec {
            prec = p;
            if p == 0 && u == 0 {
                let zero = self.zero;
                self.zero = false;
                let w = self.width.unwrap_or(0);
                self.write_padding(w);
                self.zero = zero;
                return;
            }
        } else if self.zero {
            if let Some(w) = self.width {
                prec = w;
                if negative || self.plus || self.space {
                    prec = prec.saturating_sub(1);
                }
            }
        }
        let mut out: Vec<u8> = Vec::new();
        loop {
            out.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while out.len() < prec {
            out.push(b'0');
        }
        if self.sharp {
            match base {
                2 => out.extend_from_slice(b"b0"),
                8 if out.last() != Some(&b'0') => out.push(b'0'),
                16 => {
                    out.push(digits[16]);
                    out.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            out.extend_from_slice(b"o0");
        }
        if negative {
            out.push(b'-');
        } else if self.plus {
            out.push(b'+');
        } else if self.space {
            out.push(b' ');
        }
        out.reverse();
        let s = String::from_utf8(out).unwrap_or_default();
        self.pad_spaces(&s);
    }

    /// Prints `v` in hex with a leading `0x` when `leading_0x`.
    fn fmt_0x64(&mut self, v: u64, leading_0x: bool) {
        let sharp = self.sharp;
        self.sharp = leading_0x;
        self.fmt_integer(v, false, 16, 'v', LOWER);
        self.sharp = sharp;
    }

    /// `%U`: `U+0041`, with `#` also `U+0041 'A'`.
    fn fmt_unicode(&mut self, u: u64) {
        let prec = self.prec.filter(|&p| p > 4).unwrap_or(4);
        let mut s = format!("U+{u:0prec$X}");
        if self.sharp {
            if let Some(c) = u32::try_from(u).ok().and_then(char::from_u32) {
                if strconv::is_print(c) {
                    s.push_str(&format!(" '{c}'"));
                }
            }
        }
        self.pad_spaces(&s);
    }

    fn rune_of(u: u64) -> char {
        u32::try_from(u)
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{FFFD}')
    }

    /// Prints a Go integer for `verb`. `bits` is the value's bits as
    /// `u64` (sign-extended for signed types), `signed` whether the type is
    /// signed; `v` is the value itself, for error output.
    pub fn fmt_int(&mut self, bits: u64, signed: bool, verb: char, v: &dyn Format) {
        let negative = signed && (bits as i64) < 0;
        match verb {
            'v' if self.sharp_v && !signed => self.fmt_0x64(bits, true),
            'v' | 'd' => self.fmt_integer(bits, negative, 10, verb, LOWER),
            'b' => self.fmt_integer(bits, negative, 2, verb, LOWER),
            'o' | 'O' => self.fmt_integer(bits, negative, 8, verb, LOWER),
            'x' => self.fmt_integer(bits, negative, 16, verb, LOWER),
            'X' => self.fmt_integer(bits, negative, 16, verb, UPPER),
            'c' => {
                let c = Self::rune_of(bits);
                self.pad(c.encode_utf8(&mut [0; 4]));
            }
            'q' => {
                let r = Self::rune_of(bits) as i32;
                let q = if self.plus {
                    strconv::quote_rune_to_ascii(r)
                } else {
                    strconv::quote_rune(r)
                };
                self.pad(&q);
            }
            'U' => self.fmt_unicode(bits),
            _ => self.bad_verb(verb, v),
        }
    }

    // -- floats -------------------------------------------------------------

    /// Prints a Go float for `verb`; `size` is 32 or 64.
    pub fn fmt_float(&mut self, x: f64, size: u32, verb: char, v: &dyn Format) {
        match verb {
            'v' => self.fmt_float_layout(x, size, 'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt_float_layout(x, size, verb, -1),
            'f' | 'e' | 'E' => self.fmt_float_layout(x, size, verb, 6),
            'F' => self.fmt_float_layout(x, size, 'f', 6),
            _ => self.bad_verb(verb, v),
        }
    }

    fn fmt_float_layout(&mut self, x: f64, size: u32, verb: char, prec: i32) {
        let prec = self.prec.map_or(prec, |p| p as i32);
        let formatted = strconv::format_float(x, verb as u8, prec, size);
        let mut num: Vec<u8> = formatted.into_bytes();
        if num[0] != b'-' && num[0] != b'+' {
            num.insert(0, b'+');
        }
        if self.space && num[0] == b'+' && !self.plus {
            num[0] = b' ';
        }
        // Infinities and NaN are not padded with zeros.
        if num[1] == b'I' || num[1] == b'N' {
            if num[1] == b'N' && !self.space && !self.plus {
                num.remove(0);
            }
            let s = String::from_utf8(num).unwrap_or_default();
            self.pad_spaces(&s);
            return;
        }
        // `#` keeps the decimal point, and for %g keeps trailing zeros.
        if self.sharp && verb != 'b' {
            let mut digits: i32 = match verb {
                'v' | 'g' | 'G' | 'x' => {
                    if prec == -1 {
                        6
                    } else {
                        prec
                    }
                }
                _ => 0,
            };
            let mut tail: Vec<u8> = Vec::new();
            let mut has_point = false;
            let mut saw_nonzero = false;
            let mut i = 1;
            while i < num.len() {
                match num[i] {
                    b'.' => has_point = true,
                    b'p' | b'P' => {
                        tail = num.split_off(i);
                        break;
                    }
                    b'e' | b'E' if verb != 'x' && verb != 'X' => {
                        tail = num.split_off(i);
                        break;
                    }
                    c => {
                        if c != b'0' {
                            saw_nonzero = true;
                        }
                        if saw_nonzero {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_point {
                if num.len() == 2 && num[1] == b'0' {
                    digits -= 1;
                }
                num.push(b'.');
            }
            while digits > 0 {
                num.push(b'0');
                digits -= 1;
            }
            num.extend_from_slice(&tail);
        }
        let s = String::from_utf8(num).unwrap_or_default();
        if self.plus || !s.starts_with('+') {
            let wid = self.width.unwrap_or(0);
            let len = s.chars().count();
            if self.zero && wid > len {
                self.buf.push_str(&s[..1]);
                self.write_padding(wid - len);
                self.buf.push_str(&s[1..]);
                return;
            }
            self.pad(&s);
            return;
        }
        self.pad(&s[1..]);
    }

    /// Prints a Go complex number for `verb`; `size` is 64 or 128.
    pub fn fmt_complex(&mut self, z: Complex128, size: u32, verb: char, v: &dyn Format) {
        match verb {
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E' => {
                let plus = self.plus;
                self.buf.push('(');
                self.fmt_float(z.re, size / 2, verb, v);
                self.plus = true;
                self.fmt_float(z.im, size / 2, verb, v);
                self.buf.push_str("i)");
                self.plus = plus;
            }
            _ => self.bad_verb(verb, v),
        }
    }

    // -- pointers -----------------------------------------------------------

    /// Prints an address (pointer, slice, map) for `verb`, as Go's
    /// `fmtPointer`; `type_name` is used by `%#v`.
    pub fn fmt_pointer(&mut self, addr: usize, verb: char, type_name: &str, v: &dyn Format) {
        let u = addr as u64;
        match verb {
            'v' => {
                if self.sharp_v {
                    self.buf.push('(');
                    self.buf.push_str(type_name);
                    self.buf.push_str(")(");
                    if u == 0 {
                        self.buf.push_str("nil");
                    } else {
                        self.fmt_0x64(u, true);
                    }
                    self.buf.push(')');
                } else if u == 0 {
                    self.pad_spaces("<nil>");
                } else {
                    let sharp = self.sharp;
                    self.fmt_0x64(u, !sharp);
                }
            }
            'p' => {
                let sharp = self.sharp;
                self.fmt_0x64(u, !sharp);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_int(u, false, verb, v),
            _ => self.bad_verb(verb, v),
        }
    }

    /// Prints a sequence: `[a b c]`, or `type{a, b, c}` for `%#v`.
    pub fn write_list(&mut self, type_name: &str, items: &mut dyn Iterator<Item = &dyn Format>) {
        let verb = self.verb;
        if self.sharp_v {
            self.buf.push_str(type_name);
            self.buf.push('{');
        } else {
            self.buf.push('[');
        }
        for (i, item) in items.enumerate() {
            if i > 0 {
                self.buf.push_str(if self.sharp_v { ", " } else { " " });
            }
            self.element(item, verb);
        }
        self.buf.push(if self.sharp_v { '}' } else { ']' });
    }

    /// Prints map entries (already sorted): `map[k:v k:v]`, or
    /// `type{k:v, k:v}` for `%#v`.
    pub fn write_map(&mut self, type_name: &str, entries: &[(&dyn Format, &dyn Format)]) {
        let verb = self.verb;
        if self.sharp_v {
            self.buf.push_str(type_name);
            self.buf.push('{');
        } else {
            self.buf.push_str("map[");
        }
        for (i, (k, v)) in entries.iter().enumerate() {
            if i > 0 {
                self.buf.push_str(if self.sharp_v { ", " } else { " " });
            }
            self.element(*k, verb);
            self.buf.push(':');
            self.element(*v, verb);
        }
        self.buf.push(if self.sharp_v { '}' } else { ']' });
    }
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

/// Parses a decimal number at `s[start..end]`.
fn parse_num(s: &[u8], start: usize, end: usize) -> (Option<usize>, usize) {
    let mut num: i64 = 0;
    let mut i = start;
    let mut found = false;
    while i < end && s[i].is_ascii_digit() {
        if too_large(num) {
            return (None, end);
        }
        num = num * 10 + i64::from(s[i] - b'0');
        found = true;
        i += 1;
    }
    (if found { Some(num as usize) } else { None }, i)
}

/// The state of one `Printf` call.
struct Printer<'f, 'a> {
    f: Formatter<'f>,
    args: &'a [&'a dyn Format],
    arg_num: usize,
    reordered: bool,
    good_arg_num: bool,
}

impl Printer<'_, '_> {
    /// Parses an `[n]` argument index at `i`.
    fn arg_number(&mut self, format: &[u8], i: usize) -> (usize, bool) {
        if i >= format.len() || format[i] != b'[' {
            return (i, false);
        }
        self.reordered = true;
        // Find the closing bracket.
        let rest = &format[i..];
        if rest.len() >= 3 {
            if let Some(close) = rest.iter().skip(1).position(|&c| c == b']') {
                let close = close + 1;
                let (n, end) = parse_num(rest, 1, close);
                if let (Some(n), true) = (n, end == close) {
                    if n >= 1 && n - 1 < self.args.len() {
                        self.arg_num = n - 1;
                        return (i + close + 1, true);
                    }
                    self.good_arg_num = false;
                    return (i + close + 1, true);
                }
                self.good_arg_num = false;
                return (i + close + 1, false);
            }
        }
        self.good_arg_num = false;
        (i + 1, false)
    }

    /// An integer operand for `*`.
    fn int_from_arg(&mut self) -> (i64, bool) {
        if self.arg_num >= self.args.len() {
            return (0, false);
        }
        let v = self.args[self.arg_num].as_int();
        self.arg_num += 1;
        match v {
            Some(n) if !too_large(n) => (n, true),
            _ => (0, false),
        }
    }

    fn do_printf(&mut self, format: &str) {
        let fb = format.as_bytes();
        let end = fb.len();
        let mut i = 0;
        while i < end {
            self.good_arg_num = true;
            let start = i;
            while i < end && fb[i] != b'%' {
                i += 1;
            }
            if i > start {
                self.f.buf.push_str(&format[start..i]);
            }
            if i >= end {
                break;
            }
            i += 1; // the '%'
            self.f.clear_flags();
            while i < end {
                match fb[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => {
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            // Argument index, then width.
            let (ni, mut after_index) = self.arg_number(fb, i);
            i = ni;
            if i < end && fb[i] == b'*' {
                i += 1;
                let (w, ok) = self.int_from_arg();
                if !ok {
                    self.f.buf.push_str("%!(BADWIDTH)");
                    self.f.width = None;
                } else if w < 0 {
                    self.f.width = Some(w.unsigned_abs() as usize);
                    self.f.minus = true;
                    self.f.zero = false;
                } else {
                    self.f.width = Some(w as usize);
                }
                after_index = false;
            } else {
                let (w, ni) = parse_num(fb, i, end);
                self.f.width = w;
                i = ni;
                if after_index && w.is_some() {
                    self.good_arg_num = false;
                }
            }
            // Precision.
            if i + 1 < end && fb[i] == b'.' {
                i += 1;
                if after_index {
                    self.good_arg_num = false;
                }
                let (ni, ai) = self.arg_number(fb, i);
                i = ni;
                after_index = ai;
                if i < end && fb[i] == b'*' {
                    i += 1;
                    let (p, ok) = self.int_from_arg();
                    if !ok || p < 0 {
                        // A negative precision counts as a missing one.
                        self.f.prec = None;
                        self.f.buf.push_str("%!(BADPREC)");
                    } else {
                        self.f.prec = Some(p as usize);
                    }
                    after_index = false;
                } else {
                    let (p, ni) = parse_num(fb, i, end);
                    i = ni;
                    self.f.prec = Some(p.unwrap_or(0));
                }
            }
            if !after_index {
                let (ni, _) = self.arg_number(fb, i);
                i = ni;
            }
            if i >= end {
                self.f.buf.push_str("%!(NOVERB)");
                break;
            }
            let verb = format[i..].chars().next().unwrap_or('?');
            i += verb.len_utf8();
            if verb == '%' {
                self.f.buf.push('%');
            } else if !self.good_arg_num {
                self.f.buf.push_str(&format!("%!{verb}(BADINDEX)"));
            } else if self.arg_num >= self.args.len() {
                self.f.buf.push_str(&format!("%!{verb}(MISSING)"));
            } else {
                if verb == 'v' {
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }
                let arg = self.args[self.arg_num];
                self.f.print_arg(arg, verb);
                self.arg_num += 1;
            }
        }
        if !self.reordered && self.arg_num < self.args.len() {
            self.f.clear_flags();
            self.f.buf.push_str("%!(EXTRA ");
            for (k, arg) in self.args[self.arg_num..].iter().enumerate() {
                if k > 0 {
                    self.f.buf.push_str(", ");
                }
                self.f.buf.push_str(&arg.type_name());
                self.f.buf.push('=');
                self.f.print_arg(*arg, 'v');
            }
            self.f.buf.push(')');
        }
    }
}

/// Go's `fmt.Sprintf`.
pub fn sprintf(format: &str, args: &[&dyn Format]) -> String {
    let mut out = String::new();
    let mut p = Printer {
        f: Formatter::new(&mut out),
        args,
        arg_num: 0,
        reordered: false,
        good_arg_num: true,
    };
    p.do_printf(format);
    out
}

/// Go's `fmt.Sprint`: operands in their `%v` form, with a space between
/// two operands when neither is a string.
pub fn sprint(args: &[&dyn Format]) -> String {
    let mut out = String::new();
    let mut f = Formatter::new(&mut out);
    let mut prev_string = false;
    for (i, arg) in args.iter().enumerate() {
        let is_string = arg.kind() == Kind::String;
        if i > 0 && !is_string && !prev_string {
            f.buf.push(' ');
        }
        f.print_arg(*arg, 'v');
        prev_string = is_string;
    }
    out
}

/// Go's `fmt.Sprintln`: operands in their `%v` form separated by spaces,
/// then a newline.
pub fn sprintln(args: &[&dyn Format]) -> String {
    let mut out = String::new();
    let mut f = Formatter::new(&mut out);
    for (i, arg) in args.iter().enumerate() {
        if i > 0 {
            f.buf.push(' ');
        }
        f.print_arg(*arg, 'v');
    }
    out.push('\n');
    out
}

fn write_stdout(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes());
}

/// Go's `fmt.Printf` (to standard output).
pub fn printf(format: &str, args: &[&dyn Format]) {
    write_stdout(&sprintf(format, args));
}

/// Go's `fmt.Print` (to standard output).
pub fn print(args: &[&dyn Format]) {
    write_stdout(&sprint(args));
}

/// Go's `fmt.Println` (to standard output).
pub fn println(args: &[&dyn Format]) {
    write_stdout(&sprintln(args));
}

/// Go's `args...` spread into a formatting call: each element as a formatted argument
/// (`fmt::sprintf(&format, &fmt::spread(&args))`).
pub fn spread<T: Format>(args: &[T]) -> Vec<&dyn Format> {
    args.iter().map(|v| v as &dyn Format).collect()
}

/// Go's `fmt.Sprint` of a single value with `%v` (a convenience for
/// `String()` methods and string conversions).
pub fn to_string(v: &dyn Format) -> String {
    sprint(&[v])
}

// ---------------------------------------------------------------------------
// Format for Go's basic types
// ---------------------------------------------------------------------------

impl Format for bool {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        f.fmt_bool(*self, verb);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "bool".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Bool
    }
}

macro_rules! format_int {
    ($($t:ty => $name:expr, $signed:expr;)*) => {$(
        impl Format for $t {
            fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
                f.fmt_int(*self as i64 as u64, $signed, verb, self);
            }
            fn type_name(&self) -> String {
                Self::go_type()
            }
            fn go_type() -> String {
                $name.to_string()
            }
            fn kind(&self) -> Kind {
                if $signed { Kind::Int } else { Kind::Uint }
            }
            fn as_int(&self) -> Option<i64> {
                i64::try_from(*self).ok()
            }
        }
    )*};
}

format_int! {
    i8 => "int8", true;
    i16 => "int16", true;
    i32 => "int32", true;
    i64 => "int", true;
    isize => "int", true;
    u8 => "uint8", false;
    u16 => "uint16", false;
    u32 => "uint32", false;
    u64 => "uint", false;
    usize => "uintptr", false;
}

impl Format for f64 {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        f.fmt_float(*self, 64, verb, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "float64".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Float
    }
}

impl Format for f32 {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        f.fmt_float(f64::from(*self), 32, verb, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "float32".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Float
    }
}

impl Format for Complex128 {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        f.fmt_complex(*self, 128, verb, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "complex128".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Complex
    }
}

/// A Go `complex64` (held as a `Complex128` whose parts are `f32` values): printed with
/// `float32` precision, as Go prints it.
#[derive(Clone, Copy)]
pub struct Complex64(pub Complex128);

impl Format for Complex64 {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        f.fmt_complex(self.0, 64, verb, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "complex64".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Complex
    }
}

impl Format for String {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        f.fmt_string(self, verb);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "string".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::String
    }
}

impl Format for &str {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        f.fmt_string(self, verb);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "string".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::String
    }
}

/// An operand printed with a given Go type name for `%T` and error output
/// (e.g. an `int64` value, which is an `i64` like Go's `int`). Bad-verb
/// output inside it still names the inner Rust value's Go type.
pub struct Typed<'a>(pub &'static str, pub &'a dyn Format);

impl Format for Typed<'_> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        self.1.fmt(f, verb);
    }
    fn type_name(&self) -> String {
        self.0.to_string()
    }
    fn go_type() -> String {
        String::new()
    }
    fn kind(&self) -> Kind {
        self.1.kind()
    }
    fn as_int(&self) -> Option<i64> {
        self.1.as_int()
    }
    fn method_string(&self) -> Option<String> {
        self.1.method_string()
    }
}

// ---------------------------------------------------------------------------
// Composite types
// ---------------------------------------------------------------------------

fn is_byte<T: 'static>() -> bool {
    TypeId::of::<T>() == TypeId::of::<u8>()
}

/// Views a slice of `T` as bytes when `T` is `u8`.
fn as_bytes<T: 'static>(items: &[T]) -> Option<Vec<u8>> {
    if !is_byte::<T>() {
        return None;
    }
    Some(
        items
            .iter()
            .filter_map(|x| (x as &dyn Any).downcast_ref::<u8>().copied())
            .collect(),
    )
}

fn fmt_seq<T: Format + 'static>(
    items: &[T],
    f: &mut Formatter<'_>,
    verb: char,
    type_name: &str,
    addr: usize,
    this: &dyn Format,
) {
    if verb == 'p' {
        f.fmt_pointer(addr, verb, type_name, this);
        return;
    }
    if let Some(bytes) = as_bytes(items) {
        if matches!(verb, 's' | 'q' | 'x' | 'X') || (f.sharp_v && verb == 'v') {
            let name = if f.depth == 0 && type_name == "[]uint8" {
                "[]byte"
            } else {
                type_name
            };
            f.fmt_bytes(&bytes, verb, name);
            return;
        }
    }
    f.verb = verb;
    f.write_list(type_name, &mut items.iter().map(|x| x as &dyn Format));
}

impl<T: Format + 'static> Format for Vec<T> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        fmt_seq(self, f, verb, &name, self.as_ptr() as usize, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("[]{}", T::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Slice
    }
}

impl<T: Format + 'static, const N: usize> Format for [T; N] {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        if verb == 'p' {
            f.bad_verb(verb, self);
            return;
        }
        fmt_seq(self, f, verb, &name, 0, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("[{N}]{}", T::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Array
    }
}

fn fmt_map<'m, K: Format + Ord + 'm, V: Format + 'm>(
    entries: impl Iterator<Item = (&'m K, &'m V)>,
    f: &mut Formatter<'_>,
    verb: char,
    type_name: &str,
    addr: usize,
    this: &dyn Format,
) {
    let mut sorted: Vec<(&K, &V)> = entries.collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    fmt_sorted_map(sorted, f, verb, type_name, addr, this);
}

/// Prints a map whose entries are in the order Go's `fmt` prints them (`%p`: its address).
pub fn fmt_sorted_map<K: Format, V: Format>(
    sorted: Vec<(&K, &V)>,
    f: &mut Formatter<'_>,
    verb: char,
    type_name: &str,
    addr: usize,
    this: &dyn Format,
) {
    if verb == 'p' {
        f.fmt_pointer(addr, verb, type_name, this);
        return;
    }
    let pairs: Vec<(&dyn Format, &dyn Format)> = sorted
        .iter()
        .map(|(k, v)| (*k as &dyn Format, *v as &dyn Format))
        .collect();
    f.verb = verb;
    f.write_map(type_name, &pairs);
}

/// Maps print sorted by key, as Go's `fmt` sorts them: numbers in numeric
/// order, strings byte-wise, `false` before `true`, arrays and structs
/// element by element (a derived `Ord` gives that order).
impl<K: Format + Ord, V: Format, S> Format for HashMap<K, V, S> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        fmt_map(self.iter(), f, verb, &name, self as *const _ as usize, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("map[{}]{}", K::go_type(), V::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Map
    }
}

impl<K: Format + Ord, V: Format> Format for BTreeMap<K, V> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        fmt_map(self.iter(), f, verb, &name, self as *const _ as usize, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("map[{}]{}", K::go_type(), V::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Map
    }
}

/// Prints a non-nil pointer: `&` and the value for a composite pointee at
/// depth 0, the address otherwise.
fn fmt_pointee<T: Format>(
    cell: &RefCell<T>,
    addr: usize,
    f: &mut Formatter<'_>,
    verb: char,
    type_name: &str,
    this: &dyn Format,
) {
    let value = cell.try_borrow().ok();
    fmt_pointee_value(
        value.as_deref().map(|v| v as &dyn Format),
        addr,
        f,
        verb,
        type_name,
        this,
    );
}

/// Prints a non-nil pointer whose pointee is `value` (when it can be read).
pub fn fmt_pointee_value(
    value: Option<&dyn Format>,
    addr: usize,
    f: &mut Formatter<'_>,
    verb: char,
    type_name: &str,
    this: &dyn Format,
) {
    if verb != 'p' && f.depth == 0 {
        if let Some(value) = value {
            if matches!(
                value.kind(),
                Kind::Array | Kind::Slice | Kind::Struct | Kind::Map
            ) {
                f.buf.push('&');
                f.element(value, verb);
                return;
            }
        }
    }
    f.fmt_pointer(addr, verb, type_name, this);
}

/// A struct type whose pointers goxide holds as `Option<T>` values (nothing changes the
/// pointee): such an `Option<T>` prints as Go prints a `*T` (`&{…}`, `<nil>`).
pub trait ValuePointee: Format {}

impl<T: ValuePointee> Format for Option<T> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        match self {
            None => f.fmt_pointer(0, verb, &name, self),
            Some(v) => fmt_pointee_value(Some(v), v as *const T as usize, f, verb, &name, self),
        }
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("*{}", T::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Pointer
    }
    fn method_string(&self) -> Option<String> {
        self.as_ref()
            .and_then(|v| v.ptr_method_string().or_else(|| v.method_string()))
    }
}

/// A Go pointer `*T`: `None` is nil.
impl<T: Format> Format for Option<Rc<RefCell<T>>> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        match self {
            None => f.fmt_pointer(0, verb, &name, self),
            Some(rc) => fmt_pointee(rc, Rc::as_ptr(rc) as usize, f, verb, &name, self),
        }
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("*{}", T::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Pointer
    }
    fn identity(&self) -> Option<usize> {
        Some(self.as_ref().map_or(0, |rc| Rc::as_ptr(rc) as usize))
    }
    fn method_string(&self) -> Option<String> {
        self.as_ref().and_then(|rc| {
            rc.try_borrow()
                .ok()
                .and_then(|v| v.ptr_method_string().or_else(|| v.method_string()))
        })
    }
    fn string_method(&self) -> Option<String> {
        self.as_ref().and_then(|rc| {
            rc.try_borrow()
                .ok()
                .and_then(|v| v.ptr_string_method().or_else(|| v.string_method()))
        })
    }
}

/// The pointees of a linked structure's pointers, printed as the values they hold: the owning
/// `Option<Box<T>>` and the read-only view `Option<&T>` of a `*T` (each `Option` prints as Go
/// prints the pointer, through [`ValuePointee`]).
macro_rules! pointee_format {
    ($($ty:ty),*) => {$(
        impl<T: Format> Format for $ty {
            fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
                (**self).fmt(f, verb)
            }
            fn type_name(&self) -> String {
                (**self).type_name()
            }
            fn go_type() -> String {
                T::go_type()
            }
            fn kind(&self) -> Kind {
                (**self).kind()
            }
            fn method_string(&self) -> Option<String> {
                (**self).method_string()
            }
            fn ptr_method_string(&self) -> Option<String> {
                (**self).ptr_method_string()
            }
            fn string_method(&self) -> Option<String> {
                (**self).string_method()
            }
            fn ptr_string_method(&self) -> Option<String> {
                (**self).ptr_string_method()
            }
        }

        impl<T: Format> ValuePointee for $ty {}
    )*};
}

pointee_format!(Box<T>, &T);

/// A Go pointer `*T` known not to be nil.
impl<T: Format> Format for Rc<RefCell<T>> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        fmt_pointee(self, Rc::as_ptr(self) as usize, f, verb, &name, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("*{}", T::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Pointer
    }
    fn method_string(&self) -> Option<String> {
        self.try_borrow()
            .ok()
            .and_then(|v| v.ptr_method_string().or_else(|| v.method_string()))
    }
}

/// The results of a Go function type as `%T` spells them after the
/// parameters: nothing, ` int`, ` (int, error)`.
pub trait GoResults {
    fn go_results() -> String;
}

impl GoResults for () {
    fn go_results() -> String {
        String::new()
    }
}

impl<T: Format> GoResults for T {
    fn go_results() -> String {
        format!(" {}", T::go_type())
    }
}

macro_rules! results_tuple {
    ($($r:ident),*) => {
        impl<$($r: Format),*> GoResults for ($($r,)*) {
            fn go_results() -> String {
                let names: Vec<String> = vec![$($r::go_type()),*];
                format!(" ({})", names.join(", "))
            }
        }
    };
}
results_tuple!(R1, R2);
results_tuple!(R1, R2, R3);

/// Go function values (`Rc<dyn Fn(…) -> R>`): printed as their address, as
/// Go prints them; `%T` spells the signature (`func(int) string`).
macro_rules! fn_format {
    ($($a:ident),*) => {
        impl<$($a: Format + 'static,)* R: GoResults + 'static> Format for Rc<dyn Fn($($a),*) -> R> {
            fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
                let addr = Rc::as_ptr(self) as *const () as usize;
                f.fmt_pointer(addr, verb, &Self::go_type(), self);
            }
            fn type_name(&self) -> String {
                Self::go_type()
            }
            fn go_type() -> String {
                let params: Vec<String> = vec![$($a::go_type()),*];
                format!("func({}){}", params.join(", "), R::go_results())
            }
            fn kind(&self) -> Kind {
                Kind::Pointer
            }
        }
    };
}
fn_format!();
fn_format!(A1);
fn_format!(A1, A2);
fn_format!(A1, A2, A3);
fn_format!(A1, A2, A3, A4);

/// A non-nil Go interface value (`any`, `error`, …): prints its dynamic
/// value.
impl Format for Box<dyn Format> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        (**self).fmt(f, verb);
    }
    fn type_name(&self) -> String {
        (**self).type_name()
    }
    fn go_type() -> String {
        "interface {}".to_string()
    }
    fn kind(&self) -> Kind {
        (**self).kind()
    }
    fn as_int(&self) -> Option<i64> {
        (**self).as_int()
    }
    fn method_string(&self) -> Option<String> {
        (**self).method_string()
    }
}

/// A Go interface value that may be nil (`None`): nil prints `<nil>`.
impl Format for Option<Box<dyn Format>> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        match self {
            Some(v) => v.fmt(f, verb),
            // Inside a composite value nil prints as `<nil>` whatever the
            // verb; as an operand only `%v` accepts it.
            None if f.depth > 0 && f.sharp_v => f.write_str("interface {}(nil)"),
            None if f.depth > 0 => f.write_str("<nil>"),
            None if verb == 'v' => f.pad_spaces("<nil>"),
            None => f.bad_verb_nil(verb),
        }
    }
    fn type_name(&self) -> String {
        match self {
            Some(v) => v.type_name(),
            None => "<nil>".to_string(),
        }
    }
    fn go_type() -> String {
        "interface {}".to_string()
    }
    fn kind(&self) -> Kind {
        self.as_ref().map_or(Kind::Interface, |v| v.kind())
    }
    fn as_int(&self) -> Option<i64> {
        self.as_ref().and_then(|v| v.as_int())
    }
    fn method_string(&self) -> Option<String> {
        self.as_ref().and_then(|v| v.method_string())
    }
}

/// A value returned by `recover()`: printed as the Go value it holds
/// (basic values and run-time errors; anything else prints its panic
/// message).
impl Format for Box<dyn Any + Send> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        with_any(self.as_ref(), &mut |v| v.fmt(f, verb));
    }
    fn type_name(&self) -> String {
        let mut name = String::new();
        with_any(self.as_ref(), &mut |v| name = v.type_name());
        name
    }
    fn go_type() -> String {
        "interface {}".to_string()
    }
    fn kind(&self) -> Kind {
        let mut kind = Kind::Interface;
        with_any(self.as_ref(), &mut |v| kind = v.kind());
        kind
    }
    fn method_string(&self) -> Option<String> {
        self.downcast_ref::<super::rt::RuntimeError>()
            .map(|e| e.0.clone())
    }
}

impl Format for super::rt::RuntimeError {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        f.write_struct("runtime.Error", &[("", &self.0)]);
        let _ = verb;
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "runtime.Error".to_string()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
    fn method_string(&self) -> Option<String> {
        Some(self.0.clone())
    }
}

/// Calls macro `$m` with the Rust types of Go's basic types (numbers, `bool`, `string`,
/// `complex128`), then `$extra`: the types a dynamically typed value is tried as.
macro_rules! basic_types {
    ($m:ident $(, $extra:ty)*) => {
        $m!(
            i64,
            i32,
            i16,
            i8,
            isize,
            u64,
            u32,
            u16,
            u8,
            usize,
            f64,
            f32,
            bool,
            String,
            super::complex::Complex128
            $(, $extra)*
        )
    };
}
pub(crate) use basic_types;

/// Calls `k` with the [`Format`] view of a dynamically typed value.
fn with_any(v: &(dyn Any + Send), k: &mut dyn FnMut(&dyn Format)) {
    macro_rules! try_types {
        ($($t:ty),*) => {$(
            if let Some(x) = v.downcast_ref::<$t>() {
                return k(x);
            }
        )*};
    }
    basic_types!(try_types, &'static str, super::rt::RuntimeError);
    let message = super::rt::panic_message(v);
    k(&message)
}

/// A value of a Go named type that has a `String()` (or `Error()`) method but whose Rust type
/// is an alias of a basic type: it prints through `text` where Go calls the method, and `%T`
/// gives the Go type's name.
pub struct WithString<T: Format> {
    pub value: T,
    pub text: String,
    pub go_type: &'static str,
}

impl<T: Format> Format for WithString<T> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        self.value.fmt(f, verb);
    }
    fn type_name(&self) -> String {
        self.go_type.to_string()
    }
    fn go_type() -> String {
        String::new()
    }
    fn kind(&self) -> Kind {
        self.value.kind()
    }
    fn as_int(&self) -> Option<i64> {
        self.value.as_int()
    }
    fn method_string(&self) -> Option<String> {
        Some(self.text.clone())
    }
}

/// Map keys carrying their `String()` text sort (and compare) by value, as Go's `fmt` sorts
/// them.
impl<T: Format + PartialEq> PartialEq for WithString<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<T: Format + Eq> Eq for WithString<T> {}

impl<T: Format + Ord> PartialOrd for WithString<T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: Format + Ord> Ord for WithString<T> {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.value.cmp(&other.value)
    }
}

/// Slices borrowed from a caller print like `Vec`s.
impl<T: Format + 'static> Format for &[T] {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        fmt_seq(self, f, verb, &name, self.as_ptr() as usize, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("[]{}", T::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Slice
    }
}

impl<T: Format + 'static> Format for &mut [T] {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        fmt_seq(self, f, verb, &name, self.as_ptr() as usize, self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("[]{}", T::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Slice
    }
}
