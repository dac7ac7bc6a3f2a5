//! `math/big`'s `*big.Int` as a `support::big::Int` handle over `num-bigint` (copies share the
//! number, as copies of a Go pointer do; methods set their receiver and return it).
//!
//! | Go | Rust |
//! | --- | --- |
//! | `big.NewInt(x)`, `new(big.Int)` | `support::big::Int::from_i64(x)`, `Int::new()` |
//! | `z.Add(x, y)` (`Sub`, `Mul`, `Div`, `Mod`, `Quo`, `Rem`), `z.Exp(x, y, nil)` | `z.add(&x, &y)`, `z.exp(&x, &y, None)` |
//! | `x.Cmp(y)`, `x.Sign()`, `x.String()`, `z.SetString(s, 10)` | `x.cmp(&y)`, `x.sign()`, `x.string()`, `z.set_string(&s, 10)` |

use super::ident;
use crate::ctx::Ctx;
use goxide_ast::ast::Expr;
use goxide_types::Type;
use syn::parse_quote;

impl Ctx<'_> {
    pub(super) fn big_call(&mut self, name: &str, a: &super::Args) -> Option<syn::Expr> {
        match (name, a.len()) {
            ("NewInt", 1) => {
                self.use_support("big");
                let x = self.int_arg(a, 0, &parse_quote!(i64));
                Some(parse_quote!(crate::support::big::Int::from_i64(#x)))
            }
            _ => None,
        }
    }

    /// Whether `t` is `big.Int` (for `new(big.Int)`).
    pub(crate) fn is_big_int(&self, t: goxide_types::TypeId) -> bool {
        let Type::Named(n) = self.ty(t) else {
            return false;
        };
        let o = self.obj(n.obj);
        o.name == "Int" && o.pkg.is_some_and(|p| self.prog.pkg(p).path == "math/big")
    }

    /// Methods of `*big.Int`.
    pub(crate) fn big_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let z = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
        let method = match (name, args.len()) {
            ("Add" | "Sub" | "Mul" | "Div" | "Mod" | "Quo" | "Rem" | "GCD", 2) => name,
            ("GCD", 4) if args[..2].iter().all(|a| self.is_untyped_nil(a)) => {
                let (a, b) = (self.int_handle(&args[2]), self.int_handle(&args[3]));
                return parse_quote!(#z.gcd(&#a, &#b));
            }
            ("DivMod" | "QuoRem", 3) => name,
            ("Set" | "Neg" | "Abs" | "Sqrt" | "Cmp" | "CmpAbs", 1) => name,
            ("Sign" | "String" | "Int64" | "Uint64" | "IsInt64" | "BitLen", 0) => name,
            ("Exp", 3) => {
                let (b, y) = (self.int_handle(&args[0]), self.int_handle(&args[1]));
                let m: syn::Expr = if self.is_untyped_nil(&args[2]) {
                    parse_quote!(None)
                } else {
                    let m = self.int_handle(&args[2]);
                    parse_quote!(Some(&#m))
                };
                return parse_quote!(#z.exp(&#b, &#y, #m));
            }
            ("SetInt64" | "SetUint64" | "Text", 1) => {
                let ty: syn::Type = match name {
                    "SetUint64" => parse_quote!(u64),
                    _ => parse_quote!(i64),
                };
                let v = self.value(&args[0]);
                let v = if self
                    .type_of(&args[0])
                    .and_then(|t| self.rust_type(goxide_types::default_type(&self.prog.types, t)))
                    .is_some_and(|t| {
                        quote::quote!(#t).to_string() == quote::quote!(#ty).to_string()
                    }) {
                    v
                } else {
                    parse_quote!(#v as #ty)
                };
                let m = ident(&crate::names::snake(name));
                return parse_quote!(#z.#m(#v));
            }
            ("SetString", 2) => {
                let s: syn::Expr = match self.const_str(&args[0]) {
                    Some(l) => parse_quote!(#l),
                    None => {
                        let v = crate::expr::paren_if_needed(self.borrowed(&args[0]));
                        parse_quote!(#v.as_str())
                    }
                };
                let b: syn::Expr = match self.info.const_value(args[1].id) {
                    Some(goxide_types::ConstValue::Int(n)) => {
                        let lit = proc_macro2::Literal::i64_unsuffixed(
                            num_traits::ToPrimitive::to_i64(n).unwrap_or(10),
                        );
                        parse_quote!(#lit)
                    }
                    _ => {
                        let v = self.value(&args[1]);
                        parse_quote!(#v as i64)
                    }
                };
                return parse_quote!(#z.set_string(#s, #b));
            }
            _ => return self.unsupported(e, &format!("method (*big.Int).{name}")),
        };
        let m = ident(match method {
            "Mod" => "modulo",
            "DivMod" => "div_mod_into",
            "QuoRem" => "quo_rem_into",
            "GCD" => "gcd",
            "IsInt64" => "is_int64",
            "Int64" => "int64",
            "Uint64" => "uint64",
            "CmpAbs" => "cmp_abs",
            "BitLen" => "bit_len",
            other => return self.big_plain(z, other, args),
        });
        let hs: Vec<syn::Expr> = args.iter().map(|a| self.int_handle(a)).collect();
        parse_quote!(#z.#m(#(&#hs),*))
    }

    fn big_plain(&mut self, z: syn::Expr, name: &str, args: &[Expr]) -> syn::Expr {
        let m = ident(&name.to_lowercase());
        let hs: Vec<syn::Expr> = args.iter().map(|a| self.int_handle(a)).collect();
        parse_quote!(#z.#m(#(&#hs),*))
    }

    /// A `*big.Int` argument (a handle, borrowed).
    fn int_handle(&mut self, a: &Expr) -> syn::Expr {
        crate::expr::paren_if_needed(self.borrowed(a))
    }
}
