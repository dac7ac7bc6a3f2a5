//! What the facade's tests share: translating one `package main` file the way goxide
//! translates a single `.go` file with Go 1.19 semantics and the Go 1.19 standard library.

/// Translates `text` (the file `file_name`) as crate `crate_name`.
pub fn translate_main(file_name: &str, text: &str, crate_name: &str) -> goxide::Output {
    let input = goxide::Input {
        module: None,
        go_version: Some((1, 19)),
        packages: vec![goxide::InputPackage {
            import_path: "main".into(),
            rel_dir: String::new(),
            files: vec![goxide::InputFile {
                path: file_name.into(),
                text: text.into(),
            }],
        }],
        name: crate_name.into(),
    };
    let opts = goxide::Options {
        goroot: Some("/usr/share/go-1.19".into()),
        ..Default::default()
    };
    goxide::translate(&input, &opts)
}
