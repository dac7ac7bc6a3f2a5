//! Reading an input (a `.go` file, a package directory, or a module root) from disk into an
//! [`Input`]. The only part of the library, besides [`crate::write`], that touches the file
//! system.

use crate::{Input, InputFile, InputPackage};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}: no such file or directory")]
    NotFound(String),
    #[error("{0}: not a .go file, package directory or module root")]
    NotGo(String),
    #[error("{0}: no Go files")]
    NoGoFiles(String),
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(std::io::Error) -> LoadError + '_ {
    move |source| LoadError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Whether a file takes part in a linux/amd64 build (by name: `_test.go` files and files for
/// other platforms are left out). `//go:build` lines are honoured by the type checker's loader.
pub fn file_name_selected(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".go") else {
        return false;
    };
    if stem.ends_with("_test") || name.starts_with('.') || name.starts_with('_') {
        return false;
    }
    const OSES: &[&str] = &[
        "aix",
        "android",
        "darwin",
        "dragonfly",
        "freebsd",
        "hurd",
        "illumos",
        "ios",
        "js",
        "netbsd",
        "openbsd",
        "plan9",
        "solaris",
        "windows",
        "zos",
        "wasip1",
    ];
    const ARCHES: &[&str] = &[
        "386",
        "arm",
        "arm64",
        "arm64be",
        "armbe",
        "loong64",
        "mips",
        "mipsle",
        "mips64",
        "mips64le",
        "mips64p32",
        "mips64p32le",
        "ppc",
        "ppc64",
        "ppc64le",
        "riscv",
        "riscv64",
        "s390",
        "s390x",
        "sparc",
        "sparc64",
        "wasm",
    ];
    let parts: Vec<&str> = stem.split('_').collect();
    let n = parts.len();
    if n >= 3
        && OSES.contains(&parts[n - 2])
        && (ARCHES.contains(&parts[n - 1]) || parts[n - 1] == "amd64")
    {
        return false;
    }
    if n >= 2 && (OSES.contains(&parts[n - 1]) || ARCHES.contains(&parts[n - 1])) {
        return false;
    }
    true
}

fn read_package(
    dir: &Path,
    import_path: String,
    rel_dir: String,
) -> Result<Option<InputPackage>, LoadError> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_err(dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(file_name_selected)
        })
        .collect();
    names.sort();
    if names.is_empty() {
        return Ok(None);
    }
    let mut files = Vec::new();
    for p in names {
        let text = std::fs::read_to_string(&p).map_err(io_err(&p))?;
        files.push(InputFile {
            path: p.display().to_string(),
            text,
        });
    }
    Ok(Some(InputPackage {
        import_path,
        rel_dir,
        files,
    }))
}

/// Parses `module` and `go` directives of a `go.mod` file.
pub fn parse_go_mod(text: &str) -> (Option<String>, Option<(u32, u32)>) {
    let mut module = None;
    let mut go = None;
    for line in text.lines() {
        let line = line.split("//").next().unwrap_or("").trim();
        if let Some(m) = line.strip_prefix("module ") {
            module = Some(m.trim().trim_matches('"').to_string());
        } else if let Some(v) = line.strip_prefix("go ") {
            go = crate::parse_go_version(v);
        }
    }
    (module, go)
}

/// A lone file's crate is named after the file, or after its directory when the file is
/// `main.go` (`hello/main.go` → `hello`).
fn file_crate_name(path: &Path) -> String {
    let stem = base_name(path);
    if stem == "main" {
        if let Some(dir) = path
            .canonicalize()
            .ok()
            .as_deref()
            .and_then(Path::parent)
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
        {
            return dir.to_string();
        }
    }
    stem
}

fn base_name(path: &Path) -> String {
    path.file_stem()
        .or_else(|| path.file_name())
        .and_then(|s| s.to_str())
        .unwrap_or("main")
        .to_string()
}

/// Loads a `.go` file, a package directory, or a module root (a directory with `go.mod`; all
/// its package directories are loaded, `testdata` and hidden directories excepted).
pub fn load_input(path: &Path) -> Result<Input, LoadError> {
    if !path.exists() {
        return Err(LoadError::NotFound(path.display().to_string()));
    }
    if path.is_file() {
        if path.extension().and_then(|e| e.to_str()) != Some("go") {
            return Err(LoadError::NotGo(path.display().to_string()));
        }
        let text = std::fs::read_to_string(path).map_err(io_err(path))?;
        let file = InputFile {
            path: path.display().to_string(),
            text,
        };
        return Ok(Input {
            module: None,
            go_version: None,
            packages: vec![InputPackage {
                import_path: "main".into(),
                rel_dir: String::new(),
                files: vec![file],
            }],
            name: file_crate_name(path),
        });
    }
    let abs = path.canonicalize().map_err(io_err(path))?;
    let go_mod = path.join("go.mod");
    if go_mod.is_file() {
        let text = std::fs::read_to_string(&go_mod).map_err(io_err(&go_mod))?;
        let (module, go_version) = parse_go_mod(&text);
        let module_path = module.clone().unwrap_or_else(|| base_name(&abs));
        let mut packages = Vec::new();
        let mut stack = vec![(path.to_path_buf(), String::new())];
        while let Some((dir, rel)) = stack.pop() {
            let import_path = if rel.is_empty() {
                module_path.clone()
            } else {
                format!("{module_path}/{rel}")
            };
            if let Some(p) = read_package(&dir, import_path, rel.clone())? {
                packages.push(p);
            }
            let mut subdirs: Vec<_> = std::fs::read_dir(&dir)
                .map_err(io_err(&dir))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect();
            subdirs.sort();
            for sub in subdirs.into_iter().rev() {
                let name = sub
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or("")
                    .to_string();
                if name.starts_with('.')
                    || name.starts_with('_')
                    || name == "testdata"
                    || sub.join("go.mod").exists()
                {
                    continue;
                }
                let rel = if rel.is_empty() {
                    name
                } else {
                    format!("{rel}/{name}")
                };
                stack.push((sub, rel));
            }
        }
        packages.sort_by(|a, b| a.rel_dir.cmp(&b.rel_dir));
        if packages.is_empty() {
            return Err(LoadError::NoGoFiles(path.display().to_string()));
        }
        let name = module_path.rsplit('/').next().unwrap_or("main").to_string();
        return Ok(Input {
            module,
            go_version,
            packages,
            name,
        });
    }
    match read_package(path, "main".into(), String::new())? {
        Some(p) => Ok(Input {
            module: None,
            go_version: None,
            packages: vec![p],
            name: base_name(&abs),
        }),
        None => Err(LoadError::NoGoFiles(path.display().to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selects_files_for_linux_amd64() {
        assert!(file_name_selected("a.go"));
        assert!(file_name_selected("a_linux.go"));
        assert!(file_name_selected("a_linux_amd64.go"));
        assert!(!file_name_selected("a_windows.go"));
        assert!(!file_name_selected("a_darwin_arm64.go"));
        assert!(!file_name_selected("a_test.go"));
        assert!(!file_name_selected("a.rs"));
    }

    #[test]
    fn reads_go_mod_directives() {
        let (m, v) = parse_go_mod("module example.com/x\n\ngo 1.21\n");
        assert_eq!(m.as_deref(), Some("example.com/x"));
        assert_eq!(v, Some((1, 21)));
    }
}
