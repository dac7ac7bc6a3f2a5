//! The `path`, `encoding` and `bufio` modules against Go 1.19: tests/go/encoding_path_bufio.go
//! prints the same cases, and its output is tests/go/encoding_path_bufio.out.

use goxide_support::bufio::{Scanner, Split};
use goxide_support::{encoding, errors, path};
use std::fmt::Write as _;

fn err_text(err: &errors::Error) -> String {
    match err {
        None => "nil".to_string(),
        Some(_) => errors::message(err),
    }
}

fn hex(b: &[u8]) -> String {
    encoding::hex_encode(b)
}

fn bytes(s: &str) -> Vec<u8> {
    s.chars().map(|c| c as u32 as u8).collect()
}

#[test]
fn matches_go() {
    let mut out = String::new();
    let paths = [
        "",
        ".",
        "/",
        "//",
        "a/b/../c",
        "/../a",
        "../../x/./y/",
        "a//b",
        "abc/..",
        "/a/b/c/..",
        "x/../..",
        ".hidden",
        "a.b/c",
        "é/ü.txt",
    ];
    for p in paths {
        let (d, f) = path::split(p);
        writeln!(
            out,
            "[{p}] clean=[{}] base=[{}] dir=[{}] ext=[{}] split=[{d}][{f}] abs={}",
            path::clean(p),
            path::base(p),
            path::dir(p),
            path::ext(p),
            path::is_abs(p)
        )
        .unwrap();
    }
    writeln!(
        out,
        "[{}] [{}] [{}]",
        path::join(&[]),
        path::join(&["", ""]),
        path::join(&["a", "", "../b", "c/"])
    )
    .unwrap();
    for s in [
        "",
        "48656c6c6f",
        "4g",
        "abc",
        "ab\u{0}c",
        "zz",
        "0\u{e9}",
        "\u{ad}0",
    ] {
        let (b, err) = encoding::hex_decode(s);
        writeln!(out, "{} {}", hex(&b), err_text(&err)).unwrap();
    }
    let cases = [
        "",
        "aGVsbG8=",
        "aGVsbG8",
        "aGVs\nbG8=",
        "aGVsbG8=x",
        "a===",
        "aG=v",
        "aGk=",
        "aGk",
        "a",
        "aG==",
        "aG=\n=",
        "aG=",
        "!!!!",
        "-_8=",
        "+/8=",
    ];
    for s in cases {
        let encs = [
            encoding::STD_ENCODING,
            encoding::RAW_STD_ENCODING,
            encoding::URL_ENCODING,
        ];
        for (i, enc) in encs.iter().enumerate() {
            let (b, err) = enc.decode_string(s);
            writeln!(out, "{i} {} {}", hex(&b), err_text(&err)).unwrap();
        }
    }
    for s in ["", "f", "fo", "foo", "\u{fb}\u{ff}\u{fe}", "hello, world"] {
        let b = bytes(s);
        writeln!(
            out,
            "{} {} {} {} {} {}",
            encoding::hex_encode(&b),
            encoding::STD_ENCODING.encode_to_string(&b),
            encoding::URL_ENCODING.encode_to_string(&b),
            encoding::RAW_STD_ENCODING.encode_to_string(&b),
            encoding::RAW_URL_ENCODING.encode_to_string(&b),
            encoding::crc32_ieee(&b)
        )
        .unwrap();
    }
    let mut inputs: Vec<Vec<u8>> = vec![
        b"  one two\r\nthree\xc2\xa0four\xff five  \n\n".to_vec(),
        b"a\r\n\nb\r\nlast".to_vec(),
        b"h\xc3\xa9\xffx\xe2\x82".to_vec(),
        b"".to_vec(),
        b"\n".to_vec(),
    ];
    let mut long = vec![b'x'; 65535];
    long.extend_from_slice(b"\nok\n");
    inputs.push(long);
    let mut too_long = vec![b'y'; 65536];
    too_long.extend_from_slice(b"\nok\n");
    inputs.push(too_long);
    for input in &inputs {
        for split in [Split::Lines, Split::Words, Split::Runes, Split::Bytes] {
            let sc = Scanner::new(std::io::Cursor::new(input.clone()));
            sc.split(split);
            let mut n = 0;
            while sc.scan() {
                if n < 8 {
                    // Text is lossy for invalid UTF-8; Bytes is exact.
                    write!(out, "{}({}) ", hex(&sc.bytes()), sc.bytes().len()).unwrap();
                }
                n += 1;
            }
            writeln!(out, "{n} {}", err_text(&sc.err())).unwrap();
        }
    }
    let want = include_str!("go/encoding_path_bufio.out");
    for (i, (got, want)) in out.lines().zip(want.lines()).enumerate() {
        assert_eq!(got, want, "line {}", i + 1);
    }
    assert_eq!(out.lines().count(), want.lines().count());
}
