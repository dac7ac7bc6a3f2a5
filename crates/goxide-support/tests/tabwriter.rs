//! The `tabwriter` module against Go 1.19's `text/tabwriter` (expected bytes printed by Go).

use goxide_support::tabwriter::{self, Output, Writer};
use std::cell::RefCell;
use std::rc::Rc;

fn run(
    minwidth: i64,
    tabwidth: i64,
    padding: i64,
    padchar: u8,
    flags: u64,
    text: &[u8],
) -> Vec<u8> {
    let buf = Rc::new(RefCell::new(Vec::new()));
    let w = Writer::new(
        Output::Buffer(buf.clone()),
        minwidth,
        tabwidth,
        padding,
        padchar,
        flags,
    );
    assert_eq!(w.write(text).0, text.len() as i64);
    assert!(w.flush().is_none());
    let out = buf.borrow().clone();
    out
}

/// minwidth, tabwidth, padding, padchar, flags, input, Go's output.
type Case = (i64, i64, i64, u8, u64, &'static [u8], &'static [u8]);

#[test]
fn aligns_like_go() {
    use tabwriter::*;
    let cases: &[Case] = &[
        (
            0,
            8,
            1,
            b'.',
            0,
            b"a\tb\tc\naaa\tbbbbb\n",
            b"a...b.c\naaa.bbbbb\n",
        ),
        (
            5,
            0,
            1,
            b'.',
            ALIGN_RIGHT | DEBUG,
            b"a\tbbb\tc\t\n",
            b"....a|..bbb|....c|\n",
        ),
        (
            0,
            8,
            1,
            b'\t',
            0,
            b"key\tvalue\na-much-longer-key\tv\n",
            b"key\t\t\tvalue\na-much-longer-key\tv\n",
        ),
        (0, 4, 1, b'-', DEBUG, b"ab\tc\x0cx\ty", b"ab-|c\n---\nx-|y"),
        (
            0,
            8,
            1,
            b'.',
            0,
            b"a\xffb\tc\xff\td\ne\tf\n",
            b"a\xffb\tc\xff.d\ne....f\n",
        ),
        (
            0,
            8,
            1,
            b'.',
            STRIP_ESCAPE,
            b"a\xffb\tc\xff\td\ne\tf\n",
            b"ab\tc.d\ne....f\n",
        ),
        (
            0,
            8,
            1,
            b'.',
            FILTER_HTML,
            b"<b>x</b>\t&amp;\ny\tz\n",
            b"<b>x</b>.&amp;\ny.z\n",
        ),
    ];
    for &(min, tab, pad, c, flags, text, want) in cases {
        let got = run(min, tab, pad, c, flags, text);
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(want),
            "{:?}",
            String::from_utf8_lossy(text)
        );
    }
}
