//! `encoding/json`'s decoder as a serde `Deserializer`, with Go's rules: the input is first
//! checked by Go's scanner (so syntax errors read as Go's: `invalid character '}' looking for
//! beginning of value`, `unexpected end of JSON input`), then parsed into a tree and handed to
//! the type's `Deserialize`. Object keys match struct fields exactly or else ignoring case;
//! unknown keys are skipped; `null` leaves a field at its zero value; a value of the wrong JSON
//! type leaves the zero value and gives Go's `json: cannot unmarshal string into Go struct
//! field T.f of type int` once the rest is decoded.

use super::json::JsonError;
use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use std::cell::RefCell;

type Result<T> = std::result::Result<T, JsonError>;

/// Go's scanner states.
#[derive(Clone, Copy, PartialEq)]
enum St {
    BeginValueOrEmpty,
    BeginValue,
    BeginStringOrEmpty,
    BeginString,
    EndValue,
    EndTop,
    InString,
    InStringEsc,
    Esc(u8),
    Neg,
    One,
    Zero,
    Dot,
    Dot0,
    E,
    ESign,
    E0,
    Lit(&'static [u8], usize),
}

#[derive(Clone, Copy, PartialEq)]
enum Parse {
    ObjectKey,
    ObjectValue,
    ArrayValue,
}

struct Scanner {
    st: St,
    stack: Vec<Parse>,
    end_top: bool,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// Go's `quoteChar`.
fn quote_char(c: u8) -> String {
    match c {
        b'\'' => "'\\''".to_string(),
        b'"' => "'\"'".to_string(),
        _ => {
            let q = super::strconv::quote(&char::from(c).to_string());
            format!("'{}'", &q[1..q.len() - 1])
        }
    }
}

fn syntax(c: u8, context: &str) -> JsonError {
    JsonError(format!("invalid character {} {context}", quote_char(c)))
}

impl Scanner {
    fn pop(&mut self) {
        self.stack.pop();
        if self.stack.is_empty() {
            self.st = St::EndTop;
            self.end_top = true;
        } else {
            self.st = St::EndValue;
        }
    }

    fn step(&mut self, c: u8) -> Result<()> {
        match self.st {
            St::BeginValueOrEmpty => {
                if is_space(c) {
                    return Ok(());
                }
                if c == b']' {
                    return self.end_value(c);
                }
                self.begin_value(c)
            }
            St::BeginValue => self.begin_value(c),
            St::BeginStringOrEmpty => {
                if is_space(c) {
                    return Ok(());
                }
                if c == b'}' {
                    if let Some(top) = self.stack.last_mut() {
                        *top = Parse::ObjectValue;
                    }
                    return self.end_value(c);
                }
                self.begin_string(c)
            }
            St::BeginString => self.begin_string(c),
            St::EndValue => self.end_value(c),
            St::EndTop => {
                if !is_space(c) {
                    return Err(syntax(c, "after top-level value"));
                }
                Ok(())
            }
            St::InString => {
                match c {
                    b'"' => self.st = St::EndValue,
                    b'\\' => self.st = St::InStringEsc,
                    0..=0x1f => return Err(syntax(c, "in string literal")),
                    _ => {}
                }
                Ok(())
            }
            St::InStringEsc => {
                match c {
                    b'b' | b'f' | b'n' | b'r' | b't' | b'\\' | b'/' | b'"' => {
                        self.st = St::InString
                    }
                    b'u' => self.st = St::Esc(0),
                    _ => return Err(syntax(c, "in string escape code")),
                }
                Ok(())
            }
            St::Esc(n) => {
                if !c.is_ascii_hexdigit() {
                    return Err(syntax(c, "in \\u hexadecimal character escape"));
                }
                self.st = if n == 3 { St::InString } else { St::Esc(n + 1) };
                Ok(())
            }
            St::Neg => match c {
                b'0' => {
                    self.st = St::Zero;
                    Ok(())
                }
                b'1'..=b'9' => {
                    self.st = St::One;
                    Ok(())
                }
                _ => Err(syntax(c, "in numeric literal")),
            },
            St::One => {
                if c.is_ascii_digit() {
                    return Ok(());
                }
                self.zero(c)
            }
            St::Zero => self.zero(c),
            St::Dot => {
                if c.is_ascii_digit() {
                    self.st = St::Dot0;
                    return Ok(());
                }
                Err(syntax(c, "after decimal point in numeric literal"))
            }
            St::Dot0 => {
                if c.is_ascii_digit() {
                    return Ok(());
                }
                if c == b'e' || c == b'E' {
                    self.st = St::E;
                    return Ok(());
                }
                self.end_value(c)
            }
            St::E => {
                if c == b'+' || c == b'-' {
                    self.st = St::ESign;
                    return Ok(());
                }
                self.e_sign(c)
            }
            St::ESign => self.e_sign(c),
            St::E0 => {
                if c.is_ascii_digit() {
                    return Ok(());
                }
                self.end_value(c)
            }
            St::Lit(word, i) => {
                if c != word[i] {
                    let word_s = std::str::from_utf8(word).unwrap_or("");
                    return Err(syntax(
                        c,
                        &format!("in literal {word_s} (expecting {})", quote_char(word[i])),
                    ));
                }
                self.st = if i + 1 == word.len() {
                    St::EndValue
                } else {
                    St::Lit(word, i + 1)
                };
                Ok(())
            }
        }
    }

