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

pub fn print_file(file: &syn::File) -> String {
    let (file, thread_locals) = split_thread_locals(file);
    let text = prettyplease::unparse(&file);
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
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

#[cfg(test)]
mod tests {
    use super::*;

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
