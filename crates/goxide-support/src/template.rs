//! Go's `text/template` (the basics): a parser for actions, and an executor over
//! [`reflect::Value`]s (fields, slice elements and map entries are read through the type
//! descriptions goxide writes). Execution collects its output in a string; goxide writes it to
//! the writer given to `Execute`.

use super::errors::{self, Error};
use super::fmt::{self, Format};
use super::iface::Iface;
use super::reflect::{self, Desc, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// `*template.Template`: a handle (clones share one template).
#[derive(Clone, Default)]
pub struct Template(Rc<RefCell<Inner>>);

#[derive(Default)]
struct Inner {
    name: String,
    root: Vec<Node>,
}

#[derive(Clone, Debug)]
enum Node {
    Text(String),
    Action(Pipe),
    If(Pipe, Vec<Node>, Vec<Node>),
    With(Pipe, Vec<Node>, Vec<Node>),
    Range(Pipe, Vec<Node>, Vec<Node>),
}

#[derive(Clone, Debug, Default)]
struct Pipe {
    pos: Pos,
    decl: Vec<String>,
    cmds: Vec<Vec<Arg>>,
    /// The source text of each command, for error messages.
    texts: Vec<String>,
}

/// Line (1-based) and byte column (0-based) of a node, for error messages.
#[derive(Clone, Copy, Debug, Default)]
struct Pos(usize, usize);

#[derive(Clone, Debug)]
enum Arg {
    /// `.`, `.A.B` (fields of dot), `$x.A` (fields of a variable).
    Field(Option<String>, Vec<String>, Pos, String),
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Nil,
    Func(String),
    Pipe(Pipe),
    /// `(pipe).A.B`.
    Chain(Box<Arg>, Vec<String>, Pos, String),
}

/// `template.New(name)`.
pub fn new(name: &str) -> Template {
    Template(Rc::new(RefCell::new(Inner {
        name: name.to_string(),
        root: Vec::new(),
    })))
}

/// `template.Must(t, err)`.
pub fn must(r: (Template, Error)) -> Template {
    if let Some(e) = r.1 {
        super::rt::go_panic(e.to_string());
    }
    r.0
}

impl Template {
    /// `t.Name()`.
    pub fn name(&self) -> String {
        self.0.borrow().name.clone()
    }

    /// `t.Parse(text)`.
    pub fn parse(&self, text: &str) -> (Template, Error) {
        let name = self.name();
        let mut p = Parser {
            src: text,
            pos: 0,
            name: name.clone(),
            pending: None,
        };
        match p.list(true) {
            Ok((nodes, _)) => {
                self.0.borrow_mut().root = nodes;
                (self.clone(), None)
            }
            Err(e) => (Template::default(), errors::new(e)),
        }
    }

    /// `t.Execute(w, data)`: the output, and the error that stopped it.
    pub fn execute(&self, data: Value) -> (String, Error) {
        let inner = self.0.borrow();
        let mut ex = Exec {
            name: inner.name.clone(),
            out: String::new(),
            vars: vec![("$".to_string(), data.clone())],
        };
        let r = ex.list(&inner.root, &data);
        let err = match r {
            Ok(()) => None,
            Err(e) => errors::new(e),
        };
        (ex.out, err)
    }
}

// ---------------------------------------------------------------------------------------
// Parsing

struct Parser<'a> {
    src: &'a str,
    pos: usize,
    name: String,
    /// The tokens after `else` in `{{else if …}}`.
    pending: Option<Vec<Tok>>,
}

/// How a list of nodes ended.
enum End {
    Eof,
    Close,
    Else(usize),
}

