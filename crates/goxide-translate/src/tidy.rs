//! Syntactic clean-ups of generated code that keep its meaning: copies made only to be read
//! once more (`X.with(|v| v.clone()).clone()`), one `impl` block per run of methods.

use syn::visit_mut::VisitMut;

/// Every clean-up, over a file's items.
pub fn tidy(items: &mut Vec<syn::Item>) {
    drop_double_copies(items);
    drop_entry_derefs(items);
    drop_field_derefs(items);
    merge_adjacent_impls(items);
}

/// `(*r).f` of a reference `r` is `r.f`: a field access reaches through a reference by
/// itself (`(*it).name` of a range variable bound to the element).
fn drop_field_derefs(items: &mut [syn::Item]) {
    struct Drop;
    impl VisitMut for Drop {
        fn visit_expr_field_mut(&mut self, f: &mut syn::ExprField) {
            syn::visit_mut::visit_expr_field_mut(self, f);
            let syn::Expr::Paren(p) = &*f.base else {
                return;
            };
            let syn::Expr::Unary(u) = &*p.expr else {
                return;
            };
            if matches!(u.op, syn::UnOp::Deref(_))
                && matches!(&*u.expr, syn::Expr::Path(p) if p.path.get_ident().is_some())
            {
                f.base = u.expr.clone();
            }
        }
    }
    for item in items {
        Drop.visit_item_mut(item);
    }
}

/// Drops the second copy of a package variable read by copying: `X.with(|v| v.clone()).clone()`
/// (and the same through `with_borrow`) is `X.with(|v| v.clone())`, already a fresh value.
fn drop_double_copies(items: &mut [syn::Item]) {
    struct Drop;
    /// `X.with(|v| v.clone())` / `X.with_borrow(|v| v.clone())`.
    fn copied_read(e: &syn::Expr) -> bool {
        let syn::Expr::MethodCall(m) = e else {
            return false;
        };
        let [syn::Expr::Closure(c)] = m.args.iter().collect::<Vec<_>>()[..] else {
            return false;
        };
        let syn::Expr::MethodCall(body) = &*c.body else {
            return false;
        };
        matches!(m.method.to_string().as_str(), "with" | "with_borrow")
            && matches!(&*m.receiver, syn::Expr::Path(_))
            && c.inputs.len() == 1
            && body.method == "clone"
            && body.args.is_empty()
            && matches!(&*body.receiver, syn::Expr::Path(_))
    }
    impl VisitMut for Drop {
        fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, e);
            if let syn::Expr::MethodCall(m) = e {
                if m.method == "clone" && m.args.is_empty() && copied_read(&m.receiver) {
                    *e = (*m.receiver).clone();
                }
            }
        }
    }
    for item in items {
        Drop.visit_item_mut(item);
    }
}

/// Adjacent inherent `impl T { … }` blocks of one type (Go methods declared one after another)
/// become one block, as a Rust engineer writes them.
fn merge_adjacent_impls(items: &mut Vec<syn::Item>) {
    let key = |i: &syn::Item| -> Option<String> {
        match i {
            syn::Item::Impl(im) if im.trait_.is_none() && im.attrs.is_empty() => {
                let (ty, g) = (&im.self_ty, &im.generics);
                let wh = &im.generics.where_clause;
                Some(quote::quote!(#g #ty #wh).to_string())
            }
            _ => None,
        }
    };
    let mut out: Vec<syn::Item> = Vec::with_capacity(items.len());
    for item in items.drain(..) {
        if let (Some(k), Some(last)) = (key(&item), out.last_mut()) {
            if key(last).as_ref() == Some(&k) {
                if let (syn::Item::Impl(prev), syn::Item::Impl(next)) = (last, item.clone()) {
                    prev.items.extend(next.items);
                    continue;
                }
            }
        }
        out.push(item);
    }
    *items = out;
}

/// `(*m.entry(k).or_default()).push(x)` is `m.entry(k).or_default().push(x)`, and
/// `(*g).push(x)` is `g.push(x)` (`(*g).len()` is `g.len()`): a method call reaches through a
/// `&V` or `&mut V` by itself.
fn drop_entry_derefs(items: &mut [syn::Item]) {
    struct Drop;
    impl VisitMut for Drop {
        fn visit_expr_method_call_mut(&mut self, m: &mut syn::ExprMethodCall) {
            syn::visit_mut::visit_expr_method_call_mut(self, m);
            let inner = match &*m.receiver {
                syn::Expr::Paren(p) => &*p.expr,
                e => e,
            };
            let syn::Expr::Unary(u) = inner else {
                return;
            };
            let entry = matches!(&*u.expr, syn::Expr::MethodCall(inner)
                if matches!(inner.method.to_string().as_str(), "or_default" | "or_insert" | "or_insert_with"));
            // `(*g).push(x)`, `(*g).len()` of a reference `g` (a package variable's cell, lent to
            // a closure; a slice or map lent as a parameter).
            let mutator = matches!(&*u.expr, syn::Expr::Path(p) if p.path.get_ident().is_some())
                && matches!(
                    m.method.to_string().as_str(),
                    "push"
                        | "push_str"
                        | "extend"
                        | "extend_from_slice"
                        | "insert"
                        | "remove"
                        | "clear"
                        | "truncate"
                        | "sort"
                        | "reverse"
                        | "retain"
                        | "pop"
                        | "len"
                        | "is_empty"
                        | "iter"
                        | "iter_mut"
                        | "get"
                        | "get_mut"
                        | "contains_key"
                        | "entry"
                        | "as_str"
                );
            let entry = entry || mutator;
            if matches!(u.op, syn::UnOp::Deref(_)) && entry {
                m.receiver = u.expr.clone();
            }
        }
    }
    for item in items {
        Drop.visit_item_mut(item);
    }
}
