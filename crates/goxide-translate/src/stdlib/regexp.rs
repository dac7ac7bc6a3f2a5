//! `regexp`: the `regexp` support module over the `regex` crate. `*regexp.Regexp` is a
//! `support::regexp::Regexp` handle. The support code rewrites Go's syntax for the crate (ASCII
//! `\d`, `\w`, `\s`, `\b`; `\Q…\E`; literal `{`) and runs Go's own match, replace, expand and
//! split loops, so a pattern is translated as written; a `semantics` marker remains where the
//! two engines can still differ for that pattern (Unicode class tables, `(?<name>…)`, a pattern
//! known only at run time).
//!
//! | Go | Rust |
//! | --- | --- |
//! | `re := regexp.MustCompile(`\d+`)`; `re, err := regexp.Compile(p)` | `let re = support::regexp::must_compile(r"\d+");` `let (re, err) = support::regexp::compile(&p);` |
//! | `regexp.MatchString(p, s)`, `regexp.QuoteMeta(s)` | `support::regexp::match_string(p, &s)`, `support::regexp::quote_meta(&s)` |
//! | `re.MatchString(s)`, `re.FindString(s)`, `re.FindAllString(s, -1)`, `re.FindStringSubmatch(s)` | `re.match_string(&s)`, `re.find_string(&s)`, `re.find_all_string(&s, -1)`, `re.find_string_submatch(&s)` |
//! | `re.ReplaceAllString(s, "${1}x")`, `re.ReplaceAllStringFunc(s, f)`, `re.Split(s, n)` | `re.replace_all_string(&s, "${1}x")`, `re.replace_all_string_func(&s, f)`, `re.split(&s, n)` |

use super::{ident, Args};
use crate::ctx::Ctx;
use goxide_ast::ast::Expr;
use syn::parse_quote;

impl Ctx<'_> {
    /// Package functions of `regexp`.
    pub(super) fn regexp_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let f = match (name, a.len()) {
            ("MustCompile" | "Compile", 1) => {
                self.regexp_pattern_marker(&a.exprs[0], name == "Compile");
                if name == "Compile" {
                    "compile"
                } else {
                    "must_compile"
                }
            }
            ("MatchString", 2) => {
                self.regexp_pattern_marker(&a.exprs[0], true);
                let (p, s) = (self.str_ref(a, 0), self.str_ref(a, 1));
                self.use_support("regexp");
                return Some(parse_quote!(crate::support::regexp::match_string(#p, #s)));
            }
            ("QuoteMeta", 1) => "quote_meta",
            _ => return None,
        };
        self.use_support("regexp");
        let p = self.str_ref(a, 0);
        let f = ident(f);
        Some(parse_quote!(crate::support::regexp::#f(#p)))
    }

    /// A `semantics` marker where RE2 and the `regex` crate (after goxide's rewriting) can
    /// still differ for the pattern `p`.
    fn regexp_pattern_marker(&mut self, p: &Expr, compile: bool) {
        let Some(text) = self.const_str(p).map(|l| l.value()) else {
            let errors = if compile {
                "; syntax errors that goxide does not recognize get the regex crate's text"
            } else {
                ""
            };
            self.marker(format!(
                "semantics: regexp pattern known only at run time: Unicode classes (`\\p{{…}}`) \
                 use the regex crate's tables and `(?<name>…)` is accepted as in Go 1.22+{errors}"
            ));
            return;
        };
        let notes = pattern_notes(&text);
        if !notes.is_empty() {
            self.marker(format!(
                "semantics: regexp `{}`: {}",
                text.replace('\n', "\\n"),
                notes.join("; ")
            ));
        }
    }

    /// Methods of `*regexp.Regexp`.
    pub(crate) fn regexp_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let a = self.regexp_args(args);
        let re = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
        self.use_support("regexp");
        let method = match (name, args.len()) {
            ("MatchString" | "FindString" | "FindStringIndex", 1)
            | ("FindStringSubmatch" | "FindStringSubmatchIndex" | "SubexpIndex", 1) => {
                let s = self.str_ref(&a, 0);
                let m = ident(&crate::names::snake(name));
                return parse_quote!(#re.#m(#s));
            }
            ("Match" | "Find", 1) => {
                let b = a.v(0);
                let b: syn::Expr = match b {
                    syn::Expr::Reference(_) => b,
                    b => parse_quote!(&#b),
                };
                let m = ident(if name == "Match" {
                    "match_bytes"
                } else {
                    "find"
                });
                return parse_quote!(#re.#m(#b));
            }
            (
                "FindAllString"
                | "FindAllStringIndex"
                | "FindAllStringSubmatch"
                | "FindAllStringSubmatchIndex"
                | "Split",
                2,
            ) => {
                let s = self.str_ref(&a, 0);
                let n: syn::Expr = match self.const_int(&a, 1) {
                    Some(k) => {
                        let lit = proc_macro2::Literal::i64_unsuffixed(k.abs());
                        if k < 0 {
                            parse_quote!(-#lit)
                        } else {
                            parse_quote!(#lit)
                        }
                    }
                    None => self.int_arg(&a, 1, &parse_quote!(i64)),
                };
                let m = ident(&crate::names::snake(name));
                return parse_quote!(#re.#m(#s, #n));
            }
            ("ReplaceAllString" | "ReplaceAllLiteralString", 2) => {
                let (s, r) = (self.str_ref(&a, 0), self.str_ref(&a, 1));
                let m = ident(&crate::names::snake(name));
                return parse_quote!(#re.#m(#s, #r));
            }
            ("ReplaceAllStringFunc", 2) => {
                let s = self.str_ref(&a, 0);
                let f = match self.borrowing_closure(&args[1], None) {
                    Some(c) => c,
                    None => {
                        let f = a.v(1);
                        parse_quote!(|m: String| (#f)(m))
                    }
                };
                return parse_quote!(#re.replace_all_string_func(#s, #f));
            }
            ("SubexpNames", 0) => "subexp_names",
            ("NumSubexp", 0) => "num_subexp",
            ("String", 0) => "string",
            _ => return self.unsupported(e, &format!("method (*regexp.Regexp).{name}")),
        };
        let m = ident(method);
        parse_quote!(#re.#m())
    }

    /// The arguments of a method call, translated as `stdlib_call` translates a function's
    /// (constants as literals, other values borrowed).
    fn regexp_args<'e>(&mut self, args: &'e [Expr]) -> Args<'e> {
        let vals = args.iter().map(|a| self.std_arg(a)).collect();
        Args { exprs: args, vals }
    }
}

/// Where RE2 and the `regex` crate can differ for the constant pattern `p` after goxide's
/// rewriting.
fn pattern_notes(p: &str) -> Vec<&'static str> {
    let mut notes = Vec::new();
    if p.contains("\\p") || p.contains("\\P") {
        notes.push(
            "Unicode classes use the regex crate's Unicode tables, which can be newer than Go's",
        );
    }
    let named = p
        .match_indices("(?<")
        .any(|(i, _)| !p[i..].starts_with("(?<=") && !p[i..].starts_with("(?<!"));
    if named {
        notes.push("`(?<name>…)` is accepted as in Go 1.22+; Go 1.19–1.21 reject it");
    }
    notes
}

#[cfg(test)]
mod tests {
    #[test]
    fn notes() {
        assert!(super::pattern_notes(r"\d+\w*\b").is_empty());
        assert_eq!(super::pattern_notes(r"\p{Greek}+").len(), 1);
        assert_eq!(super::pattern_notes(r"(?<y>\d+)").len(), 1);
    }
}
