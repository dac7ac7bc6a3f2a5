//! parse → check → translate → print, for every package of an [`Input`].

use crate::{Input, Options, Output, Report};

/// Translates an input into the files of a Cargo crate (or workspace).
pub fn translate(input: &Input, opts: &Options) -> Output {
    let _ = (input, opts);
    Output { files: Vec::new(), diagnostics: Vec::new(), report: Report::default() }
}
