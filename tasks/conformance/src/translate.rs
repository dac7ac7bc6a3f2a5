//! Translating each test in-process, in parallel, each under `catch_unwind` with a time limit,
//! and writing the generated crates as members of the work workspace.

use crate::list::Test;
use crate::snapshot::{Outcome, Reason};
use crate::tally::Tally;
use rayon::prelude::*;
use std::cell::RefCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

/// The time one translation may take.
pub const TIME_LIMIT: Duration = Duration::from_secs(20);
/// Name of the threads translations run on (the panic hook recognises them by it).
const THREAD_NAME: &str = "goxide-translate";

/// What translating one test gave.
pub enum Translated {
    /// A crate was written to `work/crates/<name>`; `incomplete` when it holds a `todo!(` or an
    /// `unsupported` marker.
    Crate { incomplete: bool, tally: Tally },
    /// No crate: the test's final outcome.
    Failed(Outcome),
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Keeps panics on translation threads quiet (they are reported in the snapshot instead),
/// remembering each one's message and location; other threads keep the default hook.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some(THREAD_NAME) {
            return default(info);
        }
        let msg = payload_message(info.payload());
        let at = info
            .location()
            .map(|l| format!(" (at {}:{})", l.file(), l.line()))
            .unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{msg}{at}")));
    }));
}

fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "non-string panic payload".to_string())
}

/// Translates every test, writing crates under `crates_dir`; results are in the tests' order.
/// `previous` holds the files of the previous run (see [`Previous`]).
pub fn translate_all(tests: &[Test], crates_dir: &Path, previous: &Previous) -> Vec<Translated> {
    tests
        .par_iter()
        .map(|t| translate_one(t, &crates_dir.join(&t.name), previous))
        .collect()
}

/// The files of the previous run's crates, with their modification times: a file written again
/// with the same contents gets its old time back, so that Cargo does not rebuild its crate.
#[derive(Default)]
pub struct Previous(HashMap<PathBuf, (Vec<u8>, SystemTime)>);

impl Previous {
    /// Reads every file under `dir`.
    pub fn read(dir: &Path) -> Previous {
        let mut files = HashMap::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&d) else {
                continue;
            };
            for e in entries.flatten() {
                let p = e.path();
                match e.file_type() {
                    Ok(t) if t.is_dir() => stack.push(p),
                    Ok(t) if t.is_file() => {
                        let time = e.metadata().and_then(|m| m.modified());
                        if let (Ok(bytes), Ok(time)) = (std::fs::read(&p), time) {
                            files.insert(p, (bytes, time));
                        }
                    }
                    _ => {}
                }
            }
        }
        Previous(files)
    }

    /// Gives `path` its previous modification time if its contents did not change.
    fn keep_time(&self, path: &Path) {
        if let Some((bytes, time)) = self.0.get(path) {
            if std::fs::read(path).is_ok_and(|now| now == *bytes) {
                if let Ok(f) = std::fs::File::options().write(true).open(path) {
                    let _ = f.set_modified(*time);
                }
            }
        }
    }
}

fn translate_one(test: &Test, dir: &Path, previous: &Previous) -> Translated {
    let fail = |reason, detail: String| Translated::Failed(Outcome::fail(reason, detail));
    let input = match goxide::load_input(&test.go_file) {
        Ok(input) => input,
        Err(e) => return fail(Reason::Translate, e.to_string()),
    };
    let opts = goxide::Options {
        go_version: Some((1, 19)),
        crate_name: Some(test.name.clone()),
        ..Default::default()
    };
    let (tx, rx) = mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name(THREAD_NAME.to_string())
        .stack_size(256 << 20)
        .spawn(move || {
            let result =
                std::panic::catch_unwind(|| goxide::translate(&input, &opts)).map_err(|payload| {
                    // A panic on another thread, resumed here, has not passed through the hook.
                    LAST_PANIC
                        .with(|p| p.borrow_mut().take())
                        .unwrap_or_else(|| payload_message(payload.as_ref()))
                });
            let _ = tx.send(result);
        });
    if let Err(e) = spawned {
        return fail(Reason::Translate, format!("cannot start a thread: {e}"));
    }
    // A translation that runs over its time keeps running on its detached thread: threads
    // cannot be stopped, and the runner goes on without it.
    let out = match rx.recv_timeout(TIME_LIMIT) {
        Ok(Ok(out)) => out,
        Ok(Err(panic)) => return fail(Reason::TranslatePanic, panic),
        Err(_) => {
            return fail(
                Reason::TranslateTimeout,
                format!("over {} s", TIME_LIMIT.as_secs()),
            )
        }
    };
    if let Some(d) = out.diagnostics.iter().find(|d| d.is_error()) {
        return fail(
            Reason::Translate,
            format!("{}:{}: {}", d.line, d.col, d.message),
        );
    }
    if out.files.is_empty() {
        return fail(Reason::Translate, "no files generated".to_string());
    }
    if let Err(e) = goxide::write::write_output(dir, &out, true) {
        return fail(Reason::Translate, format!("cannot write the crate: {e}"));
    }
    let manifest = dir.join("Cargo.toml");
    match std::fs::read_to_string(&manifest) {
        Ok(text) => {
            if let Err(e) = std::fs::write(&manifest, as_workspace_member(&text)) {
                return fail(Reason::Translate, format!("cannot write Cargo.toml: {e}"));
            }
        }
        Err(_) => return fail(Reason::Translate, "no Cargo.toml generated".to_string()),
    }
    for f in &out.files {
        previous.keep_time(&dir.join(&f.path));
    }
    let incomplete = out
        .files
        .iter()
        .any(|f| f.contents.contains("todo!(") || f.contents.contains("TODO(goxide): unsupported"));
    Translated::Crate {
        incomplete,
        tally: Tally::of(&out),
    }
}

/// A generated `Cargo.toml` as a member of the work workspace: without its own `[workspace]`
/// table, and without `[profile.*]` tables (Cargo reads profiles from the workspace root only).
pub fn as_workspace_member(manifest: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in manifest.lines() {
        let header = line.trim();
        if header.starts_with('[') {
            let name = header.trim_start_matches('[').trim_end_matches(']').trim();
            skipping = ["workspace", "profile"]
                .iter()
                .any(|t| name == *t || name.strip_prefix(t).is_some_and(|r| r.starts_with('.')));
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::as_workspace_member;

    #[test]
    fn drops_workspace_and_profile_tables() {
        let manifest =
            "[package]\nname = \"x\"\n\n[workspace]\n\n[profile.release]\nlto = true\n\n\
                        [dependencies]\nworkspaces = \"1\"\n[profile]\n";
        assert_eq!(
            as_workspace_member(manifest),
            "[package]\nname = \"x\"\n\n[dependencies]\nworkspaces = \"1\"\n"
        );
    }
}