impl Parser<'_> {
    fn pos_of(&self, off: usize) -> Pos {
        let before = &self.src[..off];
        let line = 1 + before.matches('\n').count();
        let col = match before.rfind('\n') {
            Some(i) => off - i - 1,
            None => off,
        };
        Pos(line, col)
    }

    fn err(&self, off: usize, msg: &str) -> String {
        format!("template: {}:{}: {}", self.name, self.pos_of(off).0, msg)
    }

    /// Parses nodes up to `{{end}}`, `{{else}}` or the end of the text.
    fn list(&mut self, top: bool) -> Result<(Vec<Node>, End), String> {
        let mut nodes = Vec::new();
        loop {
            let rest = &self.src[self.pos..];
            let Some(open) = rest.find("{{") else {
                if !rest.is_empty() {
                    nodes.push(Node::Text(rest.to_string()));
                }
                self.pos = self.src.len();
                if top {
                    return Ok((nodes, End::Eof));
                }
                return Err(self.err(self.pos, "unexpected EOF"));
            };
            let mut text = &rest[..open];
            let mut start = self.pos + open + 2;
            if self.src[start..].starts_with("- ") || self.src[start..].starts_with("-\t") {
                text = text.trim_end_matches([' ', '\t', '\r', '\n']);
                start += 1;
            }
            if !text.is_empty() {
                nodes.push(Node::Text(text.to_string()));
            }
            let body_start = start;
            let inner = &self.src[start..];
            let action_off = start;
            // A comment.
            let trimmed = inner.trim_start();
            if trimmed.starts_with("/*") {
                let Some(c) = inner.find("*/") else {
                    return Err(self.err(action_off, "unclosed comment"));
                };
                let after = &inner[c + 2..];
                let (close_len, trim) = if after.starts_with(" -}}") {
                    (4, true)
                } else if after.starts_with("}}") {
                    (2, false)
                } else {
                    return Err(self.err(action_off, "comment ends before closing delimiter"));
                };
                self.pos = start + c + 2 + close_len;
                if trim {
                    self.skip_space();
                }
                continue;
            }
            let Some(close) = find_close(inner) else {
                return Err(self.err(action_off, "unclosed action"));
            };
            let mut body = &inner[..close];
            let mut trim_after = false;
            if body.ends_with(" -") || body.ends_with("\t-") || body.ends_with("\n-") {
                body = &body[..body.len() - 1];
                trim_after = true;
            }
            self.pos = start + close + 2;
            if trim_after {
                self.skip_space();
            }
            let toks = lex(body, body_start).map_err(|(o, m)| self.err(o, &m))?;
            match toks.first().map(|t| t.text.as_str()) {
                None => return Err(self.err(action_off, "missing value for command")),
                Some("end") => {
                    if top {
                        return Err(self.err(action_off, "unexpected {{end}}"));
                    }
                    return Ok((nodes, End::Close));
                }
                Some("else") => {
                    if top {
                        return Err(self.err(action_off, "unexpected {{else}}"));
                    }
                    // `{{else if …}}`: the rest is parsed as an `if` by the caller.
                    if toks.len() > 1 {
                        self.pending = Some(toks[1..].to_vec());
                    }
                    return Ok((nodes, End::Else(action_off)));
                }
                Some(kw @ ("if" | "range" | "with")) => {
                    let kw = kw.to_string();
                    let pipe = self.pipe(&toks[1..], action_off, &kw)?;
                    nodes.push(self.control(&kw, pipe)?);
                }
                Some(_) => {
                    let pipe = self.pipe(&toks, action_off, "command")?;
                    nodes.push(Node::Action(pipe));
                }
            }
        }
    }

    fn skip_space(&mut self) {
        let rest = &self.src[self.pos..];
        let t = rest.trim_start_matches([' ', '\t', '\r', '\n']);
        self.pos += rest.len() - t.len();
    }
}

