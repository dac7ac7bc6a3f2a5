//! Type-checks every program of Go's test suite known to run under Go 1.19 (all valid Go) as
//! a single-file `main` package: counts the files checked without error, asserts no panics,
//! and writes the first error of each failing file to a report under /tmp.

mod common;

use goxide_ast::ast::IdGen;
use goxide_ast::SourceFile;
use goxide_types::{check_package, Config};
use std::fmt::Write as _;

/// Files that must check cleanly (raise as the checker improves).
const FLOOR: usize = 876;

#[test]
fn go_test_suite_programs_check_cleanly() {
    let list = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/corpus/go-test-run-verified.txt"
    );
    let Ok(list) = std::fs::read_to_string(list) else {
        eprintln!("corpus list not found; skipping");
        return;
    };
    let handle = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || run(&list))
        .expect("spawn");
    let (clean, panics, total, missing) = handle.join().expect("corpus thread");
    assert_eq!(
        missing, 0,
        "expressions without recorded types: see /tmp/goxide-types-untyped.txt"
    );
    eprintln!("corpus: {clean}/{total} clean, {panics} panics");
    assert_eq!(panics, 0, "the checker panicked");
    assert!(clean >= FLOOR, "only {clean} clean files (floor {FLOOR})");
}

fn run(list: &str) -> (usize, usize, usize, usize) {
    let mut importer = common::GorootImporter::default();
    let config = Config {
        go_version: (1, 19),
    };
    let (mut clean, mut panics, mut total) = (0, 0, 0);
    let mut report = String::new();
    let mut missing = String::new();
    let mut missing_count = 0usize;
    for rel in list.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let path = format!("{}/test/{rel}", common::GOROOT);
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        total += 1;
        let mut ids = IdGen::new();
        let (file, _) = goxide_parser::parse_file(rel, &text, &mut ids);
        let files = vec![(SourceFile::new(rel, text), file)];
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check_package("main", &files, &mut importer, &config)
        }));
        match r {
            Ok(c) => {
                let errs: Vec<_> = c.diagnostics.iter().filter(|d| d.is_error()).collect();
                match errs.first() {
                    None => {
                        clean += 1;
                        // Every expression of a clean file must have a recorded type.
                        for e in untyped_exprs(&files[0].1, &c.info) {
                            let text = files[0]
                                .0
                                .snippet(e.span)
                                .chars()
                                .take(60)
                                .collect::<String>();
                            let lc = files[0].0.line_col(e.span.start);
                            let _ = writeln!(
                                missing,
                                "{rel}:{}:{}: no type for {text:?}",
                                lc.line, lc.col
                            );
                            missing_count += 1;
                        }
                    }
                    Some(d) => {
                        let _ = writeln!(report, "{d}");
                    }
                }
            }
            Err(_) => {
                panics += 1;
                let _ = writeln!(report, "{rel}: PANIC");
            }
        }
    }
    let _ = std::fs::write("/tmp/goxide-types-corpus.txt", report);
    let _ = std::fs::write("/tmp/goxide-types-untyped.txt", missing);
    eprintln!("expressions without a recorded type in clean files: {missing_count}");
    (clean, panics, total, missing_count)
}

struct Collect<'a> {
    info: &'a goxide_types::Info,
    out: Vec<goxide_ast::ast::Expr>,
}

impl goxide_ast::visit::Visitor for Collect<'_> {
    fn expr(&mut self, e: &goxide_ast::ast::Expr) -> bool {
        if !self.info.types.contains_key(&e.id) {
            self.out.push(e.clone());
        }
        true
    }
}

fn untyped_exprs(
    f: &goxide_ast::ast::File,
    info: &goxide_types::Info,
) -> Vec<goxide_ast::ast::Expr> {
    let mut c = Collect {
        info,
        out: Vec::new(),
    };
    for d in &f.decls {
        match &d.kind {
            goxide_ast::ast::DeclKind::Func(fd) => {
                if let Some(b) = &fd.body {
                    goxide_ast::visit::walk_block(&mut c, b);
                }
            }
            _ => goxide_ast::visit::walk_decl(&mut c, d),
        }
    }
    c.out
}
