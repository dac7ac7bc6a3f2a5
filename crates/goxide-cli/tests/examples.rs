//! Every program in `examples/` translates completely, builds, and prints exactly what Go
//! prints.
//!
//! Each `examples/<name>/` directory is translated with `goxide translate --go 1.19` into
//! `<run>/crates/<name>` (an example that needs newer Go has a `go.mod`, and is translated as
//! that module's root: its `go` directive wins over `--go`); all translated crates are then built at once as members of one
//! Cargo workspace (`cargo build --workspace --keep-going`), and every binary is run with a
//! time limit and compared against the expected files:
//!
//! - `expected_output.txt`: exact stdout;
//! - `expected_stderr.txt` (optional): exact stderr;
//! - `expected_panic.txt` (optional): the program must exit with status 2 and the first
//!   stderr line starting with `panic:` (or `fatal error:`, Go's report of a deadlock) must
//!   equal this file's line; without it the program must exit 0.
//!
//! All failures are collected and reported together. On failure the run directory is kept
//! (its path is printed) so the translated crates can be inspected. Compiled dependencies are
//! cached in `examples-target` under Cargo's test tmpdir, shared by successive runs.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const MIN_EXAMPLES: usize = 30;
const RUN_LIMIT: Duration = Duration::from_secs(10);

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .canonicalize()
        .expect("examples/ directory not found")
}

/// The example directories, sorted by name.
fn examples() -> Vec<(String, PathBuf)> {
    let mut out: Vec<(String, PathBuf)> = fs::read_dir(examples_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), p))
        .collect();
    out.sort();
    out
}

#[test]
fn examples_are_well_formed() {
    let all = examples();
    assert!(
        all.len() >= MIN_EXAMPLES,
        "expected at least {MIN_EXAMPLES} examples, found {}",
        all.len()
    );
    for (name, dir) in &all {
        assert!(
            name.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "example directory name {name:?} must be snake_case"
        );
        let main = fs::read_to_string(dir.join("main.go"))
            .unwrap_or_else(|e| panic!("{name}: cannot read main.go: {e}"));
        assert!(
            main.lines().any(|l| l == "package main"),
            "{name}: main.go must be package main"
        );
        assert!(
            dir.join("expected_output.txt").is_file(),
            "{name}: missing expected_output.txt"
        );
        if let Ok(go_mod) = fs::read_to_string(dir.join("go.mod")) {
            // A module root: its `go` directive, not `--go 1.19`, says which Go's rules apply.
            assert!(
                go_mod.lines().any(|l| l.starts_with("module "))
                    && go_mod.lines().any(|l| l.starts_with("go 1.")),
                "{name}: go.mod must have a module line and a go directive"
            );
        }
        if let Ok(panic) = fs::read_to_string(dir.join("expected_panic.txt")) {
            assert!(
                (panic.starts_with("panic:") || panic.starts_with("fatal error:"))
                    && panic.trim_end().lines().count() == 1,
                "{name}: expected_panic.txt must hold exactly one `panic:` or `fatal error:` line"
            );
        }
    }
}

/// What went wrong with one example.
struct Failure {
    example: String,
    stage: &'static str,
    detail: String,
}

/// Names listed in examples/known_failures.txt (`name: reason` lines; `#` comments).
fn known_failures() -> BTreeSet<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/known_failures.txt");
    let text = fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split(':').next())
        .map(|n| n.trim().to_string())
        .collect()
}

/// Whether an example starts goroutines (`go f(…)`, `go func() {…}()`).
fn uses_goroutines(dir: &Path) -> bool {
    fs::read_to_string(dir.join("main.go")).is_ok_and(|src| {
        src.lines().any(|l| {
            let l = l.trim_start();
            l.starts_with("go ") && l[3..].starts_with(|c: char| c.is_ascii_alphabetic())
        })
    })
}

