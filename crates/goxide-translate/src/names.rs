//! Go names → Rust names: snake_case for functions, variables, fields and methods;
//! CamelCase for types; SCREAMING_SNAKE_CASE for constants; raw identifiers or a suffix where
//! the name is a Rust keyword.

use proc_macro2::Span;
use syn::Ident;

const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for", "if",
    "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "static",
    "struct", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
    "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized",
    "virtual", "yield", "try", "gen",
];
/// Keywords that cannot be raw identifiers, and names the generated code itself relies on.
const RESERVED: &[&str] = &[
    "self", "Self", "super", "crate", "_", "main", "support", "std", "core",
];
/// Type names the generated code uses from std; Go types with these names get a prefix.
const STD_TYPES: &[&str] = &[
    "String", "Vec", "Option", "Some", "None", "Box", "Rc", "RefCell", "Cell", "HashMap", "Result",
    "Ok", "Err", "Default", "Clone", "Copy", "Fn", "FnMut", "Format", "Self",
];

pub fn snake(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_uppercase() {
            let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let next = chars.get(i + 1).copied();
            let boundary = match prev {
                Some(p) if p.is_lowercase() || p.is_ascii_digit() => true,
                // (`HTTPServer` is `http_server`, but `IDs` and `URLsFor` are an initialism's
                // plural: `ids`, `urls_for`.)
                Some(p) if p.is_uppercase() => {
                    let plural =
                        next == Some('s') && chars.get(i + 2).is_none_or(|c| !c.is_lowercase());
                    next.is_some_and(|n| n.is_lowercase()) && !plural
                }
                _ => false,
            };
            if boundary && !out.ends_with('_') {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else if c.is_alphanumeric() || c == '_' {
            out.push(c);
        } else {
            out.push_str(&format!("u{:x}", c as u32));
        }
    }
    out
}

pub fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = true;
    for c in name.chars() {
        if c == '_' {
            if out.is_empty() {
                continue;
            }
            upper = true;
            continue;
        }
        if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else if c.is_alphanumeric() {
            out.push(c);
        } else {
            out.push_str(&format!("U{:x}", c as u32));
        }
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert(0, 'T');
    }
    if STD_TYPES.contains(&out.as_str()) {
        out.insert_str(0, "Go");
    }
    out
}

pub fn screaming(name: &str) -> String {
    snake(name).to_uppercase()
}

/// A syn identifier for a (converted) name, escaping keywords.
pub fn ident(name: &str) -> Ident {
    if name.is_empty() {
        return Ident::new("_unnamed", Span::call_site());
    }
    if RESERVED.contains(&name) {
        return Ident::new(&format!("{name}_"), Span::call_site());
    }
    if KEYWORDS.contains(&name) {
        return Ident::new_raw(name, Span::call_site());
    }
    let ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    if ok {
        Ident::new(name, Span::call_site())
    } else {
        let cleaned: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        Ident::new(&format!("v_{cleaned}"), Span::call_site())
    }
}

pub fn value_ident(go: &str) -> Ident {
    ident(&snake(go))
}

pub fn type_ident(go: &str) -> Ident {
    ident(&camel(go))
}

pub fn const_ident(go: &str) -> Ident {
    ident(&screaming(go))
}

/// A temporary's name (`base`, `base_`, …) that no identifier of `e` uses.
pub fn temp_not_in(base: &str, e: &impl quote::ToTokens) -> syn::Ident {
    let mut used = Vec::new();
    idents_in(e, &mut used);
    temp_not_among(base, &used)
}

/// Adds the identifiers `e`'s tokens hold to `out`.
pub fn idents_in(e: &impl quote::ToTokens, out: &mut Vec<String>) {
    fn idents(ts: proc_macro2::TokenStream, out: &mut Vec<String>) {
        for t in ts {
            match t {
                proc_macro2::TokenTree::Ident(i) => out.push(i.to_string()),
                proc_macro2::TokenTree::Group(g) => idents(g.stream(), out),
                _ => {}
            }
        }
    }
    idents(e.to_token_stream(), out);
}

/// `base`, with `_` appended until it is none of `used`.
pub fn temp_not_among(base: &str, used: &[String]) -> syn::Ident {
    let mut name = base.to_string();
    while used.contains(&name) {
        name.push('_');
    }
    syn::Ident::new(&name, Span::call_site())
}

/// A label lifetime for a Go label (`Outer` → `'outer`).
pub fn label(go: &str) -> syn::Lifetime {
    let s = snake(go);
    let s = if s.starts_with(|c: char| c.is_ascii_digit())
        || s == "_"
        || KEYWORDS.contains(&s.as_str())
    {
        format!("l_{s}")
    } else {
        s
    };
    syn::Lifetime::new(&format!("'{s}"), Span::call_site())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_case() {
        assert_eq!(snake("fooBar"), "foo_bar");
        assert_eq!(snake("HTTPServer"), "http_server");
        assert_eq!(snake("x1Y"), "x1_y");
        assert_eq!(snake("ID"), "id");
        assert_eq!(snake("IDs"), "ids");
        assert_eq!(snake("URLsFor"), "urls_for");
        assert_eq!(snake("GetIDs"), "get_ids");
        assert_eq!(snake("HTTPSession"), "http_session");
        assert_eq!(camel("point"), "Point");
        assert_eq!(camel("my_type"), "MyType");
        assert_eq!(camel("String"), "GoString");
        assert_eq!(screaming("maxSize"), "MAX_SIZE");
        assert_eq!(ident("type").to_string(), "r#type");
        assert_eq!(ident("self").to_string(), "self_");
    }
}
