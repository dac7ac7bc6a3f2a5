//! Printing syn trees with prettyplease, then turning comment sentinels into comments.

/// Statement-position sentinel the translator emits where syn has no attribute position for a
/// comment (end of a block, before `else`): `__goxide_comment!("text");` becomes `// text`.
pub const COMMENT_MACRO: &str = "__goxide_comment!";

pub fn print_file(file: &syn::File) -> String {
    let text = prettyplease::unparse(file);
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines();
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

#[cfg(test)]
mod tests {
    use super::*;

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
