//! The translation context: the typed IR of the package being translated, what the analyses
//! found, the support modules used so far, and the state of the function being translated.

use crate::analysis::Analysis;
use crate::Options;
use goxide_ast::ast::{Comment, Expr, NodeId};
use goxide_ast::{SourceFile, Span};
use goxide_types::{Info, Mode, ObjId, Object, PkgId, Program, Type, TypeId};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The name recorded in [`Ctx::local_names`] for a method's receiver, which is `self`.
pub const RECEIVER: &str = "<self>";

/// State of the function (or closure) being translated.
#[derive(Default, Clone)]
pub struct FnState {
    /// Result types of the function.
    pub results: Vec<TypeId>,
    /// Named result objects (empty when results are unnamed).
    pub named_results: Vec<ObjId>,
    /// Labels of enclosing loops/switches: (Go label or None, kind, continue-block label when
    /// `continue` must run a post statement).
    pub breakables: Vec<Breakable>,
    /// Counter for fresh labels.
    pub next_label: u32,
    /// Translating the body of a function with `defer` (inside `with_defer`'s closure).
    pub in_defer_body: bool,
    /// Translating a constructor (see `ptr_params`): `return` gives the value, not a pointer.
    pub ctor: bool,
    /// Translating a chaining method (see `chaining`): it returns `&mut Self`.
    pub chaining: bool,
    /// Translating a function that returns `errors::Result` (see `results`).
    pub result_fn: bool,
    /// A constructor that may return nil (`Option<T>`).
    pub nullable_ctor: bool,
    /// A constructor's pointer result among its results.
    pub ctor_index: usize,
    /// Labels that `goto` jumps to: the segment loop's label, its state variable and the
    /// label's segment number (see `goto.rs`).
    pub goto_labels: std::collections::HashMap<String, (syn::Lifetime, syn::Ident, usize)>,
    /// The Go name of the function declaration being translated (`main`, `T.M`); `None`
    /// inside a function literal.
    pub go_name: Option<String>,
}

#[derive(Clone)]
pub struct Breakable {
    /// The Go statement's node id.
    pub stmt: NodeId,
    /// The Go label naming it, if any.
    pub go_label: Option<String>,
    /// A loop (`continue` applies) or a switch/select (only `break`).
    pub is_loop: bool,
    /// The Rust label of the loop or block that `break` leaves.
    pub break_label: Option<syn::Lifetime>,
    /// The Rust label of the block that `continue` leaves (3-clause loops with a post statement).
    pub continue_label: Option<syn::Lifetime>,
    /// Whether a `break` needs the label (set during body translation).
    pub break_used: bool,
    pub continue_used: bool,
}