#[test]
fn examples_translate_build_and_run() {
    let mut all = examples();
    assert!(
        all.len() >= MIN_EXAMPLES,
        "expected at least {MIN_EXAMPLES} examples, found {}",
        all.len()
    );
    // Programs with goroutines also run translated with `--async tokio` (as `<name>_tokio`),
    // against the same expected output.
    let async_variants: Vec<(String, PathBuf)> = all
        .iter()
        .filter(|(_, dir)| uses_goroutines(dir))
        .map(|(name, dir)| (format!("{name}_tokio"), dir.clone()))
        .collect();
    assert!(
        async_variants.len() >= 5,
        "expected the concurrency examples to run under --async tokio too"
    );
    let async_names: BTreeSet<String> = async_variants.iter().map(|(n, _)| n.clone()).collect();
    all.extend(async_variants);

    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let stamp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    let run_dir = tmp.join(format!("examples-run-{}-{stamp}", std::process::id()));
    fs::create_dir_all(run_dir.join("crates")).unwrap();
    let run_dir = run_dir.canonicalize().unwrap();
    let crates_dir = run_dir.join("crates");
    let target_dir = tmp.join("examples-target");

    let mut failures: Vec<Failure> = Vec::new();
    let mut fail = |example: &str, stage: &'static str, detail: String| {
        failures.push(Failure {
            example: example.to_string(),
            stage,
            detail,
        })
    };

    // 1. Translate every example.
    let mut translated: Vec<&(String, PathBuf)> = Vec::new();
    for ex @ (name, dir) in &all {
        let out_dir = crates_dir.join(name);
        let out = Command::new(env!("CARGO_BIN_EXE_goxide"))
            .arg("translate")
            .arg(dir)
            .arg("--out")
            .arg(&out_dir)
            .args(["--crate-name", name, "--go", "1.19"])
            .args(if async_names.contains(name) {
                &["--async", "tokio"][..]
            } else {
                &[][..]
            })
            .output()
            .expect("failed to run the goxide binary");
        if !out.status.success() {
            fail(
                name,
                "translate",
                format!(
                    "exit status {:?}: {}",
                    out.status.code(),
                    first_lines(&String::from_utf8_lossy(&out.stderr), 5)
                ),
            );
            continue;
        }
        let manifest = out_dir.join("Cargo.toml");
        let text = match fs::read_to_string(&manifest) {
            Ok(text) => text,
            Err(e) => {
                fail(name, "translate", format!("no Cargo.toml written: {e}"));
                continue;
            }
        };
        if !text.lines().any(|l| l.trim() == "[workspace]") {
            fail(
                name,
                "translate",
                "Cargo.toml has no [workspace] table".to_string(),
            );
        }
        fs::write(&manifest, strip_workspace_table(&text)).unwrap();
        let incomplete = incomplete_markers(&out_dir.join("src"));
        if !incomplete.is_empty() {
            fail(
                name,
                "incomplete",
                format!("translation not complete: {}", incomplete.join("; ")),
            );
        }
        translated.push(ex);
    }

    // 2. Build all translated crates in one workspace.
    let mut binaries: BTreeMap<String, PathBuf> = BTreeMap::new();
    if !translated.is_empty() {
        let members: Vec<String> = translated
            .iter()
            .map(|(name, _)| format!("    \"crates/{name}\",\n"))
            .collect();
        let root_manifest = format!(
            "[workspace]\nresolver = \"2\"\nmembers = [\n{}]\n\n\
             [profile.dev]\ndebug = 0\noverflow-checks = false\n",
            members.concat()
        );
        fs::write(run_dir.join("Cargo.toml"), root_manifest).unwrap();

        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
        let out = Command::new(cargo)
            .args([
                "build",
                "--workspace",
                "--keep-going",
                "--message-format=json",
            ])
            .arg("--target-dir")
            .arg(&target_dir)
            .current_dir(&run_dir)
            .env_remove("CARGO_TARGET_DIR")
            .stdin(Stdio::null())
            .output()
            .expect("failed to run cargo");

        let crate_of = |manifest_path: &str| -> Option<String> {
            let path = Path::new(manifest_path);
            if path.parent()?.parent()? != crates_dir.as_path() {
                return None;
            }
            Some(path.parent()?.file_name()?.to_string_lossy().into_owned())
        };
        let mut build_errors: BTreeMap<String, String> = BTreeMap::new();
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let Some(name) = msg["manifest_path"].as_str().and_then(&crate_of) else {
                continue;
            };
            match msg["reason"].as_str() {
                Some("compiler-artifact") => {
                    let is_bin = msg["target"]["kind"]
                        .as_array()
                        .is_some_and(|k| k.iter().any(|k| k == "bin"));
                    if let (true, Some(exe)) = (is_bin, msg["executable"].as_str()) {
                        binaries.insert(name, PathBuf::from(exe));
                    }
                }
                Some("compiler-message") if msg["message"]["level"] == "error" => {
                    let rendered = msg["message"]["rendered"]
                        .as_str()
                        .or(msg["message"]["message"].as_str())
                        .unwrap_or("")
                        .to_string();
                    build_errors.entry(name).or_insert(rendered);
                }
                _ => {}
            }
        }
        let cargo_stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        for (name, _) in &translated {
            if binaries.contains_key(name) {
                continue;
            }
            let detail = match build_errors.get(name) {
                Some(err) => first_lines(err, 12),
                None if out.status.success() => "no binary artifact produced".to_string(),
                None => format!(
                    "cargo failed without a compiler error for this crate: {}",
                    first_lines(&cargo_stderr, 12)
                ),
            };
            fail(name, "build", detail);
        }
    }

    // 3. Run each binary and compare its behaviour with Go's.
    for (name, dir) in &all {
        let Some(exe) = binaries.get(name) else {
            continue;
        };
        let run = match run_with_limit(exe, RUN_LIMIT) {
            Ok(run) => run,
            Err(e) => {
                fail(name, "run", e);
                continue;
            }
        };
        let expected_stdout = fs::read_to_string(dir.join("expected_output.txt")).unwrap();
        let expected_stderr = fs::read_to_string(dir.join("expected_stderr.txt")).ok();
        let expected_panic = fs::read_to_string(dir.join("expected_panic.txt"))
            .ok()
            .map(|s| s.trim_end_matches(['\n', '\r']).to_string());

        if run.timed_out {
            fail(
                name,
                "run",
                format!("killed after {}s", RUN_LIMIT.as_secs()),
            );
            continue;
        }
        let stdout = String::from_utf8_lossy(&run.stdout);
        let stderr = String::from_utf8_lossy(&run.stderr);
        match &expected_panic {
            Some(panic_line) => {
                if run.code != Some(2) {
                    fail(
                        name,
                        "run",
                        format!(
                            "expected a panic with exit status 2, got {:?}; stderr: {}",
                            run.code,
                            first_lines(&stderr, 5)
                        ),
                    );
                }
                match stderr
                    .lines()
                    .find(|l| l.starts_with("panic:") || l.starts_with("fatal error:"))
                {
                    Some(line) if line == panic_line => {}
                    Some(line) => fail(
                        name,
                        "output",
                        format!(
                            "panic line differs:\n  expected: {panic_line}\n  actual:   {line}"
                        ),
                    ),
                    None => fail(
                        name,
                        "output",
                        format!(
                            "no `panic:` or `fatal error:` line on stderr (expected \
                             {panic_line:?}); stderr: {}",
                            first_lines(&stderr, 5)
                        ),
                    ),
                }
            }
            None => {
                if run.code != Some(0) {
                    fail(
                        name,
                        "run",
                        format!(
                            "exit status {:?}; stderr: {}",
                            run.code,
                            first_lines(&stderr, 5)
                        ),
                    );
                }
            }
        }
        if let Some(diff) = first_difference(&expected_stdout, &stdout) {
            fail(name, "output", format!("stdout {diff}"));
        }
        if let Some(expected) = &expected_stderr {
            if let Some(diff) = first_difference(expected, &stderr) {
                fail(name, "output", format!("stderr {diff}"));
            }
        }
    }

    // Examples goxide does not translate correctly yet are listed, each with the reason, in
    // examples/known_failures.txt; the list must stay exact (no unlisted failure, no listed
    // example that passes), so that progress and regressions both show.
    let known = known_failures();
    let failing_now: BTreeSet<String> = failures.iter().map(|f| f.example.clone()).collect();
    let now_passing: Vec<&String> = known.iter().filter(|k| !failing_now.contains(*k)).collect();
    failures.retain(|f| !known.contains(&f.example));
    for name in now_passing {
        failures.push(Failure {
            example: name.clone(),
            stage: "known-failures",
            detail: "passes now: remove it from examples/known_failures.txt".to_string(),
        });
    }
    if failures.is_empty() {
        let _ = fs::remove_dir_all(&run_dir);
        return;
    }
    let failing: BTreeSet<&str> = failures.iter().map(|f| f.example.as_str()).collect();
    let mut summary = format!(
        "{} of {} examples failed: {}\n(translated crates kept in {})\n",
        failing.len(),
        all.len(),
        failing.into_iter().collect::<Vec<_>>().join(", "),
        run_dir.display()
    );
    for f in &failures {
        let _ = writeln!(
            summary,
            "\n[{}] {}:\n    {}",
            f.stage,
            f.example,
            f.detail.replace('\n', "\n    ")
        );
    }
    panic!("{summary}");
}

