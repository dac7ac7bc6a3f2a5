//! `goxide-translate` owns the translation of the typed IR (Go AST + [`goxide_types::Info`])
//! into syn trees, pattern by pattern: one module per family of Go constructs.
//!
//! It depends on `goxide-ast` and `goxide-types` and emits syn; it never depends on
//! tree-sitter or the parser, and never prints (the facade prints with prettyplease).
//! Translation never panics and never drops a declaration: what it cannot translate becomes a
//! compiling `todo!()` under a `// TODO(goxide): unsupported: …` marker.

mod addr;
mod alias_reasons;
mod analysis;
mod builtins;
mod bytestr;
mod callback_params;
pub mod chaining;
mod concurrency;
mod ctx;
mod decl;
mod dyn_wrappers;
mod equality;
mod expr;
mod field_makers;
mod field_shares;
mod fmt_calls;
mod frozen;
mod generic_ifaces;
mod generic_types;
mod globals;
mod goto;
mod handles;
mod interfaces;
mod last_use;
mod layout;
mod links;
mod lit;
mod local_borrows;
mod local_closures;
pub mod localize;
pub(crate) mod loop_labels;
mod map_values;
mod markers;
mod method_slices;
mod moves;
mod named_ifaces;
mod names;
mod nil_guards;
mod nullable;
mod owned_elems;
mod owned_fields;
mod ownership;
mod parametric;
mod place;
mod ptr_params;
mod ptr_receivers;
mod result_calls;
mod results;
pub mod state_params;
mod stdlib;
mod stmt;
mod str_params;
mod subslice;
mod tidy;
mod tuple_assign;
mod types;

use goxide_ast::ast::File;
use goxide_ast::SourceFile;
use goxide_types::Checked;
pub use ownership::{Holding, OwnershipRecord};
use std::collections::BTreeSet;
pub use tidy::thread_local_statics;

/// Statement-position comment sentinel: `__goxide_comment!("text");` is turned into `// text`
/// by the facade after printing (prettyplease drops ordinary comments).
pub const COMMENT_MACRO: &str = "__goxide_comment";

/// The marker every TODO carries.
pub const MARKER: &str = "TODO(goxide):";

#[derive(Clone, Debug)]
pub struct Options {
    /// Go version whose semantics apply (loop variables per iteration from 1.22 on).
    pub go_version: (u32, u32),
    /// `--async tokio`: goroutines (and `main`) run as tasks of a tokio runtime.
    pub async_tokio: bool,
    /// Names (their ids) of package variables [`localize`] moved into a function, with the
    /// function's name: the report still counts them as package variables.
    pub localized: std::collections::HashMap<goxide_ast::ast::NodeId, String>,
    /// Of those, the ones [`state_params`] lends to functions: the functions' names.
    pub lent: std::collections::HashMap<goxide_ast::ast::NodeId, Vec<String>>,
    /// Parameters [`state_params`] added (their names' ids): no Go declarations.
    pub added_params: std::collections::HashSet<goxide_ast::ast::NodeId>,
}

/// One Rust file: the translation of one Go file (or the generated crate root).
pub struct RustFile {
    /// Module name: `main` / `lib` for the crate root, else the module's name.
    pub module: String,
    /// The Go file it translates (empty for a generated root).
    pub go_path: String,
    pub syn_file: syn::File,
}

/// A translated package.
pub struct Translated {
    pub files: Vec<RustFile>,
    /// Support modules (`goxide_support::MODULES` names) the code uses.
    pub support: BTreeSet<String>,
    /// `package main`: a binary crate.
    pub is_main: bool,
    /// The form chosen for every pointer, slice and map declaration, and why.
    pub ownership: Vec<OwnershipRecord>,
    /// The code runs goroutines on tokio (`--async tokio` and `go` statements): the crate
    /// depends on tokio.
    pub uses_tokio: bool,
    /// crates.io crates the code calls (`sha2`, `md-5`), which the crate depends on.
    pub crates: BTreeSet<&'static str>,
}

/// Translates one checked package; `None` only if the translator itself failed (a bug in
/// goxide, never the input's fault), which the caller reports as an internal error.
pub fn translate_package(
    checked: &Checked,
    files: &[(SourceFile, File)],
    opts: &Options,
) -> Option<Translated> {
    // Translation is written not to panic; this guard keeps a bug from taking down the
    // embedding program.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        decl::translate_package(checked, files, opts)
    }))
    .ok()
}
