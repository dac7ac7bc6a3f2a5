//! Finding and reading the standard library's sources (`$GOROOT/src`) for the type checker,
//! with build constraints applied for linux/amd64.

use crate::build_constraint;
use goxide_ast::ast::{File, IdGen};
use goxide_ast::SourceFile;
use std::path::{Path, PathBuf};

/// Where goxide looks for a GOROOT when none is given: `$GOROOT`, then the usual install paths.
pub fn find_goroot(explicit: Option<&Path>) -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = explicit {
        candidates.push(p.to_path_buf());
    }
    if let Some(p) = std::env::var_os("GOROOT") {
        candidates.push(PathBuf::from(p));
    }
    for p in [
        "/usr/share/go-1.19",
        "/usr/lib/go-1.19",
        "/usr/lib/go",
        "/usr/local/go",
        "/usr/share/go",
    ] {
        candidates.push(PathBuf::from(p));
    }
    candidates
        .into_iter()
        .find(|p| p.join("src/fmt/print.go").is_file())
}

/// An importer reading packages from a GOROOT (standard library) and from the packages of the
/// input itself (same module).
pub struct SourceImporter<'a> {
    pub goroot: Option<PathBuf>,
    /// Packages of the module being translated: import path → files.
    pub local: &'a [(String, Vec<(SourceFile, File)>)],
    pub ids: IdGen,
}

impl goxide_types::Importer for SourceImporter<'_> {
    fn import(&mut self, path: &str) -> Option<Vec<(SourceFile, File)>> {
        if let Some((_, files)) = self.local.iter().find(|(p, _)| p == path) {
            return Some(files.clone());
        }
        let dir = self.goroot.as_ref()?.join("src").join(path);
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(crate::load::file_name_selected)
            })
            .collect();
        names.sort();
        let mut files = Vec::new();
        for p in names {
            let Ok(text) = std::fs::read_to_string(&p) else {
                continue;
            };
            if !build_constraint::satisfied_by_header(&text) {
                continue;
            }
            let path_str = p.display().to_string();
            let (file, _diags) = goxide_parser::parse_file(&path_str, &text, &mut self.ids);
            files.push((SourceFile::new(path_str, text), file));
        }
        if files.is_empty() {
            None
        } else {
            Some(files)
        }
    }
}
