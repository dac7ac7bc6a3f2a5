//! `flag`'s command line: `flag.Int(name, value, usage)` is a new pointer holding `value`,
//! registered with the `flag` support module together with a setter that stores through it;
//! `flag.IntVar(&x, …)` registers the pointer it is given. `flag.Parse()` parses
//! `std::env::args()` with Go's syntax, messages and exit statuses.
//!
//! | Go | Rust |
//! | --- | --- |
//! | `n := flag.Int("n", 5, "count")` | `{ let p = Some(Rc::new(RefCell::new(5))); let q = p.clone(); support::flag::int("n", 5, "count", move \|v\| *q…borrow_mut() = v); p }` |
//! | `flag.Parse()`, `flag.Args()`, `flag.NArg()`, `flag.Arg(i)` | `support::flag::parse()`, `args()`, `narg()`, `arg(i)` |

use super::Args;
use crate::ctx::Ctx;
use syn::parse_quote;

impl Ctx<'_> {
    pub(super) fn flag_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let (kind, var) = match name.strip_suffix("Var") {
            Some(k) => (k, true),
            None => (name, false),
        };
        if matches!(
            kind,
            "Int" | "Int64" | "Uint" | "Uint64" | "Float64" | "Bool" | "String" | "Duration"
        ) {
            let first = usize::from(var);
            if a.len() != first + 3 {
                return None;
            }
            return self.flag_define(kind, var, a);
        }
        self.use_support("flag");
        Some(match (name, a.len()) {
            ("Parse", 0) => parse_quote!(crate::support::flag::parse()),
            ("Parsed", 0) => parse_quote!(crate::support::flag::parsed()),
            ("Args", 0) => parse_quote!(crate::support::flag::args()),
            ("NArg", 0) => parse_quote!(crate::support::flag::narg()),
            ("Arg", 1) => {
                let i = self.int_arg(a, 0, &parse_quote!(i64));
                parse_quote!(crate::support::flag::arg(#i))
            }
            _ => return None,
        })
    }

    /// `flag.<Kind>(name, value, usage)` (a new pointer) or `flag.<Kind>Var(p, name, value,
    /// usage)`.
    fn flag_define(&mut self, kind: &str, var: bool, a: &Args) -> Option<syn::Expr> {
        let first = usize::from(var);
        let name = self.str_ref(a, first);
        let usage = self.str_ref(a, first + 2);
        let value = a.v(first + 1);
        self.use_support("flag");
        let value_ty: syn::Type = match kind {
            "Int" | "Int64" => parse_quote!(i64),
            "Uint" | "Uint64" => parse_quote!(u64),
            "Float64" => parse_quote!(f64),
            _ => parse_quote!(_),
        };
        // The value is evaluated once, stored through the pointer and registered as the
        // default.
        let (value_stmt, value): (syn::Stmt, syn::Expr) = match kind {
            "String" => {
                let v: syn::Expr = match self.const_str(&a.exprs[first + 1]) {
                    Some(l) => parse_quote!(String::from(#l)),
                    None => parse_quote!(#value.to_string()),
                };
                (parse_quote!(let value = #v;), parse_quote!(value))
            }
            "Bool" | "Duration" => (parse_quote!(let value = #value;), parse_quote!(value)),
            _ => (
                parse_quote!(let value: #value_ty = #value;),
                parse_quote!(value),
            ),
        };
        let (ptr_stmt, ret): (syn::Stmt, Option<syn::Expr>) = if var {
            let p = a.v(0);
            let p: syn::Expr = if super::is_simple(&p) {
                parse_quote!(#p.clone())
            } else {
                p
            };
            (parse_quote!(let q = #p;), None::<syn::Expr>)
        } else {
            let init: syn::Expr = if kind == "String" {
                parse_quote!(value.clone())
            } else {
                value.clone()
            };
            let p = self.ptr_new(init);
            (parse_quote!(let p = #p;), Some(parse_quote!(p)))
        };
        let store =
            |v: syn::Expr| -> syn::Expr { parse_quote!(*q.as_ref().unwrap().borrow_mut() = #v) };
        let register: syn::Expr = match kind {
            "Int" | "Int64" => {
                let s = store(parse_quote!(v));
                parse_quote!(crate::support::flag::int(#name, value, #usage, move |v| #s))
            }
            "Uint" | "Uint64" => {
                let s = store(parse_quote!(v));
                parse_quote!(crate::support::flag::uint(#name, value, #usage, move |v| #s))
            }
            "Float64" => {
                let s = store(parse_quote!(v));
                parse_quote!(crate::support::flag::float64(#name, value, #usage, move |v| #s))
            }
            "Bool" => {
                let s = store(parse_quote!(v));
                parse_quote!(crate::support::flag::bool(#name, value, #usage, move |v| #s))
            }
            "String" => {
                let s = store(parse_quote!(v));
                parse_quote!(crate::support::flag::string(#name, &value, #usage, move |v| #s))
            }
            _ => {
                self.use_support("time");
                let s = store(parse_quote!(d));
                parse_quote!(crate::support::flag::duration(
                    #name,
                    crate::support::time::duration_string(value),
                    #usage,
                    move |s| match crate::support::time::parse_duration(s) {
                        (d, None) => {
                            #s;
                            Ok(())
                        }
                        _ => Err(crate::support::flag::PARSE_ERROR.to_string()),
                    },
                ))
            }
        };
        let init: Option<syn::Stmt> = if var {
            let v: syn::Expr = if kind == "String" {
                parse_quote!(value.clone())
            } else {
                parse_quote!(value)
            };
            Some(parse_quote!(*q.as_ref().unwrap().borrow_mut() = #v;))
        } else {
            None
        };
        Some(match ret {
            Some(ret) => parse_quote!({
                #value_stmt
                #ptr_stmt
                let q = p.clone();
                #register;
                #ret
            }),
            None => parse_quote!({
                #value_stmt
                #ptr_stmt
                #init
                #register;
            }),
        })
    }
}
