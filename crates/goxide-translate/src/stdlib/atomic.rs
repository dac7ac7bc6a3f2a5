//! `sync/atomic` on variables (`atomic.AddInt64(&n, 1)`).
//!
//! An atomic operation takes a pointer; the variable it points to lives in a shared cell
//! (`Rc<RefCell<T>>`, or `support::sync::Shared<T>` in a program with goroutines), so the
//! operation is a read-modify-write under that cell's borrow: indivisible, as Go's is.

use super::Args;
use crate::ctx::Ctx;
use syn::parse_quote;

impl Ctx<'_> {
    /// `statement`: the call is an expression statement, whose result nobody reads.
    pub(super) fn atomic_call(
        &mut self,
        name: &str,
        a: &Args,
        statement: bool,
    ) -> Option<syn::Expr> {
        let ty = ["Int32", "Int64", "Uint32", "Uint64", "Uintptr"]
            .into_iter()
            .find(|t| name.ends_with(t))?;
        let op = &name[..name.len() - ty.len()];
        let p = a.v(0);
        // The pointer is bound first: the cell's borrow must not outlive a temporary.
        let cell: syn::Expr = parse_quote!(p.as_ref().unwrap());
        Some(match (op, a.len()) {
            ("Add", 2) if statement => {
                let d = a.v(1);
                parse_quote!({
                    let p = #p;
                    let mut v = #cell.borrow_mut();
                    *v = v.wrapping_add(#d);
                })
            }
            ("Add", 2) => {
                let d = a.v(1);
                parse_quote!({
                    let p = #p;
                    let mut v = #cell.borrow_mut();
                    *v = v.wrapping_add(#d);
                    *v
                })
            }
            ("Load", 1) => parse_quote!({
                let p = #p;
                let v = *#cell.borrow();
                v
            }),
            ("Store", 2) => {
                let x = a.v(1);
                parse_quote!({
                    let p = #p;
                    *#cell.borrow_mut() = #x;
                })
            }
            ("Swap", 2) => {
                let x = a.v(1);
                parse_quote!({
                    let p = #p;
                    let old = std::mem::replace(&mut *#cell.borrow_mut(), #x);
                    old
                })
            }
            ("CompareAndSwap", 3) => {
                let (old, new) = (a.v(1), a.v(2));
                parse_quote!({
                    let p = #p;
                    let mut v = #cell.borrow_mut();
                    if *v == #old {
                        *v = #new;
                        true
                    } else {
                        false
                    }
                })
            }
            _ => return None,
        })
    }
}
