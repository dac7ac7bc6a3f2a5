//! Where things are (the test list, Go's test directory, the work directory) and the tests to run.

use std::path::{Path, PathBuf};

/// Go's test directory as Debian's `golang-1.19-src` installs it.
pub const DEFAULT_GO_TEST_DIR: &str = "/usr/share/go-1.19/test";
/// The test list, relative to the shared directory.
pub const TEST_LIST: &str = "corpus/go-test-run-verified.txt";

/// The directories the runner reads from and writes to.
pub struct Dirs {
    /// The shared directory beside the repository (`GOXIDE_SHARED` overrides).
    pub shared: PathBuf,
    /// Go's `test/` directory (`GOXIDE_GO_TEST_DIR` overrides).
    pub go_test: PathBuf,
    /// `tasks/conformance`.
    pub conformance: PathBuf,
}

impl Dirs {
    pub fn locate() -> Result<Dirs, String> {
        let conformance = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let shared = match std::env::var_os("GOXIDE_SHARED") {
            Some(s) => PathBuf::from(s),
            None => conformance.join("../../../shared"),
        };
        let go_test = match std::env::var_os("GOXIDE_GO_TEST_DIR") {
            Some(s) => PathBuf::from(s),
            None => PathBuf::from(DEFAULT_GO_TEST_DIR),
        };
        if !go_test.is_dir() {
            return Err(format!(
                "{}: Go's test suite is missing; install it with `apt-get install golang-1.19-src` \
                 (or point GOXIDE_GO_TEST_DIR at a Go 1.19 `test/` directory)",
                go_test.display()
            ));
        }
        Ok(Dirs {
            shared,
            go_test,
            conformance,
        })
    }

    pub fn work(&self) -> PathBuf {
        self.conformance.join("work")
    }

    pub fn snapshot(&self) -> PathBuf {
        self.conformance.join("snapshots/go-test-suite.snap")
    }
}

/// One test of the list.
pub struct Test {
    /// Path relative to Go's test directory, e.g. `fixedbugs/bug002.go`.
    pub path: String,
    /// Name of the generated crate, e.g. `fixedbugs_bug002`.
    pub name: String,
    pub go_file: PathBuf,
    /// The bytes of `X.out` beside `X.go`; empty when there is none.
    pub expected: Vec<u8>,
}

/// Reads the test list, keeping the tests whose path contains `filter` (or one of its
/// comma-separated parts), sorted by path; also
/// gives the number of tests in the whole list (the denominator).
pub fn read_tests(dirs: &Dirs, filter: Option<&str>) -> Result<(Vec<Test>, usize), String> {
    let list = dirs.shared.join(TEST_LIST);
    let text = std::fs::read_to_string(&list).map_err(|e| {
        format!(
            "{}: {e} (set GOXIDE_SHARED to the shared directory)",
            list.display()
        )
    })?;
    let paths: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut tests = Vec::new();
    for &path in &paths {
        if filter.is_some_and(|f| !f.split([',', '|']).any(|part| path.contains(part))) {
            continue;
        }
        let go_file = dirs.go_test.join(path);
        if !go_file.is_file() {
            return Err(format!(
                "{}: listed in {} but missing",
                go_file.display(),
                list.display()
            ));
        }
        let expected = read_expected(&go_file)?;
        tests.push(Test {
            path: path.to_string(),
            name: crate_name(path),
            go_file,
            expected,
        });
    }
    tests.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((tests, paths.len()))
}

fn read_expected(go_file: &Path) -> Result<Vec<u8>, String> {
    let out = go_file.with_extension("out");
    match std::fs::read(&out) {
        Ok(bytes) => Ok(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(format!("{}: {e}", out.display())),
    }
}

/// Names that Cargo refuses as package names.
const RESERVED: &[&str] = &[
    "abstract",
    "alloc",
    "as",
    "async",
    "await",
    "become",
    "box",
    "break",
    "const",
    "continue",
    "core",
    "crate",
    "do",
    "dyn",
    "else",
    "enum",
    "extern",
    "false",
    "final",
    "fn",
    "for",
    "gen",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "macro",
    "match",
    "mod",
    "move",
    "mut",
    "override",
    "priv",
    "proc_macro",
    "pub",
    "ref",
    "return",
    "self",
    "static",
    "std",
    "struct",
    "super",
    "test",
    "trait",
    "true",
    "try",
    "type",
    "typeof",
    "unsafe",
    "unsized",
    "use",
    "virtual",
    "where",
    "while",
    "yield",
];

/// The crate name of a test: `fixedbugs/bug002.go` → `fixedbugs_bug002`, `235.go` → `t_235`.
/// Names that would start with a digit or that Cargo reserves get a `t_` prefix.
pub fn crate_name(path: &str) -> String {
    let stem = path.strip_suffix(".go").unwrap_or(path);
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    if name.starts_with(|c: char| !c.is_ascii_alphabetic()) || RESERVED.contains(&name.as_str()) {
        format!("t_{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::crate_name;

    #[test]
    fn crate_names() {
        assert_eq!(crate_name("fixedbugs/bug002.go"), "fixedbugs_bug002");
        assert_eq!(crate_name("235.go"), "t_235");
        assert_eq!(crate_name("abi/convF_criteria.go"), "abi_convf_criteria");
        assert_eq!(crate_name("const.go"), "t_const");
        assert_eq!(crate_name("typeparam/issue-1.go"), "typeparam_issue_1");
    }
}
