//! What goxide wrote, tallied over a corpus (the conformance programs, and `examples/`): the
//! ownership report's totals (the share of pointer, slice and map declarations held without a
//! shared wrapper), markers by kind, uses of the shared wrappers, items holding a shared cell
//! and whether each carries its ownership marker, and `unsafe`. Written to
//! `snapshots/report.snap` after every unfiltered run, so that a change of these figures shows
//! in review like any other snapshot change.

use std::collections::BTreeMap;
use std::fmt::Write;

/// The shared wrappers counted in the generated code (type uses, `Rc<` and so on).
const WRAPPERS: &[(&str, &str)] = &[
    ("Rc", "Rc<"),
    ("RefCell", "RefCell<"),
    ("Arc", "Arc<"),
    ("Mutex", "Mutex<"),
    ("RwLock", "RwLock<"),
    ("sync::Shared", "Shared<"),
    ("sync::Global", "Global<"),
];

#[derive(Default, Clone)]
pub struct Tally {
    pub programs: usize,
    pub go_lines: usize,
    pub rust_lines: usize,
    pub declarations: usize,
    pub owned: usize,
    pub borrowed: usize,
    pub shared: usize,
    /// Shared declarations by role (`variable`, `parameter`, …).
    pub shared_by_role: BTreeMap<String, usize>,
    /// Shared declarations by Go file (the programs that alias the most show first).
    pub shared_by_file: BTreeMap<String, usize>,
    pub markers: BTreeMap<String, usize>,
    pub wrappers: BTreeMap<&'static str, usize>,
    /// `unsafe` in any generated Rust file, support code included.
    pub unsafe_uses: usize,
    /// Items holding a shared cell, and those of them without an ownership marker.
    pub cell_items: usize,
    pub unmarked_cell_items: Vec<String>,
    /// Each shared declaration, one tab-separated line: Go file, line, scope, name, role,
    /// form, why.
    pub shared_lines: Vec<String>,
}

impl Tally {
    /// The tally of one translation.
    pub fn of(out: &goxide::Output) -> Tally {
        let mut t = Tally {
            programs: 1,
            ..Tally::default()
        };
        let r = &out.report;
        t.declarations = r.ownership.declarations;
        t.owned = r.ownership.owned;
        t.borrowed = r.ownership.borrowed;
        t.shared = r.ownership.shared;
        t.markers = r.markers.clone();
        for f in &r.files {
            t.go_lines += f.go_lines;
            t.rust_lines += f.rust_lines;
            for o in f.ownership.iter().filter(|o| o.holding == "shared") {
                *t.shared_by_role.entry(o.role.clone()).or_insert(0) += 1;
                *t.shared_by_file.entry(short_path(&f.go_file)).or_insert(0) += 1;
                t.shared_lines.push(format!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    f.go_file, o.line, o.scope, o.name, o.role, o.form, o.why
                ));
            }
        }
        for f in out.files.iter().filter(|f| f.path.ends_with(".rs")) {
            t.unsafe_uses += count_unsafe(&f.contents);
            if f.path.contains("support/") {
                continue;
            }
            for (head, marked) in goxide::report::cell_items(&f.contents) {
                t.cell_items += 1;
                if !marked {
                    let go = r.files.first().map_or("", |g| g.go_file.as_str());
                    t.unmarked_cell_items
                        .push(format!("{go} ({}): {head}", f.path));
                }
            }
            for (name, needle) in WRAPPERS {
                let n = f.contents.matches(needle).count();
                if n > 0 {
                    *t.wrappers.entry(name).or_insert(0) += n;
                }
            }
        }
        t
    }

    pub fn add(&mut self, o: &Tally) {
        self.programs += o.programs;
        self.go_lines += o.go_lines;
        self.rust_lines += o.rust_lines;
        self.declarations += o.declarations;
        self.owned += o.owned;
        self.borrowed += o.borrowed;
        self.shared += o.shared;
        self.unsafe_uses += o.unsafe_uses;
        self.cell_items += o.cell_items;
        self.unmarked_cell_items
            .extend(o.unmarked_cell_items.iter().cloned());
        self.shared_lines.extend(o.shared_lines.iter().cloned());
        for (k, v) in &o.shared_by_role {
            *self.shared_by_role.entry(k.clone()).or_insert(0) += v;
        }
        for (k, v) in &o.shared_by_file {
            *self.shared_by_file.entry(k.clone()).or_insert(0) += v;
        }
        for (k, v) in &o.markers {
            *self.markers.entry(k.clone()).or_insert(0) += v;
        }
        for (k, v) in &o.wrappers {
            *self.wrappers.entry(k).or_insert(0) += v;
        }
    }

    /// The share of declarations held without a shared wrapper, in percent.
    pub fn non_shared_percent(&self) -> f64 {
        if self.declarations == 0 {
            return 100.0;
        }
        100.0 * (self.owned + self.borrowed) as f64 / self.declarations as f64
    }

    pub fn render(&self, title: &str, out: &mut String) {
        let _ = writeln!(out, "## {title}");
        let _ = writeln!(
            out,
            "programs: {}; Go lines: {}; Rust lines: {}",
            self.programs, self.go_lines, self.rust_lines
        );
        let _ = writeln!(
            out,
            "pointer, slice and map declarations: {} (owned {}, borrowed {}, shared {}); \
             not shared: {:.1}%",
            self.declarations,
            self.owned,
            self.borrowed,
            self.shared,
            self.non_shared_percent()
        );
        let _ = writeln!(out, "shared by role: {}", join(&self.shared_by_role));
        let mut by_file: Vec<(&String, &usize)> = self.shared_by_file.iter().collect();
        by_file.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let most: Vec<String> = by_file
            .iter()
            .take(10)
            .map(|(f, n)| format!("{f} {n}"))
            .collect();
        if !most.is_empty() {
            let _ = writeln!(out, "shared, most per program: {}", most.join(", "));
        }
        let _ = writeln!(out, "markers: {}", join(&self.markers));
        let _ = writeln!(out, "wrapper uses: {}", join(&self.wrappers));
        let _ = writeln!(
            out,
            "items holding a shared cell: {}, without an ownership marker: {}",
            self.cell_items,
            self.unmarked_cell_items.len()
        );
        for u in &self.unmarked_cell_items {
            let _ = writeln!(out, "  unmarked: {u}");
        }
        let _ = writeln!(out, "unsafe: {}", self.unsafe_uses);
    }
}

