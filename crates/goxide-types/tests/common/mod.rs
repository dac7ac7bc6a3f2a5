//! Test support: parsing Go source strings and importing standard-library packages from a
//! GOROOT (`/usr/share/go-1.19`), with build constraints for linux/amd64.

#![allow(dead_code)]

use goxide_ast::ast::{Decl, DeclKind, Expr, File, IdGen};
use goxide_ast::visit::{self, Visitor};
use goxide_ast::SourceFile;
use goxide_types::{check_package, Checked, Config, Importer};
use std::collections::HashMap;

pub const GOROOT: &str = "/usr/share/go-1.19";

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
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "windows",
    "zos",
];
const ARCHES: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "armbe",
    "arm64",
    "arm64be",
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

fn tag_true(tag: &str) -> bool {
    match tag {
        "linux" | "amd64" | "unix" | "gc" => true,
        t if t.starts_with("go1.") => t[4..].parse::<u32>().is_ok_and(|v| v <= 19),
        _ => false,
    }
}

/// Evaluates a `//go:build` expression for linux/amd64 without cgo.
pub fn eval_constraint(expr: &str) -> bool {
    let toks: Vec<String> = {
        let mut out = Vec::new();
        let mut cur = String::new();
        for c in expr.chars() {
            match c {
                '(' | ')' | '!' => {
                    if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                    out.push(c.to_string());
                }
                '&' | '|' => {
                    if !cur.is_empty() && !cur.starts_with(c) {
                        out.push(std::mem::take(&mut cur));
                    }
                    cur.push(c);
                    if cur.len() == 2 {
                        out.push(std::mem::take(&mut cur));
                    }
                }
                c if c.is_whitespace() => {
                    if !cur.is_empty() {
                        out.push(std::mem::take(&mut cur));
                    }
                }
                c => cur.push(c),
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    };
    fn or(t: &[String], i: &mut usize) -> bool {
        let mut v = and(t, i);
        while t.get(*i).is_some_and(|s| s == "||") {
            *i += 1;
            v |= and(t, i);
        }
        v
    }
    fn and(t: &[String], i: &mut usize) -> bool {
        let mut v = not(t, i);
        while t.get(*i).is_some_and(|s| s == "&&") {
            *i += 1;
            v &= not(t, i);
        }
        v
    }
    fn not(t: &[String], i: &mut usize) -> bool {
        match t.get(*i).map(|s| s.as_str()) {
            Some("!") => {
                *i += 1;
                !not(t, i)
            }
            Some("(") => {
                *i += 1;
                let v = or(t, i);
                *i += 1;
                v
            }
            Some(tag) => {
                *i += 1;
                tag_true(tag)
            }
            None => false,
        }
    }
    let mut i = 0;
    or(&toks, &mut i)
}

/// Whether a file name's `_GOOS`/`_GOARCH` suffixes allow it on linux/amd64.
pub fn name_ok(name: &str) -> bool {
    let stem = name.trim_end_matches(".go");
    let parts: Vec<&str> = stem.split('_').collect();
    let n = parts.len();
    if n >= 3 && OSES.contains(&parts[n - 2]) && ARCHES.contains(&parts[n - 1]) {
        return parts[n - 2] == "linux" && parts[n - 1] == "amd64";
    }
    if n >= 2 {
        let last = parts[n - 1];
        if OSES.contains(&last) {
            return last == "linux";
        }
        if ARCHES.contains(&last) {
            return last == "amd64";
        }
    }
    true
}

fn build_line(text: &str) -> Option<&str> {
    for line in text.lines() {
        let l = line.trim();
        if let Some(rest) = l.strip_prefix("//go:build ") {
            return Some(rest);
        }
        if l.starts_with("package ") {
            break;
        }
    }
    None
}

/// Parses the package at `$GOROOT/src/<path>`.
pub fn load_goroot_package(path: &str) -> Option<Vec<(SourceFile, File)>> {
    let dir = format!("{GOROOT}/src/{path}");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".go") && !n.ends_with("_test.go") && name_ok(n))
        .collect();
    names.sort();
    let mut ids = IdGen::new();
    let mut out = Vec::new();
    for n in names {
        let p = format!("{dir}/{n}");
        let Ok(text) = std::fs::read_to_string(&p) else {
            continue;
        };
        if let Some(c) = build_line(&text) {
            if !eval_constraint(c) {
                continue;
            }
        }
        let (file, _) = goxide_parser::parse_file(&p, &text, &mut ids);
        if file.package.name == "documentation" || file.package.name.ends_with("_test") {
            continue;
        }
        out.push((SourceFile::new(p, text), file));
    }
    (!out.is_empty()).then_some(out)
}

/// An importer reading GOROOT sources, caching parsed packages.
#[derive(Default)]
pub struct GorootImporter {
    cache: HashMap<String, Option<Vec<(SourceFile, File)>>>,
}

impl Importer for GorootImporter {
    fn import(&mut self, path: &str) -> Option<Vec<(SourceFile, File)>> {
        if let Some(c) = self.cache.get(path) {
            return c.clone();
        }
        // Standard-library packages vendor golang.org/x packages under src/vendor.
        let r =
            load_goroot_package(path).or_else(|| load_goroot_package(&format!("vendor/{path}")));
        self.cache.insert(path.to_string(), r.clone());
        r
    }
}

pub struct Checked1 {
    pub checked: Checked,
    pub files: Vec<(SourceFile, File)>,
    pub parse_errors: Vec<String>,
}

thread_local! {
    static IMPORTER: std::cell::RefCell<GorootImporter> = std::cell::RefCell::new(GorootImporter::default());
}

