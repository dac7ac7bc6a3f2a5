//! Support code that goxide emits into generated crates.
//!
//! Translated Go programs need a little run-time code that Rust's standard
//! library does not provide: Go's `fmt` formatting, Go's float and quoting
//! rules (`strconv`), `complex128`, the panic report and run-time error
//! texts, `defer`/`recover`, and integer and string operations with Go's
//! semantics. Each of these is a module file in this crate, compiled and
//! tested here as ordinary Rust. goxide copies the files a program uses into
//! the generated crate as `src/support/<module>.rs`; translated code refers
//! to them as `crate::support::<module>::...`.
//!
//! Every module uses no `unsafe`, and refers to sibling modules
//! only as `super::<module>`, so it compiles unchanged both here and inside
//! a generated crate's `support` module. [`MODULES`] lists each module's
//! source and the sibling modules it needs.
//!
//! Modules use only `std`, except those that build on a crates.io crate
//! ([`Module::crates`]: `json` on serde, `big` on num-bigint, `regexp` on regex), which the generated crate then
//! depends on. This crate must never depend on other goxide crates.

pub mod big;
pub mod bufio;
pub mod chan;
pub mod complex;
pub mod context;
pub mod csv;
pub mod defer;
pub mod encoding;
pub mod errors;
pub mod flag;
pub mod fmt;
pub mod heap;
pub mod iface;
pub mod io;
pub mod json;
pub mod json_decode;
pub mod json_encode;
pub mod list;
pub mod log;
pub mod math;
pub mod os;
pub mod parse;
pub mod path;
pub mod ptr;
pub mod ptrmap;
pub mod rand;
pub mod reflect;
pub mod regexp;
pub mod regexp_syntax;
pub mod ring;
pub mod rt;
pub mod runtime;
pub mod scan;
pub mod slices;
pub mod sort;
pub mod strconv;
pub mod strings;
pub mod sync;
pub mod tabwriter;
pub mod template;
pub mod time;
pub mod time_layout;
pub mod unicode;
pub mod url;

/// One support module as goxide emits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Module {
    /// The module name: the file is `src/support/<name>.rs`.
    pub name: &'static str,
    /// The module's Rust source, emitted verbatim.
    pub source: &'static str,
    /// crates.io crates the module uses (names as in [`crate_dependency`]).
    pub crates: &'static [&'static str],
    /// Sibling modules this one refers to (as `super::<dep>`).
    pub deps: &'static [&'static str],
}

