//! `context`: contexts as `support::context::Context` handles whose `Done` channels are
//! ordinary `support::chan::Chan`s (so `case <-ctx.Done():` is a receive case of `select`).
//!
//! | Go | Rust |
//! | --- | --- |
//! | `context.Background()`, `context.TODO()` | `support::context::background()`, `todo()` |
//! | `ctx, cancel := context.WithCancel(p)` (`WithTimeout(p, d)`, `WithDeadline(p, t)`) | `let (ctx, cancel) = { let (c, f) = support::context::with_cancel(&p); (c, Rc::new(move \|\| f.cancel()) as Rc<dyn Fn()>) };` |
//! | `context.WithValue(p, k, v)`, `ctx.Value(k)` | `support::context::with_value(&p, k, v)`, `ctx.value(&k)` (an `interface{}` value) |
//! | `ctx.Done()`, `ctx.Err()` | `ctx.done::<T>()` (`T`: the program's `struct{}`), `ctx.err()` |
//! | `context.Canceled`, `context.DeadlineExceeded` | `support::context::canceled()`, `deadline_exceeded()` (equal to every error made so, across threads) |

use crate::ctx::Ctx;
use goxide_ast::ast::Expr;
use goxide_types::{Program, Type, TypeId};
use syn::parse_quote;

/// Whether `t` is `context.Context`.
pub fn is_context(prog: &Program, t: TypeId) -> bool {
    named_in(prog, t, "context") == Some("Context")
}

/// The name of `t` when it is a named type of package `pkg`.
fn named_in<'p>(prog: &'p Program, t: TypeId, pkg: &str) -> Option<&'p str> {
    let Type::Named(n) = prog.types.get(t) else {
        return None;
    };
    let o = prog.obj(n.obj);
    (prog.pkg(o.pkg?).path == pkg).then_some(o.name.as_str())
}

impl Ctx<'_> {
    /// The Rust types of `context.Context` and `context.CancelFunc`.
    pub(crate) fn context_type(&mut self, t: TypeId) -> Option<syn::Type> {
        match named_in(self.prog, t, "context")? {
            "Context" => {
                self.use_support("context");
                Some(parse_quote!(crate::support::context::Context))
            }
            "CancelFunc" => {
                let u = self.prog.types.underlying(t);
                self.rust_type(u)
            }
            _ => None,
        }
    }

    /// `context.Canceled`, `context.DeadlineExceeded`.
    pub(super) fn context_value(&mut self, name: &str) -> Option<syn::Expr> {
        let f = super::ident(match name {
            "Canceled" => "canceled",
            "DeadlineExceeded" => "deadline_exceeded",
            _ => return None,
        });
        self.use_support("context");
        Some(parse_quote!(crate::support::context::#f()))
    }

    /// A call of a `context` function (arguments untranslated: `WithValue`'s key and value keep
    /// their own types).
    pub(super) fn context_call(&mut self, e: &Expr, name: &str, args: &[Expr]) -> syn::Expr {
        self.use_support("context");
        match (name, args) {
            ("Background", []) => parse_quote!(crate::support::context::background()),
            ("TODO", []) => parse_quote!(crate::support::context::todo()),
            ("WithCancel" | "WithTimeout" | "WithDeadline", [p, rest @ ..]) => {
                let p = self.ctx_ref(p);
                let call: syn::Expr = match (name, rest) {
                    ("WithCancel", []) => parse_quote!(crate::support::context::with_cancel(#p)),
                    ("WithTimeout", [d]) => {
                        let d = self.value(d);
                        parse_quote!(crate::support::context::with_timeout(#p, #d))
                    }
                    ("WithDeadline", [t]) => {
                        let t = self.borrowed(t);
                        parse_quote!(crate::support::context::with_deadline(#p, &#t))
                    }
                    _ => return self.unsupported(e, &format!("context.{name}")),
                };
                let Some(ft) = self.cancel_func_type(e) else {
                    return self.unsupported(e, &format!("context.{name}"));
                };
                let rc = self.rc_path();
                parse_quote!({
                    let (ctx, cancel) = #call;
                    (ctx, #rc::new(move || cancel.cancel()) as #ft)
                })
            }
            ("WithValue", [p, k, v]) => {
                let (kt, vt) = (self.type_of(k), self.type_of(v));
                let dynamic = |c: &Self, t: Option<TypeId>| {
                    t.is_none_or(|t| c.is_interface(t) || c.is_untyped_nil_type(t))
                };
                if dynamic(self, kt) || dynamic(self, vt) {
                    return self.unsupported(e, "context.WithValue with an interface key or value");
                }
                let p = self.ctx_ref(p);
                let (k, v) = (self.value(k), self.value(v));
                parse_quote!(crate::support::context::with_value(#p, #k, #v))
            }
            _ => self.unsupported(e, &format!("standard library function context.{name}")),
        }
    }

    /// Whether `t` is the type of untyped `nil`.
    fn is_untyped_nil_type(&self, t: TypeId) -> bool {
        matches!(self.ty(t), Type::Basic(goxide_types::BasicKind::UntypedNil))
    }

    /// A context argument as a `&Context`.
    fn ctx_ref(&mut self, p: &Expr) -> syn::Expr {
        let v = crate::expr::paren_if_needed(self.borrowed(p));
        match v {
            syn::Expr::Reference(_) => v,
            _ => parse_quote!(&#v),
        }
    }

    /// The Rust type of the `CancelFunc` a `With…` call returns.
    fn cancel_func_type(&mut self, call: &Expr) -> Option<syn::Type> {
        let Type::Tuple(ts) = self.ty(self.type_of(call)?).clone() else {
            return None;
        };
        self.rust_type(*ts.get(1)?)
    }

    /// Methods of a `context.Context` value.
    pub(crate) fn context_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> Option<syn::Expr> {
        let xt = self.type_of(x)?;
        if !is_context(self.prog, self.resolve(xt)) {
            return None;
        }
        let c = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
        Some(match (name, args) {
            ("Done", []) => {
                let elem = match self.type_of(e).map(|t| self.under(t).clone()) {
                    Some(Type::Chan(_, el)) => self.rust_type(el),
                    _ => None,
                };
                let Some(elem) = elem else {
                    return Some(self.unsupported(e, "context.Context.Done"));
                };
                parse_quote!(#c.done::<#elem>())
            }
            ("Err", []) => parse_quote!(#c.err()),
            ("Value", [k]) => {
                let k = self.borrowed(k);
                parse_quote!(#c.value(&#k))
            }
            _ => self.unsupported(e, &format!("method context.Context.{name}")),
        })
    }
}
