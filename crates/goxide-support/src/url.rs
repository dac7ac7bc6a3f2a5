//! Go's `net/url`: `Parse`, the `URL` and `Userinfo` types, query values and Go's escaping
//! rules (which bytes each part of a URL escapes, `+` for spaces in queries, upper-case hex),
//! with Go's error texts (`parse "x": invalid URL escape "%zz"`).
//!
//! [`Url`] is Go's `*url.URL` and [`Userinfo`] its `*url.Userinfo`: handles that may be nil
//! (what `Parse` returns with an error) and compare by identity. The URL's fields are read
//! and set through methods (`u.host()`, `u.set_host(h)`). `url.Values` is a plain
//! `HashMap<String, Vec<String>>`.

use super::errors::Error;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Go's `url.Values`.
pub type Values = HashMap<String, Vec<String>>;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Path,
    PathSegment,
    Host,
    Zone,
    UserPassword,
    QueryComponent,
    Fragment,
}

/// Go's `*url.Error`: `op "url": err`.
#[derive(Debug)]
pub struct UrlError {
    pub op: String,
    pub url: String,
    pub err: Rc<dyn std::error::Error>,
}

impl std::fmt::Display for UrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.op,
            super::strconv::quote(&self.url),
            self.err
        )
    }
}

impl std::error::Error for UrlError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.err)
    }
}

fn fail(msg: String) -> Result<String, Error> {
    Err(super::errors::new(msg))
}

fn escape_error(s: &[u8]) -> Result<String, Error> {
    fail(format!(
        "invalid URL escape {}",
        super::strconv::quote(&String::from_utf8_lossy(s))
    ))
}

fn should_escape(c: u8, mode: Mode) -> bool {
    if c.is_ascii_alphanumeric() {
        return false;
    }
    if matches!(mode, Mode::Host | Mode::Zone)
        && matches!(
            c,
            b'!' | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'"'
        )
    {
        return false;
    }
    match c {
        b'-' | b'_' | b'.' | b'~' => return false,
        b'$' | b'&' | b'+' | b',' | b'/' | b':' | b';' | b'=' | b'?' | b'@' => match mode {
            Mode::Path => return c == b'?',
            Mode::PathSegment => return matches!(c, b'/' | b';' | b',' | b'?'),
            Mode::UserPassword => return matches!(c, b'@' | b'/' | b'?' | b':'),
            Mode::QueryComponent => return true,
            Mode::Fragment => return false,
            _ => {}
        },
        _ => {}
    }
    if mode == Mode::Fragment && matches!(c, b'!' | b'(' | b')' | b'*') {
        return false;
    }
    true
}

fn unhex(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        b'A'..=b'F' => c - b'A' + 10,
        _ => 0,
    }
}

fn unescape(s: &str, mode: Mode) -> Result<String, Error> {
    let b = s.as_bytes();
    let mut n = 0;
    let mut has_plus = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                n += 1;
                if i + 2 >= b.len()
                    || !b[i + 1].is_ascii_hexdigit()
                    || !b[i + 2].is_ascii_hexdigit()
                {
                    let rest = &b[i..];
                    return escape_error(&rest[..rest.len().min(3)]);
                }
                let esc = &b[i..i + 3];
                if mode == Mode::Host && unhex(b[i + 1]) < 8 && esc != b"%25" {
                    return escape_error(esc);
                }
                if mode == Mode::Zone {
                    let v = (unhex(b[i + 1]) << 4) | unhex(b[i + 2]);
                    if esc != b"%25" && v != b' ' && should_escape(v, Mode::Host) {
                        return escape_error(esc);
                    }
                }
                i += 3;
            }
            b'+' => {
                has_plus = mode == Mode::QueryComponent;
                i += 1;
            }
            c => {
                if matches!(mode, Mode::Host | Mode::Zone) && c < 0x80 && should_escape(c, mode) {
                    return fail(format!(
                        "invalid character {} in host name",
                        super::strconv::quote(&(c as char).to_string())
                    ));
                }
                i += 1;
            }
        }
    }
    if n == 0 && !has_plus {
        return Ok(s.to_string());
    }
    let mut t = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                t.push((unhex(b[i + 1]) << 4) | unhex(b[i + 2]));
                i += 2;
            }
            b'+' if mode == Mode::QueryComponent => t.push(b' '),
            c => t.push(c),
        }
        i += 1;
    }
    Ok(String::from_utf8_lossy(&t).into_owned())
}