impl Parser<'_> {
    /// The body (and `else` part) of `if`, `range` or `with`.
    fn control(&mut self, kw: &str, pipe: Pipe) -> Result<Node, String> {
        let (body, end) = self.list(false)?;
        let els = match end {
            End::Close => Vec::new(),
            End::Else(off) => match self.pending.take() {
                Some(toks) => {
                    let kw2 = toks[0].text.clone();
                    if kw2 != kw || kw == "range" {
                        return Err(self.err(off, "unexpected tokens after else"));
                    }
                    let p2 = self.pipe(&toks[1..], off, &kw2)?;
                    vec![self.control(&kw2, p2)?]
                }
                None => match self.list(false)? {
                    (nodes, End::Close) => nodes,
                    (_, _) => return Err(self.err(self.pos, "expected end; found {{else}}")),
                },
            },
            End::Eof => return Err(self.err(self.pos, "unexpected EOF")),
        };
        Ok(match kw {
            "if" => Node::If(pipe, body, els),
            "with" => Node::With(pipe, body, els),
            _ => Node::Range(pipe, body, els),
        })
    }

    /// A pipeline: optional `$x :=` or `$i, $v :=`, then commands separated by `|`.
    fn pipe(&self, toks: &[Tok], off: usize, ctx: &str) -> Result<Pipe, String> {
        let mut toks = toks;
        let mut decl = Vec::new();
        if let Some(i) = toks.iter().position(|t| t.text == ":=" || t.text == "=") {
            let vars: Vec<&Tok> = toks[..i].iter().filter(|t| t.text != ",").collect();
            if vars.iter().all(|t| t.text.starts_with('$')) && !vars.is_empty() && vars.len() <= 2 {
                decl = vars.iter().map(|t| t.text.clone()).collect();
                toks = &toks[i + 1..];
            }
        }
        if toks.is_empty() {
            return Err(self.err(off, &format!("missing value for {ctx}")));
        }
        let mut cmds = Vec::new();
        let mut texts = Vec::new();
        for part in toks.split(|t| t.text == "|") {
            if let (Some(a), Some(b)) = (part.first(), part.last()) {
                texts.push(self.src.get(a.off..b.end).unwrap_or("").to_string());
            }
            let mut args = Vec::new();
            let mut i = 0;
            while i < part.len() {
                let t = &part[i];
                if t.text == "(" {
                    let mut depth = 0;
                    let mut j = i;
                    while j < part.len() {
                        match part[j].text.as_str() {
                            "(" => depth += 1,
                            ")" => {
                                depth -= 1;
                                if depth == 0 {
                                    break;
                                }
                            }
                            _ => {}
                        }
                        j += 1;
                    }
                    if j >= part.len() {
                        return Err(self.err(t.off, "unclosed left paren"));
                    }
                    let mut a = Arg::Pipe(self.pipe(&part[i + 1..j], t.off, "command")?);
                    if let Some(n) = part.get(j + 1) {
                        if n.string.is_none() && n.text.starts_with('.') && n.off == part[j].off + 1
                        {
                            let fields = n.text[1..].split('.').map(String::from).collect();
                            a = Arg::Chain(Box::new(a), fields, self.pos_of(n.off), n.text.clone());
                            j += 1;
                        }
                    }
                    args.push(a);
                    i = j + 1;
                    continue;
                }
                args.push(self.arg(t)?);
                i += 1;
            }
            if args.is_empty() {
                return Err(self.err(off, "missing command"));
            }
            cmds.push(args);
        }
        Ok(Pipe {
            pos: self.pos_of(off),
            decl,
            cmds,
            texts,
        })
    }

    fn arg(&self, t: &Tok) -> Result<Arg, String> {
        let s = t.text.as_str();
        let pos = self.pos_of(t.off);
        if let Some(q) = t.string.clone() {
            return Ok(Arg::Str(q));
        }
        if let Some(rest) = s.strip_prefix('.') {
            let fields = rest
                .split('.')
                .filter(|f| !f.is_empty())
                .map(String::from)
                .collect();
            return Ok(Arg::Field(None, fields, pos, s.to_string()));
        }
        if s.starts_with('$') {
            let mut parts = s.split('.');
            let var = parts.next().unwrap_or("$").to_string();
            let fields = parts.map(String::from).collect();
            return Ok(Arg::Field(Some(var), fields, pos, s.to_string()));
        }
        match s {
            "true" => return Ok(Arg::Bool(true)),
            "false" => return Ok(Arg::Bool(false)),
            "nil" => return Ok(Arg::Nil),
            _ => {}
        }
        if s.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') {
            if let Ok(n) = s.parse::<i64>() {
                return Ok(Arg::Int(n));
            }
            if let Ok(f) = s.parse::<f64>() {
                return Ok(Arg::Float(f));
            }
            return Err(self.err(t.off, &format!("bad number syntax: {s:?}")));
        }
        if FUNCS.contains(&s) {
            return Ok(Arg::Func(s.to_string()));
        }
        Err(self.err(t.off, &format!("function {s:?} not defined")))
    }
}

