//! parse → check → translate → print, for every package of an [`Input`].

use crate::goroot::{find_goroot, SourceImporter};
use crate::{crate_layout, Input, Options, Output, Report};
use goxide_ast::ast::{File, IdGen};
use goxide_ast::{Diagnostic, SourceFile};

/// The parsed files of one package.
pub(crate) struct ParsedPackage {
    pub import_path: String,
    pub files: Vec<(SourceFile, File)>,
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
        checked.push((p, c));
    }
    (checked, diags)
}

/// Parses and type-checks only (`goxide check`): the diagnostics.
pub fn check(input: &Input, opts: &Options) -> Vec<Diagnostic> {
    check_all(input, opts).1
}

/// Translates an input into the files of a Cargo crate (or workspace).
pub fn translate(input: &Input, opts: &Options) -> Output {
    let (checked, diagnostics) = check_all(input, opts);
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
