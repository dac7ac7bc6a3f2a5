//! Finding and reading the standard library's sources (`$GOROOT/src`) for the type checker,
//! with build constraints applied for linux/amd64, and falling back to the built-in
//! [`catalog`] of standard-library declarations.
//!
//! Where standard-library packages come from:
//! 1. a GOROOT, found by [`find_goroot`]: `--goroot` ([`crate::Options::goroot`]), then
//!    `$GOROOT`, then the usual install paths (`/usr/share/go-1.19`, `/usr/lib/go-1.19`,
//!    `/usr/lib/go`, `/usr/local/go`, `/usr/share/go`); goxide never runs a Go toolchain;
//! 2. the [`catalog`] built into goxide, for packages the GOROOT lacks (`slices`, `maps`,
//!    `cmp` under Go 1.19) and for every catalogued package when there is no GOROOT.
//!
//! [`NO_GOROOT`] (`none`) as the explicit GOROOT (`--goroot none`,
//! `Options { goroot: Some("none".into()), .. }`) or as `$GOROOT` means "no GOROOT, don't
//! search": only the catalog is used, whatever is installed on the machine.

#[path = "catalog.rs"]
pub mod catalog;

use crate::build_constraint;
use goxide_ast::ast::{File, IdGen};
use goxide_ast::SourceFile;
use std::path::{Path, PathBuf};

/// The GOROOT value that means "no GOROOT, don't search" (standard-library packages then come
/// from the [`catalog`] only).
pub const NO_GOROOT: &str = "none";

fn is_goroot(p: &Path) -> bool {
    p.join("src/fmt/print.go").is_file()
}

/// Where goxide looks for a GOROOT: the explicit one, then `$GOROOT`, then the usual install
/// paths; the first that holds the standard library's sources wins. [`NO_GOROOT`], given
/// explicitly or as `$GOROOT`, stops the search (`None`: the catalog only).
pub fn find_goroot(explicit: Option<&Path>) -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = explicit {
        if p == Path::new(NO_GOROOT) {
            return None;
        }
        candidates.push(p.to_path_buf());
    }
    match std::env::var_os("GOROOT") {
        Some(p) if p == NO_GOROOT => return candidates.into_iter().find(|p| is_goroot(p)),
        Some(p) if !p.is_empty() => candidates.push(PathBuf::from(p)),
        _ => {}
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
    candidates.into_iter().find(|p| is_goroot(p))
}

/// An importer reading packages from the input itself (same module), from a GOROOT (standard
/// library), and from the built-in [`catalog`] for what the GOROOT lacks (everything when
/// `goroot` is `None`).
pub struct SourceImporter<'a> {
    pub goroot: Option<PathBuf>,
    /// Packages of the module being translated: import path → files.
    pub local: &'a [(String, Vec<(SourceFile, File)>)],
    pub ids: IdGen,
}

impl SourceImporter<'_> {
    /// The files of a package under the GOROOT (or its vendor directory), if any.
    fn import_from_goroot(&mut self, path: &str) -> Option<Vec<(SourceFile, File)>> {
        let src = self.goroot.as_ref()?.join("src");
        let mut dir = src.join(path);
        if !dir.is_dir() {
            // Standard-library packages import their dependencies outside the standard library
            // (`golang.org/x/net/...`) from GOROOT's vendor directory.
            dir = src.join("vendor").join(path);
        }
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

impl goxide_types::Importer for SourceImporter<'_> {
    fn import(&mut self, path: &str) -> Option<Vec<(SourceFile, File)>> {
        if let Some((_, files)) = self.local.iter().find(|(p, _)| p == path) {
            return Some(files.clone());
        }
        self.import_from_goroot(path)
            .or_else(|| catalog::import(path, &mut self.ids))
    }
}

#[cfg(test)]
mod tests {
    use super::SourceImporter;
    use goxide_ast::ast::IdGen;
    use goxide_types::Importer;
    use std::path::{Path, PathBuf};

    /// A fresh, empty directory under the system temp directory, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(tag: &str) -> TempDir {
            let p = std::env::temp_dir().join(format!(
                "goxide-goroot-{tag}-{}-{:?}",
                std::process::id(),
                std::thread::current().id()
            ));
            let _ = std::fs::remove_dir_all(&p);
            std::fs::create_dir_all(&p).expect("create temp dir");
            TempDir(p)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn write(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("create dirs");
        std::fs::write(p, text).expect("write file");
    }

    fn package_names(imp: &mut SourceImporter, path: &str) -> Option<Vec<String>> {
        let files = imp.import(path)?;
        Some(files.iter().map(|(_, f)| f.package.name.clone()).collect())
    }

    #[test]
    fn explicit_none_means_no_goroot() {
        assert_eq!(super::find_goroot(Some(Path::new(super::NO_GOROOT))), None);
    }

    #[test]
    fn without_goroot_std_packages_come_from_the_catalog() {
        let mut imp = SourceImporter {
            goroot: None,
            local: &[],
            ids: IdGen::new(),
        };
        assert_eq!(
            package_names(&mut imp, "unicode/utf8"),
            Some(vec!["utf8".to_string()])
        );
        assert_eq!(
            package_names(&mut imp, "fmt"),
            Some(vec!["fmt".to_string()])
        );
        assert_eq!(package_names(&mut imp, "net/http"), None);
        assert_eq!(package_names(&mut imp, "example.com/missing"), None);
    }

    #[test]
    fn goroot_packages_win_and_missing_ones_come_from_the_catalog() {
        let root = TempDir::new("catalog");
        write(&root.0, "src/fmt/print.go", "package fmt\n");
        write(&root.0, "src/strings/strings.go", "package strings\n");
        let mut imp = SourceImporter {
            goroot: Some(root.0.clone()),
            local: &[],
            ids: IdGen::new(),
        };
        let strings = imp.import("strings").expect("strings");
        assert_eq!(strings.len(), 1);
        assert!(strings[0].0.path.starts_with(&*root.0.to_string_lossy()));
        let slices = imp.import("slices").expect("slices from the catalog");
        assert_eq!(slices[0].1.package.name, "slices");
        assert!(slices[0].0.path.starts_with(super::catalog::PATH_PREFIX));
    }

    #[test]
    fn import_falls_back_to_goroot_vendor() {
        let root = TempDir::new("vendor");
        write(&root.0, "src/fmt/print.go", "package fmt\n");
        write(
            &root.0,
            "src/vendor/golang.org/x/net/dns/dnsmessage/message.go",
            "package dnsmessage\n",
        );
        // A std package shadows a vendored one of the same path.
        write(&root.0, "src/strings/strings.go", "package strings\n");
        write(
            &root.0,
            "src/vendor/strings/strings.go",
            "package vendored\n",
        );
        let mut imp = SourceImporter {
            goroot: Some(root.0.clone()),
            local: &[],
            ids: IdGen::new(),
        };
        assert_eq!(
            package_names(&mut imp, "golang.org/x/net/dns/dnsmessage"),
            Some(vec!["dnsmessage".to_string()])
        );
        assert_eq!(
            package_names(&mut imp, "strings"),
            Some(vec!["strings".to_string()])
        );
        assert_eq!(package_names(&mut imp, "golang.org/x/missing"), None);
    }
}
