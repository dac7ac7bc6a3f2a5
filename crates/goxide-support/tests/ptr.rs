//! `support::ptr`: pointers to fields and elements behave like Go's `&s.f` and `&a[i]`.

use goxide_support::fmt::sprint;
use goxide_support::ptr;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Default)]
struct Pair {
    a: i64,
    b: [i64; 3],
}

#[test]
fn field_and_element_pointers_write_through() {
    let s = Rc::new(RefCell::new(Pair::default()));
    let pa = ptr::project(s.clone(), |v: &Pair| &v.a, |v: &mut Pair| &mut v.a);
    let pb1 = ptr::project(s.clone(), |v: &Pair| &v.b[1], |v: &mut Pair| &mut v.b[1]);
    *pa.as_ref().unwrap().borrow_mut() = 7;
    *pb1.as_ref().unwrap().borrow_mut() += 5;
    assert_eq!(s.borrow().a, 7);
    assert_eq!(s.borrow().b, [0, 5, 0]);
    // A projection of a projection.
    let whole = ptr::cell(s.clone());
    let pb = ptr::project(whole.unwrap(), |v: &Pair| &v.b, |v: &mut Pair| &mut v.b);
    let pb2 = ptr::project(
        pb.unwrap(),
        |v: &[i64; 3]| &v[2],
        |v: &mut [i64; 3]| &mut v[2],
    );
    *pb2.as_ref().unwrap().borrow_mut() = 9;
    assert_eq!(s.borrow().b, [0, 5, 9]);
}

#[test]
fn pointers_compare_by_address() {
    let s = Rc::new(RefCell::new(Pair::default()));
    let p1 = ptr::project(s.clone(), |v: &Pair| &v.a, |v: &mut Pair| &mut v.a);
    let p2 = ptr::project(s.clone(), |v: &Pair| &v.a, |v: &mut Pair| &mut v.a);
    let p3 = ptr::project(s.clone(), |v: &Pair| &v.b[0], |v: &mut Pair| &mut v.b[0]);
    assert!(ptr::eq(&p1, &p2));
    assert!(!ptr::eq(&p1, &p3));
    assert!(ptr::eq::<i64>(&None, &None));
    assert!(!ptr::eq(&p1, &None));
    assert!(sprint(&[&ptr::new(3_i64)]).starts_with("0x"));
}

#[test]
#[should_panic]
fn element_pointer_out_of_range_panics_when_taken() {
    let v = Rc::new(RefCell::new(vec![1_i64, 2]));
    let _ = ptr::project(v, |v: &Vec<i64>| &v[5], |v: &mut Vec<i64>| &mut v[5]);
}
