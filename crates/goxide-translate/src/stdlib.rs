//! Calls into the standard library, mapped to Rust one function at a time. A function that is
//! not mapped yet becomes a `todo!()` under an `unsupported` marker naming it.

use crate::ctx::Ctx;
use crate::expr::paren_if_needed;
use goxide_ast::ast::Expr;
use syn::parse_quote;

impl Ctx<'_> {
    pub fn stdlib_call(
        &mut self,
        e: &Expr,
        pkg: &str,
        name: &str,
        args: &[Expr],
        ellipsis: bool,
    ) -> syn::Expr {
        if pkg == "fmt" {
            return self.fmt_call(e, name, args, ellipsis);
        }
        if pkg == "errors" {
            return self.errors_call(e, name, args);
        }
        let vals: Vec<syn::Expr> = args
            .iter()
            .map(|a| {
                let t = self.type_of(a);
                match t {
                    Some(t) if self.info.const_value(a.id).is_some() => {
                        let t = goxide_types::default_type(&self.prog.types, t);
                        let v = self.info.const_value(a.id).cloned();
                        match v.and_then(|v| self.const_expr(&v, t, true)) {
                            Some(c) => c,
                            None => self.value_as(a, t),
                        }
                    }
                    _ => self.borrowed(a),
                }
            })
            .collect();
        let v = |i: usize| paren_if_needed(vals[i].clone());
        match (pkg, name, vals.len()) {
            (
                "math",
                "Sqrt" | "Abs" | "Floor" | "Ceil" | "Trunc" | "Sin" | "Cos" | "Tan" | "Exp" | "Log"
                | "Log2" | "Log10",
                1,
            ) => {
                let m = syn::Ident::new(&name.to_lowercase(), proc_macro2::Span::call_site());
                let m = if name == "Log" {
                    syn::Ident::new("ln", proc_macro2::Span::call_site())
                } else {
                    m
                };
                let x = v(0);
                parse_quote!(#x.#m())
            }
            ("math", "Pow", 2) => {
                let (a, b) = (v(0), v(1));
                parse_quote!(#a.powf(#b))
            }
            ("math", "Max" | "Min", 2) => {
                let (a, b) = (v(0), v(1));
                let m = syn::Ident::new(&name.to_lowercase(), proc_macro2::Span::call_site());
                parse_quote!(#a.#m(#b))
            }
            ("math", "Inf", 1) => {
                let x = v(0);
                parse_quote!(if #x >= 0 { f64::INFINITY } else { f64::NEG_INFINITY })
            }
            ("math", "NaN", 0) => parse_quote!(f64::NAN),
            ("math", "IsNaN", 1) => {
                let x = v(0);
                parse_quote!(#x.is_nan())
            }
            ("math", "Copysign", 2) => {
                let (a, b) = (v(0), v(1));
                parse_quote!(#a.copysign(#b))
            }
            ("math", "Float64bits", 1) => {
                let x = v(0);
                parse_quote!(#x.to_bits())
            }
            ("math", "Float64frombits", 1) => {
                let x = v(0);
                parse_quote!(f64::from_bits(#x))
            }
            ("math", "Float32bits", 1) => {
                let x = v(0);
                parse_quote!(#x.to_bits())
            }
            ("math", "Float32frombits", 1) => {
                let x = v(0);
                parse_quote!(f32::from_bits(#x))
            }
            ("strings", "Repeat", 2) => {
                let (s, n) = (v(0), v(1));
                parse_quote!(#s.repeat(#n as usize))
            }
            ("strings", "Contains", 2) => {
                let (s, t) = (v(0), v(1));
                parse_quote!(#s.contains(#t.as_str()))
            }
            ("strings", "HasPrefix", 2) => {
                let (s, t) = (v(0), v(1));
                parse_quote!(#s.starts_with(#t.as_str()))
            }
            ("strings", "HasSuffix", 2) => {
                let (s, t) = (v(0), v(1));
                parse_quote!(#s.ends_with(#t.as_str()))
            }
            ("strings", "ToUpper", 1) => {
                let s = v(0);
                parse_quote!(#s.to_uppercase())
            }
            ("strings", "ToLower", 1) => {
                let s = v(0);
                parse_quote!(#s.to_lowercase())
            }
            ("strings", "TrimSpace", 1) => {
                let s = v(0);
                parse_quote!(#s.trim().to_string())
            }
            ("strings", "Index", 2) => {
                let (s, t) = (v(0), v(1));
                parse_quote!(#s.find(#t.as_str()).map_or(-1, |i| i as i64))
            }
            ("strings", "Join", 2) => {
                let (s, t) = (v(0), v(1));
                parse_quote!(#s.join(#t.as_str()))
            }
            ("runtime", "Gosched" | "GC", 0) => parse_quote!(()),
            ("unicode/utf8", "RuneCountInString", 1) => {
                let s = v(0);
                parse_quote!(#s.chars().count() as i64)
            }
            ("unicode/utf8", "RuneLen", 1) => {
                let x = v(0);
                parse_quote!(char::from_u32(#x as u32).map_or(-1, |c| c.len_utf8() as i64))
            }
            ("unicode/utf8", "ValidString", 1) => parse_quote!(true),
            (
                "unicode",
                "IsUpper" | "IsLower" | "IsDigit" | "IsSpace" | "IsLetter" | "IsPunct",
                1,
            ) => {
                let x = v(0);
                let m = syn::Ident::new(
                    match name {
                        "IsUpper" => "is_uppercase",
                        "IsLower" => "is_lowercase",
                        "IsDigit" => "is_numeric",
                        "IsSpace" => "is_whitespace",
                        "IsLetter" => "is_alphabetic",
                        _ => "is_ascii_punctuation",
                    },
                    proc_macro2::Span::call_site(),
                );
                parse_quote!(char::from_u32(#x as u32).is_some_and(|c| c.#m()))
            }
            ("unicode", "ToUpper" | "ToLower", 1) => {
                let x = v(0);
                let m = syn::Ident::new(
                    if name == "ToUpper" {
                        "to_uppercase"
                    } else {
                        "to_lowercase"
                    },
                    proc_macro2::Span::call_site(),
                );
                parse_quote!(char::from_u32(#x as u32).and_then(|c| c.#m().next()).map_or(#x, |c| c as i32))
            }
            ("strings", "Fields", 1) => {
                let s = v(0);
                parse_quote!(#s.split_whitespace().map(String::from).collect::<Vec<String>>())
            }
            ("strings", "Split", 2) => {
                let (s, t) = (v(0), v(1));
                parse_quote!(#s.split(#t.as_str()).map(String::from).collect::<Vec<String>>())
            }
            ("strings", "Count", 2) => {
                let (s, t) = (v(0), v(1));
                parse_quote!(#s.matches(#t.as_str()).count() as i64)
            }
            ("strings", "ReplaceAll", 3) => {
                let (s, a, b) = (v(0), v(1), v(2));
                parse_quote!(#s.replace(#a.as_str(), #b.as_str()))
            }
            ("strconv", "Quote", 1) => {
                let s = v(0);
                self.use_support("strconv");
                parse_quote!(crate::support::strconv::quote(&#s))
            }
            ("runtime", "GOMAXPROCS", 1) => parse_quote!(1),
            ("runtime", "NumCPU", 0) => parse_quote!(1),
            ("strconv", "Itoa", 1) => {
                let x = v(0);
                parse_quote!(#x.to_string())
            }
            ("os", "Exit", 1) => {
                let x = v(0);
                parse_quote!(std::process::exit(#x as i32))
            }
            _ => self.unsupported(e, &format!("standard library function {pkg}.{name}")),
        }
    }

    fn errors_call(&mut self, e: &Expr, name: &str, args: &[Expr]) -> syn::Expr {
        self.use_support("errors");
        match (name, args) {
            ("New", [msg]) => {
                let m: syn::Expr = match self.const_str(msg) {
                    Some(l) => parse_quote!(#l),
                    None => self.value(msg),
                };
                parse_quote!(crate::support::errors::new(#m))
            }
            ("Is", [a, b]) => {
                let (a, b) = (self.borrowed(a), self.borrowed(b));
                parse_quote!(crate::support::errors::is(&#a, &#b))
            }
            ("Unwrap", [a]) => {
                let a = self.borrowed(a);
                parse_quote!(crate::support::errors::unwrap(&#a))
            }
            _ => self.unsupported(e, &format!("standard library function errors.{name}")),
        }
    }

    /// A qualified identifier that is not a call and not a constant (`os.Args`, `math.MaxInt`
    /// was folded).
    pub fn qualified_value(&mut self, e: &Expr) -> syn::Expr {
        self.unsupported(e, "standard library value")
    }
}