/// Removes the `[workspace]` table (header and keys up to the next table) from a manifest,
/// so that the crate can be a member of the enclosing test workspace.
fn strip_workspace_table(manifest: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in manifest.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            skipping = trimmed == "[workspace]" || trimmed.starts_with("[workspace.");
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// `todo!(` and `TODO(goxide): unsupported` markers in the `.rs` files under `src`, as
/// `file:line` locations.
fn incomplete_markers(src: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            found.push(format!("cannot read {}", dir.display()));
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let Ok(text) = fs::read_to_string(&path) else {
                continue;
            };
            let file = path
                .strip_prefix(src)
                .unwrap_or(&path)
                .display()
                .to_string();
            for (i, line) in text.lines().enumerate() {
                if line.contains("todo!(") || line.contains("TODO(goxide): unsupported") {
                    found.push(format!("src/{file}:{}: {}", i + 1, line.trim()));
                }
            }
        }
    }
    found.sort();
    found.truncate(5);
    found
}

struct RunResult {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    timed_out: bool,
}

/// Runs `exe` with no input, killing it if it runs longer than `limit`.
fn run_with_limit(exe: &Path, limit: Duration) -> Result<RunResult, String> {
    let mut child = Command::new(exe)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > limit => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().map_err(|e| e.to_string())?;
            }
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(format!("waiting for {}: {e}", exe.display())),
        }
    };
    Ok(RunResult {
        code: status.code(),
        stdout: out_reader.join().unwrap_or_default(),
        stderr: err_reader.join().unwrap_or_default(),
        timed_out,
    })
}

/// Describes the first line where `actual` differs from `expected`, or `None` if equal.
fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let mut exp = expected.split_inclusive('\n');
    let mut act = actual.split_inclusive('\n');
    let mut line = 1;
    loop {
        match (exp.next(), act.next()) {
            (Some(e), Some(a)) if e == a => line += 1,
            (e, a) => {
                let show = |s: Option<&str>| match s {
                    Some(s) => format!("{s:?}"),
                    None => "<end of output>".to_string(),
                };
                return Some(format!(
                    "differs at line {line}:\n  expected: {}\n  actual:   {}",
                    show(e),
                    show(a)
                ));
            }
        }
    }
}

fn first_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().take(n).collect();
    let mut out = lines.join("\n");
    if text.lines().count() > n {
        out.push_str("\n…");
    }
    if out.trim().is_empty() {
        out = "<nothing>".to_string();
    }
    out
}
