//! Syntactic clean-ups of generated code that keep its meaning: copies made only to be read
//! once more (`X.with(|v| v.clone()).clone()`).

use syn::visit_mut::VisitMut;

/// Every clean-up, over a file's items.
pub fn tidy(items: &mut [syn::Item]) {
    drop_double_copies(items);
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