pub struct Ctx<'a> {
    pub prog: &'a Program,
    pub info: &'a Info,
    pub pkg: PkgId,
    /// Translation options (the Go version decides loop-variable semantics).
    pub opts: &'a Options,
    pub analysis: Analysis,
    /// crates.io crates the code uses (`sha2`), added to the generated `Cargo.toml`.
    pub crates: std::collections::BTreeSet<&'static str>,
    pub support: BTreeSet<String>,
    pub file: &'a SourceFile,
    /// Comments of the current file, in order, and how many were emitted already.
    pub comments: &'a [Comment],
    pub comment_cursor: usize,
    pub func: FnState,
    /// The next constructor call is translated as the value it makes (not wrapped in a cell).
    pub raw_ctor_call: bool,
    /// Arguments of the `fmt` call being translated that were evaluated first into these
    /// locals (see `fmt_calls`).
    pub fmt_temps: HashMap<NodeId, syn::Ident>,
    /// The next call of a function returning `errors::Result` is left as it is (not made Go's
    /// pair).
    pub raw_result_call: bool,
    /// Rust names given to local objects (to keep shadowing and renames consistent).
    pub local_names: HashMap<ObjId, String>,
    /// Re-slices borrowing their base whose `cap` is used: the variable holding it.
    pub subslice_caps: HashMap<ObjId, syn::Ident>,
    /// TODO markers raised while translating the current statement.
    pub pending_markers: Vec<String>,
    /// Constants emitted as Rust `const` items (uses may name them).
    pub declared_consts: std::collections::HashSet<ObjId>,
    /// Enclosing Rust loops and labeled blocks (innermost last).
    pub rust_scopes: Vec<crate::stmt::RustScope>,
    /// Rust names of package-level types whose Go names differ only in case (`Tsmall` and
    /// `tsmall`): the later declaration's name gets a trailing `_`. Other types are named by
    /// `names::type_ident`.
    pub type_names: HashMap<ObjId, String>,
    /// The call being translated as an expression statement (its results are discarded):
    /// `fmt.Println` there is `println!`, elsewhere it yields Go's `(n, err)`.
    pub stmt_call: Option<NodeId>,
    /// The function being translated (or a closure in it) has `defer`: `d`, the name of
    /// `with_defer`'s list, is not given to a Go variable.
    pub defer_name_reserved: bool,
    /// Named non-struct types whose underlying type is being checked for a Rust form (a guard
    /// against recursive definitions).
    pub named_in_progress: Vec<TypeId>,
    /// A package variable being assigned through its cell: its uses become `(*g)`.
    pub global_override: Option<ObjId>,
    /// Variables a local closure being translated takes as parameters (see
    /// `local_closures`): references, so that its uses are `(*v)`.
    pub deref_vars: std::collections::HashSet<ObjId>,
    /// Optional pointer parameters past their nil guard (see `nil_guards`): plain borrows.
    pub narrowed: std::collections::HashSet<ObjId>,
    /// Range value variables bound to a reference to the element (`for it in xs.iter()`):
    /// their uses are `(*it)`, and a copy is `it.clone()`.
    pub borrowed_range: std::collections::HashSet<ObjId>,
    /// Range keys over a slice, array or string used only as indices: kept `usize`
    /// (`for i in 0..xs.len()`, `xs[i]`), not made `i64` and cast back.
    pub usize_vars: std::collections::HashSet<ObjId>,
    /// Methods of named non-struct types, by Rust type name, emitted as extension traits.
    pub ext_methods: std::collections::BTreeMap<String, Vec<syn::ImplItemFn>>,
    /// `impl dyn I { fn go_eq(…) }` for each trait interface whose values are compared, by
    /// trait name (`None` while being built).
    pub iface_eqs: std::collections::BTreeMap<String, Option<syn::Item>>,
    /// Whether the package has several files (items shared between them are `pub(crate)`).
    pub multi_file: bool,
    /// Value-receiver methods that mutate their receiver copy: they take `mut self`.
    pub by_value_methods: std::collections::HashSet<ObjId>,
    /// Whether the package names `fmt.Stringer`: only then do `Format` impls say which values
    /// have a `String` method (`string_method`), for `iface::as_stringer`.
    pub uses_stringer: bool,
    /// Value-receiver methods that write to their receiver only through its map fields: they
    /// take `&mut self` and are called on the original (Go's copy names the same map).
    pub map_write_methods: std::collections::HashSet<ObjId>,
    /// Pointer-receiver methods that never write through their receiver: they take `&self`
    /// and are called through a shared borrow.
    pub readonly_ptr_methods: std::collections::HashSet<ObjId>,
    /// Named slice types whose `sort.Interface` methods sort their elements (`Len` is `len`,
    /// `Swap` exchanges two elements).
    pub sort_slice_types: std::collections::HashSet<TypeId>,
    /// Temporaries standing for the results of a multi-value call (see [`Ctx::spread_call`]),
    /// and other stand-in expressions with their Go types; an empty name is a stand-in that is
    /// not a variable (the call a standard-library function value makes).
    pub synthetic: HashMap<NodeId, (String, TypeId)>,
    /// Anonymous struct types met so far, in order, and whether they were declared.
    pub anon_structs: Vec<(TypeId, bool)>,
    /// Instantiations of generic struct types met so far (see `generic_types`).
    pub type_instances: Vec<crate::generic_types::TypeInstance>,
    /// Instantiations of generic interface types met so far (see `generic_ifaces`).
    pub iface_instances: Vec<crate::generic_ifaces::IfaceInstance>,
    /// Trait impls emitted after the declarations: (trait, Rust type).
    pub impls_done: HashSet<(String, String)>,
    /// Converters between interface values declared after the instantiations (see
    /// `generic_ifaces`), and the names of those declared.
    pub converters: Vec<crate::generic_ifaces::Converter>,
    pub converters_done: HashSet<String>,
    /// The package declares generic struct types.
    pub has_generic_structs: bool,
    /// Translating a method for one instantiation of its generic type.
    pub in_type_instance: bool,
    /// Package variables declared as thread-local cells (others had unsupported types).
    pub emitted_globals: std::collections::HashSet<ObjId>,
    /// The tuple statics of multi-value package variables (`var a, b = f()`), by the first
    /// name's object: touched before `main` so that `f` runs even when nothing reads them.
    pub emitted_tuples: Vec<(ObjId, String)>,
    /// Rust names of package-level variables and constants (deduplicated: Go's `x` and `X`
    /// both want `X`).
    pub global_names: HashMap<ObjId, String>,
    /// Named types declared as stand-ins (interfaces, recursive or untranslatable types):
    /// values of these types are reported unsupported wherever they occur.
    pub stub_types: std::collections::HashSet<TypeId>,
    /// Interface types translated as traits; which concrete types (`T` or `*T`) implement
    /// them; struct types that are Go errors (value-receiver `Error() string`).
    pub ifaces: std::collections::HashSet<TypeId>,
    pub error_types: std::collections::HashSet<TypeId>,
    /// Struct types whose `Error()` method has a pointer receiver: `*T` values are errors
    /// (`support::errors::PtrError`).
    pub ptr_error_types: std::collections::HashSet<TypeId>,
    /// Type arguments of the generic function instantiation being translated
    /// (type parameter → type argument); generic functions are emitted once per instantiation.
    pub subst: HashMap<TypeId, TypeId>,
    /// Instantiations emitted, and those requested from inside other instantiations.
    pub mono_done: std::collections::HashSet<(ObjId, Vec<TypeId>)>,
    pub mono_queue: Vec<(ObjId, Vec<TypeId>)>,
    /// Instantiations whose type arguments mention the type parameters of the instantiation
    /// that uses them (`Two[Node[V]]` in `One[TextValue]`): with that instantiation's
    /// substitution; and the Rust names of those queued.
    pub mono_env_queue: Vec<(ObjId, Vec<TypeId>, HashMap<TypeId, TypeId>)>,
    pub mono_env_names: HashSet<String>,
    /// Instantiations used with concrete type arguments, per generic function.
    pub mono_instances: HashMap<ObjId, Vec<Vec<TypeId>>>,
    /// Generic functions translated as Rust generic functions (see `parametric`).
    pub parametric: std::collections::HashSet<ObjId>,
    /// While one of those is translated: its type parameters' Rust names, and the bounds
    /// its body needs of them.
    pub rust_params: HashMap<TypeId, syn::Ident>,
    pub param_bounds: HashMap<TypeId, std::collections::BTreeSet<&'static str>>,
    /// Interface types written in place, met so far, and whether they were declared.
    pub anon_ifaces: Vec<(TypeId, bool)>,
    /// Named struct types of the package (candidates for trait impls).
    pub concrete_types: Vec<TypeId>,
    /// Of those, the named non-struct types that share their Rust type with another: their
    /// interface values hold a wrapper (see `dyn_wrappers`).
    pub wrapped_types: Vec<TypeId>,
    /// Error types whose `Unwrap` returns a field, with the field's index (see
    /// `interfaces::plan`).
    pub unwrap_fields: HashMap<TypeId, usize>,
    /// The wrapped types whose wrapper is declared.
    pub wrappers_done: std::collections::HashSet<TypeId>,
    /// Number of `init` functions in the package (named `init_1`, `init_2`, … when several).
    pub init_total: usize,
    /// The package has `go` statements: package variables are process-wide.
    pub threaded: bool,
    /// In a package with `go` statements, the trait interfaces whose values are
    /// `Option<Arc<dyn I>>` (`trait I: Send + Sync`), so that they may cross threads.
    pub sync_ifaces: HashSet<TypeId>,
    /// Struct types used as map keys (directly or inside one): they derive `Ord`.
    pub key_structs: HashSet<TypeId>,
    /// Struct types that `encoding/json` encodes or decodes (they derive serde's traits).
    pub json: crate::stdlib::JsonPlan,
    /// A package variable that cannot be process-wide: `go` statements stay unsupported.
    pub thread_blocker: Option<String>,
}

