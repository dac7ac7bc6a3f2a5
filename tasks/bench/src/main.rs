//! `cargo run --release -p bench -- typecheck`: loads, parses and type-checks (function bodies
//! included) every standard-library package of `shared/corpus/std-packages-linux-amd64.txt`,
//! and times `gofmt -l` over exactly the same files (the packages' non-test files for
//! linux/amd64), printing both wall times and their ratio (goal: at most 1.5× gofmt), then both
//! CPU times and their ratio (steadier than wall times when other processes share the cores).
//!
//! Both run on all cores (gofmt formats files concurrently; goxide parses all packages in
//! parallel, then checks them in parallel, largest first, parsing each package once). goxide
//! also parses the packages the corpus imports from outside it (the vendored golang.org/x
//! packages, about 1.3 MB), which gofmt is not given. Each is run a few times after an untimed
//! warm-up; the fastest run counts.

// The GOROOT loader (build constraints for linux/amd64) and the shared importer of the type
// checker's tests.
#[path = "../../../crates/goxide-types/tests/common/mod.rs"]
mod common;

use goxide_types::{check_package, Config};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/corpus/std-packages-linux-amd64.txt"
);
const GOFMT: &str = "/usr/lib/go-1.19/bin/gofmt";
const RUNS: usize = 3;

struct Run {
    elapsed: Duration,
    /// CPU time (user + system) of the run, where the system tells it.
    cpu: Option<f64>,
    files: Vec<String>,
    errors: usize,
    panics: usize,
}

/// Total size of the `.go` files (tests excluded) in `$GOROOT/src/<path>`: the checking cost of
/// a package grows with it.
fn source_bytes(path: &str) -> u64 {
    let dir = format!("{}/src/{path}", common::GOROOT);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name();
            let n = n.to_string_lossy();
            n.ends_with(".go") && !n.ends_with("_test.go")
        })
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// Loads, parses and checks every package with a fresh importer cache: first every package and
/// everything they import is parsed, then the packages are checked. Both phases start packages
/// largest first (so that one big package does not run alone at the end); results stay in
/// corpus order.
fn typecheck(pkgs: &[String]) -> Run {
    let cpu0 = cpu_times();
    let start = Instant::now();
    let importer = &common::SharedGorootImporter::default();
    let mut order: Vec<usize> = (0..pkgs.len()).collect();
    let sizes: Vec<u64> = pkgs.iter().map(|p| source_bytes(p)).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(sizes[i]));
    parse_all(pkgs, &order, importer);
    let mut results = common::par_map(pkgs.len(), common::threads(), |j| {
        let i = order[j];
        let Some(files) = importer.parsed(&pkgs[i]) else {
            return (Vec::new(), 0, 0);
        };
        let mut imp = importer.clone();
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check_package(
                &pkgs[i],
                &files,
                &mut imp,
                &Config {
                    go_version: (1, 19),
                },
            )
        }));
        let paths = files.iter().map(|(sf, _)| sf.path.clone()).collect();
        match r {
            Ok(c) => (paths, c.diagnostics.len(), 0),
            Err(_) => (paths, 0, 1),
        }
    });
    let elapsed = start.elapsed();
    let cpu = cpu_times().zip(cpu0).map(|(b, a)| b.own - a.own);
    let mut by_pkg: Vec<usize> = vec![0; pkgs.len()];
    for (j, &i) in order.iter().enumerate() {
        by_pkg[i] = j;
    }
    let results: Vec<_> = by_pkg
        .iter()
        .map(|&j| std::mem::take(&mut results[j]))
        .collect();
    let mut run = Run {
        elapsed,
        cpu,
        files: Vec::new(),
        errors: 0,
        panics: 0,
    };
    for (paths, errors, panics) in results {
        run.files.extend(paths);
        run.errors += errors;
        run.panics += panics;
    }
    run
}

/// Parses every package of `pkgs` (in `order`), and then the packages they import, on all
/// threads, into `importer`'s cache: checking then never waits for a parse on another thread.
fn parse_all(pkgs: &[String], order: &[usize], importer: &common::SharedGorootImporter) {
    let mut seen: std::collections::HashSet<String> = pkgs.iter().cloned().collect();
    let mut round: Vec<String> = order.iter().map(|&i| pkgs[i].clone()).collect();
    while !round.is_empty() {
        let parsed = common::par_map(round.len(), common::threads(), |i| {
            importer.parsed(&round[i])
        });
        let mut next = Vec::new();
        for files in parsed.iter().flatten() {
            for (_, f) in files.iter() {
                for imp in &f.imports {
                    if seen.insert(imp.path.clone()) {
                        next.push(imp.path.clone());
                    }
                }
            }
        }
        round = next;
    }
}

