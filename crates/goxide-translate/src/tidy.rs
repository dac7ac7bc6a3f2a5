//! Syntactic clean-ups of generated code that keep its meaning: copies made only to be read
//! once more (`X.with(|v| v.clone()).clone()`), one `impl` block per run of methods, a zero
//! value the next statement overwrites, a final `return v;` (the tail `v`), field shorthand
//! (`Job { id }`), `T::default()` for a literal setting no field, no type on a `let` whose
//! value names it (`let wg = WaitGroup::default();`), `i += 1` for `i = i + 1`, no loop label that no jump from a nested
//! loop needs (see `loop_labels`). (Parentheses are the
//! printer's: see the facade's `print.rs`.)

use syn::visit_mut::VisitMut;

/// Every clean-up, over a file's items.
pub fn tidy(items: &mut Vec<syn::Item>) {
    in_thread_locals(items);
    drop_double_copies(items);
    drop_entry_derefs(items);
    shorthand_fields(items);
    default_literals(items);
    flatten_plain_blocks(items);
    merge_adjacent_impls(items);
    merge_overwritten_inits(items);
    evident_let_types(items);
    compound_steps(items);
    tail_returns(items);
    crate::loop_labels::drop_needless(items);
}

/// The statics of each `thread_local!` (package variables: tables of closures, values built
/// at start-up) get the same clean-ups as the items around them.
fn in_thread_locals(items: &mut [syn::Item]) {
    for item in items {
        let syn::Item::Macro(m) = item else { continue };
        if !m.mac.path.is_ident("thread_local") {
            continue;
        }
        let Some(mut statics) = thread_local_statics(&m.mac) else {
            continue;
        };
        tidy(&mut statics);
        m.mac.tokens = quote::quote!(#(#statics)*);
    }
}

/// The statics a `thread_local! { static X: T = v; … }` declares, as items (`None` for a
/// body of another shape).
pub fn thread_local_statics(mac: &syn::Macro) -> Option<Vec<syn::Item>> {
    let parser = |input: syn::parse::ParseStream| {
        let mut statics = Vec::new();
        while !input.is_empty() {
            statics.push(syn::Item::Static(input.parse()?));
        }
        Ok(statics)
    };
    syn::parse::Parser::parse2(parser, mac.tokens.clone()).ok()
}

/// A function body ending in `return v;` ends in `v`, as Rust is written (and one ending in a
/// bare `return;` just ends); an `if`/`else` chain whose every branch ends in a return is the
/// tail, its branches ending in their values. A value that holds a borrow guard while it is
/// computed (`x.borrow().n`, a lock) keeps its `return`: as a tail, the guard would outlive
/// the function's locals.
pub(crate) fn tail_returns(items: &mut [syn::Item]) {
    struct Tails;
    impl VisitMut for Tails {
        fn visit_item_fn_mut(&mut self, f: &mut syn::ItemFn) {
            syn::visit_mut::visit_item_fn_mut(self, f);
            tail(&mut f.block);
        }
        fn visit_impl_item_fn_mut(&mut self, f: &mut syn::ImplItemFn) {
            syn::visit_mut::visit_impl_item_fn_mut(self, f);
            tail(&mut f.block);
        }
        fn visit_trait_item_fn_mut(&mut self, f: &mut syn::TraitItemFn) {
            syn::visit_mut::visit_trait_item_fn_mut(self, f);
            if let Some(b) = &mut f.default {
                tail(b);
            }
        }
        fn visit_expr_closure_mut(&mut self, c: &mut syn::ExprClosure) {
            syn::visit_mut::visit_expr_closure_mut(self, c);
            // (A `return` in a closure leaves the closure: its body's last one is its value.)
            if let syn::Expr::Block(b) = &mut *c.body {
                if b.label.is_none() && b.attrs.is_empty() {
                    tail(&mut b.block);
                }
            }
        }
    }
    /// Whether every path through the block's last statement returns a value that may be a
    /// tail (checked before anything is changed).
    fn returns_value(b: &syn::Block) -> bool {
        match b.stmts.last() {
            Some(syn::Stmt::Expr(syn::Expr::Return(r), _)) => {
                r.expr.as_deref().is_some_and(|e| !holds_guard(e))
            }
            Some(syn::Stmt::Expr(syn::Expr::If(i), _)) => if_returns(i),
            Some(syn::Stmt::Expr(syn::Expr::Match(m), _)) => {
                m.arms.iter().all(|a| arm_returns(&a.body))
            }
            _ => false,
        }
    }
    fn arm_returns(e: &syn::Expr) -> bool {
        match e {
            syn::Expr::Block(b) => b.label.is_none() && returns_value(&b.block),
            syn::Expr::Return(r) => r.expr.as_deref().is_some_and(|e| !holds_guard(e)),
            _ => false,
        }
    }
    fn is_empty_arm(e: &syn::Expr) -> bool {
        matches!(e, syn::Expr::Block(b) if b.label.is_none() && b.block.stmts.is_empty())
    }
    fn if_returns(i: &syn::ExprIf) -> bool {
        returns_value(&i.then_branch)
            && match i.else_branch.as_ref().map(|(_, e)| &**e) {
                Some(syn::Expr::Block(b)) => b.label.is_none() && returns_value(&b.block),
                Some(syn::Expr::If(j)) => if_returns(j),
                _ => false,
            }
    }
    /// Turns the returns `returns_value` found into values.
    fn into_values(b: &mut syn::Block) {
        let Some(last) = b.stmts.pop() else { return };
        let e = match last {
            syn::Stmt::Expr(syn::Expr::Return(r), _) => match r.expr {
                Some(e) => *e,
                None => return,
            },
            syn::Stmt::Expr(syn::Expr::If(mut i), _) => {
                if_into_values(&mut i);
                syn::Expr::If(i)
            }
            syn::Stmt::Expr(syn::Expr::Match(mut m), _) => {
                for a in &mut m.arms {
                    match &mut *a.body {
                        syn::Expr::Block(b) => into_values(&mut b.block),
                        syn::Expr::Return(r) => {
                            if let Some(e) = r.expr.take() {
                                *a.body = *e;
                            }
                        }
                        _ => {}
                    }
                }
                syn::Expr::Match(m)
            }
            other => {
                b.stmts.push(other);
                return;
            }
        };
        b.stmts.push(syn::Stmt::Expr(e, None));
    }
    fn if_into_values(i: &mut syn::ExprIf) {
        into_values(&mut i.then_branch);
        match i.else_branch.as_mut().map(|(_, e)| &mut **e) {
            Some(syn::Expr::Block(b)) => into_values(&mut b.block),
            Some(syn::Expr::If(j)) => if_into_values(j),
            _ => {}
        }
    }
    fn tail(b: &mut syn::Block) {
        if matches!(
            b.stmts.last(),
            Some(syn::Stmt::Expr(
                syn::Expr::Return(syn::ExprReturn { expr: None, .. }),
                _
            ))
        ) {
            b.stmts.pop();
            return;
        }
        // `match x { 0 => { return a; } _ => {} } return b;`: the arm that does nothing
        // gives the final value, `match x { 0 => a, _ => b }`.
        let n = b.stmts.len();
        if n >= 2 && returns_value(b) {
            if let (
                syn::Stmt::Expr(syn::Expr::Match(m), _),
                syn::Stmt::Expr(syn::Expr::Return(r), _),
            ) = (&b.stmts[n - 2], &b.stmts[n - 1])
            {
                let empty = m.arms.iter().filter(|a| is_empty_arm(&a.body)).count();
                let others = m
                    .arms
                    .iter()
                    .all(|a| is_empty_arm(&a.body) || arm_returns(&a.body));
                if empty == 1 && others {
                    let value = r.expr.clone();
                    b.stmts.pop();
                    if let Some(syn::Stmt::Expr(syn::Expr::Match(m), semi)) = b.stmts.last_mut() {
                        *semi = None;
                        for a in &mut m.arms {
                            if is_empty_arm(&a.body) {
                                *a.body = syn::parse_quote!(return #value);
                            }
                        }
                    }
                }
            }
        }
        if returns_value(b) {
            into_values(b);
        }
    }
    /// Whether computing `e` makes a temporary that guards a borrow or a lock.
    fn holds_guard(e: &syn::Expr) -> bool {
        fn any(ts: proc_macro2::TokenStream) -> bool {
            ts.into_iter().any(|t| match t {
                proc_macro2::TokenTree::Ident(i) => matches!(
                    i.to_string().as_str(),
                    "borrow"
                        | "borrow_mut"
                        | "try_borrow"
                        | "try_borrow_mut"
                        | "lock"
                        | "try_lock"
                        | "read"
                        | "write"
                        | "with_borrow"
                        | "with_borrow_mut"
                ),
                proc_macro2::TokenTree::Group(g) => any(g.stream()),
                _ => false,
            })
        }
        any(quote::ToTokens::to_token_stream(e))
    }
    for item in items {
        Tails.visit_item_mut(item);
    }
}

/// `let mut n: i64 = 0; n = 41;` (Go's `var n int` or `new(int)`, given its first value by the
/// next statement) is `let mut n: i64 = 41;`: the zero value was never read. Only a zero value
/// that computes nothing is dropped (a literal, a path, `T::new()`, `T::default()`), and only
/// when the value does not read the variable. The binding stays `mut` while a later statement
/// may change it.
fn merge_overwritten_inits(items: &mut [syn::Item]) {
    struct Merge;
    impl VisitMut for Merge {
        fn visit_block_mut(&mut self, b: &mut syn::Block) {
            syn::visit_mut::visit_block_mut(self, b);
            let mut i = 0;
            while i + 1 < b.stmts.len() {
                if let Some(value) = overwritten(&b.stmts[i], &b.stmts[i + 1]) {
                    let later: proc_macro2::TokenStream = b.stmts[i + 2..]
                        .iter()
                        .map(quote::ToTokens::to_token_stream)
                        .collect();
                    if let syn::Stmt::Local(l) = &mut b.stmts[i] {
                        if let Some(init) = &mut l.init {
                            *init.expr = value;
                        }
                        if let Some(id) = binding_mut(&mut l.pat) {
                            if !may_change(&later, &id.ident.to_string()) {
                                id.mutability = None;
                            }
                        }
                    }
                    b.stmts.remove(i + 1);
                }
                i += 1;
            }
        }
    }
    /// The value of `x = v;` when `a` is `let mut x… = <zero>;` and `b` is `x = v;` with `v`
    /// not naming `x`.
    fn overwritten(a: &syn::Stmt, b: &syn::Stmt) -> Option<syn::Expr> {
        let syn::Stmt::Local(l) = a else { return None };
        let init = l.init.as_ref().filter(|i| i.diverge.is_none())?;
        let pat = match &l.pat {
            syn::Pat::Type(t) => &*t.pat,
            p => p,
        };
        let syn::Pat::Ident(id) = pat else {
            return None;
        };
        if id.mutability.is_none() || id.by_ref.is_some() || id.subpat.is_some() {
            return None;
        }
        if !computes_nothing(&init.expr) {
            return None;
        }
        let syn::Stmt::Expr(syn::Expr::Assign(asg), Some(_)) = b else {
            return None;
        };
        let syn::Expr::Path(target) = &*asg.left else {
            return None;
        };
        if !target.path.is_ident(&id.ident) || names(&asg.right, &id.ident.to_string()) {
            return None;
        }
        Some((*asg.right).clone())
    }
    fn computes_nothing(e: &syn::Expr) -> bool {
        match e {
            syn::Expr::Lit(_) | syn::Expr::Path(_) => true,
            syn::Expr::Unary(u) => matches!(&*u.expr, syn::Expr::Lit(_)),
            syn::Expr::Call(c) => {
                c.args.is_empty()
                    && matches!(&*c.func, syn::Expr::Path(p)
                        if p.path.segments.last().is_some_and(|s| s.ident == "new" || s.ident == "default"))
            }
            _ => false,
        }
    }
    fn binding_mut(p: &mut syn::Pat) -> Option<&mut syn::PatIdent> {
        match p {
            syn::Pat::Type(t) => binding_mut(&mut t.pat),
            syn::Pat::Ident(id) => Some(id),
            _ => None,
        }
    }
    fn names(e: &syn::Expr, x: &str) -> bool {
        names_tokens(quote::ToTokens::to_token_stream(e), x)
    }
    /// Whether tokens may change `x`: `x` followed by an assignment, `.`, `[`, or inside a
    /// group followed by `=` (`(x, y) = …`), or after `mut` (`&mut x`).
    fn may_change(ts: &proc_macro2::TokenStream, x: &str) -> bool {
        use proc_macro2::TokenTree as T;
        let toks: Vec<T> = ts.clone().into_iter().collect();
        for (k, t) in toks.iter().enumerate() {
            match t {
                T::Ident(i) if i == x => {
                    let after_mut = k > 0 && matches!(&toks[k - 1], T::Ident(m) if m == "mut");
                    let next_changes = match toks.get(k + 1) {
                        Some(T::Punct(p)) => {
                            let c = p.as_char();
                            c == '.'
                                || (c == '='
                                    && !next_is(&toks, k + 2, '=')
                                    && !next_is(&toks, k + 2, '>'))
                                || (p.spacing() == proc_macro2::Spacing::Joint
                                    && "+-*/%^&|<>".contains(c)
                                    && (next_is(&toks, k + 2, '=') || next_is(&toks, k + 3, '=')))
                        }
                        Some(T::Group(g)) => g.delimiter() == proc_macro2::Delimiter::Bracket,
                        _ => false,
                    };
                    if after_mut || next_changes {
                        return true;
                    }
                }
                T::Group(g) => {
                    let assigned = matches!(toks.get(k + 1), Some(T::Punct(p)) if p.as_char() == '=')
                        && !next_is(&toks, k + 2, '=');
                    if (assigned && names_tokens(g.stream(), x)) || may_change(&g.stream(), x) {
                        return true;
                    }
                }
                _ => {}
            }
        }
        false
    }
    fn next_is(toks: &[proc_macro2::TokenTree], k: usize, c: char) -> bool {
        matches!(toks.get(k), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == c)
    }
    fn names_tokens(ts: proc_macro2::TokenStream, x: &str) -> bool {
        ts.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => i == x,
            proc_macro2::TokenTree::Group(g) => names_tokens(g.stream(), x),
            _ => false,
        })
    }
    for item in items {
        Merge.visit_item_mut(item);
    }
}

