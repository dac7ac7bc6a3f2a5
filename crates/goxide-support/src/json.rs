//! `encoding/json` over serde: `Marshal`, `MarshalIndent`, `Unmarshal`, `Valid`, `Indent`
//! with Go's output and error texts.
//!
//! Translated structs derive `serde::Serialize` / `serde::Deserialize` with Go's field names
//! (`#[serde(rename = "…")]`), `omitempty` as `skip_serializing_if = "…json::is_empty"`,
//! `json:"-"` and unexported fields as `skip`, and `[]byte` fields `with = "…json::bytes"`.
//! The encoder (`json_encode`) and decoder (`json_decode`) implement serde's data model with
//! Go's rules; this module holds the entry points and the pieces the derives refer to.

use super::errors::Error;
use super::iface::{Iface, Value};
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, Serialize, SerializeMap, Serializer};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;

/// An encoding or decoding error: its Go text.
#[derive(Debug, Clone)]
pub struct JsonError(pub String);

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for JsonError {}

impl ser::Error for JsonError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonError(format!("json: {msg}"))
    }
}

impl de::Error for JsonError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        JsonError(format!("json: {msg}"))
    }
}

fn go_error(e: JsonError) -> Error {
    Some(Rc::new(e))
}

/// `json.Marshal(v)`.
pub fn marshal<T: Serialize + ?Sized>(v: &T) -> (Vec<u8>, Error) {
    match super::json_encode::encode(v, true) {
        Ok(b) => (b, None),
        Err(e) => (Vec::new(), go_error(e)),
    }
}

/// `json.MarshalIndent(v, prefix, indent)`.
pub fn marshal_indent<T: Serialize + ?Sized>(
    v: &T,
    prefix: &str,
    indent: &str,
) -> (Vec<u8>, Error) {
    match super::json_encode::encode(v, true) {
        Ok(b) => (super::json_encode::indent(&b, prefix, indent), None),
        Err(e) => (Vec::new(), go_error(e)),
    }
}

/// `json.Unmarshal(data, &v)`: Go's syntax errors leave `v` alone; a value of the wrong JSON
/// type leaves its field at the zero value and is reported after the rest is decoded.
pub fn unmarshal<T: DeserializeOwned>(data: &[u8], v: &mut T) -> Error {
    match super::json_decode::decode::<T>(data) {
        Ok((value, err)) => {
            *v = value;
            err.map(go_error).unwrap_or(None)
        }
        Err(e) => go_error(e),
    }
}

/// A `*json.Encoder` writing to standard output or standard error: a handle (copies share
/// the settings).
#[derive(Clone)]
pub struct Encoder {
    state: Rc<std::cell::RefCell<EncoderState>>,
}

struct EncoderState {
    stderr: bool,
    prefix: String,
    indent: String,
    escape_html: bool,
}

impl Encoder {
    /// `json.NewEncoder(os.Stdout)` (or `os.Stderr`).
    pub fn new(stderr: bool) -> Encoder {
        Encoder {
            state: Rc::new(std::cell::RefCell::new(EncoderState {
                stderr,
                prefix: String::new(),
                indent: String::new(),
                escape_html: true,
            })),
        }
    }

    /// `enc.Encode(v)`: the value and a newline.
    pub fn encode<T: Serialize + ?Sized>(&self, v: &T) -> Error {
        let st = self.state.borrow();
        let mut b = match super::json_encode::encode(v, st.escape_html) {
            Ok(b) => b,
            Err(e) => return go_error(e),
        };
        if !st.prefix.is_empty() || !st.indent.is_empty() {
            b = super::json_encode::indent(&b, &st.prefix, &st.indent);
        }
        b.push(b'\n');
        let written = if st.stderr {
            std::io::Write::write_all(&mut std::io::stderr(), &b)
        } else {
            let mut out = std::io::stdout().lock();
            std::io::Write::write_all(&mut out, &b).and_then(|_| std::io::Write::flush(&mut out))
        };
        match written {
            Ok(()) => None,
            Err(e) => super::errors::new(e.to_string()),
        }
    }

    /// `enc.SetIndent(prefix, indent)`.
    pub fn set_indent(&self, prefix: &str, indent: &str) {
        let mut st = self.state.borrow_mut();
        st.prefix = prefix.to_string();
        st.indent = indent.to_string();
    }

    /// `enc.SetEscapeHTML(on)`.
    pub fn set_escape_html(&self, on: bool) {
        self.state.borrow_mut().escape_html = on;
    }
}

/// `json.Valid(data)`.
pub fn valid(data: &[u8]) -> bool {
    super::json_decode::check_valid(data).is_ok()
}

/// `json.Indent(&dst, src, prefix, indent)`.
pub fn indent(dst: &mut Vec<u8>, src: &[u8], prefix: &str, indent: &str) -> Error {
    if let Err(e) = super::json_decode::check_valid(src) {
        return go_error(e);
    }
    dst.extend(super::json_encode::indent(src, prefix, indent));
    None
}