fn escape(s: &str, mode: Mode) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut t = Vec::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c == b' ' && mode == Mode::QueryComponent {
            t.push(b'+');
        } else if should_escape(c, mode) {
            t.extend_from_slice(&[b'%', HEX[usize::from(c >> 4)], HEX[usize::from(c & 15)]]);
        } else {
            t.push(c);
        }
    }
    String::from_utf8_lossy(&t).into_owned()
}

fn pair(r: Result<String, Error>) -> (String, Error) {
    match r {
        Ok(s) => (s, None),
        Err(e) => (String::new(), e),
    }
}

/// `url.QueryEscape(s)`.
pub fn query_escape(s: &str) -> String {
    escape(s, Mode::QueryComponent)
}

/// `url.QueryUnescape(s)`.
pub fn query_unescape(s: &str) -> (String, Error) {
    pair(unescape(s, Mode::QueryComponent))
}

/// `url.PathEscape(s)`.
pub fn path_escape(s: &str) -> String {
    escape(s, Mode::PathSegment)
}

/// `url.PathUnescape(s)`.
pub fn path_unescape(s: &str) -> (String, Error) {
    pair(unescape(s, Mode::PathSegment))
}

#[derive(Default)]
struct UserData {
    username: String,
    password: String,
    password_set: bool,
}

/// Go's `*url.Userinfo`.
#[derive(Clone, Default)]
pub struct Userinfo(Option<Rc<UserData>>);

/// `url.User(name)`.
pub fn user(username: &str) -> Userinfo {
    Userinfo(Some(Rc::new(UserData {
        username: username.to_string(),
        ..UserData::default()
    })))
}

/// `url.UserPassword(name, password)`.
pub fn user_password(username: &str, password: &str) -> Userinfo {
    Userinfo(Some(Rc::new(UserData {
        username: username.to_string(),
        password: password.to_string(),
        password_set: true,
    })))
}

impl Userinfo {
    pub fn nil() -> Userinfo {
        Userinfo(None)
    }
    pub fn is_nil(&self) -> bool {
        self.0.is_none()
    }
    /// `u.Username()` ("" for nil).
    pub fn username(&self) -> String {
        self.0
            .as_ref()
            .map_or_else(String::new, |u| u.username.clone())
    }
    /// `u.Password()`.
    pub fn password(&self) -> (String, bool) {
        self.0.as_ref().map_or((String::new(), false), |u| {
            (u.password.clone(), u.password_set)
        })
    }
    /// `u.String()`: escaped `user[:password]`.
    pub fn string(&self) -> String {
        let Some(u) = &self.0 else {
            return String::new();
        };
        let mut s = escape(&u.username, Mode::UserPassword);
        if u.password_set {
            s.push(':');
            s.push_str(&escape(&u.password, Mode::UserPassword));
        }
        s
    }
}

#[derive(Clone, Default)]
struct UrlData {
    scheme: String,
    opaque: String,
    user: Userinfo,
    host: String,
    path: String,
    raw_path: String,
    omit_host: bool,
    force_query: bool,
    raw_query: String,
    fragment: String,
    raw_fragment: String,
}

/// Go's `*url.URL`.
#[derive(Clone, Default)]
pub struct Url(Option<Rc<RefCell<UrlData>>>);

fn get_scheme(raw: &str) -> Result<(String, String), Error> {
    for (i, c) in raw.bytes().enumerate() {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' => {}
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                if i == 0 {
                    return Ok((String::new(), raw.to_string()));
                }
            }
            b':' => {
                if i == 0 {
                    return Err(super::errors::new("missing protocol scheme"));
                }
                return Ok((raw[..i].to_string(), raw[i + 1..].to_string()));
            }
            _ => return Ok((String::new(), raw.to_string())),
        }
    }
    Ok((String::new(), raw.to_string()))
}