/// Drops the second copy of a package variable read by copying: `X.with(|v| v.clone()).clone()`
/// (and the same through `with_borrow`) is `X.with(|v| v.clone())`, already a fresh value; and
/// a copy made for one look at it reads in place (`X.with_borrow(|v| v.len())`, see
/// `read_in_place`).
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
    /// An argument that reads a variable, a field or a literal, and names no `param`.
    fn simple_arg(e: &syn::Expr, param: &syn::Ident) -> bool {
        let names_param = quote::ToTokens::to_token_stream(e)
            .into_iter()
            .any(|t| matches!(t, proc_macro2::TokenTree::Ident(i) if i == *param));
        fn simple(e: &syn::Expr) -> bool {
            match e {
                syn::Expr::Path(_) | syn::Expr::Lit(_) => true,
                syn::Expr::Reference(r) => simple(&r.expr),
                syn::Expr::Field(f) => simple(&f.base),
                syn::Expr::Paren(p) => simple(&p.expr),
                syn::Expr::MethodCall(m) => {
                    m.method == "as_str" && m.args.is_empty() && simple(&m.receiver)
                }
                _ => false,
            }
        }
        !names_param && simple(e)
    }
    /// `X.with_borrow(|v| v.clone()).len()` reads in place, `X.with_borrow(|v| v.len())`, as do
    /// `is_empty()`, `contains_key(k)` and `get(k).cloned()` / `.copied()`: no copy of the
    /// whole value for one look at it.
    fn read_in_place(e: &syn::Expr) -> Option<syn::Expr> {
        let syn::Expr::MethodCall(outer) = e else {
            return None;
        };
        // The chain after the copy: `len()`, or `get(k)` then `cloned()`.
        let (read, tail): (&syn::ExprMethodCall, Option<&syn::Ident>) =
            match (&*outer.receiver, outer.method.to_string().as_str()) {
                (syn::Expr::MethodCall(get), "cloned" | "copied")
                    if get.method == "get" && outer.args.is_empty() =>
                {
                    (get, Some(&outer.method))
                }
                (_, "len" | "is_empty" | "contains_key") => (outer, None),
                _ => return None,
            };
        if !copied_read(&read.receiver) {
            return None;
        }
        let syn::Expr::MethodCall(with) = &*read.receiver else {
            return None;
        };
        let syn::Expr::Closure(c) = with.args.first()? else {
            return None;
        };
        let syn::Pat::Ident(p) = c.inputs.first()? else {
            return None;
        };
        let param = &p.ident;
        if !read.args.iter().all(|a| simple_arg(a, param)) {
            return None;
        }
        let (x, how, method, args) = (&with.receiver, &with.method, &read.method, &read.args);
        Some(match tail {
            Some(t) => syn::parse_quote!(#x.#how(|#param| #param.#method(#args).#t())),
            None => syn::parse_quote!(#x.#how(|#param| #param.#method(#args))),
        })
    }
    impl VisitMut for Drop {
        fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, e);
            if let syn::Expr::MethodCall(m) = e {
                if m.method == "clone" && m.args.is_empty() && copied_read(&m.receiver) {
                    *e = (*m.receiver).clone();
                    return;
                }
            }
            if let Some(r) = read_in_place(e) {
                *e = r;
            }
        }
    }
    for item in items {
        Drop.visit_item_mut(item);
    }
}

