//! `text/tabwriter`: the `tabwriter` support module (Go's cell and column-block algorithm, so
//! the output is byte for byte Go's). A `*tabwriter.Writer` is a `support::tabwriter::Writer`
//! handle over standard output or standard error.
//!
//! | Go | Rust |
//! | --- | --- |
//! | `w := tabwriter.NewWriter(os.Stdout, 0, 8, 1, ' ', tabwriter.AlignRight\|tabwriter.Debug)` | `let w = support::tabwriter::Writer::new(Output::Stdout, 0, 8, 1, b' ', tabwriter::ALIGN_RIGHT \| tabwriter::DEBUG)` |
//! | `fmt.Fprintf(w, "a\tb\t\n")`, `fmt.Fprintln(w, …)`, `w.Write(b)`, `w.Flush()` | `w.write_str(&format!("a\tb\t\n"))`, `w.write(&b)`, `w.flush()` |

use super::Args;
use crate::ctx::Ctx;
use goxide_ast::ast::{BinaryOp, Expr, ExprKind};
use syn::parse_quote;

impl Ctx<'_> {
    /// `tabwriter.NewWriter(output, minwidth, tabwidth, padding, padchar, flags)`.
    pub(super) fn tabwriter_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        if name != "NewWriter" || a.len() != 6 {
            return None;
        }
        let out = self.std_output(&a.exprs[0])?;
        self.use_support("tabwriter");
        let i64_ty: syn::Type = parse_quote!(i64);
        let (min, tab, pad) = (
            self.int_arg(a, 1, &i64_ty),
            self.int_arg(a, 2, &i64_ty),
            self.int_arg(a, 3, &i64_ty),
        );
        let padchar = match self.const_int(a, 4).and_then(|n| u8::try_from(n).ok()) {
            Some(c) if c.is_ascii() => {
                let lit = syn::LitByte::new(c, proc_macro2::Span::call_site());
                parse_quote!(#lit)
            }
            _ => self.int_arg(a, 4, &parse_quote!(u8)),
        };
        let flags = match self.tabwriter_flags(&a.exprs[5]) {
            Some(f) => f,
            None => self.int_arg(a, 5, &parse_quote!(u64)),
        };
        Some(parse_quote!(crate::support::tabwriter::Writer::new(
            crate::support::tabwriter::Output::#out,
            #min,
            #tab,
            #pad,
            #padchar,
            #flags
        )))
    }

    /// `os.Stdout` or `os.Stderr` as a support `Output` variant.
    pub(crate) fn std_output(&self, w: &Expr) -> Option<syn::Ident> {
        if self.is_pkg_member(w, "os", "Stdout") {
            Some(super::ident("Stdout"))
        } else if self.is_pkg_member(w, "os", "Stderr") {
            Some(super::ident("Stderr"))
        } else {
            None
        }
    }

    /// Flags written as `tabwriter.X | tabwriter.Y` (or `0`): the support module's constants.
    fn tabwriter_flags(&self, e: &Expr) -> Option<syn::Expr> {
        let e = crate::builtins::strip_parens(e);
        match &e.kind {
            ExprKind::Binary {
                op: BinaryOp::Or,
                x,
                y,
            } => {
                let (x, y) = (self.tabwriter_flags(x)?, self.tabwriter_flags(y)?);
                Some(parse_quote!(#x | #y))
            }
            ExprKind::Selector { sel, .. } => {
                let c = match sel.name.as_str() {
                    "FilterHTML" => "FILTER_HTML",
                    "StripEscape" => "STRIP_ESCAPE",
                    "AlignRight" => "ALIGN_RIGHT",
                    "DiscardEmptyColumns" => "DISCARD_EMPTY_COLUMNS",
                    "TabIndent" => "TAB_INDENT",
                    "Debug" => "DEBUG",
                    _ => return None,
                };
                if !self.is_pkg_member(e, "text/tabwriter", &sel.name) {
                    return None;
                }
                let c = super::ident(c);
                Some(parse_quote!(crate::support::tabwriter::#c))
            }
            _ => {
                let v = self.info.const_value(e.id)?;
                match v {
                    goxide_types::ConstValue::Int(n) if n.to_string() == "0" => {
                        Some(parse_quote!(0))
                    }
                    _ => None,
                }
            }
        }
    }

    /// Methods of `*tabwriter.Writer`.
    pub(crate) fn tabwriter_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let w = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
        match (name, args) {
            ("Flush", []) => parse_quote!(#w.flush()),
            ("Write", [b]) => {
                let b = self.borrowed(b);
                parse_quote!(#w.write(&#b))
            }
            _ => self.unsupported(e, &format!("tabwriter.Writer.{name}")),
        }
    }
}