fn valid_optional_port(port: &str) -> bool {
    if port.is_empty() {
        return true;
    }
    let Some(digits) = port.strip_prefix(':') else {
        return false;
    };
    digits.bytes().all(|b| b.is_ascii_digit())
}

fn parse_host(host: &str) -> Result<String, Error> {
    if host.starts_with('[') {
        let Some(i) = host.rfind(']') else {
            return fail("missing ']' in host".to_string());
        };
        let colon_port = &host[i + 1..];
        if !valid_optional_port(colon_port) {
            return fail(format!(
                "invalid port {} after host",
                super::strconv::quote(colon_port)
            ));
        }
        if let Some(zone) = host[..i].find("%25") {
            let h1 = unescape(&host[..zone], Mode::Host)?;
            let h2 = unescape(&host[zone..i], Mode::Zone)?;
            let h3 = unescape(&host[i..], Mode::Host)?;
            return Ok(h1 + &h2 + &h3);
        }
    } else if let Some(i) = host.rfind(':') {
        let colon_port = &host[i..];
        if !valid_optional_port(colon_port) {
            return fail(format!(
                "invalid port {} after host",
                super::strconv::quote(colon_port)
            ));
        }
    }
    unescape(host, Mode::Host)
}

fn valid_userinfo(s: &str) -> bool {
    s.chars().all(|r| {
        r.is_ascii_alphanumeric()
            || matches!(
                r,
                '-' | '.'
                    | '_'
                    | ':'
                    | '~'
                    | '!'
                    | '$'
                    | '&'
                    | '\''
                    | '('
                    | ')'
                    | '*'
                    | '+'
                    | ','
                    | ';'
                    | '='
                    | '%'
                    | '@'
            )
    })
}

fn parse_authority(authority: &str) -> Result<(Userinfo, String), Error> {
    let at = authority.rfind('@');
    let host = parse_host(match at {
        Some(i) => &authority[i + 1..],
        None => authority,
    })?;
    let Some(i) = at else {
        return Ok((Userinfo::nil(), host));
    };
    let userinfo = &authority[..i];
    if !valid_userinfo(userinfo) {
        return Err(super::errors::new("net/url: invalid userinfo"));
    }
    let user = match userinfo.split_once(':') {
        None => user(&unescape(userinfo, Mode::UserPassword)?),
        Some((name, password)) => user_password(
            &unescape(name, Mode::UserPassword)?,
            &unescape(password, Mode::UserPassword)?,
        ),
    };
    Ok((user, host))
}

fn valid_encoded(s: &str, mode: Mode) -> bool {
    s.bytes().all(|c| {
        matches!(
            c,
            b'!' | b'$'
                | b'&'
                | b'\''
                | b'('
                | b')'
                | b'*'
                | b'+'
                | b','
                | b';'
                | b'='
                | b':'
                | b'@'
                | b'['
                | b']'
                | b'%'
        ) || !should_escape(c, mode)
    })
}

impl UrlData {
    fn set_path(&mut self, p: &str) -> Result<(), Error> {
        let path = unescape(p, Mode::Path)?;
        self.raw_path = if escape(&path, Mode::Path) == p {
            String::new()
        } else {
            p.to_string()
        };
        self.path = path;
        Ok(())
    }

    fn set_fragment(&mut self, f: &str) -> Result<(), Error> {
        let frag = unescape(f, Mode::Fragment)?;
        self.raw_fragment = if escape(&frag, Mode::Fragment) == f {
            String::new()
        } else {
            f.to_string()
        };
        self.fragment = frag;
        Ok(())
    }

