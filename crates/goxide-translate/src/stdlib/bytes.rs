//! `bytes` functions on byte slices (`bytes.Equal`, `bytes.HasPrefix`, …): slice operations.

use super::Args;
use crate::ctx::Ctx;
use syn::parse_quote;

impl Ctx<'_> {
    pub(super) fn bytes_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (name, a.len()) {
            ("Equal", 2) => {
                let (x, y) = (a.v(0), a.v(1));
                parse_quote!((#x[..] == #y[..]))
            }
            ("Compare", 2) => {
                let (x, y) = (a.v(0), a.v(1));
                parse_quote!((#x[..].cmp(&#y[..]) as i64))
            }
            ("IndexByte", 2) => {
                let (x, c) = (a.v(0), a.v(1));
                parse_quote!(#x.iter().position(|&b| b == #c).map_or(-1, |i| i as i64))
            }
            ("HasPrefix", 2) => {
                let (x, y) = (a.v(0), a.v(1));
                parse_quote!(#x.starts_with(&#y[..]))
            }
            ("HasSuffix", 2) => {
                let (x, y) = (a.v(0), a.v(1));
                parse_quote!(#x.ends_with(&#y[..]))
            }
            _ => return None,
        })
    }
}
