//! `math` and `math/bits`: `f64` and integer methods where they have Go's special cases,
//! the `math` support module where they do not (`Max`/`Min` with NaN and signed zeros).

use super::{ident, Args};
use crate::ctx::Ctx;
use syn::parse_quote;

impl Ctx<'_> {
    pub(super) fn math_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let method = match name {
            "Sqrt" => "sqrt",
            "Abs" => "abs",
            "Floor" => "floor",
            "Ceil" => "ceil",
            "Trunc" => "trunc",
            // Go rounds half away from zero, as Rust's `round`.
            "Round" => "round",
            "RoundToEven" => "round_ties_even",
            "Sin" => "sin",
            "Cos" => "cos",
            "Tan" => "tan",
            "Asin" => "asin",
            "Acos" => "acos",
            "Atan" => "atan",
            "Sinh" => "sinh",
            "Cosh" => "cosh",
            "Tanh" => "tanh",
            "Exp" => "exp",
            "Exp2" => "exp2",
            "Expm1" => "exp_m1",
            "Log" => "ln",
            "Log2" => "log2",
            "Log10" => "log10",
            "Log1p" => "ln_1p",
            "Cbrt" => "cbrt",
            "Signbit" => "is_sign_negative",
            "IsNaN" => "is_nan",
            "Float64bits" | "Float32bits" => "to_bits",
            _ => "",
        };
        if !method.is_empty() && a.len() == 1 {
            let (x, m) = (a.v(0), ident(method));
            return Some(parse_quote!(#x.#m()));
        }
        let binary = match name {
            "Pow" => "powf",
            "Atan2" => "atan2",
            "Hypot" => "hypot",
            "Copysign" => "copysign",
            _ => "",
        };
        if !binary.is_empty() && a.len() == 2 {
            let (x, y, m) = (a.v(0), a.v(1), ident(binary));
            return Some(parse_quote!(#x.#m(#y)));
        }
        Some(match (name, a.len()) {
            // Go's Mod has the sign of x, as Rust's `%` on floats.
            ("Mod", 2) => {
                let (x, y) = (a.v(0), a.v(1));
                parse_quote!(#x % #y)
            }
            ("Max" | "Min", 2) => {
                self.use_support("math");
                let (x, y) = (a.v(0), a.v(1));
                let f = ident(&name.to_lowercase());
                parse_quote!(crate::support::math::#f(#x, #y))
            }
            ("Inf", 1) => match self.const_int(a, 0) {
                Some(s) if s >= 0 => parse_quote!(f64::INFINITY),
                Some(_) => parse_quote!(f64::NEG_INFINITY),
                None => {
                    let x = a.v(0);
                    parse_quote!(if #x >= 0 { f64::INFINITY } else { f64::NEG_INFINITY })
                }
            },
            ("IsInf", 2) => {
                let x = a.v(0);
                match self.const_int(a, 1) {
                    Some(0) => parse_quote!(#x.is_infinite()),
                    Some(s) if s > 0 => parse_quote!(#x == f64::INFINITY),
                    Some(_) => parse_quote!(#x == f64::NEG_INFINITY),
                    None => {
                        self.use_support("math");
                        let s = a.v(1);
                        parse_quote!(crate::support::math::is_inf(#x, #s))
                    }
                }
            }
            ("NaN", 0) => parse_quote!(f64::NAN),
            ("Float64frombits", 1) => {
                let x = a.v(0);
                parse_quote!(f64::from_bits(#x))
            }
            ("Float32frombits", 1) => {
                let x = a.v(0);
                parse_quote!(f32::from_bits(#x))
            }
            _ => return None,
        })
    }

    pub(super) fn bits_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let (base, width) = match name.find(|c: char| c.is_ascii_digit()) {
            Some(i) => (&name[..i], name[i..].parse::<u32>().ok()?),
            None => (name, 64),
        };
        let x = a.v(0);
        Some(match (base, a.len()) {
            ("OnesCount", 1) => parse_quote!(#x.count_ones() as i64),
            ("LeadingZeros", 1) => parse_quote!(#x.leading_zeros() as i64),
            ("TrailingZeros", 1) => parse_quote!(#x.trailing_zeros() as i64),
            ("Len", 1) => parse_quote!((#width - #x.leading_zeros()) as i64),
            ("Reverse", 1) => parse_quote!(#x.reverse_bits()),
            ("ReverseBytes", 1) => parse_quote!(#x.swap_bytes()),
            // A negative k rotates right: its low bits, taken modulo the width, are Go's.
            ("RotateLeft", 2) => {
                let k = a.v(1);
                parse_quote!(#x.rotate_left(#k as u32))
            }
            _ => return None,
        })
    }
}

impl Ctx<'_> {
    /// `math/rand`'s top-level functions: the `rand` support module (Go's ranges and panics,
    /// another sequence).
    pub(super) fn rand_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let (f, arg): (&str, Option<syn::Type>) = match (name, a.len()) {
            ("Int63", 0) => ("int63", None),
            ("Int31", 0) => ("int31", None),
            ("Uint32", 0) => ("uint32", None),
            ("Uint64", 0) => ("uint64", None),
            ("Int", 0) => ("int", None),
            ("Float64", 0) => ("float64", None),
            ("Float32", 0) => ("float32", None),
            ("Intn", 1) => ("intn", Some(parse_quote!(i64))),
            ("Int63n", 1) => ("int63n", Some(parse_quote!(i64))),
            ("Int31n", 1) => ("int31n", Some(parse_quote!(i32))),
            ("Perm", 1) => ("perm", Some(parse_quote!(i64))),
            ("Seed", 1) => ("seed", Some(parse_quote!(i64))),
            _ => return None,
        };
        self.use_support("rand");
        if name != "Seed" {
            self.marker(format!(
                "semantics: rand.{name}: the pseudo-random sequence is not Go's (same ranges, other numbers)"
            ));
        }
        let f = ident(f);
        Some(match arg {
            None => parse_quote!(crate::support::rand::#f()),
            Some(ty) => {
                let x = self.int_arg(a, 0, &ty);
                parse_quote!(crate::support::rand::#f(#x))
            }
        })
    }
}