    fn zero(&mut self, c: u8) -> Result<()> {
        match c {
            b'.' => {
                self.st = St::Dot;
                Ok(())
            }
            b'e' | b'E' => {
                self.st = St::E;
                Ok(())
            }
            _ => self.end_value(c),
        }
    }

    fn e_sign(&mut self, c: u8) -> Result<()> {
        if c.is_ascii_digit() {
            self.st = St::E0;
            return Ok(());
        }
        Err(syntax(c, "in exponent of numeric literal"))
    }

    fn begin_value(&mut self, c: u8) -> Result<()> {
        if is_space(c) {
            return Ok(());
        }
        self.st = match c {
            b'{' => {
                self.stack.push(Parse::ObjectKey);
                St::BeginStringOrEmpty
            }
            b'[' => {
                self.stack.push(Parse::ArrayValue);
                St::BeginValueOrEmpty
            }
            b'"' => St::InString,
            b'-' => St::Neg,
            b'0' => St::Zero,
            b'1'..=b'9' => St::One,
            b't' => St::Lit(b"true", 1),
            b'f' => St::Lit(b"false", 1),
            b'n' => St::Lit(b"null", 1),
            _ => return Err(syntax(c, "looking for beginning of value")),
        };
        Ok(())
    }

    fn begin_string(&mut self, c: u8) -> Result<()> {
        if is_space(c) {
            return Ok(());
        }
        if c == b'"' {
            self.st = St::InString;
            return Ok(());
        }
        Err(syntax(c, "looking for beginning of object key string"))
    }

    fn end_value(&mut self, c: u8) -> Result<()> {
        let Some(&top) = self.stack.last() else {
            self.st = St::EndTop;
            self.end_top = true;
            return self.step(c);
        };
        if is_space(c) {
            self.st = St::EndValue;
            return Ok(());
        }
        match top {
            Parse::ObjectKey => {
                if c == b':' {
                    *self.stack.last_mut().unwrap() = Parse::ObjectValue;
                    self.st = St::BeginValue;
                    return Ok(());
                }
                Err(syntax(c, "after object key"))
            }
            Parse::ObjectValue => match c {
                b',' => {
                    *self.stack.last_mut().unwrap() = Parse::ObjectKey;
                    self.st = St::BeginString;
                    Ok(())
                }
                b'}' => {
                    self.pop();
                    Ok(())
                }
                _ => Err(syntax(c, "after object key:value pair")),
            },
            Parse::ArrayValue => match c {
                b',' => {
                    self.st = St::BeginValue;
                    Ok(())
                }
                b']' => {
                    self.pop();
                    Ok(())
                }
                _ => Err(syntax(c, "after array element")),
            },
        }
    }
}

/// Go's `checkValid`: `Ok` when `data` is one JSON value, else Go's syntax error.
pub fn check_valid(data: &[u8]) -> Result<()> {
    let mut s = Scanner {
        st: St::BeginValue,
        stack: Vec::new(),
        end_top: false,
    };
    for &c in data {
        s.step(c)?;
    }
    if s.end_top {
        return Ok(());
    }
    s.step(b' ')?;
    if s.end_top {
        return Ok(());
    }
    Err(JsonError("unexpected end of JSON input".to_string()))
}

/// A parsed JSON value; numbers keep their text.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// What Go calls this kind of value in a type error.
    fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "bool",
            Json::Num(_) => "number",
            Json::Str(_) => "string",
            Json::Arr(_) => "array",
            Json::Obj(_) => "object",
        }
    }
}

