//! Valid Go (checked with `go vet` when written) must check without any error.

mod common;

#[test]
fn mixed_valid_program_has_no_errors() {
    let src = include_str!("testdata/valid_mix.go");
    let c = common::check_src_with(
        src,
        &goxide_types::Config {
            go_version: (1, 19),
        },
    );
    assert!(c.parse_errors.is_empty(), "{:?}", c.parse_errors);
    let errs: Vec<String> = c
        .checked
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert!(errs.is_empty(), "{errs:#?}");
}