const FUNCS: [&str; 14] = [
    "len", "printf", "print", "println", "index", "eq", "ne", "lt", "le", "gt", "ge", "and", "or",
    "not",
];

#[derive(Clone, Debug)]
struct Tok {
    text: String,
    /// The value of a quoted string.
    string: Option<String>,
    off: usize,
    end: usize,
}

/// The end of an action: `}}` outside a quoted string.
fn find_close(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut quote = 0u8;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == b'\\' && quote == b'"' {
                i += 2;
                continue;
            }
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'`' || c == b'\'' {
            quote = c;
        } else if s[i..].starts_with("}}") {
            return Some(i);
        }
        i += 1;
    }
    None
}

fn lex(s: &str, base: usize) -> Result<Vec<Tok>, (usize, String)> {
    let mut toks = Vec::new();
    let cs: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < cs.len() {
        let (o, c) = cs[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let off = base + o;
        if c == '"' || c == '`' {
            let mut v = String::new();
            let mut j = i + 1;
            loop {
                let Some(&(_, d)) = cs.get(j) else {
                    return Err((off, "unterminated quoted string".to_string()));
                };
                if d == c {
                    break;
                }
                if d == '\\' && c == '"' {
                    j += 1;
                    let e = cs.get(j).map(|x| x.1).unwrap_or('\\');
                    v.push(match e {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        other => other,
                    });
                } else {
                    v.push(d);
                }
                j += 1;
            }
            toks.push(Tok {
                text: String::new(),
                string: Some(v),
                off,
                end: base + cs.get(j).map_or(s.len(), |x| x.0 + 1),
            });
            i = j + 1;
            continue;
        }
        if c == '{' || c == '}' {
            return Err((off, format!("bad character U+{:04X} '{c}'", c as u32)));
        }
        if c == '(' || c == ')' || c == '|' || c == ',' {
            toks.push(Tok {
                text: c.to_string(),
                string: None,
                off,
                end: off + 1,
            });
            i += 1;
            continue;
        }
        if c == ':' || c == '=' {
            let t = if c == ':' && cs.get(i + 1).map(|x| x.1) == Some('=') {
                i += 2;
                ":="
            } else {
                i += 1;
                "="
            };
            toks.push(Tok {
                text: t.to_string(),
                string: None,
                off,
                end: off + t.len(),
            });
            continue;
        }
        let mut j = i;
        while j < cs.len() && !cs[j].1.is_whitespace() && !"()|,:=\"`{}".contains(cs[j].1) {
            j += 1;
        }
        let end = cs.get(j).map_or(s.len(), |x| x.0);
        toks.push(Tok {
            text: s[o..end].to_string(),
            string: None,
            off,
            end: base + end,
        });
        i = j;
    }
    Ok(toks)
}

// ---------------------------------------------------------------------------------------
// Execution

struct Exec {
    name: String,
    out: String,
    vars: Vec<(String, Value)>,
}

fn basic<T: super::iface::Value + 'static>(x: T, name: &str, kind: reflect::Kind) -> Value {
    reflect::value_of(x, Desc::new(name, kind).done())
}

fn str_val(s: String) -> Value {
    basic(s, "string", reflect::STRING)
}

fn bool_val(b: bool) -> Value {
    basic(b, "bool", reflect::BOOL)
}

