//! The standard-library catalog: the declarations (no function bodies) of the most used
//! standard-library packages, built into goxide so that programs type-check without a GOROOT.
//!
//! Each package is Go source under `crates/goxide/catalog/<import path>/`, embedded with
//! `include_str!`. The importer ([`crate::goroot::SourceImporter`]) serves a catalog package
//! when no GOROOT was found, and when the GOROOT found lacks the package (`slices`, `maps`,
//! `cmp` and `iter` are newer than Go 1.19).
//!
//! The declarations follow Go 1.19's exported API (linux/amd64); `cmp`, `slices` and `maps`
//! follow Go 1.21, plus the iterator functions of Go 1.23 (`maps.Keys` returns an
//! `iter.Seq[K]`, as in the standard library, not a slice). Private struct fields are
//! placeholders.

use goxide_ast::ast::{File, IdGen};
use goxide_ast::SourceFile;

/// Prefix of the paths that catalog files carry in diagnostics: `goxide-catalog/fmt/fmt.go`.
pub const PATH_PREFIX: &str = "goxide-catalog";

/// One catalogued package.
#[derive(Clone, Copy, Debug)]
pub struct Package {
    /// Import path (`unicode/utf8`).
    pub path: &'static str,
    /// Its files: `(file name, Go source)`.
    pub files: &'static [(&'static str, &'static str)],
}

/// The table of packages: `"import/path" => ["file.go", …]`, each file embedded from
/// `catalog/<import path>/<file>`.
macro_rules! catalog {
    ($($path:literal => [$($file:literal),+ $(,)?]),+ $(,)?) => {
        &[$(Package {
            path: $path,
            files: &[$(($file, include_str!(concat!("../catalog/", $path, "/", $file)))),+],
        }),+]
    };
}

/// Every catalogued package, sorted by import path.
pub static PACKAGES: &[Package] = catalog! {
    "bufio" => ["bufio.go"],
    "bytes" => ["bytes.go"],
    "cmp" => ["cmp.go"],
    "errors" => ["errors.go"],
    "fmt" => ["fmt.go"],
    "io" => ["io.go"],
    "io/fs" => ["fs.go"],
    "io/ioutil" => ["ioutil.go"],
    "iter" => ["iter.go"],
    "log" => ["log.go"],
    "maps" => ["maps.go"],
    "math" => ["math.go"],
    "math/bits" => ["bits.go"],
    "os" => ["os.go"],
    "runtime" => ["runtime.go"],
    "slices" => ["slices.go"],
    "sort" => ["sort.go"],
    "strconv" => ["strconv.go"],
    "strings" => ["strings.go"],
    "sync" => ["sync.go"],
    "sync/atomic" => ["atomic.go"],
    "time" => ["time.go"],
    "unicode" => ["unicode.go"],
    "unicode/utf8" => ["utf8.go"],
};

/// The catalogued package with this import path.
pub fn package(path: &str) -> Option<&'static Package> {
    PACKAGES.iter().find(|p| p.path == path)
}

/// The parsed files of a catalogued package, for the type checker's importer.
pub fn import(path: &str, ids: &mut IdGen) -> Option<Vec<(SourceFile, File)>> {
    let pkg = package(path)?;
    Some(
        pkg.files
            .iter()
            .map(|(name, text)| {
                let file_path = format!("{PATH_PREFIX}/{}/{name}", pkg.path);
                let (file, _diags) = goxide_parser::parse_file(&file_path, text, ids);
                (SourceFile::new(file_path, text.to_string()), file)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::PACKAGES;
    use std::collections::BTreeSet;
    use std::path::Path;

    /// Every `.go` file under `catalog/` is in the table, and the table names no other file.
    #[test]
    fn table_matches_the_catalog_directory() {
        fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
            let mut entries: Vec<_> = std::fs::read_dir(dir)
                .expect("read catalog dir")
                .map(|e| e.expect("dir entry").path())
                .collect();
            entries.sort();
            for p in entries {
                if p.is_dir() {
                    walk(root, &p, out);
                } else if p.extension().is_some_and(|e| e == "go") {
                    let rel = p.strip_prefix(root).expect("under root");
                    out.insert(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
        let mut on_disk = BTreeSet::new();
        walk(&root, &root, &mut on_disk);
        let in_table: BTreeSet<String> = PACKAGES
            .iter()
            .flat_map(|p| p.files.iter().map(move |(f, _)| format!("{}/{f}", p.path)))
            .collect();
        assert_eq!(on_disk, in_table);
        let paths: Vec<&str> = PACKAGES.iter().map(|p| p.path).collect();
        let mut sorted = paths.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(paths, sorted, "PACKAGES must be sorted and unique");
    }

    /// Each file's package clause names the last element of its import path.
    #[test]
    fn package_clauses_match_import_paths() {
        for p in PACKAGES {
            let want = p.path.rsplit('/').next().unwrap_or(p.path);
            for (name, text) in p.files {
                let clause = text
                    .lines()
                    .find_map(|l| l.strip_prefix("package "))
                    .unwrap_or("");
                assert_eq!(clause.trim(), want, "{}/{name}", p.path);
            }
        }
    }
}
