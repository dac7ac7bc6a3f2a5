//! Go's `container/list`: a doubly linked list of `interface{}` values, with Go's rules for
//! elements that belong to another list (ignored), `Init` and the lazily initialized zero list.
//!
//! [`List`] is Go's `*list.List` and [`Element`] its `*list.Element`: handles that copy by
//! sharing, compare by identity and may be nil (methods on a nil handle panic as Go's do on a
//! nil pointer). The list owns its elements through their `next` links; `prev` links and an
//! element's link to its list are weak, so dropping a list frees it. An element handle also
//! keeps its list alive, as a Go `*Element` does.

use super::iface::Iface;
use std::cell::RefCell;
use std::rc::{Rc, Weak};

type NodeRef = Rc<RefCell<Node>>;
type InnerRef = Rc<RefCell<Inner>>;

#[derive(Default)]
struct Inner {
    front: Option<NodeRef>,
    back: Weak<RefCell<Node>>,
    len: i64,
}

struct Node {
    value: Iface,
    next: Option<NodeRef>,
    prev: Weak<RefCell<Node>>,
    list: Weak<RefCell<Inner>>,
}

/// Go's `*list.List`.
#[derive(Clone, Default)]
pub struct List(Option<InnerRef>);

/// Go's `*list.Element`.
#[derive(Clone, Default)]
pub struct Element(Option<(NodeRef, Option<InnerRef>)>);

fn nil_deref() -> ! {
    super::rt::nil_deref()
}

/// `list.New()`.
pub fn new() -> List {
    List(Some(Rc::new(RefCell::new(Inner::default()))))
}

impl List {
    /// A nil `*list.List`.
    pub fn nil() -> List {
        List(None)
    }

    /// Whether this is a nil pointer.
    pub fn is_nil(&self) -> bool {
        self.0.is_none()
    }

    fn inner(&self) -> &InnerRef {
        self.0.as_ref().unwrap_or_else(|| nil_deref())
    }

    fn handle(&self, n: Option<NodeRef>) -> Element {
        Element(n.map(|n| (n, self.0.clone())))
    }

    fn owns(&self, e: &Element) -> bool {
        let l = e.node().borrow().list.upgrade();
        l.is_some_and(|l| Rc::ptr_eq(&l, self.inner()))
    }

    /// `l.Init()`: empties the list.
    pub fn init(&self) -> List {
        let mut i = self.inner().borrow_mut();
        i.front = None;
        i.back = Weak::new();
        i.len = 0;
        drop(i);
        self.clone()
    }

