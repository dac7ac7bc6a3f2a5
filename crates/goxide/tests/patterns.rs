//! Snapshot tests: one Go input per pattern family (`tests/patterns/*.go`), its Rust
//! translation reviewed as text (`tests/snapshots/`).

mod common;

use std::path::Path;

fn translate(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("read pattern input");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("x.go")
        .to_string();
    let out = common::translate_main(&name, &text, "pattern");
    assert!(
        !out.has_errors(),
        "{}: {:?}",
        path.display(),
        out.diagnostics
    );
    out.files
        .iter()
        .filter(|f| f.path.starts_with("src/") && !f.path.starts_with("src/support/"))
        .map(|f| format!("// ---- {} ----\n{}", f.path, f.contents))
        .collect()
}

#[test]
fn patterns() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/patterns");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .expect("patterns dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 8);
    for p in inputs {
        let name = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("x")
            .to_string();
        let rust = translate(&p);
        insta::with_settings!({ snapshot_suffix => name.clone(), prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("pattern", rust);
        });
    }
}

#[test]
fn output_is_deterministic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/patterns/loops.go");
    assert_eq!(translate(&dir), translate(&dir));
}
