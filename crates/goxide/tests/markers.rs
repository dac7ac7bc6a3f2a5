//! Every item of the Rust goxide writes for `examples/` that holds a shared cell (`RefCell`,
//! `RwLock`, `Mutex`, `Arc`, goxide's `sync::Shared`/`sync::Global`, `Rc<dyn Place>`) carries a
//! `TODO(goxide): ownership` marker, so that a person finds every place where sharing was kept.

mod common;

use std::path::Path;

const CELLS: &[&str] = &[
    "RefCell<",
    "RwLock<",
    "Mutex<",
    "Arc<",
    "sync::Shared<",
    "sync::Global<",
    "ptr::Place<",
];

/// Top-level items of a printed Rust file, each with the comment lines just above it.
fn items(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut closed = true;
    for line in text.lines() {
        let top = !line.is_empty() && !line.starts_with(char::is_whitespace);
        if top && closed && !line.starts_with('}') && !line.starts_with(')') {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            closed = false;
        }
        cur.push_str(line);
        cur.push('\n');
        if top && !line.starts_with("//") && !line.starts_with("#[") {
            // A one-line item, or the last line of a multi-line one.
            closed = line.ends_with(';') || line.ends_with('}');
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn code_of(item: &str) -> String {
    item.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn items_split_with_their_comments() {
    let text = "// a\nstruct A {\n    x: i64,\n}\nfn f() {}\n// TODO(goxide): ownership: b\nthread_local! {\n    static B: RefCell<i64> = RefCell::new(0);\n}\n";
    let got = items(text);
    assert_eq!(got.len(), 3, "{got:#?}");
    assert!(got[2].starts_with("// TODO(goxide): ownership: b\nthread_local!"));
}

#[test]
fn every_item_with_a_shared_cell_carries_an_ownership_marker() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("main.go").is_file() && !p.join("go.mod").exists())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 60);
    let mut unmarked = Vec::new();
    let mut with_cells = 0;
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(dir.join("main.go")).unwrap();
        let out = common::translate_main("main.go", &text, &name);
        for f in &out.files {
            if !f.path.ends_with(".rs") || f.path.contains("support/") {
                continue;
            }
            for item in items(&f.contents) {
                let code = code_of(&item);
                if !CELLS.iter().any(|c| code.contains(c)) {
                    continue;
                }
                with_cells += 1;
                if !item.contains("TODO(goxide): ownership") {
                    let head = code.lines().next().unwrap_or("").to_string();
                    unmarked.push(format!("{name}/{}: {head}", f.path));
                }
            }
        }
    }
    assert!(
        with_cells > 50,
        "expected items with cells, found {with_cells}"
    );
    assert!(
        unmarked.is_empty(),
        "{} of {with_cells} items hold a shared cell without an ownership marker:\n{}",
        unmarked.len(),
        unmarked.join("\n")
    );
}