    /// `l.Len()`.
    pub fn len(&self) -> i64 {
        self.inner().borrow().len
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `l.Front()`: nil when the list is empty.
    pub fn front(&self) -> Element {
        let f = self.inner().borrow().front.clone();
        self.handle(f)
    }

    /// `l.Back()`: nil when the list is empty.
    pub fn back(&self) -> Element {
        let b = self.inner().borrow().back.upgrade();
        self.handle(b)
    }

    /// Links `n` after `at` (`None`: at the front).
    fn link(&self, n: &NodeRef, at: Option<&NodeRef>) {
        let inner = self.inner();
        let next = match at {
            Some(a) => a.borrow().next.clone(),
            None => inner.borrow().front.clone(),
        };
        {
            let mut nb = n.borrow_mut();
            nb.prev = at.map_or_else(Weak::new, Rc::downgrade);
            nb.next = next.clone();
            nb.list = Rc::downgrade(inner);
        }
        match at {
            Some(a) => a.borrow_mut().next = Some(n.clone()),
            None => inner.borrow_mut().front = Some(n.clone()),
        }
        match &next {
            Some(x) => x.borrow_mut().prev = Rc::downgrade(n),
            None => inner.borrow_mut().back = Rc::downgrade(n),
        }
    }

    /// Unlinks `n` (keeping its own links until the caller resets them).
    fn unlink(&self, n: &NodeRef) {
        let inner = self.inner();
        let (prev, next) = {
            let nb = n.borrow();
            (nb.prev.upgrade(), nb.next.clone())
        };
        match &prev {
            Some(p) => p.borrow_mut().next = next.clone(),
            None => inner.borrow_mut().front = next.clone(),
        }
        match &next {
            Some(x) => x.borrow_mut().prev = prev.as_ref().map_or_else(Weak::new, Rc::downgrade),
            None => inner.borrow_mut().back = prev.as_ref().map_or_else(Weak::new, Rc::downgrade),
        }
    }

    fn insert_value(&self, v: Iface, at: Option<&NodeRef>) -> Element {
        let n = Rc::new(RefCell::new(Node {
            value: v,
            next: None,
            prev: Weak::new(),
            list: Weak::new(),
        }));
        self.link(&n, at);
        self.inner().borrow_mut().len += 1;
        self.handle(Some(n))
    }

    /// `l.PushFront(v)`.
    pub fn push_front(&self, v: Iface) -> Element {
        self.insert_value(v, None)
    }

    /// `l.PushBack(v)`.
    pub fn push_back(&self, v: Iface) -> Element {
        let back = self.inner().borrow().back.upgrade();
        self.insert_value(v, back.as_ref())
    }

    /// `l.InsertBefore(v, mark)`: nil when `mark` is not in this list.
    pub fn insert_before(&self, v: Iface, mark: &Element) -> Element {
        if !self.owns(mark) {
            return Element(None);
        }
        let prev = mark.node().borrow().prev.upgrade();
        self.insert_value(v, prev.as_ref())
    }

    /// `l.InsertAfter(v, mark)`: nil when `mark` is not in this list.
    pub fn insert_after(&self, v: Iface, mark: &Element) -> Element {
        if !self.owns(mark) {
            return Element(None);
        }
        self.insert_value(v, Some(mark.node()))
    }

    /// `l.Remove(e)`: unlinks `e` when it is in this list; returns its value either way.
    pub fn remove(&self, e: &Element) -> Iface {
        if self.owns(e) {
            let n = e.node();
            self.unlink(n);
            let mut nb = n.borrow_mut();
            nb.next = None;
            nb.prev = Weak::new();
            nb.list = Weak::new();
            drop(nb);
            self.inner().borrow_mut().len -= 1;
        }
        e.value()
    }

    /// Moves `e` after `at` (`None`: to the front).
    fn move_after(&self, e: &NodeRef, at: Option<&NodeRef>) {
        if at.is_some_and(|a| Rc::ptr_eq(a, e)) {
            return;
        }
        self.unlink(e);
        self.link(e, at);
    }

    /// `l.MoveToFront(e)`.
    pub fn move_to_front(&self, e: &Element) {
        let front = self.inner().borrow().front.clone();
        if !self.owns(e) || front.is_some_and(|f| Rc::ptr_eq(&f, e.node())) {
            return;
        }
        self.move_after(e.node(), None);
    }

    /// `l.MoveToBack(e)`.
    pub fn move_to_back(&self, e: &Element) {
        let back = self.inner().borrow().back.upgrade();
        if !self.owns(e) || back.as_ref().is_some_and(|b| Rc::ptr_eq(b, e.node())) {
            return;
        }
        self.move_after(e.node(), back.as_ref());
    }

    /// `l.MoveBefore(e, mark)`.
    pub fn move_before(&self, e: &Element, mark: &Element) {
        if !self.owns(e) || e == mark || !self.owns(mark) {
            return;
        }
        let prev = mark.node().borrow().prev.upgrade();
        self.move_after(e.node(), prev.as_ref());
    }

    /// `l.MoveAfter(e, mark)`.
    pub fn move_after_mark(&self, e: &Element, mark: &Element) {
        if !self.owns(e) || e == mark || !self.owns(mark) {
            return;
        }
        self.move_after(e.node(), Some(mark.node()));
    }

    /// `l.PushBackList(other)`: copies of `other`'s values at the back (`other` may be `l`).
    pub fn push_back_list(&self, other: &List) {
        let mut i = other.len();
        let mut e = other.front();
        while i > 0 {
            self.push_back(e.value());
            e = e.next();
            i -= 1;
        }
    }

    /// `l.PushFrontList(other)`: copies of `other`'s values at the front.
    pub fn push_front_list(&self, other: &List) {
        let mut i = other.len();
        let mut e = other.back();
        while i > 0 {
            self.push_front(e.value());
            e = e.prev();
            i -= 1;
        }
    }
}

impl Element {
    /// A nil `*list.Element`.
    pub fn nil() -> Element {
        Element(None)
    }

    /// Whether this is a nil pointer.
    pub fn is_nil(&self) -> bool {
        self.0.is_none()
    }

    fn node(&self) -> &NodeRef {
        match &self.0 {
            Some((n, _)) => n,
            None => nil_deref(),
        }
    }

    fn neighbour(&self, n: Option<NodeRef>) -> Element {
        let list = self.node().borrow().list.upgrade();
        match list {
            Some(l) => Element(n.map(|n| (n, Some(l)))),
            None => Element(None),
        }
    }

    /// `e.Next()`: nil at the back, or when `e` is in no list.
    pub fn next(&self) -> Element {
        let n = self.node().borrow().next.clone();
        self.neighbour(n)
    }

    /// `e.Prev()`: nil at the front, or when `e` is in no list.
    pub fn prev(&self) -> Element {
        let p = self.node().borrow().prev.upgrade();
        self.neighbour(p)
    }

    /// `e.Value`.
    pub fn value(&self) -> Iface {
        self.node().borrow().value.clone()
    }

    /// `e.Value = v`.
    pub fn set_value(&self, v: Iface) {
        self.node().borrow_mut().value = v;
    }

    fn addr(&self) -> usize {
        self.0.as_ref().map_or(0, |(n, _)| Rc::as_ptr(n) as usize)
    }
}

impl PartialEq for List {
    fn eq(&self, other: &List) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

impl Eq for List {}

impl PartialEq for Element {
    fn eq(&self, other: &Element) -> bool {
        self.addr() == other.addr()
    }
}

impl Eq for Element {}

impl std::hash::Hash for Element {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.addr().hash(h)
    }
}

impl std::fmt::Debug for List {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let addr = self.0.as_ref().map_or(0, |l| Rc::as_ptr(l) as usize);
        write!(f, "List({addr:#x})")
    }
}

impl std::fmt::Debug for Element {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Element({:#x})", self.addr())
    }
}

impl super::fmt::Format for List {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, verb: char) {
        let addr = self.0.as_ref().map_or(0, |l| Rc::as_ptr(l) as usize);
        f.fmt_pointer(addr, verb, "*list.List", self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "*list.List".to_string()
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Pointer
    }
}

impl super::fmt::Format for Element {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, verb: char) {
        f.fmt_pointer(self.addr(), verb, "*list.Element", self);
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        "*list.Element".to_string()
    }
    fn kind(&self) -> super::fmt::Kind {
        super::fmt::Kind::Pointer
    }
}
