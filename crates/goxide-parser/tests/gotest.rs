//! Go's own test suite (/usr/share/go-1.19/test): every file goes through `parse_file` without
//! a panic, and the files known to be valid Go parse without error diagnostics.

use goxide_ast::ast::IdGen;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

const ROOT: &str = "/usr/share/go-1.19/test";
const VERIFIED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/go-test-run-verified.txt"
);

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
}

fn read(p: &Path) -> Option<String> {
    Some(String::from_utf8_lossy(&std::fs::read(p).ok()?).into_owned())
}

#[test]
fn every_go_test_file_parses_without_panic() {
    let root = Path::new(ROOT);
    assert!(
        root.is_dir(),
        "{ROOT} is missing: install it with `apt-get install golang-1.19-src`"
    );
    let mut files = Vec::new();
    go_files(root, &mut files);
    let panics: Vec<String> = files
        .par_iter()
        .filter_map(|p| {
            let text = read(p)?;
            let path = p.display().to_string();
            let r = std::panic::catch_unwind(|| {
                let mut ids = IdGen::new();
                goxide_parser::parse_file(&path, &text, &mut ids)
            });
            r.is_err().then_some(path)
        })
        .collect();
    println!(
        "go test suite: {} files, {} panics",
        files.len(),
        panics.len()
    );
    assert!(
        files.len() > 1000,
        "expected the Go test suite, found {} files",
        files.len()
    );
    assert!(panics.is_empty(), "panics on: {panics:?}");
}

#[test]
fn verified_go_test_files_parse_without_errors() {
    let list =
        std::fs::read_to_string(VERIFIED).unwrap_or_else(|e| panic!("cannot read {VERIFIED}: {e}"));
    let names: Vec<&str> = list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let failures: Vec<String> = names
        .par_iter()
        .filter_map(|name| {
            let p = Path::new(ROOT).join(name);
            let Some(text) = read(&p) else {
                return Some(format!("{name}: cannot read"));
            };
            let mut ids = IdGen::new();
            let (_, diags) = goxide_parser::parse_file(name, &text, &mut ids);
            let errs: Vec<String> = diags
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.render())
                .collect();
            (!errs.is_empty()).then(|| errs.join("\n"))
        })
        .collect();
    println!(
        "verified go tests: {} files, {} with errors",
        names.len(),
        failures.len()
    );
    for f in &failures {
        println!("{f}");
    }
    assert!(
        names.len() > 100,
        "expected the verified list, found {} names",
        names.len()
    );
    assert!(
        failures.is_empty(),
        "{} verified files had syntax errors",
        failures.len()
    );
}
