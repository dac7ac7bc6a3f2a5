//! goxide's conformance runner over Go's own test suite.
//!
//! `cargo run --release -p conformance -- [--filter SUBSTR] [--no-build] [--update]`
//!
//! 1. reads the `// run` tests of `../shared/corpus/go-test-run-verified.txt` (`list`);
//! 2. translates each one in-process with Go 1.19 semantics, in parallel, each under
//!    `catch_unwind` and a time limit, writing crates to `work/crates/<name>` (`translate`);
//! 3. builds all the crates as one Cargo workspace in `work/` (`build`);
//! 4. runs each binary with a time limit and compares what it prints with `X.out` (`run`);
//! 5. writes `snapshots/go-test-suite.snap`, and fails when a test that passed before no longer
//!    passes (unless `--update`) or when goxide panicked (`snapshot`). The tests of `flaky.txt`
//!    (outcomes that vary with the machine, e.g. memory measurements) never count as regressions.
//!
//! Right after translating, an unfiltered run also writes `snapshots/report.snap`: the report's
//! totals (ownership, markers, wrappers, `unsafe`) over the translated programs and `examples/`
//! (`tally`), and `work/shared-declarations.tsv`, every declaration kept shared with its reason;
//! the run fails when an item holding a shared cell lacks its ownership marker.
//!
//! `--filter` runs only the tests whose path contains the text (or one of several texts
//! separated by `,` or `|`), and leaves the snapshot alone;
//! `--no-build` stops after translating. `GOXIDE_SHARED` and `GOXIDE_GO_TEST_DIR` override where
//! the test list and Go's test directory are.

mod build;
mod list;
mod run;
mod snapshot;
mod tally;
mod translate;

use list::Dirs;
use rayon::prelude::*;
use snapshot::{Outcome, Reason, Summary};
use std::collections::BTreeSet;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: conformance [--filter SUBSTR] [--no-build] [--update]";

#[derive(Default)]
struct Args {
    filter: Option<String>,
    no_build: bool,
    update: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--filter" => args.filter = Some(it.next().ok_or(USAGE)?),
            "--no-build" => args.no_build = true,
            "--update" => args.update = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            _ => match a.strip_prefix("--filter=") {
                Some(f) => args.filter = Some(f.to_string()),
                None => return Err(format!("unknown argument `{a}`\n{USAGE}")),
            },
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    match conformance() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("conformance: error: {e}");
            ExitCode::from(2)
        }
    }
}

