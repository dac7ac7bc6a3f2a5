//! goxide's task runner (`cargo xtask …`, an alias defined in `.cargo/config.toml`).
//!
//! - `cargo xtask test`: everything CI runs, in order: formatting, clippy, the conformance
//!   runner over Go's test suite, then the workspace's tests (last, so that their summary ends
//!   the output). Stops at the first failing step, with its exit status.
//! - `cargo xtask conformance [ARGS]`: the conformance runner alone (`--filter SUBSTR`,
//!   `--no-build`, `--update`).

use std::process::{Command, ExitCode};
use std::time::Instant;

const USAGE: &str =
    "usage: cargo xtask test | cargo xtask conformance [--filter SUBSTR] [--no-build] [--update]";

/// The steps of `cargo xtask test`, as cargo arguments.
const TEST_STEPS: &[&[&str]] = &[
    &["fmt", "--all", "--", "--check"],
    &[
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ],
    &["run", "--release", "-p", "conformance", "--"],
    &["test", "--workspace"],
];

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("test") if args.len() == 1 => test(),
        Some("conformance") => {
            let mut step: Vec<&str> = vec!["run", "--release", "-p", "conformance", "--"];
            step.extend(args[1..].iter().map(String::as_str));
            match cargo(&step) {
                0 => ExitCode::SUCCESS,
                code => exit_code(code),
            }
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn test() -> ExitCode {
    let start = Instant::now();
    for step in TEST_STEPS {
        let code = cargo(step);
        if code != 0 {
            eprintln!(
                "xtask: `cargo {}` failed (exit status {code})",
                step.join(" ")
            );
            return exit_code(code);
        }
    }
    eprintln!(
        "xtask: every step succeeded in {:.0} s",
        start.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// Runs one cargo command from the workspace root, printing it and its time; gives its exit
/// status (1 when it could not run or was killed by a signal).
fn cargo(args: &[&str]) -> i32 {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("xtask: cargo {}", args.join(" "));
    let start = Instant::now();
    let status = Command::new(cargo).args(args).current_dir(root).status();
    eprintln!(
        "xtask: `cargo {}` took {:.0} s",
        args.join(" "),
        start.elapsed().as_secs_f64()
    );
    match status {
        Ok(s) => s.code().unwrap_or(1),
        Err(e) => {
            eprintln!("xtask: cannot run cargo: {e}");
            1
        }
    }
}

fn exit_code(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code).ok().filter(|&c| c != 0).unwrap_or(1))
}
