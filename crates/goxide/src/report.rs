//! The translation report: per file and function, whether it was translated fully, and the
//! TODO markers by kind, with totals. Plain data (serde).

use serde::Serialize;
use std::collections::BTreeMap;

/// The one greppable form of every marker goxide writes: `// TODO(goxide): <kind>: <text>`.
pub const MARKER_PREFIX: &str = "TODO(goxide):";

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct FileReport {
    /// The Go file.
    pub go_file: String,
    /// The Rust file written for it.
    pub rust_file: String,
    pub go_lines: usize,
    pub rust_lines: usize,
    /// Marker counts by kind (`unsupported`, `ownership`, `semantics`, …).
    pub markers: BTreeMap<String, usize>,
    /// Whether the file was translated fully (no `unsupported` marker, no `todo!()`).
    pub complete: bool,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Report {
    pub files: Vec<FileReport>,
    /// Marker counts by kind, over all files.
    pub markers: BTreeMap<String, usize>,
    pub complete: bool,
}

impl Report {
    /// Builds the per-file entry from the printed Rust text by counting markers.
    pub fn file(go_file: &str, go_text: &str, rust_file: &str, rust_text: &str) -> FileReport {
        let mut markers = BTreeMap::new();
        for line in rust_text.lines() {
            if let Some(i) = line.find(MARKER_PREFIX) {
                let rest = line[i + MARKER_PREFIX.len()..].trim_start();
                let kind = rest.split(':').next().unwrap_or("other").trim().to_string();
                *markers.entry(kind).or_insert(0) += 1;
            }
        }
        let complete = !markers.contains_key("unsupported") && !rust_text.contains("todo!(");
        FileReport {
            go_file: go_file.to_string(),
            rust_file: rust_file.to_string(),
            go_lines: go_text.lines().count(),
            rust_lines: rust_text.lines().count(),
            markers,
            complete,
        }
    }

    pub fn push(&mut self, f: FileReport) {
        for (k, v) in &f.markers {
            *self.markers.entry(k.clone()).or_insert(0) += v;
        }
        self.files.push(f);
        self.complete = self.files.iter().all(|f| f.complete);
    }
}