/// Parses valid JSON (checked by [`check_valid`]).
struct Parser<'a> {
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.b.len() && is_space(self.b[self.i]) {
            self.i += 1;
        }
    }

    fn value(&mut self) -> Json {
        self.ws();
        let Some(&c) = self.b.get(self.i) else {
            return Json::Null;
        };
        match c {
            b'{' => {
                self.i += 1;
                let mut out = Vec::new();
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b'}') | None => {
                            self.i += 1;
                            return Json::Obj(out);
                        }
                        Some(b',') => self.i += 1,
                        _ => {
                            let k = self.string();
                            self.ws();
                            self.i += 1; // ':'
                            let v = self.value();
                            out.push((k, v));
                        }
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut out = Vec::new();
                loop {
                    self.ws();
                    match self.b.get(self.i) {
                        Some(b']') | None => {
                            self.i += 1;
                            return Json::Arr(out);
                        }
                        Some(b',') => self.i += 1,
                        _ => out.push(self.value()),
                    }
                }
            }
            b'"' => Json::Str(self.string()),
            b't' => {
                self.i += 4;
                Json::Bool(true)
            }
            b'f' => {
                self.i += 5;
                Json::Bool(false)
            }
            b'n' => {
                self.i += 4;
                Json::Null
            }
            _ => {
                let start = self.i;
                while self.i < self.b.len()
                    && matches!(
                        self.b[self.i],
                        b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
                    )
                {
                    self.i += 1;
                }
                Json::Num(String::from_utf8_lossy(&self.b[start..self.i]).into_owned())
            }
        }
    }

    fn hex4(&mut self) -> u32 {
        let s = std::str::from_utf8(&self.b[self.i..self.i + 4]).unwrap_or("0");
        self.i += 4;
        u32::from_str_radix(s, 16).unwrap_or(0xFFFD)
    }

    /// A string literal at `i` (the opening quote), unescaped; bad UTF-8 and lone surrogates
    /// become U+FFFD, as in Go.
    fn string(&mut self) -> String {
        self.i += 1;
        let mut out: Vec<u8> = Vec::new();
        while self.i < self.b.len() {
            let c = self.b[self.i];
            self.i += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let e = self.b[self.i];
                    self.i += 1;
                    let ch = match e {
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let u = self.hex4();
                            if (0xD800..0xDC00).contains(&u)
                                && self.b.get(self.i) == Some(&b'\\')
                                && self.b.get(self.i + 1) == Some(&b'u')
                            {
                                let save = self.i;
                                self.i += 2;
                                let lo = self.hex4();
                                if (0xDC00..0xE000).contains(&lo) {
                                    char::from_u32(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00))
                                        .unwrap_or('\u{FFFD}')
                                } else {
                                    self.i = save;
                                    '\u{FFFD}'
                                }
                            } else {
                                char::from_u32(u).unwrap_or('\u{FFFD}')
                            }
                        }
                        other => other as char,
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                }
                _ => out.push(c),
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// Decodes `data` into a `T`: the value and Go's first type error, or a syntax error.
pub fn decode<T: DeserializeOwned>(data: &[u8]) -> Result<(T, Option<JsonError>)> {
    check_valid(data)?;
    let tree = Parser { b: data, i: 0 }.value();
    let st = State::default();
    let v = T::deserialize(De { v: &tree, st: &st })?;
    let err = st.err.into_inner();
    Ok((v, err))
}

/// The decoder's context for Go's type errors.
#[derive(Default)]
struct State {
    err: RefCell<Option<JsonError>>,
    /// JSON names of the struct fields being decoded, outermost first.
    fields: RefCell<Vec<String>>,
    /// Names of the structs those fields belong to.
    structs: RefCell<Vec<&'static str>>,
}

impl State {
    /// Records Go's `UnmarshalTypeError` (the first one wins).
    fn mismatch(&self, value: String, go_type: &str) {
        let mut err = self.err.borrow_mut();
        if err.is_some() {
            return;
        }
        let fields = self.fields.borrow();
        let msg = match self.structs.borrow().last() {
            Some(s) => format!(
                "json: cannot unmarshal {value} into Go struct field {s}.{} of type {go_type}",
                fields.join(".")
            ),
            None => format!("json: cannot unmarshal {value} into Go value of type {go_type}"),
        };
        *err = Some(JsonError(msg));
    }
}

/// Deserializes one JSON value.
#[derive(Clone, Copy)]
struct De<'a> {
    v: &'a Json,
    st: &'a State,
}

impl<'a> De<'a> {
    fn wrong(&self, go_type: &str) {
        self.st.mismatch(self.v.kind().to_string(), go_type);
    }