    fn escaped_path(&self) -> String {
        if !self.raw_path.is_empty() && valid_encoded(&self.raw_path, Mode::Path) {
            if let Ok(p) = unescape(&self.raw_path, Mode::Path) {
                if p == self.path {
                    return self.raw_path.clone();
                }
            }
        }
        if self.path == "*" {
            return "*".to_string();
        }
        escape(&self.path, Mode::Path)
    }

    fn escaped_fragment(&self) -> String {
        if !self.raw_fragment.is_empty() && valid_encoded(&self.raw_fragment, Mode::Fragment) {
            if let Ok(f) = unescape(&self.raw_fragment, Mode::Fragment) {
                if f == self.fragment {
                    return self.raw_fragment.clone();
                }
            }
        }
        escape(&self.fragment, Mode::Fragment)
    }

    fn string(&self) -> String {
        let mut buf = String::new();
        if !self.scheme.is_empty() {
            buf.push_str(&self.scheme);
            buf.push(':');
        }
        if !self.opaque.is_empty() {
            buf.push_str(&self.opaque);
        } else {
            let has_user = !self.user.is_nil();
            let authority = !self.scheme.is_empty() || !self.host.is_empty() || has_user;
            let omitted = self.omit_host && self.host.is_empty() && !has_user;
            if authority && !omitted {
                if !self.host.is_empty() || !self.path.is_empty() || has_user {
                    buf.push_str("//");
                }
                if has_user {
                    buf.push_str(&self.user.string());
                    buf.push('@');
                }
                if !self.host.is_empty() {
                    buf.push_str(&escape(&self.host, Mode::Host));
                }
            }
            let path = self.escaped_path();
            if !path.is_empty() && !path.starts_with('/') && !self.host.is_empty() {
                buf.push('/');
            }
            if buf.is_empty() {
                let segment = path.split('/').next().unwrap_or("");
                if segment.contains(':') {
                    buf.push_str("./");
                }
            }
            buf.push_str(&path);
        }
        if self.force_query || !self.raw_query.is_empty() {
            buf.push('?');
            buf.push_str(&self.raw_query);
        }
        if !self.fragment.is_empty() {
            buf.push('#');
            buf.push_str(&self.escaped_fragment());
        }
        buf
    }
}

fn parse_url(raw: &str, via_request: bool) -> Result<UrlData, Error> {
    if raw.bytes().any(|b| b < b' ' || b == 0x7f) {
        return Err(super::errors::new(
            "net/url: invalid control character in URL",
        ));
    }
    if raw.is_empty() && via_request {
        return Err(super::errors::new("empty url"));
    }
    let mut url = UrlData::default();
    if raw == "*" {
        url.path = "*".to_string();
        return Ok(url);
    }
    let (scheme, mut rest) = get_scheme(raw)?;
    url.scheme = scheme.to_lowercase();
    if rest.ends_with('?') && rest.matches('?').count() == 1 {
        url.force_query = true;
        rest.pop();
    } else if let Some((r, q)) = rest.clone().split_once('?') {
        rest = r.to_string();
        url.raw_query = q.to_string();
    }
    if !rest.starts_with('/') {
        if !url.scheme.is_empty() {
            url.opaque = rest;
            return Ok(url);
        }
        if via_request {
            return Err(super::errors::new("invalid URI for request"));
        }
        let segment = rest.split('/').next().unwrap_or("");
        if segment.contains(':') {
            return Err(super::errors::new(
                "first path segment in URL cannot contain colon",
            ));
        }
    }
    if (!url.scheme.is_empty() || !via_request && !rest.starts_with("///"))
        && rest.starts_with("//")
    {
        let mut authority = rest[2..].to_string();
        rest = String::new();
        if let Some(i) = authority.find('/') {
            rest = authority[i..].to_string();
            authority.truncate(i);
        }
        let (user, host) = parse_authority(&authority)?;
        url.user = user;
        url.host = host;
    } else if !url.scheme.is_empty() && rest.starts_with('/') {
        url.omit_host = true;
    }
    url.set_path(&rest)?;
    Ok(url)
}

fn url_error(op: &str, url: &str, err: Error) -> Error {
    Some(Rc::new(UrlError {
        op: op.to_string(),
        url: url.to_string(),
        err: err.expect("an error"),
    }))
}

