//! Deeply nested input must not overflow the stack of an ordinary thread.

mod common;

#[test]
fn long_operator_chains_and_deep_nesting() {
    // Run on a thread with the default main-thread stack size (8 MiB).
    let h = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(|| {
            let chain = vec!["1"; 3000].join(" + ");
            let src = format!("package main\n\nvar x = {chain}\n\nfunc main() {{ _ = x }}\n");
            let c = common::check_src(&src);
            let parens = format!("{}1{}", "(".repeat(300), ")".repeat(300));
            let src2 = format!("package main\n\nvar y = {parens}\n\nfunc main() {{ _ = y }}\n");
            let c2 = common::check_src(&src2);
            (
                c.checked.diagnostics.len(),
                c2.checked.diagnostics.len(),
                c.parse_errors.len(),
            )
        })
        .expect("spawn");
    let (a, b, p) = h.join().expect("no stack overflow");
    assert_eq!((a, b, p), (0, 0, 0));
}
