//! Keeps the pattern reference (`docs/patterns.md`) true: every ```go block in a `### ` entry
//! is translated with the same API and options as `tests/patterns.rs`, and the translated
//! `src/main.rs` must equal the ```rust block that follows it in the same entry (only trailing
//! whitespace is normalized).
//!
//! `GOXIDE_UPDATE_DOCS=1 cargo test -p goxide --test docs` rewrites the ```rust blocks from the
//! current translator instead of comparing them (entries whose Go does not translate still fail).

mod common;

use std::ops::Range;
use std::path::Path;

/// One ```go block and the ```rust block that follows it in the same entry.
struct Pair {
    /// The entry's `### ` heading text, with `(block N)` appended for its second and later pairs.
    name: String,
    /// 1-based line of the ```go fence in the Markdown file.
    line: usize,
    go: String,
    rust: String,
    /// Byte range of the ```rust block's contents (between the fences) in the Markdown file.
    rust_range: Range<usize>,
}

/// A fenced block: its info string, contents and the byte range of the contents.
struct Block {
    lang: String,
    line: usize,
    text: String,
    range: Range<usize>,
}

/// Splits the Markdown into `### ` entries and pairs their go and rust blocks.
fn parse(md: &str) -> Result<Vec<Pair>, Vec<String>> {
    let mut errors = Vec::new();
    let mut pairs: Vec<Pair> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    // The current `### ` entry, how many pairs it has, and its go block awaiting a rust block.
    let mut entry: Option<(String, usize)> = None;
    let mut pending: Option<Block> = None;
    let mut open: Option<(String, usize, usize)> = None; // (lang, line, contents start)
    let mut offset = 0;
    for (i, raw) in md.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end();
        if let Some((lang, fence_line, body_start)) = &open {
            if line == "```" {
                let block = Block {
                    lang: lang.clone(),
                    line: *fence_line,
                    text: md[*body_start..start].to_string(),
                    range: *body_start..start,
                };
                open = None;
                match (block.lang.as_str(), &mut entry) {
                    ("go", Some((name, _))) => {
                        if pending.is_some() {
                            errors.push(format!(
                                "docs/patterns.md:{}: entry `{name}`: a ```go block follows another one without a ```rust block between them",
                                block.line
                            ));
                        }
                        pending = Some(block);
                    }
                    ("go", None) => errors.push(format!(
                        "docs/patterns.md:{}: a ```go block outside a `### ` entry",
                        block.line
                    )),
                    ("rust", Some((name, count))) => {
                        if let Some(go) = pending.take() {
                            *count += 1;
                            let name = if *count == 1 {
                                name.clone()
                            } else {
                                format!("{name} (block {count})")
                            };
                            pairs.push(Pair {
                                name,
                                line: go.line,
                                go: go.text,
                                rust: block.text,
                                rust_range: block.range,
                            });
                        }
                    }
                    _ => {}
                }
            }
            continue;
        }
        if let Some(info) = line.strip_prefix("```") {
            let lang = info.split_whitespace().next().unwrap_or("").to_string();
            open = Some((lang, i + 1, offset));
        } else if line.starts_with('#') {
            if let (Some((name, _)), Some(go)) = (&entry, &pending) {
                errors.push(format!(
                    "docs/patterns.md:{}: entry `{name}`: a ```go block without a ```rust block after it",
                    go.line
                ));
            }
            pending = None;
            entry = None;
            if let Some(name) = line.strip_prefix("### ") {
                let name = name.trim().to_string();
                if names.contains(&name) {
                    errors.push(format!(
                        "docs/patterns.md:{}: entry `{name}` appears twice",
                        i + 1
                    ));
                }
                names.push(name.clone());
                entry = Some((name, 0));
            }
        }
    }
    if let Some((_, line, _)) = open {
        errors.push(format!(
            "docs/patterns.md:{line}: a fenced block that is never closed"
        ));
    }
    if let (Some((name, _)), Some(go)) = (&entry, &pending) {
        errors.push(format!(
            "docs/patterns.md:{}: entry `{name}`: a ```go block without a ```rust block after it",
            go.line
        ));
    }
    if pairs.is_empty() {
        errors.push(
            "docs/patterns.md has no entries (`### ` headings with a ```go and a ```rust block)"
                .into(),
        );
    }
    if errors.is_empty() {
        Ok(pairs)
    } else {
        Err(errors)
    }
}

/// Translates one Go program exactly as `tests/patterns.rs` does and returns its `src/main.rs`.
fn translate(go: &str) -> Result<String, String> {
    let out = common::translate_main("main.go", go, "pattern");
    if out.has_errors() {
        let diags: Vec<String> = out.diagnostics.iter().map(|d| d.render()).collect();
        return Err(format!("the Go does not translate:\n{}", diags.join("\n")));
    }
    match out.files.iter().find(|f| f.path == "src/main.rs") {
        Some(f) => Ok(f.contents.clone()),
        None => {
            let paths: Vec<&str> = out.files.iter().map(|f| f.path.as_str()).collect();
            Err(format!(
                "the translation has no src/main.rs (files: {paths:?})"
            ))
        }
    }
}

/// Strips trailing whitespace from every line and trailing blank lines; ends with one newline.
fn normalize(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let mut s = lines.join("\n");
    s.truncate(s.trim_end().len());
    s.push('\n');
    s
}

