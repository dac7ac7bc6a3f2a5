//! The `csv` module against Go 1.19's `encoding/csv` (expected values printed by Go).

use goxide_support::csv::{Reader, Writer};
use goxide_support::errors;
use goxide_support::tabwriter::Output;
use std::cell::RefCell;
use std::io::Cursor;
use std::rc::Rc;

fn read_all(input: &'static str) -> (Vec<Vec<String>>, String) {
    let r = Reader::new(Cursor::new(input));
    let (recs, err) = r.read_all();
    (recs, err.map(|e| e.to_string()).unwrap_or_default())
}

#[test]
fn reads_like_go() {
    let (recs, err) = read_all("a,\"b\"\"c\",\"d\ne\"\r\n\n,x\n");
    assert!(recs.is_empty());
    assert_eq!(err, "record on line 4: wrong number of fields");
    let (recs, err) = read_all("a,\"b\"\"c\",\"d\ne\"\r\n\n,x,\n");
    assert_eq!(recs, [["a", "b\"c", "d\ne"], ["", "x", ""]]);
    assert_eq!(err, "");
    assert_eq!(
        read_all("x,y\"z\n").1,
        "parse error on line 1, column 4: bare \" in non-quoted-field"
    );
    assert_eq!(
        read_all("ok,1\n\"multi\nline\"x\n").1,
        "record on line 2; parse error on line 3, column 5: extraneous or missing \" in quoted-field"
    );
    let r = Reader::new(Cursor::new("last"));
    let (rec, err) = r.read();
    assert_eq!((rec, err.is_none()), (vec!["last".to_string()], true));
    let (_, err) = r.read();
    assert!(errors::same(&err, &errors::eof()));
}

#[test]
fn writes_like_go() {
    let buf = Rc::new(RefCell::new(Vec::new()));
    let w = Writer::new(Output::Buffer(buf.clone()));
    let rec = |r: &[&str]| r.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert!(w
        .write(&rec(&["a", "b,c", " d", "e\"f", "", "\\."]))
        .is_none());
    assert!(buf.borrow().is_empty());
    w.flush();
    assert_eq!(
        String::from_utf8(buf.borrow().clone()).unwrap(),
        "a,\"b,c\",\" d\",\"e\"\"f\",,\"\\.\"\n"
    );
}
