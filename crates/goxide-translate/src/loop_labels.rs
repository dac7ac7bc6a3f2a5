//! Loop labels no jump needs. A Go loop becomes a labelled Rust loop (`'loop2: loop { … }`)
//! whenever its body holds a `break` or `continue`, since a Go `break` in a `switch` or
//! `select` leaves that statement, not the loop. Once the body is Rust, a label is only needed
//! by a jump from inside a nested loop: every other `break 'loop2` is a plain `break`, and a
//! label nothing names is dropped. (A tidy-up of generated code; see `tidy`.)

use syn::visit::Visit;
use syn::visit_mut::VisitMut;

/// Drops the labels of loops that no jump from a nested loop names.
pub(crate) fn drop_needless(items: &mut [syn::Item]) {
    for item in items {
        Labels.visit_item_mut(item);
    }
}

struct Labels;

impl VisitMut for Labels {
    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        syn::visit_mut::visit_expr_mut(self, e);
        let (label, body) = match e {
            syn::Expr::Loop(l) => (&mut l.label, &mut l.body),
            syn::Expr::While(w) => (&mut w.label, &mut w.body),
            syn::Expr::ForLoop(f) => (&mut f.label, &mut f.body),
            _ => return,
        };
        let Some(name) = label.as_ref().map(|l| l.name.ident.to_string()) else {
            return;
        };
        let mut find = Nested {
            label: &name,
            depth: 0,
            needed: false,
        };
        find.visit_block(body);
        if find.needed {
            return;
        }
        *label = None;
        Unlabel { label: &name }.visit_block_mut(body);
    }
}

/// Whether a jump to `label` sits inside a loop nested in the labelled one.
struct Nested<'a> {
    label: &'a str,
    depth: usize,
    needed: bool,
}

impl Nested<'_> {
    fn names(&self, l: Option<&syn::Lifetime>) -> bool {
        l.is_some_and(|l| l.ident == self.label)
    }
}

impl<'ast> Visit<'ast> for Nested<'_> {
    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        self.depth += 1;
        syn::visit::visit_expr_loop(self, l);
        self.depth -= 1;
    }
    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        self.depth += 1;
        syn::visit::visit_expr_while(self, w);
        self.depth -= 1;
    }
    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.depth += 1;
        syn::visit::visit_expr_for_loop(self, f);
        self.depth -= 1;
    }
    fn visit_expr_block(&mut self, b: &'ast syn::ExprBlock) {
        // (A plain `break` in a labelled block would be an error: keep jumps out of one.)
        if b.label.is_some() {
            self.depth += 1;
        }
        syn::visit::visit_expr_block(self, b);
        if b.label.is_some() {
            self.depth -= 1;
        }
    }
    fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
        if self.depth > 0 && self.names(b.label.as_ref()) {
            self.needed = true;
        }
        syn::visit::visit_expr_break(self, b);
    }
    fn visit_expr_continue(&mut self, c: &'ast syn::ExprContinue) {
        if self.depth > 0 && self.names(c.label.as_ref()) {
            self.needed = true;
        }
    }
    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        // A jump written inside a macro's tokens cannot be rewritten: keep the label.
        let label = format!("'{}", self.label);
        if m.tokens.to_string().contains(&label) {
            self.needed = true;
        }
    }
    fn visit_expr_closure(&mut self, _: &'ast syn::ExprClosure) {}
    fn visit_item(&mut self, _: &'ast syn::Item) {}
}

/// Turns `break 'label` / `continue 'label` into plain jumps (none sits in a nested loop).
struct Unlabel<'a> {
    label: &'a str,
}

impl VisitMut for Unlabel<'_> {
    fn visit_expr_break_mut(&mut self, b: &mut syn::ExprBreak) {
        syn::visit_mut::visit_expr_break_mut(self, b);
        if b.label.as_ref().is_some_and(|l| l.ident == self.label) {
            b.label = None;
        }
    }
    fn visit_expr_continue_mut(&mut self, c: &mut syn::ExprContinue) {
        if c.label.as_ref().is_some_and(|l| l.ident == self.label) {
            c.label = None;
        }
    }
    fn visit_expr_closure_mut(&mut self, _: &mut syn::ExprClosure) {}
    fn visit_item_mut(&mut self, _: &mut syn::Item) {}
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    fn tidied(src: &str) -> String {
        let mut items = vec![syn::parse_str::<syn::Item>(src).unwrap()];
        super::drop_needless(&mut items);
        items[0].to_token_stream().to_string()
    }

    #[test]
    fn a_label_only_direct_jumps_name_is_dropped() {
        let out = tidied(
            "fn f() { 'loop2: loop { if a() { break 'loop2; } if b() { continue 'loop2; } } }",
        );
        assert_eq!(
            out,
            "fn f () { loop { if a () { break ; } if b () { continue ; } } }"
        );
        let out = tidied("fn f() { 'l: for x in xs { g(x); } }");
        assert_eq!(out, "fn f () { for x in xs { g (x) ; } }");
    }

    #[test]
    fn a_jump_from_a_nested_loop_or_block_keeps_the_label() {
        let src = "fn f() { 'outer: loop { while c() { break 'outer; } break 'outer; } }";
        assert!(tidied(src).contains("'outer : loop"), "{}", tidied(src));
        let src = "fn f() { 'outer: loop { 'sw: { if c() { break 'outer; } break 'sw; } } }";
        assert!(tidied(src).contains("'outer : loop"), "{}", tidied(src));
        // The inner loop's own label still goes; the outer one stays.
        let src = "fn f() { 'a: loop { 'b: loop { if c() { break 'a; } break 'b; } } }";
        let out = tidied(src);
        assert!(out.contains("'a : loop { loop {"), "{out}");
        assert!(
            out.contains("break 'a ;") && out.contains("} break ; }"),
            "{out}"
        );
    }
}