/// A struct literal field set from a variable of the same name is written once:
/// `Job { id, state }`, not `Job { id: id, state: state }`.
fn shorthand_fields(items: &mut [syn::Item]) {
    struct Short;
    impl VisitMut for Short {
        fn visit_field_value_mut(&mut self, f: &mut syn::FieldValue) {
            syn::visit_mut::visit_field_value_mut(self, f);
            let syn::Member::Named(name) = &f.member else {
                return;
            };
            let same = matches!(&f.expr, syn::Expr::Path(p)
                if p.qself.is_none() && p.attrs.is_empty() && p.path.is_ident(name));
            if same && f.attrs.is_empty() {
                f.colon_token = None;
            }
        }
    }
    for item in items {
        Short.visit_item_mut(item);
    }
}

/// A block statement that declares nothing and only runs statements (`{ m.remove("a"); };`)
/// is those statements, in the enclosing block.
fn flatten_plain_blocks(items: &mut [syn::Item]) {
    struct Flatten;
    fn plain(e: &syn::Expr) -> Option<&syn::Block> {
        let syn::Expr::Block(b) = e else { return None };
        let runs_only = b.attrs.is_empty()
            && b.label.is_none()
            && !b.block.stmts.is_empty()
            && b.block.stmts.iter().all(|s| match s {
                syn::Stmt::Expr(_, semi) => semi.is_some(),
                syn::Stmt::Macro(m) => m.semi_token.is_some(),
                _ => false,
            });
        runs_only.then_some(&b.block)
    }
    impl VisitMut for Flatten {
        fn visit_block_mut(&mut self, b: &mut syn::Block) {
            syn::visit_mut::visit_block_mut(self, b);
            if !b
                .stmts
                .iter()
                .any(|s| matches!(s, syn::Stmt::Expr(e, _) if plain(e).is_some()))
            {
                return;
            }
            let stmts = std::mem::take(&mut b.stmts);
            for s in stmts {
                match &s {
                    syn::Stmt::Expr(e, _) if plain(e).is_some() => {
                        b.stmts
                            .extend(plain(e).into_iter().flat_map(|x| x.stmts.clone()));
                    }
                    _ => b.stmts.push(s),
                }
            }
        }
    }
    for item in items {
        Flatten.visit_item_mut(item);
    }
}

