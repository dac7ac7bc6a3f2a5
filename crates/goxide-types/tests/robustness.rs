//! Robustness sweeps (ignored by default; they take a while):
//! - every `.go` file under Go's `test/` directory (valid or deliberately invalid) is checked
//!   as a single-file package without a panic;
//! - standard-library packages checked as the target package (bodies included) report no
//!   errors (they are valid Go).

mod common;

use goxide_ast::ast::IdGen;
use goxide_ast::SourceFile;
use goxide_types::{check_package, Config};
use std::fmt::Write as _;

fn go_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            go_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "go") {
            out.push(p);
        }
    }
}

#[test]
#[ignore]
fn no_panics_on_go_test_directory() {
    let h = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(|| {
            let mut files = Vec::new();
            go_files(
                std::path::Path::new(&format!("{}/test", common::GOROOT)),
                &mut files,
            );
            let mut importer = common::GorootImporter::default();
            let mut panics = Vec::new();
            for p in &files {
                let Ok(text) = std::fs::read_to_string(p) else {
                    continue;
                };
                let name = p.display().to_string();
                if std::env::var("GOXIDE_TRACE").is_ok() {
                    eprintln!("{name}");
                }
                let mut ids = IdGen::new();
                let (file, _) = goxide_parser::parse_file(&name, &text, &mut ids);
                let files = vec![(SourceFile::new(name.clone(), text), file)];
                let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    check_package("main", &files, &mut importer, &Config::default())
                }));
                if r.is_err() {
                    panics.push(name);
                }
            }
            (files.len(), panics)
        })
        .expect("spawn");
    let (n, panics) = h.join().expect("join");
    eprintln!("{n} files, {} panics: {panics:?}", panics.len());
    assert!(panics.is_empty());
}

#[test]
#[ignore]
fn standard_library_packages_check_cleanly() {
    let pkgs = std::env::var("GOXIDE_PKGS").unwrap_or_else(|_| {
        "errors strings strconv bytes sort unicode/utf8 math fmt io bufio os time sync container/list \
         encoding/binary encoding/json regexp path/filepath text/template flag"
            .to_string()
    });
    let pkgs: Vec<String> = pkgs.split_whitespace().map(String::from).collect();
    let h = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || {
            let mut importer = common::GorootImporter::default();
            let mut report = String::new();
            let mut clean = 0;
            for p in &pkgs {
                let Some(files) = common::load_goroot_package(p) else {
                    continue;
                };
                let c = check_package(
                    p,
                    &files,
                    &mut importer,
                    &Config {
                        go_version: (1, 19),
                    },
                );
                if c.diagnostics.is_empty() {
                    clean += 1;
                }
                for d in c.diagnostics.iter().take(5) {
                    let _ = writeln!(report, "{p}: {d}");
                }
            }
            let _ = std::fs::write("/tmp/goxide-types-stdlib.txt", &report);
            (clean, pkgs.len(), report)
        })
        .expect("spawn");
    let (clean, n, report) = h.join().expect("join");
    eprintln!("{clean}/{n} packages clean\n{report}");
}

/// Reports how many of Go's `// errorcheck` programs get at least one error, and how many
/// `// ERROR` lines get an error on that line (a measure of detection, not asserted).
#[test]
#[ignore]
fn errorcheck_detection() {
    let h = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(|| {
            let mut files = Vec::new();
            go_files(
                std::path::Path::new(&format!("{}/test", common::GOROOT)),
                &mut files,
            );
            let mut importer = common::GorootImporter::default();
            let (mut n, mut flagged, mut lines, mut hit) = (0, 0, 0, 0);
            let mut missed = String::new();
            for p in &files {
                let Ok(text) = std::fs::read_to_string(p) else {
                    continue;
                };
                if !text.starts_with("// errorcheck\n") {
                    continue;
                }
                n += 1;
                let name = p.display().to_string();
                let mut ids = IdGen::new();
                let (file, perrs) = goxide_parser::parse_file(&name, &text, &mut ids);
                let files = vec![(SourceFile::new(name.clone(), text.clone()), file)];
                let c = check_package(
                    "main",
                    &files,
                    &mut importer,
                    &Config {
                        go_version: (1, 19),
                    },
                );
                let err_lines: std::collections::HashSet<u32> =
                    c.diagnostics.iter().chain(&perrs).map(|d| d.line).collect();
                if !err_lines.is_empty() {
                    flagged += 1;
                }
                for (i, l) in text.lines().enumerate() {
                    if l.contains("// ERROR") && !l.contains("GC_ERROR") {
                        lines += 1;
                        if err_lines.contains(&(i as u32 + 1)) {
                            hit += 1;
                        } else {
                            let _ = writeln!(missed, "{name}:{}: {}", i + 1, l.trim());
                        }
                    }
                }
            }
            let _ = std::fs::write("/tmp/goxide-types-errorcheck-missed.txt", missed);
            (n, flagged, lines, hit)
        })
        .expect("spawn");
    let (n, flagged, lines, hit) = h.join().expect("join");
    eprintln!("errorcheck: {flagged}/{n} files with an error; {hit}/{lines} ERROR lines hit");
}
