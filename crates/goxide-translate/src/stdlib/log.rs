//! `log`'s standard logger: `Print*`, `Fatal*` and `Panic*`, the message formatted as `fmt`'s
//! `Sprint*` formats it, then written by the `log` support module.

use crate::ctx::Ctx;
use goxide_ast::ast::Expr;
use syn::parse_quote;

impl Ctx<'_> {
    pub(super) fn log_call(
        &mut self,
        e: &Expr,
        name: &str,
        args: &[Expr],
        ellipsis: bool,
    ) -> syn::Expr {
        let (action, suffix) = match name.strip_prefix("Print") {
            Some(s) => ("print", s),
            None => match name.strip_prefix("Fatal") {
                Some(s) => ("fatal", s),
                None => match name.strip_prefix("Panic") {
                    Some(s) => ("panic", s),
                    None => ("", ""),
                },
            },
        };
        if action.is_empty() || !matches!(suffix, "" | "f" | "ln") {
            return self.unsupported(e, &format!("standard library function log.{name}"));
        }
        let msg = self.fmt_call(e, &format!("Sprint{suffix}"), args, ellipsis);
        self.use_support("log");
        self.marker(format!(
            "semantics: log.{name}: the time stamp is UTC (Go's is local time)"
        ));
        match action {
            "print" => parse_quote!(crate::support::log::print(&#msg)),
            "fatal" => parse_quote!(crate::support::log::fatal(&#msg)),
            _ => parse_quote!(crate::support::log::panic(#msg)),
        }
    }
}
