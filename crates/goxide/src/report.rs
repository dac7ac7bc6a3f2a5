//! The translation report: per file and function, whether it was translated fully, and the
//! TODO markers by kind, with totals. Plain data (serde).

use serde::Serialize;
use std::collections::BTreeMap;

/// The one greppable form of every marker goxide writes: `// TODO(goxide): <kind>: <text>`.
pub const MARKER_PREFIX: &str = "TODO(goxide):";

/// One function or method of a translated file.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct FunctionReport {
    /// `f`, or `Type::method` for methods and trait implementations.
    pub name: String,
    /// No `unsupported` marker and no `todo!()` in its body.
    pub complete: bool,
    pub markers: BTreeMap<String, usize>,
}

/// The form goxide chose for one pointer, slice or map declaration, and why.
#[derive(Clone, Debug, Serialize, PartialEq, Eq)]
pub struct OwnershipEntry {
    pub line: u32,
    /// Enclosing function (`F`, `T.M`) or struct type; empty at package level.
    pub scope: String,
    pub name: String,
    /// `package variable`, `variable`, `parameter`, `result` or `field`.
    pub role: String,
    pub go_type: String,
    pub form: String,
    /// `owned`, `borrowed` or `shared`.
    pub holding: String,
    pub why: String,
}

/// Declarations by how they hold their value.
#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct OwnershipTotals {
    pub declarations: usize,
    pub owned: usize,
    pub borrowed: usize,
    pub shared: usize,
}

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
    /// Each function and method, in output order.
    pub functions: Vec<FunctionReport>,
    /// Each pointer, slice and map declaration of the Go file.
    pub ownership: Vec<OwnershipEntry>,
}

#[derive(Clone, Debug, Default, Serialize, PartialEq, Eq)]
pub struct Report {
    pub files: Vec<FileReport>,
    /// Marker counts by kind, over all files.
    pub markers: BTreeMap<String, usize>,
    pub complete: bool,
    /// Functions translated fully, of all functions.
    pub functions_complete: usize,
    pub functions: usize,
    pub ownership: OwnershipTotals,
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
            functions: Vec::new(),
            ownership: Vec::new(),
        }
    }

    pub fn push(&mut self, f: FileReport) {
        for (k, v) in &f.markers {
            *self.markers.entry(k.clone()).or_insert(0) += v;
        }
        self.functions += f.functions.len();
        self.functions_complete += f.functions.iter().filter(|f| f.complete).count();
        for o in &f.ownership {
            self.ownership.declarations += 1;
            match o.holding.as_str() {
                "owned" => self.ownership.owned += 1,
                "borrowed" => self.ownership.borrowed += 1,
                _ => self.ownership.shared += 1,
            }
        }
        self.files.push(f);
        self.complete = self.files.iter().all(|f| f.complete);
    }
}

/// The functions and methods of a translated file, with their markers (counted in the syn
/// tree: markers are `__goxide_comment!("TODO(goxide): …")` statements there).
pub fn functions(file: &syn::File) -> Vec<FunctionReport> {
    use quote::ToTokens;
    let mut out = Vec::new();
    let mut add = |name: String, tokens: proc_macro2::TokenStream| {
        let text = tokens.to_string();
        let mut markers = BTreeMap::new();
        for part in text.split(MARKER_PREFIX).skip(1) {
            let kind = part
                .trim_start()
                .split(':')
                .next()
                .unwrap_or("other")
                .trim();
            *markers.entry(kind.to_string()).or_insert(0) += 1;
        }
        let complete = !markers.contains_key("unsupported") && !text.contains("todo !");
        out.push(FunctionReport {
            name,
            complete,
            markers,
        });
    };
    for item in &file.items {
        match item {
            syn::Item::Fn(f) => add(f.sig.ident.to_string(), f.to_token_stream()),
            syn::Item::Impl(i) => {
                // Impls of std or support traits are generated glue (`Display`, formatting),
                // not Go functions.
                if let Some((path, _)) = &i.trait_ {
                    let p = path.to_token_stream().to_string().replace(' ', "");
                    if p.starts_with("std::") || p.starts_with("crate::support::") {
                        continue;
                    }
                }
                let ty = i.self_ty.to_token_stream().to_string().replace(' ', "");
                for it in &i.items {
                    if let syn::ImplItem::Fn(f) = it {
                        add(format!("{ty}::{}", f.sig.ident), f.to_token_stream());
                    }
                }
            }
            _ => {}
        }
    }
    out
}

impl OwnershipEntry {
    pub fn from_record(r: &goxide_translate::OwnershipRecord) -> Self {
        OwnershipEntry {
            line: r.line,
            scope: r.scope.clone(),
            name: r.name.clone(),
            role: r.role.to_string(),
            go_type: r.go_type.clone(),
            form: r.form.clone(),
            holding: r.holding.as_str().to_string(),
            why: r.why.clone(),
        }
    }
}

/// The shared cells an item may hold (`RefCell`, `RwLock`, `Mutex`, `Arc`, goxide's
/// `sync::Shared`/`sync::Global`, `Rc<dyn Place>`): each such item must carry a
/// `TODO(goxide): ownership` marker.
pub const SHARED_CELLS: &[&str] = &[
    "RefCell<",
    "RwLock<",
    "Mutex<",
    "Arc<",
    "sync::Shared<",
    "sync::Global<",
    "ptr::Place<",
];

/// Top-level items of a printed Rust file, each with the comment lines just above it.
pub fn items(text: &str) -> Vec<String> {
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

/// The items of a printed Rust file that hold a shared cell (see [`SHARED_CELLS`]), each with
/// whether it carries an ownership marker: (the item's first code line, marked).
pub fn cell_items(text: &str) -> Vec<(String, bool)> {
    items(text)
        .into_iter()
        .filter_map(|item| {
            let code: Vec<&str> = item
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect();
            let code = code.join("\n");
            SHARED_CELLS.iter().any(|c| code.contains(c)).then(|| {
                let head = code.lines().next().unwrap_or("").to_string();
                (head, item.contains("TODO(goxide): ownership"))
            })
        })
        .collect()
}
