//! Printing syn trees with prettyplease, then turning comment sentinels into comments.

use std::collections::HashSet;

/// Statement-position sentinel the translator emits where syn has no attribute position for a
/// comment (end of a block, before `else`): `__goxide_comment!("text");` becomes `// text`.
pub const COMMENT_MACRO: &str = "__goxide_comment!";

/// Placeholder for a top-level `thread_local!` whose statics are printed separately.
const THREAD_LOCAL_MACRO: &str = "__goxide_thread_local!";

/// prettyplease prints macro bodies token by token (`static X : RefCell < i64 > = …`): the
/// statics of each top-level `thread_local!` are taken out as items, to be printed as items
/// and spliced back; the macro is left as a numbered placeholder.
fn split_thread_locals(file: &syn::File) -> (syn::File, Vec<syn::File>) {
    let mut file = file.clone();
    let mut bodies = Vec::new();
    for item in &mut file.items {
        let syn::Item::Macro(m) = item else { continue };
        if !m.mac.path.is_ident("thread_local") {
            continue;
        }
        let Some(items) = goxide_translate::thread_local_statics(&m.mac) else {
            continue;
        };
        let mut statics: syn::File = syn::parse_quote!();
        statics.items = items;
        let n = proc_macro2::Literal::usize_unsuffixed(bodies.len());
        bodies.push(statics);
        *item = syn::parse_quote!(__goxide_thread_local!(#n););
    }
    (file, bodies)
}

/// The clean-ups of the printer, over a file or the statics printed apart from it.
fn tidy(file: &mut syn::File) {
    drop_field_derefs(file);
    drop_parens(file);
}

/// Suffix of the stand-in call names that carry formatting macros through prettyplease.
const MACRO_CALL: &str = "__goxide_macro";

/// Macros whose arguments are expressions between parentheses. prettyplease prints macro
/// bodies token by token (`with(| v | * v)`), so they are printed as calls, which it lays out
/// like any call, and renamed back afterwards.
const EXPR_MACROS: &[&str] = &[
    "println",
    "print",
    "eprintln",
    "eprint",
    "format",
    "panic",
    "assert",
    "assert_eq",
    "write",
    "writeln",
];

/// Stand-in call for `vec![…]`: prettyplease prints `vec!` token by token unless it is short,
/// so `vec![a, b]` is printed as `vec__([a, b])` (and `vec![x; n]` as `vec__([x; n])`) and
/// turned back into `vec![…]` afterwards. The name is short so that lines break about where
/// they would for `vec![…]`; a file that uses the name itself keeps `vec!` token by token.
const VEC_CALL: &str = "vec__";

/// Whether the identifier `name` occurs anywhere in `file`, macro bodies included.
fn mentions_ident(file: &syn::File, name: &str) -> bool {
    fn in_tokens(tokens: proc_macro2::TokenStream, name: &str) -> bool {
        tokens.into_iter().any(|t| match t {
            proc_macro2::TokenTree::Ident(i) => i == name,
            proc_macro2::TokenTree::Group(g) => in_tokens(g.stream(), name),
            _ => false,
        })
    }
    in_tokens(quote::ToTokens::to_token_stream(file), name)
}

struct MacrosAsCalls {
    /// Whether `vec!` is printed through a stand-in call.
    vecs: bool,
    /// Whether a `vec!` was turned into a stand-in call.
    vecs_used: bool,
}

impl MacrosAsCalls {
    fn call(&mut self, mac: &syn::Macro) -> Option<syn::Expr> {
        let name = mac.path.get_ident()?.to_string();
        if self.vecs && name == "vec" && matches!(mac.delimiter, syn::MacroDelimiter::Bracket(_)) {
            let mut array = syn::parse::Parser::parse2(
                |input: syn::parse::ParseStream| {
                    if input.is_empty() {
                        return Ok(None);
                    }
                    let first: syn::Expr = input.parse()?;
                    if input.peek(syn::Token![;]) {
                        let _: syn::Token![;] = input.parse()?;
                        let len: syn::Expr = input.parse()?;
                        return Ok(Some(syn::Expr::Repeat(syn::parse_quote!([#first; #len]))));
                    }
                    let mut elems = syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::new();
                    elems.push_value(first);
                    while !input.is_empty() {
                        elems.push_punct(input.parse()?);
                        if input.is_empty() {
                            break;
                        }
                        elems.push_value(input.parse()?);
                    }
                    Ok(Some(syn::Expr::Array(syn::parse_quote!([#elems]))))
                },
                mac.tokens.clone(),
            )
            .ok()??;
            syn::visit_mut::VisitMut::visit_expr_mut(self, &mut array);
            self.vecs_used = true;
            let f = quote::format_ident!("{VEC_CALL}");
            return Some(syn::parse_quote!(#f(#array)));
        }
        if !EXPR_MACROS.contains(&name.as_str())
            || !matches!(mac.delimiter, syn::MacroDelimiter::Paren(_))
        {
            return None;
        }
        let parser = syn::punctuated::Punctuated::<syn::Expr, syn::Token![,]>::parse_terminated;
        let mut args = syn::parse::Parser::parse2(parser, mac.tokens.clone()).ok()?;
        for a in args.iter_mut() {
            syn::visit_mut::VisitMut::visit_expr_mut(self, a);
        }
        let f = quote::format_ident!("{name}{MACRO_CALL}");
        Some(syn::parse_quote!(#f(#args)))
    }
}

impl syn::visit_mut::VisitMut for MacrosAsCalls {
    fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
        if let syn::Expr::Macro(m) = e {
            if let Some(call) = self.call(&m.mac) {
                *e = call;
                return;
            }
        }
        syn::visit_mut::visit_expr_mut(self, e);
    }

    fn visit_stmt_mut(&mut self, s: &mut syn::Stmt) {
        if let syn::Stmt::Macro(m) = s {
            if let Some(call) = self.call(&m.mac) {
                *s = syn::Stmt::Expr(call, Some(Default::default()));
                return;
            }
        }
        syn::visit_mut::visit_stmt_mut(self, s);
    }
}

/// A file printed on its own: only its own items claim names (see [`crate::imports`]).
pub fn print_file(file: &syn::File) -> String {
    print_file_in_crate(file, &crate::imports::claimed([file]))
}

/// A file of a crate whose files claim the names `claimed` (see [`crate::imports`]).
pub fn print_file_in_crate(file: &syn::File, claimed: &HashSet<String>) -> String {
    print_file_with(file, claimed, true)
}

fn print_file_with(file: &syn::File, claimed: &HashSet<String>, vecs: bool) -> String {
    let mut calls = MacrosAsCalls {
        vecs: vecs && !mentions_ident(file, VEC_CALL),
        vecs_used: false,
    };
    let (mut printed, mut statics) = split_thread_locals(file);
    // Formatting macros as calls first: their arguments are then expressions, whose paths are
    // shortened too.
    syn::visit_mut::VisitMut::visit_file_mut(&mut calls, &mut printed);
    for f in &mut statics {
        syn::visit_mut::VisitMut::visit_file_mut(&mut calls, f);
    }
    let uses = {
        let mut all: Vec<&mut syn::File> = vec![&mut printed];
        all.extend(statics.iter_mut());
        crate::imports::shorten(&mut all, claimed)
    };
    // (After the inner attributes, before the first item.)
    printed.items.splice(0..0, uses);
    tidy(&mut printed);
    let thread_locals: Vec<String> = statics
        .iter_mut()
        .map(|f| {
            tidy(f);
            prettyplease::unparse(f)
        })
        .collect();
    let text = prettyplease::unparse(&printed);
    let text = splice_thread_locals(&text, &thread_locals);
    let text = text.replace(&format!("{MACRO_CALL}("), "!(");
    let text = if calls.vecs_used {
        match restore_vecs(&text) {
            Some(t) if syn::parse_file(&t).is_ok() => t,
            // Not expected: print `vec!` token by token rather than risk a broken file.
            _ => return print_file_with(file, claimed, false),
        }
    } else {
        text
    };
    comments_and_fixups(&text)
}

/// Turns each `__goxide_vec_macro([…])` back into `vec![…]`; `None` if one is not in the
/// shape prettyplease is expected to print.
fn restore_vecs(text: &str) -> Option<String> {
    let call = format!("{VEC_CALL}(");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&call) {
        out.push_str(&rest[..at]);
        out.push_str("vec![");
        let body = rest[at + call.len()..].trim_start().strip_prefix('[')?;
        // The array's `]`, then the call's `)`.
        let close = matching_close(body, '[', ']')?;
        let after = body[close + 1..].trim_start().strip_prefix(')')?;
        // Stand-ins nested inside are restored by the next round.
        out.push_str(&body[..close]);
        out.push(']');
        rest = after;
    }
    out.push_str(rest);
    if out.contains(&call) {
        return restore_vecs(&out);
    }
    Some(out)
}

/// Byte offset in `text` of the `close` that ends a group whose `open` came just before
/// `text`, skipping string and character literals and line comments.
fn matching_close(text: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                // A raw string's opening `r#…"` has been passed over as identifier text and
                // `#`s; its body is scanned here like a plain string's, which goxide's output
                // (escaped literals) never needs.
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '\'' => {
                // A character literal, or a lifetime / label (left as it is).
                let mut ahead = chars.clone();
                match ahead.next() {
                    Some((_, '\\')) => {
                        chars.next();
                        chars.next();
                        for (_, c) in chars.by_ref() {
                            if c == '\'' {
                                break;
                            }
                        }
                    }
                    Some(_) if matches!(ahead.next(), Some((_, '\''))) => {
                        chars.next();
                        chars.next();
                    }
                    _ => {}
                }
            }
            '/' if matches!(chars.peek(), Some((_, '/'))) => {
                for (_, c) in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            c if c == open => depth += 1,
            c if c == close => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// Puts the separately printed statics of each `thread_local!` back in place.
fn splice_thread_locals(text: &str, thread_locals: &[String]) -> String {
    if thread_locals.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(body) = trimmed
            .strip_prefix(THREAD_LOCAL_MACRO)
            .and_then(|r| r.trim_start_matches('(').split(')').next())
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| thread_locals.get(n))
        {
            out.push_str("thread_local! {\n");
            for l in body.lines() {
                if !l.is_empty() {
                    out.push_str("    ");
                    out.push_str(l);
                }
                out.push('\n');
            }
            out.push_str("}\n");
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Turns comment sentinels into `//` comments and repairs paths printed token by token.
fn comments_and_fixups(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(COMMENT_MACRO) {
            // prettyplease may break a long sentinel over several lines.
            let mut call = rest.to_string();
            let mut ahead = lines.clone();
            let mut taken = 0;
            while !call.trim_end().ends_with(");") && taken < 3 {
                match ahead.next() {
                    Some(l) => call.push_str(l.trim()),
                    None => break,
                }
                taken += 1;
            }
            if let Some(body) = sentinel_text(&call) {
                for _ in 0..taken {
                    lines.next();
                }
                let indent = &line[..line.len() - trimmed.len()];
                for l in body.lines() {
                    out.push_str(indent);
                    out.push_str("//");
                    if !l.is_empty() {
                        out.push(' ');
                        out.push_str(l);
                    }
                    out.push('\n');
                }
                continue;
            }
        }
        // prettyplease prints paths inside macro arguments token by token (`crate ::x`).
        if line.contains("crate ::") || line.contains("(* ") || line.contains(", * ") {
            let fixed = line
                .replace("crate ::", "crate::")
                .replace("(* ", "(*")
                .replace(", * ", ", *");
            out.push_str(&fixed);
        } else {
            out.push_str(line);
        }
        out.push('\n');
    }
    if out.contains(COMMENT_MACRO.trim_end_matches('!')) {
        out = inline_sentinels(&out);
    }
    out
}

/// The text of a sentinel's arguments `("text");` (or `("text",);`), if that is all there is.
fn sentinel_text(call: &str) -> Option<String> {
    let body = call.trim().strip_prefix('(')?.strip_suffix(';')?;
    let body = body.trim_end().strip_suffix(')')?.trim();
    let body = body.strip_suffix(',').unwrap_or(body);
    syn::parse_str::<syn::LitStr>(body).ok().map(|l| l.value())
}

/// Sentinels left inside code that prettyplease printed token by token (the body of a macro
/// it does not format), where a `//` comment would swallow the rest of the line: each becomes
/// a `/* … */` comment.
fn inline_sentinels(text: &str) -> String {
    let name = COMMENT_MACRO.trim_end_matches('!');
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(name) {
        out.push_str(&rest[..at]);
        let after = &rest[at + name.len()..];
        let parsed = (|| {
            let args = after.trim_start().strip_prefix('!')?.trim_start();
            let args = args.strip_prefix('(')?;
            let close = matching_close(args, '(', ')')?;
            let tail = &args[close + 1..];
            let tail = tail.trim_start().strip_prefix(';').unwrap_or(tail);
            let lit = args[..close].trim();
            let lit = lit.strip_suffix(',').unwrap_or(lit);
            let text = syn::parse_str::<syn::LitStr>(lit).ok()?.value();
            Some((text, tail))
        })();
        match parsed {
            Some((comment, tail)) => {
                out.push_str("/* ");
                out.push_str(
                    &comment
                        .replace("*/", "* /")
                        .replace("/*", "/ *")
                        .replace('\n', " "),
                );
                out.push_str(" */");
                rest = tail;
            }
            None => {
                out.push_str(name);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `(*r).f` of a reference `r` is `r.f`, and `(*x.borrow()).f` is `x.borrow().f`: a field
/// access reaches through a reference (a box, a cell's guard) by itself. Generated code has no
/// `Deref` type with fields of its own, so the two read the same field. Also inside formatting
/// macros, printed as calls here.
fn drop_field_derefs(file: &mut syn::File) {
    struct Drop;
    impl syn::visit_mut::VisitMut for Drop {
        fn visit_expr_field_mut(&mut self, f: &mut syn::ExprField) {
            syn::visit_mut::visit_expr_field_mut(self, f);
            let syn::Expr::Paren(p) = &*f.base else {
                return;
            };
            let syn::Expr::Unary(u) = &*p.expr else {
                return;
            };
            let reference = match &*u.expr {
                syn::Expr::Path(p) => p.path.get_ident().is_some(),
                syn::Expr::Call(_) | syn::Expr::MethodCall(_) => true,
                _ => false,
            };
            if matches!(u.op, syn::UnOp::Deref(_)) && reference {
                f.base = u.expr.clone();
            }
        }
    }
    syn::visit_mut::VisitMut::visit_file_mut(&mut Drop, file);
}

/// Parentheses the generated code wrote only to keep its pieces apart (`if (n > 0)`,
/// `sum += (d * d)`, `let (t0) = (x + 1);`): the syntax tree already says how the
/// expression groups, and the printer parenthesizes exactly where Rust's precedence needs it.
fn drop_parens(file: &mut syn::File) {
    struct Drop;
    impl syn::visit_mut::VisitMut for Drop {
        fn visit_expr_mut(&mut self, e: &mut syn::Expr) {
            // A named field called as a function (`(self.f)(x)`) keeps its parentheses: the
            // printer would read it as a method call.
            if let syn::Expr::Call(c) = e {
                if let syn::Expr::Paren(p) = &mut *c.func {
                    if matches!(&*p.expr, syn::Expr::Field(_)) {
                        syn::visit_mut::visit_expr_mut(self, &mut p.expr);
                        for a in c.args.iter_mut() {
                            self.visit_expr_mut(a);
                        }
                        return;
                    }
                }
            }
            while let syn::Expr::Paren(p) = e {
                if !p.attrs.is_empty() {
                    break;
                }
                let inner = std::mem::replace(&mut *p.expr, syn::Expr::PLACEHOLDER);
                *e = inner;
            }
            syn::visit_mut::visit_expr_mut(self, e);
        }

        fn visit_pat_mut(&mut self, p: &mut syn::Pat) {
            if let syn::Pat::Paren(inner) = p {
                if matches!(&*inner.pat, syn::Pat::Ident(i) if i.subpat.is_none())
                    || matches!(&*inner.pat, syn::Pat::Wild(_) | syn::Pat::Tuple(_))
                {
                    let q =
                        std::mem::replace(&mut *inner.pat, syn::Pat::Verbatim(Default::default()));
                    *p = q;
                }
            }
            syn::visit_mut::visit_pat_mut(self, p);
        }
    }
    syn::visit_mut::VisitMut::visit_file_mut(&mut Drop, file);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentinels_inside_thread_local_statics_become_comments() {
        let file: syn::File = syn::parse_str(
            "thread_local! { static XS: std::cell::RefCell<Vec<i64>> = \
             std::cell::RefCell::new(vec![f(|| { __goxide_comment!(\"a \\\"q\\\"\"); g(); })]); }",
        )
        .unwrap();
        let text = print_file(&file);
        assert!(!text.contains("__goxide_comment"), "{text}");
        assert!(text.contains("// a \"q\""), "{text}");
        assert!(syn::parse_file(&text).is_ok(), "{text}");
    }

    #[test]
    fn parentheses_are_printed_only_where_precedence_needs_them() {
        let file: syn::File = syn::parse_str(
            "fn f() { if (a > b) { let (x) = ((1 + 2) * 3); s += (x * y); (self.g)(x); \
             println!(\"{}\", ((*r).len() as i64)); let y = (-(1_i64)).abs(); \
             let z = ((a - b) - (c - d)); } }",
        )
        .unwrap();
        let text = print_file(&file);
        for want in [
            "if a > b {",
            "let x = (1 + 2) * 3;",
            "s += x * y;",
            "(self.g)(x);",
            "println!(\"{}\", (*r).len() as i64);",
            "let y = (-1_i64).abs();",
            "let z = a - b - (c - d);",
        ] {
            assert!(text.contains(want), "{want} in {text}");
        }
    }

    #[test]
    fn formatting_macros_are_laid_out_like_calls() {
        let file: syn::File = syn::parse_str(
            "fn f() { println!(\"{} {}\", X.with(|c| *c.borrow()), y); \
             let s = format!(\"{}\", a.iter().map(|v| v + 1).sum::<i64>()); }",
        )
        .unwrap();
        let text = print_file(&file);
        assert!(
            text.contains("println!(\"{} {}\", X.with(|c| *c.borrow()), y);"),
            "{text}"
        );
        assert!(
            text.contains("let s = format!(\"{}\", a.iter().map(|v| v + 1).sum::<i64>());"),
            "{text}"
        );
        assert!(!text.contains(MACRO_CALL), "{text}");
    }

    #[test]
    fn thread_local_statics_are_formatted_as_items() {
        let file: syn::File = syn::parse_str(
            "thread_local! { static COUNTER: std::cell::RefCell<i64> = std::cell::RefCell::new(0); \
             static NAME: std::cell::RefCell<String> = std::cell::RefCell::new(String::new()); }",
        )
        .unwrap();
        let text = print_file(&file);
        // (The cell type is imported for the statics too.)
        assert_eq!(
            text,
            "use std::cell::RefCell;\nthread_local! {\n    static COUNTER: RefCell<i64> = RefCell::new(0);\n    \
             static NAME: RefCell<String> = RefCell::new(String::new());\n}\n"
        );
    }

    #[test]
    fn sentinels_become_comments_even_when_wrapped() {
        let long = "x".repeat(120);
        let file: syn::File = syn::parse_str(&format!(
            "__goxide_comment!(\"short\"); fn f() {{ __goxide_comment!(\"{long}\"); let a = 1; }}"
        ))
        .unwrap();
        let text = print_file(&file);
        assert!(text.starts_with("// short\n"), "{text}");
        assert!(
            text.contains(&format!("    // {long}\n    let a = 1;")),
            "{text}"
        );
        assert!(!text.contains("__goxide_comment"), "{text}");
    }

    #[test]
    fn vec_macros_are_laid_out_like_arrays() {
        let file: syn::File = syn::parse_str(
            "fn f() { let v = vec![A { f: Rc::new(move || { __goxide_comment!(\"hi\"); g(1); }) }, \
             A { f: Rc::new(move || { g(\"])\", ']', vec![0u8; 3]); }) }]; let w = vec![1, 2, 3]; \
             let e: Vec<i64> = vec![]; }",
        )
        .unwrap();
        let text = print_file(&file);
        assert!(text.contains("    let v = vec![\n        A {\n"), "{text}");
        assert!(
            text.contains("                // hi\n                g(1);\n"),
            "{text}"
        );
        assert!(text.contains("g(\"])\", ']', vec![0u8; 3]);"), "{text}");
        assert!(text.contains("let w = vec![1, 2, 3];"), "{text}");
        assert!(text.contains("let e: Vec<i64> = vec![];"), "{text}");
        assert!(!text.contains(VEC_CALL), "{text}");
        assert!(syn::parse_file(&text).is_ok(), "{text}");
    }

    #[test]
    fn sentinels_in_thread_locals_and_unformatted_macros_become_comments() {
        let file: syn::File = syn::parse_str(
            "thread_local! { static C: RefCell<i64> = RefCell::new((move || -> i64 { \
             __goxide_comment!(\"in a static\"); 1 })()); } \
             fn f() { some_macro!(a, { __goxide_comment!(\"inline */ here\"); g(1); }, b); }",
        )
        .unwrap();
        let text = print_file(&file);
        assert!(text.contains("// in a static\n"), "{text}");
        assert!(text.contains("/* inline * / here */"), "{text}");
        assert!(!text.contains("__goxide_comment"), "{text}");
        assert!(syn::parse_file(&text).is_ok(), "{text}");
    }

    #[test]
    fn a_file_using_the_vec_stand_in_name_keeps_vec_token_by_token() {
        let file: syn::File =
            syn::parse_str("fn vec__(a: [i64; 2]) {} fn f() { vec__([1, 2]); let v = vec![3]; }")
                .unwrap();
        let text = print_file(&file);
        assert!(text.contains("vec__([1, 2]);"), "{text}");
        assert!(text.contains("let v = vec![3];"), "{text}");
    }
}
