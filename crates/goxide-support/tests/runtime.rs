//! The `runtime`, `log` and `unicode::decode_rune` support against Go 1.19's behaviour.

use goxide_support::{log, runtime, unicode};
use std::process::Command;

fn run_scenario(name: &str) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_goxide-support-panic"))
        .arg(name)
        .env_remove("GOGC")
        .output()
        .expect("run the panic test program");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn set_gc_percent_and_max_stack_return_the_previous_setting() {
    // One test: the settings are process-wide.
    let first = runtime::set_gc_percent(1);
    let want = match std::env::var("GOGC") {
        Ok(v) if v == "off" => -1,
        Ok(v) => v.parse().unwrap_or(100),
        Err(_) => 100,
    };
    assert_eq!(first, want);
    assert_eq!(runtime::set_gc_percent(-5), 1);
    assert_eq!(runtime::set_gc_percent(100), -1);
    assert_eq!(runtime::set_max_stack(1 << 16), 1_000_000_000);
    assert_eq!(runtime::set_max_stack(1 << 20), 1 << 16);
}

#[test]
fn breakpoint_traps_like_go_without_a_debugger() {
    let (code, stdout, stderr) = run_scenario("breakpoint");
    assert_eq!(code, Some(2));
    assert_eq!(stdout, "before ");
    assert_eq!(stderr, "SIGTRAP: trace trap\n");
}

#[test]
fn log_fatal_prints_a_stamped_line_and_exits_1() {
    let (code, stdout, stderr) = run_scenario("logfatal");
    assert_eq!(code, Some(1));
    assert_eq!(stdout, "before ");
    // `2009/11/10 23:00:00 bad 7`
    assert_eq!(
        stderr.len(),
        "2009/11/10 23:00:00 bad 7\n".len(),
        "{stderr:?}"
    );
    assert!(stderr.ends_with(" bad 7\n"), "{stderr:?}");
    assert_eq!(&stderr[4..5], "/");
    assert_eq!(&stderr[13..14], ":");
}

#[test]
fn log_stamps_match_go() {
    // time.Unix(s, 0).UTC().Format("2006/01/02 15:04:05")
    assert_eq!(log::stamp(0), "1970/01/01 00:00:00");
    assert_eq!(log::stamp(1_257_894_000), "2009/11/10 23:00:00");
    assert_eq!(log::stamp(951_782_400), "2000/02/29 00:00:00");
    assert_eq!(log::stamp(4_107_542_399), "2100/02/28 23:59:59");
    assert_eq!(log::stamp(-1), "1969/12/31 23:59:59");
    assert_eq!(log::line(0, "x"), "1970/01/01 00:00:00 x\n");
    assert_eq!(log::line(0, "x\n"), "1970/01/01 00:00:00 x\n");
    assert_eq!(log::line(0, ""), "1970/01/01 00:00:00 \n");
}

#[test]
fn decode_rune_matches_go() {
    assert_eq!(unicode::decode_rune(b""), (0xFFFD, 0));
    assert_eq!(unicode::decode_rune(b"abc"), ('a' as i32, 1));
    assert_eq!(unicode::decode_rune("é!".as_bytes()), (0xE9, 2));
    assert_eq!(unicode::decode_rune("\u{10348}".as_bytes()), (0x10348, 4));
    assert_eq!(unicode::decode_rune(&[0xff, b'a']), (0xFFFD, 1));
    // A truncated sequence and an encoded surrogate are invalid: one byte at a time.
    assert_eq!(unicode::decode_rune(&[0xE2, 0x82]), (0xFFFD, 1));
    assert_eq!(unicode::decode_rune(&[0xED, 0xA0, 0x80]), (0xFFFD, 1));
}

#[test]
fn goexit_runs_deferred_calls_and_ends_only_its_goroutine() {
    let (code, stdout, stderr) = run_scenario("goexit");
    assert_eq!(
        stdout,
        "recovered true\ninner deferred, recover false\ndeferred, recover false\nbye\n"
    );
    assert_eq!(
        stderr,
        "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n"
    );
    assert_eq!(code, Some(2));
}
