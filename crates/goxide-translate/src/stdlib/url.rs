//! `net/url`: the `url` support module (Go's parsing and escaping rules and error texts).
//! `*url.URL` and `*url.Userinfo` are nullable handles whose fields are read and set through
//! methods; `url.Values` is a `HashMap<String, Vec<String>>`, its methods map operations.
//!
//! | Go | Rust |
//! | --- | --- |
//! | `u, err := url.Parse(s)`; `u.Scheme`, `u.Host = h`, `u.String()`, `u.Hostname()`, `u.Port()`, `u.User.Username()` | `let (u, err) = support::url::parse(&s);`; `u.scheme()`, `u.set_host(h)`, `u.string()`, `u.hostname()`, `u.port()`, `u.user().username()` |
//! | `q := u.Query()`; `q.Get(k)`, `q.Set(k, v)`, `q.Add(k, v)`, `q.Del(k)`, `q.Has(k)`, `q.Encode()` | `let mut q = u.query();`; `url::values_get(&q, &k)`, `q.insert(k, vec![v])`, `q.entry(k).or_default().push(v)`, `q.remove(&k)`, `q.contains_key(&k)`, `url::values_encode(&q)` |
//! | `url.QueryEscape(s)`, `url.QueryUnescape(s)`, `url.PathEscape(s)` | `support::url::query_escape(&s)`, `let (t, err) = url::query_unescape(&s);`, `url::path_escape(&s)` |

use super::Args;
use crate::ctx::Ctx;
use goxide_ast::ast::Expr;
use syn::parse_quote;

/// Whether `t` is `url.Values`.
pub fn is_url_values(prog: &goxide_types::Program, t: goxide_types::TypeId) -> bool {
    let goxide_types::Type::Named(n) = prog.types.get(t) else {
        return false;
    };
    let o = prog.obj(n.obj);
    o.name == "Values" && o.pkg.is_some_and(|p| prog.pkg(p).path == "net/url")
}

impl Ctx<'_> {
    /// Functions of `net/url`.
    pub(super) fn url_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let f = match (name, a.len()) {
            ("Parse", 1) => "parse",
            ("ParseRequestURI", 1) => "parse_request_uri",
            ("ParseQuery", 1) => "parse_query",
            ("QueryEscape", 1) => "query_escape",
            ("QueryUnescape", 1) => "query_unescape",
            ("PathEscape", 1) => "path_escape",
            ("PathUnescape", 1) => "path_unescape",
            ("User", 1) => "user",
            ("UserPassword", 2) => "user_password",
            _ => return None,
        };
        self.use_support("url");
        let f = super::ident(f);
        let args: Vec<syn::Expr> = (0..a.len()).map(|i| self.str_ref(a, i)).collect();
        Some(parse_quote!(crate::support::url::#f(#(#args),*)))
    }

    /// Methods of `*url.URL` and `*url.Userinfo`.
    pub(crate) fn url_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let ty = self
            .type_of(x)
            .and_then(|t| super::std_handle(self.prog, t))
            .map(|(_, ty)| ty);
        let m = match (ty, name, args.len()) {
            (Some("URL"), "String", 0) => "string",
            (Some("URL"), "Query", 0) => "query",
            (Some("URL"), "Hostname", 0) => "hostname",
            (Some("URL"), "Port", 0) => "port",
            (Some("URL"), "EscapedPath", 0) => "escaped_path",
            (Some("URL"), "EscapedFragment", 0) => "escaped_fragment",
            (Some("URL"), "IsAbs", 0) => "is_abs",
            (Some("URL"), "RequestURI", 0) => "request_uri",
            (Some("URL"), "Redacted", 0) => "redacted",
            (Some("Userinfo"), "Username", 0) => "username",
            (Some("Userinfo"), "Password", 0) => "password",
            (Some("Userinfo"), "String", 0) => "string",
            _ => return self.unsupported(e, &format!("url.{}.{name}", ty.unwrap_or("?"))),
        };
        let h = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
        let m = super::ident(m);
        parse_quote!(#h.#m())
    }

    /// Methods of `url.Values` (a `HashMap<String, Vec<String>>`).
    pub(crate) fn url_values_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let a = Args {
            exprs: args,
            vals: args.iter().map(|a| self.borrowed(a)).collect(),
        };
        let key = |ctx: &mut Self| ctx.str_ref(&a, 0);
        match (name, args.len()) {
            ("Get", 1) => {
                self.use_support("url");
                let v = self.borrowed(x);
                let k = key(self);
                parse_quote!(crate::support::url::values_get(&#v, #k))
            }
            ("Has", 1) => {
                let v = crate::expr::as_base(self.borrowed(x));
                let k = key(self);
                parse_quote!(#v.contains_key(#k))
            }
            ("Encode", 0) => {
                self.use_support("url");
                let v = self.borrowed(x);
                parse_quote!(crate::support::url::values_encode(&#v))
            }
            ("Del", 1) => {
                let v = crate::expr::as_base(self.place(x));
                let k = key(self);
                parse_quote!({
                    #v.remove(#k);
                })
            }
            ("Set" | "Add", 2) => {
                let v = crate::expr::as_base(self.place(x));
                let k = self.value(&args[0]);
                let val = self.value(&args[1]);
                if name == "Set" {
                    parse_quote!({
                        #v.insert(#k, vec![#val]);
                    })
                } else {
                    parse_quote!(#v.entry(#k).or_default().push(#val))
                }
            }
            _ => self.unsupported(e, &format!("url.Values.{name}")),
        }
    }
}