    fn int<'de, V: Visitor<'de>>(
        self,
        v: V,
        go_type: &str,
        min: i128,
        max: i128,
    ) -> Result<V::Value> {
        match self.v {
            Json::Num(s) => match s.parse::<i128>() {
                Ok(n) if n >= min && n <= max => {
                    if n < 0 {
                        v.visit_i64(n as i64)
                    } else {
                        v.visit_u64(n as u64)
                    }
                }
                _ => {
                    self.st.mismatch(format!("number {s}"), go_type);
                    v.visit_u64(0)
                }
            },
            Json::Null => v.visit_u64(0),
            _ => {
                self.wrong(go_type);
                v.visit_u64(0)
            }
        }
    }

    fn float<'de, V: Visitor<'de>>(self, v: V, go_type: &str, bits: u32) -> Result<V::Value> {
        match self.v {
            Json::Num(s) => {
                let f: f64 = s.parse().unwrap_or(f64::INFINITY);
                let fits = if bits == 32 {
                    (f as f32).is_finite()
                } else {
                    f.is_finite()
                };
                if fits {
                    v.visit_f64(f)
                } else {
                    self.st.mismatch(format!("number {s}"), go_type);
                    v.visit_f64(0.0)
                }
            }
            Json::Null => v.visit_f64(0.0),
            _ => {
                self.wrong(go_type);
                v.visit_f64(0.0)
            }
        }
    }

    fn seq<'de, V: Visitor<'de>>(self, v: V, len: Option<usize>) -> Result<V::Value> {
        let empty = Vec::new();
        let items = match self.v {
            Json::Arr(items) => items,
            Json::Null => &empty,
            _ => {
                self.wrong("slice");
                &empty
            }
        };
        v.visit_seq(Seq {
            items,
            i: 0,
            len,
            st: self.st,
        })
    }
}

/// Go's name for the Rust type a visitor asked for.
macro_rules! int_method {
    ($name:ident, $go:expr, $t:ty) => {
        fn $name<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
            self.int(v, $go, <$t>::MIN as i128, <$t>::MAX as i128)
        }
    };
}