/// `url.Parse(raw)`.
pub fn parse(raw: &str) -> (Url, Error) {
    let (u, frag) = raw.split_once('#').unwrap_or((raw, ""));
    let mut url = match parse_url(u, false) {
        Ok(url) => url,
        Err(e) => return (Url::nil(), url_error("parse", u, e)),
    };
    if !frag.is_empty() {
        if let Err(e) = url.set_fragment(frag) {
            return (Url::nil(), url_error("parse", raw, e));
        }
    }
    (Url(Some(Rc::new(RefCell::new(url)))), None)
}

/// `url.ParseRequestURI(raw)`.
pub fn parse_request_uri(raw: &str) -> (Url, Error) {
    match parse_url(raw, true) {
        Ok(url) => (Url(Some(Rc::new(RefCell::new(url)))), None),
        Err(e) => (Url::nil(), url_error("parse", raw, e)),
    }
}

/// `url.ParseQuery(query)`: the values, and the first error met (parsing goes on after it).
pub fn parse_query(query: &str) -> (Values, Error) {
    let mut m = Values::new();
    let mut err: Error = None;
    for key in query.split('&') {
        if key.contains(';') {
            err = super::errors::new("invalid semicolon separator in query");
            continue;
        }
        if key.is_empty() {
            continue;
        }
        let (key, value) = key.split_once('=').unwrap_or((key, ""));
        let key = match unescape(key, Mode::QueryComponent) {
            Ok(k) => k,
            Err(e) => {
                err = err.or(e);
                continue;
            }
        };
        let value = match unescape(value, Mode::QueryComponent) {
            Ok(v) => v,
            Err(e) => {
                err = err.or(e);
                continue;
            }
        };
        m.entry(key).or_default().push(value);
    }
    (m, err)
}

/// `v.Get(key)`: the first value, or "".
pub fn values_get(v: &Values, key: &str) -> String {
    v.get(key)
        .and_then(|vs| vs.first())
        .cloned()
        .unwrap_or_default()
}

/// `v.Encode()`: `key=value` pairs sorted by key, query-escaped, joined by `&`.
pub fn values_encode(v: &Values) -> String {
    let mut keys: Vec<&String> = v.keys().collect();
    keys.sort();
    let mut buf = String::new();
    for k in keys {
        let key = query_escape(k);
        for value in &v[k] {
            if !buf.is_empty() {
                buf.push('&');
            }
            buf.push_str(&key);
            buf.push('=');
            buf.push_str(&query_escape(value));
        }
    }
    buf
}

macro_rules! string_fields {
    ($($get:ident $set:ident),*) => {$(
        #[doc = concat!("The `", stringify!($get), "` field.")]
        pub fn $get(&self) -> String {
            self.data().borrow().$get.clone()
        }
        #[doc = concat!("Sets the `", stringify!($get), "` field.")]
        pub fn $set(&self, v: String) {
            self.data().borrow_mut().$get = v;
        }
    )*};
}

impl Url {
    pub fn nil() -> Url {
        Url(None)
    }
    pub fn is_nil(&self) -> bool {
        self.0.is_none()
    }

    fn data(&self) -> &Rc<RefCell<UrlData>> {
        match &self.0 {
            Some(d) => d,
            None => super::rt::nil_deref(),
        }
    }

    string_fields!(
        scheme set_scheme,
        opaque set_opaque,
        host set_host,
        path set_path,
        raw_path set_raw_path,
        raw_query set_raw_query,
        fragment set_fragment,
        raw_fragment set_raw_fragment
    );

    pub fn user(&self) -> Userinfo {
        self.data().borrow().user.clone()
    }
    pub fn set_user(&self, u: Userinfo) {
        self.data().borrow_mut().user = u;
    }
    pub fn force_query(&self) -> bool {
        self.data().borrow().force_query
    }
    pub fn set_force_query(&self, b: bool) {
        self.data().borrow_mut().force_query = b;
    }
    pub fn omit_host(&self) -> bool {
        self.data().borrow().omit_host
    }
    pub fn set_omit_host(&self, b: bool) {
        self.data().borrow_mut().omit_host = b;
    }

