//! `sort` (in place, on the caller's variable), `unicode`, `unicode/utf8`, `os`, `runtime` and
//! `runtime/debug`.

use super::{ident, Args};
use crate::ctx::Ctx;
use syn::parse_quote;

impl Ctx<'_> {
    pub(super) fn sort_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (name, a.len()) {
            ("Ints" | "Strings", 1) => {
                let p = self.place(&a.exprs[0]);
                let p = crate::expr::paren_if_needed(p);
                parse_quote!(#p.sort())
            }
            ("Float64s", 1) => {
                self.use_support("math");
                let p = self.place(&a.exprs[0]);
                parse_quote!(crate::support::math::sort_float64s(&mut #p))
            }
            ("IntsAreSorted" | "StringsAreSorted", 1) => {
                let x = a.v(0);
                parse_quote!(#x.is_sorted())
            }
            ("Float64sAreSorted", 1) => {
                self.use_support("math");
                let x = a.v(0);
                parse_quote!(crate::support::math::float64s_are_sorted(&#x))
            }
            ("SearchInts" | "SearchFloat64s", 2) => {
                let (s, x) = (a.v(0), a.v(1));
                parse_quote!(#s.partition_point(|&v| v < #x) as i64)
            }
            ("SearchStrings", 2) => {
                let (s, x) = (a.v(0), self.str_slice(a, 1));
                parse_quote!(#s.partition_point(|v| v.as_str() < #x) as i64)
            }
            _ => return None,
        })
    }

    pub(super) fn unicode_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        if a.len() != 1 {
            return None;
        }
        let x = a.v(0);
        let f = match name {
            "IsUpper" => "is_upper",
            "IsLower" => "is_lower",
            "IsLetter" => "is_letter",
            "IsDigit" => "is_digit",
            "IsPunct" => "is_punct",
            "IsSpace" => "is_space",
            "ToUpper" => "to_upper",
            "ToLower" => "to_lower",
            "ToTitle" => "to_title",
            "IsNumber" => {
                return Some(parse_quote!(char::from_u32(#x as u32).is_some_and(char::is_numeric)))
            }
            "IsControl" => {
                return Some(parse_quote!(char::from_u32(#x as u32).is_some_and(char::is_control)))
            }
            _ => return None,
        };
        self.use_support("unicode");
        let f = ident(f);
        Some(parse_quote!(crate::support::unicode::#f(#x)))
    }

    pub(super) fn utf8_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (name, a.len()) {
            ("RuneCountInString", 1) => {
                let s = self.str_recv(a, 0);
                parse_quote!(#s.chars().count() as i64)
            }
            ("RuneLen", 1) => {
                let x = a.v(0);
                parse_quote!(char::from_u32(#x as u32).map_or(-1, |c| c.len_utf8() as i64))
            }
            ("ValidRune", 1) => {
                let x = a.v(0);
                parse_quote!(char::from_u32(#x as u32).is_some())
            }
            // Go strings are held as Rust strings, which are valid UTF-8.
            ("ValidString", 1) => parse_quote!(true),
            ("DecodeRuneInString" | "DecodeLastRuneInString", 1) => {
                let s = self.str_recv(a, 0);
                let m = ident(if name == "DecodeRuneInString" {
                    "next"
                } else {
                    "next_back"
                });
                parse_quote!(#s.chars().#m().map_or((0xFFFD, 0), |c| (c as i32, c.len_utf8() as i64)))
            }
            ("DecodeRune", 1) => {
                self.use_support("unicode");
                let p = a.v(0);
                parse_quote!(crate::support::unicode::decode_rune(&#p))
            }
            ("Valid", 1) => {
                let p = a.v(0);
                parse_quote!(std::str::from_utf8(&#p).is_ok())
            }
            ("AppendRune", 2) => {
                self.use_support("rt");
                let (p, r) = (a.v(0), a.v(1));
                let p = if self.is_place(&a.exprs[0]) {
                    parse_quote!(#p.clone())
                } else {
                    p
                };
                parse_quote!({
                    let mut b = #p;
                    b.extend_from_slice(crate::support::rt::rune_to_string(#r as i64).as_bytes());
                    b
                })
            }
            _ => return None,
        })
    }

    pub(super) fn system_call(&mut self, pkg: &str, name: &str, a: &Args) -> Option<syn::Expr> {
        Some(match (pkg, name, a.len()) {
            ("os", "Exit", 1) => {
                // `process::exit` runs no destructors: flush what fmt wrote to stdout first.
                let x = a.v(0);
                parse_quote!({
                    std::io::Write::flush(&mut std::io::stdout()).ok();
                    std::process::exit(#x as i32)
                })
            }
            ("os", "Getenv", 1) => {
                let k = self.str_ref(a, 0);
                parse_quote!(std::env::var(#k).unwrap_or_default())
            }
            ("runtime", "Gosched", 0) => parse_quote!(std::thread::yield_now()),
            ("runtime", "GC", 0) => parse_quote!(()),
            ("runtime", "KeepAlive", 1) => {
                let x = a.v(0);
                parse_quote!({
                    let _ = &#x;
                })
            }
            ("runtime", "NumGoroutine", 0) => {
                self.use_support("chan");
                parse_quote!(crate::support::chan::num_goroutine())
            }
            ("runtime", "GOMAXPROCS", 1) => parse_quote!(1),
            ("runtime", "Breakpoint", 0) => {
                self.use_support("runtime");
                parse_quote!(crate::support::runtime::breakpoint())
            }
            ("runtime/debug", "SetGCPercent", 1) => {
                self.use_support("runtime");
                let x = self.int_arg(a, 0, &parse_quote!(i64));
                parse_quote!(crate::support::runtime::set_gc_percent(#x))
            }
            ("runtime/debug", "SetMaxStack", 1) => {
                self.use_support("runtime");
                self.marker(
                    "semantics: debug.SetMaxStack: the limit is recorded, not enforced (Go ends a goroutine that outgrows it)".into(),
                );
                let x = self.int_arg(a, 0, &parse_quote!(i64));
                parse_quote!(crate::support::runtime::set_max_stack(#x))
            }
            ("runtime", "NumCPU", 0) => parse_quote!(1),
            _ => return None,
        })
    }
}