impl<'de> de::Deserializer<'de> for De<'_> {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.v {
            Json::Null => v.visit_unit(),
            Json::Bool(b) => v.visit_bool(*b),
            // An integer literal stays an integer: a struct that embeds another (`serde(flatten)`)
            // buffers its fields through here before an `int` field reads them. (An
            // `interface{}` makes every number a `float64` itself.)
            Json::Num(s) if !s.contains(['.', 'e', 'E']) && s.parse::<i64>().is_ok() => {
                v.visit_i64(s.parse::<i64>().unwrap_or_default())
            }
            Json::Num(s) if !s.contains(['.', 'e', 'E']) && s.parse::<u64>().is_ok() => {
                v.visit_u64(s.parse::<u64>().unwrap_or_default())
            }
            Json::Num(s) => match s.parse::<f64>() {
                Ok(f) if f.is_finite() => v.visit_f64(f),
                _ => {
                    self.st.mismatch(format!("number {s}"), "float64");
                    v.visit_unit()
                }
            },
            Json::Str(s) => v.visit_str(s),
            Json::Arr(_) => self.seq(v, None),
            Json::Obj(entries) => v.visit_map(Entries {
                entries: entries.iter().map(|(k, v)| (k.clone(), v)).collect(),
                i: 0,
                st: self.st,
                strukt: None,
            }),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.v {
            Json::Bool(b) => v.visit_bool(*b),
            Json::Null => v.visit_bool(false),
            _ => {
                self.wrong("bool");
                v.visit_bool(false)
            }
        }
    }

    int_method!(deserialize_i8, "int8", i8);
    int_method!(deserialize_i16, "int16", i16);
    int_method!(deserialize_i32, "int32", i32);
    int_method!(deserialize_i64, "int", i64);
    int_method!(deserialize_u8, "uint8", u8);
    int_method!(deserialize_u16, "uint16", u16);
    int_method!(deserialize_u32, "uint32", u32);
    int_method!(deserialize_u64, "uint64", u64);

    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.float(v, "float32", 32)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.float(v, "float64", 64)
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.deserialize_i32(v)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.v {
            Json::Str(s) => v.visit_str(s),
            Json::Null => v.visit_str(""),
            _ => {
                self.wrong("string");
                v.visit_str("")
            }
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.deserialize_str(v)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.deserialize_byte_buf(v)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.v {
            Json::Str(s) => {
                let (b, err) = super::encoding::STD_ENCODING.decode_string(s);
                if let Some(e) = err {
                    let mut slot = self.st.err.borrow_mut();
                    if slot.is_none() {
                        *slot = Some(JsonError(e.to_string()));
                    }
                    return v.visit_byte_buf(Vec::new());
                }
                v.visit_byte_buf(b)
            }
            Json::Arr(_) => self.seq(v, None),
            Json::Null => v.visit_unit(),
            _ => {
                self.wrong("[]uint8");
                v.visit_unit()
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        match self.v {
            Json::Null => v.visit_none(),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, v: V) -> Result<V::Value> {
        v.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.seq(v, None)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value> {
        // A Go array: extra elements are dropped, missing ones are zero.
        self.seq(v, Some(len))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value> {
        self.seq(v, Some(len))
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        let entries = match self.v {
            Json::Obj(entries) => entries.iter().map(|(k, v)| (k.clone(), v)).collect(),
            Json::Null => Vec::new(),
            _ => {
                self.wrong("map");
                Vec::new()
            }
        };
        v.visit_map(Entries {
            entries,
            i: 0,
            st: self.st,
            strukt: None,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        let Json::Obj(entries) = self.v else {
            if *self.v != Json::Null {
                self.wrong(&format!("main.{name}"));
            }
            return v.visit_map(Entries {
                entries: Vec::new(),
                i: 0,
                st: self.st,
                strukt: None,
            });
        };
        // Keys name fields exactly or else ignoring case; a later duplicate wins.
        let mut out: Vec<(String, &Json)> = Vec::new();
        for (k, val) in entries {
            let key = fields
                .iter()
                .find(|f| **f == k)
                .or_else(|| fields.iter().find(|f| f.to_lowercase() == k.to_lowercase()))
                .map_or_else(|| k.clone(), |f| f.to_string());
            out.retain(|(o, _)| *o != key);
            out.push((key, val));
        }
        v.visit_map(Entries {
            entries: out,
            i: 0,
            st: self.st,
            strukt: Some(name),
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value> {
        Err(JsonError("json: cannot unmarshal into an enum".to_string()))
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        self.deserialize_str(v)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_unit()
    }
}

struct Seq<'a> {
    items: &'a [Json],
    i: usize,
    len: Option<usize>,
    st: &'a State,
}

impl<'de> de::SeqAccess<'de> for Seq<'_> {
    type Error = JsonError;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>> {
        static NULL: Json = Json::Null;
        let limit = self.len.unwrap_or(self.items.len());
        if self.i >= limit {
            return Ok(None);
        }
        let v = self.items.get(self.i).unwrap_or(&NULL);
        self.i += 1;
        seed.deserialize(De { v, st: self.st }).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.len.unwrap_or(self.items.len()).saturating_sub(self.i))
    }
}

struct Entries<'a> {
    entries: Vec<(String, &'a Json)>,
    i: usize,
    st: &'a State,
    /// The struct whose fields these are.
    strukt: Option<&'static str>,
}

impl<'de> de::MapAccess<'de> for Entries<'_> {
    type Error = JsonError;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((k, _)) = self.entries.get(self.i) else {
            return Ok(None);
        };
        seed.deserialize(Key(k.clone())).map(Some)
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let (k, v) = self.entries[self.i].clone();
        self.i += 1;
        let de = De { v, st: self.st };
        match self.strukt {
            Some(s) => {
                self.st.fields.borrow_mut().push(k);
                self.st.structs.borrow_mut().push(s);
                let r = seed.deserialize(de);
                self.st.fields.borrow_mut().pop();
                self.st.structs.borrow_mut().pop();
                r
            }
            None => seed.deserialize(de),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len() - self.i)
    }
}

/// An object key: a string, or an integer for maps with integer keys.
struct Key(String);

macro_rules! key_int {
    ($name:ident, $visit:ident, $t:ty) => {
        fn $name<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
            match self.0.parse::<$t>() {
                Ok(n) => v.$visit(n),
                Err(_) => Err(JsonError(format!(
                    "json: cannot unmarshal number {} into Go value of type {}",
                    self.0,
                    stringify!($t)
                ))),
            }
        }
    };
}

impl<'de> de::Deserializer<'de> for Key {
    type Error = JsonError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_string(self.0)
    }

    key_int!(deserialize_i8, visit_i8, i8);
    key_int!(deserialize_i16, visit_i16, i16);
    key_int!(deserialize_i32, visit_i32, i32);
    key_int!(deserialize_i64, visit_i64, i64);
    key_int!(deserialize_u8, visit_u8, u8);
    key_int!(deserialize_u16, visit_u16, u16);
    key_int!(deserialize_u32, visit_u32, u32);
    key_int!(deserialize_u64, visit_u64, u64);

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value> {
        v.visit_some(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value> {
        v.visit_enum(self.0.into_deserializer())
    }

    serde::forward_to_deserialize_any! {
        bool f32 f64 char str string bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}
