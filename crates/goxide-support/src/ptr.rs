//! Pointers into other variables: Go's `&s.f` and `&a[i]`.
//!
//! A Go pointer is usually `Option<Rc<RefCell<T>>>`: the pointee is a variable of its own. A
//! pointer to a field or an element points *inside* another variable, so a program that takes
//! such addresses uses `Option<Rc<dyn Place<T>>>` for that pointer type instead: a `Place<T>`
//! is either a whole cell (`RefCell<T>`) or a projection of another place (`Proj`), and both
//! borrow like a `RefCell` (`borrow()`, `borrow_mut()`), so code that reads and writes
//! through the pointer is the same for both.

use super::fmt::{fmt_pointee_value, Format, Formatter, Kind};
use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

/// Something a pointer can point at: borrowed like a `RefCell`.
pub trait Place<T: ?Sized> {
    fn borrow(&self) -> Ref<'_, T>;
    fn borrow_mut(&self) -> RefMut<'_, T>;
}

/// So that a struct holding such a pointer can derive `Debug` (it shows as `Place`).
impl<T: ?Sized> std::fmt::Debug for dyn Place<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Place")
    }
}

impl<T> Place<T> for RefCell<T> {
    fn borrow(&self) -> Ref<'_, T> {
        RefCell::borrow(self)
    }
    fn borrow_mut(&self) -> RefMut<'_, T> {
        RefCell::borrow_mut(self)
    }
}

/// A part of another place (a field, an element), reached by a pair of accessors.
pub struct Proj<B: ?Sized, S: ?Sized, T: ?Sized> {
    base: Rc<B>,
    get: Box<dyn Fn(&S) -> &T>,
    get_mut: Box<dyn Fn(&mut S) -> &mut T>,
}

impl<B: Place<S> + ?Sized, S: ?Sized, T: ?Sized> Place<T> for Proj<B, S, T> {
    fn borrow(&self) -> Ref<'_, T> {
        Ref::map(self.base.borrow(), |s| (self.get)(s))
    }
    fn borrow_mut(&self) -> RefMut<'_, T> {
        RefMut::map(self.base.borrow_mut(), |s| (self.get_mut)(s))
    }
}

/// `&x.f` / `&x[i]`: a pointer to the part of `base` that the accessors select. The part is
/// selected once here, so an index out of range panics where Go's `&a[i]` does.
pub fn project<B, S, T>(
    base: Rc<B>,
    get: impl Fn(&S) -> &T + 'static,
    get_mut: impl Fn(&mut S) -> &mut T + 'static,
) -> Option<Rc<dyn Place<T>>>
where
    B: Place<S> + ?Sized + 'static,
    S: ?Sized + 'static,
    T: ?Sized + 'static,
{
    let _ = get(&base.borrow());
    Some(Rc::new(Proj {
        base,
        get: Box::new(get),
        get_mut: Box::new(get_mut),
    }))
}

/// A pointer to a whole variable's cell, as a `Place`.
pub fn cell<T: 'static>(c: Rc<RefCell<T>>) -> Option<Rc<dyn Place<T>>> {
    Some(c)
}

/// `&T{…}`, `new(T)`: a pointer to a new variable holding `v`.
pub fn new<T: 'static>(v: T) -> Option<Rc<dyn Place<T>>> {
    Some(Rc::new(RefCell::new(v)))
}

/// The address a pointer points at (0 for nil): two pointers are equal when they point at the
/// same variable, field or element, however they were made.
pub fn addr<T: ?Sized>(p: &Option<Rc<dyn Place<T>>>) -> usize {
    match p {
        None => 0,
        Some(p) => {
            let r = p.borrow();
            (&*r as *const T).cast::<u8>() as usize
        }
    }
}

/// `p == q` for pointers that may point into other variables.
pub fn eq<T: ?Sized>(a: &Option<Rc<dyn Place<T>>>, b: &Option<Rc<dyn Place<T>>>) -> bool {
    addr(a) == addr(b)
}

/// A Go pointer `*T` that may point into another variable: printed as Go prints pointers.
impl<T: Format + 'static> Format for Option<Rc<dyn Place<T>>> {
    fn fmt(&self, f: &mut Formatter<'_>, verb: char) {
        let name = Self::go_type();
        match self {
            None => f.fmt_pointer(0, verb, &name, self),
            Some(p) => {
                let value = p.borrow();
                fmt_pointee_value(Some(&*value), addr(self), f, verb, &name, self);
            }
        }
    }
    fn type_name(&self) -> String {
        Self::go_type()
    }
    fn go_type() -> String {
        format!("*{}", T::go_type())
    }
    fn kind(&self) -> Kind {
        Kind::Pointer
    }
    fn identity(&self) -> Option<usize> {
        Some(addr(self))
    }
    fn method_string(&self) -> Option<String> {
        self.as_ref().and_then(|p| p.borrow().method_string())
    }
    fn string_method(&self) -> Option<String> {
        self.as_ref().and_then(|p| {
            let v = p.borrow();
            v.ptr_string_method().or_else(|| v.string_method())
        })
    }
}
