//! Go's spelling of types, as `fmt`'s `%T` and the compiler's messages print them.

use crate::types::{Type, TypeTable};
use crate::{Program, TypeId};
use goxide_ast::ast::ChanDir;

/// Writes the Go spelling of `t`; `qualify` decides whether named types carry their package
/// name (`main.T`) or not (`T`, as in diagnostics about the checked package).
pub(crate) fn write_type(
    p: &Program,
    t: TypeId,
    qualify: &dyn Fn(&Program, TypeId) -> bool,
    out: &mut String,
    depth: u32,
) {
    if depth > 50 {
        out.push_str("...");
        return;
    }
    let d = depth + 1;
    let list = |ts: &[TypeId], out: &mut String| {
        for (i, &x) in ts.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_type(p, x, qualify, out, d);
        }
    };
    if (t.0 as usize) >= p.types.len() {
        out.push_str("invalid type");
        return;
    }
    match p.types.get(t) {
        Type::Basic(k) => out.push_str(k.name()),
        Type::Named(n) => {
            let Some(o) = p.objects.get(n.obj.0 as usize) else {
                out.push_str("invalid type");
                return;
            };
            if let Some(pk) = o.pkg.and_then(|pk| p.packages.get(pk.0 as usize)) {
                if qualify(p, t) {
                    out.push_str(&pk.name);
                    out.push('.');
                }
            }
            out.push_str(&o.name);
            if !n.type_args.is_empty() {
                out.push('[');
                list(&n.type_args, out);
                out.push(']');
            }
        }
        Type::TypeParam { obj, .. } => {
            out.push_str(
                p.objects
                    .get(obj.0 as usize)
                    .map_or("?", |o| o.name.as_str()),
            );
        }
        Type::Pointer(e) => {
            out.push('*');
            write_type(p, *e, qualify, out, d);
        }
        Type::Slice(e) => {
            out.push_str("[]");
            write_type(p, *e, qualify, out, d);
        }
        Type::Array(n, e) => {
            out.push_str(&format!("[{n}]"));
            write_type(p, *e, qualify, out, d);
        }
        Type::Map(k, v) => {
            out.push_str("map[");
            write_type(p, *k, qualify, out, d);
            out.push(']');
            write_type(p, *v, qualify, out, d);
        }
        Type::Chan(dir, e) => {
            out.push_str(match dir {
                ChanDir::Both => "chan ",
                ChanDir::Send => "chan<- ",
                ChanDir::Recv => "<-chan ",
            });
            let paren =
                *dir != ChanDir::Send && matches!(p.types.get(*e), Type::Chan(ChanDir::Recv, _));
            if paren {
                out.push('(');
            }
            write_type(p, *e, qualify, out, d);
            if paren {
                out.push(')');
            }
        }
        Type::Struct(fields) => {
            out.push_str("struct {");
            for (i, f) in fields.iter().enumerate() {
                out.push_str(if i > 0 { "; " } else { " " });
                if !f.embedded {
                    out.push_str(&f.name);
                    out.push(' ');
                }
                write_type(p, f.ty, qualify, out, d);
                if let Some(tag) = &f.tag {
                    out.push_str(&format!(" {tag:?}"));
                }
            }
            if !fields.is_empty() {
                out.push(' ');
            }
            out.push('}');
        }
        Type::Func(sig) => {
            out.push_str("func");
            write_sig(p, sig, qualify, out, d);
        }
        Type::Interface(it) => {
            if t == p.types.basic(crate::BasicKind::Invalid) {
                out.push_str("invalid type");
                return;
            }
            out.push_str("interface {");
            let mut first = true;
            for m in &it.methods {
                out.push_str(if first { " " } else { "; " });
                first = false;
                out.push_str(&m.name);
                if let Type::Func(sig) = p.types.get(m.sig) {
                    write_sig(p, sig, qualify, out, d);
                }
            }
            for &e in &it.embeds {
                out.push_str(if first { " " } else { "; " });
                first = false;
                write_type(p, e, qualify, out, d);
            }
            if it.embeds.is_empty() {
                if let Some(terms) = &it.terms {
                    for u in terms {
                        out.push_str(if first { " " } else { "; " });
                        first = false;
                        for (i, term) in u.iter().enumerate() {
                            if i > 0 {
                                out.push_str(" | ");
                            }
                            if term.tilde {
                                out.push('~');
                            }
                            write_type(p, term.ty, qualify, out, d);
                        }
                    }
                }
            }
            if !first {
                out.push(' ');
            }
            out.push('}');
        }
        Type::Tuple(ts) => {
            out.push('(');
            list(ts, out);
            out.push(')');
        }
    }
}

fn write_sig(
    p: &Program,
    sig: &crate::types::Signature,
    qualify: &dyn Fn(&Program, TypeId) -> bool,
    out: &mut String,
    d: u32,
) {
    out.push('(');
    for (i, &x) in sig.params.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        if sig.variadic && i + 1 == sig.params.len() {
            out.push_str("...");
            let elem = match p.types.get(x) {
                Type::Slice(e) => *e,
                _ => x,
            };
            write_type(p, elem, qualify, out, d);
        } else {
            write_type(p, x, qualify, out, d);
        }
    }
    out.push(')');
    match sig.results.len() {
        0 => {}
        1 => {
            out.push(' ');
            write_type(p, sig.results[0], qualify, out, d);
        }
        _ => {
            out.push_str(" (");
            for (i, &x) in sig.results.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_type(p, x, qualify, out, d);
            }
            out.push(')');
        }
    }
}

impl Program {
    /// Go's spelling of a type as `fmt`'s `%T` prints it: `int`, `[]int`, `map[string]int`,
    /// `main.T`, `*main.T`, `func(int) string`, `struct { X int }`, `interface {}`, `[3]int`,
    /// `chan int`, `<-chan int`, `main.G[int]`; `uint8` for byte and `int32` for rune.
    pub fn type_string(&self, t: TypeId) -> String {
        let mut s = String::new();
        write_type(self, t, &|_, _| true, &mut s, 0);
        s
    }
}

impl TypeTable {
    /// Whether `t` is the invalid type.
    pub fn is_invalid(&self, t: TypeId) -> bool {
        t == TypeTable::INVALID
    }
}

impl super::Checker<'_> {
    /// Type spelling for messages: types of the checked package are not qualified.
    pub(crate) fn type_str(&self, t: TypeId) -> String {
        if let Some((st, s)) = &self.spelled {
            if *st == t {
                return s.clone();
            }
        }
        let main = self.main;
        let mut s = String::new();
        write_type(
            &self.prog,
            t,
            &|p: &Program, t: TypeId| match p.types.get(t) {
                Type::Named(n) => p.objects.get(n.obj.0 as usize).and_then(|o| o.pkg) != Some(main),
                _ => true,
            },
            &mut s,
            0,
        );
        s
    }
}
