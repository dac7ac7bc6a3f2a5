//! `unsafe.Pointer(p)` and `uintptr(unsafe.Pointer(&x))` used as an opaque address: a
//! `usize` taken in safe Rust (`std::ptr::from_ref(&x) as usize`), good for comparing and
//! printing. Nothing is ever read back through it: converting an `unsafe.Pointer` to a
//! typed pointer stays unsupported.

use goxide_ast::ast::{Expr, ExprKind, UnaryOp};
use goxide_types::Type;
use syn::parse_quote;

use crate::builtins::strip_parens;
use crate::ctx::Ctx;

impl Ctx<'_> {
    /// The address `unsafe.Pointer(arg)` stands for, where `arg` is `&x` (any addressable
    /// `x`) or a pointer value; `None` for other forms.
    pub(crate) fn opaque_address(&mut self, arg: &Expr) -> Option<syn::Expr> {
        let arg = strip_parens(arg);
        if let ExprKind::Unary {
            op: UnaryOp::Addr,
            x,
        } = &arg.kind
        {
            if matches!(strip_parens(x).kind, ExprKind::CompositeLit { .. }) || self.in_global(x) {
                return None;
            }
            let place = self.borrowed(x);
            return Some(parse_quote!(std::ptr::from_ref(&#place) as usize));
        }
        let t = self.type_of(arg)?;
        let Type::Pointer(pt) = self.under(t).clone() else {
            return None;
        };
        if self.is_untyped_nil(arg) {
            return Some(parse_quote!(0usize));
        }
        if self.is_self_ptr(arg) {
            let r = self.ref_ptr(arg);
            return Some(parse_quote!(std::ptr::from_ref(&*#r) as usize));
        }
        if self.is_place_ptr(pt) {
            let v = self.borrowed(arg);
            self.use_support("ptr");
            return Some(parse_quote!(crate::support::ptr::addr(&#v)));
        }
        self.rust_type(t)?;
        let v = crate::expr::as_base(self.borrowed(arg));
        Some(if self.threaded {
            parse_quote!(#v.as_ref().map_or(0, |p| p.as_ptr()))
        } else {
            parse_quote!(#v.as_ref().map_or(0, |p| std::rc::Rc::as_ptr(p) as usize))
        })
    }

    /// Whether the place `x` lies in a package variable (read through a closure, so a
    /// borrow of it would be a copy).
    fn in_global(&self, x: &Expr) -> bool {
        match &strip_parens(x).kind {
            ExprKind::Ident(_) => self.obj_of(strip_parens(x)).is_some_and(|o| {
                matches!(
                    self.obj(o).kind,
                    goxide_types::ObjKind::Var { global: true, .. }
                )
            }),
            ExprKind::Selector { x, .. } | ExprKind::Index { x, .. } => self.in_global(x),
            _ => false,
        }
    }
}