/// A line diff (longest common subsequence): `-` lines are in the docs, `+` lines in goxide's
/// output, unchanged lines are indented by two spaces; runs of more than six unchanged lines are
/// shortened to three lines of context on each side.
fn diff(docs: &str, actual: &str) -> String {
    let a: Vec<&str> = docs.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    let mut lcs = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut lines: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            lines.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < a.len() && (j == b.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            lines.push(('-', a[i]));
            i += 1;
        } else {
            lines.push(('+', b[j]));
            j += 1;
        }
    }
    const CONTEXT: usize = 3;
    let mut out = String::from("--- docs/patterns.md\n+++ goxide output\n");
    let mut k = 0;
    while k < lines.len() {
        let run = lines[k..].iter().take_while(|(tag, _)| *tag == ' ').count();
        let keep_head = if k == 0 { 0 } else { CONTEXT };
        let keep_tail = if k + run == lines.len() { 0 } else { CONTEXT };
        if run > keep_head + keep_tail + 1 {
            for (tag, line) in &lines[k..k + keep_head] {
                out.push_str(&format!("{tag} {line}\n"));
            }
            out.push_str(&format!(
                "  … ({} unchanged lines)\n",
                run - keep_head - keep_tail
            ));
            for (tag, line) in &lines[k + run - keep_tail..k + run] {
                out.push_str(&format!("{tag} {line}\n"));
            }
            k += run;
        } else {
            let n = run.max(1);
            for (tag, line) in &lines[k..k + n] {
                out.push_str(&format!("{tag} {line}\n"));
            }
            k += n;
        }
    }
    out
}

/// Checks (or, with `update`, regenerates) every entry. Returns the Markdown with the rust
/// blocks that differ replaced by goxide's output, and one message per failure.
fn check(md: &str, update: bool) -> (String, Vec<String>) {
    let pairs = match parse(md) {
        Ok(pairs) => pairs,
        Err(errors) => return (md.to_string(), errors),
    };
    let mut failures = Vec::new();
    let mut replacements: Vec<(Range<usize>, String)> = Vec::new();
    for p in &pairs {
        let actual = match translate(&p.go) {
            Ok(rust) => normalize(&rust),
            Err(e) => {
                failures.push(format!(
                    "docs/patterns.md:{}: entry `{}`: {e}",
                    p.line, p.name
                ));
                continue;
            }
        };
        if normalize(&p.rust) == actual {
            continue;
        }
        if update {
            replacements.push((p.rust_range.clone(), actual));
        } else {
            failures.push(format!(
                "docs/patterns.md:{}: entry `{}`: the ```rust block differs from what goxide generates \
                 (GOXIDE_UPDATE_DOCS=1 regenerates it):\n{}",
                p.line,
                p.name,
                diff(&normalize(&p.rust), &actual)
            ));
        }
    }
    let mut updated = md.to_string();
    for (range, text) in replacements.into_iter().rev() {
        updated.replace_range(range, &text);
    }
    (updated, failures)
}

fn docs_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/patterns.md")
}

#[test]
fn docs_match_translation() {
    let path = docs_path();
    let md = std::fs::read_to_string(&path).expect("read docs/patterns.md");
    let update = std::env::var("GOXIDE_UPDATE_DOCS").is_ok_and(|v| v == "1");
    let (updated, failures) = check(&md, update);
    if update && updated != md {
        std::fs::write(&path, &updated).expect("write docs/patterns.md");
    }
    assert!(
        failures.is_empty(),
        "{} failure(s) in docs/patterns.md:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

const HELLO: &str = "package main\n\nfunc main() {\n\tprintln(1)\n}\n";

fn entry(name: &str, go: &str, rust: &str) -> String {
    format!("### {name}\n\n```go\n{go}```\n\n```rust\n{rust}```\n")
}

#[test]
fn docs_without_entries_fail() {
    let (_, failures) = check(
        "# Pattern reference\n\n| Go | Rust |\n| --- | --- |\n",
        false,
    );
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].contains("no entries"), "{failures:?}");
}

#[test]
fn go_without_rust_fails() {
    let md = format!("### lonely\n\n```go\n{HELLO}```\n\n### next\n");
    let (_, failures) = check(&md, false);
    assert!(
        failures.iter().any(|f| f.contains("entry `lonely`")),
        "{failures:?}"
    );
}

#[test]
fn go_syntax_error_fails_even_when_updating() {
    let md = entry(
        "broken",
        "package main\n\nfunc main( {\n\tprintln(1\n}\n",
        "fn main() {}\n",
    );
    for update in [false, true] {
        let (updated, failures) = check(&md, update);
        assert_eq!(updated, md);
        assert_eq!(failures.len(), 1, "{failures:?}");
        assert!(
            failures[0].contains("entry `broken`") && failures[0].contains("does not translate"),
            "{failures:?}"
        );
    }
}

#[test]
fn mismatch_names_the_entry_and_update_fixes_it() {
    let md = format!("# Title\n\n{}", entry("stale", HELLO, "fn main() {}\n"));
    let (_, failures) = check(&md, false);
    assert_eq!(failures.len(), 1, "{failures:?}");
    assert!(failures[0].contains("entry `stale`"), "{failures:?}");
    assert!(failures[0].contains("- fn main() {}"), "{failures:?}");

    let (updated, failures) = check(&md, true);
    assert!(failures.is_empty(), "{failures:?}");
    assert_ne!(updated, md);
    let (again, failures) = check(&updated, false);
    assert!(failures.is_empty(), "{failures:?}");
    assert_eq!(again, updated);
}
