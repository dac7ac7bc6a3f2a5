//! Prints the AST and diagnostics of a Go file: `cargo run -p goxide-parser --example dump FILE`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE.go");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut ids = goxide_ast::ast::IdGen::new();
    let (file, diags) = goxide_parser::parse_file(&path, &text, &mut ids);
    if std::env::args().nth(2).as_deref() != Some("-q") {
        println!("{file:#?}");
    }
    for d in diags {
        println!("{}", d.render());
    }
}
