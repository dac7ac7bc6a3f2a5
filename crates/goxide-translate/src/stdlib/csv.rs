//! `encoding/csv`: the `csv` support module (Go's parsing and quoting rules, `ParseError`
//! texts, a writer buffered like Go's). `*csv.Reader` and `*csv.Writer` are handles; their
//! exported fields are read and set through methods. Also the sentinel errors `io.EOF` and
//! `csv.ErrFieldCount` / `ErrQuote` / `ErrBareQuote`, one value each so `==` and
//! `errors.Is` recognize them.
//!
//! | Go | Rust |
//! | --- | --- |
//! | `r := csv.NewReader(strings.NewReader(s))` / `(os.Stdin)`; `r.Comma = ';'`; `rec, err := r.Read()`; `r.ReadAll()` | `let r = support::csv::Reader::new(Cursor::new(s))` / `(stdin())`; `r.set_comma(';' as i32)`; `let (rec, err) = r.read();`; `r.read_all()` |
//! | `err == io.EOF`, `errors.Is(err, csv.ErrFieldCount)` | `errors::same(&err, &errors::eof())`, `errors::is(&err, &csv::err_field_count())` |
//! | `w := csv.NewWriter(os.Stdout)`; `w.Write(rec)`, `w.WriteAll(recs)`, `w.Flush()`, `w.Error()` | `let w = support::csv::Writer::new(Output::Stdout)`; `w.write(&rec)`, `w.write_all(&recs)`, `w.flush()`, `w.error()` |

use super::Args;
use crate::ctx::Ctx;
use goxide_ast::ast::Expr;
use syn::parse_quote;

impl Ctx<'_> {
    /// `csv.NewReader(r)` over `os.Stdin` or `strings.NewReader(s)`.
    pub(super) fn csv_new_reader(&mut self, r: &Expr) -> Option<syn::Expr> {
        let reader = self.std_reader(r)?;
        self.use_support("csv");
        Some(parse_quote!(crate::support::csv::Reader::new(#reader)))
    }

    /// `csv.NewWriter(os.Stdout)` (or `os.Stderr`).
    pub(super) fn csv_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        if name != "NewWriter" || a.len() != 1 {
            return None;
        }
        let out = self.std_output(&a.exprs[0])?;
        self.use_support("csv");
        self.use_support("tabwriter");
        Some(parse_quote!(crate::support::csv::Writer::new(
            crate::support::tabwriter::Output::#out
        )))
    }

    /// `io.EOF` and the sentinel errors of `encoding/csv`.
    pub(super) fn std_error_value(&mut self, pkg: &str, name: &str) -> Option<syn::Expr> {
        let (module, f) = match (pkg, name) {
            ("io", "EOF") => ("errors", "eof"),
            ("encoding/csv", "ErrBareQuote") => ("csv", "err_bare_quote"),
            ("encoding/csv", "ErrQuote") => ("csv", "err_quote"),
            ("encoding/csv", "ErrFieldCount") => ("csv", "err_field_count"),
            ("encoding/csv", "ErrTrailingComma") => ("csv", "err_trailing_comma"),
            _ => return None,
        };
        self.use_support(module);
        let (m, f) = (super::ident(module), super::ident(f));
        Some(parse_quote!(crate::support::#m::#f()))
    }

    /// Methods of `*csv.Reader` and `*csv.Writer`.
    pub(crate) fn csv_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let Some(xt) = self.type_of(x) else {
            return self.unsupported(e, "csv method");
        };
        let ty = match super::std_handle(self.prog, xt) {
            Some((_, ty)) => ty,
            None => return self.unsupported(e, "csv method"),
        };
        let h = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
        match (ty, name, args) {
            ("Reader", "Read", []) => parse_quote!(#h.read()),
            ("Reader", "ReadAll", []) => parse_quote!(#h.read_all()),
            ("Reader", "InputOffset", []) => parse_quote!(#h.input_offset()),
            ("Reader", "FieldPos", [i]) => {
                let i = self.value(i);
                parse_quote!(#h.field_pos(#i))
            }
            ("Writer", "Write" | "WriteAll", [rec]) => {
                let rec = self.borrowed(rec);
                let rec: syn::Expr = match rec {
                    syn::Expr::Reference(_) => rec,
                    r => parse_quote!(&#r),
                };
                if name == "Write" {
                    parse_quote!(#h.write(#rec))
                } else {
                    parse_quote!(#h.write_all(#rec))
                }
            }
            ("Writer", "Flush", []) => parse_quote!(#h.flush()),
            ("Writer", "Error", []) => parse_quote!(#h.error()),
            _ => self.unsupported(e, &format!("csv.{ty}.{name}")),
        }
    }
}
