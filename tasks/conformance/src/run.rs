//! Running the built binaries, two at a time, each with a time limit, reading stdout and stderr
//! through one pipe, and judging each against its expected output.

use crate::build::kill_group;
use crate::snapshot::{Outcome, Reason};
use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The time one binary may run.
pub const TIME_LIMIT: Duration = Duration::from_secs(10);
/// How many binaries run at once.
pub const WORKERS: usize = 2;
/// Output beyond this many bytes is read and dropped.
const MAX_OUTPUT: usize = 16 << 20;

/// How a binary ended.
pub struct Ran {
    /// `None` when it was killed at the time limit.
    pub status: Option<ExitStatus>,
    /// Its stdout and stderr, interleaved as written.
    pub output: Vec<u8>,
}

/// Runs `exe` in `cwd` with no input and stdout and stderr on one pipe, killing it (and any
/// process it started) after `limit`.
pub fn run_binary(exe: &Path, cwd: &Path, limit: Duration) -> Result<Ran, String> {
    let (mut reader, writer) = std::io::pipe().map_err(|e| format!("pipe: {e}"))?;
    let writer2 = writer.try_clone().map_err(|e| format!("pipe: {e}"))?;
    let mut child = Command::new(exe)
        .current_dir(cwd)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(writer2)
        .process_group(0)
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", exe.display()))?;
    // The command held the only copies of the write end; the reader sees end-of-file once the
    // binary and everything it started have exited.
    let drain = std::thread::spawn(move || {
        let mut output = Vec::new();
        let mut buf = [0u8; 64 << 10];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            let room = MAX_OUTPUT.saturating_sub(output.len());
            output.extend_from_slice(&buf[..n.min(room)]);
        }
        output
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() >= limit => break None,
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(format!("waiting for {}: {e}", exe.display())),
        }
    };
    // Whatever the binary left behind in its process group goes too (otherwise it could keep
    // the pipe open).
    kill_group(child.id());
    if status.is_none() {
        let _ = child.wait();
    }
    let output = drain.join().unwrap_or_default();
    Ok(Ran { status, output })
}

/// Judges a run against the expected output; `incomplete` turns a pass into `incomplete`.
pub fn judge(ran: &Ran, expected: &[u8], incomplete: bool) -> Outcome {
    let Some(status) = ran.status else {
        return Outcome::fail(
            Reason::Timeout,
            format!("killed after {} s", TIME_LIMIT.as_secs()),
        );
    };
    if !status.success() {
        let text = String::from_utf8_lossy(&ran.output);
        let mut lines = text.lines();
        let panic = lines.by_ref().find(|l| {
            l.starts_with("panic:") || l.contains("panicked at") || l.starts_with("fatal error:")
        });
        let how = match (status.code(), status.signal()) {
            (Some(code), _) => format!("exit status {code}"),
            (None, Some(sig)) => format!("killed by signal {sig}"),
            (None, None) => "abnormal exit".to_string(),
        };
        let detail = match panic {
            // A Rust panic names its location on one line and its message on the next.
            Some(l) if l.contains("panicked at") => {
                let l = without_member_dir(l.trim());
                format!("{how}: {l} {}", lines.next().unwrap_or("").trim())
            }
            Some(l) => format!("{how}: {}", l.trim()),
            None => how,
        };
        return Outcome::fail(Reason::Run, detail);
    }
    if ran.output != expected {
        return Outcome::fail(Reason::Output, first_difference(&ran.output, expected));
    }
    if incomplete {
        return Outcome::fail(
            Reason::Incomplete,
            "todo!() or unsupported marker in the translation",
        );
    }
    Outcome::Pass
}

/// `… panicked at crates/x/src/main.rs:1:2:` → `… panicked at src/main.rs:1:2:` (the binary
/// was built from the work workspace's root).
fn without_member_dir(line: &str) -> String {
    match line.split_once(" panicked at crates/") {
        Some((head, rest)) => {
            let rest = rest.split_once('/').map_or(rest, |(_, r)| r);
            format!("{head} panicked at {rest}")
        }
        None => line.to_string(),
    }
}

/// Where the output first differs from the expected output, as one line.
fn first_difference(got: &[u8], want: &[u8]) -> String {
    let got_lines: Vec<&[u8]> = got.split(|&b| b == b'\n').collect();
    let want_lines: Vec<&[u8]> = want.split(|&b| b == b'\n').collect();
    let n = got_lines.len().max(want_lines.len());
    let show = |l: Option<&&[u8]>| match l {
        Some(l) => format!("{:?}", String::from_utf8_lossy(l)),
        None => "end of output".to_string(),
    };
    for i in 0..n {
        let (g, w) = (got_lines.get(i), want_lines.get(i));
        if g != w {
            return format!("line {}: got {}, want {}", i + 1, show(g), show(w));
        }
    }
    "output differs".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ran(code: i32, output: &str) -> Ran {
        Ran {
            status: Some(ExitStatus::from_raw(code << 8)),
            output: output.as_bytes().to_vec(),
        }
    }

    #[test]
    fn judges_runs() {
        assert_eq!(judge(&ran(0, "hi\n"), b"hi\n", false), Outcome::Pass);
        assert_eq!(
            judge(&ran(0, "hi\n"), b"hi\n", true),
            Outcome::fail(
                Reason::Incomplete,
                "todo!() or unsupported marker in the translation"
            )
        );
        assert_eq!(
            judge(&ran(0, "a\nb\n"), b"a\nc\n", false),
            Outcome::fail(Reason::Output, "line 2: got \"b\", want \"c\"")
        );
        assert_eq!(
            judge(&ran(2, "x\npanic: boom\n\ngoroutine 1\n"), b"", false),
            Outcome::fail(Reason::Run, "exit status 2: panic: boom")
        );
        assert_eq!(
            judge(
                &ran(
                    101,
                    "thread 'main' (77) panicked at crates/x/src/main.rs:1:2:\nboom\n"
                ),
                b"",
                false
            ),
            Outcome::fail(
                Reason::Run,
                "exit status 101: thread 'main' panicked at src/main.rs:1:2: boom"
            )
        );
        assert_eq!(
            judge(
                &Ran {
                    status: None,
                    output: Vec::new()
                },
                b"",
                false
            ),
            Outcome::fail(Reason::Timeout, "killed after 10 s")
        );
    }

    #[test]
    fn one_pipe_and_time_limit() {
        let dir =
            std::env::temp_dir().join(format!("goxide-conformance-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let script = dir.join("hang.sh");
        std::fs::write(
            &script,
            "#!/bin/sh\necho out; echo err >&2; echo out2\nsleep 30\n",
        )
        .unwrap();
        std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        let start = Instant::now();
        let ran = run_binary(&script, &dir, Duration::from_secs(1)).unwrap();
        assert!(start.elapsed() < Duration::from_secs(5));
        assert!(ran.status.is_none());
        assert_eq!(String::from_utf8_lossy(&ran.output), "out\nerr\nout2\n");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