impl<'a> Ctx<'a> {
    pub fn obj(&self, id: ObjId) -> &'a Object {
        self.prog.obj(id)
    }

    pub fn type_of(&self, e: &Expr) -> Option<TypeId> {
        if let Some((_, t)) = self.synthetic.get(&e.id) {
            return Some(*t);
        }
        self.info.type_of(e.id)
    }

    /// `f(g())` with a multi-value `g`: binds `g()`'s results to temporaries and returns the
    /// binding and one synthetic expression per result.
    pub fn spread_call(&mut self, args: &[Expr]) -> Option<(syn::Stmt, Vec<Expr>)> {
        let [a] = args else { return None };
        let Type::Tuple(ts) = self.ty(self.type_of(a)?).clone() else {
            return None;
        };
        let call = self.borrowed(a);
        let mut names = Vec::new();
        let mut exprs = Vec::new();
        for (i, t) in ts.iter().enumerate() {
            let id = NodeId(u32::MAX - self.synthetic.len() as u32);
            let name = self.temp_name(&format!("r{i}")).to_string();
            self.synthetic.insert(id, (name.clone(), *t));
            exprs.push(Expr {
                id,
                span: a.span,
                kind: goxide_ast::ast::ExprKind::Ident(name.clone()),
            });
            names.push(syn::Ident::new(&name, proc_macro2::Span::call_site()));
        }
        Some((syn::parse_quote!(let (#(#names),*) = #call;), exprs))
    }

    /// A stand-in Go expression naming the Rust variable `name`, of Go type `t` (so that the
    /// usual conversions apply to a temporary).
    pub fn synthetic_expr(&mut self, name: &str, t: TypeId, span: Span) -> Expr {
        let id = NodeId(u32::MAX - self.synthetic.len() as u32);
        self.synthetic.insert(id, (name.to_string(), t));
        Expr {
            id,
            span,
            kind: goxide_ast::ast::ExprKind::Ident(name.to_string()),
        }
    }

    /// The Rust name of the type declared by the type name object `obj`.
    pub fn type_name(&self, obj: ObjId) -> syn::Ident {
        match self.type_names.get(&obj) {
            Some(n) => crate::names::ident(n),
            None => crate::names::type_ident(&self.obj(obj).name),
        }
    }

    pub fn mode_of(&self, e: &Expr) -> Option<&'a Mode> {
        self.info.types.get(&e.id).map(|t| &t.mode)
    }

    pub fn ty(&self, t: TypeId) -> &'a Type {
        self.prog.types.get(self.resolve(t))
    }

    pub fn under(&self, t: TypeId) -> &'a Type {
        self.prog.types.under(self.resolve(t))
    }

    /// A type parameter's type argument in the instantiation being translated.
    pub fn resolve(&self, t: TypeId) -> TypeId {
        // A type argument may itself be a type parameter of the enclosing instantiation.
        let mut t = t;
        for _ in 0..8 {
            match self.subst.get(&t) {
                Some(&u) if u != t => t = u,
                _ => break,
            }
        }
        t
    }

    /// Records that the generated crate depends on the crates.io crate `name` (see
    /// `Translated::crates`).
    pub fn use_crate(&mut self, name: &'static str) {
        self.crates.insert(name);
    }

    pub fn use_support(&mut self, module: &str) {
        self.support.insert(module.to_string());
    }

    /// Go source text of a node (for TODO markers).
    pub fn snippet(&self, span: Span) -> String {
        let s = self.file.snippet(span);
        let one_line: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if one_line.len() > 100 {
            let mut cut = 100;
            while !one_line.is_char_boundary(cut) {
                cut -= 1;
            }
            format!("{}…", &one_line[..cut])
        } else {
            one_line
        }
    }

    /// The object an identifier expression denotes.
    pub fn obj_of(&self, e: &Expr) -> Option<ObjId> {
        self.info.object_of(e.id)
    }

    pub fn fresh_label(&mut self, base: &str) -> syn::Lifetime {
        self.func.next_label += 1;
        syn::Lifetime::new(
            &format!("'{}{}", base, self.func.next_label),
            proc_macro2::Span::call_site(),
        )
    }

    /// Comments that start before `offset` and have not been emitted yet.
    pub fn take_comments_before(&mut self, offset: u32) -> Vec<String> {
        let mut out = Vec::new();
        while let Some(c) = self.comments.get(self.comment_cursor) {
            if c.span.start >= offset {
                break;
            }
            self.comment_cursor += 1;
            out.push(comment_text(&c.text));
        }
        out
    }

    /// Skips comments before `offset` without emitting them (they were emitted as docs).
    pub fn skip_comments_before(&mut self, offset: u32) {
        while self
            .comments
            .get(self.comment_cursor)
            .is_some_and(|c| c.span.start < offset)
        {
            self.comment_cursor += 1;
        }
    }
}

/// The text of a Go comment without its markers.
pub fn comment_text(raw: &str) -> String {
    if let Some(s) = raw.strip_prefix("//") {
        s.strip_prefix(' ').unwrap_or(s).trim_end().to_string()
    } else {
        let s = raw.trim_start_matches("/*").trim_end_matches("*/");
        s.lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}
