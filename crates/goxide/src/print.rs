//! Printing syn trees with prettyplease, then turning comment sentinels into comments.

/// Statement-position sentinel the translator emits where syn has no attribute position for a
/// comment (end of a block, before `else`): `__goxide_comment!("text");` becomes `// text`.
pub const COMMENT_MACRO: &str = "__goxide_comment!";

/// Placeholder for a top-level `thread_local!` whose statics are printed separately.
const THREAD_LOCAL_MACRO: &str = "__goxide_thread_local!";

/// prettyplease prints macro bodies token by token (`static X : RefCell < i64 > = …`): the
/// statics of each top-level `thread_local!` are printed as items instead and spliced back.
fn split_thread_locals(file: &syn::File) -> (syn::File, Vec<String>) {
    let mut file = file.clone();
    let mut bodies = Vec::new();
    for item in &mut file.items {
        let syn::Item::Macro(m) = item else { continue };
        if !m.mac.path.is_ident("thread_local") {
            continue;
        }
        let parser = |input: syn::parse::ParseStream| {
            let mut items = Vec::new();
            while !input.is_empty() {
                items.push(syn::Item::Static(input.parse()?));
            }
            Ok(items)
        };
        let Ok(items) = syn::parse::Parser::parse2(parser, m.mac.tokens.clone()) else {
            continue;
        };
        let mut statics: syn::File = syn::parse_quote!();
        statics.items = items;
        let text = prettyplease::unparse(&statics);
        let n = proc_macro2::Literal::usize_unsuffixed(bodies.len());
        bodies.push(text);
        *item = syn::parse_quote!(__goxide_thread_local!(#n););
    }
    (file, bodies)
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

struct MacrosAsCalls;

impl MacrosAsCalls {
    fn call(&mut self, mac: &syn::Macro) -> Option<syn::Expr> {
        let name = mac.path.get_ident()?.to_string();
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

pub fn print_file(file: &syn::File) -> String {
    let (mut file, thread_locals) = split_thread_locals(file);
    syn::visit_mut::VisitMut::visit_file_mut(&mut MacrosAsCalls, &mut file);
    let text = prettyplease::unparse(&file);
    let text = text.replace(&format!("{MACRO_CALL}("), "!(");
    // Top-level `thread_local!` statics, printed apart, are spliced back first, so that the
    // comment pass below also sees the sentinels inside them.
    let mut spliced = String::with_capacity(text.len());
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(body) = trimmed
            .strip_prefix(THREAD_LOCAL_MACRO)
            .and_then(|r| r.trim_start_matches('(').split(')').next())
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| thread_locals.get(n))
        {
            spliced.push_str("thread_local! {\n");
            for l in body.lines() {
                if l.is_empty() {
                    spliced.push('\n');
                    continue;
                }
                for l in split_inline_sentinels(l) {
                    spliced.push_str("    ");
                    spliced.push_str(&l);
                    spliced.push('\n');
                }
            }
            spliced.push_str("}\n");
            continue;
        }
        for l in split_inline_sentinels(line) {
            spliced.push_str(&l);
            spliced.push('\n');
        }
    }
    let mut out = String::with_capacity(spliced.len());
    let mut lines = spliced.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(COMMENT_MACRO) {
            let indent = &line[..line.len() - trimmed.len()];
            // prettyplease may break a long sentinel over several lines.
            let mut call = rest.to_string();
            while !call.trim_end().ends_with(");") {
                match lines.next() {
                    Some(l) => call.push_str(l.trim()),
                    None => break,
                }
            }
            let body = call
                .trim()
                .trim_start_matches('(')
                .trim_end_matches(';')
                .trim_end_matches(')')
                .trim();
            let body = body.trim_end_matches(',');
            let body = syn::parse_str::<syn::LitStr>(body)
                .map(|l| l.value())
                .unwrap_or_default();
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
    out
}

/// A line of a macro body printed token by token may hold a comment sentinel between other
/// code (`vec![f(|| { __goxide_comment!("x"); g(); })]`): it is split so that each sentinel
/// stands on its own line, where the comment pass finds it.
fn split_inline_sentinels(line: &str) -> Vec<String> {
    let indent = &line[..line.len() - line.trim_start().len()];
    let mut out = Vec::new();
    let mut cur = line.to_string();
    while let Some(pos) = cur.find(COMMENT_MACRO) {
        let rest = &cur[pos + COMMENT_MACRO.len()..];
        let Some(r) = rest.strip_prefix("(\"") else {
            break;
        };
        // The end of the string literal: a quote not escaped.
        let bytes = r.as_bytes();
        let mut i = 0;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        if i >= bytes.len() {
            break;
        }
        let Some(after) = r[i + 1..]
            .trim_start()
            .strip_prefix(')')
            .and_then(|a| a.trim_start().strip_prefix(';'))
        else {
            break;
        };
        let before = cur[..pos].trim_end();
        if before.trim().is_empty() && after.trim().is_empty() {
            break;
        }
        if !before.trim().is_empty() {
            out.push(before.to_string());
        }
        out.push(format!("{indent}{COMMENT_MACRO}(\"{}\");", &r[..i]));
        cur = format!("{indent}{}", after.trim());
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
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
        assert_eq!(
            text,
            "thread_local! {\n    static COUNTER: std::cell::RefCell<i64> = std::cell::RefCell::new(0);\n    \
             static NAME: std::cell::RefCell<String> = std::cell::RefCell::new(String::new());\n}\n"
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
}
