//! Every non-testdata `.go` file of the Go 1.19 standard library lowers with no error
//! diagnostic and no panic.

use goxide_ast::ast::IdGen;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

const ROOT: &str = "/usr/share/go-1.19/src";

fn go_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "testdata") {
                continue;
            }
            go_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
}

#[test]
fn stdlib_parses_without_errors() {
    let root = Path::new(ROOT);
    assert!(
        root.is_dir(),
        "{ROOT} is missing: install the Go 1.19 sources with `apt-get install golang-1.19-src`"
    );
    let mut files = Vec::new();
    go_files(root, &mut files);
    files.sort();
    let failures: Vec<String> = files
        .par_iter()
        .filter_map(|p| {
            let text = String::from_utf8_lossy(&std::fs::read(p).ok()?).into_owned();
            let path = p.display().to_string();
            let mut ids = IdGen::new();
            let (_, diags) = goxide_parser::parse_file(&path, &text, &mut ids);
            let errs: Vec<String> = diags
                .iter()
                .filter(|d| d.is_error())
                .map(|d| d.render())
                .collect();
            (!errs.is_empty()).then(|| errs.join("\n"))
        })
        .collect();
    println!(
        "stdlib: {} files parsed, {} with errors",
        files.len(),
        failures.len()
    );
    for f in failures.iter().take(30) {
        println!("{f}");
    }
    assert!(
        files.len() >= 4700,
        "expected at least 4,700 files, found {}",
        files.len()
    );
    assert!(
        failures.is_empty(),
        "{} files had syntax errors",
        failures.len()
    );
}
