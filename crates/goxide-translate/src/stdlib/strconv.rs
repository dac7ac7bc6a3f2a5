//! `strconv`: formatting maps onto `to_string` or the `strconv` support module (Go's float
//! layout, quoting); parsing goes through the `parse` support module, which gives Go's results
//! and `*NumError` texts as an `(value, error)` pair.

use super::{ident, Args};
use crate::ctx::Ctx;
use syn::parse_quote;

impl Ctx<'_> {
    pub(super) fn strconv_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let fmt_helper = |ctx: &mut Self, f: &str, args: Vec<syn::Expr>| -> syn::Expr {
            ctx.use_support("strconv");
            let f = ident(f);
            parse_quote!(crate::support::strconv::#f(#(#args),*))
        };
        let parse_helper = |ctx: &mut Self, f: &str, args: Vec<syn::Expr>| -> syn::Expr {
            ctx.use_support("parse");
            let f = ident(f);
            parse_quote!(crate::support::parse::#f(#(#args),*))
        };
        Some(match (name, a.len()) {
            ("Itoa", 1) => {
                let x = a.v(0);
                parse_quote!(#x.to_string())
            }
            ("FormatBool", 1) => {
                let x = a.v(0);
                parse_quote!(#x.to_string())
            }
            ("FormatInt" | "FormatUint", 2) => {
                let x = a.v(0);
                if self.const_int(a, 1) == Some(10) {
                    parse_quote!(#x.to_string())
                } else {
                    let b = a.v(1);
                    let f = if name == "FormatInt" {
                        "format_int"
                    } else {
                        "format_uint"
                    };
                    fmt_helper(self, f, vec![x, parse_quote!(#b as u32)])
                }
            }
            // `AppendX(dst, args…)`: dst with `FormatX(args…)` (or `QuoteX`) appended.
            (
                "AppendInt"
                | "AppendUint"
                | "AppendBool"
                | "AppendFloat"
                | "AppendQuote"
                | "AppendQuoteRune"
                | "AppendQuoteToASCII"
                | "AppendQuoteRuneToASCII",
                n,
            ) if n >= 2 => {
                let rest = &name["Append".len()..];
                let format = if rest.starts_with("Quote") {
                    rest.to_string()
                } else {
                    format!("Format{rest}")
                };
                let sub = Args {
                    exprs: &a.exprs[1..],
                    vals: a.vals[1..].to_vec(),
                };
                let text = self.strconv_call(&format, &sub)?;
                let dst = a.v(0);
                let dst = if self.is_place(&a.exprs[0]) {
                    parse_quote!(#dst.clone())
                } else {
                    dst
                };
                parse_quote!({
                    let mut b = #dst;
                    b.extend_from_slice(#text.as_bytes());
                    b
                })
            }
            ("FormatFloat", 4) => {
                let (x, f, p, bits) = (a.v(0), a.v(1), a.v(2), a.v(3));
                fmt_helper(
                    self,
                    "format_float",
                    vec![x, f, parse_quote!(#p as i32), parse_quote!(#bits as u32)],
                )
            }
            ("Quote" | "QuoteToASCII", 1) => {
                let s = self.str_ref(a, 0);
                let f = if name == "Quote" {
                    "quote"
                } else {
                    "quote_to_ascii"
                };
                fmt_helper(self, f, vec![s])
            }
            ("QuoteRune" | "QuoteRuneToASCII", 1) => {
                let r = a.v(0);
                let f = if name == "QuoteRune" {
                    "quote_rune"
                } else {
                    "quote_rune_to_ascii"
                };
                fmt_helper(self, f, vec![r])
            }
            ("Atoi", 1) => {
                let s = self.str_ref(a, 0);
                parse_helper(self, "atoi", vec![s])
            }
            ("ParseInt" | "ParseUint", 3) => {
                let (s, b, bits) = (self.str_ref(a, 0), a.v(1), a.v(2));
                let f = if name == "ParseInt" {
                    "parse_int"
                } else {
                    "parse_uint"
                };
                parse_helper(self, f, vec![s, b, bits])
            }
            ("ParseFloat", 2) => {
                let (s, bits) = (self.str_ref(a, 0), a.v(1));
                parse_helper(self, "parse_float", vec![s, bits])
            }
            ("ParseBool", 1) => {
                let s = self.str_ref(a, 0);
                parse_helper(self, "parse_bool", vec![s])
            }
            _ => return None,
        })
    }
}