fn int_val(n: i64) -> Value {
    basic(n, "int", reflect::INT)
}

/// Follows pointers and interfaces to the value they hold.
fn indirect(mut v: Value) -> Value {
    while matches!(v.kind(), reflect::POINTER | reflect::INTERFACE) {
        if v.is_nil() {
            return v;
        }
        v = v.elem();
    }
    v
}

/// Go's truth of a value in `if`, `with`, `and`, `or`, `not`.
fn truth(v: &Value) -> bool {
    if !v.is_valid() {
        return false;
    }
    match v.kind() {
        reflect::BOOL => v.bool(),
        reflect::INT..=reflect::INT64 => v.int() != 0,
        reflect::UINT..=reflect::UINTPTR => v.uint() != 0,
        reflect::FLOAT32 | reflect::FLOAT64 => v.float() != 0.0,
        reflect::STRING | reflect::SLICE | reflect::MAP | reflect::ARRAY => v.len() != 0,
        reflect::POINTER | reflect::INTERFACE | reflect::FUNC | reflect::CHAN => !v.is_nil(),
        _ => true,
    }
}

/// The value as `fmt`'s `%v` prints it; `<no value>` for a missing one.
fn printable(v: &Value) -> Iface {
    if v.is_valid() {
        v.interface()
    } else {
        None
    }
}

fn print_value(v: &Value) -> String {
    if !v.is_valid() {
        return "<no value>".to_string();
    }
    fmt::sprint(&[&v.interface() as &dyn Format])
}

/// Map keys in Go's sorted order: numbers by value, strings by bytes.
fn sort_entries(entries: &mut [(Value, Value)]) {
    entries.sort_by(|(a, _), (b, _)| match a.kind() {
        reflect::INT..=reflect::INT64 => a.int().cmp(&b.int()),
        reflect::UINT..=reflect::UINTPTR => a.uint().cmp(&b.uint()),
        reflect::FLOAT32 | reflect::FLOAT64 => a.float().total_cmp(&b.float()),
        reflect::STRING => a.string().cmp(&b.string()),
        reflect::BOOL => a.bool().cmp(&b.bool()),
        _ => print_value(a).cmp(&print_value(b)),
    });
}

impl Exec {
    fn err(&self, pos: Pos, at: &str, msg: &str) -> String {
        format!(
            "template: {}:{}:{}: executing {:?} at <{}>: {}",
            self.name, pos.0, pos.1, self.name, at, msg
        )
    }

    fn list(&mut self, nodes: &[Node], dot: &Value) -> Result<(), String> {
        for n in nodes {
            self.node(n, dot)?;
        }
        Ok(())
    }

    fn node(&mut self, n: &Node, dot: &Value) -> Result<(), String> {
        match n {
            Node::Text(s) => self.out.push_str(s),
            Node::Action(p) => {
                let v = self.pipe(p, dot)?;
                if p.decl.is_empty() {
                    let s = print_value(&v);
                    self.out.push_str(&s);
                }
            }
            Node::If(p, body, els) | Node::With(p, body, els) => {
                let mark = self.vars.len();
                let v = self.pipe(p, dot)?;
                let with = matches!(n, Node::With(..));
                if truth(&v) {
                    let d = if with { v } else { dot.clone() };
                    self.list(body, &d)?;
                } else {
                    self.list(els, dot)?;
                }
                self.vars.truncate(mark);
            }
            Node::Range(p, body, els) => {
                let mark = self.vars.len();
                let mut q = p.clone();
                let decl = std::mem::take(&mut q.decl);
                let v = indirect(self.pipe(&q, dot)?);
                let items: Vec<(Value, Value)> = match v.kind() {
                    reflect::SLICE | reflect::ARRAY => {
                        (0..v.len()).map(|i| (int_val(i), v.index(i))).collect()
                    }
                    reflect::MAP => {
                        let mut e = v.map_entries();
                        sort_entries(&mut e);
                        e
                    }
                    reflect::INT..=reflect::INT64 if false => Vec::new(),
                    _ if !v.is_valid() => Vec::new(),
                    _ => {
                        return Err(self.err(
                            p.pos,
                            "range",
                            &format!("range can't iterate over {}", print_value(&v)),
                        ))
                    }
                };
                if items.is_empty() {
                    self.list(els, dot)?;
                }
                for (k, x) in items {
                    match decl.as_slice() {
                        [a] => self.vars.push((a.clone(), x.clone())),
                        [a, b] => {
                            self.vars.push((a.clone(), k));
                            self.vars.push((b.clone(), x.clone()));
                        }
                        _ => {}
                    }
                    self.list(body, &x)?;
                    self.vars.truncate(mark);
                }
            }
        }
        Ok(())
    }