    /// `u.String()`.
    pub fn string(&self) -> String {
        self.data().borrow().string()
    }

    /// `u.EscapedPath()`.
    pub fn escaped_path(&self) -> String {
        self.data().borrow().escaped_path()
    }

    /// `u.EscapedFragment()`.
    pub fn escaped_fragment(&self) -> String {
        self.data().borrow().escaped_fragment()
    }

    /// `u.Query()`: the parsed `RawQuery` (errors dropped, as in Go).
    pub fn query(&self) -> Values {
        parse_query(&self.data().borrow().raw_query).0
    }

    /// `u.IsAbs()`.
    pub fn is_abs(&self) -> bool {
        !self.data().borrow().scheme.is_empty()
    }

    /// `u.Hostname()`: the host without port and IPv6 brackets.
    pub fn hostname(&self) -> String {
        split_host_port(&self.data().borrow().host).0
    }

    /// `u.Port()`: the port, or "".
    pub fn port(&self) -> String {
        split_host_port(&self.data().borrow().host).1
    }

    /// `u.RequestURI()`.
    pub fn request_uri(&self) -> String {
        let d = self.data().borrow();
        let mut result = d.opaque.clone();
        if result.is_empty() {
            result = d.escaped_path();
            if result.is_empty() {
                result = "/".to_string();
            }
        } else if result.starts_with("//") {
            result = format!("{}:{}", d.scheme, result);
        }
        if d.force_query || !d.raw_query.is_empty() {
            result.push('?');
            result.push_str(&d.raw_query);
        }
        result
    }

    /// `u.Redacted()`: `String()` with the password as `xxxxx`.
    pub fn redacted(&self) -> String {
        let Some(d) = &self.0 else {
            return String::new();
        };
        let mut ru = d.borrow().clone();
        if ru.user.password().1 {
            ru.user = user_password(&ru.user.username(), "xxxxx");
        }
        ru.string()
    }

    fn addr(&self) -> usize {
        self.0.as_ref().map_or(0, |d| Rc::as_ptr(d) as usize)
    }
}

fn split_host_port(host_port: &str) -> (String, String) {
    let mut host = host_port;
    let mut port = "";
    if let Some(colon) = host.rfind(':') {
        if valid_optional_port(&host[colon..]) {
            port = &host[colon + 1..];
            host = &host[..colon];
        }
    }
    if host.starts_with('[') && host.ends_with(']') && host.len() >= 2 {
        host = &host[1..host.len() - 1];
    }
    (host.to_string(), port.to_string())
}

impl PartialEq for Url {
    fn eq(&self, other: &Url) -> bool {
        self.addr() == other.addr()
    }
}

impl PartialEq for Userinfo {
    fn eq(&self, other: &Userinfo) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

impl std::fmt::Debug for Url {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(d) => write!(f, "Url({:?})", d.borrow().string()),
            None => f.write_str("Url(nil)"),
        }
    }
}

impl std::fmt::Debug for Userinfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Userinfo({:?})", self.string())
    }
}

/// `fmt` prints a `*url.URL` with its `String` method, as Go does.
impl super::fmt::Format for Url {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, verb: char) {
        match &self.0 {
            Some(_) => f.write_stringer(&self.string()),
            None => f.fmt_pointer(0, verb, "*url.URL", self),
        }
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "*url.URL".to_string()
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Pointer
    }
    fn method_string(&self) -> Option<String> {
        self.0.as_ref().map(|_| self.string())
    }
}

/// `fmt` prints a `*url.Userinfo` with its `String` method, as Go does ("" for nil).
impl super::fmt::Format for Userinfo {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, _verb: char) {
        f.write_stringer(&self.string());
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "*url.Userinfo".to_string()
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Pointer
    }
    fn method_string(&self) -> Option<String> {
        Some(self.string())
    }
}
