//! A test program for the `rt` and `defer` modules: each scenario named on
//! the command line behaves like a small translated Go program, so tests
//! can check the exit status and the panic report on stderr.

use goxide_support::{defer, rt};

fn scenario() {
    let name = std::env::args().nth(1).unwrap_or_default();
    let len3 = || std::hint::black_box(vec![1i64, 2, 3]);
    let n = |v: usize| std::hint::black_box(v);
    match name.as_str() {
        "str" => rt::go_panic("x"),
        "string" => rt::go_panic(format!("v={}", 3)),
        "int" => rt::go_panic(5i64),
        "float" => rt::go_panic(1.5f64),
        "bool" => rt::go_panic(true),
        "named" => rt::go_panic(rt::Named("main.T", 5i64)),
        "nameds" => rt::go_panic(rt::Named("main.S", "hi")),
        "namedf" => rt::go_panic(rt::Named("main.F", 2.5f64)),
        "index" => {
            let v = len3();
            println!("{}", v[n(5)]);
        }
        "negindex" => {
            let v = len3();
            let i: i64 = std::hint::black_box(-1);
            println!("{}", v[i as usize]);
        }
        "div" => {
            let z: i64 = std::hint::black_box(0);
            println!("{}", 1 / z);
        }
        "rtdiv" => {
            println!("{}", rt::div(1i64, std::hint::black_box(0)));
        }
        "slice" => {
            let v = len3();
            println!("{}", v[..n(5)].len());
        }
        "slice2" => {
            let v = len3();
            println!("{}", v[n(2)..n(1)].len());
        }
        "strslice" => {
            println!("{}", rt::str_slice("abc", 0, n(5)));
        }
        "nil" => {
            let p: Option<std::rc::Rc<i64>> = std::hint::black_box(None);
            println!("{}", p.unwrap());
        }
        "nilderef" => rt::nil_deref(),
        "breakpoint" => defer::with_defer(
            |d| {
                d.push(|| println!("deferred"));
                print!("before ");
                goxide_support::runtime::breakpoint();
            },
            || (),
        ),
        "logfatal" => defer::with_defer(
            |d| {
                d.push(|| println!("deferred"));
                print!("before ");
                goxide_support::log::fatal("bad 7");
            },
            || (),
        ),
        "nilmap" => rt::runtime_error("assignment to entry in nil map"),
        "repanic" => defer::with_defer(
            |d| {
                d.push(|| {
                    let r = defer::recover();
                    rt::go_panic(r.expect("panicking"));
                });
                let v = len3();
                println!("{}", v[n(5)]);
            },
            || (),
        ),
        "repanicstr" => defer::with_defer(
            |d| {
                d.push(|| {
                    let r = defer::recover();
                    rt::go_panic(r.expect("panicking"));
                });
                rt::go_panic("boom");
            },
            || (),
        ),
        "nested" => defer::with_defer(
            |d| {
                d.push(|| rt::go_panic("second"));
                rt::go_panic("first");
            },
            || (),
        ),
        "stdout" => {
            print!("partial line");
            rt::go_panic("after output");
        }
        "ok" => println!("fine"),
        // `runtime.Goexit` in `main` with a goroutine left; in a goroutine after a recovered
        // panic (recover sees nil during Goexit; the goroutine ends quietly).
        "goexit" => defer::with_defer(
            |d| {
                let done = goxide_support::chan::Chan::<bool>::new(0);
                let tx = done.clone();
                goxide_support::chan::go(move || {
                    defer::with_defer(
                        |d| {
                            d.push(move || {
                                println!("recovered {}", defer::recover().is_some());
                                d2_goexit(tx);
                            });
                            rt::go_panic("p");
                        },
                        || (),
                    )
                });
                done.recv();
                goxide_support::chan::go(|| {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    println!("bye");
                });
                d.push(|| {
                    println!("deferred, recover {}", defer::recover().is_some());
                });
                goxide_support::chan::goexit();
            },
            || (),
        ),
        other => rt::go_panic(format!("unknown scenario {other}")),
    }
}

/// `runtime.Goexit` from a deferred call; the deferred call it runs lets `main` go on.
fn d2_goexit(done: goxide_support::chan::Chan<bool>) {
    defer::with_defer(
        |d| {
            d.push(move || {
                println!("inner deferred, recover {}", defer::recover().is_some());
                done.send(true);
            });
            goxide_support::chan::goexit();
        },
        || (),
    )
}

fn main() {
    rt::run_main(scenario);
}
