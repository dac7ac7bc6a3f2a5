//! `strings`: Go's byte offsets are Rust's byte offsets, so searches map onto `str` methods;
//! case mapping, `Title`, `Split` with an empty separator, `Repeat`'s panic and `EqualFold`
//! go through the `strings` support module.

use super::{ident, is_simple, Args};
use crate::ctx::Ctx;
use syn::parse_quote;

impl Ctx<'_> {
    pub(super) fn strings_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let n = a.len();
        let s = |ctx: &Self, i| ctx.str_recv(a, i);
        let r = |ctx: &Self, i| ctx.str_ref(a, i);
        let helper = |ctx: &mut Self, f: &str, args: Vec<syn::Expr>| -> syn::Expr {
            ctx.use_support("strings");
            let f = ident(f);
            parse_quote!(crate::support::strings::#f(#(#args),*))
        };
        Some(match (name, n) {
            ("Contains", 2) => {
                let (x, p) = (s(self, 0), r(self, 1));
                parse_quote!(#x.contains(#p))
            }
            ("ContainsRune", 2) => {
                let x = s(self, 0);
                match self.const_char(a, 1) {
                    Some(c) => parse_quote!(#x.contains(#c)),
                    None => {
                        let r = a.v(1);
                        let c = crate::names::temp_not_in("c", &r);
                        parse_quote!(#x.chars().any(|#c| #c as i32 == #r))
                    }
                }
            }
            ("ContainsAny", 2) => {
                let (x, set) = (s(self, 0), s(self, 1));
                let c = crate::names::temp_not_in("c", &set);
                parse_quote!(#x.contains(|#c: char| #set.contains(#c)))
            }
            ("HasPrefix", 2) => {
                let (x, p) = (s(self, 0), r(self, 1));
                parse_quote!(#x.starts_with(#p))
            }
            ("HasSuffix", 2) => {
                let (x, p) = (s(self, 0), r(self, 1));
                parse_quote!(#x.ends_with(#p))
            }
            ("Index" | "LastIndex", 2) => {
                let (x, p) = (s(self, 0), r(self, 1));
                let m = ident(if name == "Index" { "find" } else { "rfind" });
                parse_quote!(#x.#m(#p).map_or(-1, |i| i as i64))
            }
            ("IndexByte" | "LastIndexByte", 2) => {
                let (x, b) = (s(self, 0), a.v(1));
                let c = crate::names::temp_not_in("c", &b);
                if name == "IndexByte" {
                    parse_quote!(#x.bytes().position(|#c| #c == #b).map_or(-1, |i| i as i64))
                } else {
                    parse_quote!(#x.bytes().rposition(|#c| #c == #b).map_or(-1, |i| i as i64))
                }
            }
            ("IndexRune", 2) => {
                let x = s(self, 0);
                match self.const_char(a, 1) {
                    Some(c) => parse_quote!(#x.find(#c).map_or(-1, |i| i as i64)),
                    None => {
                        let r = a.v(1);
                        let c = crate::names::temp_not_in("c", &r);
                        parse_quote!(#x.char_indices().find(|&(_, #c)| #c as i32 == #r).map_or(-1, |(i, _)| i as i64))
                    }
                }
            }
            ("IndexAny" | "LastIndexAny", 2) => {
                let (x, set) = (s(self, 0), s(self, 1));
                let m = ident(if name == "IndexAny" { "find" } else { "rfind" });
                let c = crate::names::temp_not_in("c", &set);
                parse_quote!(#x.#m(|#c: char| #set.contains(#c)).map_or(-1, |i| i as i64))
            }
            ("IndexFunc", 2) => {
                let (x, f) = (s(self, 0), self.func_arg(a, 1));
                parse_quote!({
                    let f = #f;
                    #x.find(|c: char| f(c as i32)).map_or(-1, |i| i as i64)
                })
            }
            ("Split", 2) => {
                if self
                    .const_str(&a.exprs[1])
                    .is_some_and(|l| !l.value().is_empty())
                {
                    let (x, sep) = (s(self, 0), r(self, 1));
                    parse_quote!(#x.split(#sep).map(String::from).collect::<Vec<String>>())
                } else {
                    let args = vec![r(self, 0), r(self, 1)];
                    helper(self, "split", args)
                }
            }
            ("SplitN", 3) => {
                let k = self.const_int(a, 2);
                if self
                    .const_str(&a.exprs[1])
                    .is_some_and(|l| !l.value().is_empty())
                    && k.is_some_and(|k| k > 0)
                {
                    let (x, sep) = (s(self, 0), r(self, 1));
                    let k = k.unwrap_or(1) as usize;
                    parse_quote!(#x.splitn(#k, #sep).map(String::from).collect::<Vec<String>>())
                } else {
                    let args = vec![r(self, 0), r(self, 1), a.v(2)];
                    helper(self, "split_n", args)
                }
            }
            ("Fields", 1) => {
                // Go's white space (unicode.IsSpace) is Unicode's White_Space, as Rust's.
                let x = s(self, 0);
                parse_quote!(#x.split_whitespace().map(String::from).collect::<Vec<String>>())
            }
            ("FieldsFunc", 2) => {
                let (x, f) = (s(self, 0), self.func_arg(a, 1));
                parse_quote!({
                    let f = #f;
                    #x.split(|c: char| f(c as i32)).filter(|w| !w.is_empty()).map(String::from).collect::<Vec<String>>()
                })
            }
            ("Join", 2) => {
                let (x, sep) = (a.v(0), r(self, 1));
                parse_quote!(#x.join(#sep))
            }
            ("Repeat", 2) => match self.const_int(a, 1) {
                Some(k) if k >= 0 => {
                    let x = s(self, 0);
                    let k = k as usize;
                    parse_quote!(#x.repeat(#k))
                }
                _ => {
                    let args = vec![r(self, 0), a.v(1)];
                    helper(self, "repeat", args)
                }
            },
            ("Replace", 4) => match self.const_int(a, 3) {
                Some(k) if k < 0 => {
                    let (x, o, w) = (s(self, 0), r(self, 1), r(self, 2));
                    parse_quote!(#x.replace(#o, #w))
                }
                Some(k) => {
                    let (x, o, w) = (s(self, 0), r(self, 1), r(self, 2));
                    let k = k as usize;
                    parse_quote!(#x.replacen(#o, #w, #k))
                }
                None => {
                    let args = vec![r(self, 0), r(self, 1), r(self, 2), a.v(3)];
                    helper(self, "replace", args)
                }
            },
            ("ReplaceAll", 3) => {
                let (x, o, w) = (s(self, 0), r(self, 1), r(self, 2));
                parse_quote!(#x.replace(#o, #w))
            }
            ("ToUpper" | "ToLower" | "ToTitle" | "Title", 1) => {
                let f = match name {
                    "ToUpper" => "to_upper",
                    "ToLower" => "to_lower",
                    "ToTitle" => "to_title",
                    _ => "title",
                };
                let args = vec![r(self, 0)];
                helper(self, f, args)
            }
            ("TrimSpace", 1) => {
                // Go trims unicode.IsSpace, which is Rust's `char::is_whitespace`.
                let x = s(self, 0);
                parse_quote!(#x.trim().to_string())
            }
            ("Trim" | "TrimLeft" | "TrimRight", 2) => {
                let x = s(self, 0);
                let m = ident(match name {
                    "Trim" => "trim_matches",
                    "TrimLeft" => "trim_start_matches",
                    _ => "trim_end_matches",
                });
                match self.const_str(&a.exprs[1]) {
                    Some(set) => {
                        let chars: Vec<char> = set.value().chars().collect();
                        if let [c] = chars[..] {
                            parse_quote!(#x.#m(#c).to_string())
                        } else {
                            parse_quote!(#x.#m([#(#chars),*]).to_string())
                        }
                    }
                    None => {
                        let set = s(self, 1);
                        let c = crate::names::temp_not_in("c", &set);
                        parse_quote!(#x.#m(|#c: char| #set.contains(#c)).to_string())
                    }
                }
            }
            ("TrimFunc" | "TrimLeftFunc" | "TrimRightFunc", 2) => {
                let (x, f) = (s(self, 0), self.func_arg(a, 1));
                let m = ident(match name {
                    "TrimFunc" => "trim_matches",
                    "TrimLeftFunc" => "trim_start_matches",
                    _ => "trim_end_matches",
                });
                parse_quote!({
                    let f = #f;
                    #x.#m(|c: char| f(c as i32)).to_string()
                })
            }
            ("TrimPrefix" | "TrimSuffix", 2) => {
                let (x, p) = (s(self, 0), r(self, 1));
                let m = ident(if name == "TrimPrefix" {
                    "strip_prefix"
                } else {
                    "strip_suffix"
                });
                if matches!(x, syn::Expr::Lit(_)) {
                    parse_quote!(#x.#m(#p).unwrap_or(#x).to_string())
                } else if is_simple(&x) {
                    parse_quote!(#x.#m(#p).unwrap_or(&#x).to_string())
                } else {
                    parse_quote!({
                        let s = #x;
                        s.#m(#p).unwrap_or(&s).to_string()
                    })
                }
            }
            ("Count", 2) => {
                // Go counts "" as one more than the number of runes, as `matches("")` does.
                let (x, p) = (s(self, 0), r(self, 1));
                parse_quote!(#x.matches(#p).count() as i64)
            }
            ("EqualFold", 2) => {
                let args = vec![r(self, 0), r(self, 1)];
                helper(self, "equal_fold", args)
            }
            ("Compare", 2) => {
                let (x, y) = (self.str_slice(a, 0), self.str_slice(a, 1));
                parse_quote!(#x.cmp(#y) as i64)
            }
            ("Cut", 2) => {
                let args = vec![r(self, 0), r(self, 1)];
                helper(self, "cut", args)
            }
            ("Map", 2) => {
                let (f, x) = (self.func_arg(a, 0), s(self, 1));
                parse_quote!({
                    let f = #f;
                    #x.chars()
                        .filter_map(|c| u32::try_from(f(c as i32)).ok().map(|r| char::from_u32(r).unwrap_or('\u{FFFD}')))
                        .collect::<String>()
                })
            }
            _ => return None,
        })
    }
}
