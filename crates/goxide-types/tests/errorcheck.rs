//! Go's `// errorcheck` tests whose errors are semantic (`shared/corpus/errorcheck-gofmt-valid.txt`,
//! 428 files under `$GOROOT/test`): each is checked as a single-file package, never panicking, and
//! counts as detected when the checker reports an error on a line carrying a `// ERROR` comment.
//! The files listed in `errorcheck-detected.txt` must stay detected (the list may grow, never
//! shrink), and the count must stay at or above [`FLOOR`]. Newly detected files are printed, to
//! be added to the list.
//!
//! Nothing is written to the repository; the list as it would now read goes to
//! `$TMPDIR/goxide-errorcheck-detected.txt`.

mod common;

use goxide_ast::ast::IdGen;
use goxide_ast::SourceFile;
use goxide_types::{check_package, Config};
use std::collections::{BTreeSet, HashSet};
use std::fmt::Write as _;
use std::time::Instant;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/errorcheck-gofmt-valid.txt"
);
const DETECTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/errorcheck-detected.txt");

/// Files detected at the last measurement; the target is 364 (85% of 428).
const FLOOR: usize = 364;

enum Outcome {
    Detected,
    /// Missed, with the errors the checker did report (at most a few), if any.
    Missed(Vec<String>),
    Panicked(String),
    Unreadable,
}

fn check_file(importer: &common::SharedGorootImporter, rel: &str) -> Outcome {
    let path = format!("{}/test/{rel}", common::GOROOT);
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Outcome::Unreadable;
    };
    let error_lines: HashSet<u32> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains("// ERROR"))
        .map(|(i, _)| i as u32 + 1)
        .collect();
    let mut imp = importer.clone();
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut ids = IdGen::new();
        let (file, _) = goxide_parser::parse_file(&path, &text, &mut ids);
        let files = vec![(SourceFile::new(path.clone(), text.clone()), file)];
        check_package(
            "main",
            &files,
            &mut imp,
            &Config {
                go_version: (1, 19),
            },
        )
        .diagnostics
    }));
    match r {
        Ok(diags) => {
            if diags.iter().any(|d| error_lines.contains(&d.line)) {
                Outcome::Detected
            } else {
                Outcome::Missed(
                    diags
                        .iter()
                        .take(3)
                        .map(|d| format!("{}:{}: {}", d.line, d.col, d.message))
                        .collect(),
                )
            }
        }
        Err(e) => Outcome::Panicked(
            e.downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| e.downcast_ref::<&str>().copied())
                .unwrap_or("?")
                .to_string(),
        ),
    }
}

#[test]
fn errorcheck_files_are_detected() {
    let Ok(corpus) = std::fs::read_to_string(CORPUS) else {
        panic!("cannot read {CORPUS}");
    };
    let files: Vec<String> = corpus
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let expected: BTreeSet<String> = std::fs::read_to_string(DETECTED)
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(String::from)
        .collect();

    let importer = common::SharedGorootImporter::default();
    let start = Instant::now();
    let outcomes = common::par_map(files.len(), common::threads(), |i| {
        check_file(&importer, &files[i])
    });
    let elapsed = start.elapsed();

    let detected: BTreeSet<String> = files
        .iter()
        .zip(&outcomes)
        .filter(|(_, o)| matches!(o, Outcome::Detected))
        .map(|(f, _)| f.clone())
        .collect();
    let mut list = String::from(
        "# Go 1.19 errorcheck tests (shared/corpus/errorcheck-gofmt-valid.txt) where goxide-types\n\
         # reports an error on a `// ERROR` line (tests/errorcheck.rs). Sorted; must not shrink.\n",
    );
    for f in &detected {
        let _ = writeln!(list, "{f}");
    }
    list.push_str("\n# Not detected yet (errors reported elsewhere, if any):\n");
    let mut panics = String::new();
    let mut unreadable = 0;
    for (f, o) in files.iter().zip(&outcomes) {
        match o {
            Outcome::Detected => {}
            Outcome::Missed(errs) if errs.is_empty() => {
                let _ = writeln!(list, "# {f}: no error");
            }
            Outcome::Missed(errs) => {
                let _ = writeln!(list, "# {f}: {}", errs.join("; "));
            }
            Outcome::Panicked(m) => {
                let _ = writeln!(list, "# {f}: checker panicked: {m}");
                let _ = writeln!(panics, "  {f}: {m}");
            }
            Outcome::Unreadable => unreadable += 1,
        }
    }
    let out = std::env::temp_dir().join("goxide-errorcheck-detected.txt");
    let _ = std::fs::write(&out, &list);

    eprintln!(
        "errorcheck: {}/{} files detected in {:.1}s ({} threads; floor {FLOOR}, target 364)",
        detected.len(),
        files.len(),
        elapsed.as_secs_f64(),
        common::threads()
    );
    let newly: Vec<&String> = detected.difference(&expected).collect();
    if !newly.is_empty() {
        eprintln!(
            "newly detected, please add to tests/errorcheck-detected.txt (full list in {}): {newly:?}",
            out.display()
        );
    }
    assert_eq!(unreadable, 0, "cannot read some files of {CORPUS}");
    assert!(panics.is_empty(), "the checker panicked on:\n{panics}");
    let lost: Vec<&String> = expected.difference(&detected).collect();
    assert!(
        lost.is_empty(),
        "files listed in tests/errorcheck-detected.txt are no longer detected: {lost:?}"
    );
    assert!(
        detected.len() >= FLOOR,
        "{} files detected, fewer than the floor {FLOOR}",
        detected.len()
    );
}
