//! `text/template` (the basics): the `template` support module parses a template and executes
//! it over a `reflect` value of the data (fields, slice elements and map entries are read
//! through the type description goxide writes for the data's static type). `*template.Template`
//! is a handle.
//!
//! | Go | Rust |
//! | --- | --- |
//! | `template.New(name)`, `t.Parse(s)`, `template.Must(t.Parse(s))` | `support::template::new(&name)`, `t.parse(&s)`, `support::template::must(t.parse(&s))` |
//! | `t.Execute(os.Stdout, data)` | `{ let (s, err) = t.execute(reflect::value_of(data, desc)); print!("{s}"); err }` |

use super::Args;
use crate::ctx::Ctx;
use goxide_ast::ast::{Expr, ExprKind, UnaryOp};
use syn::parse_quote;

impl Ctx<'_> {
    /// `template.New(name)`, `template.Must(x)`.
    pub(super) fn template_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        match (name, a.len()) {
            ("New", 1) => {
                let s = self.str_ref(a, 0);
                self.use_support("template");
                Some(parse_quote!(crate::support::template::new(#s)))
            }
            ("Must", 1) => {
                let x = &a.vals[0];
                self.use_support("template");
                Some(parse_quote!(crate::support::template::must(#x)))
            }
            _ => None,
        }
    }

    /// The methods of `*template.Template`.
    pub(crate) fn template_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let h = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
        match (name, args) {
            ("Parse", [s]) => {
                let s = self.value(s);
                parse_quote!(#h.parse(&#s))
            }
            ("Name", []) => parse_quote!(#h.name()),
            ("Execute", [w, data]) => {
                let Some(v) = self.reflect_value_of(data) else {
                    return self.unsupported(e, "template data of this type");
                };
                let Some(write) = self.template_write(w) else {
                    return self.unsupported(e, "template.Execute to this writer");
                };
                parse_quote!({
                    let (s, err) = #h.execute(#v);
                    #write;
                    err
                })
            }
            _ => self.unsupported(e, &format!("method {name} of *template.Template")),
        }
    }

    /// Writing the string `s` to `w`: `os.Stdout`, `os.Stderr`, `&b` of a `strings.Builder`
    /// or `bytes.Buffer`.
    fn template_write(&mut self, w: &Expr) -> Option<syn::Expr> {
        if self.is_pkg_member(w, "os", "Stdout") {
            return Some(parse_quote!(print!("{s}")));
        }
        if self.is_pkg_member(w, "os", "Stderr") {
            return Some(parse_quote!(eprint!("{s}")));
        }
        if let ExprKind::Unary {
            op: UnaryOp::Addr,
            x,
        } = &crate::builtins::strip_parens(w).kind
        {
            let t = self.type_of(x);
            if t.is_some_and(|t| self.is_strings_builder(t)) {
                let b = crate::expr::as_base(self.place(x));
                return Some(parse_quote!(#b.push_str(&s)));
            }
            if t.is_some_and(|t| self.is_bytes_buffer(t)) {
                let b = crate::expr::as_base(self.place(x));
                return Some(parse_quote!(#b.extend_from_slice(s.as_bytes())));
            }
        }
        None
    }
}
