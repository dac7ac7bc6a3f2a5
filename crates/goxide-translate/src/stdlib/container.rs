//! `container/heap` over a user type implementing `heap.Interface`: the heap functions of the
//! `heap` support module (Go's sift steps), given the type's methods as plain functions.
//! `container/list` and `container/ring`: the `list` and `ring` support modules, whose handles
//! (`*list.List`, `*list.Element`, `*ring.Ring`) share on copy, compare by identity and can be
//! nil; `Value` fields are `interface{}` values read with `value()` and written with
//! `set_value(v)`.
//!
//! | Go | Rust |
//! | --- | --- |
//! | `l := list.New()`; `l.PushBack(v)`, `l.Front()`, `e.Next()`, `e.Value`, `e.Value = v`, `e != nil` | `let l = support::list::new()`; `l.push_back(iface::new(v))`, `l.front()`, `e.next()`, `e.value()`, `e.set_value(iface::new(v))`, `!e.is_nil()` |
//! | `r := ring.New(n)`; `r.Move(k)`, `r.Link(s)`, `r.Unlink(k)`, `r.Do(func(v any) {…})` | `let r = support::ring::new(n)`; `r.move_by(k)`, `r.link(&s)`, `r.unlink(k)`, `r.do_each(\|v\| {…})` |
//! | `heap.Push(h, x)`, `heap.Pop(h)`, `heap.Init(h)`, `heap.Fix(h, i)`, `heap.Remove(h, i)` (`h` a `*T`) | `support::heap::push(&mut *h.as_ref().unwrap().borrow_mut(), iface::new(x), &support::heap::Ops { len: \|h\| <T as TMethods>::len(h), … })` |

use super::Args;
use crate::ctx::Ctx;
use goxide_ast::ast::{Expr, ExprKind};
use goxide_types::{ObjKind, Type};
use syn::parse_quote;

impl Ctx<'_> {
    /// `list.New()` and `ring.New(n)`.
    pub(super) fn container_new(&mut self, pkg: &str, name: &str, a: &Args) -> Option<syn::Expr> {
        match (pkg, name, a.len()) {
            ("container/list", "New", 0) => {
                self.use_support("list");
                Some(parse_quote!(crate::support::list::new()))
            }
            ("container/ring", "New", 1) => {
                self.use_support("ring");
                let n = self.int_arg(a, 0, &parse_quote!(i64));
                Some(parse_quote!(crate::support::ring::new(#n)))
            }
            _ => None,
        }
    }

    /// A method of `*list.List`, `*list.Element` or `*ring.Ring` (handles of the `list` and
    /// `ring` support modules).
    pub(crate) fn container_method(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> syn::Expr {
        let Some(mapped) = self.container_method_inner(e, x, name, args) else {
            let ty = self
                .type_of(x)
                .map(|t| self.go_type_string(t))
                .unwrap_or_default();
            let ty = ty.trim_start_matches('*').to_string();
            return self.unsupported(e, &format!("{ty}.{name}"));
        };
        mapped
    }

    fn container_method_inner(
        &mut self,
        e: &Expr,
        x: &Expr,
        name: &str,
        args: &[Expr],
    ) -> Option<syn::Expr> {
        let xt = self.type_of(x)?;
        let (_, ty) = super::nullable_handle(self.prog, xt)?;
        let params = self.method_params(e)?;
        if params.len() != args.len() {
            return None;
        }
        let h = crate::expr::as_base(crate::expr::paren_if_needed(self.borrowed(x)));
        let mut vals: Vec<syn::Expr> = Vec::new();
        for (a, &p) in args.iter().zip(&params) {
            vals.push(if self.is_empty_interface(p) {
                self.value_as(a, p)
            } else if super::nullable_handle(self.prog, p).is_some() {
                let v = self.borrowed(a);
                match v {
                    syn::Expr::Reference(_) => v,
                    v => parse_quote!(&#v),
                }
            } else if matches!(self.under(p), Type::Func(_)) {
                let f = crate::builtins::strip_parens(a);
                match self.borrowing_closure(f, None) {
                    Some(c) if matches!(f.kind, ExprKind::FuncLit { .. }) => c,
                    _ => {
                        let f = self.value(a);
                        parse_quote!(|v| (#f)(v))
                    }
                }
            } else {
                self.value_as(a, p)
            });
        }
        let method = match (ty, name) {
            ("List", "Init") => "init",
            ("List", "Len") => "len",
            ("List", "Front") => "front",
            ("List", "Back") => "back",
            ("List", "PushFront") => "push_front",
            ("List", "PushBack") => "push_back",
            ("List", "InsertBefore") => "insert_before",
            ("List", "InsertAfter") => "insert_after",
            ("List", "Remove") => "remove",
            ("List", "MoveToFront") => "move_to_front",
            ("List", "MoveToBack") => "move_to_back",
            ("List", "MoveBefore") => "move_before",
            ("List", "MoveAfter") => "move_after_mark",
            ("List", "PushBackList") => "push_back_list",
            ("List", "PushFrontList") => "push_front_list",
            ("Element" | "Ring", "Next") => "next",
            ("Element" | "Ring", "Prev") => "prev",
            ("Ring", "Len") => "len",
            ("Ring", "Move") => "move_by",
            ("Ring", "Link") => "link",
            ("Ring", "Unlink") => "unlink",
            ("Ring", "Do") => "do_each",
            _ => return None,
        };
        let m = super::ident(method);
        Some(parse_quote!(#h.#m(#(#vals),*)))
    }

    /// The parameter types of the method a call `e` calls.
    fn method_params(&self, e: &Expr) -> Option<Vec<goxide_types::TypeId>> {
        let ExprKind::Call { func, .. } = &e.kind else {
            return None;
        };
        let sel = self
            .info
            .selections
            .get(&crate::builtins::strip_parens(func).id)?;
        match self.under(self.obj(sel.obj).ty) {
            Type::Func(sig) if !sig.variadic => Some(sig.params.clone()),
            _ => None,
        }
    }

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
        // (An owned or borrowed heap is lent as it is; a shared one from its cell.)
        let h: syn::Expr = if self.is_self_ptr(&a.exprs[0]) {
            let p = self.pointee(&a.exprs[0], true);
            parse_quote!(&mut #p)
        } else {
            let h = a.v(0);
            parse_quote!(&mut *#h.as_ref().unwrap().borrow_mut())
        };
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