    fn pipe(&mut self, p: &Pipe, dot: &Value) -> Result<Value, String> {
        let mut last: Option<Value> = None;
        for (i, cmd) in p.cmds.iter().enumerate() {
            let text = p.texts.get(i).map_or("", |t| t.as_str());
            last = Some(self.cmd(cmd, dot, last, p.pos, text)?);
        }
        let v = last.unwrap_or_default();
        for d in &p.decl {
            self.vars.push((d.clone(), v.clone()));
        }
        Ok(v)
    }

    fn cmd(
        &mut self,
        cmd: &[Arg],
        dot: &Value,
        piped: Option<Value>,
        pos: Pos,
        text: &str,
    ) -> Result<Value, String> {
        match &cmd[0] {
            Arg::Func(f) => {
                let mut args = Vec::new();
                for a in &cmd[1..] {
                    args.push(self.arg(a, dot)?);
                }
                if let Some(v) = piped {
                    args.push(v);
                }
                self.call(f, args, pos, text)
            }
            a => {
                if cmd.len() > 1 || piped.is_some() {
                    return Err(self.err(pos, &arg_text(a), "can't give argument to non-function"));
                }
                self.arg(a, dot)
            }
        }
    }

    fn arg(&mut self, a: &Arg, dot: &Value) -> Result<Value, String> {
        Ok(match a {
            Arg::Str(s) => str_val(s.clone()),
            Arg::Int(n) => int_val(*n),
            Arg::Float(f) => basic(*f, "float64", reflect::FLOAT64),
            Arg::Bool(b) => bool_val(*b),
            Arg::Nil => Value::default(),
            Arg::Pipe(p) => self.pipe(p, dot)?,
            Arg::Func(f) => self.call(f, Vec::new(), Pos::default(), f)?,
            Arg::Chain(x, fields, pos, text) => {
                let mut v = self.arg(x, dot)?;
                for f in fields {
                    v = self.field(v, f, *pos, text)?;
                }
                v
            }
            Arg::Field(var, fields, pos, text) => {
                let mut v = match var {
                    None => dot.clone(),
                    Some(name) => match self.vars.iter().rev().find(|(n, _)| n == name) {
                        Some((_, v)) => v.clone(),
                        None => {
                            return Err(self.err(
                                *pos,
                                text,
                                &format!("undefined variable: {name}"),
                            ))
                        }
                    },
                };
                for f in fields {
                    v = self.field(v, f, *pos, text)?;
                }
                v
            }
        })
    }

