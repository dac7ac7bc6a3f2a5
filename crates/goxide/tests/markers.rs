//! Every item of the Rust goxide writes for `examples/` that holds a shared cell (`RefCell`,
//! `RwLock`, `Mutex`, `Arc`, goxide's `sync::Shared`/`sync::Global`, `Rc<dyn Place>`) carries a
//! `TODO(goxide): ownership` marker, so that a person finds every place where sharing was kept.

mod common;

use std::path::Path;

use goxide::report::{cell_items, items};

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
            for (head, marked) in cell_items(&f.contents) {
                with_cells += 1;
                if !marked {
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