/// Every support module, in a stable order.
pub const MODULES: &[Module] = &[
    Module {
        name: "big",
        source: include_str!("big.rs"),
        crates: &["num-bigint"],
        deps: &["fmt", "rt"],
    },
    Module {
        name: "bufio",
        source: include_str!("bufio.rs"),
        crates: &[],
        deps: &["errors", "io", "rt", "unicode"],
    },
    Module {
        name: "chan",
        source: include_str!("chan.rs"),
        crates: &[],
        deps: &["rt"],
    },
    Module {
        name: "complex",
        source: include_str!("complex.rs"),
        crates: &[],
        deps: &[],
    },
    Module {
        name: "context",
        source: include_str!("context.rs"),
        crates: &[],
        deps: &["chan", "errors", "fmt", "iface", "time"],
    },
    Module {
        name: "csv",
        source: include_str!("csv.rs"),
        crates: &[],
        deps: &["errors", "rt", "tabwriter", "unicode"],
    },
    Module {
        name: "defer",
        source: include_str!("defer.rs"),
        crates: &[],
        deps: &["rt"],
    },
    Module {
        name: "encoding",
        source: include_str!("encoding.rs"),
        crates: &[],
        deps: &["errors"],
    },
    Module {
        name: "errors",
        source: include_str!("errors.rs"),
        crates: &[],
        deps: &["fmt", "rt"],
    },
    Module {
        name: "flag",
        source: include_str!("flag.rs"),
        crates: &[],
        deps: &["parse", "strconv"],
    },
    Module {
        name: "fmt",
        source: include_str!("fmt.rs"),
        crates: &[],
        deps: &["complex", "rt", "strconv"],
    },
    Module {
        name: "heap",
        source: include_str!("heap.rs"),
        crates: &[],
        deps: &[],
    },
    Module {
        name: "iface",
        source: include_str!("iface.rs"),
        crates: &[],
        deps: &["errors", "fmt", "rt"],
    },
    Module {
        name: "io",
        source: include_str!("io.rs"),
        crates: &[],
        deps: &["errors"],
    },
    Module {
        name: "json",
        source: include_str!("json.rs"),
        crates: &["serde"],
        deps: &["errors", "iface", "json_decode", "json_encode"],
    },
    Module {
        name: "json_decode",
        source: include_str!("json_decode.rs"),
        crates: &["serde"],
        deps: &["encoding", "json", "strconv"],
    },
    Module {
        name: "json_encode",
        source: include_str!("json_encode.rs"),
        crates: &["serde"],
        deps: &["encoding", "json", "strconv"],
    },
    Module {
        name: "list",
        source: include_str!("list.rs"),
        crates: &[],
        deps: &["fmt", "iface", "rt"],
    },
    Module {
        name: "log",
        source: include_str!("log.rs"),
        crates: &[],
        deps: &["rt"],
    },
    Module {
        name: "math",
        source: include_str!("math.rs"),
        crates: &[],
        deps: &[],
    },
    Module {
        name: "os",
        source: include_str!("os.rs"),
        crates: &[],
        deps: &["errors", "fmt", "io", "rt"],
    },
    Module {
        name: "parse",
        source: include_str!("parse.rs"),
        crates: &[],
        deps: &["errors", "strconv"],
    },
    Module {
        name: "path",
        source: include_str!("path.rs"),
        crates: &[],
        deps: &[],
    },
    Module {
        name: "ptr",
        source: include_str!("ptr.rs"),
        crates: &[],
        deps: &["fmt"],
    },
    Module {
        name: "ptrmap",
        source: include_str!("ptrmap.rs"),
        crates: &[],
        deps: &["fmt", "rt"],
    },
    Module {
        name: "rand",
        source: include_str!("rand.rs"),
        crates: &[],
        deps: &["rt"],
    },
    Module {
        name: "reflect",
        source: include_str!("reflect.rs"),
        crates: &[],
        deps: &["complex", "fmt", "iface", "rt"],
    },
    Module {
        name: "regexp",
        source: include_str!("regexp.rs"),
        crates: &["regex"],
        deps: &["errors", "fmt", "regexp_syntax", "rt"],
    },
    Module {
        name: "regexp_syntax",
        source: include_str!("regexp_syntax.rs"),
        crates: &[],
        deps: &[],
    },
    Module {
        name: "scan",
        source: include_str!("scan.rs"),
        crates: &[],
        deps: &["errors"],
    },
    Module {
        name: "ring",
        source: include_str!("ring.rs"),
        crates: &[],
        deps: &["fmt", "iface", "rt"],
    },
    Module {
        name: "rt",
        source: include_str!("rt.rs"),
        crates: &[],
        deps: &[],
    },
    Module {
        name: "runtime",
        source: include_str!("runtime.rs"),
        crates: &[],
        deps: &[],
    },
    Module {
        name: "slices",
        source: include_str!("slices.rs"),
        crates: &[],
        deps: &["rt"],
    },
    Module {
        name: "sort",
        source: include_str!("sort.rs"),
        crates: &[],
        deps: &[],
    },
    Module {
        name: "strconv",
        source: include_str!("strconv.rs"),
        crates: &[],
        deps: &[],
    },
    Module {
        name: "strings",
        source: include_str!("strings.rs"),
        crates: &[],
        deps: &["rt", "unicode"],
    },
    Module {
        name: "sync",
        source: include_str!("sync.rs"),
        crates: &[],
        deps: &["chan", "fmt", "rt", "runtime"],
    },
    Module {
        name: "tabwriter",
        source: include_str!("tabwriter.rs"),
        crates: &[],
        deps: &["errors", "rt"],
    },
    Module {
        name: "template",
        source: include_str!("template.rs"),
        crates: &[],
        deps: &["errors", "fmt", "iface", "reflect", "rt"],
    },
    Module {
        name: "time",
        source: include_str!("time.rs"),
        crates: &[],
        deps: &["chan", "errors", "fmt", "rt"],
    },
    Module {
        name: "time_layout",
        source: include_str!("time_layout.rs"),
        crates: &[],
        deps: &["errors", "time"],
    },
    Module {
        name: "unicode",
        source: include_str!("unicode.rs"),
        crates: &[],
        deps: &[],
    },
    Module {
        name: "url",
        source: include_str!("url.rs"),
        crates: &[],
        deps: &["errors", "fmt", "rt", "strconv"],
    },
];

/// The `[dependencies]` line of a crates.io crate that support modules or translated code
/// use.
pub fn crate_dependency(name: &str) -> Option<&'static str> {
    Some(match name {
        "md-5" => "md-5 = \"0.10\"\n",
        "sha2" => "sha2 = \"0.10\"\n",
        "serde" => "serde = { version = \"1\", features = [\"derive\", \"rc\"] }\n",
        "num-bigint" => "num-bigint = \"0.4\"\n",
        "regex" => "regex = \"1\"\n",
        _ => return None,
    })
}

/// The support module called `name`.
pub fn module(name: &str) -> Option<&'static Module> {
    MODULES.iter().find(|m| m.name == name)
}

/// The modules `names` need, with all their dependencies, in [`MODULES`]
/// order (unknown names are ignored).
pub fn closure(names: &[&str]) -> Vec<&'static Module> {
    let mut wanted: Vec<&str> = Vec::new();
    let mut stack: Vec<&str> = names.to_vec();
    while let Some(name) = stack.pop() {
        if wanted.contains(&name) {
            continue;
        }
        if let Some(m) = module(name) {
            wanted.push(m.name);
            stack.extend(m.deps.iter().copied());
        }
    }
    MODULES
        .iter()
        .filter(|m| wanted.contains(&m.name))
        .collect()
}
