//! parse → check → translate → print, for every package of an [`Input`].

use crate::goroot::{find_goroot, SourceImporter};
use crate::{crate_layout, Input, Options, Output, Report};
use goxide_ast::ast::{File, IdGen, NodeId};
use goxide_ast::{Diagnostic, SourceFile};
use std::collections::{HashMap, HashSet};

/// The parsed files of one package.
pub(crate) struct ParsedPackage {
    pub import_path: String,
    pub files: Vec<(SourceFile, File)>,
    /// Package variables moved into the one function using them (their names' ids, with the
    /// function's name; see
    /// `goxide_translate::localize`).
    pub localized: HashMap<NodeId, String>,
    /// Of those, the ones lent to the functions using them, with those functions' names (see
    /// `goxide_translate::state_params`).
    pub lent: HashMap<NodeId, Vec<String>>,
    /// The parameters that lending added (their names' ids).
    pub added_params: HashSet<NodeId>,
}

/// Parses every file of every package; returns the syntax diagnostics too.
pub(crate) fn parse_all(input: &Input, ids: &mut IdGen) -> (Vec<ParsedPackage>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut packages = Vec::new();
    for p in &input.packages {
        let mut files = Vec::new();
        for f in &p.files {
            let (ast, d) = goxide_parser::parse_file(&f.path, &f.text, ids);
            diags.extend(d);
            files.push((SourceFile::new(f.path.clone(), f.text.clone()), ast));
        }
        packages.push(ParsedPackage {
            import_path: p.import_path.clone(),
            files,
            localized: HashMap::new(),
            lent: HashMap::new(),
            added_params: HashSet::new(),
        });
    }
    (packages, diags)
}

/// The Go version whose semantics apply: `go.mod`'s, else `--go`, else the newest rule.
pub fn effective_go_version(input: &Input, opts: &Options) -> (u32, u32) {
    input.go_version.or(opts.go_version).unwrap_or((1, 22))
}

/// Parses and type-checks every package; returns the checked packages and all diagnostics.
pub(crate) fn check_all(
    input: &Input,
    opts: &Options,
    localize: bool,
) -> (Vec<(ParsedPackage, goxide_types::Checked)>, Vec<Diagnostic>) {
    let mut ids = IdGen::new();
    let (packages, mut diags) = parse_all(input, &mut ids);
    if diags.iter().any(Diagnostic::is_error) {
        return (Vec::new(), diags);
    }
    let config = goxide_types::Config {
        go_version: effective_go_version(input, opts),
    };
    let local: Vec<(String, Vec<(SourceFile, File)>)> = packages
        .iter()
        .map(|p| (p.import_path.clone(), p.files.clone()))
        .collect();
    let mut importer = SourceImporter {
        goroot: find_goroot(opts.goroot.as_deref()),
        local: &local,
        ids,
    };
    let mut checked = Vec::new();
    for p in packages {
        let c = goxide_types::check_package(&p.import_path, &p.files, &mut importer, &config);
        diags.extend(c.diagnostics.iter().cloned());
        let (p, c) = if localize && !c.diagnostics.iter().any(Diagnostic::is_error) {
            let (p, c) = chains_split(p, c, &mut importer, &config);
            localized(p, c, &mut importer, &config)
        } else {
            (p, c)
        };
        checked.push((p, c));
    }
    (checked, diags)
}

/// The package with each variable given a chain of chaining calls' result (`q :=
/// From(t).Where(c)`) given the chain's start instead, the chain following as a statement (see
/// `goxide_translate::chaining`), checked again; unchanged when there are none or the rewritten
/// package does not check.
fn chains_split(
    p: ParsedPackage,
    c: goxide_types::Checked,
    importer: &mut SourceImporter<'_>,
    config: &goxide_types::Config,
) -> (ParsedPackage, goxide_types::Checked) {
    let ast_files: Vec<&File> = p.files.iter().map(|(_, f)| f).collect();
    let splits = goxide_translate::chaining::splits(&c.program, &c.info, &ast_files);
    if splits.is_empty() {
        return (p, c);
    }
    let mut files = p.files.clone();
    goxide_translate::chaining::apply_splits(&mut files, &splits, &mut importer.ids);
    let c2 = goxide_types::check_package(&p.import_path, &files, importer, config);
    if c2.diagnostics.iter().any(Diagnostic::is_error) {
        return (p, c);
    }
    (ParsedPackage { files, ..p }, c2)
}