    fn field(&self, v: Value, name: &str, pos: Pos, at: &str) -> Result<Value, String> {
        let r = indirect(v.clone());
        match r.kind() {
            reflect::STRUCT => {
                let t = r.r#type();
                for i in 0..t.num_field() {
                    let f = t.field(i);
                    if f.name == name {
                        if !f.pkg_path.is_empty() {
                            return Err(self.err(
                                pos,
                                at,
                                &format!(
                                    "{name} is an unexported field of struct type {}",
                                    v.r#type().string()
                                ),
                            ));
                        }
                        return Ok(r.field(i));
                    }
                }
                Err(self.err(
                    pos,
                    at,
                    &format!(
                        "can't evaluate field {name} in type {}",
                        v.r#type().string()
                    ),
                ))
            }
            reflect::MAP => {
                for (k, x) in r.map_entries() {
                    if k.kind() == reflect::STRING && k.string() == name {
                        return Ok(x);
                    }
                }
                Ok(Value::default())
            }
            reflect::POINTER => Err(self.err(
                pos,
                at,
                &format!("nil pointer evaluating {}.{name}", v.r#type().string()),
            )),
            _ if !v.is_valid() => {
                Err(self.err(pos, at, &format!("nil data; no entry for key {name:?}")))
            }
            _ => Err(self.err(
                pos,
                at,
                &format!(
                    "can't evaluate field {name} in type {}",
                    v.r#type().string()
                ),
            )),
        }
    }

    fn call(&mut self, f: &str, args: Vec<Value>, pos: Pos, at: &str) -> Result<Value, String> {
        let fail = |m: String| self.err(pos, at, &format!("error calling {f}: {m}"));
        let want = |n: usize| -> Result<(), String> {
            if args.len() != n {
                return Err(self.err(
                    pos,
                    f,
                    &format!("wrong number of args for {f}: want {n} got {}", args.len()),
                ));
            }
            Ok(())
        };
        match f {
            "len" => {
                want(1)?;
                let v = indirect(args[0].clone());
                match v.kind() {
                    reflect::STRING | reflect::SLICE | reflect::ARRAY | reflect::MAP => {
                        Ok(int_val(v.len()))
                    }
                    _ => Err(fail(format!("len of type {}", type_string(&v)))),
                }
            }
            "print" | "println" | "printf" => {
                let (fmtstr, rest) = if f == "printf" {
                    match args.split_first() {
                        Some((s, rest)) if s.kind() == reflect::STRING => (Some(s.string()), rest),
                        _ => {
                            return Err(self.err(
                                pos,
                                f,
                                "wrong number of args for printf: want at least 1 got 0",
                            ))
                        }
                    }
                } else {
                    (None, &args[..])
                };
                let ifs: Vec<Iface> = rest.iter().map(printable).collect();
                let refs: Vec<&dyn Format> = ifs.iter().map(|x| x as &dyn Format).collect();
                Ok(str_val(match (f, fmtstr) {
                    ("printf", Some(s)) => fmt::sprintf(&s, &refs),
                    ("println", _) => fmt::sprintln(&refs),
                    _ => fmt::sprint(&refs),
                }))
            }
            "index" => {
                if args.is_empty() {
                    return Err(self.err(
                        pos,
                        f,
                        "wrong number of args for index: want at least 1 got 0",
                    ));
                }
                let mut v = args[0].clone();
                for k in &args[1..] {
                    let c = indirect(v.clone());
                    v = match c.kind() {
                        reflect::SLICE | reflect::ARRAY | reflect::STRING => {
                            let i = as_int(k)
                                .ok_or_else(|| fail("cannot index slice/array with nil".into()))?;
                            if i < 0 || i >= c.len() {
                                return Err(fail(format!("index out of range: {i}")));
                            }
                            if c.kind() == reflect::STRING {
                                basic(c.string().as_bytes()[i as usize], "uint8", reflect::UINT8)
                            } else {
                                c.index(i)
                            }
                        }
                        reflect::MAP => {
                            let key = print_value(k);
                            c.map_entries()
                                .into_iter()
                                .find(|(mk, _)| print_value(mk) == key)
                                .map(|e| e.1)
                                .unwrap_or_else(|| zero_of(&c))
                        }
                        _ => {
                            return Err(fail(format!(
                                "can't index item of type {}",
                                type_string(&c)
                            )))
                        }
                    };
                }
                Ok(v)
            }
            "not" => {
                want(1)?;
                Ok(bool_val(!truth(&args[0])))
            }
            "and" | "or" => {
                if args.is_empty() {
                    return Err(self.err(
                        pos,
                        f,
                        &format!("wrong number of args for {f}: want at least 1 got 0"),
                    ));
                }
                for a in &args {
                    if truth(a) == (f == "or") {
                        return Ok(a.clone());
                    }
                }
                Ok(args[args.len() - 1].clone())
            }
            _ => {
                // Comparisons.
                if args.len() < 2 || (f != "eq" && args.len() != 2) {
                    return Err(self.err(
                        pos,
                        f,
                        &format!("wrong number of args for {f}: want 2 got {}", args.len()),
                    ));
                }
                let a = indirect_iface(&args[0]);
                let mut result = false;
                for b in &args[1..] {
                    let b = indirect_iface(b);
                    let ord = compare(&a, &b)
                        .ok_or_else(|| fail("incompatible types for comparison".into()))?;
                    let r = match f {
                        "eq" => ord == std::cmp::Ordering::Equal,
                        "ne" => ord != std::cmp::Ordering::Equal,
                        "lt" => ord == std::cmp::Ordering::Less,
                        "le" => ord != std::cmp::Ordering::Greater,
                        "gt" => ord == std::cmp::Ordering::Greater,
                        _ => ord != std::cmp::Ordering::Less,
                    };
                    if r {
                        result = true;
                        break;
                    }
                    if f != "eq" {
                        break;
                    }
                }
                Ok(bool_val(result))
            }
        }
    }
}

fn indirect_iface(v: &Value) -> Value {
    if v.kind() == reflect::INTERFACE {
        v.elem()
    } else {
        v.clone()
    }
}

fn type_string(v: &Value) -> String {
    if v.is_valid() {
        v.r#type().string()
    } else {
        "<nil>".to_string()
    }
}

fn zero_of(m: &Value) -> Value {
    match m.r#type().elem().kind() {
        reflect::STRING => str_val(String::new()),
        reflect::INT..=reflect::INT64 => int_val(0),
        reflect::BOOL => bool_val(false),
        _ => Value::default(),
    }
}