/// A struct literal setting no field is the type's default: `Item::default()`, not
/// `Item { ..Default::default() }`.
fn default_literals(items: &mut [syn::Item]) {
    struct Defaults;
    impl VisitMut for Defaults {
        fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, e);
            let syn::Expr::Struct(st) = e else { return };
            let is_default = matches!(st.rest.as_deref(), Some(syn::Expr::Call(c))
                if c.args.is_empty()
                    && matches!(&*c.func, syn::Expr::Path(p)
                        if p.qself.is_none()
                            && p.path.segments.len() == 2
                            && p.path.segments[0].ident == "Default"
                            && p.path.segments[1].ident == "default"));
            if st.fields.is_empty() && st.qself.is_none() && st.attrs.is_empty() && is_default {
                let path = &st.path;
                *e = syn::parse_quote!(#path::default());
            }
        }
    }
    for item in items {
        Defaults.visit_item_mut(item);
    }
}

/// A `let` whose value is its type's `default()` or `new()` does not spell the type again:
/// `let wg = sync::WaitGroup::default();`, `let v = Vec::<u8>::new();` (the type written on
/// the call, generic arguments included, must be the declared one).
fn evident_let_types(items: &mut [syn::Item]) {
    struct Evident;
    /// The segments of a path as text, turbofish or not (`Vec::<u8>` and `Vec<u8>` alike).
    fn segments(p: &syn::Path) -> Vec<String> {
        p.segments
            .iter()
            .map(|s| {
                let args = match &s.arguments {
                    syn::PathArguments::AngleBracketed(a) => {
                        let args = &a.args;
                        quote::quote!(#args).to_string()
                    }
                    syn::PathArguments::None => String::new(),
                    syn::PathArguments::Parenthesized(_) => "()".to_string(),
                };
                format!("{}<{args}>", s.ident)
            })
            .collect()
    }
    impl VisitMut for Evident {
        fn visit_local_mut(&mut self, l: &mut syn::Local) {
            syn::visit_mut::visit_local_mut(self, l);
            let syn::Pat::Type(pt) = &l.pat else { return };
            let syn::Type::Path(tp) = &*pt.ty else { return };
            let Some(init) = &l.init else { return };
            if init.diverge.is_some() || tp.qself.is_some() {
                return;
            }
            let syn::Expr::Call(c) = &*init.expr else {
                return;
            };
            let syn::Expr::Path(f) = &*c.func else { return };
            let all: Vec<&syn::PathSegment> = f.path.segments.iter().collect();
            let Some((last, ty_path)) = all.split_last() else {
                return;
            };
            if !c.args.is_empty()
                || f.qself.is_some()
                || !(last.ident == "default" || last.ident == "new")
                || !last.arguments.is_none()
            {
                return;
            }
            let mut callee = f.path.clone();
            callee.segments = ty_path.iter().map(|s| (*s).clone()).collect();
            if segments(&callee) == segments(&tp.path) {
                l.pat = (*pt.pat).clone();
            }
        }
    }
    for item in items {
        Evident.visit_item_mut(item);
    }
}

/// `i = i + 1;` is `i += 1;` (a step by a number literal, of a variable or field path: the
/// form a sequential tuple assignment `i, j = i+1, j-1` takes).
fn compound_steps(items: &mut [syn::Item]) {
    struct Steps;
    impl VisitMut for Steps {
        fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
            syn::visit_mut::visit_expr_mut(self, e);
            let syn::Expr::Assign(a) = e else { return };
            let syn::Expr::Binary(b) = bare(&a.right) else {
                return;
            };
            let place = |x: &syn::Expr| -> bool {
                let mut x = x;
                loop {
                    match x {
                        syn::Expr::Path(p) => return p.path.get_ident().is_some(),
                        syn::Expr::Field(f) => x = &f.base,
                        _ => return false,
                    }
                }
            };
            fn bare(mut e: &syn::Expr) -> &syn::Expr {
                loop {
                    match e {
                        syn::Expr::Paren(p) => e = &p.expr,
                        syn::Expr::Group(g) => e = &g.expr,
                        _ => return e,
                    }
                }
            }
            let number = matches!(bare(&b.right), syn::Expr::Lit(l)
                if matches!(l.lit, syn::Lit::Int(_) | syn::Lit::Float(_)));
            let same = quote::ToTokens::to_token_stream(bare(&a.left)).to_string()
                == quote::ToTokens::to_token_stream(bare(&b.left)).to_string();
            if !number || !same || !place(&a.left) || !a.attrs.is_empty() {
                return;
            }
            use syn::BinOp as B;
            let op: syn::BinOp = match b.op {
                B::Add(_) => syn::parse_quote!(+=),
                B::Sub(_) => syn::parse_quote!(-=),
                B::Mul(_) => syn::parse_quote!(*=),
                B::Div(_) => syn::parse_quote!(/=),
                B::Rem(_) => syn::parse_quote!(%=),
                B::BitAnd(_) => syn::parse_quote!(&=),
                B::BitOr(_) => syn::parse_quote!(|=),
                B::BitXor(_) => syn::parse_quote!(^=),
                B::Shl(_) => syn::parse_quote!(<<=),
                B::Shr(_) => syn::parse_quote!(>>=),
                _ => return,
            };
            let (left, right) = (&a.left, bare(&b.right));
            *e = syn::Expr::Binary(syn::parse_quote!(#left #op #right));
        }
    }
    for item in items {
        Steps.visit_item_mut(item);
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

/// `(*m.entry(k).or_default()).push(x)` is `m.entry(k).or_default().push(x)`,
/// `(*m.get_mut(k).unwrap()).inc()` is `m.get_mut(k).unwrap().inc()`, and
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
            // `(*m.get_mut(k).unwrap()).inc()`: a value a map holds.
            let map_value = matches!(&*u.expr, syn::Expr::MethodCall(unwrap)
                if unwrap.method == "unwrap"
                    && matches!(&*unwrap.receiver, syn::Expr::MethodCall(get)
                        if get.method == "get" || get.method == "get_mut"));
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
            let entry = entry || mutator || map_value;
            if matches!(u.op, syn::UnOp::Deref(_)) && entry {
                m.receiver = u.expr.clone();
            }
        }
    }
    for item in items {
        Drop.visit_item_mut(item);
    }
}

#[cfg(test)]
mod tests {
    use quote::ToTokens;

    fn tidied(src: &str) -> String {
        let mut items = vec![syn::parse_str::<syn::Item>(src).unwrap()];
        super::tidy(&mut items);
        items[0].to_token_stream().to_string()
    }

    #[test]
    fn a_zero_value_the_next_statement_overwrites_is_dropped() {
        let out = tidied("fn f() { let mut n: i64 = 0; n = 41; n += 1; g(n); }");
        assert!(out.contains("let mut n : i64 = 41 ;"), "{out}");
        assert!(!out.contains("n = 41 ;"), "{out}");
        // Not changed later: no longer `mut`.
        let out = tidied("fn f() { let mut t: Option<T> = None; t = Some(T::new()); g(&t); }");
        assert!(
            out.contains("let t : Option < T > = Some (T :: new ()) ;"),
            "{out}"
        );
        // Changed through a tuple assignment: stays `mut`.
        let out = tidied("fn f() { let mut e = None; e = h(); (x, e) = k(); g(e); }");
        assert!(out.contains("let mut e = h () ;"), "{out}");
    }

    #[test]
    fn a_package_collection_is_read_in_place() {
        let out = tidied("fn f(k: &str) { a(M.with_borrow(|v| v.clone()).get(k).cloned()); b(M.with_borrow(|v| v.clone()).len()); c(S.with(|v| v.clone()).contains_key(&self.k)); }");
        assert!(
            out.contains("M . with_borrow (| v | v . get (k) . cloned ())"),
            "{out}"
        );
        assert!(out.contains("M . with_borrow (| v | v . len ())"), "{out}");
        assert!(
            out.contains("S . with (| v | v . contains_key (& self . k))"),
            "{out}"
        );
        // An argument naming the closure's parameter, or computing: the copy stays.
        let out = tidied("fn f(v: i64) { a(M.with_borrow(|v| v.clone()).get(&v).cloned()); b(M.with_borrow(|v| v.clone()).get(&g()).cloned()); }");
        assert_eq!(out.matches("v . clone ()").count(), 2, "{out}");
    }

    #[test]
    fn thread_local_statics_are_tidied_too() {
        let src = "thread_local! { static F: RefCell<HashMap<String, Handler>> = RefCell::new(HashMap::from([(String::from(\"a\"), Rc::new(move |args: Vec<String>| -> String { return to_upper(&args.join(\" \")); }) as Handler)])); }";
        let out = tidied(src);
        assert!(out.contains("-> String { to_upper"), "{out}");
        assert!(out.starts_with("thread_local ! { static F"), "{out}");
    }

    #[test]
    fn a_step_by_a_number_is_a_compound_assignment() {
        let out = tidied("fn f() { i = (i + 1); s.n = s.n - 2; x = x * y; z = w + 1; }");
        assert!(
            out.contains("i += 1 ;") && out.contains("s . n -= 2 ;"),
            "{out}"
        );
        // Not a number, or another variable: kept.
        assert!(
            out.contains("x = x * y ;") && out.contains("z = w + 1 ;"),
            "{out}"
        );
    }

    #[test]
    fn a_closure_ends_in_its_value() {
        let out = tidied("fn f() { g(|w: String| -> bool { return w.len() > 3; }); }");
        assert!(out.contains("-> bool { w . len () > 3 }"), "{out}");
        let out = tidied("fn f() { g(|x: i64| { if x > 0 { return; } h(x); return; }); }");
        assert!(out.contains("h (x) ; }"), "{out}");
        assert!(!out.contains("h (x) ; return"), "{out}");
        // A value computed under a borrow stays a `return` (its guard would outlive it).
        let out = tidied("fn f() { g(|| -> i64 { return c.borrow().n; }); }");
        assert!(out.contains("return c . borrow () . n"), "{out}");
    }

    #[test]
    fn a_let_whose_value_names_its_type_drops_the_type() {
        let out =
            tidied("fn f() { let wg: sync::WaitGroup = sync::WaitGroup::default(); g(&wg); }");
        assert!(
            out.contains("let wg = sync :: WaitGroup :: default () ;"),
            "{out}"
        );
        let out = tidied("fn f() { let v: Vec<u8> = Vec::<u8>::new(); g(&v); }");
        assert!(out.contains("let v = Vec :: < u8 > :: new () ;"), "{out}");
        // The type carries what the call leaves to inference: kept.
        let out = tidied("fn f() { let m: HashMap<String, i64> = HashMap::new(); g(&m); }");
        assert!(out.contains("let m : HashMap < String , i64 > ="), "{out}");
        // Another type's constructor: kept.
        let out = tidied("fn f() { let s: Stack = Other::new(); g(&s); }");
        assert!(out.contains("let s : Stack ="), "{out}");
    }

    #[test]
    fn a_field_set_from_its_namesake_is_shorthand() {
        let out = tidied("fn f(id: i64) -> Job { Job { id: id, state: s.state, n: n.clone() } }");
        assert!(
            out.contains("Job { id , state : s . state , n : n . clone () }"),
            "{out}"
        );
    }

    #[test]
    fn a_literal_setting_no_field_is_the_default() {
        let out = tidied(
            "fn f() -> Job { g(Job { ..Default::default() }); Job { n: 1, ..Default::default() } }",
        );
        assert!(out.contains("g (Job :: default ())"), "{out}");
        assert!(
            out.contains("Job { n : 1 , .. Default :: default () }"),
            "{out}"
        );
    }

    #[test]
    fn a_block_that_only_runs_statements_is_flattened() {
        let out = tidied("fn f() { { m.remove(\"a\"); }; { let v = 1; g(v); } { h(); k() } }");
        assert!(
            out.contains("{ m . remove (\"a\") ; { let v = 1 ; g (v) ; } { h () ; k () } }"),
            "{out}"
        );
    }

    #[test]
    fn a_final_return_is_the_tail_value() {
        let out = tidied("fn f(n: i64) -> i64 { g(); return n + 1; }");
        assert!(out.ends_with("{ g () ; n + 1 }"), "{out}");
        let out = tidied("fn f() { g(); return; }");
        assert!(out.ends_with("{ g () ; }"), "{out}");
        let out = tidied(
            "fn f(n: i64) -> i64 { if n > 0 { return 1; } else if n < 0 { return -1; } else { return 0; } }",
        );
        assert!(
            out.contains("if n > 0 { 1 } else if n < 0 { - 1 } else { 0 }"),
            "{out}"
        );
        // A branch that does not return: the returns stay.
        let out = tidied("fn f(n: i64) -> i64 { if n > 0 { return 1; } else { g(); } return 0; }");
        assert!(out.contains("return 1 ;"), "{out}");
        assert!(out.ends_with("0 }"), "{out}");
        // A borrow guard would outlive the locals.
        let out = tidied("fn f() -> i64 { let x = h(); return x.borrow().n; }");
        assert!(out.contains("return x . borrow () . n ;"), "{out}");
    }

    #[test]
    fn a_match_whose_arms_return_is_the_tail() {
        let out = tidied(
            "fn f(n: i64) -> i64 { match n { 0 => { return 1; } 1 | 2 => { g(); return 2; } _ => {} } return 3; }",
        );
        assert!(
            out.contains("match n { 0 => { 1 } 1 | 2 => { g () ; 2 } _ => 3 } }"),
            "{out}"
        );
        // Two arms that do nothing: the final value is not copied into both.
        let out = tidied(
            "fn f(n: i64) -> i64 { match n { 0 => { return 1; } 1 => {} _ => {} } return 3; }",
        );
        assert!(out.contains("return 1 ;"), "{out}");
        assert!(out.ends_with("3 }"), "{out}");
        // An arm that goes on without returning: the returns stay.
        let out = tidied(
            "fn f(n: i64) -> i64 { match n { 0 => { return 1; } _ => { g(); } } return 3; }",
        );
        assert!(out.contains("return 1 ;"), "{out}");
    }

    #[test]
    fn a_zero_value_that_computes_or_a_value_that_reads_it_is_kept() {
        let out = tidied("fn f() { let mut n = g(); n = 1; h(n); }");
        assert!(out.contains("let mut n = g () ; n = 1 ;"), "{out}");
        let out = tidied("fn f() { let mut n = 0; n = n + 1; h(n); }");
        assert!(out.contains("let mut n = 0 ; n += 1 ;"), "{out}");
    }
}