/// Parses and checks one source file as package main.
pub fn check_src(src: &str) -> Checked1 {
    check_src_with(src, &Config::default())
}

pub fn check_src_with(src: &str, config: &Config) -> Checked1 {
    let mut ids = IdGen::new();
    let (file, diags) = goxide_parser::parse_file("x.go", src, &mut ids);
    let files = vec![(SourceFile::new("x.go", src), file)];
    let checked =
        IMPORTER.with(|imp| check_package("main", &files, &mut *imp.borrow_mut(), config));
    Checked1 {
        checked,
        files,
        parse_errors: diags.iter().map(|d| d.to_string()).collect(),
    }
}

/// Error messages of checking `src` (with `line:col: ` prefixes stripped).
pub fn errors(src: &str) -> Vec<String> {
    let c = check_src(src);
    assert!(
        c.parse_errors.is_empty(),
        "parse errors: {:?}",
        c.parse_errors
    );
    c.checked
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .collect()
}

struct Collect(Vec<Expr>);
impl Visitor for Collect {
    fn expr(&mut self, e: &Expr) -> bool {
        self.0.push(e.clone());
        true
    }
}

fn all_exprs(f: &File) -> Vec<Expr> {
    let mut c = Collect(Vec::new());
    for d in &f.decls {
        walk_decl_full(&mut c, d);
    }
    c.0
}

fn walk_decl_full(c: &mut Collect, d: &Decl) {
    match &d.kind {
        DeclKind::Func(fd) => {
            if let Some(b) = &fd.body {
                visit::walk_block(c, b);
            }
        }
        _ => visit::walk_decl(c, d),
    }
}

/// The `n`th (0-based, in source order) outermost expression whose source text is `snippet`.
pub fn find_expr(c: &Checked1, snippet: &str, n: usize) -> Option<Expr> {
    let text = &c.files[0].0.text;
    let mut found: Vec<Expr> = Vec::new();
    for e in all_exprs(&c.files[0].1) {
        if text.get(e.span.start as usize..e.span.end as usize) == Some(snippet)
            && !found.iter().any(|f| f.span == e.span)
        {
            found.push(e);
        }
    }
    found.sort_by_key(|e| e.span.start);
    found.into_iter().nth(n)
}

/// `type_string` of the recorded type of the expression spelled `snippet` in `src`.
pub fn type_of(src: &str, snippet: &str) -> String {
    let c = check_src(src);
    assert!(
        c.checked.diagnostics.is_empty(),
        "errors: {:?}",
        c.checked
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
    );
    let e = find_expr(&c, snippet, 0).unwrap_or_else(|| panic!("no expression {snippet:?}"));
    let t = c
        .checked
        .info
        .type_of(e.id)
        .unwrap_or_else(|| panic!("no type recorded for {snippet:?}"));
    c.checked.program.type_string(t)
}

/// A GOROOT importer whose cache of parsed packages is shared between threads (each package is
/// parsed once per process, then cloned into every checker that imports it).
#[derive(Clone, Default)]
pub struct SharedGorootImporter {
    cache: std::sync::Arc<std::sync::Mutex<SharedCache>>,
}

type Parsed = Option<std::sync::Arc<Vec<(SourceFile, File)>>>;

#[derive(Default)]
struct SharedCache {
    done: HashMap<String, Parsed>,
    /// Paths some thread is parsing now (others wait on `ready` rather than parse them too).
    pending: std::collections::HashSet<String>,
}

static READY: std::sync::Condvar = std::sync::Condvar::new();

impl SharedGorootImporter {
    /// The parsed files of `path` (looked up under `src/` and then `src/vendor/`).
    pub fn parsed(&self, path: &str) -> Parsed {
        let mut g = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(c) = g.done.get(path) {
                return c.clone();
            }
            if !g.pending.contains(path) {
                break;
            }
            g = READY.wait(g).unwrap_or_else(|e| e.into_inner());
        }
        g.pending.insert(path.to_string());
        drop(g);
        let r = std::panic::catch_unwind(|| {
            load_goroot_package(path).or_else(|| load_goroot_package(&format!("vendor/{path}")))
        })
        .ok()
        .flatten()
        .map(std::sync::Arc::new);
        let mut g = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        g.pending.remove(path);
        g.done.insert(path.to_string(), r.clone());
        READY.notify_all();
        r
    }
}

impl Importer for SharedGorootImporter {
    fn import(&mut self, path: &str) -> Option<Vec<(SourceFile, File)>> {
        self.parsed(path).map(|p| (*p).clone())
    }
    fn import_shared(&mut self, path: &str) -> Option<std::sync::Arc<Vec<(SourceFile, File)>>> {
        self.parsed(path)
    }
}

/// Runs `f(i)` for every `i < n` on `threads` threads with large stacks (the checker recurses
/// deeply on some inputs), returning the results in index order.
pub fn par_map<T: Send>(n: usize, threads: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let out: std::sync::Mutex<Vec<Option<T>>> =
        std::sync::Mutex::new((0..n).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads.max(1) {
            std::thread::Builder::new()
                .stack_size(256 << 20)
                .spawn_scoped(s, || loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let r = f(i);
                    out.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(r);
                })
                .expect("spawn");
        }
    });
    out.into_inner()
        .unwrap_or_else(|e| e.into_inner())
        .into_iter()
        .map(|r| r.expect("every index ran"))
        .collect()
}

/// The number of worker threads for sweeps: `GOXIDE_THREADS` or the available parallelism.
pub fn threads() -> usize {
    std::env::var("GOXIDE_THREADS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()))
}