/// A Go file's path from the test suite's or the examples' root (`typeparam/list2.go`,
/// `examples/optional_hooks/main.go`), the same on every machine.
fn short_path(go_file: &str) -> String {
    for root in ["/examples/", "/test/"] {
        if let Some(i) = go_file.find(root) {
            let rest = &go_file[i + root.len()..];
            return if root == "/examples/" {
                format!("examples/{rest}")
            } else {
                rest.to_string()
            };
        }
    }
    go_file.to_string()
}

fn join<K: std::fmt::Display>(m: &BTreeMap<K, usize>) -> String {
    if m.is_empty() {
        return "none".to_string();
    }
    m.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Uses of the keyword `unsafe` (a block, `unsafe fn`, `unsafe impl`, …), not the word in a
/// comment or a string such as `"unsafe.Pointer"`.
fn count_unsafe(text: &str) -> usize {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices("unsafe")
        .filter(|(i, w)| {
            let before = text[..*i].chars().next_back();
            let rest = text[i + w.len()..].trim_start();
            !before.is_some_and(ident)
                && text[i + w.len()..].starts_with(char::is_whitespace)
                && ["{", "fn ", "impl ", "impl<", "trait ", "extern "]
                    .iter()
                    .any(|k| rest.starts_with(k))
        })
        .count()
}

/// Translates every program of `examples/` (a directory with `main.go` or `go.mod`) in-process.
pub fn examples(root: &std::path::Path) -> Tally {
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .map(|r| r.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.retain(|d| d.join("main.go").is_file() || d.join("go.mod").is_file());
    dirs.sort();
    let mut total = Tally::default();
    for d in dirs {
        let Ok(input) = goxide::load_input(&d) else {
            continue;
        };
        let opts = goxide::Options::default();
        if let Ok(out) = std::panic::catch_unwind(|| goxide::translate(&input, &opts)) {
            if !out.has_errors() {
                total.add(&Tally::of(&out));
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_is_counted_as_a_keyword() {
        assert_eq!(count_unsafe("unsafe { x } // unsafe_fn is_unsafe"), 1);
        assert_eq!(count_unsafe("unsafe fn f() { unsafe {} }"), 2);
        assert_eq!(count_unsafe("f(\"unsafe.Pointer\"); // unsafe code"), 0);
    }

    #[test]
    fn the_share_counts_owned_and_borrowed() {
        let t = Tally {
            declarations: 10,
            owned: 6,
            borrowed: 2,
            shared: 2,
            ..Tally::default()
        };
        assert_eq!(t.non_shared_percent(), 80.0);
        let mut s = String::new();
        t.render("x", &mut s);
        assert!(s.contains("not shared: 80.0%"), "{s}");
    }
}
