//! Go's `container/ring`: a circular list of `interface{}` values, with Go's `Link`, `Unlink`
//! and `Move` rules.
//!
//! [`Ring`] is Go's `*ring.Ring`: a handle that copies by sharing, compares by identity and may
//! be nil (`Len` and `Do` accept nil, as in Go; other methods panic on it as Go's do). The
//! elements of a ring hold each other in a cycle, as in Go; reference counting does not free
//! such a cycle, so a ring's memory lives until the program ends.

use super::iface::Iface;
use std::cell::RefCell;
use std::rc::Rc;

type NodeRef = Rc<RefCell<Node>>;

#[derive(Default)]
struct Node {
    next: Option<NodeRef>,
    prev: Option<NodeRef>,
    value: Iface,
}

/// Go's `*ring.Ring`.
#[derive(Clone, Default)]
pub struct Ring(Option<NodeRef>);

/// `ring.New(n)`: a ring of `n` nil values; nil when `n <= 0`.
pub fn new(n: i64) -> Ring {
    if n <= 0 {
        return Ring(None);
    }
    let r: NodeRef = Rc::default();
    let mut p = r.clone();
    for _ in 1..n {
        let q = Rc::new(RefCell::new(Node {
            prev: Some(p.clone()),
            ..Node::default()
        }));
        p.borrow_mut().next = Some(q.clone());
        p = q;
    }
    p.borrow_mut().next = Some(r.clone());
    r.borrow_mut().prev = Some(p);
    Ring(Some(r))
}

impl Ring {
    /// A nil `*ring.Ring`.
    pub fn nil() -> Ring {
        Ring(None)
    }

    /// Whether this is a nil pointer.
    pub fn is_nil(&self) -> bool {
        self.0.is_none()
    }

    fn node(&self) -> &NodeRef {
        match &self.0 {
            Some(n) => n,
            None => super::rt::nil_deref(),
        }
    }

    /// The ring's links, set up first for a zero `Ring` (a ring of one).
    fn links(&self) -> (NodeRef, NodeRef) {
        let n = self.node();
        let mut b = n.borrow_mut();
        if b.next.is_none() {
            b.next = Some(n.clone());
            b.prev = Some(n.clone());
        }
        (b.next.clone().unwrap(), b.prev.clone().unwrap())
    }

    /// `r.Next()`.
    pub fn next(&self) -> Ring {
        Ring(Some(self.links().0))
    }

    /// `r.Prev()`.
    pub fn prev(&self) -> Ring {
        Ring(Some(self.links().1))
    }

    /// `r.Move(n)`: `n` elements forward (backward when negative).
    pub fn move_by(&self, n: i64) -> Ring {
        let mut r = self.node().clone();
        self.links();
        let mut n = n;
        while n < 0 {
            let p = r.borrow().prev.clone().unwrap();
            r = p;
            n += 1;
        }
        while n > 0 {
            let p = r.borrow().next.clone().unwrap();
            r = p;
            n -= 1;
        }
        Ring(Some(r))
    }

    /// `r.Link(s)`: joins ring `s` after `r` (or removes the elements between them when they
    /// are in the same ring) and returns what followed `r`.
    pub fn link(&self, s: &Ring) -> Ring {
        let n = self.next();
        if let Some(sn) = &s.0 {
            let p = s.prev();
            let (r, n, p) = (self.node(), n.node(), p.node());
            r.borrow_mut().next = Some(sn.clone());
            sn.borrow_mut().prev = Some(r.clone());
            n.borrow_mut().prev = Some(p.clone());
            p.borrow_mut().next = Some(n.clone());
        }
        n
    }

    /// `r.Unlink(n)`: removes the `n` elements after `r` (`n` modulo the ring's length) and
    /// returns them as a ring; nil when `n <= 0`.
    pub fn unlink(&self, n: i64) -> Ring {
        if n <= 0 {
            return Ring(None);
        }
        self.link(&self.move_by(n + 1))
    }

    /// `r.Len()`: 0 for nil.
    pub fn len(&self) -> i64 {
        let Some(r) = &self.0 else {
            return 0;
        };
        let mut n = 1;
        let mut p = self.next().0.unwrap();
        while !Rc::ptr_eq(&p, r) {
            n += 1;
            let q = p.borrow().next.clone().unwrap();
            p = q;
        }
        n
    }

    /// Whether the ring is nil (Go's `r.Len() == 0`).
    pub fn is_empty(&self) -> bool {
        self.is_nil()
    }

    /// `r.Do(f)`: calls `f` on each value, forward from `r`.
    pub fn do_each(&self, mut f: impl FnMut(Iface)) {
        let Some(r) = &self.0 else {
            return;
        };
        f(self.value());
        let mut p = self.next().0.unwrap();
        while !Rc::ptr_eq(&p, r) {
            let v = p.borrow().value.clone();
            f(v);
            let q = p.borrow().next.clone().unwrap();
            p = q;
        }
    }

    /// `r.Value`.
    pub fn value(&self) -> Iface {
        self.node().borrow().value.clone()
    }

    /// `r.Value = v`.
    pub fn set_value(&self, v: Iface) {
        self.node().borrow_mut().value = v;
    }

    fn addr(&self) -> usize {
        self.0.as_ref().map_or(0, |n| Rc::as_ptr(n) as usize)
    }
}

impl PartialEq for Ring {
    fn eq(&self, other: &Ring) -> bool {
        self.addr() == other.addr()
    }
}

impl Eq for Ring {}

impl std::hash::Hash for Ring {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.addr().hash(h)
    }
}

impl std::fmt::Debug for Ring {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Ring({:#x})", self.addr())
    }
}

impl super::fmt::Format for Ring {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, verb: char) {
        f.fmt_pointer(self.addr(), verb, "*ring.Ring", self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "*ring.Ring".to_string()
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Pointer
    }
}
