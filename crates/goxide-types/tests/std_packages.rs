//! Every standard-library package of `shared/corpus/std-packages-linux-amd64.txt` is checked as
//! the target package (function bodies included; linux/amd64, cgo off, non-test files). The
//! packages listed in `std-clean-packages.txt` must check with no error: that list may grow but
//! never shrink. Packages that became clean are printed, to be added to the list.
//!
//! The sweep runs on all cores and shares one cache of parsed imported packages between them.
//! It writes nothing to the repository; the list it would write goes to
//! `$TMPDIR/goxide-std-clean-packages.txt`.

mod common;

use goxide_types::{check_package, Config};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::time::Instant;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/std-packages-linux-amd64.txt"
);
const CLEAN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/std-clean-packages.txt");

/// The packages' paths, and for each either `None` (clean) or its first error.
fn check_all(pkgs: &[String]) -> Vec<Option<String>> {
    let importer = common::SharedGorootImporter::default();
    common::par_map(pkgs.len(), common::threads(), |i| {
        let path = &pkgs[i];
        let Some(files) = importer.parsed(path) else {
            return Some(format!("no Go files in {}/src/{path}", common::GOROOT));
        };
        let mut imp = importer.clone();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check_package(
                path,
                &files,
                &mut imp,
                &Config {
                    go_version: (1, 19),
                },
            )
        }));
        match r {
            Ok(c) => c.diagnostics.first().map(|d| {
                let file = d.file.rsplit('/').next().unwrap_or(&d.file);
                format!("{file}:{}:{}: {}", d.line, d.col, d.message)
            }),
            Err(e) => Some(format!(
                "checker panicked: {}",
                e.downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| e.downcast_ref::<&str>().copied())
                    .unwrap_or("?")
            )),
        }
    })
}

#[test]
fn std_packages_check_cleanly() {
    let Ok(corpus) = std::fs::read_to_string(CORPUS) else {
        panic!("cannot read {CORPUS}");
    };
    if !std::path::Path::new(common::GOROOT).join("src").is_dir() {
        panic!("no Go 1.19 sources at {}", common::GOROOT);
    }
    let pkgs: Vec<String> = corpus
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let expected: BTreeSet<String> = std::fs::read_to_string(CLEAN)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();

    let start = Instant::now();
    let results = check_all(&pkgs);
    let elapsed = start.elapsed();

    let clean: BTreeSet<String> = pkgs
        .iter()
        .zip(&results)
        .filter(|(_, r)| r.is_none())
        .map(|(p, _)| p.clone())
        .collect();

    // The list as it should now read.
    let mut list = String::from(
        "# Standard-library packages (linux/amd64) that goxide-types checks with no error\n\
         # (tests/std_packages.rs). One import path per line, sorted; the list must not shrink.\n",
    );
    for p in &clean {
        let _ = writeln!(list, "{p}");
    }
    list.push_str("\n# Not clean yet (first error):\n");
    if clean.len() == pkgs.len() {
        list.push_str("# (none)\n");
    }
    for (p, r) in pkgs.iter().zip(&results) {
        if let Some(e) = r {
            let _ = writeln!(list, "# {p}: {e}");
        }
    }
    let out = std::env::temp_dir().join("goxide-std-clean-packages.txt");
    let _ = std::fs::write(&out, &list);

    eprintln!(
        "{}/{} standard-library packages clean in {:.1}s ({} threads)",
        clean.len(),
        pkgs.len(),
        elapsed.as_secs_f64(),
        common::threads()
    );
    let newly: Vec<&String> = clean.difference(&expected).collect();
    if !newly.is_empty() {
        eprintln!(
            "newly clean, please add to tests/std-clean-packages.txt (full list in {}): {newly:?}",
            out.display()
        );
    }
    let mut regressions = String::new();
    for (p, r) in pkgs.iter().zip(&results) {
        if let (true, Some(e)) = (expected.contains(p), r) {
            let _ = writeln!(regressions, "  {p}: {e}");
        }
    }
    for p in expected.iter().filter(|p| !pkgs.contains(p)) {
        let _ = writeln!(regressions, "  {p}: not in {CORPUS}");
    }
    assert!(
        regressions.is_empty(),
        "packages listed as clean in tests/std-clean-packages.txt now report errors:\n{regressions}"
    );
}
