//! `container/heap` over a user type implementing `heap.Interface`: the heap functions of the
//! `heap` support module (Go's sift steps), given the type's methods as plain functions.
//!
//! | Go | Rust |
//! | --- | --- |
//! | `heap.Push(h, x)`, `heap.Pop(h)`, `heap.Init(h)`, `heap.Fix(h, i)`, `heap.Remove(h, i)` (`h` a `*T`) | `support::heap::push(&mut *h.as_ref().unwrap().borrow_mut(), iface::new(x), &support::heap::Ops { len: \|h\| <T as TMethods>::len(h), … })` |

use super::Args;
use crate::ctx::Ctx;
use goxide_types::{ObjKind, Type};
use syn::parse_quote;

impl Ctx<'_> {
    pub(super) fn heap_call(&mut self, name: &str, a: &Args) -> Option<syn::Expr> {
        let want = match name {
            "Init" => 1,
            "Push" | "Fix" | "Remove" => 2,
            "Pop" => 1,
            _ => return None,
        };
        if a.len() != want {
            return None;
        }
        let ptr = self.type_of(&a.exprs[0])?;
        let Type::Pointer(t) = self.under(ptr).clone() else {
            return None;
        };
        let t = self.resolve(t);
        let ops = self.heap_ops(t)?;
        let h = a.v(0);
        let h: syn::Expr = parse_quote!(&mut *#h.as_ref().unwrap().borrow_mut());
        self.use_support("heap");
        Some(match name {
            "Init" => parse_quote!(crate::support::heap::init(#h, &#ops)),
            "Pop" => parse_quote!(crate::support::heap::pop(#h, &#ops)),
            "Push" => {
                // `x` becomes the type of `Push`'s parameter (`any`).
                let param = self
                    .prog
                    .methods_of(t)
                    .into_iter()
                    .find(|&d| self.obj(d).name == "Push")
                    .and_then(|d| match self.ty(self.obj(d).ty) {
                        Type::Func(sig) => sig.params.first().copied(),
                        _ => None,
                    })?;
                let x = self.value_as(&a.exprs[1], param);
                parse_quote!(crate::support::heap::push(#h, #x, &#ops))
            }
            _ => {
                let i = self.int_arg(a, 1, &parse_quote!(i64));
                let f = super::ident(if name == "Fix" { "fix" } else { "remove" });
                parse_quote!(crate::support::heap::#f(#h, #i, &#ops))
            }
        })
    }

    /// `heap.Interface`'s methods of `t` as an `Ops` literal: closures over `&mut T` that call
    /// them. `None` when a method takes its receiver by value (a copy Rust cannot share).
    fn heap_ops(&mut self, t: goxide_types::TypeId) -> Option<syn::Expr> {
        let name = self.named_type_ident(t)?;
        let owner: proc_macro2::TokenStream = match self.under(t) {
            Type::Struct(_) => quote::quote!(#name),
            Type::Interface(_) | Type::Pointer(_) => return None,
            _ => {
                if self.is_copy(t) {
                    return None;
                }
                let tr = self.ext_trait_ident(t)?;
                quote::quote!(<#name as #tr>)
            }
        };
        let swaps_elems = self.sort_slice_types.contains(&t);
        for m in ["Len", "Less", "Swap", "Push", "Pop"] {
            let d = self
                .prog
                .methods_of(t)
                .into_iter()
                .find(|&d| self.obj(d).name == m)?;
            let ptr_recv = matches!(&self.obj(d).kind, ObjKind::Func { recv: Some(r) } if matches!(self.ty(*r), Type::Pointer(_)));
            if !ptr_recv && self.value_receiver_moves(d) && !(m == "Swap" && swaps_elems) {
                return None;
            }
        }
        // A slice type whose `Swap` exchanges elements (and takes its copy of the slice by
        // value): swap them in place.
        let swap: syn::Expr = if swaps_elems {
            parse_quote!(|h, i, j| <[_]>::swap(h, i as usize, j as usize))
        } else {
            parse_quote!(|h, i, j| #owner::swap(h, i, j))
        };
        Some(parse_quote!(crate::support::heap::Ops {
            len: |h| #owner::len(h),
            less: |h, i, j| #owner::less(h, i, j),
            swap: #swap,
            push: |h, x| #owner::push(h, x),
            pop: |h| #owner::pop(h),
        }))
    }
}
