//! The `list` and `ring` modules against Go 1.19's `container/list` and `container/ring`.

use goxide_support::iface;
use goxide_support::list::{new, List};
use goxide_support::ring;

fn ints(l: &List) -> Vec<i64> {
    let mut out = Vec::new();
    let mut e = l.front();
    while !e.is_nil() {
        out.push(iface::downcast::<i64>(&e.value()).unwrap());
        e = e.next();
    }
    let mut back = Vec::new();
    let mut e = l.back();
    while !e.is_nil() {
        back.push(iface::downcast::<i64>(&e.value()).unwrap());
        e = e.prev();
    }
    back.reverse();
    assert_eq!(out, back);
    assert_eq!(out.len() as i64, l.len());
    out
}

#[test]
fn pushes_moves_and_removes_as_go() {
    let l = new();
    let e4 = l.push_back(iface::new(4i64));
    let e1 = l.push_front(iface::new(1i64));
    l.insert_before(iface::new(3i64), &e4);
    l.insert_after(iface::new(2i64), &e1);
    assert_eq!(ints(&l), [1, 2, 3, 4]);
    l.move_to_front(&e4);
    l.move_to_back(&e1);
    assert_eq!(ints(&l), [4, 2, 3, 1]);
    let e3 = e4.next().next();
    l.move_before(&e1, &e4);
    assert_eq!(ints(&l), [1, 4, 2, 3]);
    l.move_after_mark(&e1, &e3);
    assert_eq!(ints(&l), [4, 2, 3, 1]);
    assert_eq!(iface::downcast::<i64>(&l.remove(&e4)), Some(4));
    assert!(e4.next().is_nil() && e4.prev().is_nil());
    // Removing again, or from another list, changes nothing.
    l.remove(&e4);
    let other = new();
    other.remove(&e1);
    assert_eq!(ints(&l), [2, 3, 1]);
    assert!(l.insert_after(iface::new(9i64), &e4).is_nil());
    l.push_back_list(&l.clone());
    assert_eq!(ints(&l), [2, 3, 1, 2, 3, 1]);
    other.push_front_list(&l);
    assert_eq!(ints(&other), [2, 3, 1, 2, 3, 1]);
    l.init();
    assert_eq!(ints(&l), Vec::<i64>::new());
    assert!(l.front().is_nil());
}

#[test]
fn an_element_keeps_its_list_alive() {
    let e = {
        let l = new();
        l.push_back(iface::new(1i64));
        let e = l.push_front(iface::new(0i64));
        drop(l);
        e
    };
    assert_eq!(iface::downcast::<i64>(&e.next().value()), Some(1));
}

fn ring_ints(r: &ring::Ring) -> Vec<i64> {
    let mut out = Vec::new();
    r.do_each(|v| out.push(iface::downcast::<i64>(&v).unwrap_or(-1)));
    out
}

#[test]
fn ring_moves_links_and_unlinks_as_go() {
    assert!(ring::new(0).is_nil());
    assert_eq!(ring::Ring::nil().len(), 0);
    let mut r = ring::new(5);
    for i in 0..r.len() {
        r.set_value(iface::new(i));
        r = r.next();
    }
    assert_eq!(ring_ints(&r), [0, 1, 2, 3, 4]);
    assert_eq!(ring_ints(&r.move_by(-2)), [3, 4, 0, 1, 2]);
    assert_eq!(ring_ints(&r.move_by(7)), [2, 3, 4, 0, 1]);
    let removed = r.unlink(2);
    assert_eq!(ring_ints(&removed), [1, 2]);
    assert_eq!(ring_ints(&r), [0, 3, 4]);
    let s = ring::new(2);
    s.set_value(iface::new(10i64));
    s.next().set_value(iface::new(11i64));
    let after = r.link(&s);
    assert_eq!(ring_ints(&r), [0, 10, 11, 3, 4]);
    assert_eq!(ring_ints(&after), [3, 4, 0, 10, 11]);
    assert_eq!(r.prev().prev(), r.move_by(3));
    assert!(r.unlink(0).is_nil());
}