fn conformance() -> Result<ExitCode, String> {
    let args = parse_args()?;
    let dirs = Dirs::locate()?;
    let (tests, listed) = list::read_tests(&dirs, args.filter.as_deref())?;
    let work = dirs.work();
    let crates_dir = work.join("crates");
    let previous = translate::Previous::read(&crates_dir);
    if crates_dir.exists() {
        std::fs::remove_dir_all(&crates_dir)
            .map_err(|e| format!("{}: {e}", crates_dir.display()))?;
    }
    std::fs::create_dir_all(&crates_dir).map_err(|e| format!("{}: {e}", crates_dir.display()))?;

    let start = Instant::now();
    translate::install_panic_hook();
    let translated = translate::translate_all(&tests, &crates_dir, &previous);
    drop(previous);
    let members: Vec<String> = tests
        .iter()
        .zip(&translated)
        .filter(|(_, t)| matches!(t, translate::Translated::Crate { .. }))
        .map(|(t, _)| t.name.clone())
        .collect();
    eprintln!(
        "conformance: translated {} tests into {} crates in {:.1} s",
        tests.len(),
        members.len(),
        start.elapsed().as_secs_f64()
    );
    let mut unmarked = 0;
    if args.filter.is_none() {
        unmarked = write_tally(&dirs, &translated)?;
    }
    if args.no_build {
        return Ok(with_markers(
            translation_only(&tests, &translated),
            unmarked,
        ));
    }

    let start = Instant::now();
    let built = build::build_all(&work, &members, build::TIME_LIMIT)?;
    eprintln!(
        "conformance: built {} of {} crates in {:.1} s{}",
        built.executables.len(),
        members.len(),
        start.elapsed().as_secs_f64(),
        if built.timed_out {
            " (stopped at the time limit)"
        } else {
            ""
        }
    );

    let start = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(run::WORKERS)
        .build()
        .map_err(|e| format!("thread pool: {e}"))?;
    let results: Vec<(String, Outcome)> = pool.install(|| {
        tests
            .par_iter()
            .zip(&translated)
            .map(|(test, tr)| {
                let outcome = match tr {
                    translate::Translated::Failed(o) => o.clone(),
                    translate::Translated::Crate { incomplete, .. } => {
                        match built.executables.get(&test.name) {
                            None => Outcome::fail(Reason::Build, built.failure(&test.name)),
                            Some(exe) => match run::run_binary(
                                exe,
                                &crates_dir.join(&test.name),
                                run::TIME_LIMIT,
                            ) {
                                Ok(ran) => run::judge(&ran, &test.expected, *incomplete),
                                Err(e) => Outcome::fail(Reason::Run, e),
                            },
                        }
                    }
                };
                (test.path.clone(), outcome)
            })
            .collect()
    });
    eprintln!(
        "conformance: ran {} binaries in {:.1} s",
        built.executables.len(),
        start.elapsed().as_secs_f64()
    );

    let with_output: BTreeSet<String> = tests
        .iter()
        .filter(|t| !t.expected.is_empty())
        .map(|t| t.path.clone())
        .collect();
    let summary = Summary {
        results: &results,
        with_output: &with_output,
    };
    Ok(with_markers(
        conclude(&dirs, &args, &summary, listed),
        unmarked,
    ))
}

/// The tests of `flaky.txt`, whose outcome varies from run to run with the machine: a failure
/// of one of them is no regression.
fn flaky_tests() -> std::collections::HashSet<&'static str> {
    include_str!("../flaky.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
        .collect()
}