/// The package with its variables that only one function uses moved into that function (and
/// those `main` lends to the functions it calls moved into `main`), checked again; unchanged
/// when there are none or the rewritten package does not check.
fn localized(
    p: ParsedPackage,
    c: goxide_types::Checked,
    importer: &mut SourceImporter<'_>,
    config: &goxide_types::Config,
) -> (ParsedPackage, goxide_types::Checked) {
    use goxide_translate::{localize, state_params};
    let mut moves = localize::plan(&c.program, &c.info, &p.files);
    let mut threads = state_params::plan(&c.program, &c.info, &p.files, &moves, &mut importer.ids);
    // A variable the function only assigns would be "declared but not used": such moves are
    // dropped and the rest tried again; lending is dropped when the rewrite does not check.
    for _ in 0..3 {
        if moves.is_empty() && threads.is_empty() {
            break;
        }
        let mut files = p.files.clone();
        let all: Vec<localize::Move> = moves
            .iter()
            .cloned()
            .chain(threads.iter().map(|t| t.mv.clone()))
            .collect();
        // (Before the moves, which drop emptied declarations: lending finds its functions by
        // position.)
        let added_params = state_params::apply(&mut files, &threads, &mut importer.ids);
        let ids = localize::apply(&mut files, &all, &mut importer.ids);
        let c2 = goxide_types::check_package(&p.import_path, &files, importer, config);
        if !c2.diagnostics.iter().any(Diagnostic::is_error) {
            let lent = threads
                .iter()
                .map(|t| (t.name_id, state_params::func_names(&p.files, t)))
                .collect();
            return (
                ParsedPackage {
                    import_path: p.import_path,
                    files,
                    localized: ids,
                    lent,
                    added_params,
                },
                c2,
            );
        }
        if !threads.is_empty() {
            threads.clear();
            continue;
        }
        let unused: HashSet<&str> = c2
            .diagnostics
            .iter()
            .filter_map(|d| d.message.strip_suffix(" declared but not used"))
            .collect();
        moves.retain(|m| {
            !goxide_translate::localize::names(&p.files, m).any(|n| unused.contains(n))
        });
    }
    (p, c)
}

/// Parses and type-checks only (`goxide check`): the diagnostics.
pub fn check(input: &Input, opts: &Options) -> Vec<Diagnostic> {
    check_all(input, opts, false).1
}

/// Translates an input into the files of a Cargo crate (or workspace).
pub fn translate(input: &Input, opts: &Options) -> Output {
    let (checked, diagnostics) = check_all(input, opts, true);
    if diagnostics.iter().any(Diagnostic::is_error) || checked.is_empty() {
        return Output {
            files: Vec::new(),
            diagnostics,
            report: Report::default(),
        };
    }
    let go_version = effective_go_version(input, opts);
    let crate_name = crate_layout::crate_name(opts.crate_name.as_deref().unwrap_or(&input.name));
    let mut report = Report::default();
    match crate_layout::lay_out(
        &checked,
        &crate_name,
        go_version,
        opts.async_tokio,
        &mut report,
    ) {
        Ok(files) => Output {
            files,
            diagnostics,
            report,
        },
        Err(msg) => {
            let mut diagnostics = diagnostics;
            if let Some((sf, _)) = checked.first().and_then(|(p, _)| p.files.first()) {
                diagnostics.push(Diagnostic::error(sf, goxide_ast::Span::default(), msg));
            }
            Output {
                files: Vec::new(),
                diagnostics,
                report: Report::default(),
            }
        }
    }
}