/// CPU seconds (user + system) used so far by this process and by its waited-for children,
/// from `/proc/self/stat` (Linux; `None` elsewhere).
#[derive(Clone, Copy)]
struct CpuTimes {
    own: f64,
    children: f64,
}

fn cpu_times() -> Option<CpuTimes> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesized command name; utime is field 14 of the whole line.
    let f: Vec<f64> = stat
        .rsplit_once(')')?
        .1
        .split_whitespace()
        .skip(11)
        .take(4)
        .map(|x| x.parse::<f64>().ok())
        .collect::<Option<_>>()?;
    // Clock ticks are 1/100 s on Linux.
    Some(CpuTimes {
        own: (f.first()? + f.get(1)?) / 100.0,
        children: (f.get(2)? + f.get(3)?) / 100.0,
    })
}

/// Runs `gofmt -l` over `files`: its wall time and CPU time; `None` when it cannot be run.
fn gofmt(files: &[String]) -> Option<(Duration, Option<f64>)> {
    let cpu0 = cpu_times();
    let start = Instant::now();
    let out = Command::new(GOFMT).arg("-l").args(files).output().ok()?;
    let elapsed = start.elapsed();
    let cpu = cpu_times().zip(cpu0).map(|(b, a)| b.children - a.children);
    if !out.status.success() {
        eprintln!(
            "gofmt failed: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
        return None;
    }
    Some((elapsed, cpu))
}

fn best<T>(runs: impl Iterator<Item = Option<T>>, key: impl Fn(&T) -> Duration) -> Option<T> {
    let mut best: Option<T> = None;
    for r in runs {
        let r = r?;
        if best.as_ref().is_none_or(|b| key(&r) < key(b)) {
            best = Some(r);
        }
    }
    best
}

/// The least of the runs' CPU times; `None` if any is unknown.
fn min_cpu(cpus: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    cpus.map(|c| c.filter(|c| *c > 0.0))
        .try_fold(f64::INFINITY, |m, c| Some(m.min(c?)))
        .filter(|m| m.is_finite())
}

fn typecheck_bench() -> ExitCode {
    let Ok(corpus) = std::fs::read_to_string(CORPUS) else {
        eprintln!("cannot read {CORPUS}");
        return ExitCode::FAILURE;
    };
    let pkgs: Vec<String> = corpus
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let threads = common::threads();

    // Warm-up (file cache), and the file set.
    let warm = typecheck(&pkgs);
    let files = warm.files;
    let bytes: u64 = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    println!(
        "std: {} packages, {} files, {:.1} MB (linux/amd64, non-test); {threads} threads",
        pkgs.len(),
        files.len(),
        bytes as f64 / 1e6
    );

    let runs: Vec<Run> = (0..RUNS).map(|_| typecheck(&pkgs)).collect();
    let check_cpu = min_cpu(runs.iter().map(|r| r.cpu));
    let check = best(runs.into_iter().map(Some), |r| r.elapsed).expect("typecheck runs");
    println!(
        "goxide-types (load + parse + check, bodies included): {:>8.3} s  ({} errors, {} panics)",
        check.elapsed.as_secs_f64(),
        check.errors,
        check.panics
    );

    if !std::path::Path::new(GOFMT).exists() {
        println!("gofmt: {GOFMT} is not installed; no ratio");
        return ExitCode::SUCCESS;
    }
    let _ = gofmt(&files); // warm-up
    let fmt_runs: Vec<_> = (0..RUNS).map(|_| gofmt(&files)).collect();
    let fmt_cpu = min_cpu(fmt_runs.iter().map(|r| r.and_then(|r| r.1)));
    let Some((fmt, _)) = best(fmt_runs.into_iter(), |d| d.0) else {
        println!("gofmt: could not run {GOFMT}; no ratio");
        return ExitCode::SUCCESS;
    };
    println!(
        "gofmt -l (same files):                                {:>8.3} s",
        fmt.as_secs_f64()
    );
    let ratio = check.elapsed.as_secs_f64() / fmt.as_secs_f64();
    println!(
        "ratio: {ratio:.2}x gofmt (goal <= 1.5x: {})",
        if ratio <= 1.5 { "met" } else { "not met" }
    );
    // CPU time is less disturbed than wall time when other processes share the cores.
    if let (Some(c), Some(f)) = (check_cpu, fmt_cpu) {
        println!(
            "cpu time (least of the runs): goxide {c:.2} s, gofmt {f:.2} s, ratio {:.2}x",
            c / f
        );
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
        Some("typecheck") => typecheck_bench(),
        _ => {
            eprintln!("usage: bench typecheck");
            ExitCode::from(2)
        }
    }
}
