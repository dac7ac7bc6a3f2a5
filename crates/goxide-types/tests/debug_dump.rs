//! Debugging aid: `GOXIDE_DUMP=path cargo test -p goxide-types --test debug_dump -- --ignored
//! --nocapture` checks one file and prints its diagnostics (and the AST with GOXIDE_AST=1).

mod common;

#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("GOXIDE_DUMP") else {
        return;
    };
    let Ok(src) = std::fs::read_to_string(&path) else {
        return;
    };
    let c = common::check_src_with(
        &src,
        &goxide_types::Config {
            go_version: (1, 19),
        },
    );
    if std::env::var("GOXIDE_AST").is_ok() {
        println!("{:#?}", c.files[0].1.decls);
    }
    for d in &c.checked.diagnostics {
        println!("{}", d.render());
    }
}