/// `json.Compact(&dst, src)`.
pub fn compact(dst: &mut Vec<u8>, src: &[u8]) -> Error {
    if let Err(e) = super::json_decode::check_valid(src) {
        return go_error(e);
    }
    let mut in_string = false;
    let mut escaped = false;
    for &c in src {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_string = false;
            }
        } else if c == b'"' {
            in_string = true;
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            continue;
        }
        dst.push(c);
    }
    None
}

/// Go's `omitempty` test: false, 0, "", nil, and empty slices, maps and arrays.
pub trait Empty {
    fn is_empty_value(&self) -> bool;
}

/// `skip_serializing_if` for `omitempty` fields.
pub fn is_empty<T: Empty + ?Sized>(v: &T) -> bool {
    v.is_empty_value()
}

macro_rules! empty_zero {
    ($($t:ty),*) => {$(
        impl Empty for $t {
            fn is_empty_value(&self) -> bool {
                *self == (0 as $t)
            }
        }
    )*};
}

empty_zero!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64);

impl Empty for bool {
    fn is_empty_value(&self) -> bool {
        !*self
    }
}

impl Empty for String {
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl<T> Empty for Vec<T> {
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl<T, const N: usize> Empty for [T; N] {
    fn is_empty_value(&self) -> bool {
        N == 0
    }
}

impl<K, V, S> Empty for HashMap<K, V, S> {
    fn is_empty_value(&self) -> bool {
        self.is_empty()
    }
}

impl<T> Empty for Option<T> {
    fn is_empty_value(&self) -> bool {
        self.is_none()
    }
}

/// `[]byte` fields: base64 text (`null` when nil), as Go encodes them.
pub mod bytes {
    use serde::de::{self, Deserializer, SeqAccess, Visitor};
    use serde::Serializer;
    use std::fmt;

    pub fn serialize<S: Serializer>(v: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(v)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct Bytes;
        impl<'de> Visitor<'de> for Bytes {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("base64 text")
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_unit<E: de::Error>(self) -> Result<Vec<u8>, E> {
                Ok(Vec::new())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<u8>, A::Error> {
                let mut out = Vec::new();
                while let Some(b) = seq.next_element::<u8>()? {
                    out.push(b);
                }
                Ok(out)
            }
        }
        d.deserialize_byte_buf(Bytes)
    }
}

/// An `interface{}` value encodes as its dynamic value (the kinds JSON itself produces, and
/// slices and maps of them).
impl Serialize for dyn Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let any = self.as_any();
        macro_rules! try_types {
            ($($t:ty),*) => {$(
                if let Some(v) = any.downcast_ref::<$t>() {
                    return v.serialize(s);
                }
            )*};
        }
        try_types!(
            String,
            bool,
            f64,
            i64,
            f32,
            i32,
            i16,
            i8,
            u64,
            u32,
            u16,
            u8,
            Iface,
            Vec<Iface>,
            Vec<String>,
            Vec<i64>,
            Vec<f64>,
            Vec<bool>
        );
        if let Some(m) = any.downcast_ref::<HashMap<String, Iface>>() {
            let mut map = s.serialize_map(Some(m.len()))?;
            for (k, v) in m {
                map.serialize_entry(k, v)?;
            }
            return map.end();
        }
        if let Some(m) = any.downcast_ref::<HashMap<String, String>>() {
            return m.serialize(s);
        }
        if let Some(m) = any.downcast_ref::<HashMap<String, i64>>() {
            return m.serialize(s);
        }
        if let Some(m) = any.downcast_ref::<HashMap<String, f64>>() {
            return m.serialize(s);
        }
        if let Some(e) = any.downcast_ref::<Error>() {
            // Go encodes an error value's (unexported) fields: none.
            return match e {
                None => s.serialize_none(),
                Some(_) => s.serialize_map(Some(1))?.end(),
            };
        }
        Err(ser::Error::custom(format_args!(
            "unsupported type: {}",
            self.type_name()
        )))
    }
}

/// A JSON value decoded into an `interface{}`: `float64`, `string`, `bool`, `[]interface{}`
/// or `map[string]interface{}` (`null` is nil, through `Option`).
impl<'de> serde::Deserialize<'de> for Box<dyn Value> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Any;
        impl<'de> Visitor<'de> for Any {
            type Value = Box<dyn Value>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(Box::new(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                Ok(Box::new(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Box::new(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(Box::new(v as f64))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Box::new(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(Box::new(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out: Vec<Iface> = Vec::new();
                while let Some(v) = seq.next_element::<Iface>()? {
                    out.push(v);
                }
                Ok(Box::new(out))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out: HashMap<String, Iface> = HashMap::new();
                while let Some((k, v)) = map.next_entry::<String, Iface>()? {
                    out.insert(k, v);
                }
                Ok(Box::new(out))
            }
        }
        d.deserialize_any(Any)
    }
}
