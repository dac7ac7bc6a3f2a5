//! `goxide` is the library facade: Go source text in; Rust files, diagnostics and a report out,
//! as plain data.
//!
//! It wires the layers together (parse → type-check → translate → print) and lays out the
//! generated crate. It performs no printing and no `process::exit`, and holds no global state;
//! reading inputs from disk ([`load`]) and writing outputs ([`write`]) are separate, optional
//! helpers so that embedders can stay off the file system.

mod build_constraint;
mod crate_layout;
pub mod goroot;
pub mod imports;
pub mod load;
mod pipeline;
pub mod print;
pub mod report;
pub mod write;

pub use crate_layout::crate_name;
pub use goxide_ast::{Diagnostic, Severity};
pub use load::{load_input, LoadError};
pub use pipeline::{check, effective_go_version, translate};
pub use report::Report;

use serde::Serialize;

/// One Go source file given to goxide.
#[derive(Clone, Debug, Serialize)]
pub struct InputFile {
    /// Path used in diagnostics, and to name the output file (`a/b.go` → `src/b.rs`).
    pub path: String,
    pub text: String,
}

/// One Go package: the files of one directory (build constraints already applied).
#[derive(Clone, Debug, Serialize)]
pub struct InputPackage {
    /// Import path (`main` for a lone file; `module/sub` within a module).
    pub import_path: String,
    /// Directory relative to the module root (`""` for the root package).
    pub rel_dir: String,
    pub files: Vec<InputFile>,
}

/// What to translate: a file, a package, or a module's packages.
#[derive(Clone, Debug, Serialize)]
pub struct Input {
    /// Module path from `go.mod`, if any.
    pub module: Option<String>,
    /// `go` directive of `go.mod`, if any, as `(major, minor)`.
    pub go_version: Option<(u32, u32)>,
    pub packages: Vec<InputPackage>,
    /// Default crate name (derived from the file, directory or module name).
    pub name: String,
}

/// How to translate.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Go semantics to follow when the input has no `go.mod` (`--go`).
    pub go_version: Option<(u32, u32)>,
    /// Overrides the crate name.
    pub crate_name: Option<String>,
    /// Where the standard library's sources are (`$GOROOT`); found automatically when `None`.
    pub goroot: Option<std::path::PathBuf>,
    /// `--async tokio`: goroutines run as tasks of a tokio runtime (the crate depends on tokio).
    pub async_tokio: bool,
}

/// A generated file, with its path relative to the output directory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutputFile {
    pub path: String,
    pub contents: String,
}

/// Everything one translation produced.
#[derive(Clone, Debug, Serialize)]
pub struct Output {
    /// The crate (or workspace) files; empty when the input has errors.
    pub files: Vec<OutputFile>,
    pub diagnostics: Vec<Diagnostic>,
    pub report: Report,
}

impl Output {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.is_error())
    }
}

/// Parses a Go version such as `1.19` or `go1.22.3` into `(major, minor)`.
pub fn parse_go_version(s: &str) -> Option<(u32, u32)> {
    let s = s.trim().trim_start_matches("go");
    let mut it = s.split('.');
    let major = it.next()?.parse().ok()?;
    let minor = it.next().unwrap_or("0").parse().ok()?;
    Some((major, minor))
}