fn as_int(v: &Value) -> Option<i64> {
    match v.kind() {
        reflect::INT..=reflect::INT64 => Some(v.int()),
        reflect::UINT..=reflect::UINTPTR => Some(v.uint() as i64),
        _ => None,
    }
}

/// Orders two basic values as `eq`, `lt` and the other comparisons do.
fn compare(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    let (ka, kb) = (a.kind(), b.kind());
    let int = |k| (reflect::INT..=reflect::INT64).contains(&k);
    let uint = |k| (reflect::UINT..=reflect::UINTPTR).contains(&k);
    let float = |k| k == reflect::FLOAT32 || k == reflect::FLOAT64;
    if int(ka) && int(kb) {
        return Some(a.int().cmp(&b.int()));
    }
    if uint(ka) && uint(kb) {
        return Some(a.uint().cmp(&b.uint()));
    }
    if int(ka) && uint(kb) {
        return Some(if a.int() < 0 {
            std::cmp::Ordering::Less
        } else {
            (a.int() as u64).cmp(&b.uint())
        });
    }
    if uint(ka) && int(kb) {
        return compare(b, a).map(|o| o.reverse());
    }
    if float(ka) && float(kb) {
        return a.float().partial_cmp(&b.float());
    }
    if ka == reflect::STRING && kb == reflect::STRING {
        return Some(a.string().cmp(&b.string()));
    }
    if ka == reflect::BOOL && kb == reflect::BOOL {
        return Some(a.bool().cmp(&b.bool()));
    }
    None
}

fn arg_text(a: &Arg) -> String {
    match a {
        Arg::Field(_, _, _, t) => t.clone(),
        Arg::Str(s) => format!("{s:?}"),
        Arg::Int(n) => n.to_string(),
        Arg::Float(f) => f.to_string(),
        Arg::Bool(b) => b.to_string(),
        Arg::Nil => "nil".into(),
        Arg::Func(f) => f.clone(),
        Arg::Pipe(_) => "(...)".into(),
        Arg::Chain(_, _, _, t) => t.clone(),
    }
}
