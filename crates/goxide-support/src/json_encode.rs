//! `encoding/json`'s encoder as a serde `Serializer`: Go's output byte for byte.
//!
//! Struct fields come out in declaration order; map entries sorted by key (integer keys as
//! their decimal text, compared as strings, as Go does); strings escaped as Go escapes them
//! (`<`, `>`, `&`, U+2028 and U+2029 too, control characters as `\u00XX`); floats in Go's
//! shortest form (`1e+21`, `1e-7`, `100`); byte slices as base64; NaN and infinities are
//! errors. Go's nil slices and maps encode as `null`: here a slice or map is nil when empty
//! (goxide gives nil and empty one form).

use super::json::JsonError;
use serde::ser::{self, Serialize};

/// Writes JSON into `out`.
pub struct Encoder {
    pub out: Vec<u8>,
    /// Escape `<`, `>` and `&` (Go's default; `Encoder.SetEscapeHTML(false)` turns it off).
    pub escape_html: bool,
}

type Result<T> = std::result::Result<T, JsonError>;

impl Encoder {
    pub fn new() -> Encoder {
        Encoder {
            out: Vec::new(),
            escape_html: true,
        }
    }

    fn raw(&mut self, s: &str) {
        self.out.extend_from_slice(s.as_bytes());
    }
}

impl Default for Encoder {
    fn default() -> Self {
        Encoder::new()
    }
}

/// `v` encoded on its own.
pub fn encode<T: Serialize + ?Sized>(v: &T, escape_html: bool) -> Result<Vec<u8>> {
    let mut e = Encoder {
        out: Vec::new(),
        escape_html,
    };
    v.serialize(&mut e)?;
    Ok(e.out)
}

/// Go's quoting of a JSON string (HTML characters escaped when `html`).
pub fn write_string(out: &mut Vec<u8>, s: &str, html: bool) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'"');
    for c in s.chars() {
        match c {
            '"' => out.extend_from_slice(b"\\\""),
            '\\' => out.extend_from_slice(b"\\\\"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\t' => out.extend_from_slice(b"\\t"),
            '<' | '>' | '&' if !html => out.push(c as u8),
            '<' | '>' | '&' | '\u{0}'..='\u{1f}' => {
                let b = c as u8;
                out.extend_from_slice(b"\\u00");
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 0xF) as usize]);
            }
            '\u{2028}' => out.extend_from_slice(b"\\u2028"),
            '\u{2029}' => out.extend_from_slice(b"\\u2029"),
            c => {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    out.push(b'"');
}

/// Go's JSON form of a float: shortest digits, exponent form below 1e-6 and from 1e21 on.
pub fn format_float(f: f64, bits: u32) -> Result<String> {
    if !f.is_finite() {
        let text = super::strconv::format_float(f, b'g', -1, bits);
        return Err(JsonError(format!("json: unsupported value: {text}")));
    }
    let abs = f.abs();
    let exp = abs != 0.0
        && if bits == 32 {
            (abs as f32) < 1e-6 || (abs as f32) >= 1e21
        } else {
            !(1e-6..1e21).contains(&abs)
        };
    let mut s = super::strconv::format_float(f, if exp { b'e' } else { b'f' }, -1, bits);
    if exp {
        // `e-07` becomes `e-7`.
        let n = s.len();
        let b = s.as_bytes();
        if n >= 4 && b[n - 4] == b'e' && b[n - 3] == b'-' && b[n - 2] == b'0' {
            s.remove(n - 2);
        }
    }
    Ok(s)
}