/// Prints the summary, regressions and new passes; writes the snapshot; gives the exit status.
fn conclude(dirs: &Dirs, args: &Args, summary: &Summary, listed: usize) -> ExitCode {
    let snapshot_path = dirs.snapshot();
    let previous = std::fs::read_to_string(&snapshot_path)
        .map(|s| snapshot::parse_passes(&s))
        .unwrap_or_default();
    let mut regressions = Vec::new();
    let mut new_passes = Vec::new();
    let flaky = flaky_tests();
    for (path, outcome) in summary.results {
        match outcome {
            Outcome::Pass if !previous.contains(path) => new_passes.push(path),
            Outcome::Fail { reason, detail } if previous.contains(path) => {
                let line = format!("{path} ({}: {detail})", reason.as_str());
                if flaky.contains(path.as_str()) {
                    eprintln!("flaky (not a regression): {line}");
                } else {
                    regressions.push(line)
                }
            }
            _ => {}
        }
    }
    regressions.sort();
    new_passes.sort();
    let panics = summary.count(Reason::TranslatePanic);

    for reason in Reason::ALL {
        let n = summary.count(reason);
        if n > 0 {
            eprintln!("  fail {:<18} {n}", reason.as_str());
        }
    }
    for (path, outcome) in summary.results {
        if let Outcome::Fail {
            reason: Reason::TranslatePanic,
            detail,
        } = outcome
        {
            eprintln!("goxide panicked on {path}: {detail}");
        }
    }
    for p in &new_passes {
        eprintln!("new pass: {p}");
    }
    for r in &regressions {
        eprintln!("REGRESSION: {r}");
    }

    if args.filter.is_some() {
        // The filtered results, for a look at why each test failed.
        let _ = write_file(&dirs.work().join("filtered.snap"), &summary.render());
        eprintln!("conformance: --filter given; the snapshot is left as it is");
    } else if regressions.is_empty() || args.update {
        if let Err(e) = write_file(&snapshot_path, &summary.render()) {
            eprintln!("conformance: error: {e}");
            return ExitCode::from(2);
        }
        let _ = std::fs::remove_file(snapshot_path.with_extension("snap.new"));
    } else {
        let new = snapshot_path.with_extension("snap.new");
        let _ = write_file(&new, &summary.render());
        eprintln!(
            "conformance: regressions; the snapshot is left as it is and the new one written to {} \
             (rerun with --update to accept them)",
            new.display()
        );
    }
    let denominator = if args.filter.is_some() {
        summary.results.len()
    } else {
        listed
    };
    println!(
        "conformance: {}/{} pass; {} regressions{}; goxide panics: {panics}",
        summary.passed(),
        denominator,
        regressions.len(),
        if args.update && !regressions.is_empty() {
            " (accepted by --update)"
        } else {
            ""
        }
    );
    if (!regressions.is_empty() && !args.update) || panics > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// With `--no-build`: reports what translation gave, and fails only on goxide panics.
fn translation_only(tests: &[list::Test], translated: &[translate::Translated]) -> ExitCode {
    let mut complete = 0;
    let mut panics = 0;
    for (test, tr) in tests.iter().zip(translated) {
        match tr {
            translate::Translated::Crate { incomplete, .. } => complete += usize::from(!incomplete),
            translate::Translated::Failed(Outcome::Fail { reason, detail }) => {
                if *reason == Reason::TranslatePanic {
                    panics += 1;
                    eprintln!("goxide panicked on {}: {detail}", test.path);
                }
            }
            translate::Translated::Failed(Outcome::Pass) => {}
        }
    }
    let crates = translated
        .iter()
        .filter(|t| matches!(t, translate::Translated::Crate { .. }))
        .count();
    println!(
        "conformance: --no-build: {crates}/{} translated to a crate ({complete} complete); goxide panics: {panics}",
        tests.len()
    );
    if panics > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Writes `snapshots/report.snap`: the tallies of what goxide wrote for the conformance programs
/// and for `examples/`.
/// Fails the run when an item holding a shared cell lacks its ownership marker.
fn with_markers(code: ExitCode, unmarked: usize) -> ExitCode {
    if unmarked == 0 {
        return code;
    }
    eprintln!(
        "conformance: {unmarked} items hold a shared cell without an ownership marker (listed \
         in snapshots/report.snap)"
    );
    ExitCode::FAILURE
}

/// Returns how many items holding a shared cell lack an ownership marker.
fn write_tally(dirs: &Dirs, translated: &[translate::Translated]) -> Result<usize, String> {
    let mut programs = tally::Tally::default();
    for tr in translated {
        if let translate::Translated::Crate { tally, .. } = tr {
            programs.add(tally);
        }
    }
    let examples = tally::examples(&dirs.conformance.join("../../examples"));
    let mut all = programs.clone();
    all.add(&examples);
    let mut text = String::from(
        "# goxide report totals (from `goxide translate --report json`), regenerated by every\n\
         # unfiltered conformance run: the Go 1.19 test-suite programs that translated to a crate,\n\
         # and examples/.\n\n",
    );
    programs.render("conformance programs", &mut text);
    text.push('\n');
    examples.render("examples", &mut text);
    text.push('\n');
    all.render("both", &mut text);
    eprintln!(
        "conformance: declarations not shared: {:.1}% (conformance {:.1}%, examples {:.1}%)",
        all.non_shared_percent(),
        programs.non_shared_percent(),
        examples.non_shared_percent()
    );
    // Every shared declaration, for a look at what is kept shared and why (not checked in).
    let _ = write_file(
        &dirs.work().join("shared-declarations.tsv"),
        &(all.shared_lines.join("\n") + "\n"),
    );
    write_file(&dirs.conformance.join("snapshots/report.snap"), &text)?;
    Ok(all.unmarked_cell_items.len())
}

fn write_file(path: &std::path::Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
