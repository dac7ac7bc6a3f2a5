//! Printing syn trees with prettyplease, then turning comment sentinels into comments.

/// Statement-position sentinel the translator emits where syn has no attribute position for a
/// comment (end of a block, before `else`): `__goxide_comment!("text");` becomes `// text`.
pub const COMMENT_MACRO: &str = "__goxide_comment!";

pub fn print_file(file: &syn::File) -> String {
    let text = prettyplease::unparse(file);
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(COMMENT_MACRO) {
            let indent = &line[..line.len() - trimmed.len()];
            let body = rest
                .trim_start_matches('(')
                .trim_end_matches(';')
                .trim_end_matches(')');
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
        out.push_str(line);
        out.push('\n');
    }
    out
}