impl<'a> ser::Serializer for &'a mut Encoder {
    type Ok = ();
    type Error = JsonError;
    type SerializeSeq = Seq<'a>;
    type SerializeTuple = Seq<'a>;
    type SerializeTupleStruct = Seq<'a>;
    type SerializeTupleVariant = Seq<'a>;
    type SerializeMap = Map<'a>;
    type SerializeStruct = Map<'a>;
    type SerializeStructVariant = Map<'a>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.raw(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<()> {
        self.serialize_i64(v as i64)
    }
    fn serialize_i16(self, v: i16) -> Result<()> {
        self.serialize_i64(v as i64)
    }
    fn serialize_i32(self, v: i32) -> Result<()> {
        self.serialize_i64(v as i64)
    }
    fn serialize_i64(self, v: i64) -> Result<()> {
        self.raw(&v.to_string());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<()> {
        self.serialize_u64(v as u64)
    }
    fn serialize_u16(self, v: u16) -> Result<()> {
        self.serialize_u64(v as u64)
    }
    fn serialize_u32(self, v: u32) -> Result<()> {
        self.serialize_u64(v as u64)
    }
    fn serialize_u64(self, v: u64) -> Result<()> {
        self.raw(&v.to_string());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<()> {
        let s = format_float(v as f64, 32)?;
        self.raw(&s);
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<()> {
        let s = format_float(v, 64)?;
        self.raw(&s);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<()> {
        // A Go rune is a number.
        self.serialize_i64(v as i64)
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        write_string(&mut self.out, v, self.escape_html);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        if v.is_empty() {
            return self.serialize_none();
        }
        let s = super::encoding::STD_ENCODING.encode_to_string(v);
        write_string(&mut self.out, &s, self.escape_html);
        Ok(())
    }
    fn serialize_none(self) -> Result<()> {
        self.raw("null");
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<()> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.raw("{}");
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<()> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> Result<()> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        v: &T,
    ) -> Result<()> {
        v.serialize(self)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a>> {
        // An empty slice is a nil one.
        Ok(Seq {
            enc: self,
            first: true,
            null: len == Some(0),
        })
    }
    fn serialize_tuple(self, _len: usize) -> Result<Seq<'a>> {
        Ok(Seq {
            enc: self,
            first: true,
            null: false,
        })
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq<'a>> {
        self.serialize_tuple(len)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Seq<'a>> {
        self.serialize_tuple(len)
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Map<'a>> {
        // A map's length is known; a struct with flattened (embedded) fields comes as a map of
        // unknown length, whose entries keep their order.
        Ok(Map {
            enc: self,
            entries: Vec::new(),
            key: None,
            sorted: len.is_some(),
            null: len == Some(0),
        })
    }
    fn serialize_struct(self, _: &'static str, _len: usize) -> Result<Map<'a>> {
        Ok(Map {
            enc: self,
            entries: Vec::new(),
            key: None,
            sorted: false,
            null: false,
        })
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        len: usize,
    ) -> Result<Map<'a>> {
        self.serialize_struct(name, len)
    }
}

/// An array being written.
pub struct Seq<'a> {
    enc: &'a mut Encoder,
    first: bool,
    null: bool,
}

impl Seq<'_> {
    fn elem<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<()> {
        self.enc.out.push(if std::mem::take(&mut self.first) {
            b'['
        } else {
            b','
        });
        v.serialize(&mut *self.enc)
    }

    fn finish(self) -> Result<()> {
        if self.null {
            self.enc.raw("null");
        } else if self.first {
            self.enc.raw("[]");
        } else {
            self.enc.out.push(b']');
        }
        Ok(())
    }
}

impl ser::SerializeSeq for Seq<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<()> {
        self.elem(v)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl ser::SerializeTuple for Seq<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<()> {
        self.elem(v)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for Seq<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<()> {
        self.elem(v)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for Seq<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<()> {
        self.elem(v)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

/// An object being written: its entries are collected (map entries are sorted by key).
pub struct Map<'a> {
    enc: &'a mut Encoder,
    entries: Vec<(String, Vec<u8>)>,
    key: Option<String>,
    sorted: bool,
    null: bool,
}

impl Map<'_> {
    fn entry<T: Serialize + ?Sized>(&mut self, key: String, v: &T) -> Result<()> {
        let mut e = Encoder {
            out: Vec::new(),
            escape_html: self.enc.escape_html,
        };
        v.serialize(&mut e)?;
        self.entries.push((key, e.out));
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        if self.null {
            self.enc.raw("null");
            return Ok(());
        }
        if self.sorted {
            self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        }
        let html = self.enc.escape_html;
        let out = &mut self.enc.out;
        out.push(b'{');
        for (i, (k, v)) in self.entries.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            write_string(out, k, html);
            out.push(b':');
            out.extend_from_slice(v);
        }
        out.push(b'}');
        Ok(())
    }
}

impl ser::SerializeMap for Map<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(KeyText)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<()> {
        let key = self.key.take().unwrap_or_default();
        self.entry(key, v)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl ser::SerializeStruct for Map<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<()> {
        self.entry(key.to_string(), v)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for Map<'_> {
    type Ok = ();
    type Error = JsonError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> Result<()> {
        self.entry(key.to_string(), v)
    }
    fn end(self) -> Result<()> {
        self.finish()
    }
}

/// A map key as its JSON text: strings as they are, integers in decimal; other key types are
/// Go's "unsupported type" error.
struct KeyText;

fn bad_key() -> JsonError {
    JsonError("json: unsupported type: map key of this type".to_string())
}

impl ser::Serializer for KeyText {
    type Ok = String;
    type Error = JsonError;
    type SerializeSeq = ser::Impossible<String, JsonError>;
    type SerializeTuple = ser::Impossible<String, JsonError>;
    type SerializeTupleStruct = ser::Impossible<String, JsonError>;
    type SerializeTupleVariant = ser::Impossible<String, JsonError>;
    type SerializeMap = ser::Impossible<String, JsonError>;
    type SerializeStruct = ser::Impossible<String, JsonError>;
    type SerializeStructVariant = ser::Impossible<String, JsonError>;

    fn serialize_bool(self, _: bool) -> Result<String> {
        Err(bad_key())
    }
    fn serialize_i8(self, v: i8) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, _: f32) -> Result<String> {
        Err(bad_key())
    }
    fn serialize_f64(self, _: f64) -> Result<String> {
        Err(bad_key())
    }
    fn serialize_char(self, v: char) -> Result<String> {
        Ok((v as i64).to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String> {
        Err(bad_key())
    }
    fn serialize_none(self) -> Result<String> {
        Err(bad_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<String> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<String> {
        Err(bad_key())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String> {
        Err(bad_key())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, v: &'static str) -> Result<String> {
        Ok(v.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<String> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String> {
        Err(bad_key())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(bad_key())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple> {
        Err(bad_key())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(bad_key())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(bad_key())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap> {
        Err(bad_key())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct> {
        Err(bad_key())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(bad_key())
    }
}

/// Go's `json.Indent`: a newline and `prefix` plus `indent` per level before each element,
/// `": "` after keys; empty objects and arrays stay `{}` and `[]`.
pub fn indent(src: &[u8], prefix: &str, indent: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(src.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut need_indent = false;
    let newline = |out: &mut Vec<u8>, depth: usize| {
        out.push(b'\n');
        out.extend_from_slice(prefix.as_bytes());
        for _ in 0..depth {
            out.extend_from_slice(indent.as_bytes());
        }
    };
    for &c in src {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            }
            continue;
        }
        if c == b' ' || c == b'\t' || c == b'\n' || c == b'\r' {
            continue;
        }
        if need_indent && c != b']' && c != b'}' {
            need_indent = false;
            depth += 1;
            newline(&mut out, depth);
        }
        match c {
            b'"' => {
                in_string = true;
                out.push(c);
            }
            b'{' | b'[' => {
                out.push(c);
                need_indent = true;
            }
            b',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            b':' => {
                out.push(c);
                out.push(b' ');
            }
            b'}' | b']' => {
                if need_indent {
                    // An empty object or array.
                    need_indent = false;
                } else {
                    depth = depth.saturating_sub(1);
                    newline(&mut out, depth);
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}
